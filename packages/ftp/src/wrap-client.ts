import {
  type AnyMethod,
  answerOnce,
  DeadlineExceeded,
  deadlineMs,
  isDeadlineExceeded,
  isResetCode,
  loginSecrets,
  PendingCalls,
  ResetMemory,
  safeGet,
  type TransferError,
  type WrongProtocol,
  watchPlainGreeting,
  withDeadline,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import { WRAPPER_TEXT } from "./library-rules.js";
import { operations } from "./operations.js";
import { fromFailure } from "./read-error.js";

export interface WrapOptions {
  /**
   * A deadline per call (and for node-ftp's connect() until 'ready'), in ms: past it the call
   * fails with reason `timeout`, the hint says `reconnect`, and the connection is destroyed.
   */
  timeoutMs?: number | undefined;
  /** Gets each 'error' no pending call took (a failed connect(), a reset between calls). */
  onError?: ((error: TransferError) => void) | undefined;
}

/** What the wrapper uses of node-ftp's Client (promise-ftp's `rawClient` is one). */
interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
  listenerCount(event: string): number;
  destroy(): unknown;
  connected?: unknown;
}

class State {
  secrets: unknown[] = [];
  tls = false;
  phase: "idle" | "connecting" | "ready" | "closed";
  closedByApplication = false;
  /** The last 'error' event: a failure with another error came through a call's own callback. */
  lastError: unknown;
  /** How to fail each pending call (node-ftp forgets them when its connection closes). */
  pending = new PendingCalls();
  connectTimer: ReturnType<typeof setTimeout> | undefined;
  /** The caller's 'error' listeners and what node-ftp got instead. */
  listeners = new WeakMap<object, AnyMethod>();
  /** The calls whose data connection was reset (ProFTPD's refusal of a transfer). */
  resets = new ResetMemory();
  /** The first line of the server's 220 greeting (`Failure.serverGreeting`), once seen. */
  greeting: string | undefined;
  constructor(
    readonly raw: Emitter,
    readonly promises: boolean,
    readonly options: WrapOptions,
  ) {
    this.phase = raw?.connected === true ? "ready" : "idle";
  }
}

type Settle = (error: unknown, rest: unknown[]) => void;
const wrapped = new WeakSet<object>();
const LISTENERS = new Set(["on", "once", "addListener", "prependListener", "prependOnceListener"]);
const CLOSING = new Set(["end", "destroy", "logout"]);
const DATA_OPERATIONS = new Set(["get", "put", "append", "list", "listSafe", "mlsd"]);

function failure(state: State, error: unknown, operation?: string, path?: string): TransferError {
  const connecting = state.phase === "connecting";
  // A reset that came through the call itself, not as an 'error' event, is the data connection's.
  const reset = isResetCode(safeGet(error, "code")) && error !== state.lastError;
  const dataReset = reset && operation !== undefined && DATA_OPERATIONS.has(operation);
  const repeated = dataReset && state.resets.note(operation, path);
  return fromFailure(error, {
    dataReset,
    repeated,
    operation: operation ?? (connecting ? "connect" : undefined),
    path,
    closed: state.phase === "closed",
    closedByApplication: state.closedByApplication,
    connecting: connecting || operations[operation ?? ""]?.traits?.connects,
    tls: state.tls,
    secrets: state.secrets,
    serverGreeting: state.greeting,
  });
}

/** Past a deadline: node-ftp's destroy() only ends its socket, which a silent peer never closes. */
function closeNow(state: State, destroy: () => unknown): void {
  const socket = safeGet(state.raw, "_socket") as { destroy?: () => void } | undefined;
  destroy();
  socket?.destroy?.();
}

