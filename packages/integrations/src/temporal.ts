// Temporal: a failure as an `ApplicationFailure` that carries the retry hint, never the raw cause.
import { ApplicationFailure } from "@temporalio/common";
import { type DecideOptions, decide } from "./decide.js";

/** The prefix of the failure `type` (`"TransferError:not-found"`), for `nonRetryableErrorTypes`. */
export const TRANSFER_FAILURE_TYPE = "TransferError";

/** The `ApplicationFailure.type` of a reason: `"TransferError:not-found"`. */
export function transferFailureType(reason: string): string {
  return `${TRANSFER_FAILURE_TYPE}:${reason}`;
}

function messageOf(error: unknown): string {
  try {
    if (error instanceof Error) return error.message;
    return typeof error === "string" ? error : "non-error thrown";
  } catch {
    return "an error that could not be read";
  }
}

/**
 * Turns a failure into an `ApplicationFailure`: `type` from the reason, `nonRetryable` from the
 * hint (a permanent or an ambiguous failure), `nextRetryDelay` when the server said how long to
 * wait, and the redacted `toJSON()` as its only detail. The raw cause is left out on purpose: it
 * would be stored in the workflow history, and it can hold what the client library printed
 * (a URL with a password, a key). An `ApplicationFailure` comes back as it is.
 */
export function toApplicationFailure(
  error: unknown,
  options: DecideOptions = {},
): ApplicationFailure {
  if (isApplicationFailure(error)) return error;
  const decision = decide(error, options);
  const transferError = decision.transferError;
  return ApplicationFailure.create({
    message: messageOf(decision.error),
    type: transferError ? transferFailureType(transferError.reason) : nameOf(error),
    nonRetryable: !decision.retry,
    ...(decision.retry && decision.delayMs !== undefined
      ? { nextRetryDelay: decision.delayMs }
      : {}),
    details: transferError ? [transferError.toJSON()] : [],
  });
}

/** Wraps an activity: whatever it throws is thrown as `toApplicationFailure(error)`. */
export function transferActivity<A extends unknown[], R>(
  activity: (...args: A) => Promise<R>,
  options: DecideOptions = {},
): (...args: A) => Promise<R> {
  return async (...args) => {
    try {
      return await activity(...args);
    } catch (error) {
      throw toApplicationFailure(error, options);
    }
  };
}

/** `instanceof`, which throws on a revoked Proxy. */
function isApplicationFailure(error: unknown): error is ApplicationFailure {
  try {
    return error instanceof ApplicationFailure;
  } catch {
    return false;
  }
}

/** The name of a plain error; reading it can throw (a revoked Proxy, a throwing getter). */
function nameOf(error: unknown): string {
  try {
    return error instanceof Error && typeof error.name === "string" ? error.name : "Error";
  } catch {
    return "Error";
  }
}
