import {
  type AnyMethod,
  CallRecord,
  connecting,
  deadlineMs,
  ftpSession,
  markLoss,
  RunningCalls,
  readSafely,
  safeString,
  secretsOf,
  type TransferError,
  tlsSecretsOf,
  watchFtpGreeting,
  withDeadline,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import type { AccessOptions, Client } from "basic-ftp";
import { type ClientState, nextWorkingDir, states } from "./client-state.js";
import type { FailureContext } from "./context.js";
import { operations } from "./operations.js";
import { probePath } from "./probe.js";
import { fromFailure, isDataReset } from "./read-error.js";
import { reconnect } from "./reconnect.js";
import { holdResetClose } from "./reset-grace.js";
import { verifiedTransfer } from "./verify-transfer.js";

export interface WrapOptions {
  /**
   * A deadline for every operation, in milliseconds (at most 2^31 - 1; a larger one is clamped).
   * Past it the call rejects with a `timeout` TransferError whose hint says `reconnect`, and the
   * connection is closed. basic-ftp's own timeout (`new Client(timeout)`) is an idle timeout and
   * does not cover every wait: the TLS handshake after AUTH TLS, an upload the server never
   * answers, `new Client(0)`.
   */
  timeoutMs?: number | undefined;
  /**
   * After a refusal that does not say why (vsftpd's "550 Failed to open file.", a generic 550 or
   * 450) or a reset data connection with no reply (how ProFTPD refuses a transfer) of
   * `downloadTo`, `size`, `lastMod` or `remove`, list the file's directory to tell a missing file
   * (`not-found`) from one this user may not use (`permission-denied`) or a directory
   * (`is-a-directory`). The code and the server's text are kept. Costs nothing on success; one
   * listing (on a second, short-lived connection when basic-ftp closed this one) on such a
   * failure. Default: false.
   */
  diagnose?: boolean | undefined;
  /**
   * Open the connection again by itself after a loss: the next call first runs `access()` with
   * the options of the last one and returns to the working directory, and `withRetry` reconnects
   * the same way. Without it, `withRetry` stops at once on a client that a failure closed (every
   * further attempt would fail) unless its own `reconnect` option is given. A client the
   * application closed (`close()`) is never reopened. Default: false.
   */
  reconnect?: boolean | undefined;
  /**
   * Check that `downloadTo`, `uploadFrom` and `appendFrom` moved the whole file: the bytes that
   * passed are compared with the server's SIZE (before a download or an append, after an upload
   * or an append). FTP cannot tell a data connection closed early from the end of the file, so
   * without this a cut transfer resolves with part of it. A short one rejects with reason
   * `connection-lost`, retryable (an append: ambiguous). Costs one SIZE per transfer (two per
   * append); a server that gives no SIZE is not checked (basic-ftp's verbose log says so).
   * Default: false.
   */
  verifyTransfers?: boolean | undefined;
}

/** The call's record, and the secrets and TLS its arguments tell. */
function startCall(state: ClientState, operation: string, args: unknown[]): CallRecord {
  if (operation === "access") {
    state.accessOptions = args[0] as AccessOptions | undefined;
    connecting(state, state.accessOptions);
  } else if (operation === "login") {
    state.secrets.push(...secretsOf(args[1]));
  } else if (operation === "connectImplicitTLS" || operation === "useTLS") {
    state.secure = true;
    state.secrets.push(...tlsSecretsOf(args[operation === "useTLS" ? 0 : 2]));
  } else if (operation === "connect") {
    state.secure = false;
  }
  return new CallRecord(operation, args, operations[operation]);
}

const CLOSED_BY_MISUSE = /^Client is closed because User launched a task while another/;

function failureContext(state: ClientState, call: CallRecord, error: unknown): FailureContext {
  call.detach();
  const client = state.client;
  const encrypted =
    readSafely(() => (client.ftp.socket as { encrypted?: boolean }).encrypted === true) ?? false;
  const code = readSafely(() => (error as { code?: unknown }).code);
  // access({ secure: true }) and useTLS() send AUTH TLS before anything else that can be refused.
  const asksTls =
    call.operation === "useTLS" ||
    (call.operation === "access" && state.accessOptions?.secure === true);
  const authTlsRefused =
    asksTls && !encrypted && typeof code === "number" && code >= 400 && code !== 421;
  let closed = readSafely(() => client.closed) ?? true;
  if (operations[call.operation]?.traits?.connects && !closed) {
    // A failed login (530), a refused AUTH TLS or TYPE I leave a live, half-set-up connection.
    readSafely(() => client.close());
    closed = true;
  }
  const refusedBefore = isDataReset(error) && state.resets.note(call.operation, call.path);
  return {
    operation: call.operation,
    path: call.path,
    localPath: call.localPath,
    fromCallerStream: call.fromCallerStream(error),
    closed,
    tls: encrypted || state.secure,
    secrets: state.secrets,
    serverGreeting: state.greeting,
    refusedBefore,
    authTlsRefused,
    afterMisuse: call.alone && CLOSED_BY_MISUSE.test(safeString(error, "message") ?? ""),
  };
}

/** The failure, looked into first (the `diagnose` option) when the reply said too little. */
async function failed(state: ClientState, call: CallRecord, error: unknown) {
  const context = failureContext(state, call, error);
  const first = fromFailure(error, context);
  const unclear = first.reason === "file-unavailable" || isDataReset(error);
  if (!state.diagnose || !unclear || !call.path || !operations[call.operation]?.probed) {
    return first;
  }
  const finding = await probePath(state, call.path);
  return finding ? fromFailure(error, { ...context, finding }) : first;
}

/** The failure as thrown: marked with how withRetry can open the connection again, if it must. */
function marked(state: ClientState, error: TransferError): TransferError {
  if (operations[error.operation ?? ""]?.traits?.connects) return error;
  const canReopen = state.autoReconnect && state.accessOptions && !closedByApplication(state);
  const reopen = canReopen ? () => reconnect(state.proxy) : null;
  return markLoss(error, reopen, () => !state.client.closed);
}

/** The application closed the client (close()): nothing reopens the session behind its back. */
function closedByApplication(state: ClientState): boolean {
  const closing = readSafely(
    () => (state.client.ftp as unknown as { _closingError?: { message?: unknown } })._closingError,
  );
  return typeof closing?.message === "string" && closing.message.startsWith("User closed client");
}

/** With the `reconnect` option, a call on a client a failure closed opens it again first. */
async function reopened(state: ClientState, operation: string): Promise<void> {
  if (operations[operation]?.traits?.connects || closedByApplication(state)) return;
  try {
    if (state.accessOptions && state.client.closed) await reconnect(state.proxy);
  } catch (error) {
    throw marked(state, await failed(state, startCall(state, "access", []), error));
  }
}

function wrapOperation(state: ClientState, operation: string, original: AnyMethod): AnyMethod {
  const { client } = state;
  // Past the deadline (or at another protocol's greeting) basic-ftp rejects the pending call with
  // the same error and closes.
  const closeWith = (error: Error) => client.ftp.closeWithError(error);
  return async (...args: unknown[]) => {
    if (state.autoReconnect && client.closed) await reopened(state, operation);
    let call: CallRecord | undefined;
    let release: ((settledWith: unknown) => void) | undefined;
    const settle = (error?: unknown) => {
      release?.(error);
      if (call) state.running.delete(call);
      call?.detach();
    };
    try {
      call = startCall(state, operation, args);
      state.running.start(call);
      release = holdResetClose(client, operation);
      const run = () => original.apply(client, args);
      const kind = state.verify ? operations[operation]?.transfer : undefined;
      // basic-ftp throws synchronously for some arguments (a port out of range): same contract.
      const pending = kind ? verifiedTransfer(client, kind, operation, args, run) : run();
      if (operation === "connect" || operation === "access") {
        watchFtpGreeting(
          state,
          readSafely(() => client.ftp.socket),
          closeWith,
        );
      }
      const result = Promise.resolve(pending);
      const value = await withDeadline(result, operation, state.timeoutMs, closeWith);
      settle();
      state.resets.forget(operation, call.path);
      state.workingDir = nextWorkingDir(state.workingDir, operation, call.path);
      return value;
    } catch (error) {
      settle(error);
      call ??= startCall(state, operation, []);
      throw marked(state, await failed(state, call, error));
    }
  };
}

/**
 * The client with the same methods and types, each of which rejects with a TransferError
 * (operation and path filled in) instead of basic-ftp's error. Properties (`closed`, `ftp`,
 * `trackProgress`, `parseList` ...) pass through to the client untouched.
 */
export function wrapClient<T extends Client>(client: T, options: WrapOptions = {}): T {
  if (states.has(client)) return client; // already wrapped
  const state: ClientState = {
    ...ftpSession(),
    client,
    timeoutMs: deadlineMs(options?.timeoutMs),
    diagnose: options?.diagnose === true,
    verify: options?.verifyTransfers === true,
    running: new RunningCalls(),
    autoReconnect: options?.reconnect === true,
    proxy: client,
    workingDir: "",
  };
  const proxy = wrapMethods(client, (name, original) =>
    operations[name] ? wrapOperation(state, name, original) : undefined,
  );
  state.proxy = proxy;
  states.set(proxy, state);
  return proxy;
}
