// The server's first line names its software: an SSH server's identification string
// ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10", RFC 4253 §4.2) or the first line of an FTP server's
// 220 greeting ("220 ProFTPD Server (Debian) [::ffff:10.0.0.5]"). A generic reply ("Failure",
// "Access denied") means different things on different products; knowing the product, the core
// reads it as that product means it (`Failure.serverGreeting`).

/** An SSH identification line is at most 255 characters (RFC 4253 §4.2); no greeting is read further. */
export const MAX_GREETING = 255;

/**
 * The first line of `value`, without its line end and surrounding spaces, cut to 255 characters;
 * undefined for anything else or an empty line. Linear in the text (indexOf and slice only).
 */
export function greetingLine(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const head = value.length > MAX_GREETING * 2 ? value.slice(0, MAX_GREETING * 2) : value;
  const end = head.search(/[\r\n]/);
  const line = (end < 0 ? head : head.slice(0, end)).trim();
  return line === "" ? undefined : line.slice(0, MAX_GREETING);
}

// The last identification read and its line: a wrapper reads it for every call it makes (the
// context of a failure is taken when the call starts), and building the line each time was a
// measurable part of a successful call's cost (issue 10).
let lastSoftware: string | undefined;
let lastGreeting: string | undefined;

/**
 * The identification of the server an ssh2 `Client` is connected to (ssh2-sftp-client's and
 * node-ssh's too). ssh2 keeps the software part of it ("OpenSSH_9.2p1") in `_remoteVer` (since
 * 1.0; there is no public way to it), which names the product; its comments are not kept.
 */
export function sshGreetingOf(client: unknown): string | undefined {
  const software = remoteVersionOf(client);
  if (software === lastSoftware) return lastGreeting;
  lastGreeting = software ? greetingLine(`SSH-2.0-${software}`) : undefined;
  lastSoftware = software;
  return lastGreeting;
}

/**
 * The identification of the server whose ssh2 `Client` a library keeps on `holder` as `key`
 * (ssh2-sftp-client's `client`, ssh2's SFTPWrapper's `_client`). Read as safeGet reads it, but at
 * a read of its own: a wrapper reads it on every call (see remoteVersionOf).
 */
export function sshGreetingIn(holder: unknown, key: string): string | undefined {
  if ((typeof holder !== "object" && typeof holder !== "function") || holder === null) {
    return undefined;
  }
  let client: unknown;
  try {
    client = (holder as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
  return sshGreetingOf(client);
}

/**
 * `_remoteVer` of an ssh2 Client, read as safeString reads it (a throwing getter, a revoked Proxy
 * or a primitive give `undefined`), but at a read of its own: safeString's one read serves every
 * property of every value it is given, and V8's lookup for such a read missed the processor's
 * caches on every call of a wrapped client (issue 10).
 */
function remoteVersionOf(client: unknown): string | undefined {
  if ((typeof client !== "object" && typeof client !== "function") || client === null) {
    return undefined;
  }
  try {
    const software = (client as { _remoteVer?: unknown })._remoteVer;
    return typeof software === "string" ? software : undefined;
  } catch {
    return undefined;
  }
}
