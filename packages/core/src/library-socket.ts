// The first-line watch (peer-greeting.ts) on a socket a client library opened itself.
import { type GreetingProtocol, type WrongProtocol, watchGreeting } from "./peer-greeting.js";
import { safeGet } from "./safe.js";

type Socket = Parameters<typeof watchGreeting>[0] & { destroy(error: Error): void };

/**
 * Watches the first line of `socket` (ssh2's `_sock`, made in its connect()), while it has read
 * nothing. Another protocol's line destroys the socket with the WrongProtocol, which the library
 * then reports as its socket's error; `onWrong` sees it first. A socket that has read already, that
 * cannot be destroyed, or no socket (another version of the library): nothing changes, the
 * library's own timeout ends the wait. `secrets` are masked in the line (watchGreeting). Never
 * throws.
 */
export function watchLibrarySocket(
  socket: unknown,
  expected: GreetingProtocol,
  secrets: readonly unknown[] | undefined,
  onWrong?: (error: WrongProtocol) => void,
): void {
  const watched = socket as Socket;
  if (safeGet(watched, "bytesRead") !== 0 || typeof safeGet(watched, "destroy") !== "function")
    return;
  const destroy = (error: WrongProtocol) => {
    onWrong?.(error);
    watched.destroy(error);
  };
  watchGreeting(watched, expected, destroy, { secrets });
}

/**
 * Watches the first line of the socket an ssh2 `Client` (ssh2-sftp-client's and node-ssh's too)
 * made in connect(): `_sock`, there since ssh2 1.0. An FTP server on the port answers "220 ..."
 * and waits, and ssh2 would wait for an SSH identification until its readyTimeout; it offers no
 * public way to the first line (its 'greeting' event and debug output come only with an SSH
 * identification). Call it right after connect(). Never throws.
 */
export function watchSsh2Socket(
  client: unknown,
  secrets: readonly unknown[] | undefined,
  onWrong?: (error: WrongProtocol) => void,
): void {
  watchLibrarySocket(safeGet(client, "_sock"), "ssh", secrets, onWrong);
}
