// The calls of a promise-returning client behind the Proxy: each under the per-call deadline, its
// failure read into a TransferError by the adapter's reader (and looked into when the answer says
// too little), and once a failure says the connection is gone, every further call refused at
// once: a library such as ssh2-sftp-client never settles a call on a dead connection. An adapter
// extends PromiseCalls with what only its client needs (the steps of its connect, a check after
// a success).
import { type AdapterData, failureFrom, pathArgument } from "./adapter-data.js";
import type { CallContext } from "./adapter-functions.js";
import { isTransferError } from "./brand.js";
import { secretsIn } from "./config-secrets.js";
import { ConnectionLoss } from "./connection-loss.js";
import { convertingMethod } from "./converting-method.js";
import {
  CallDeadlines,
  DeadlineExceeded,
  deadlineMs,
  type Hold,
  isDeadlineExceeded,
  withDeadline,
} from "./deadline.js";
import { makeTransferError, type TransferError } from "./error.js";
import type { Failure } from "./failure.js";
import { findCause, type PathLook, shortUpload } from "./follow-up.js";
import { markReconnect } from "./reconnect-mark.js";
import type { RequestWatch } from "./sftp-requests.js";
import type { Signal } from "./signals.js";
import { type AnyMethod, callerStack, setsCallerStack, wrapMethods } from "./wrap-methods.js";

export interface PromiseCallOptions {
  /**
   * Per-operation deadline in milliseconds. A call that has not settled by then rejects with a
   * `timeout` TransferError whose hint says `reconnect`, and the client is marked for reconnect
   * (its request may still be pending: the connection cannot be trusted). Default: none.
   */
  timeoutMs?: number | undefined;
  /** Look into a failure that says too little (`Diagnosis`). */
  diagnose?: boolean | undefined;
  /** After an upload that reported success, compare the remote size with what was sent. */
  verifyUploads?: boolean | undefined;
  /**
   * How to open the connection again after a loss, for `withRetry`. Without it, withRetry stops at
   * once on a client that needs a new connection, unless its own `reconnect` option is given:
   * every further call would be refused.
   */
  reconnect?: (() => unknown) | undefined;
  /** More strings to keep out of every error (connect()'s password, passphrase and key are added by itself). */
  secrets?: readonly unknown[] | undefined;
}

/** The adapter's reader, and its toTransferError (which never throws) around it. */
export interface Reader<Context> {
  read(error: unknown, context: Context): Failure;
  toTransferError(error: unknown, context: Context): TransferError;
}

/**
 * How the follow-up checks look: which failures `diagnose` looks into (of the operations that
 * name a `look`), and how.
 */
export interface Diagnosis {
  unclear(failure: Failure): boolean;
  look(client: object): PathLook;
  /** What a call uploads, for `verifyUploads`: its remote path and size, when known. */
  upload?(method: string, args: unknown[]): Promise<Upload | undefined>;
}

export interface Upload {
  remote: string;
  expected: number;
}

const wrapped = new WeakMap<object, PromiseCalls>();

/** The calls of a client that `PromiseCalls.proxy` wrapped. */
export function promiseCallsOf(proxy: object): PromiseCalls | undefined {
  return wrapped.get(proxy);
}

/**
 * A call made after the application's own end() failed: client-misuse, not retryable, whatever
 * the client said or the wrapper refused with (issue 14: never a loss that a retry loop would
 * reconnect for, on the first call after end() as on every later one).
 */
function endedByApplication(failure: Failure, context: CallContext): Failure {
  if (!context.ended) return failure;
  const given = Array.isArray(failure.signals) ? failure.signals : [];
  if (!given.includes("closed-by-application")) {
    failure.signals = [...given, "closed-by-application"];
  }
  return failure;
}

/**
 * Rejects with the TransferError it is given, its stack set here: this runs in a step of the
 * promise the caller awaits (directly, or through one that adopted it), so V8 finds the caller's
 * await among its async frames (a refused call's, a failed one's).
 */
function atCaller(error: unknown): never {
  callerStack(error, atCaller);
  throw error;
}

export class PromiseCalls<Context extends CallContext = CallContext> {
  /** Set by a timeout or a lost connection: the client must be replaced (or connected again). */
  readonly loss = new ConnectionLoss();
  /** The options' secrets, and those of the last connect()'s config. */
  secrets: unknown[];
  /** connect() succeeded at least once. */
  connected = false;
  protected diagnosis: Diagnosis | undefined;
  /** Which SFTP request got a failing status, where the adapter watches its client's channel. */
  protected requests: RequestWatch | undefined;
  /** The calls' deadlines (`timeoutMs`), on one timer while they come one after another. */
  private readonly deadlines = new CallDeadlines();

