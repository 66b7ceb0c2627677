// TransferErrors as the basic-ftp adapter makes them from what basic-ftp throws.
import { type TransferError, toTransferError } from "@transfer-errors/basic-ftp";
import { FTPError } from "basic-ftp";

function ftpReply(code: number, text: string): FTPError {
  return new FTPError({ code, message: `${code} ${text}` } as ConstructorParameters<
    typeof FTPError
  >[0]);
}

function socketError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** 550 for a missing file: permanent. */
export const notFound = (): TransferError =>
  toTransferError(ftpReply(550, "/in/report.csv: No such file or directory"), {
    operation: "downloadTo",
    path: "/in/report.csv",
  });

/** A reset control connection during a download: retryable, reconnect first. */
export const connectionLost = (): TransferError =>
  toTransferError(socketError("read ECONNRESET (control socket)", "ECONNRESET"), {
    operation: "downloadTo",
    path: "/in/report.csv",
  });

/** The same reset during an append: it may have been applied, so not retryable (ambiguous). */
export const ambiguousAppend = (): TransferError =>
  toTransferError(socketError("read ECONNRESET (control socket)", "ECONNRESET"), {
    operation: "appendFrom",
    path: "/in/log.csv",
  });

/** A busy server that says how long to wait: retryable, `delayMs` 30 000. */
export const busy = (): TransferError =>
  toTransferError(ftpReply(421, "Too many users, try again in 30 seconds"), {
    operation: "access",
  });

/** A 450: retryable without a reconnect. */
export const transient = (): TransferError =>
  toTransferError(ftpReply(450, "busy"), { operation: "downloadTo", path: "/in/report.csv" });

/** An operation that fails with `failures` in order, then resolves with "done". */
export function failing(...failures: unknown[]) {
  const calls: number[] = [];
  const fn = async (): Promise<string> => {
    calls.push(calls.length + 1);
    const next = failures.shift();
    if (next !== undefined) throw next;
    return "done";
  };
  return { fn, calls };
}
