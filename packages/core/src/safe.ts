// Wrapping an error must never throw: every read of a foreign value goes through these.

/** Reads one property; a throwing getter, a revoked Proxy or a primitive give `undefined`. */
export function safeGet(value: unknown, key: PropertyKey): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null)
    return undefined;
  try {
    return (value as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** A string property, or `undefined` for anything else. */
export function safeString(value: unknown, key: PropertyKey): string | undefined {
  const v = safeGet(value, key);
  return typeof v === "string" ? v : undefined;
}

/** Any value as text, never throwing (symbols, objects with a throwing toString, bigints). */
export function safeText(value: unknown): string {
  try {
    if (typeof value === "string") return value;
    if (typeof value === "symbol") return value.toString();
    return String(value);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return "[a value that cannot be shown]"; // a revoked Proxy
    }
  }
}

export interface ErrorShape {
  name: string | undefined;
  message: string | undefined;
  /** A string or finite-number `code`, as Node and the client libraries set it. */
  code: string | number | undefined;
}

/** The parts of any thrown value that classification reads, read safely. */
export function readErrorShape(value: unknown): ErrorShape {
  if (typeof value === "string") return { name: undefined, message: value, code: undefined };
  // Each read written with its name keeps its own inline cache, where safeGet's one keyed read
  // serves every property of every object an adapter reads and goes megamorphic (a stub-cache
  // lookup on each read, for every error). Each is guarded alone, as safeGet guards it.
  if ((typeof value !== "object" && typeof value !== "function") || value === null)
    return { name: undefined, message: undefined, code: undefined };
  const error = value as { code?: unknown; name?: unknown; message?: unknown };
  let code: unknown;
  let name: unknown;
  let message: unknown;
  try {
    code = error.code;
  } catch {
    // a throwing getter: no code
  }
  try {
    name = error.name;
  } catch {
    // no name
  }
  try {
    message = error.message;
  } catch {
    // no message
  }
  return {
    name: typeof name === "string" ? name : undefined,
    message: typeof message === "string" ? message : undefined,
    code:
      typeof code === "string" || (typeof code === "number" && Number.isFinite(code))
        ? code
        : undefined,
  };
}

/** What `read` returns, or `undefined` when it throws (a getter of a client that is gone). */
export function readSafely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
