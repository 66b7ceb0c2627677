// Where a TransferError's stack starts. V8 captures a stack in Error's constructor, from the `new`
// down: made in the core, that is several library frames above the caller's own line. So the
// function that makes one names where its stack starts, V8's own capture is off while the error is
// made, and the maker captures once (Error.captureStackTrace), from there. The function named must
// be on the stack (else the stack is empty): the maker is called from it. `null` asks for no stack
// (isRetryable throws the error away). Where the limit cannot be set (a frozen Error, as under SES;
// an engine without captureStackTrace), or the application set it to no number (no stacks at all),
// V8's own capture stays.
//
// What the capture costs, measured on Node 20 (V8 11.3) for issue 10 ("keep the cost"):
// - it is most of what making a TransferError costs: the walk over the frames, where each
//   optimized frame is decoded with all it holds at that point;
// - made after the constructor has returned, the constructor's frame (which holds everything it
//   computed) is no longer walked: a third less than a capture inside the constructor;
// - with Error.stackTraceLimit no number rather than 0, V8 does not even start a walk in super();
// - captureStackTrace turns the error's properties into a dictionary (it adds its own `stack`
//   accessor); there is no cheaper way to start V8's lazily formatted stack at another frame
//   (a `new.target` on the stack gives each error a new map, several times dearer; redefining
//   `stack` normalizes too, and a stack text made at once costs its formatting).

/** The function whose caller's frame comes first in the stack; `null`: no stack. */
export type StackStart = ((...args: never[]) => unknown) | null;

const settable = ((): boolean => {
  try {
    const limit = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
    return typeof Error.captureStackTrace === "function" && limit?.writable === true;
  } catch {
    return false;
  }
})();

/** Error.stackTraceLimit as V8 reads it: anything that is no number turns its capture off. */
const limits = Error as { stackTraceLimit: unknown };

/**
 * Turns V8's own capture off for a maker that names its stack's start: the application's limit,
 * to give back to stackOn, or undefined when V8's capture stays on (nothing to give back).
 */
export function stackOff(from: StackStart | undefined): number | undefined {
  const limit = limits.stackTraceLimit;
  if (from === undefined || !settable || typeof limit !== "number") return undefined;
  limits.stackTraceLimit = undefined;
  return limit;
}

/**
 * After the error was made (or failed to be): the application's limit back, then the one capture
 * asked for. Kept in the maker's own variable, so that a TransferError made while another one is
 * (a getter of a Failure) cannot leave the limit off.
 */
export function stackOn(
  error: Error | undefined,
  from: StackStart | undefined,
  limit: number | undefined,
): void {
  if (limit === undefined) return;
  limits.stackTraceLimit = limit;
  if (error !== undefined && typeof from === "function") Error.captureStackTrace(error, from);
}
