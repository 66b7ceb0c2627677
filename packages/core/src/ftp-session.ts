// What an FTP wrapper keeps of its connection from one call to the next: the secrets it saw (to
// keep out of every text), whether the connection is meant to be encrypted, the server's greeting
// line, and the data resets of its calls. Both FTP wrappers keep the same.
import { ResetMemory } from "./data-resets.js";
import { watchPlainGreeting } from "./greeting-watch.js";
import { loginSecrets } from "./login-secrets.js";
import type { WrongProtocol } from "./peer-greeting.js";

export interface FtpSession {
  /** Passwords and key material seen in the connect options and the client's other calls. */
  secrets: unknown[];
  /** The connection is meant to be encrypted (FTPS). */
  secure: boolean;
  /** The first line of the server's 220 greeting (`Failure.serverGreeting`), once seen. */
  greeting?: string | undefined;
  /** The calls whose data connection was reset (the `data-reset` and `repeated` signals). */
  resets: ResetMemory;
}

/** A session before its first connect. */
export function ftpSession(): FtpSession {
  return { secrets: [], secure: false, resets: new ResetMemory() };
}

/** A connect with these options starts: their secrets, and whether they ask for TLS. */
export function connecting(session: FtpSession, options: { secure?: unknown } | undefined): void {
  session.secure = Boolean(options?.secure);
  session.secrets.push(...loginSecrets(options));
}

/**
 * Watches the first line of the plain connection's `socket`: the server's greeting, or another
 * protocol's (an SSH server's "SSH-2.0-..." is no reply to an FTP client, which would wait for
 * its timeout), which goes to `onWrong`. Never throws.
 */
export function watchFtpGreeting(
  session: Pick<FtpSession, "greeting" | "secrets">,
  socket: unknown,
  onWrong: (error: WrongProtocol) => void,
): void {
  const onGreeting = (line: string) => {
    session.greeting = line;
  };
  watchPlainGreeting(socket, "ftp", onWrong, { onGreeting, secrets: session.secrets });
}
