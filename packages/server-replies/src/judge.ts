// Runs a catalog reply through the adapters as their client libraries surface it, with a chosen
// reply catalog (none, the shipped one, or one built without a product for leave-one-out).
import { readError as readBasicFtp } from "@transfer-errors/basic-ftp";
import { createTransferError, type TransferError } from "@transfer-errors/core/adapter";
import type { ReplyCatalog } from "@transfer-errors/core/catalog";
import { readError as readSftp } from "@transfer-errors/ssh2-sftp-client";
import { FTPError } from "basic-ftp";
import type { Reply } from "./catalogs.js";

const PATH = "/srv/ftp/data/report.csv";

/** The error the client library throws for this reply. */
export function libraryErrorOf(reply: Reply): Error {
  if (reply.protocol === "ftp") {
    return new FTPError({ code: reply.code, message: `${reply.code} ${reply.text}` } as never);
  }
  // ssh2-sftp-client's fmtError: "<method>: <server message> <path>", the status as code.
  const error = new Error(`${reply.operation ?? "get"}: ${reply.text} ${PATH}`);
  return Object.assign(error, { code: reply.code, custom: true });
}

/**
 * The TransferError an adapter makes of the reply, reading replies with `catalog`; with
 * `serverGreeting` as a wrapped client passes it (the product's greeting line), or without.
 * `wrapped`: as the ssh2-sftp-client wrapper reads it, which sees the request that got the
 * status when its method sends that request (its operations table says which it sends).
 */
export function judge(
  reply: Reply,
  catalog: ReplyCatalog | undefined,
  serverGreeting?: string,
  wrapped = false,
): TransferError {
  const error = libraryErrorOf(reply);
  const context = { operation: reply.operation, path: PATH, serverGreeting };
  const failure =
    reply.protocol === "ftp" ? readBasicFtp(error, context) : readSftp(error, context);
  if (wrapped) failure.request = seenRequestOf(reply);
  return createTransferError({ ...failure, catalog });
}

const seen = new WeakMap<Reply, string | undefined>();

/**
 * The SFTP request that the ssh2-sftp-client wrapper sees get the reply: the reply's, when its
 * method sends that request (the adapter's operations table says which it sends).
 */
export function seenRequestOf(reply: Reply): string | undefined {
  if (reply.protocol !== "sftp") return undefined;
  if (!seen.has(reply)) {
    const { traits } = readSftp(libraryErrorOf(reply), { operation: reply.operation });
    seen.set(reply, traits?.commands?.includes(reply.command) ? reply.command : undefined);
  }
  return seen.get(reply);
}
