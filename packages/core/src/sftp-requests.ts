// Which SFTP request got a failing status. One method of a client such as ssh2-sftp-client sends
// several requests (`get`: OPEN, READ, CLOSE) and rebuilds the error it got, so its status alone
// cannot say which one failed; yet servers mean different things by the same status to each:
// OpenSSH's "No such file" to OPEN is a missing file, to READ a stale handle. ssh2's SFTP object
// sends every request through one of its own methods (its streams and fastGet/fastPut call them
// on the object too), so watching those methods' callbacks tells which request an error answers.
import { safeGet } from "./safe.js";
import { table } from "./table.js";

/** ssh2 SFTP's methods by the request each sends (those that call another are left out). */
const requestOfMethod = table({
  open: "OPEN",
  close: "CLOSE",
  read: "READ",
  write: "WRITE",
  fstat: "FSTAT",
  fsetstat: "FSETSTAT",
  opendir: "OPENDIR",
  readdir: "READDIR",
  unlink: "REMOVE",
  rename: "RENAME",
  mkdir: "MKDIR",
  rmdir: "RMDIR",
  stat: "STAT",
  lstat: "LSTAT",
  setstat: "SETSTAT",
  readlink: "READLINK",
  symlink: "SYMLINK",
  realpath: "REALPATH",
  ext_openssh_rename: "EXTENDED",
  ext_openssh_statvfs: "EXTENDED",
  ext_openssh_fstatvfs: "EXTENDED",
  ext_openssh_hardlink: "EXTENDED",
  ext_openssh_fsync: "EXTENDED",
  ext_openssh_lsetstat: "EXTENDED",
  ext_openssh_expandPath: "EXTENDED",
});

type AnyFunction = (...args: unknown[]) => unknown;

/** The request each error of a watched channel answered, by the error object. */
const requestOfError = new WeakMap<object, string>();

/** How many recent failures a watch keeps: a call's own come last, concurrent ones are few. */
const KEPT = 16;
/** Longer status texts are not looked for (no catalogued one is this long): a bounded search. */
const MAX_STATUS_TEXT = 2048;
/** Longer messages of a rebuilt error are not searched. */
const MAX_MESSAGE = 8192;

interface Seen {
  request: string;
  code: unknown;
  message: string;
  at: number;
}

/** The SFTP request whose failing status `error` (as ssh2 made it, on a watched channel) carries. */
export function failedRequestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null ? requestOfError.get(error) : undefined;
}

/**
 * Watches ssh2 SFTP channels for the request each failing status answered. `mark()` before a
 * call, `failedSince(mark, error)` after it failed: the request of the failure seen meanwhile
 * whose code and text the (possibly rebuilt) error carries, when exactly one request fits.
 */
export class RequestWatch {
  private readonly watched = new WeakSet<object>();
  private readonly seen: Seen[] = [];
  private count = 0;

  /**
   * Puts a watching wrapper on each request method of `channel` (its own property, calling the
   * method it had with the same arguments): the callback is told first what failed, unchanged.
   * Once per channel; a value that is no such channel is left alone. Never throws.
   */
  watch(channel: unknown): void {
    if (typeof channel !== "object" || channel === null || this.watched.has(channel)) return;
    this.watched.add(channel);
    for (const method of Object.keys(requestOfMethod)) {
      const original = safeGet(channel, method);
      if (typeof original !== "function") continue;
      try {
        Object.defineProperty(channel, method, {
          value: this.watching(original as AnyFunction, requestOfMethod[method]!),
          configurable: true,
          writable: true,
        });
      } catch {
        // A frozen channel: it cannot be watched, its failures have no request.
      }
    }
  }

  /** A mark of now: what a call's failure is looked up from. */
  mark(): number {
    return this.count;
  }

  /** The request of the failure since `mark` that `error` reports, when one request fits. */
  failedSince(mark: number | undefined, error: unknown): string | undefined {
    const own = failedRequestOf(error);
    if (own !== undefined || mark === undefined) return own;
    const code = safeGet(error, "code");
    const message = safeGet(error, "message");
    if (typeof message !== "string" || message.length > MAX_MESSAGE) return undefined;
    let found: string | undefined;
    for (const s of this.seen) {
      if (s.at < mark || s.code !== code || !message.includes(s.message)) continue;
      // Two requests failed alike meanwhile (concurrent calls): which was this call's is unknown.
      if (found !== undefined && found !== s.request) return undefined;
      found = s.request;
    }
    return found;
  }

  private watching(original: AnyFunction, request: string) {
    const watch = this;
    return function watched(this: unknown, ...args: unknown[]): unknown {
      const last = args.length - 1;
      const callback = args[last];
      if (typeof callback === "function") {
        args[last] = function answered(this: unknown, ...answer: unknown[]): unknown {
          watch.note(answer[0], request);
          return callback.apply(this, answer);
        };
      }
      return original.apply(this, args);
    };
  }

  /**
   * Keeps the request of an SFTP status error: the first watched method to see it sent it (an
   * outer one, readdir of a path, hears its inner opendir's failure after it).
   */
  private note(error: unknown, request: string): void {
    if (typeof error !== "object" || error === null || requestOfError.has(error)) return;
    const code = safeGet(error, "code");
    if (typeof code !== "number") return;
    requestOfError.set(error, request);
    // A rebuilt error is found by its text: an empty one would fit any.
    const message = safeGet(error, "message");
    if (typeof message !== "string" || message === "" || message.length > MAX_STATUS_TEXT) return;
    if (this.seen.length >= KEPT) this.seen.shift();
    this.seen.push({ request, code, message, at: this.count++ });
  }
}
