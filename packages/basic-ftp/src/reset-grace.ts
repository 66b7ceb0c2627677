// ProFTPD refuses the RETR of a missing or unreadable file with a 550 and resets the data
// connection at the same moment. The reset often arrives first, and basic-ftp closes the whole
// connection on it (FTPContext.closeWithError also closes the control socket, so the 550 is never
// read: a reply with no task would be dropped anyway). During a download the wrapper holds that
// close for a short grace period (the core's holdClose): a reply that arrives meanwhile settles
// the call (basic-ftp rejects with it, and the session stays open).
import { type CloseHold, holdClose, readErrorShape } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import { socketOf } from "./library-rules.js";
import { operations } from "./operations.js";
import { isDataReset } from "./read-error.js";

/**
 * How long a data-connection reset waits for the server's reply. Measured on loopback with
 * ProFTPD 1.3.8 (500 missing-file downloads: the reset came first every time), the 550 followed it
 * by 0.1 ms (median), 4 ms (99th percentile), 8 ms at most; on a machine loaded twice over, 21 ms
 * (99th) and 41 ms at most. The bound leaves room for that and a network hop, and only delays a
 * reset that no reply explains: a transfer that failed anyway.
 */
export const RESET_GRACE_MS = 100;

const resetHold: CloseHold = {
  holds: isDataReset,
  // The data socket's close follows its reset ("Socket closed due to transmission error"): the
  // held reset stands for both. Anything else (a deadline, the control socket) closes now.
  absorbs: (error) => socketOf(readErrorShape(error).message ?? "") === "data",
  // The server answered the download (an FTPError): only the data connection is gone.
  cancels(settledWith) {
    const { code } = readErrorShape(settledWith);
    return typeof code === "number" && code >= 400 && code < 600;
  },
  graceMs: RESET_GRACE_MS,
};

/** For a download: holds basic-ftp's close on a data-connection reset (see holdClose). */
export function holdResetClose(client: Client, operation: string) {
  if (operations[operation]?.transfer !== "download") return undefined;
  return holdClose(client.ftp, "closeWithError", resetHold);
}