  constructor(
    readonly client: object,
    readonly data: AdapterData,
    readonly reader: Reader<Context>,
    readonly options: PromiseCallOptions,
    /** What a refusal calls the client ("the client needs a new connection"). */
    readonly name = "client",
  ) {
    this.secrets = [...(options.secrets ?? [])];
  }

  /**
   * The client behind a Proxy: its operations (the data's table) called here, its other methods
   * converting what they throw or reject with (a stream's only what it throws), `skip`ped ones as
   * they are.
   */
  proxy<C extends object>(skip: (method: string) => boolean, streams: ReadonlySet<string>): C {
    const proxy = wrapMethods(this.client as C, (method, original) => {
      if (skip(method)) return undefined;
      if (this.data.operations[method]) {
        return setsCallerStack((...args: unknown[]) => this.call(method, original, args));
      }
      const convertFor = (args: unknown[]) => {
        const context = this.context(method, args);
        return (error: unknown) => this.reader.toTransferError(error, context);
      };
      return convertingMethod(this.client, original, convertFor, !streams.has(method));
    });
    wrapped.set(proxy, this);
    return proxy;
  }

  /**
   * What the reader is told of a call made now: the client's state as it starts (whether it was
   * ended, connected, which server it talks to), and the call's path when `args` are given (a
   * wrapped operation looks it up from its own arguments only when it fails). One literal with
   * every field: properties added one by one each changed the object's shape, a cost every
   * successful call paid (issue 10).
   */
  context(method: string, args?: readonly unknown[]): Context {
    const context = {
      operation: method,
      path: args && this.pathOf(method, args),
      ended: this.loss.ended && method !== "end" && method !== "connect",
      secrets: this.secrets,
      connected: this.connected,
      serverGreeting: this.serverGreeting(),
    } satisfies CallContext & { connected: boolean };
    return context as CallContext as Context;
  }

  /** The server's greeting line, where the adapter knows it (ssh2 keeps the SSH server's). */
  protected serverGreeting(): string | undefined {
    return undefined;
  }

  pathOf(method: string, args: readonly unknown[]): string | undefined {
    return pathArgument(args, this.data.operations[method]?.path);
  }

