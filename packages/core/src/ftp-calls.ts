// The calls of an FTP client that returns promises, runs one call at a time and can log in again
// on the same object (basic-ftp's kind), behind the Proxy: each call recorded (`CallRecord`) and
// run under the per-call deadline; its failure read with what the wrapper knows of the session,
// looked into when the reply said too little (the `diagnose` option), and marked with how withRetry
// opens the session again. With the `reconnect` option a call on a session a failure closed first
// logs in again with the last login's options and goes back to the working directory. An adapter
// extends FtpCalls with its client's side: what a call's arguments tell, how the client closes,
// logs in and lists, and what its reader is told.
import type { CallerContext } from "./adapter-functions.js";
import { type CallArguments, CallRecord, RunningCalls } from "./call-record.js";
import { ResetMemory } from "./data-resets.js";
import { deadlineMs, withDeadline } from "./deadline.js";
import type { TransferError } from "./error.js";
import type { OperationTraits } from "./failure.js";
import type { FtpSession } from "./ftp-session.js";
import { type DirMove, nextWorkingDir } from "./ftp-working-dir.js";
import { markLoss } from "./reconnect-mark.js";
import { checkedTransfer, type TransferCheck, type TransferKind } from "./short-transfer.js";
import type { Finding } from "./signals.js";
import type { AnyMethod } from "./wrap-methods.js";

/** What an FTP wrapper knows of a client method, beyond its arguments' places. */
export interface FtpOperation extends CallArguments {
  traits?: OperationTraits | undefined;
  /** How a success moves the working directory. */
  dir?: DirMove | undefined;
  /** The `diagnose` look settles its unclear refusal (one remote file that should exist). */
  probed?: true | undefined;
  /** The transfer `verifyTransfers` checks against the server's SIZE. */
  transfer?: TransferKind | undefined;
}

export interface FtpCallOptions {
  timeoutMs?: number | undefined;
  diagnose?: boolean | undefined;
  reconnect?: boolean | undefined;
  verifyTransfers?: boolean | undefined;
}

/** What an FTP wrapper tells its reader of a failed call (an adapter's context adds its own). */
export interface FtpCallContext extends CallerContext {
  /** The local file of a transfer when it was given as a path. */
  localPath?: string | undefined;
  /** The error came from the caller's own source or destination stream. */
  fromCallerStream?: boolean | undefined;
  /** What a follow-up look at the path found (the `diagnose` option). */
  finding?: Finding | undefined;
}

/** How the adapter's client counts a transfer's bytes and asks the server's size (TransferCheck). */
export type TransferCounts = Pick<TransferCheck, "startAt" | "count" | "size" | "unchecked">;

export abstract class FtpCalls<Login, Context extends FtpCallContext> implements FtpSession {
  secrets: unknown[] = [];
  secure = false;
  greeting: string | undefined;
  readonly resets = new ResetMemory();
  /** The calls that have not settled yet. */
  readonly running = new RunningCalls();
  readonly timeoutMs: number | undefined;
  readonly diagnose: boolean;
  readonly autoReconnect: boolean;
  readonly verify: boolean;
  /** The options of the last login, to log in again with. */
  login: Login | undefined;
  /** The working directory, as the calls moved it (`nextWorkingDir`). */
  workingDir = "";

  constructor(
    readonly operations: Readonly<Record<string, FtpOperation | undefined>>,
    options: FtpCallOptions,
    /** The adapter's reader, with what the wrapper knows. */
    readonly convert: (error: unknown, context: Context) => TransferError,
  ) {
    this.timeoutMs = deadlineMs(options.timeoutMs);
    this.diagnose = options.diagnose === true;
    this.autoReconnect = options.reconnect === true;
    this.verify = options.verifyTransfers === true;
  }

