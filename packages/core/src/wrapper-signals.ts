// The failures a wrapper makes itself, as the signal each stands for: its deadline passed, a
// transfer moved fewer bytes than the server's size says, the peer greeted in another protocol.
import { isDeadlineExceeded } from "./deadline.js";
import { isWrongProtocol } from "./peer-greeting.js";
import { isShortTransfer } from "./short-transfer.js";
import type { Signal } from "./signals.js";

/** The signal of a wrapper's own failure (DeadlineExceeded, ShortTransfer, WrongProtocol). */
export function wrapperSignal(error: unknown): Signal | undefined {
  if (isDeadlineExceeded(error)) return "deadline";
  if (isShortTransfer(error)) return "short-transfer";
  return isWrongProtocol(error) ? "wrong-protocol" : undefined;
}
