// Registry names by code: all that the error path needs. The texts, meanings and actions stay in
// ftp-replies.ts, sftp-statuses.ts, ssh-disconnect-reasons.ts and winsock-errors.ts, so that a
// bundle making errors does not carry them.

/** FTP reply names by code. */
const ftpReplyNameTable = {
  110: "RESTART_MARKER",
  120: "SERVICE_READY_IN_MINUTES",
  125: "DATA_CONNECTION_ALREADY_OPEN",
  150: "FILE_STATUS_OK",
  200: "COMMAND_OK",
  202: "COMMAND_SUPERFLUOUS",
  211: "SYSTEM_STATUS",
  212: "DIRECTORY_STATUS",
  213: "FILE_STATUS",
  214: "HELP_MESSAGE",
  215: "SYSTEM_TYPE",
  220: "SERVICE_READY",
  221: "CLOSING_CONTROL_CONNECTION",
  225: "DATA_CONNECTION_OPEN",
  226: "CLOSING_DATA_CONNECTION",
  227: "ENTERING_PASSIVE_MODE",
  228: "ENTERING_LONG_PASSIVE_MODE",
  229: "ENTERING_EXTENDED_PASSIVE_MODE",
  230: "USER_LOGGED_IN",
  232: "LOGGED_IN_BY_SECURITY_EXCHANGE",
  234: "SECURITY_DATA_EXCHANGE_COMPLETE",
  235: "SECURITY_DATA_EXCHANGE_SUCCESSFUL",
  250: "FILE_ACTION_OK",
  257: "PATHNAME_CREATED",
  331: "NEED_PASSWORD",
  332: "NEED_ACCOUNT",
  334: "SECURITY_MECHANISM_OK",
  335: "SECURITY_DATA_ACCEPTABLE",
  336: "NEED_PASSWORD_CHALLENGE",
  350: "FILE_ACTION_PENDING",
  421: "SERVICE_NOT_AVAILABLE",
  425: "CANT_OPEN_DATA_CONNECTION",
  426: "CONNECTION_CLOSED_TRANSFER_ABORTED",
  430: "INVALID_USERNAME_OR_PASSWORD",
  431: "SECURITY_RESOURCE_UNAVAILABLE",
  434: "HOST_UNAVAILABLE",
  450: "FILE_ACTION_NOT_TAKEN",
  451: "LOCAL_ERROR",
  452: "INSUFFICIENT_STORAGE",
  500: "SYNTAX_ERROR_COMMAND",
  501: "SYNTAX_ERROR_ARGUMENTS",
  502: "COMMAND_NOT_IMPLEMENTED",
  503: "BAD_SEQUENCE",
  504: "PARAMETER_NOT_IMPLEMENTED",
  521: "ADDRESS_FAMILY_NOT_SUPPORTED",
  522: "NETWORK_PROTOCOL_NOT_SUPPORTED",
  530: "NOT_LOGGED_IN",
  532: "NEED_ACCOUNT_FOR_STORING",
  533: "PROTECTION_LEVEL_DENIED",
  534: "REQUEST_DENIED_FOR_POLICY",
  535: "FAILED_SECURITY_CHECK",
  536: "PROT_LEVEL_NOT_SUPPORTED",
  537: "PROTECTION_LEVEL_NOT_SUPPORTED",
  550: "FILE_UNAVAILABLE",
  551: "PAGE_TYPE_UNKNOWN",
  552: "EXCEEDED_STORAGE_ALLOCATION",
  553: "FILE_NAME_NOT_ALLOWED",
  554: "INVALID_REST_PARAMETER",
  555: "TYPE_OR_STRU_MISMATCH",
  631: "INTEGRITY_PROTECTED_REPLY",
  632: "CONFIDENTIAL_INTEGRITY_PROTECTED_REPLY",
  633: "CONFIDENTIAL_PROTECTED_REPLY",
} as const;

/** An FTP reply code that an RFC defines (959, 2228, 2428, 3659, ...). */
export type FtpReplyCode = keyof typeof ftpReplyNameTable;
/** The registry name of a defined FTP reply code: `"FILE_UNAVAILABLE"`. */
export type FtpReplyName = (typeof ftpReplyNameTable)[FtpReplyCode];
export const ftpReplyNames: Readonly<Partial<Record<number, FtpReplyName>>> = ftpReplyNameTable;

