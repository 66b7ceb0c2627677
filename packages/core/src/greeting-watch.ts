// Where a wrapper starts the watch for another protocol's greeting: on its client's socket, read
// safely, as long as it is plain. Under implicit TLS the handshake fails first, and says more.
import {
  type DataSource,
  type GreetingProtocol,
  type GreetingWatch,
  type WrongProtocol,
  watchGreeting,
} from "./peer-greeting.js";
import { safeGet } from "./safe.js";

/**
 * Watches the first line of `socket` unless it is no socket or an encrypted one (`options`: the
 * server's own greeting, the connection's secrets; see watchGreeting). Never throws.
 */
export function watchPlainGreeting(
  socket: unknown,
  expected: GreetingProtocol,
  onWrong: (error: WrongProtocol) => void,
  options: GreetingWatch = {},
): void {
  if (typeof safeGet(socket, "on") !== "function" || safeGet(socket, "encrypted")) return;
  watchGreeting(socket as DataSource, expected, onWrong, options);
}
