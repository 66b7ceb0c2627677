// ProFTPD refuses the RETR of a missing or unreadable file with a 550 and resets the data
// connection at the same moment. The reset often arrives first, and a client that closes the whole
// connection on it never reads the 550. During a download an FTP wrapper holds that close for a
// short grace (holdClose): a reply that arrives meanwhile settles the call, and the session stays.
import { type CloseHold, holdClose } from "./held-close.js";
import { readErrorShape } from "./safe.js";

/**
 * How long a data-connection reset waits for the server's reply. Measured on loopback with
 * ProFTPD 1.3.8 (500 missing-file downloads: the reset came first every time), the 550 followed it
 * by 0.1 ms (median), 4 ms (99th percentile), 8 ms at most; on a machine loaded twice over, 21 ms
 * (99th) and 41 ms at most. The bound leaves room for that and a network hop, and only delays a
 * reset that no reply explains: a transfer that failed anyway.
 */
const RESET_GRACE_MS = 100;

/**
 * Holds `owner[key]`, the client's close-with-error, for one download (see holdClose): on a
 * data-connection reset (`isReset`), and absorbing the data socket's later errors
 * (`fromDataSocket`: its close follows its reset, which stands for both); anything else closes
 * now. A negative reply (4xx, 5xx) the call settles with cancels the held close.
 */
export function holdDataReset(
  owner: object,
  key: string,
  isReset: (error: unknown) => boolean,
  fromDataSocket: (error: unknown) => boolean,
): (settledWith: unknown) => void {
  const hold: CloseHold = {
    holds: isReset,
    absorbs: fromDataSocket,
    cancels(settledWith) {
      const { code } = readErrorShape(settledWith);
      return typeof code === "number" && code >= 400 && code < 600;
    },
    graceMs: RESET_GRACE_MS,
  };
  return holdClose(owner, key, hold);
}