/** SFTP status names, index = status (0 to 31). */
const sftpStatusNameList = [
  "SSH_FX_OK",
  "SSH_FX_EOF",
  "SSH_FX_NO_SUCH_FILE",
  "SSH_FX_PERMISSION_DENIED",
  "SSH_FX_FAILURE",
  "SSH_FX_BAD_MESSAGE",
  "SSH_FX_NO_CONNECTION",
  "SSH_FX_CONNECTION_LOST",
  "SSH_FX_OP_UNSUPPORTED",
  "SSH_FX_INVALID_HANDLE",
  "SSH_FX_NO_SUCH_PATH",
  "SSH_FX_FILE_ALREADY_EXISTS",
  "SSH_FX_WRITE_PROTECT",
  "SSH_FX_NO_MEDIA",
  "SSH_FX_NO_SPACE_ON_FILESYSTEM",
  "SSH_FX_QUOTA_EXCEEDED",
  "SSH_FX_UNKNOWN_PRINCIPAL",
  "SSH_FX_LOCK_CONFLICT",
  "SSH_FX_DIR_NOT_EMPTY",
  "SSH_FX_NOT_A_DIRECTORY",
  "SSH_FX_INVALID_FILENAME",
  "SSH_FX_LINK_LOOP",
  "SSH_FX_CANNOT_DELETE",
  "SSH_FX_INVALID_PARAMETER",
  "SSH_FX_FILE_IS_A_DIRECTORY",
  "SSH_FX_BYTE_RANGE_LOCK_CONFLICT",
  "SSH_FX_BYTE_RANGE_LOCK_REFUSED",
  "SSH_FX_DELETE_PENDING",
  "SSH_FX_FILE_CORRUPT",
  "SSH_FX_OWNER_INVALID",
  "SSH_FX_GROUP_INVALID",
  "SSH_FX_NO_MATCHING_BYTE_RANGE_LOCK",
] as const;

/** The name of an SFTP status: `"SSH_FX_NO_SUCH_FILE"`. */
export type SftpStatusName = (typeof sftpStatusNameList)[number];
export const sftpStatusNames: readonly SftpStatusName[] = sftpStatusNameList;

/** SSH disconnect reason names (RFC 4253 §11.1), index = reason (1 to 15). */
const sshDisconnectNameList = [
  undefined,
  "SSH_DISCONNECT_HOST_NOT_ALLOWED_TO_CONNECT",
  "SSH_DISCONNECT_PROTOCOL_ERROR",
  "SSH_DISCONNECT_KEY_EXCHANGE_FAILED",
  "SSH_DISCONNECT_RESERVED",
  "SSH_DISCONNECT_MAC_ERROR",
  "SSH_DISCONNECT_COMPRESSION_ERROR",
  "SSH_DISCONNECT_SERVICE_NOT_AVAILABLE",
  "SSH_DISCONNECT_PROTOCOL_VERSION_NOT_SUPPORTED",
  "SSH_DISCONNECT_HOST_KEY_NOT_VERIFIABLE",
  "SSH_DISCONNECT_CONNECTION_LOST",
  "SSH_DISCONNECT_BY_APPLICATION",
  "SSH_DISCONNECT_TOO_MANY_CONNECTIONS",
  "SSH_DISCONNECT_AUTH_CANCELLED_BY_USER",
  "SSH_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE",
  "SSH_DISCONNECT_ILLEGAL_USER_NAME",
] as const;

/** The name of an SSH disconnect reason: `"SSH_DISCONNECT_BY_APPLICATION"`. */
export type SshDisconnectName = NonNullable<(typeof sshDisconnectNameList)[number]>;
export const sshDisconnectNames: readonly (SshDisconnectName | undefined)[] = sshDisconnectNameList;

/** Windows Sockets error names by number. */
const winsockNameTable = {
  10054: "WSAECONNRESET",
  10060: "WSAETIMEDOUT",
  10061: "WSAECONNREFUSED",
  10066: "WSAENOTEMPTY",
  10068: "WSAEUSERS",
} as const;

/** The name of a Windows Sockets error: `"WSAECONNRESET"`. */
export type WinsockName = (typeof winsockNameTable)[keyof typeof winsockNameTable];
export const winsockNames: Readonly<Partial<Record<number, WinsockName>>> = winsockNameTable;

/** Every name `TransferError.codeName` can hold: a `switch` on it can be exhaustive. */
export type CodeName = FtpReplyName | SftpStatusName | SshDisconnectName | WinsockName;
