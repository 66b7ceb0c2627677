// Everything the site shows, read at build time from the core's registry and from the server
// texts the product data derives (the same the CLI ships). Nothing here is written by hand.
import { type CodeInfo, explain, listCodes, type Reason, reasons } from "@transfer-errors/core";
import {
  type CodeServerTexts,
  deriveServerTexts,
  type ServerTextsFile,
  serverReplies,
} from "@transfer-errors/server-replies/server-texts";

export interface SiteData {
  ftp: CodeInfo[];
  sftp: CodeInfo[];
  /** Every code of each reason, both protocols: what links FTP and SFTP. */
  byReason: Map<Reason, CodeInfo[]>;
  serverTexts: ServerTextsFile;
}

export function loadData(): SiteData {
  const all = listCodes();
  const byReason = new Map<Reason, CodeInfo[]>(reasons.map((r) => [r, []]));
  for (const info of all) if (info.reason) byReason.get(info.reason)!.push(info);
  return {
    ftp: all.filter((i) => i.protocol === "ftp"),
    sftp: all.filter((i) => i.protocol === "sftp"),
    byReason,
    serverTexts: deriveServerTexts(serverReplies()),
  };
}

export function serverTextsOf(data: SiteData, info: CodeInfo): CodeServerTexts | undefined {
  return data.serverTexts.codes.find((c) => c.protocol === info.protocol && c.code === info.code);
}

/** A reason counts for a code when at least this share of the code's server texts carry it. */
const MET_SHARE = 0.05;

/**
 * What a user of the other protocol meets where this code is sent: for each reason the code
 * carries (its own, and any of at least 5 % of its texts in the corpus of real server replies),
 * the code that the corpus's servers of the other protocol send most often for that reason (on a
 * tie, the one of the older SFTP version, which more servers speak). Ordered by how often the code
 * carries the reason; one entry per code, with the reasons it stands for.
 */
export function metInstead(
  info: CodeInfo,
  data: SiteData,
): { info: CodeInfo; reasons: Reason[] }[] {
  const met = data.serverTexts.met;
  const mine = met.filter((m) => m.protocol === info.protocol && m.code === info.code);
  const total = mine.reduce((sum, m) => sum + m.count, 0);
  const carried = [
    ...mine
      .filter((m) => m.count / total >= MET_SHARE)
      .sort((a, b) => b.count - a.count)
      .map((m) => m.reason),
    ...(info.reason ? [info.reason] : []),
  ];
  const other = info.protocol === "ftp" ? "sftp" : "ftp";
  const out = new Map<number, { info: CodeInfo; reasons: Reason[] }>();
  for (const reason of new Set(carried)) {
    const candidates = met
      .filter((m) => m.protocol === other && m.reason === reason)
      .map((m) => ({ count: m.count, info: explain(m.code, other)! }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          (a.info.version ?? 0) - (b.info.version ?? 0) ||
          a.info.code - b.info.code,
      );
    const best = candidates[0];
    if (!best) continue;
    const entry = out.get(best.info.code) ?? { info: best.info, reasons: [] };
    entry.reasons.push(reason);
    out.set(best.info.code, entry);
  }
  return [...out.values()];
}
