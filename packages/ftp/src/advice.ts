import type { Advice } from "@transfer-errors/core/adapter";

// What only this adapter can tell a node-ftp or promise-ftp user, keyed by its rule ids, signals
// and reasons. The core adds them to the explanation; it decides nothing from them.
// biome-ignore format: a table, one text a line
export const advice: Advice = {
  "connect-timeout": "The server did not accept the connection within node-ftp's connTimeout (default 10 s), and node-ftp closed it.",
  "data-connect-timeout": "The data port the server announced (PASV) did not accept the connection within pasvTimeout: a firewall may drop the passive port range.",
  "data-connect-failed": "The client could not connect to the data port the server announced (node-ftp only does passive mode).",
  "data-socket-error": "The data connection broke while the listing was read.",
  "list-fallback": "The server does not support SIZE/MDTM (502), so node-ftp listed the path instead and found no single file there.",
  "auth-tls-refused": "The server refused AUTH TLS (and AUTH SSL): it does not offer explicit FTPS on this port.",
  "connection-closed": "The connection closed while the call waited for its reply; node-ftp would have left the call waiting for ever.",
  "control-characters": "The path or command contains a line break or NUL, which FTP cannot carry: the wrapper refused to send it (node-ftp would have sent it as a second command).",
  "not-connected": "The client has no connection: node-ftp queues the call and never sends it. Call connect() and wait for 'ready'.",
  disconnected: "promise-ftp's connection is closed: call reconnect() (or connect() with autoReconnect) before the next call.",
  "connection-state": "promise-ftp refused the call in its current connection status.",
  "data-reset": "The data connection was reset as the transfer ran. Some servers (ProFTPD) reset it instead of refusing the transfer: the remote file may be missing or unreadable, or its directory not writable.",
  deadline: "The operation did not settle within the deadline given to wrapClient (timeoutMs), so the connection was closed.",
  "wrong-protocol": "node-ftp speaks FTP and FTPS only: for an SFTP server (usually port 22) use an SFTP client, such as ssh2-sftp-client with @transfer-errors/ssh2-sftp-client.",
  "tls-required": "With node-ftp and promise-ftp, pass `secure: true` to connect() (explicit FTPS).",
};
