// The server speaks first in FTP and in SSH: its first line says which protocol answered. An FTP
// client pointed at an SSH port reads "SSH-2.0-OpenSSH_9.2p1", finds no reply code in it, and
// waits for its timeout. A wrapper watches that first line as the client connects and fails the
// connect at once with a WrongProtocol, which its reader turns into the `wrong-protocol` signal.
import { redact } from "./redact.js";

export type GreetingProtocol = "ftp" | "ssh";

/** The protocol a server's first line belongs to, when it is one of the two. */
export function protocolOfGreeting(line: string): GreetingProtocol | undefined {
  // RFC 4253 §4.2: "SSH-protoversion-softwareversion"; RFC 959: a three-digit reply code.
  if (/^SSH-\d/.test(line)) return "ssh";
  if (/^\d{3}(?:[ -]|$)/.test(line)) return "ftp";
  return undefined;
}

const brand = Symbol.for("transfer-errors.WrongProtocol");

const names: Record<GreetingProtocol, string> = { ftp: "FTP", ssh: "SSH" };
const schemes: Record<GreetingProtocol, string> = {
  ftp: "ftp:// or ftps:// for FTP",
  ssh: "sftp:// for SFTP",
};

/** The server's first line is another protocol's: the wrapper's finding, read as a signal. */
export class WrongProtocol extends Error {
  override name = "WrongProtocol";
  readonly [brand] = true;
  constructor(
    /** What the client speaks. */
    readonly expected: GreetingProtocol,
    /** What the server's first line is. */
    readonly found: GreetingProtocol,
    /** That line, cut to 100 characters. */
    readonly firstLine: string,
  ) {
    super(
      `An ${names[found]} server answered ("${firstLine}"), not an ${names[expected]} server: check the port and the URL scheme (${schemes[found]})`,
    );
  }
}

export function isWrongProtocol(value: unknown): value is WrongProtocol {
  try {
    return typeof value === "object" && value !== null && (value as WrongProtocol)[brand] === true;
  } catch {
    return false;
  }
}

/** What watchGreeting needs of a socket: its data events (strings or bytes). */
export interface DataSource {
  on(event: "data", listener: (chunk: string | Uint8Array) => void): unknown;
  off(event: "data", listener: (chunk: string | Uint8Array) => void): unknown;
}

/**
 * The line redacted whole, then cut: a cut through a URL, or through a password the wrapper
 * knows, must not keep the head of it (the adapter, which redacts later, no longer sees it whole).
 */
function shortLine(line: string, secrets: readonly unknown[] | undefined): string {
  const shown = redact(line, secrets);
  return shown.length > 100 ? `${shown.slice(0, 100)}…` : shown;
}

/** An SSH identification line is at most 255 characters (RFC 4253 §4.2). */
const MAX_LINE = 255;

/**
 * Reads the first line `socket` receives, next to the client's own reader, and stops. When that
 * line is another protocol's than `expected`, calls `onWrong` with a WrongProtocol (the caller
 * closes the connection with it). `secrets` (the connection's password, keys) are masked in the
 * line before it is cut. Returns a function that stops watching earlier. Never throws.
 */
export function watchGreeting(
  socket: DataSource,
  expected: GreetingProtocol,
  onWrong: (error: WrongProtocol) => void,
  secrets?: readonly unknown[],
): () => void {
  let seen = "";
  let watching = true;
  const stop = () => {
    if (!watching) return;
    watching = false;
    try {
      socket.off("data", onData);
    } catch {
      // a socket that cannot be unsubscribed from keeps a listener that does nothing
    }
  };
  const onData = (chunk: string | Uint8Array) => {
    if (!watching) return;
    seen += typeof chunk === "string" ? chunk : String.fromCharCode(...chunk.subarray(0, MAX_LINE));
    const end = seen.indexOf("\n");
    if (end < 0 && seen.length < MAX_LINE) return;
    stop();
    const line = seen.slice(0, end < 0 ? MAX_LINE : end).replace(/\r$/, "");
    const found = protocolOfGreeting(line);
    if (found === undefined || found === expected) return;
    try {
      onWrong(new WrongProtocol(expected, found, shortLine(line, secrets)));
    } catch {
      // the caller's close failed: its client goes on as without the watch
    }
  };
  try {
    socket.on("data", onData);
  } catch {
    watching = false;
  }
  return stop;
}
