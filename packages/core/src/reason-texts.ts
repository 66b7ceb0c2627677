import type { Reason } from "./reasons.js";

/** What each reason means and what to do, in plain English: the core of every explanation. */
export const reasonTexts: Readonly<Record<Reason, { what: string; action: string }>> = {
  "not-found": {
    what: "The remote file or directory does not exist (or is not visible to this user).",
    action:
      "Check the path: its case, a missing leading slash, the working directory after login, and whether another process moved or deleted it.",
  },
  "permission-denied": {
    what: "The server refused the operation: this user may not read, write or change that path.",
    action:
      "Check the user's rights on the path and its parent directory (and, for uploads, that the directory is writable), or ask the server's administrator.",
  },
  "file-unavailable": {
    what: "The server refused the operation on that path without saying why: the path may not exist, or this user may not access it.",
    action:
      "List the parent directory to see whether the path exists, then check the user's rights on it; the server's log says which.",
  },
  "already-exists": {
    what: "Something already exists at the target path.",
    action:
      "Treat it as success if you were creating a directory, or remove or rename the existing entry first (or upload under another name).",
  },
  "not-a-directory": {
    what: "A directory was expected, but the path (or one of its parents) is a file.",
    action: "Check the path: a component that should be a directory is a plain file.",
  },
  "is-a-directory": {
    what: "A file was expected, but the path is a directory.",
    action:
      "Use the directory operations (list, removeDir, downloadToDir) or point at a file inside it.",
  },
  "directory-not-empty": {
    what: "The directory cannot be removed because it still contains entries.",
    action: "Remove its contents first, or use a recursive removal.",
  },
  "no-space": {
    what: "The server has no room left for the data (disk or file system full).",
    action:
      "Free space on the server or upload elsewhere; a partial file may have been left behind and should be removed or resumed.",
  },
  "quota-exceeded": {
    what: "The upload would exceed this user's storage quota on the server.",
    action:
      "Delete files the user no longer needs or ask for a larger quota; retrying without that fails the same way.",
  },
  "invalid-name": {
    what: "The server does not accept that file name (characters, length, or a name its policy forbids).",
    action:
      "Use a name with plain ASCII letters, digits, dots, dashes and underscores, within the server's length limit.",
  },
  "file-busy": {
    what: "The file is busy or locked by another process on the server.",
    action: "Wait and retry; if it persists, find what holds the file open on the server.",
  },
  "auth-failed": {
    what: "The server did not accept the login: wrong user name or password, an unknown or disabled account, or no allowed authentication method.",
    action:
      "Check the credentials and the account; retrying with the same credentials fails the same way (and can lock the account).",
  },
  "tls-required": {
    what: "The server requires an encrypted connection (FTPS) and refused the plain one.",
    action:
      "Connect with TLS: with basic-ftp pass `secure: true` to access() (explicit FTPS), or use an ftps:// URL.",
  },
  "tls-failed": {
    what: "The TLS handshake or certificate check failed.",
    action:
      "Check the server's certificate (expired, self-signed, wrong host name) and the TLS versions both sides allow; trust a private CA with the `ca` option rather than turning verification off.",
  },
  "host-key-rejected": {
    what: "The server's SSH host key was not accepted: it does not match the key that was expected.",
    action:
      "Verify the new key out of band before trusting it: a changed host key can mean a reinstalled server or a machine in the middle.",
  },
  unsupported: {
    what: "The server does not support this command, parameter or feature.",
    action:
      "Do it another way (what the server said, and the advice above, name what is missing), or use a server that supports it.",
  },
  "bad-request": {
    what: "The server did not understand the request or its parameters.",
    action:
      "Check the arguments (path syntax, options); if they are right, the client and server disagree on the protocol and a different client setting may help.",
  },
  "bad-sequence": {
    what: "The commands came in an order the server does not accept (for example a command before login).",
    action:
      "Make sure the session is logged in and the previous command completed; reconnecting restores a clean sequence.",
  },
  "service-unavailable": {
    what: "The server is busy, full or shutting down, and is not taking this request now.",
    action: "Wait and try again later, with a backoff; reduce the number of parallel connections.",
  },
  "data-connection-failed": {
    what: "The data connection for the transfer or listing could not be opened.",
    action:
      "Check passive mode, firewalls and NAT between client and server (the passive port range must be reachable); a repeated failure is a configuration problem, not bad luck.",
  },
  "transfer-aborted": {
    what: "The transfer was cut off before it completed.",
    action:
      "Retry the transfer; remove or resume the partial file. If it repeats, look for a network device that drops long connections.",
  },
  "server-error": {
    what: "The server failed while processing the request, for a reason of its own.",
    action:
      "Retry once if the code is transient; otherwise the server's log (or its administrator) knows the cause.",
  },
  "connection-lost": {
    what: "The connection to the server was closed or reset in the middle of the session.",
    action:
      "Reconnect and retry; check the server's idle timeout and any firewall or NAT that drops quiet connections.",
  },
  "connection-refused": {
    what: "Nothing accepted the connection at that host and port: the server is down or listens elsewhere.",
    action:
      "Check the host and port (21 for FTP, 22 for SFTP, 990 for implicit FTPS) and that the server is running.",
  },
  "host-not-found": {
    what: "The host name could not be resolved to an address.",
    action: "Check the spelling of the host name and the machine's DNS settings.",
  },
  "host-unreachable": {
    what: "The network has no route to the server.",
    action: "Check the network, VPN and firewall between this machine and the server.",
  },
  timeout: {
    what: "The server did not answer in time.",
    action:
      "Reconnect and retry; if it repeats, raise the timeout or check for a firewall that silently drops the connection.",
  },
  "protocol-error": {
    what: "The client and the server did not understand each other: an unexpected reply or a malformed packet.",
    action:
      "Reconnect; if it repeats, the server speaks a dialect the client does not handle (report it with the server's name and version).",
  },
  "client-misuse": {
    what: "The client was used in a way it does not support (for example two operations at once on one connection, or an invalid argument).",
    action:
      "Fix the calling code: await each operation before starting the next, or use one client per parallel task.",
  },
  "local-file-error": {
    what: "A file on this machine could not be read or written: the failure is local, not the server's.",
    action:
      "Check the local path, its directory, the disk space and the rights of the process on this machine.",
  },
  unknown: {
    what: "The failure could not be classified.",
    action: "Read the server's message and the original error (`cause`) for the details.",
  },
};