function startConnect(state: State, options: unknown): void {
  const secure = (options as { secure?: unknown } | null | undefined)?.secure;
  state.secrets.push(...loginSecrets(options));
  Object.assign(state, { tls: Boolean(secure), phase: "connecting", lastError: undefined });
  state.closedByApplication = false;
  const ms = deadlineMs(state.options.timeoutMs);
  clearTimeout(state.connectTimer);
  if (ms === undefined || state.promises) return;
  state.connectTimer = setTimeout(() => {
    if (state.phase !== "connecting") return;
    closeNow(state, () => state.raw.destroy());
    state.raw.emit("error", new DeadlineExceeded("connect", ms));
    state.phase = "closed";
  }, ms);
}

/**
 * An SSH server on the port answers "SSH-2.0-...", which node-ftp's parser skips: with its
 * connTimeout ended by the TCP connect, it would wait for ever. The first line fails the connect.
 */
function watchFirstLine(state: State): void {
  const onGreeting = (line: string) => {
    state.greeting = line;
  };
  const onWrong = (error: WrongProtocol) =>
    // Out of the socket's event: an 'error' nobody listens to throws, as node-ftp's own would.
    process.nextTick(() => {
      closeNow(state, () => state.raw.destroy());
      state.raw.emit("error", error);
    });
  const watch = { onGreeting, secrets: state.secrets };
  watchPlainGreeting(safeGet(state.raw, "_socket"), "ftp", onWrong, watch);
}

/** node-ftp's events: an 'error' fails the pending calls, or goes to onError; so does a close. */
function listen(state: State): void {
  state.raw.on("ready", () => {
    clearTimeout(state.connectTimer);
    state.phase = "ready";
  });
  state.raw.on("error", (error: unknown) => {
    state.lastError = error;
    if (state.pending.size > 0) return state.pending.failAll(error);
    const transferError = failure(state, error);
    if (state.options.onError) state.options.onError(transferError);
    else if (!state.promises && state.raw.listenerCount("error") <= 1) throw transferError;
  });
  state.raw.on("close", () => {
    clearTimeout(state.connectTimer);
    state.phase = "closed";
    state.pending.failAll(state.lastError ?? new Error(WRAPPER_TEXT.closed));
  });
}

/** Why a call is not sent: a line break would make two commands; node-ftp would never send it. */
function refusal(state: State, operation: string, args: unknown[]): Error | undefined {
  const sent = operation === "put" || operation === "append" ? args.slice(1) : args;
  if (sent.some((a) => typeof a === "string" && /[\r\n\0]/.test(a))) {
    return new Error(WRAPPER_TEXT.controlChars);
  }
  if (state.promises || state.phase === "connecting" || state.phase === "ready") return undefined;
  const closed = state.phase === "closed" && !state.closedByApplication;
  return new Error(closed ? WRAPPER_TEXT.closed : WRAPPER_TEXT.notConnected);
}

/** One call: answered once, by its own answer, the deadline, or the connection's end. */
function track(state: State, operation: string, args: unknown[], settle: Settle) {
  const remote = args[operations[operation]?.path ?? -1];
  const path = typeof remote === "string" ? remote : undefined;
  const ms = state.promises ? undefined : state.options.timeoutMs;
  const answer = (error: unknown, ...rest: unknown[]) => {
    state.pending.delete(done);
    // Past our deadline: what the close that follows fails the other pending calls with.
    if (!state.promises && isDeadlineExceeded(error)) state.lastError = error;
    if (!error) state.resets.forget(operation, path);
    settle(error ? failure(state, error, operation, path) : undefined, rest);
  };
  const done = answerOnce(operation, ms, answer, () => {
    closeNow(state, () => state.raw.destroy());
    state.phase = "closed";
  });
  // end() and logout() settle as the connection closes: that is their answer, not a loss.
  if (!CLOSING.has(operation)) state.pending.add(done);
  return done;
}

/** node-ftp: the callback (the last argument) gets a TransferError. */
function wrapCallback(state: State, operation: string, original: AnyMethod): AnyMethod {
  return (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback !== "function") return original.apply(state.raw, args);
    const done = track(state, operation, args, (error, rest = []) =>
      error ? callback(error) : callback(undefined, ...rest),
    );
    const refused = refusal(state, operation, args);
    if (refused) return void process.nextTick(() => done(refused));
    const copy = [
      ...args.slice(0, -1),
      (error: unknown, ...rest: unknown[]) => done(error, ...rest),
    ];
    return original.apply(state.raw, copy);
  };
}

