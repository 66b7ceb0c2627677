import {
  type AnyMethod,
  DeadlineExceeded,
  deadlineMs,
  isThenable,
  secretsOf,
  type TransferError,
  withDeadline,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import { WRAPPER_TEXT } from "./library-rules.js";
import { operations } from "./operations.js";
import { fromFailure } from "./to-transfer-error.js";

export interface WrapOptions {
  /**
   * A deadline for every operation (and for node-ftp's connect() until 'ready'), in milliseconds.
   * Past it the call fails with a `timeout` TransferError whose hint says `reconnect`, and the
   * connection is destroyed. node-ftp's own connTimeout ends when TCP connects: a server that
   * never sends its greeting, or a reply that never comes, is waited for without end.
   */
  timeoutMs?: number | undefined;
  /**
   * Receives, as a TransferError, every 'error' the client emits that no pending call received:
   * a failed connect() of node-ftp, a 421 between calls, a reset while idle. promise-ftp
   * swallows these; node-ftp throws them when nothing listens to 'error'.
   */
  onError?: ((error: TransferError) => void) | undefined;
}

/** What the wrapper needs of node-ftp's Client (promise-ftp's `rawClient` is one). */
interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  listenerCount(event: string): number;
  destroy(): unknown;
}

interface Pending {
  operation: string;
  path: string | undefined;
  fail(error: unknown): void;
}

interface State {
  raw: Emitter;
  promises: boolean;
  options: WrapOptions;
  secrets: unknown[];
  tls: boolean;
  phase: "idle" | "connecting" | "ready" | "closed";
  closedByApplication: boolean;
  lastError: unknown;
  pending: Set<Pending>;
  connectTimer: ReturnType<typeof setTimeout> | undefined;
  /** The caller's 'error' listeners and what the client got instead. */
  listeners: WeakMap<object, AnyMethod>;
}

const wrapped = new WeakSet<object>();
const LISTENER_METHODS = ["on", "once", "addListener", "prependListener", "prependOnceListener"];
const CLOSING = new Set(["end", "destroy", "logout"]);

function failure(state: State, error: unknown, operation?: string, path?: string): TransferError {
  const connecting = state.phase === "connecting" || operations[operation ?? ""]?.traits?.connects;
  return fromFailure(error, {
    operation: operation ?? (state.phase === "connecting" ? "connect" : undefined),
    path,
    closed: state.phase === "closed",
    closedByApplication: state.closedByApplication,
    connecting,
    tls: state.tls,
    secrets: state.secrets,
  });
}

function startConnect(state: State, options: unknown): void {
  const o = (options ?? {}) as { password?: unknown; secure?: unknown; secureOptions?: unknown };
  const tls = (o.secureOptions ?? {}) as Record<string, unknown>;
  state.secrets.push(...secretsOf(o.password, tls.passphrase, tls.key, tls.pfx));
  state.tls = Boolean(o.secure);
  state.phase = "connecting";
  state.closedByApplication = false;
  state.lastError = undefined;
  const ms = deadlineMs(state.options.timeoutMs);
  clearTimeout(state.connectTimer);
  if (ms === undefined || state.promises) return;
  state.connectTimer = setTimeout(() => {
    if (state.phase !== "connecting") return;
    state.raw.destroy();
    state.raw.emit("error", new DeadlineExceeded("connect", ms));
    state.phase = "closed";
  }, ms);
}

/** node-ftp's 'error': pending calls get it (node-ftp would leave them waiting), else onError. */
function onRawError(state: State, error: unknown): void {
  state.lastError = error;
  if (state.pending.size > 0) {
    for (const call of [...state.pending]) call.fail(error);
    return;
  }
  const transferError = failure(state, error);
  if (state.options.onError) state.options.onError(transferError);
  else if (!state.promises && state.raw.listenerCount("error") <= 1) throw transferError;
}

function listen(state: State): void {
  const raw = state.raw;
  raw.on("ready", () => {
    clearTimeout(state.connectTimer);
    state.phase = "ready";
  });
  raw.on("error", (error: unknown) => onRawError(state, error));
  raw.on("close", () => {
    clearTimeout(state.connectTimer);
    state.phase = "closed";
    const error = state.lastError ?? new Error(WRAPPER_TEXT.closed);
    for (const call of [...state.pending]) call.fail(error);
  });
}

/** A path or command with a line break would be sent as two commands by node-ftp. */
function unsafeText(operation: string, args: unknown[]): boolean {
  const sent = operation === "put" || operation === "append" ? args.slice(1) : args;
  return sent.some((a) => typeof a === "string" && /[\r\n\0]/.test(a));
}

function refusal(state: State): Error | undefined {
  if (state.promises || state.phase === "connecting" || state.phase === "ready") return undefined;
  if (state.phase === "closed" && !state.closedByApplication) return new Error(WRAPPER_TEXT.closed);
  return new Error(WRAPPER_TEXT.notConnected);
}

