// What a wrapper knows of its client when a call fails, beyond the error itself, as flags an
// adapter's context can carry (and a caller of its reader can set), and the signals they stand for.
import type { Signal } from "./signals.js";

export interface CallState {
  /** The connection is gone; the application closed it; the failure came while connecting. */
  closed?: boolean | undefined;
  closedByApplication?: boolean | undefined;
  connecting?: boolean | undefined;
  /** The data connection was reset during a transfer; the same happened before for this path. */
  dataReset?: boolean | undefined;
  repeated?: boolean | undefined;
  /** The connection was meant to be encrypted (FTPS). */
  tls?: boolean | undefined;
}

/** The flags that are signals, in the order the signals are read. */
const SIGNALS: readonly (readonly [keyof CallState, Signal])[] = [
  ["dataReset", "data-reset"],
  ["repeated", "repeated"],
  ["connecting", "connecting"],
  ["closed", "client-closed"],
  ["closedByApplication", "closed-by-application"],
];

/** The signals of `state`'s flags that are set, added to `signals` (`tls` is a fact, no signal). */
export function addStateSignals(signals: Signal[], state: CallState): Signal[] {
  for (const [flag, signal] of SIGNALS) if (state[flag]) signals.push(signal);
  return signals;
}