/** promise-ftp: the promise rejects with a TransferError. */
function wrapPromise(state: State, client: object, operation: string, original: AnyMethod) {
  return (...args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (operations[operation]?.traits?.connects) startConnect(state, args[0]);
      const done = track(state, operation, args, (error, rest) =>
        error ? reject(error) : resolve(rest?.[0]),
      );
      const refused = refusal(state, operation, args);
      if (refused) return done(refused);
      // A synchronous throw becomes a rejection, read like the others.
      const work = new Promise((run) => run(original.apply(client, args)));
      if (operations[operation]?.traits?.connects) watchFirstLine(state);
      const destroy = () => {
        state.phase = "closed";
        closeNow(state, () => (client as { destroy(): unknown }).destroy());
      };
      withDeadline(work, operation, state.options.timeoutMs, destroy).then(
        (value) => {
          state.lastError = undefined;
          done(undefined, value);
        },
        // A rejection is a failure whatever its value (0, "" and false too): only node-ftp's
        // callbacks read a falsy error as success.
        (error: unknown) => done(error || new Error(WRAPPER_TEXT.closed)),
      );
    });
}

/** node-ftp: the caller's 'error' listeners get a TransferError; removing them still works. */
function wrapListener(state: State, name: string, original: AnyMethod, self: () => object) {
  return (event: unknown, listener: AnyMethod) => {
    let given = listener;
    if (event === "error" && typeof listener === "function" && LISTENERS.has(name)) {
      given = (error: unknown) => listener.call(self(), failure(state, error));
      state.listeners.set(listener, given);
    } else if (event === "error") given = state.listeners.get(listener) ?? listener;
    original.call(state.raw, event, given);
    return self(); // for chains: client.on("ready", f).on("error", g)
  };
}

/**
 * node-ftp's Client or a PromiseFtp, with the same methods and types. Every failure reaches the
 * caller as a TransferError (operation and path filled in): node-ftp's callbacks and 'error'
 * listeners, promise-ftp's rejections. Calls that node-ftp would leave waiting for ever (the
 * connection closed or never opened) fail at once; `options.timeoutMs` is a deadline per call.
 */
export function wrapClient<T extends object>(client: T, options: WrapOptions = {}): T {
  if (wrapped.has(client)) return client;
  const promises = typeof (client as { getConnectionStatus?: unknown }).getConnectionStatus;
  const raw = promises === "function" ? (client as { rawClient?: unknown }).rawClient : client;
  const state = new State(raw as Emitter, promises === "function", options ?? {});
  if (typeof state.raw?.on === "function") listen(state);
  const wrap = (name: string, original: AnyMethod): AnyMethod | undefined => {
    if (state.promises) return wrapPromise(state, client, name, original);
    if (name !== "connect") return wrapCallback(state, name, original);
    return (...args: unknown[]) => {
      startConnect(state, args[0]);
      const result = original.apply(client, args);
      watchFirstLine(state);
      return result;
    };
  };
  const proxy: T = wrapMethods(client, (name, original) => {
    if (CLOSING.has(name)) {
      // promise-ftp's destroy() returns a boolean at once: only its flag is set.
      const call =
        operations[name] || (state.promises && name === "end") ? wrap(name, original) : undefined;
      return (...args: unknown[]) => {
        state.closedByApplication = true;
        if (name === "destroy") state.phase = "closed";
        return (call ?? original).apply(client, args);
      };
    }
    if (operations[name]) return wrap(name, original);
    const listener = LISTENERS.has(name) || name === "off" || name === "removeListener";
    return listener && !state.promises
      ? wrapListener(state, name, original, () => proxy)
      : undefined;
  });
  wrapped.add(proxy);
  return proxy;
}
