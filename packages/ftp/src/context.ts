/** What the caller of `toTransferError` can say about the failed call. */
export interface ErrorContext {
  /** The client method that failed (`"get"`, `"connect"`). */
  operation?: string | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /** Exact strings to keep out of every text (the password); `wrapClient` does it by itself. */
  secrets?: readonly unknown[] | undefined;
  /**
   * The server's greeting line: its SSH identification (`SSH-2.0-OpenSSH_9.2p1`) or the first line
   * of its FTP 220 greeting. The replies of the product it names are read as that product means
   * them. `wrapClient` passes it by itself.
   */
  serverGreeting?: string | undefined;
}

/** What `wrapClient` knows beyond the error itself (every field optional). */
export interface FailureContext extends ErrorContext {
  /** The connection is gone; the application closed it; the failure came while connecting. */
  closed?: boolean | undefined;
  closedByApplication?: boolean | undefined;
  connecting?: boolean | undefined;
  /** The data connection was reset during a transfer; the same happened before for this path. */
  dataReset?: boolean | undefined;
  repeated?: boolean | undefined;
  /** The connection was meant to be encrypted (FTPS). */
  tls?: boolean | undefined;
}