  /**
   * One call: refused at once on a lost connection, otherwise sent under the deadline. The promise
   * returned is the one the caller awaits, and it settles in the same step as the client's own: a
   * success passes its value straight on (issue 10: each promise, await or async function of the
   * wrapper's own in between was one more step, and one more lookup of `then` on the value, all
   * out of the processor's caches on a real connection). A failure adopts `rejection`, whose
   * TransferError gets the stack of the caller's await.
   */
  call(method: string, original: AnyMethod, args: unknown[]): Promise<unknown> {
    const { loss, options } = this;
    const own = method === "connect" || method === "end";
    if (method === "connect") {
      this.secrets = [...(options.secrets ?? []), ...secretsIn(args[0])];
      loss.ended = false;
    }
    if (method === "end") loss.ended = true;
    const context = this.context(method);
    if (loss.why !== undefined && !own) {
      context.path = this.pathOf(method, args);
      const failure = this.ownFailure(context, loss.refusal(method, this.name));
      failure.cause = loss.refusedCause();
      return Promise.reject(this.marked(makeTransferError(failure))).then(undefined, atCaller);
    }
    const mark = this.requests?.mark();
    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(original.apply(this.client, args));
      if (method === "connect") this.connecting();
    } catch (error) {
      // Thrown at once: read like a rejection, as an async call's throw was.
      return this.rejection(method, args, context, mark, error);
    }
    const ms = deadlineMs(options.timeoutMs);
    // Only connect() and a checked upload have anything to do after a success.
    const more = method === "connect" || options.verifyUploads;
    return new Promise((resolve) => {
      let hold: Hold | undefined;
      let settled = false;
      const fail = (error: unknown) => {
        if (settled) return;
        settled = true;
        if (hold !== undefined) this.deadlines.release(hold);
        resolve(this.rejection(method, args, context, mark, error));
      };
      if (ms !== undefined) {
        hold = this.deadlines.hold(ms, () => fail(new DeadlineExceeded(method, ms)));
      }
      pending.then((result) => {
        if (settled) return;
        settled = true;
        if (hold !== undefined) this.deadlines.release(hold);
        resolve(more ? this.succeeded(method, args, context, mark, result) : result);
      }, fail);
    });
  }

  /** After a successful connect(): the client is usable again; with `verifyUploads`, the check. */
  private succeeded(
    method: string,
    args: unknown[],
    context: Context,
    mark: number | undefined,
    result: unknown,
  ): unknown {
    try {
      if (method === "connect") {
        this.connected = true;
        this.loss.reset();
        this.opened();
      }
    } catch (error) {
      return this.rejection(method, args, context, mark, error);
    }
    if (!this.options.verifyUploads) return result;
    context.path = this.pathOf(method, args);
    return this.verified(method, args, context).then(
      () => result,
      (error: unknown) => this.rejection(method, args, context, mark, error),
    );
  }

  /**
   * A promise rejected with the TransferError of a failed call (`error` itself when it is one);
   * one that needs a new connection marks the client. Its stack is set where V8 sees the caller's
   * await: two steps on (`atCaller`), when the promise the caller awaits has taken the one step it
   * needs to follow this one. A reader that throws (a bug) rejects with what it threw.
   */
  private rejection(
    method: string,
    args: unknown[],
    context: Context,
    mark: number | undefined,
    error: unknown,
  ): Promise<never> {
    // Read at once (the client's state now); a reader's throw rejects the executor's promise.
    const made = new Promise<TransferError>((resolve) =>
      resolve(this.transferErrorOf(method, args, context, mark, error)),
    );
    return made.then().then(atCaller);
  }

  /** The TransferError of a failure: at once, or once a look (`diagnose`) found what it could. */
  private transferErrorOf(
    method: string,
    args: unknown[],
    context: Context,
    mark: number | undefined,
    error: unknown,
  ): TransferError | Promise<TransferError> {
    if (isTransferError(error)) return error;
    context.path = this.pathOf(method, args);
    context.request = this.requests?.failedSince(mark, error);
    const failure = isDeadlineExceeded(error)
      ? this.ownFailure(context, error.message, "deadline")
      : endedByApplication(this.reader.read(this.causeOf(method, error), context), context);
    if (!this.options.diagnose) return this.lost(method, makeTransferError(failure));
    return this.lookedInto(method, args, failure).then((found) =>
      this.lost(method, makeTransferError(found)),
    );
  }

  /** A failure that needs a new connection marks the client (unless the call was connect or end). */
  private lost(method: string, transferError: TransferError): TransferError {
    if (transferError.retry.reconnect && method !== "connect" && method !== "end") {
      // The latest failure says why: the one the caller saw last.
      this.loss.why = `${method} failed: ${transferError.reason}`;
      this.loss.cause = transferError;
      this.marked(transferError);
    }
    return transferError;
  }

  /** Facts of the wrapper's own failures: the deadline, and a call it refuses to send. */
  ownFailure(context: Context, message: string, signal?: Signal): Failure {
    // Fields assigned, not spread: a spread costs more than the rest of the reading.
    const failure = failureFrom(this.data, context);
    failure.message = message;
    if (signal) failure.signals = [signal];
    return endedByApplication(failure, context);
  }

  /** Marks a failure of a client that needs a new connection with how withRetry can get one. */
  marked(error: TransferError): TransferError {
    const how = this.options.reconnect;
    markReconnect(error, this.loss.ended || typeof how !== "function" ? null : () => how());
    return error;
  }

  /** With the `diagnose` option, a failure that says too little, with what a look found. */
  protected async lookedInto(method: string, args: unknown[], failure: Failure): Promise<Failure> {
    const looked = this.data.operations[method]?.look;
    // The remote path the call named (an upload's is its second argument); a rename's target.
    const { path } = failure;
    const to = looked === "rename" ? args[1] : undefined;
    if (!this.options.diagnose || !looked || typeof path !== "string") return failure;
    if (!this.diagnosis?.unclear(failure)) return failure;
    const look = this.diagnosis.look(this.client);
    const target = typeof to === "string" ? to : undefined;
    const finding = await findCause(look, looked, path, target, this.options.timeoutMs);
    return finding ? { ...failure, finding } : failure;
  }

  /** connect() was sent (to watch what the server says first). */
  protected connecting(): void {}

  /** connect() succeeded (to watch the new connection). */
  protected opened(): void {}

  /**
   * With `verifyUploads`, an upload that reported success but left a shorter file (a client
   * that does not report a refused write) rejects; the check's own failure (the connection
   * dropped meanwhile) is what the caller must know.
   */
  protected async verified(method: string, args: unknown[], context: Context): Promise<void> {
    const { diagnosis, options } = this;
    const upload = await diagnosis?.upload?.(method, args);
    if (!diagnosis || !upload) return;
    let failure: Failure | undefined;
    try {
      const look = diagnosis.look(this.client);
      const check = shortUpload(look, this.data.protocol, method, upload.remote, upload.expected);
      failure = await withDeadline(check, method, options.timeoutMs);
    } catch (error) {
      throw this.reader.toTransferError(error, context);
    }
    if (failure) {
      throw makeTransferError({ ...failure, advice: this.data.advice, secrets: this.secrets });
    }
  }

  /** The value to read of a failure (what the wrapper saw may say more than the client). */
  protected causeOf(_method: string, error: unknown): unknown {
    return error;
  }
}
