// pino: an `err` serializer that logs a TransferError's redacted form (its toJSON()).
// pino's standard serializer copies the error's properties and appends its cause's message and
// stack (a TransferError's `cause` is redacted); this one logs the typed, compact form instead.
import { type DecideOptions, decide } from "./decide.js";

export interface SerializerOptions {
  /** Turns what is logged into a TransferError first (an adapter's `toTransferError`). */
  normalize?: DecideOptions["normalize"];
  /**
   * Serializes what is not a TransferError: pass `pino.stdSerializers.err` for pino's own.
   * Default: `{ type, message, stack, code }`, without the cause.
   */
  fallback?: ((value: unknown) => unknown) | undefined;
}

function plain(value: unknown): unknown {
  try {
    if (!(value instanceof Error)) return value;
    const code = (value as { code?: unknown }).code;
    return {
      type: value.name,
      message: value.message,
      stack: value.stack,
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    };
  } catch {
    // A revoked Proxy, a throwing getter: a log line must never make logger.error throw.
    return { type: "Unreadable", message: "[a value that could not be read]" };
  }
}

/** Makes the serializer: `pino({ serializers: { err: transferErrSerializer() } })`. */
export function transferErrSerializer(
  options: SerializerOptions = {},
): (value: unknown) => unknown {
  return (value) => {
    const { transferError } = decide(value, { normalize: options.normalize });
    if (!transferError) return (options.fallback ?? plain)(value);
    // The stack's first line is the (redacted) message; the cause is the redacted summary.
    return { type: "TransferError", ...transferError.toJSON(), stack: transferError.stack };
  };
}

/** `transferErrSerializer()` with the defaults. */
export const errSerializer: (value: unknown) => unknown = transferErrSerializer();
