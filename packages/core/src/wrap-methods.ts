// The Proxy both wrappers put around a client: the same object and types, chosen methods replaced.

// biome-ignore lint/suspicious/noExplicitAny: a wrapper forwards any method's arguments as they are
export type AnyMethod = (...args: any[]) => unknown;

/**
 * `client` behind a Proxy whose methods for which `wrap` returns a function are replaced by it;
 * everything else (properties, getters, other methods) passes through, read on the client
 * itself. A replacement is made once per method and made again when the client's method changes.
 */
export function wrapMethods<C extends object>(
  client: C,
  wrap: (name: string, original: AnyMethod) => AnyMethod | undefined,
): C {
  const cache = new Map<string, { original: unknown; wrapper: unknown }>();
  return new Proxy(client, {
    get(target, property) {
      // The target as receiver: getters such as basic-ftp's `closed` read the client's own fields.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== "string" || typeof value !== "function") return value;
      const cached = cache.get(property);
      if (cached && cached.original === value) return cached.wrapper;
      const wrapper = wrap(property, value as AnyMethod) ?? value;
      cache.set(property, { original: value, wrapper });
      return wrapper;
    },
  });
}

/** A promise-like value (a call that settles later). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === "function";
  } catch {
    return false;
  }
}
