/** What the caller of `toTransferError` can say about the failed call. */
export interface ErrorContext {
  /** The client method that failed (`"get"`, `"connect"`). */
  operation?: string | undefined;
  /** The remote path involved. */
  path?: string | undefined;
  /**
   * Exact strings to keep out of every text: the connection's password and key material, in case
   * the server echoes them. `wrapClient` does it by itself.
   */
  secrets?: readonly unknown[] | undefined;
}

/** What `wrapClient` knows beyond the error itself (every field optional). */
export interface FailureContext extends ErrorContext {
  /** The connection is gone after the failure (node-ftp closed it, or the wrapper did). */
  closed?: boolean | undefined;
  /** The application itself ended or destroyed the client. */
  closedByApplication?: boolean | undefined;
  /** The failure came while connecting or logging in. */
  connecting?: boolean | undefined;
  /** The connection was meant to be encrypted (FTPS). */
  tls?: boolean | undefined;
}
