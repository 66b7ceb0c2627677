import type { Advice } from "@transfer-errors/core/adapter";

// What only this adapter can tell a basic-ftp user, keyed by its rule ids, signals and reasons.
// The core adds them to the explanation; it decides nothing from them.
// biome-ignore format: a table, one text a line
export const advice: Advice = {
  "socket-timeout-data": "The server moved no data for longer than the client's timeout (new Client(timeout)), and basic-ftp closed the connection.",
  "socket-timeout-control": "The server did not answer within the client's timeout (new Client(timeout)), and basic-ftp closed the connection.",
  "listing-too-large": "The directory listing was larger than the client's maxListingBytes (new Client(timeout, { maxListingBytes })).",
  "server-closed": "The server closed the control connection (an idle timeout, a restart, or a crash); anything in flight is incomplete.",
  "closed-by-application": "client.close() was called while the client was in use.",
  "concurrent-task": "A basic-ftp Client runs one operation at a time: a second call started before the first settled, and basic-ftp closed the client. Await each call, or use one client per parallel task.",
  "closed-after-misuse": "Two earlier calls ran at once and basic-ftp closed the client: connect again (access(), or wrapClient's reconnect option), and await each call before the next.",
  "control-characters": "The path or command contains a line break or NUL, which FTP cannot carry; basic-ftp refused to send it.",
  "passive-open-failed": "The client could not connect to the data port the server announced (passive mode).",
  "data-connect-timeout": "The data port the server announced did not accept the connection within the client's timeout: a firewall may drop the passive port range.",
  "passive-other-host": "The server announced a data address on another host (often a NAT or load balancer misconfiguration); basic-ftp refuses it unless the Client is created with allowSeparateTransferHost: true.",
  "unexpected-reply": "The server asked for more in the middle of a transfer (an intermediate reply); basic-ftp cannot answer it and closed the connection.",
  "truncated-passive": "The server's passive-mode reply was cut off mid-line: the connection dropped while it arrived.",
  "unreadable-reply": "basic-ftp could not read the server's reply or listing; a custom client.parseList can read unusual listings.",
  "local-file-changed": "The remote file is incomplete: upload it again once the local file no longer changes.",
  "ensure-dir": "ensureDir could not create the directory: basic-ftp ignores the failed MKD and reports the CWD after it, so the server's text may say 'not found' where creating was refused (check write permission on the parent).",
  deadline: "The operation did not settle within the deadline given to wrapClient (timeoutMs), so the connection was closed.",
  "data-reset": "The data connection was reset as the transfer ran. Some servers (ProFTPD) reset it instead of sending their refusal when they will not transfer the file: the remote file may be missing or unreadable, or its directory not writable.",
  "data-connection": "basic-ftp tried EPSV and then PASV (it only does passive mode) and neither gave a data connection.",
  "tls-refused": "The server refused AUTH TLS: it does not offer explicit FTPS on this port (some offer implicit FTPS on port 990 instead).",
  "local-file": "basic-ftp could not use a local file (the source or destination of the transfer): this happened on this machine, not on the server.",
  "found:missing": "A listing of its directory shows no such entry (found by the follow-up look of wrapClient's `diagnose` option).",
  "found:present-but-refused": "A listing of its directory shows the file is there: the server refused this user access to it (found by the follow-up look of wrapClient's `diagnose` option).",
  "found:is-a-directory": "A listing of its directory shows a directory by that name (found by the follow-up look of wrapClient's `diagnose` option).",
  "short-transfer": "FTP cannot tell a data connection closed early (a middlebox, a crashing server) from the end of the file, so basic-ftp reported success; wrapClient's verifyTransfers option compared the bytes with the server's SIZE. Transfer the file again: a download rewrites the local file from the start (or resume it with downloadTo's startAt), an upload replaces the remote one.",
  "wrong-protocol": "basic-ftp speaks FTP and FTPS only: for an SFTP server (usually port 22) use an SFTP client, such as ssh2-sftp-client with @transfer-errors/ssh2-sftp-client.",
  "tls-required": "With basic-ftp, pass `secure: true` to access() (explicit FTPS).",
};
