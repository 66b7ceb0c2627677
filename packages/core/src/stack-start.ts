// Where a TransferError's stack starts. V8 captures a stack in Error's constructor, from the `new`
// down: made in the core, that is several library frames above the caller's own line. So a
// function whose caller's frame is to come first (toTransferError, createTransferError) turns V8's
// own capture off while the error is made (stackOff, stackBack), then captures once, itself:
// `Error.captureStackTrace(error, itself)`, written in its own body. isRetryable's error, thrown
// away, gets no stack at all. Where the limit cannot be set (a frozen Error, as under SES; an engine
// without captureStackTrace), or the application set it to no number (no stacks at all), V8's own
// capture stays.
//
// What the capture costs, measured on Node 20 (V8 11.3) for issue 10 ("keep the cost"):
// - it is most of what making a TransferError costs: the walk over the frames, where each
//   optimized frame is decoded with all it holds at that point;
// - made after the constructor has returned, the constructor's frame (which holds everything it
//   computed) is no longer walked: a third less than a capture inside the constructor;
// - written in the body of the function the stack starts at, rather than in a helper it calls:
//   the helpers are inlined into it, and each inlined call still open at the capture is decoded
//   too (about 15% less on the adapters' benches);
// - with Error.stackTraceLimit no number rather than 0, V8 does not even start a walk in super();
// - captureStackTrace turns the error's properties into a dictionary (it adds its own `stack`
//   accessor); there is no cheaper way to start V8's lazily formatted stack at another frame
//   (a `new.target` on the stack gives each error a new map, several times dearer; redefining
//   `stack` normalizes too, and a stack text made at once costs its formatting).

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
 * Turns V8's own capture off, for a maker that captures the stack itself: the application's limit,
 * to give back to stackBack once the error is made, or undefined when V8's capture stays on (the
 * limit cannot be set, or is no number: nothing to give back, nothing to capture).
 */
export function stackOff(): number | undefined {
  const limit = limits.stackTraceLimit;
  if (!settable || typeof limit !== "number") return undefined;
  limits.stackTraceLimit = undefined;
  return limit;
}

/** The application's limit back (from stackOff; undefined: nothing was set aside). */
export function stackBack(limit: number | undefined): void {
  if (limit !== undefined) limits.stackTraceLimit = limit;
}
