import {
  type AnyMethod,
  ConnectionLoss,
  convertingMethod,
  createTransferError,
  type Failure,
  failureFrom,
  findCause,
  isDeadlineExceeded,
  isTransferError,
  listen,
  markReconnect,
  safeGet,
  secretsIn,
  shortUpload,
  type TransferError,
  type WrongProtocol,
  watchLibrarySocket,
  withDeadline,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import { advice } from "./advice.js";
import {
  lookedOperations,
  operations,
  remotePathOf,
  streamMethods,
  untouchedMethods,
} from "./operations.js";
import { readError, sftpClientData, toTransferError } from "./read-error.js";
import { isGenericFailure, pathLook, sourceSize } from "./remote-checks.js";

export interface WrapOptions {
  /**
   * Per-operation deadline in milliseconds. A call that has not settled by then rejects with a
   * `timeout` TransferError whose hint says `reconnect`, and the client is marked for reconnect
   * (its request may still be pending: the connection cannot be trusted). Default: none.
   */
  timeoutMs?: number | undefined;
  /**
   * After a generic SSH_FX_FAILURE (4) of `mkdir`, `rmdir` or `rename`, look at the paths (an
   * lstat, a listing, the free space) to say what is really wrong: already exists, not empty,
   * not found, no space. The original code and server text are kept. Default: false.
   */
  diagnose?: boolean | undefined;
  /**
   * After `put` of a Buffer or a local file, compare the remote size with what was sent: ssh2's
   * write stream can report success although the server refused a write (a full disk). A short
   * file rejects with `no-space` (the server's disk is full) or `server-error`. Costs one stat
   * per upload. Default: false.
   */
  verifyUploads?: boolean | undefined;
  /**
   * How to open the connection again after a loss, for `withRetry` (createConnection sets its
   * own connect()). Without it, withRetry stops at once on a client that needs a new connection,
   * unless its own `reconnect` option is given: every further call would be refused.
   */
  reconnect?: (() => unknown) | undefined;
  /** More strings to keep out of every error (connect()'s password, passphrase and key are added by itself). */
  secrets?: readonly (string | Uint8Array)[] | undefined;
}

interface ClientState {
  options: WrapOptions;
  secrets: unknown[];
  /** connect() succeeded at least once. */
  connected: boolean;
  /** Set by a timeout or a lost connection: the client must be replaced (or connected again). */
  loss: ConnectionLoss;
  /** SFTP channels that already have our listeners. */
  watchedChannels: WeakSet<object>;
  /** What the last connect()'s server said first, when it was another protocol's. */
  wrongPeer: WrongProtocol | undefined;
}

const states = new WeakMap<object, ClientState>();

/**
 * Whether a wrapped client needs a new connection before it can be used again: an operation
 * passed its deadline, or the connection or its SFTP channel was lost. Such a client rejects
 * every call but connect() and end() at once; the documented way on is a fresh client
 * (`createConnection(...).connect()`).
 */
export function needsReconnect(client: object): boolean {
  return states.get(client)?.loss.why !== undefined;
}

/**
 * Returns `client` with the same methods and types, each of which rejects with a
 * `TransferError` (operation and path filled in) instead of the raw error. The client itself is
 * not changed, except for quiet listeners that notice a lost connection; nothing is printed.
 */
export function wrapClient<C extends object>(client: C, options: WrapOptions = {}): C {
  const state: ClientState = {
    options,
    secrets: [...(options.secrets ?? [])],
    connected: false,
    loss: new ConnectionLoss(),
    watchedChannels: new WeakSet(),
    wrongPeer: undefined,
  };
  // A close of the ssh2 connection that we did not ask for marks the client.
  listen(safeGet(client, "client"), ["close", "end"], () => {
    if (state.connected) state.loss.mark("the connection was closed");
  });
  // Wrapped after connecting: watch the open channel now.
  if ((client as { sftp?: unknown }).sftp) {
    state.connected = true;
    watchChannel(client, state);
  }
  const proxy = wrapMethods(client, (method, original) => {
    if (method.startsWith("_") || untouchedMethods.has(method)) return undefined;
    if (operations[method]) return (...args) => callAsync(client, method, original, args, state);
    // Other public methods (streams, ones a later 12.x adds): convert what they throw or reject.
    const convertFor = (args: unknown[]) => {
      const context = contextOf(method, args, state);
      return (error: unknown) => toTransferError(error, context);
    };
    return convertingMethod(client, original, convertFor, !streamMethods.has(method));
  });
  states.set(proxy, state);
  return proxy;
}

function contextOf(method: string, args: readonly unknown[], state: ClientState) {
  return {
    operation: method,
    path: remotePathOf(method, args),
    secrets: state.secrets,
    connected: state.connected,
    ended: state.loss.ended && method !== "end" && method !== "connect",
  };
}

async function callAsync(
  target: object,
  method: string,
  original: AnyMethod,
  args: unknown[],
  state: ClientState,
): Promise<unknown> {
  const { loss, options } = state;
  const own = method === "connect" || method === "end";
  if (method === "connect") {
    state.secrets = [...(options.secrets ?? []), ...secretsIn(args[0])];
    loss.ended = false;
  }
  if (method === "end") loss.ended = true;
  const context = contextOf(method, args, state);
  if (loss.why !== undefined && !own) {
    const message = loss.refusal(method, "client");
    throw lostAgain(
      state,
      createTransferError({ ...ownFailure(context, message), cause: loss.cause }),
    );
  }
  try {
    const pending = Promise.resolve(original.apply(target, args));
    if (method === "connect") watchFirstLine(target, state);
    const result = await withDeadline(pending, method, options.timeoutMs);
    if (method === "connect") {
      state.connected = true;
      loss.reset();
      watchChannel(target, state);
    }
    if (method === "put" && options.verifyUploads) await verifyPut(target, args, state, context);
    return result;
  } catch (error) {
    if (isTransferError(error)) throw error;
    // The library's own "getConnection: ..." only quotes a WrongProtocol: read the original.
    const cause = method === "connect" ? (state.wrongPeer ?? error) : error;
    let failure = isDeadlineExceeded(error)
      ? { ...ownFailure(context, error.message), signals: ["deadline" as const] }
      : readError(cause, context);
    const looked = lookedOperations[method];
    const [first, second] = args;
    if (options.diagnose && looked && typeof first === "string" && isGenericFailure(failure)) {
      const to = typeof second === "string" ? second : undefined;
      const finding = await findCause(pathLook(target), looked, first, to, options.timeoutMs);
      if (finding) failure = { ...failure, finding };
    }
    const transferError = createTransferError(failure);
    if (transferError.retry.reconnect && !own) {
      // The latest failure says why: the one the caller saw last.
      loss.why = `${method} failed: ${transferError.reason}`;
      loss.cause = transferError;
      lostAgain(state, transferError);
    }
    throw transferError;
  }
}

async function verifyPut(
  target: object,
  args: unknown[],
  state: ClientState,
  context: ReturnType<typeof contextOf>,
): Promise<void> {
  const remote = args[1];
  if (typeof remote !== "string") return;
  const expected = await sourceSize(args[0]);
  if (expected === undefined) return;
  let failure: Failure | undefined;
  try {
    const check = shortUpload(pathLook(target), "sftp", "put", remote, expected);
    failure = await withDeadline(check, "put", state.options.timeoutMs);
  } catch (error) {
    // The check's own failure (the connection dropped meanwhile) is what the caller must know.
    throw toTransferError(error, { ...context, operation: "put" });
  }
  if (failure) throw createTransferError({ ...failure, advice, secrets: state.secrets });
}

/** Marks a failure of a client that needs a new connection with how withRetry can get one. */
function lostAgain(state: ClientState, error: TransferError): TransferError {
  const how = state.options.reconnect;
  markReconnect(error, state.loss.ended || typeof how !== "function" ? null : () => how());
  return error;
}

/** Facts of the wrapper's own failures: the deadline, and a call it refuses to send. */
function ownFailure(context: ReturnType<typeof contextOf>, message: string): Failure {
  return { ...failureFrom(sftpClientData, context), message };
}

/**
 * An FTP server on the port answers "220 ..." and waits; ssh2 would wait for an SSH ident until
 * its readyTimeout. ssh2 offers no public way to its first line (its 'greeting' event and debug
 * output come only with an SSH ident), so the socket it made in connect() (`_sock`, there since
 * ssh2 1.0) is watched.
 */
function watchFirstLine(client: object, state: ClientState): void {
  state.wrongPeer = undefined;
  watchLibrarySocket(safeGet(safeGet(client, "client"), "_sock"), "ssh", (error) => {
    state.wrongPeer = error;
  });
}

/**
 * ssh2-sftp-client does not listen on the SFTP channel: when it dies while SSH stays up, later
 * calls never settle. A listener here marks the client instead (and its 'error' listener keeps a
 * fatal channel error from crashing the process as an unhandled 'error' event).
 */
function watchChannel(client: object, state: ClientState): void {
  const channel = safeGet(client, "sftp");
  if (typeof safeGet(channel, "on") !== "function" || state.watchedChannels.has(channel as object))
    return;
  state.watchedChannels.add(channel as object);
  listen(channel, ["close", "end", "error"], () => state.loss.mark("the SFTP channel was closed"));
}
