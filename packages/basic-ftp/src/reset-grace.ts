// ProFTPD refuses the RETR of a missing or unreadable file with a 550 and resets the data
// connection at the same moment. The reset often arrives first, and basic-ftp closes the whole
// connection on it (FTPContext.closeWithError also closes the control socket, so the 550 is never
// read: a reply with no task would be dropped anyway). During a download the wrapper holds that
// close for a short grace period: a reply that arrives meanwhile settles the call (basic-ftp
// rejects with it, and the session stays open); without one, the close goes ahead as basic-ftp
// would have done it, that much later.
import { readErrorShape } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import { socketOf } from "./library-rules.js";
import { isDataReset } from "./read-error.js";

/**
 * How long a data-connection reset waits for the server's reply. Measured on loopback with
 * ProFTPD 1.3.8 (500 missing-file downloads: the reset came first every time), the 550 followed it
 * by 0.1 ms (median), 4 ms (99th percentile), 8 ms at most; on a machine loaded twice over, 21 ms
 * (99th) and 41 ms at most. The bound leaves room for that and a network hop, and only delays a
 * reset that no reply explains: a transfer that failed anyway.
 */
export const RESET_GRACE_MS = 100;

/** Where a reset may be a refusal whose reply is still on its way. */
const downloads: ReadonlySet<string> = new Set(["downloadTo", "download"]);

type Close = (error: Error) => void;

/** What the call settled with: a reply of the server (an FTPError). */
function isReply(value: unknown): boolean {
  const { code } = readErrorShape(value);
  return typeof code === "number" && code >= 400 && code < 600;
}

/**
 * For a download: holds basic-ftp's close on a data-connection reset. Returns what to call once
 * the call settled, with what it settled with; undefined for other operations.
 */
export function holdResetClose(
  client: Client,
  operation: string,
): ((settledWith: unknown) => void) | undefined {
  if (!downloads.has(operation)) return undefined;
  const ftp = client.ftp as unknown as { closeWithError: Close };
  const own = Object.hasOwn(ftp, "closeWithError");
  const close = ftp.closeWithError;
  const closeNow: Close = (error) => close.call(ftp, error);
  let held: { timer: ReturnType<typeof setTimeout>; error: Error } | undefined;
  let released = false;
  const holding: Close = (error) => {
    // Left in place under a later call's hold (two calls at once): it holds nothing any more.
    if (released) return closeNow(error);
    // The data socket's close follows its reset ("Socket closed due to transmission error"):
    // the held reset stands for both. Anything else (a deadline, the control socket) closes now.
    if (held && socketOf(readErrorShape(error).message ?? "") === "data") return;
    if (held || !isDataReset(error)) return closeNow(error);
    const timer = setTimeout(() => {
      held = undefined;
      closeNow(error);
    }, RESET_GRACE_MS);
    held = { timer, error };
  };
  ftp.closeWithError = holding;
  return (settledWith) => {
    released = true;
    if (ftp.closeWithError === holding) {
      if (own) ftp.closeWithError = close;
      else delete (ftp as Partial<typeof ftp>).closeWithError;
    }
    if (!held) return;
    clearTimeout(held.timer);
    const { error } = held;
    held = undefined;
    // The server answered the download: only the data connection is gone. Anything else: close.
    if (!isReply(settledWith)) closeNow(error);
  };
}
