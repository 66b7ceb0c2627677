import {
  type AnyMethod,
  type CallRecord,
  connecting,
  countedThrough,
  FtpCalls,
  holdDataReset,
  readSafely,
  safeString,
  secretsOf,
  type TransferCounts,
  type TransferError,
  tlsSecretsOf,
  type WrapperOptions,
  watchFtpGreeting,
  wrapMethods,
} from "@transfer-errors/core/adapter";
import type { AccessOptions, Client } from "basic-ftp";
import type { FailureContext } from "./context.js";
import { operations } from "./operations.js";
import { probePath } from "./probe.js";
import { fromFailure, isDataReset, isDataSocketError } from "./read-error.js";
import { logIn, states } from "./reconnect.js";

/**
 * `timeoutMs` (WrapperOptions) covers what basic-ftp's own idle timeout, `new Client(timeout)`,
 * does not: the TLS handshake after AUTH TLS, an upload the server never answers, `new Client(0)`.
 */
export interface WrapOptions extends WrapperOptions {
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

type Tracked = { _progressTracker?: Record<string, unknown> };
/** A listing's bytes are not the transfer's. */
const bytesOf = (info: { type: string; bytes: number }) =>
  info.type === "list" ? undefined : info.bytes;

const CLOSED_BY_MISUSE = /^Client is closed because User launched a task while another/;

/** A wrapped basic-ftp client's calls (FtpCalls), and what they need of basic-ftp. */
export class BasicFtpCalls extends FtpCalls<AccessOptions, FailureContext> {
  /** The wrapped client (the Proxy): what reconnect() works on. */
  proxy: Client;
  protected readonly loginOperation = "access";

  constructor(
    readonly client: Client,
    options: WrapOptions,
  ) {
    super(operations, options, fromFailure);
    this.proxy = client;
  }

  /** The call's record, and the secrets and TLS its arguments tell. */
  protected override start(operation: string, args: unknown[]): CallRecord {
    if (operation === "access") {
      this.login = args[0] as AccessOptions | undefined;
      connecting(this, this.login);
    } else if (operation === "login") {
      this.secrets.push(...secretsOf(args[1]));
    } else if (operation === "connectImplicitTLS" || operation === "useTLS") {
      this.secure = true;
      this.secrets.push(...tlsSecretsOf(args[operation === "useTLS" ? 0 : 2]));
    } else if (operation === "connect") {
      this.secure = false;
    }
    return super.start(operation, args);
  }

  protected send(call: CallRecord, original: AnyMethod, args: unknown[]): Promise<unknown> {
    const { client } = this;
    // basic-ftp throws synchronously for some arguments (a port out of range): same contract.
    const pending = original.apply(client, args);
    if (call.operation === "connect" || call.operation === "access") {
      const socket = readSafely(() => client.ftp.socket);
      watchFtpGreeting(this, socket, (error) => this.close(error));
    }
    return Promise.resolve(pending);
  }

  /** `verifyTransfers`: basic-ftp's progress tracker (not exported) counts, still calling it. */
  protected counts(operation: string, path: string, args: unknown[]): TransferCounts {
    const { client } = this;
    const tracker = (client as unknown as Tracked)._progressTracker;
    return {
      startAt: typeof args[2] === "number" ? args[2] : 0,
      count: (work) => countedThrough(tracker, "onHandle", bytesOf, work),
      size: () => client.size(path).catch(() => undefined),
      unchecked: (why) =>
        client.ftp.log(`verifyTransfers: ${operation} of "${path}" not checked: ${why}`),
    };
  }

  /** Past the deadline (or at another protocol's greeting) basic-ftp rejects the call and closes. */
  protected close(error: Error): void {
    this.client.ftp.closeWithError(error);
  }

  /** A download's close on a data-connection reset waits for the server's reply (holdDataReset). */
  protected override hold(operation: string) {
    if (operations[operation]?.transfer !== "download") return undefined;
    return holdDataReset(this.client.ftp, "closeWithError", isDataReset, isDataSocketError);
  }

  protected context(call: CallRecord, error: unknown): FailureContext {
    const { client } = this;
    const encrypted =
      readSafely(() => (client.ftp.socket as { encrypted?: boolean }).encrypted === true) ?? false;
    const code = readSafely(() => (error as { code?: unknown }).code);
    // access({ secure: true }) and useTLS() send AUTH TLS before anything else that can be refused.
    const asksTls =
      call.operation === "useTLS" || (call.operation === "access" && this.login?.secure === true);
    const authTlsRefused =
      asksTls && !encrypted && typeof code === "number" && code >= 400 && code !== 421;
    let closed = readSafely(() => client.closed) ?? true;
    if (operations[call.operation]?.traits?.connects && !closed) {
      // A failed login (530), a refused AUTH TLS or TYPE I leave a live, half-set-up connection.
      readSafely(() => client.close());
      closed = true;
    }
    return {
      closed,
      tls: encrypted || this.secure,
      repeated: isDataReset(error) && this.resets.note(call.operation, call.path),
      authTlsRefused,
      afterMisuse: call.alone && CLOSED_BY_MISUSE.test(safeString(error, "message") ?? ""),
    };
  }

  /** `diagnose`: a refusal that does not say why, or a reset data connection with no reply. */
  protected look(failure: TransferError, error: unknown, path: string) {
    const unclear = failure.reason === "file-unavailable" || isDataReset(error);
    return unclear ? probePath(this, path) : undefined;
  }

  closed(): boolean {
    return this.client.closed;
  }

  /** The application closed the client (close()): basic-ftp's closing error says so. */
  closedByApplication(): boolean {
    const closing = readSafely(
      () => (this.client.ftp as unknown as { _closingError?: { message?: unknown } })._closingError,
    );
    return typeof closing?.message === "string" && closing.message.startsWith("User closed client");
  }

  reopen(): Promise<void> {
    return logIn(this.proxy, this);
  }
}

/**
 * The client with the same methods and types, each of which rejects with a TransferError
 * (operation and path filled in) instead of basic-ftp's error. Properties (`closed`, `ftp`,
 * `trackProgress`, `parseList` ...) pass through to the client untouched.
 */
export function wrapClient<T extends Client>(client: T, options: WrapOptions = {}): T {
  if (states.has(client)) return client; // already wrapped
  const calls = new BasicFtpCalls(client, options ?? {});
  const proxy = wrapMethods(client, (name, original) =>
    operations[name] ? (...args: unknown[]) => calls.call(name, original, args) : undefined,
  );
  calls.proxy = proxy;
  states.set(proxy, calls);
  return proxy;
}
