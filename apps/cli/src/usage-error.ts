/** A mistake in what the user typed: printed as one line to stderr, exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Exit codes: the contract's, plus one for our own bugs. */
export const exitCodes = {
  ok: 0,
  /** diagnose: the server refused something (or could not be reached). */
  refused: 1,
  /** Bad input: not a code, a malformed URL, an unknown option. */
  usage: 2,
  /** A bug of ours (EX_SOFTWARE). */
  internal: 70,
} as const;
