import {
  type CodeName,
  ftpReplyNames,
  sftpStatusNames,
  sshDisconnectNames,
  winsockNames,
} from "./code-names.js";
import type { CodeSpace } from "./failure.js";

/** The registry name of a code in its number system (`"SSH_FX_FAILURE"`, `"WSAECONNRESET"`). */
export function codeNameOf(space: CodeSpace | undefined, code: unknown): CodeName | undefined {
  if (typeof code !== "number") return undefined;
  switch (space) {
    case "ftp-reply":
      return ftpReplyNames[code];
    case "sftp-status":
      return sftpStatusNames[code];
    case "ssh-disconnect":
      return sshDisconnectNames[code];
    case "winsock":
      return winsockNames[code];
    default:
      return undefined;
  }
}
