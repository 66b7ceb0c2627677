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
