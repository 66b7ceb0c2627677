// The texts of the Node.js system and library codes a TransferError can carry as `code`
// ("ECONNRESET", "ERR_STREAM_PREMATURE_CLOSE"): for `explain`, not for the error path. Their
// reasons are in code-reasons.ts (`systemCodeReasons`); a test keeps the two tables in step.

/** What defines each family of codes. */
export const systemCodeSources = {
  errno: "POSIX errno (strerror), as Node.js reports it",
  dns: "getaddrinfo (Node.js dns)",
  node: "Node.js error codes",
} as const;

/** Each code: the standard text (strerror or Node's own message) and where it comes from. */
export const systemCodeTexts: Readonly<
  Record<string, { text: string; source: keyof typeof systemCodeSources }>
> = {
  ECONNRESET: { text: "Connection reset by peer", source: "errno" },
  ECONNABORTED: { text: "Software caused connection abort", source: "errno" },
  EPIPE: { text: "Broken pipe", source: "errno" },
  ERR_SOCKET_CLOSED: { text: "Socket is closed", source: "node" },
  ERR_STREAM_DESTROYED: {
    text: "Cannot call a method after a stream was destroyed",
    source: "node",
  },
  ERR_STREAM_PREMATURE_CLOSE: { text: "Premature close", source: "node" },
  ERR_STREAM_WRITE_AFTER_END: { text: "write after end", source: "node" },
  ECONNREFUSED: { text: "Connection refused", source: "errno" },
  ETIMEDOUT: { text: "Connection timed out", source: "errno" },
  ESOCKETTIMEDOUT: { text: "Socket timed out (set by HTTP and FTP libraries)", source: "node" },
  ERR_TLS_HANDSHAKE_TIMEOUT: { text: "TLS handshake timeout", source: "node" },
  ENOTFOUND: { text: "No address found for the host name", source: "dns" },
  EAI_AGAIN: { text: "Temporary failure in name resolution", source: "dns" },
  EAI_FAIL: { text: "Non-recoverable failure in name resolution", source: "dns" },
  EAI_NONAME: { text: "Name or service not known", source: "dns" },
  EHOSTUNREACH: { text: "No route to host", source: "errno" },
  EHOSTDOWN: { text: "Host is down", source: "errno" },
  ENETUNREACH: { text: "Network is unreachable", source: "errno" },
  ENETDOWN: { text: "Network is down", source: "errno" },
  EADDRNOTAVAIL: { text: "Cannot assign requested address", source: "errno" },
  ENOENT: { text: "No such file or directory", source: "errno" },
  EACCES: { text: "Permission denied", source: "errno" },
  EPERM: { text: "Operation not permitted", source: "errno" },
  EEXIST: { text: "File exists", source: "errno" },
  ENOTDIR: { text: "Not a directory", source: "errno" },
  EISDIR: { text: "Is a directory", source: "errno" },
  ENOTEMPTY: { text: "Directory not empty", source: "errno" },
  ENOSPC: { text: "No space left on device", source: "errno" },
  EDQUOT: { text: "Disk quota exceeded", source: "errno" },
  ENAMETOOLONG: { text: "File name too long", source: "errno" },
  EBUSY: { text: "Device or resource busy", source: "errno" },
  EROFS: { text: "Read-only file system", source: "errno" },
  EMFILE: { text: "Too many open files", source: "errno" },
  ENFILE: { text: "Too many open files in system", source: "errno" },
  EINVAL: { text: "Invalid argument", source: "errno" },
  ERR_INVALID_ARG_TYPE: { text: "An argument is of the wrong type", source: "node" },
  ERR_INVALID_ARG_VALUE: { text: "An argument has an invalid value", source: "node" },
  ERR_OUT_OF_RANGE: { text: "A value is out of its accepted range", source: "node" },
  ERR_SOCKET_BAD_PORT: { text: "Port should be >= 0 and < 65536", source: "node" },
};
