import {
  type AnyMethod,
  ConnectionLoss,
  callWithCallback,
  convertingStream,
  createTransferError,
  isTransferError,
  markLossOn,
  safeGet,
  sftpStreamMethods,
  sshGreetingIn,
  type TransferError,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import { callbackMethods, remotePathOf } from "./operations.js";
import { type ErrorContext, fromFailure, readError } from "./read-error.js";

export interface WrapOptions {
  /** Per-call deadline (ms): past it the callback gets a `timeout`, and the channel is ended. */
  timeoutMs?: number | undefined;
  /** Strings to keep out of every error (the connection's password, passphrase, private key). */
  secrets?: readonly unknown[] | undefined;
}

/** A session's options, and why it needs a new connection (`ended`: end(), destroy()). */
type SessionState = { options: WrapOptions; loss: ConnectionLoss };

const states = new WeakMap<object, SessionState>();
/** The remote path each handle (a Buffer) was opened with, for read, write, close ... */
const handlePaths = new WeakMap<object, string>();

/** Whether a wrapped session can no longer be used (closed channel, deadline, lost connection). */
export function needsReconnect(sftp: object): boolean {
  const state = states.get(sftp);
  return state !== undefined && (state.loss.why !== undefined || !isOpen(sftp));
}

/**
 * Returns `sftp` (an ssh2 `SFTPWrapper`, node-ssh's too) with the same methods and types, in
 * ssh2's callback style: each callback gets a `TransferError` (operation and path filled in)
 * instead of the raw error, streams emit one, a synchronous throw is one. A call on a closed
 * channel, which ssh2 would never call back, is answered at once.
 */
export function wrapClient<S extends object>(sftp: S, options: WrapOptions = {}): S {
  const state: SessionState = { options, loss: new ConnectionLoss() };
  // Its 'error' listener also keeps a fatal SFTP error (`level: 'sftp-protocol'`) from crashing
  // the process as an unhandled 'error' event; its pending requests fail by themselves.
  markLossOn(sftp, ["close", "error"], state.loss, "its channel was closed");
  const proxy = wrapMethods(sftp, (method, original) => {
    if (method === "end" || method === "destroy") {
      return (...args: unknown[]) => {
        state.loss.end(`${method}()`);
        return original.apply(sftp, args);
      };
    }
    if (!callbackMethods.has(method) && !sftpStreamMethods.has(method)) return undefined;
    return (...args: unknown[]) => call(sftp, method, original, args, state);
  });
  states.set(proxy, state);
  return proxy;
}

/** The TransferError of a failure; one that needs a new connection marks the session. */
function fail(error: unknown, context: ErrorContext, state: SessionState): TransferError {
  if (isTransferError(error)) return error;
  const transferError = fromFailure(error, context);
  if (transferError.retry.reconnect) {
    state.loss.mark(`${context.operation} failed: ${transferError.reason}`, transferError);
  }
  return transferError;
}

function call(
  target: object,
  method: string,
  original: AnyMethod,
  args: unknown[],
  state: SessionState,
): unknown {
  const path = remotePathOf(method, args, handlePaths);
  // One literal with every field: a property added afterwards changes the object's shape, a cost
  // every call paid. ssh2's SFTPWrapper keeps its Client as `_client`: the server's
  // identification is there.
  const context: ErrorContext = {
    operation: method,
    path,
    secrets: state.options.secrets,
    serverGreeting: sshGreetingIn(target, "_client"),
  };
  const refused = refusal(target, state, context);
  const convert = (error: unknown) => fail(error, context, state);
  const isStream = sftpStreamMethods.has(method);
  const result = callWithCallback(target, original, args, {
    operation: method,
    timeoutMs: state.options.timeoutMs,
    convert,
    refused: isStream ? undefined : refused,
    replied([handle]) {
      if (path && typeof handle === "object" && handle && /^open/.test(method))
        handlePaths.set(handle, path);
    },
    // Past the deadline the channel is ended: ssh2 would keep the request pending.
    expired: () => (target as { end?: () => void }).end?.(),
  });
  return isStream ? convertingStream(result, convert, refused) : result;
}

/** The answer to a call on a session that cannot send it, or `undefined` when it can. */
function refusal(target: object, state: SessionState, context: ErrorContext) {
  const { loss } = state;
  if (loss.why === undefined && isOpen(target)) return undefined;
  const why = loss.why ?? (loss.ended ? "it was ended" : "its channel is closed");
  const message = loss.refusal(context.operation, "SFTP session", why);
  const failure = readError(message, { ...context, ended: loss.ended });
  return createTransferError({ ...failure, cause: loss.refusedCause(why) });
}

/** ssh2 sends a request only while the channel's outgoing side is open. */
function isOpen(sftp: object): boolean {
  const channel = safeGet(safeGet(sftp, "outgoing"), "state");
  return channel === undefined || channel === "open";
}
