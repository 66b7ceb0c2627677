// The texts SFTP statuses 1 to 8 come with: ssh2's own for a status the server sent without one
// (its STATUS_CODE_STR, ssh2 1.17) and OpenSSH's ("No such file"). A client library that rebuilds
// ssh2's error and drops its status (ssh2-sftp-client's fastGet and rcopy) leaves only the text,
// which still says which status it was.
import { sftpStatusReasons } from "./code-reasons.js";
import type { RuleRow } from "./rule-rows.js";

/** The texts by status, each in its rule's id; 7's text (CONNECTION_LOST) is read as 6's. */
const byStatus: readonly [status: number, ...texts: string[]][] = [
  [2, "No such file", "No such file or directory"],
  [3, "Permission denied"],
  [4, "Failure"],
  [5, "Bad message"],
  [6, "No connection", "Connection lost"],
  [8, "Operation unsupported"],
  [1, "End of file"],
];

/** A message that is one of these texts is a status's. */
export const sftpStatusTexts: ReadonlySet<string> = new Set(
  byStatus.flatMap(([, ...texts]) => texts),
);

/**
 * Rows (ids `status-N`) that read a message which is exactly a status's text, under the library
 * `code` that carries it, as the status itself is read.
 */
export function sftpStatusTextRows(code: string): RuleRow[] {
  return byStatus.map(([status, ...texts]): RuleRow => {
    const reason = sftpStatusReasons[status]!;
    return [`status-${status}`, reason, new RegExp(`^(?:${texts.join("|")})$`), code];
  });
}
