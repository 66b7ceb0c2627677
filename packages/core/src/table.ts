/**
 * A lookup table without a prototype: a key named like an Object.prototype member
 * (`"constructor"`, `"__proto__"`, `"toString"`), which a server or a client can put in a code or
 * a message, finds nothing instead of a built-in function.
 */
export function table<T>(
  entries: Readonly<Record<string, T>>,
): Readonly<Record<string, T | undefined>> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
