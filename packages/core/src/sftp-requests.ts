// Which SFTP request got a failing status. One method of a client such as ssh2-sftp-client sends
// several requests (`get`: OPEN, READ, CLOSE) and rebuilds the error it got, so its status alone
// cannot say which one failed; yet servers mean different things by the same status to each:
// OpenSSH's "No such file" to OPEN is a missing file, to READ a stale handle. ssh2's SFTP object
// sends every request through one of its own methods (its streams and fastGet/fastPut call them
// on the object too), so watching those methods' callbacks tells which request an error answers.
import { safeGet } from "./safe.js";

/**
 * ssh2 SFTP's methods that each send one request, named as the method in capitals but `unlink`
 * (REMOVE) and the `ext_` ones (EXTENDED); those that call another (chmod: setstat) are left out.
 */
const METHODS =
  "open close read write fstat fsetstat opendir readdir unlink rename mkdir rmdir stat lstat setstat readlink symlink realpath ext_openssh_rename ext_openssh_hardlink ext_openssh_fsync".split(
    " ",
  );

const requestOf = (method: string) =>
  method === "unlink" ? "REMOVE" : method.startsWith("ext_") ? "EXTENDED" : method.toUpperCase();

/** The methods of ssh2's SFTP object (and of clients built on it) that return a stream at once. */
export const sftpStreamMethods: ReadonlySet<string> = new Set([
  "createReadStream",
  "createWriteStream",
]);

/** Methods that send another's request (chmod: SETSTAT), and ssh2's older names (readData). */
const ALIASES: ReadonlyMap<string, string> = new Map([
  ["readData", "READ"],
  ["writeData", "WRITE"],
  ["chmod", "SETSTAT"],
  ["chown", "SETSTAT"],
  ["utimes", "SETSTAT"],
  ["fchmod", "FSETSTAT"],
  ["fchown", "FSETSTAT"],
  ["futimes", "FSETSTAT"],
]);

/**
 * The one request a method of ssh2's SFTP object sends (`"symlink"`: SYMLINK, `"fchmod"`:
 * FSETSTAT), or undefined for a method that sends several (fastGet, readFile) or none known.
 */
export function sftpRequestOf(method: string | undefined): string | undefined {
  if (method === undefined) return undefined;
  return ALIASES.get(method) ?? (METHODS.includes(method) ? requestOf(method) : undefined);
}

/** The request each error of a watched channel answered, by the error object. */
const requestOfError = new WeakMap<object, string>();

/**
 * How many recent failures a watch keeps (a call's own come last, concurrent ones are few), and
 * how long a status text (no catalogued one is longer) and a rebuilt error's message may be: a
 * bounded search.
 */
const KEPT = 16;
const MAX_STATUS_TEXT = 2048;
const MAX_MESSAGE = 8192;

type Seen = [request: string, code: number, message: string, at: number];

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
    for (const method of METHODS) {
      const original = safeGet(channel, method);
      if (typeof original !== "function") continue;
      const request = requestOf(method);
      const watch = this;
      const watched = function (this: unknown, ...args: unknown[]): unknown {
        const callback = args[args.length - 1];
        if (typeof callback === "function") {
          args[args.length - 1] = function (this: unknown, ...answer: unknown[]): unknown {
            watch.note(answer[0], request);
            return callback.apply(this, answer);
          };
        }
        return original.apply(this, args);
      };
      try {
        Object.defineProperty(channel, method, {
          value: watched,
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
    const code = safeGet(error, "code");
    const message = safeGet(error, "message");
    if (own || mark === undefined || typeof message !== "string" || message.length > MAX_MESSAGE)
      return own;
    let found: string | undefined;
    for (const [request, seenCode, text, at] of this.seen) {
      if (at < mark || seenCode !== code || !message.includes(text)) continue;
      // Two requests failed alike meanwhile (concurrent calls): which was this call's is unknown.
      if (found && found !== request) return undefined;
      found = request;
    }
    return found;
  }

  /**
   * Keeps the request of an SFTP status error: the first watched method to see it sent it (an
   * outer one, readdir of a path, hears its inner opendir's failure after it).
   */
  private note(error: unknown, request: string): void {
    const code = safeGet(error, "code");
    if (typeof code !== "number" || failedRequestOf(error)) return;
    requestOfError.set(error as object, request);
    // A rebuilt error is found by its text: an empty one would fit any.
    const message = safeGet(error, "message");
    if (typeof message !== "string" || !message || message.length > MAX_STATUS_TEXT) return;
    if (this.seen.length >= KEPT) this.seen.shift();
    this.seen.push([request, code, message, this.count++]);
  }
}
