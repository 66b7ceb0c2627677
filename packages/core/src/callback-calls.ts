// A callback-style call (ssh2's SFTPWrapper, node-ftp): its callback answered once, with the
// client's reply or the deadline's (answerOnce), its failure converted; and a stream whose 'error'
// events carry converted errors.
import { answerOnce } from "./answer-once.js";
import type { PendingCalls } from "./pending-calls.js";
import type { AnyMethod } from "./wrap-methods.js";

export interface CallbackCall {
  operation: string;
  timeoutMs: number | undefined;
  /** What the caller gets instead of a failure (a TransferError). */
  convert(error: unknown): unknown;
  /** Sent nothing: the callback gets this on the next tick (a call the wrapper refuses). */
  refused?: unknown;
  /** The client's results of a success, before the callback gets them. */
  replied?(results: unknown[]): void;
  /** Past the deadline, after the callback got it: close what the client would keep waiting on. */
  expired?(): void;
  /**
   * Where the call waits until it settles: a client that forgets its calls when its connection
   * closes is answered for them by `failAll`.
   */
  pending?: PendingCalls | undefined;
}

/**
 * Calls `original` on `target` with `args`, its callback (the last function argument) replaced by
 * one answered once. A synchronous throw before any answer is converted; one thrown by the
 * callback itself (called at once) passes as it was thrown. Without a callback only a throw is
 * converted.
 */
export function callWithCallback(
  target: object,
  original: AnyMethod,
  args: unknown[],
  call: CallbackCall,
): unknown {
  let at = args.length - 1;
  while (at >= 0 && typeof args[at] !== "function") at--;
  const callback = args[at] as AnyMethod | undefined;
  if (call.refused !== undefined && callback) {
    process.nextTick(callback, call.refused);
    return undefined;
  }
  const answer = (error: unknown, ...results: unknown[]) => {
    call.pending?.delete(settle);
    if (!error) call.replied?.(results);
    return callback?.(error ? call.convert(error) : error, ...results);
  };
  const settle = answerOnce(call.operation, callback && call.timeoutMs, answer, call.expired);
  const sent = [...args];
  if (callback) sent[at] = settle;
  if (callback) call.pending?.add(settle);
  try {
    return original.apply(target, sent);
  } catch (error) {
    if (!settle.cancel()) throw error;
    call.pending?.delete(settle);
    throw call.convert(error);
  }
}

/**
 * `stream` (anything with `emit`) whose 'error' events carry `convert(error)`. A `refused` stream
 * (the call was not sent) emits that one error on the next tick and no other.
 */
export function convertingStream(
  stream: unknown,
  convert: (error: unknown) => unknown,
  refused?: unknown,
): unknown {
  const emitter = stream as { emit?: AnyMethod };
  const emit = emitter?.emit;
  if (typeof emit !== "function") return stream;
  let errored = false;
  emitter.emit = function (this: unknown, event: unknown, ...rest: unknown[]) {
    if (event === "error") {
      // On a closed session the stream never opens: its one error is the refusal.
      if (refused !== undefined && errored) return false;
      errored = true;
      rest[0] = refused ?? convert(rest[0]);
    }
    return emit.call(this, event, ...rest);
  };
  if (refused !== undefined) process.nextTick(() => emitter.emit?.("error", refused));
  return stream;
}
