// What `TransferError.cause` shows. Loggers walk `cause`: pino's standard `err` serializer appends
// the cause's message and stack to the line, and so do `util.inspect` of a plain wrapper, Sentry
// and most others. A client's own error can carry a password (a server that echoes it, a URL
// with credentials), so `cause` is the original only when nothing in its texts is a secret;
// otherwise it is a copy of it with its texts redacted. The original stays reachable as
// `originalError`, which no serializer walks.
import { isTransferError } from "./brand.js";
import { redact } from "./redact.js";

/** Nested causes redacted in the copy; deeper ones end the chain. */
const MAX_DEPTH = 6;
/** Own properties looked at per error: an error with thousands of keys is no error to log. */
const MAX_KEYS = 64;

/**
 * The cause as it may be shown: the original when none of its texts holds a secret (the usual
 * case, and then identical), else a redacted copy of the same class. Never throws.
 */
export function shownCause(cause: unknown, secrets: readonly unknown[] | undefined): unknown {
  try {
    // A function (a class) thrown as such: loggers call a function cause (VError style).
    if (typeof cause === "function") return new Error("[a function was thrown; see originalError]");
    return safeCopy(cause, secrets, MAX_DEPTH);
  } catch {
    // Unreadable (a revoked proxy, a throwing getter): a logger would throw on it too.
    return new Error("[the original error could not be read; see originalError]");
  }
}

/** Property names that hold a credential whatever their value looks like (a client's config). */
const secretKey =
  /^(?:pass(?:word|wd|phrase)?|pwd|secret|token|(?:private|api)_?key|client_?secret)$/i;

function shownValue(v: unknown, secrets: readonly unknown[] | undefined, depth: number): unknown {
  if (typeof v === "string") return redact(v, secrets);
  // A nested cause, or a client's config attached to its error: copied the same way.
  if (!isCopyable(v)) return v;
  // A chain this deep (or a cycle) ends here rather than showing what was not looked at.
  return depth > 0 ? safeCopy(v, secrets, depth - 1) : "[left out: nested too deep]";
}

/** Errors and plain data; a socket or a stream attached to an error is left as it is. */
function isCopyable(v: unknown): v is object {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || v instanceof Error;
}

/** What loggers read of an error whatever where it lives: inherited getters included. */
const shownTexts = ["message", "stack", "name"] as const;

function isShownText(key: string): boolean {
  return (shownTexts as readonly string[]).includes(key);
}

function safeCopy(value: unknown, secrets: readonly unknown[] | undefined, depth: number): unknown {
  if (typeof value === "string") return redact(value, secrets);
  if (typeof value !== "object" || value === null) return value;
  // Another TransferError is safe by its own making (its texts redacted, its cause the same),
  // and a copy without its private fields would throw on every read.
  if (isTransferError(value)) return value;
  const keys = Object.getOwnPropertyNames(value).slice(0, MAX_KEYS);
  const changed = new Map<string, unknown>();
  for (const key of shownTexts) {
    const own = Object.getOwnPropertyDescriptor(value, key);
    if (own && "value" in own && keys.includes(key)) continue;
    // A getter or an inherited text (read as a logger would read it), or one past MAX_KEYS.
    const v: unknown = (value as Record<string, unknown>)[key];
    const shown = typeof v === "string" ? redact(v, secrets) : v;
    if (shown !== v) changed.set(key, shown);
  }
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    // An accessor is not read: running a getter of someone else's error could do anything.
    if (!descriptor || !("value" in descriptor)) continue;
    const v: unknown = descriptor.value;
    // A VError-style cause() that loggers call would hand them the unredacted original.
    // A message or stack that is no text (a Proxy whose traps throw) breaks a logger's concat.
    const shown =
      key === "cause" && typeof v === "function"
        ? undefined
        : secretKey.test(key) && v
          ? "***"
          : isShownText(key) && v !== undefined && typeof v !== "string"
            ? "[not a text]"
            : shownValue(v, secrets, depth);
    if (shown !== v) changed.set(key, shown);
  }
  if (changed.size === 0) return value;
  const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
  for (const key of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor) continue;
    if (changed.has(key)) descriptor.value = changed.get(key);
    Object.defineProperty(copy, key, descriptor);
  }
  for (const [key, text] of changed) {
    if (!keys.includes(key)) {
      Object.defineProperty(copy, key, { value: text, writable: true, configurable: true });
    }
  }
  return copy;
}
