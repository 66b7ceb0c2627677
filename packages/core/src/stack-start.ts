// Where a TransferError's stack starts. V8 captures a stack in Error's constructor, from the `new`
// down: made in the core, that is several library frames above the caller's own line, and a
// second capture (Error.captureStackTrace) to start at the caller costs as much as the first: a
// capture is most of what making an error costs. So the function that makes one names where its
// stack starts, and the constructor captures once, from there: Error.stackTraceLimit is 0 for the
// length of super() alone. The function named must be on the stack (else the stack is empty): the
// maker is called from it. `null` asks for no stack (isRetryable throws the error away). Where the
// limit cannot be set (a frozen Error, as under SES; an engine without captureStackTrace), the
// constructor's own capture stays.

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

/** The start asked for by the TransferError being made; taken by its constructor. */
let asked: StackStart | undefined;
/** The limit as the application had it, while super() runs with 0. */
let saved: number | undefined;

/** The next TransferError made starts its stack at `from` (its maker calls stackDone after it). */
export function stackFrom(from: StackStart | undefined): void {
  asked = from;
}

/** After a TransferError was made, or failed to be: nothing asked is left over, the limit is back. */
export function stackDone(): void {
  asked = undefined;
  restoreLimit(); // super() cannot throw but on a stack overflow: the limit is never left at 0
}

/** The constructor, just before super(): the start asked for, with V8's own capture turned off. */
export function beforeSuper(): StackStart | undefined {
  const from = asked;
  asked = undefined;
  const limit = Error.stackTraceLimit;
  if (from === undefined || !settable || typeof limit !== "number") return undefined;
  saved = limit;
  Error.stackTraceLimit = 0;
  return from;
}

/** The constructor, right after super(): the limit back, then the one capture asked for. */
export function afterSuper(error: Error, from: StackStart | undefined): void {
  if (from === undefined) return;
  restoreLimit();
  if (from !== null) Error.captureStackTrace(error, from);
}

function restoreLimit(): void {
  if (saved === undefined) return;
  Error.stackTraceLimit = saved;
  saved = undefined;
}
