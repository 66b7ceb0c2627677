// The option every wrapper takes alike, documented once: an adapter's WrapOptions extends it, and
// its users read this in their editor.
export interface WrapperOptions {
  /**
   * A deadline for every call (a connect's lasts until the session is ready), in milliseconds (at
   * most 2^31 - 1; a larger one is clamped). Past it the call rejects with a `timeout`
   * TransferError whose hint says `reconnect`, and the connection is closed. A client library's
   * own timeout is often an idle timeout, which does not cover every wait (a TLS handshake, an
   * upload the server never answers).
   */
  timeoutMs?: number | undefined;
}
