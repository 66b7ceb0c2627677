import {
  markLossOn,
  type PromiseCallOptions,
  PromiseCalls,
  promiseCallsOf,
  RequestWatch,
  safeGet,
  sftpStreamMethods,
  sshGreetingIn,
  type WrongProtocol,
  watchSsh2Socket,
} from "@transfer-errors/core/adapter";
import { remotePathOf, untouchedMethods } from "./operations.js";
import { type ErrorContext, fromFailure, readError, sftpClientData } from "./read-error.js";
import { isGenericFailure, pathLook, uploadOf } from "./remote-checks.js";

/** PromiseCallOptions' `timeoutMs`, `reconnect` (createConnection sets its own) and `secrets`, and: */
export interface WrapOptions extends PromiseCallOptions {
  /**
   * After a generic SSH_FX_FAILURE (4) of `mkdir`, `rmdir`, `rename`, `get`, `fastGet`, `put`,
   * `fastPut` or `append` (of an upload also a PERMISSION_DENIED, 3), look at the paths (an
   * lstat, a listing, the free space) to say what is really wrong: already exists, not empty, not
   * found, no space, a directory downloaded or uploaded onto. The original code and server text
   * are kept. Default: false.
   */
  diagnose?: boolean | undefined;
  /**
   * After `put` of a Buffer or a local file, compare the remote size with what was sent: ssh2's
   * write stream can report success although the server refused a write (a full disk). A short
   * file rejects with `no-space` (the server's disk is full) or `server-error`. Costs one stat
   * per upload. Default: false.
   */
  verifyUploads?: boolean | undefined;
  secrets?: readonly (string | Uint8Array)[] | undefined;
}

/**
 * Whether a wrapped client needs a new connection before it can be used again: an operation
 * passed its deadline, or the connection or its SFTP channel was lost. Such a client rejects
 * every call but connect() and end() at once; the documented way on is a fresh client
 * (`createConnection(...).connect()`).
 */
export function needsReconnect(client: object): boolean {
  return promiseCallsOf(client)?.loss.why !== undefined;
}

/**
 * Returns `client` with the same methods and types, each of which rejects with a
 * `TransferError` (operation and path filled in) instead of the raw error. The client itself is
 * not changed, except for quiet listeners that notice a lost connection; nothing is printed.
 */
export function wrapClient<C extends object>(client: C, options: WrapOptions = {}): C {
  const calls = new SftpClientCalls(client, options);
  const skip = (method: string) => method.startsWith("_") || untouchedMethods.has(method);
  return calls.proxy(skip, sftpStreamMethods);
}

class SftpClientCalls extends PromiseCalls<ErrorContext> {
  /** SFTP channels that already have our listeners. */
  private readonly watchedChannels = new WeakSet<object>();
  /** What the last connect()'s server said first, when it was another protocol's. */
  private wrongPeer: WrongProtocol | undefined;
  protected override diagnosis = {
    unclear: isGenericFailure,
    look: pathLook,
    upload: uploadOf,
  };
  // Which request of a method (get: OPEN, READ, CLOSE) got the status: ssh2's SFTP sends them.
  protected override requests = new RequestWatch();

  constructor(client: object, options: WrapOptions) {
    super(client, sftpClientData, { read: readError, toTransferError: fromFailure }, options);
    // A close of the ssh2 connection that we did not ask for marks the client.
    // Its 'error' (ECONNRESET ...) comes before the close: the cause of the calls refused after.
    const events = ["close", "end", "error"];
    const ssh = safeGet(client, "client");
    markLossOn(ssh, events, this.loss, "the connection was closed", () => this.connected);
    // Wrapped after connecting: watch the open channel now.
    if ((client as { sftp?: unknown }).sftp) {
      this.connected = true;
      this.opened();
    }
  }

  // ssh2-sftp-client's `client` is ssh2's Client, which keeps the server's identification.
  protected override serverGreeting(): string | undefined {
    return sshGreetingIn(this.client, "client");
  }

  override pathOf(method: string, args: readonly unknown[]): string | undefined {
    return remotePathOf(method, args);
  }

  /** An FTP server on the port answers "220 ..." and waits: its first line is watched. */
  protected override connecting(): void {
    this.wrongPeer = undefined;
    watchSsh2Socket(safeGet(this.client, "client"), this.secrets, (error) => {
      this.wrongPeer = error;
    });
  }

  // The library's own "getConnection: ..." only quotes a WrongProtocol: read the original.
  protected override causeOf(method: string, error: unknown): unknown {
    return method === "connect" ? (this.wrongPeer ?? error) : error;
  }

  /**
   * ssh2-sftp-client does not listen on the SFTP channel: when it dies while SSH stays up, later
   * calls never settle. A listener here marks the client instead (and its 'error' listener keeps
   * a fatal channel error from crashing the process as an unhandled 'error' event).
   */
  protected override opened(): void {
    const channel = safeGet(this.client, "sftp");
    this.requests.watch(channel);
    if (typeof safeGet(channel, "on") !== "function" || this.watchedChannels.has(channel as object))
      return;
    this.watchedChannels.add(channel as object);
    markLossOn(channel, ["close", "end", "error"], this.loss, "the SFTP channel was closed");
  }
}
