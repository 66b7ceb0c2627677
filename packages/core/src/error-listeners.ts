// The 'error' listeners of a wrapped event emitter (node-ftp's Client; ssh2's SFTPWrapper could do
// the same): those the caller adds through the wrapper get the converted error (a TransferError);
// the wrapper's own, added on the emitter itself, get what the client emitted.
import type { AnyMethod } from "./wrap-methods.js";

const ADDING: ReadonlySet<string> = new Set([
  "on",
  "once",
  "addListener",
  "prependListener",
  "prependOnceListener",
]);
const REMOVING: ReadonlySet<string> = new Set(["off", "removeListener"]);

/**
 * What `wrapMethods` puts in place of `emitter`'s listener methods (`undefined` for the others):
 * an 'error' listener added through them is called, with `self()` as `this`, with
 * `convert(error)`; removing it removes what the emitter got for it. Each returns `self()` (the
 * proxy), so that a chain such as `client.on("ready", f).on("error", g)` stays wrapped.
 */
export function convertingListeners(
  emitter: object,
  convert: (error: unknown) => unknown,
  self: () => object,
): (name: string, original: AnyMethod) => AnyMethod | undefined {
  const given = new WeakMap<object, AnyMethod>();
  return (name, original) => {
    const adding = ADDING.has(name);
    if (!adding && !REMOVING.has(name)) return undefined;
    return (event: unknown, listener: AnyMethod) => {
      let sent = listener;
      if (event === "error" && typeof listener === "function" && adding) {
        sent = (error: unknown) => listener.call(self(), convert(error));
        given.set(listener, sent);
      } else if (event === "error") sent = given.get(listener) ?? listener;
      original.call(emitter, event, sent);
      return self();
    };
  };
}
