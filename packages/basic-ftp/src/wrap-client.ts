import type { TransferError } from "@transfer-errors/core";
import type { AccessOptions, Client } from "basic-ftp";
import { type ClientState, nextWorkingDir, type Running, stateOf, states } from "./client-state.js";
import { DeadlineError } from "./deadline.js";
import { isDataReset } from "./read-error.js";
import { secretsOf } from "./secrets.js";
import { fromFailure } from "./to-transfer-error.js";

export interface WrapOptions {
  /**
   * A deadline for every operation, in milliseconds. Past it the call rejects with a `timeout`
   * TransferError whose hint says `reconnect`, and the connection is closed. basic-ftp's own
   * timeout (`new Client(timeout)`) is an idle timeout and does not cover every wait: the TLS
   * handshake after AUTH TLS, an upload the server never answers, `new Client(0)`.
   */
  timeoutMs?: number | undefined;
}

/** The methods that talk to the server: each returns a Promise. */
const OPERATIONS = new Set([
  "access",
  "connect",
  "connectImplicitTLS",
  "useTLS",
  "login",
  "useDefaultSettings",
  "send",
  "sendIgnoringError",
  "pwd",
  "features",
  "cd",
  "cdup",
  "lastMod",
  "size",
  "rename",
  "remove",
  "removeDir",
  "removeEmptyDir",
  "clearWorkingDir",
  "ensureDir",
  "list",
  "uploadFrom",
  "appendFrom",
  "downloadTo",
  "uploadFromDir",
  "downloadToDir",
  "protectWhitespace",
  // deprecated aliases of basic-ftp 4 and 5
  "upload",
  "append",
  "download",
  "uploadDir",
  "downloadDir",
]);

/** Where the remote path is among the arguments. */
const REMOTE_PATH_ARG: Readonly<Record<string, number>> = {
  cd: 0,
  lastMod: 0,
  size: 0,
  rename: 0,
  remove: 0,
  removeDir: 0,
  removeEmptyDir: 0,
  ensureDir: 0,
  list: 0,
  protectWhitespace: 0,
  uploadFrom: 1,
  upload: 1,
  appendFrom: 1,
  append: 1,
  downloadTo: 1,
  download: 1,
  uploadFromDir: 1,
  uploadDir: 1,
  downloadToDir: 1,
};

/** Operations whose first argument is a local file (a path) or the caller's stream. */
const LOCAL_ARG = new Set([
  "uploadFrom",
  "upload",
  "appendFrom",
  "append",
  "downloadTo",
  "download",
  "uploadFromDir",
  "uploadDir",
  "downloadToDir",
  "downloadDir",
]);

/** Operations that connect (and log in): a failure must not leave a half-open connection. */
const CONNECTING = new Set(["access", "connect", "connectImplicitTLS"]);

export interface Call {
  operation: string;
  path: string | undefined;
  localPath: string | undefined;
  streamError: unknown;
  detach: (() => void) | undefined;
}

interface Listenable {
  once(event: "error", listener: (error: unknown) => void): unknown;
  off(event: "error", listener: (error: unknown) => void): unknown;
}

function isListenable(value: unknown): value is Listenable {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Listenable).once === "function" &&
    typeof (value as Listenable).off === "function"
  );
}

function startCall(state: ClientState, operation: string, args: unknown[]): Call {
  const index = REMOTE_PATH_ARG[operation];
  const remote = index === undefined ? undefined : args[index];
  const call: Call = {
    operation,
    path: typeof remote === "string" ? remote : undefined,
    localPath: undefined,
    streamError: undefined,
    detach: undefined,
  };
  if (LOCAL_ARG.has(operation)) {
    const local = args[0];
    if (typeof local === "string") call.localPath = local;
    else if (isListenable(local)) {
      // The caller's own stream failing is a local failure, whatever its error looks like.
      const onError = (error: unknown) => {
        call.streamError = error;
      };
      local.once("error", onError);
      call.detach = () => local.off("error", onError);
    }
  }
  rememberSecrets(state, operation, args);
  return call;
}

function rememberSecrets(state: ClientState, operation: string, args: unknown[]): void {
  if (operation === "access") {
    const options = args[0] as AccessOptions | undefined;
    state.accessOptions = options;
    state.secure = Boolean(options?.secure);
    state.secrets = [...state.secrets, ...secretsOf(options?.password, options?.secureOptions)];
  } else if (operation === "login") {
    state.secrets = [...state.secrets, ...secretsOf(args[1], undefined)];
  } else if (operation === "connectImplicitTLS" || operation === "useTLS") {
    const tlsIndex = operation === "useTLS" ? 0 : 2;
    state.secure = true;
    state.secrets = [...state.secrets, ...secretsOf(undefined, args[tlsIndex])];
  } else if (operation === "connect") {
    state.secure = false;
  }
}

function readSafely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function isEncrypted(client: Client): boolean {
  return (
    readSafely(() => (client.ftp.socket as { encrypted?: boolean }).encrypted === true) ?? false
  );
}

function refusalKey(call: Call): string {
  return `${call.operation}\0${call.path ?? ""}`;
}

