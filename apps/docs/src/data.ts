// Everything the site shows, read from the core's registry and the CLI's corpus-derived server
// texts at build time. Nothing here is written by hand.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type CodeInfo, listCodes, type Reason, reasons } from "@transfer-errors/core";
import type { CodeServerTexts, ServerTextsFile } from "../../cli/src/server-texts.ts";

export interface SiteData {
  ftp: CodeInfo[];
  sftp: CodeInfo[];
  /** Every code of each reason, both protocols: what links FTP and SFTP. */
  byReason: Map<Reason, CodeInfo[]>;
  serverTexts: ServerTextsFile;
}

function readServerTexts(): ServerTextsFile {
  const path = createRequire(import.meta.url).resolve("@transfer-errors/cli/server-texts.json");
  return JSON.parse(readFileSync(path, "utf8")) as ServerTextsFile;
}

export function loadData(): SiteData {
  const all = listCodes();
  const byReason = new Map<Reason, CodeInfo[]>(reasons.map((r) => [r, []]));
  for (const info of all) if (info.reason) byReason.get(info.reason)!.push(info);
  return {
    ftp: all.filter((i) => i.protocol === "ftp"),
    sftp: all.filter((i) => i.protocol === "sftp"),
    byReason,
    serverTexts: readServerTexts(),
  };
}

export function serverTextsOf(data: SiteData, info: CodeInfo): CodeServerTexts | undefined {
  return data.serverTexts.codes.find((c) => c.protocol === info.protocol && c.code === info.code);
}
