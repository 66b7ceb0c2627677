import type { CodeInfo, Reason } from "@transfer-errors/core";

/** `#ftp-550`, `#sftp-SSH_FX_FAILURE`: the deep links of the site. */
export function anchorOf(info: Pick<CodeInfo, "protocol" | "code" | "name">): string {
  return info.protocol === "ftp" ? `ftp-${info.code}` : `sftp-${info.name}`;
}

export function reasonAnchor(reason: Reason): string {
  return `reason-${reason}`;
}
