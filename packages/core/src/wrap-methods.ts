// The Proxy both wrappers put around a client: the same object and types, chosen methods replaced.
import { isTransferError } from "./brand.js";

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
      const replaced = wrap(property, value as AnyMethod);
      const wrapper = replaced ? stackFromCaller(replaced) : value;
      cache.set(property, { original: value, wrapper });
      return wrapper;
    },
  });
}

/**
 * `method` whose TransferErrors show the stack of the caller's `await` (V8's async frames), not
 * the wrapper's internals and the client library's timers: what a user reads first is their own
 * line. Costs one async step per call; a callback API keeps the stack its error was made with.
 */
function stackFromCaller(method: AnyMethod): AnyMethod {
  return function (this: unknown, ...args: unknown[]) {
    const result = method.apply(this, args);
    return isThenable(result) ? settled(result) : result;
  };
}

async function settled(result: PromiseLike<unknown>): Promise<unknown> {
  try {
    return await result;
  } catch (error) {
    // Frames above and including this function go: the first one left is the caller's await.
    if (isTransferError(error)) Error.captureStackTrace?.(error, settled);
    throw error;
  }
}

/** A promise-like value (a call that settles later). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === "function";
  } catch {
    return false;
  }
}