function failed(state: ClientState, call: Call, error: unknown): TransferError {
  const client = state.client;
  const encrypted = isEncrypted(client);
  const code = readSafely(() => (error as { code?: unknown }).code);
  const authTlsRefused =
    call.operation === "access" &&
    state.accessOptions?.secure === true &&
    !encrypted &&
    typeof code === "number" &&
    code >= 400 &&
    code !== 421;
  let closed = readSafely(() => client.closed) ?? true;
  if (CONNECTING.has(call.operation) && !closed) {
    // A failed login (530), a refused AUTH TLS or TYPE I leave a live, half-set-up connection.
    readSafely(() => client.close());
    closed = true;
  }
  const key = refusalKey(call);
  const reset = isDataReset(error);
  const refusedBefore = reset && state.refusals.has(key);
  if (reset) state.refusals.add(key);
  return fromFailure(error, {
    operation: call.operation,
    path: call.path,
    localPath: call.localPath,
    fromCallerStream: call.streamError !== undefined && call.streamError === error,
    closed,
    tls: encrypted || state.secure,
    secrets: state.secrets,
    refusedBefore,
    authTlsRefused,
  });
}

function succeeded(state: ClientState, call: Call): void {
  if (state.refusals.size > 0) state.refusals.delete(refusalKey(call));
  state.workingDir = nextWorkingDir(state.workingDir, call.operation, call.path);
}

/** Settles `pending` as the wrapped call: success bookkeeping, or the failure as a TransferError. */
function run<T>(state: ClientState, call: Call, pending: Promise<T>): Promise<T> {
  if (state.timeoutMs === undefined) {
    return pending.then(
      (value) => {
        call.detach?.();
        succeeded(state, call);
        return value;
      },
      (error: unknown) => {
        call.detach?.();
        throw failed(state, call, error);
      },
    );
  }
  return new Promise<T>((resolve, reject) => {
    const running: Running = {
      call,
      deadlineAt: Date.now() + state.timeoutMs!,
      settled: false,
      expire: (error) => {
        running.settled = true;
        call.detach?.();
        reject(failed(state, call, error));
      },
    };
    state.running.add(running);
    armDeadline(state);
    pending.then(
      (value) => {
        state.running.delete(running);
        if (running.settled) return; // the deadline came first
        running.settled = true;
        call.detach?.();
        succeeded(state, call);
        resolve(value);
      },
      (error: unknown) => {
        state.running.delete(running);
        if (running.settled) return;
        running.expire(error);
      },
    );
  });
}

/**
 * One timer per client, not one per call: every call's deadline is `timeoutMs` after its start,
 * so a timer armed for an earlier call fires first, and re-arms itself for what still runs.
 */
function armDeadline(state: ClientState): void {
  if (state.timer !== undefined) return;
  state.timer = setTimeout(() => checkDeadlines(state), state.timeoutMs);
  // An idle client must not keep the process alive; a running call has its sockets for that.
  state.timer.unref?.();
}

function checkDeadlines(state: ClientState): void {
  state.timer = undefined;
  const now = Date.now();
  let next = Number.POSITIVE_INFINITY;
  for (const running of state.running) {
    if (running.deadlineAt > now) {
      next = Math.min(next, running.deadlineAt);
      continue;
    }
    state.running.delete(running);
    const error = new DeadlineError(running.call.operation, state.timeoutMs!);
    // Makes basic-ftp reject the pending call (when a task runs) and close the connection.
    readSafely(() => state.client.ftp.closeWithError(error));
    if (!running.settled) running.expire(error);
  }
  if (next !== Number.POSITIVE_INFINITY) {
    state.timer = setTimeout(() => checkDeadlines(state), next - now);
    state.timer.unref?.();
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Promise<unknown>).then === "function" &&
    typeof (value as Promise<unknown>).catch === "function"
  );
}

function wrapOperation(
  state: ClientState,
  operation: string,
  original: (...args: unknown[]) => unknown,
): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const call = startCall(state, operation, args);
    let result: unknown;
    try {
      result = original.apply(state.client, args);
    } catch (error) {
      call.detach?.();
      throw failed(state, call, error);
    }
    if (!isPromise(result)) {
      call.detach?.();
      return result;
    }
    return run(state, call, result);
  };
}

/**
 * The client with the same methods and types, each of which rejects with a TransferError
 * (operation and path filled in) instead of basic-ftp's error. Properties (`closed`, `ftp`,
 * `trackProgress`, `parseList` ...) pass through to the client untouched.
 */
export function wrapClient<T extends Client>(client: T, options: WrapOptions = {}): T {
  if (stateOf(client)) return client; // already wrapped
  const timeoutMs = options.timeoutMs;
  const state: ClientState = {
    client,
    // A deadline of 0, a negative or a non-finite one is no deadline.
    timeoutMs:
      timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)
        ? timeoutMs
        : undefined,
    running: new Set(),
    timer: undefined,
    accessOptions: undefined,
    secure: false,
    secrets: [],
    workingDir: "",
    refusals: new Set(),
  };
  const wrapped = new Map<string, { original: unknown; wrapper: unknown }>();
  const proxy = new Proxy(client, {
    get(target, property) {
      // The target as receiver: getters such as `closed` read basic-ftp's own fields.
      const value: unknown = Reflect.get(target, property, target);
      if (typeof property !== "string" || typeof value !== "function") return value;
      if (!OPERATIONS.has(property)) return value;
      const cached = wrapped.get(property);
      if (cached && cached.original === value) return cached.wrapper;
      const wrapper = wrapOperation(state, property, value as (...args: unknown[]) => unknown);
      wrapped.set(property, { original: value, wrapper });
      return wrapper;
    },
  });
  states.set(proxy, state);
  return proxy;
}
