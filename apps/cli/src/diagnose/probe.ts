import type { TransferError } from "@transfer-errors/core";

/** One entry of a directory listing: enough to tell a file from a directory. */
export interface Entry {
  name: string;
  isDirectory: boolean;
}

/**
 * The read-only operations of one protocol, each returning a line that says what worked.
 * A failure is thrown (a TransferError from the adapter's wrapped client, or anything else,
 * which `toError` turns into one).
 */
export interface Probe {
  /** TCP connection and the server's greeting (FTP 220, SSH banner). */
  connect(): Promise<string>;
  /** ftps:// only: AUTH TLS and the handshake. */
  tls?(): Promise<string>;
  login(): Promise<string>;
  /** What a session needs before it can work (FTP: FEAT, TYPE I, PBSZ/PROT). */
  setup?(): Promise<string>;
  pwd(): Promise<string>;
  list(dir: string | undefined): Promise<Entry[]>;
  /** The size of a file (FTP SIZE, SFTP stat): the name of the step and its result. */
  readonly sizeStep: "size" | "stat";
  size(path: string): Promise<string>;
  close(): Promise<void>;
  toError(error: unknown, context: { operation: string; path?: string | undefined }): TransferError;
}
