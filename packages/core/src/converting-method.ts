// A client method whose failures reach the caller converted: what it throws at once, and what its
// promise rejects with.
import { type AnyMethod, isThenable } from "./wrap-methods.js";

/**
 * `original` called on `target`; its synchronous throw, and unless `settles` is false (a method
 * that returns a stream) its promise's rejection, replaced by `convertFor(args)(error)`.
 * `convertFor` runs before the call: what it reads of the client's state is the state the call
 * was made in.
 */
export function convertingMethod(
  target: object,
  original: AnyMethod,
  convertFor: (args: unknown[]) => (error: unknown) => unknown,
  settles = true,
): AnyMethod {
  return (...args: unknown[]) => {
    const convert = convertFor(args);
    let result: unknown;
    try {
      result = original.apply(target, args);
    } catch (error) {
      throw convert(error);
    }
    if (!settles || !isThenable(result)) return result;
    return Promise.resolve(result).catch((error: unknown) => {
      throw convert(error);
    });
  };
}