  /** `operation`: `original` with `args`, sent by `send`; rejects with the failure as thrown. */
  async call(operation: string, original: AnyMethod, args: unknown[]): Promise<unknown> {
    const connects = this.operations[operation]?.traits?.connects === true;
    if (this.autoReconnect && !connects && this.closed() && !this.closedByApplication()) {
      if (this.login !== undefined) await this.reopenFirst();
    }
    let call: CallRecord | undefined;
    let release: ((settledWith: unknown) => void) | undefined;
    const settle = (error?: unknown) => {
      release?.(error);
      if (call) this.running.delete(call);
      call?.detach();
    };
    try {
      call = this.start(operation, args);
      this.running.start(call);
      release = this.hold(operation);
      const close = (error: Error) => this.close(error);
      const sent = this.checked(call, original, args);
      const value = await withDeadline(sent, operation, this.timeoutMs, close);
      settle();
      this.resets.forget(operation, call.path);
      this.workingDir = nextWorkingDir(this.workingDir, this.operations[operation]?.dir, call.path);
      return value;
    } catch (error) {
      settle(error);
      call ??= this.start(operation, []);
      throw this.marked(await this.failed(call, error));
    }
  }

  /** The call sent; with `verifyTransfers`, a transfer checked against the server's SIZE. */
  protected checked(call: CallRecord, original: AnyMethod, args: unknown[]): Promise<unknown> {
    const { operation, path } = call;
    const kind = this.verify ? this.operations[operation]?.transfer : undefined;
    if (!kind || path === undefined) return this.send(call, original, args);
    const run = () => this.send(call, original, args);
    return checkedTransfer({ kind, path, run, ...this.counts(operation, path, args) });
  }

  /** The call's record; an adapter notes what the arguments tell of the session (secrets, TLS). */
  protected start(operation: string, args: unknown[]): CallRecord {
    return new CallRecord(operation, args, this.operations[operation]);
  }

  /** The failure, looked into first (the `diagnose` option) when the reply said too little. */
  protected async failed(call: CallRecord, error: unknown): Promise<TransferError> {
    call.detach();
    const { path, operation } = call;
    const context = Object.assign(this.context(call, error), {
      operation,
      path,
      localPath: call.localPath,
      fromCallerStream: call.fromCallerStream(error),
      secrets: this.secrets,
      serverGreeting: this.greeting,
    });
    const first = this.convert(error, context);
    if (!this.diagnose || !path || !this.operations[operation]?.probed) return first;
    const finding = await this.look(first, error, path);
    return finding ? this.convert(error, { ...context, finding }) : first;
  }

  /**
   * The failure as thrown: marked with how withRetry can open the session again (not that of a
   * call that connects: its retry is the reconnect), if it must.
   */
  protected marked(error: TransferError): TransferError {
    if (this.operations[error.operation ?? ""]?.traits?.connects) return error;
    const canReopen = this.autoReconnect && this.login !== undefined && !this.closedByApplication();
    return markLoss(error, canReopen ? () => this.reopen() : null, () => !this.closed());
  }

  /** The call, sent: `original` with `args` (a synchronous throw is its failure). */
  protected abstract send(call: CallRecord, original: AnyMethod, args: unknown[]): Promise<unknown>;
  /** How a transfer of `operation` on `path` with `args` is counted and sized (`verifyTransfers`). */
  protected abstract counts(operation: string, path: string, args: unknown[]): TransferCounts;
  /** Closes the connection with `error` (past the deadline): the pending call rejects with it. */
  protected abstract close(error: Error): void;
  /** Holds a close during `operation`, if it must; called once it settled, with its outcome. */
  protected hold(_operation: string): ((settledWith: unknown) => void) | undefined {
    return undefined;
  }
  /** What the reader is told of a failed call beyond FtpCallContext: the client's state. */
  protected abstract context(call: CallRecord, error: unknown): Context;
  /**
   * The `diagnose` look at `path` after `failure` (of `error`), when that says too little;
   * `undefined` when there is nothing to look into, or the look finds nothing or fails.
   */
  protected abstract look(
    failure: TransferError,
    error: unknown,
    path: string,
  ): Promise<Finding | undefined> | undefined;
  /** The client closed its connection. */
  abstract closed(): boolean;
  /** The application closed the client: nothing opens the session behind its back. */
  abstract closedByApplication(): boolean;
  /** Logs in again with `login` and goes back to the working directory. */
  abstract reopen(): Promise<void>;
  /** The operation whose options `login` keeps: a failed reopen is its failure. */
  protected abstract readonly loginOperation: string;

  /** `reopen` before a call, with the `reconnect` option. */
  private async reopenFirst(): Promise<void> {
    try {
      await this.reopen();
    } catch (error) {
      throw this.marked(await this.failed(this.start(this.loginOperation, []), error));
    }
  }
}