/** One call: settles once, by its own answer, the deadline, or the connection's end. */
function track(
  state: State,
  operation: string,
  args: unknown[],
  settle: (error: unknown, rest?: unknown[]) => void,
) {
  const remote = args[operations[operation]?.path ?? -1];
  const path = typeof remote === "string" ? remote : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  const call: Pending = { operation, path, fail: (error) => done(error) };
  const done = (error: unknown, rest?: unknown[]) => {
    if (settled) return;
    settled = true;
    state.pending.delete(call);
    clearTimeout(timer);
    if (error) settle(failure(state, error, operation, path));
    else settle(undefined, rest);
  };
  // end() and logout() settle as the connection closes: that is their answer, not a loss.
  if (!CLOSING.has(operation)) state.pending.add(call);
  const ms = state.promises ? undefined : deadlineMs(state.options.timeoutMs);
  if (ms !== undefined) {
    timer = setTimeout(() => {
      state.lastError = new DeadlineExceeded(operation, ms);
      done(state.lastError);
      state.raw.destroy();
      state.phase = "closed";
    }, ms);
  }
  return { path, done };
}

function wrapCallback(state: State, operation: string, original: AnyMethod): AnyMethod {
  return (...args: unknown[]) => {
    const index = args.length - 1;
    const callback = args[index];
    if (typeof callback !== "function") return original.apply(state.raw, args);
    const { done } = track(state, operation, args, (error, rest = []) =>
      error ? callback(error) : callback(undefined, ...rest),
    );
    const refused = unsafeText(operation, args)
      ? new Error(WRAPPER_TEXT.controlChars)
      : refusal(state);
    if (refused) {
      process.nextTick(() => done(refused));
      return undefined;
    }
    const copy = [...args];
    copy[index] = (error: unknown, ...rest: unknown[]) => done(error, rest);
    return original.apply(state.raw, copy);
  };
}

function wrapPromise(
  state: State,
  client: object,
  operation: string,
  original: AnyMethod,
): AnyMethod {
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (operations[operation]?.traits?.connects) startConnect(state, args[0]);
      const { done } = track(state, operation, args, (error, rest) =>
        error ? reject(error) : resolve(rest?.[0]),
      );
      if (unsafeText(operation, args)) return done(new Error(WRAPPER_TEXT.controlChars));
      let result: unknown;
      try {
        result = original.apply(client, args);
      } catch (error) {
        return done(error);
      }
      if (!isThenable(result)) return done(undefined, [result]);
      const destroy = () => {
        state.phase = "closed";
        (client as { destroy(): unknown }).destroy();
      };
      withDeadline(Promise.resolve(result), operation, state.options.timeoutMs, destroy).then(
        (value) => {
          state.lastError = undefined;
          done(undefined, [value]);
        },
        (error: unknown) => done(error ?? new Error(WRAPPER_TEXT.closed)),
      );
    });
}

/** node-ftp's listeners for 'error' get a TransferError; the rest pass through. */
function wrapListeners(state: State, name: string, original: AnyMethod, self: () => object) {
  const listeners = state.listeners;
  if (name === "off" || name === "removeListener") {
    return (event: unknown, listener: AnyMethod) =>
      original.call(state.raw, event, (event === "error" && listeners.get(listener)) || listener);
  }
  return (event: unknown, listener: AnyMethod) => {
    if (event !== "error" || typeof listener !== "function")
      return original.call(state.raw, event, listener);
    const converted = (error: unknown) => listener.call(self(), failure(state, error));
    listeners.set(listener, converted);
    original.call(state.raw, event, converted);
    return self();
  };
}

/**
 * node-ftp's Client or a PromiseFtp with the same methods and types. Every failure reaches the
 * caller as a TransferError (operation and path filled in): node-ftp's callbacks and 'error'
 * listeners, promise-ftp's rejections. Calls that node-ftp would leave waiting for ever (the
 * connection closed, never connected) fail at once; `options.timeoutMs` is a deadline per call.
 */
export function wrapClient<T extends object>(client: T, options: WrapOptions = {}): T {
  if (wrapped.has(client)) return client;
  const promises =
    typeof (client as { getConnectionStatus?: unknown }).getConnectionStatus === "function";
  const raw = (promises ? (client as { rawClient?: unknown }).rawClient : client) as Emitter;
  const state: State = {
    raw,
    promises,
    options: options ?? {},
    secrets: [],
    tls: false,
    phase: (raw as { connected?: unknown })?.connected === true ? "ready" : "idle",
    closedByApplication: false,
    lastError: undefined,
    pending: new Set(),
    connectTimer: undefined,
    listeners: new WeakMap(),
  };
  if (raw && typeof raw.on === "function") listen(state);
  let proxy: T;
  proxy = wrapMethods(client, (name, original) => {
    if (CLOSING.has(name)) {
      return (...args: unknown[]) => {
        state.closedByApplication = true;
        if (name === "destroy") state.phase = "closed";
        return promises
          ? wrapPromise(state, client, name, original)(...args)
          : original.apply(raw, args);
      };
    }
    if (operations[name]) {
      if (promises) return wrapPromise(state, client, name, original);
      if (name === "connect") {
        return (...args: unknown[]) => {
          startConnect(state, args[0]);
          return original.apply(raw, args);
        };
      }
      return wrapCallback(state, name, original);
    }
    if (
      !promises &&
      (LISTENER_METHODS.includes(name) || name === "off" || name === "removeListener")
    ) {
      return wrapListeners(state, name, original, () => proxy);
    }
    return undefined;
  });
  wrapped.add(proxy);
  return proxy;
}
