import {
  type AnyMethod,
  type CallbackCall,
  callWithCallback,
  callWithPromise,
  convertingListeners,
  type EventClient,
  EventConnection,
  isDeadlineExceeded,
  loginSecrets,
  pathArgument,
  ResetMemory,
  readDataReset,
  safeGet,
  splitsFtpCommand,
  type TransferError,
  type WrapperOptions,
  type WrongProtocol,
  watchFtpGreeting,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import { WRAPPER_TEXT } from "./library-rules.js";
import { operations } from "./operations.js";
import { fromFailure } from "./read-error.js";

export interface WrapOptions extends WrapperOptions {
  /** Gets each 'error' no pending call took (a failed connect(), a reset between calls). */
  onError?: ((error: TransferError) => void) | undefined;
}

/** What the wrapper uses of node-ftp's Client (promise-ftp's `rawClient` is one). */
interface Emitter extends EventClient {
  listenerCount(event: string): number;
  destroy(): unknown;
}

/** node-ftp's connection (its events: see EventConnection), and what else the wrapper keeps. */
class State extends EventConnection<Emitter> {
  /** The calls whose data connection was reset (ProFTPD's refusal of a transfer). */
  resets = new ResetMemory();
  constructor(
    raw: Emitter,
    /** What wrapClient got: node-ftp's Client (`raw` too), or a PromiseFtp. */
    readonly target: object,
    readonly promises: boolean,
    readonly options: WrapOptions,
  ) {
    super(raw, WRAPPER_TEXT.closed);
    this.phase = safeGet(raw, "connected") === true ? "ready" : "idle";
  }

  /** An 'error' no call took goes to onError; node-ftp's own would throw with no listener. */
  protected override unclaimed(error: unknown): void {
    const transferError = failure(this, error);
    if (this.options.onError) this.options.onError(transferError);
    else if (!this.promises && this.emitter.listenerCount("error") <= 1) throw transferError;
  }
}

const wrapped = new WeakSet<object>();
const CLOSING = new Set(["end", "destroy", "logout"]);

/** `error` as the caller gets it, with what the wrapper knows of the connection and the call. */
function failure(state: State, error: unknown, operation?: string, path?: string): TransferError {
  const traits = operations[operation ?? ""];
  const context = state.context(operation, path, traits?.connects);
  // A reset that came through the call itself, not as an 'error' event, is the data connection's.
  const code = error === state.lastError ? undefined : safeGet(error, "code");
  Object.assign(context, readDataReset(state.resets, code, operation, path, traits));
  return fromFailure(error, context);
}

/** Past a deadline: node-ftp's destroy() only ends its socket, which a silent peer never closes. */
function closeNow(state: State, client: object = state.emitter): void {
  const socket = safeGet(state.emitter, "_socket") as { destroy?: () => void } | undefined;
  (client as { destroy(): unknown }).destroy();
  socket?.destroy?.();
}

/**
 * An SSH server on the port answers "SSH-2.0-...", which node-ftp's parser skips: with its
 * connTimeout ended by the TCP connect, it would wait for ever. The first line fails the connect.
 */
function watchFirstLine(state: State): void {
  const onWrong = (error: WrongProtocol) =>
    // Out of the socket's event: an 'error' nobody listens to throws, as node-ftp's own would.
    process.nextTick(() => state.fail(error, () => closeNow(state)));
  watchFtpGreeting(state, safeGet(state.emitter, "_socket"), onWrong);
}

/** connect(): its secrets, its deadline, and the watch on its first line once it was sent. */
function connectCall(state: State, original: AnyMethod): AnyMethod {
  return (...args: unknown[]) => {
    state.secrets.push(...loginSecrets(args[0]));
    state.tls = Boolean(safeGet(args[0], "secure"));
    state.connecting(state.promises ? undefined : state.options.timeoutMs, () => closeNow(state));
    const result = original.apply(state.target, args);
    watchFirstLine(state);
    return result;
  };
}

/** Why a call is not sent: a line break would make two commands; node-ftp would never send it. */
function refusal(state: State, operation: string, args: unknown[]): Error | undefined {
  const sent = operation === "put" || operation === "append" ? args.slice(1) : args;
  if (splitsFtpCommand(sent)) return new Error(WRAPPER_TEXT.controlChars);
  // promise-ftp refuses such calls itself (FtpConnectionError).
  const why = state.promises ? undefined : state.unusable();
  return why && new Error(why === "lost" ? WRAPPER_TEXT.closed : WRAPPER_TEXT.notConnected);
}

/** One call: answered once, by its own answer, the deadline, or the connection's end. */
function callOf(state: State, operation: string, args: unknown[]): CallbackCall {
  const path = pathArgument(args, operations[operation]?.path);
  const refused = refusal(state, operation, args);
  return {
    operation,
    timeoutMs: state.options.timeoutMs,
    convert(error) {
      // Past our deadline: what the close that follows fails the other pending calls with.
      if (!state.promises && isDeadlineExceeded(error)) state.lastError = error;
      // A rejection is a failure whatever its value (0, "" and false too): only node-ftp's
      // callbacks read a falsy error as success.
      return failure(state, error || new Error(WRAPPER_TEXT.closed), operation, path);
    },
    refused: refused && failure(state, refused, operation, path),
    // end() and logout() settle as the connection closes: that is their answer, not a loss.
    pending: CLOSING.has(operation) ? undefined : state.pending,
    replied() {
      if (state.promises) state.lastError = undefined;
      state.resets.forget(operation, path);
    },
    expired() {
      state.phase = "closed";
      closeNow(state, state.target);
    },
  };
}

/** node-ftp: the callback (the last argument) gets a TransferError. */
function wrapCallback(state: State, operation: string, original: AnyMethod): AnyMethod {
  return (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback !== "function") return original.apply(state.emitter, args);
    // A success's error is undefined, whatever falsy value node-ftp gave.
    const answer = (error: unknown, ...rest: unknown[]) =>
      error ? callback(error) : callback(undefined, ...rest);
    const call = callOf(state, operation, args);
    return callWithCallback(state.emitter, original, [...args.slice(0, -1), answer], call);
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
  const state = new State(raw as Emitter, client, promises === "function", options ?? {});
  const listeners = convertingListeners(
    client,
    (error) => failure(state, error),
    () => proxy,
  );
  const wrap = (name: string, original: AnyMethod): AnyMethod => {
    if (!state.promises) {
      return name === "connect"
        ? connectCall(state, original)
        : wrapCallback(state, name, original);
    }
    const send = operations[name]?.connects ? connectCall(state, original) : original;
    // promise-ftp: the promise rejects with a TransferError.
    return (...args: unknown[]) => callWithPromise(client, send, args, callOf(state, name, args));
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
    return state.promises ? undefined : listeners(name, original);
  });
  wrapped.add(proxy);
  return proxy;
}
