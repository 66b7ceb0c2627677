import type { Reason } from "@transfer-errors/core";

/**
 * One reply text a real server sends, with the reading a person who runs file transfers would
 * give it. The corpus is test data: rules in the core must get these right without naming them.
 */
export interface CorpusEntry {
  protocol: "ftp" | "sftp";
  /** Server product, e.g. "vsftpd", "ProFTPD", "OpenSSH sftp-server", "AWS Transfer Family". */
  product: string;
  /** The version (or commit) whose source or documentation was read. */
  version?: string;
  /** FTP reply code, or SFTP status code (SSH_FX_*). */
  code: number;
  /** The exact server text: FTP without the code prefix, placeholders filled with plausible values. */
  text: string;
  /** The FTP command or SFTP request that drew the reply, when it matters. */
  command?: string;
  /** The client method a user would call (basic-ftp or ssh2-sftp-client). */
  operation?: string;
  /** What a person would say went wrong. */
  reason: Reason;
  /** Whether repeating the same operation unchanged can succeed. */
  retryable: boolean;
  /** True when the server closes the connection or it is unusable afterwards. */
  reconnect?: boolean;
  /** Where the text comes from: repository + file + line or function, or a documentation URL. */
  source: string;
  /** Why this reason, when not obvious. */
  note?: string;
}
