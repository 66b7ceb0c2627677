// The Proxy both wrappers put around a client: the same object and types, chosen methods replaced.
import { isTransferError } from "./brand.js";

// biome-ignore lint/suspicious/noExplicitAny: a wrapper forwards any method's arguments as they are
export type AnyMethod = (...args: any[]) => unknown;

/**
 * `client` behind a Proxy whose methods for which `wrap` returns a function are replaced by it;
 * everything else (properties, getters, other methods) passes through, read on the client
 * itself. A replacement is made once per method and made again when the client's method changes.
 * A replacement's TransferErrors get the stack of the caller's `await` (see `stackFromCaller`),
 * unless it sets that stack itself (`setsCallerStack`).
 */
export function wrapMethods<C extends object>(
  client: C,
  wrap: (name: string, original: AnyMethod) => AnyMethod | undefined,
): C {
  const cache = new Map<string, { original: unknown; wrapper: unknown }>();
  return new Proxy(client, {
    get(target, property) {
      // The target as receiver: getters such as basic-ftp's `closed` read the client's own fields
      // (a plain read, as Reflect.get(target, property, target) but without a call per access).
      const value: unknown = (target as Record<PropertyKey, unknown>)[property];
      if (typeof property !== "string" || typeof value !== "function") return value;
      const cached = cache.get(property);
      if (cached && cached.original === value) return cached.wrapper;
      const replaced = wrap(property, value as AnyMethod);
      const wrapper =
        !replaced || ownStack.has(replaced) ? (replaced ?? value) : stackFromCaller(replaced);
      cache.set(property, { original: value, wrapper });
      return wrapper;
    },
  });
}

/** Replacements whose promise's TransferErrors already carry the stack of the caller's await. */
const ownStack = new WeakSet<AnyMethod>();

/**
 * Marks `method` as one whose promise's TransferErrors already start at the caller's `await`
 * (each was given `callerStack` in the handler that rejects the very promise the caller awaits):
 * wrapMethods puts no second promise around it, which would cost every successful call a step.
 */
export function setsCallerStack<M extends AnyMethod>(method: M): M {
  ownStack.add(method);
  return method;
}

/**
 * Gives a TransferError the stack of the `await` of the promise whose rejection handler is
 * running now (V8's async frames of that promise's chain): frames above and including `handler`
 * go, and the first one left is the caller's. Other values keep their own stack.
 */
export function callerStack(error: unknown, handler: AnyMethod): void {
  if (isTransferError(error)) Error.captureStackTrace?.(error, handler);
}

/**
 * `method` whose TransferErrors show the stack of the caller's `await` (V8's async frames), not
 * the wrapper's internals and the client library's timers: what a user reads first is their own
 * line. Costs one promise step per call (a rejection handler only, nothing runs on success); a
 * callback API keeps the stack its error was made with.
 */
function stackFromCaller(method: AnyMethod): AnyMethod {
  return function (this: unknown, ...args: unknown[]) {
    const result = method.apply(this, args);
    return isThenable(result) ? Promise.resolve(result).then(undefined, restack) : result;
  };
}

/** Runs in the returned promise's own rejection: its chain leads V8 to the caller's await. */
function restack(error: unknown): never {
  callerStack(error, restack);
  throw error;
}

/** A promise-like value (a call that settles later). */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  try {
    return typeof (value as { then?: unknown } | null)?.then === "function";
  } catch {
    return false;
  }
}
