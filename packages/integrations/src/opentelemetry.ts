// OpenTelemetry: span status and attributes per the semantic conventions for errors
// (docs/general/recording-errors.md): a failed operation sets the status ERROR and a
// low-cardinality `error.type`; attempts that were retried are not the operation's error.
// Structural: nothing is imported from @opentelemetry/api (its SpanStatusCode.ERROR is 2).
import { type DecideOptions, decide } from "./decide.js";

/** `SpanStatusCode.ERROR` of @opentelemetry/api. */
export const SPAN_STATUS_ERROR = 2;

export type AttributeValue = string | number | boolean;

/** The part of an OpenTelemetry `Span` this uses. */
export interface SpanLike {
  setStatus(status: { code: number; message?: string }): unknown;
  setAttributes(attributes: Record<string, AttributeValue>): unknown;
  addEvent(name: string, attributes?: Record<string, AttributeValue>): unknown;
}

/** The event added for an attempt that failed and was retried. */
export const RETRY_EVENT = "transfer_errors.retry";

/**
 * The attributes of a failure: `error.type` is the reason (`not-found`, `connection-lost`: ~30
 * values), or the error's name for anything else; the rest under `transfer_errors.*`. No path,
 * message or server text: high cardinality, and possibly sensitive.
 */
export function transferErrorAttributes(
  error: unknown,
  options: DecideOptions = {},
): Record<string, AttributeValue> {
  const decision = decide(error, options);
  const e = decision.transferError;
  if (!e) {
    const name = error instanceof Error && error.name.length <= 64 ? error.name : "_OTHER";
    return { "error.type": name, "transfer_errors.retryable": decision.retry };
  }
  const attributes: Record<string, AttributeValue> = {
    "error.type": e.reason,
    "transfer_errors.protocol": e.protocol,
    "transfer_errors.retryable": decision.retry,
    "transfer_errors.reconnect": decision.reconnect,
  };
  if (e.code !== undefined) attributes["transfer_errors.code"] = String(e.code);
  if (e.codeName !== undefined) attributes["transfer_errors.code_name"] = e.codeName;
  if (decision.ambiguous) attributes["transfer_errors.ambiguous"] = true;
  if (e.operation !== undefined) attributes["transfer_errors.operation"] = e.operation;
  return attributes;
}

/**
 * The operation failed for good: status ERROR with the (redacted) message of a TransferError,
 * and the attributes. No `recordException` (the conventions do not recommend it, and a raw
 * exception message may hold what the client printed).
 */
export function recordTransferFailure(
  span: SpanLike,
  error: unknown,
  options: DecideOptions = {},
): void {
  const attributes = transferErrorAttributes(error, options);
  const { transferError } = decide(error, options);
  span.setAttributes(attributes);
  span.setStatus(
    transferError
      ? { code: SPAN_STATUS_ERROR, message: transferError.message }
      : { code: SPAN_STATUS_ERROR, message: String(attributes["error.type"]) },
  );
}

/**
 * An attempt failed and will be retried: an event with its attributes and number, and no
 * status (if a later attempt succeeds, the operation did not fail). For `withRetry`'s `onRetry`.
 */
export function recordRetriedAttempt(
  span: SpanLike,
  error: unknown,
  attempt: number,
  options: DecideOptions = {},
): void {
  span.addEvent(RETRY_EVENT, {
    ...transferErrorAttributes(error, options),
    "transfer_errors.attempt": attempt,
  });
}
