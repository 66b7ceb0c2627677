// The human and JSON forms of `explain` and `list`. Every text comes from the core's registry
// and the corpus-derived server texts; nothing here restates what a code means.
import type { CodeInfo, Reason, TransferError } from "@transfer-errors/core";
import { ftpAreaTexts, ftpKindTexts, reasonTexts } from "@transfer-errors/core/registry";
import { field, wrap } from "./layout.js";
import type { ExplainInput } from "./read-input.js";
import {
  type CodeServerTexts,
  corpusSize,
  type ServerText,
  sendersOf,
  serverTextsOf,
} from "./server-texts.js";
import type { Style } from "./style.js";

export interface Out {
  style: Style;
  width: number;
}

const LABEL = 14;

function label(out: Out, indent = 2) {
  return { indent, labelWidth: LABEL, width: out.width, styleLabel: out.style.dim };
}

function heading(info: CodeInfo, out: Out): string {
  const title = `${info.protocol.toUpperCase()} ${info.code} ${info.name}`;
  const note = info.known
    ? ""
    : out.style.yellow(" (not defined by any RFC: read from its digits)");
  return `${out.style.bold(title)}${note}`;
}

/** Transient or permanent, in words; positive replies and SSH_FX_OK are no failure at all. */
export function retryWords(info: CodeInfo): string {
  if (!info.reason) return "not an error";
  return info.retryable
    ? `transient: the same request may succeed later (${info.reason})`
    : `permanent: repeating it unchanged fails the same way (${info.reason})`;
}

function digitLines(info: CodeInfo, out: Out): string[] {
  if (!info.kind || !info.area) return [];
  const first = Math.floor(info.code / 100);
  const second = Math.floor(info.code / 10) % 10;
  return [
    ...field(`${first}yz`, `${info.kind}: ${ftpKindTexts[info.kind]}`, label(out)),
    ...field(`x${second}z`, ftpAreaTexts[info.area], label(out)),
  ];
}

export function codeLines(info: CodeInfo, out: Out): string[] {
  const version = info.version === undefined ? "" : ` (SFTP version ${info.version})`;
  return [
    heading(info, out),
    ...field("official text", info.text, label(out)),
    ...field("means", info.meaning, label(out)),
    ...field("what to do", info.action, label(out)),
    ...field("retry", retryWords(info), label(out)),
    ...field("source", `${info.source}${version}`, label(out)),
    ...digitLines(info, out),
  ];
}

/** The corpus texts of one code, grouped by what they mean, then by product. */
function groupByMeaning(texts: readonly ServerText[]): Map<string, Map<string, ServerText[]>> {
  const groups = new Map<string, Map<string, ServerText[]>>();
  for (const t of texts) {
    const key = `${t.reason}|${t.retryable}`;
    const products = groups.get(key) ?? new Map<string, ServerText[]>();
    products.set(t.product, [...(products.get(t.product) ?? []), t]);
    groups.set(key, products);
  }
  return groups;
}

/** At most this many different texts per product and meaning; --json has them all. */
const TEXTS_PER_PRODUCT = 3;

/** `"Permission denied." (STOR, DELE); "No permission to create /in." (MKD)` */
function productTexts(texts: readonly ServerText[], out: Out): string {
  const byText = new Map<string, string[]>();
  for (const t of texts) {
    const ops = byText.get(t.text) ?? [];
    if (t.operation && !ops.includes(t.operation)) ops.push(t.operation);
    byText.set(t.text, ops);
  }
  const shown = [...byText].slice(0, TEXTS_PER_PRODUCT).map(([text, ops]) => {
    const quoted = `"${text.replace(/\n/g, " / ")}"`;
    return ops.length ? `${quoted}${out.style.dim(` (${ops.join(", ")})`)}` : quoted;
  });
  const more = byText.size - shown.length;
  return `${shown.join("; ")}${more > 0 ? out.style.dim(` and ${more} more`) : ""}`;
}

export function serverTextLines(entry: CodeServerTexts, out: Out): string[] {
  const products = new Set(entry.texts.map((t) => t.product));
  const groups = groupByMeaning(entry.texts);
  const width = Math.max(...[...products].map((p) => p.length));
  const lines = [
    "",
    out.style.bold(
      `What servers send with ${entry.protocol.toUpperCase()} ${entry.code}: ${entry.reasons.length} meanings in ${entry.texts.length} texts of ${products.size} servers (from the test corpus; --json lists every text and its source)`,
    ),
  ];
  for (const [key, byProduct] of groups) {
    const [reason, retryable] = key.split("|") as [Reason, string];
    const transient = retryable === "true" ? "transient" : "permanent";
    lines.push(`  ${out.style.cyan(`${reason}, ${transient}`)}: ${reasonTexts[reason].what}`);
    for (const [product, texts] of byProduct) {
      lines.push(`    ${product.padEnd(width)}  ${productTexts(texts, out)}`);
    }
  }
  return lines;
}

function lineLines(error: TransferError, assumed: boolean, out: Out): string[] {
  const what =
    error.code === undefined
      ? `${error.protocol.toUpperCase()} error without a code`
      : `${error.protocol.toUpperCase()} ${error.code}${error.codeName ? ` ${error.codeName}` : ""}`;
  const retry = `${error.retryable ? "yes" : "no"}${error.retryable && error.retry.reconnect ? ", reconnect first" : ""}: ${error.retry.why}`;
  const lines = [
    `${out.style.bold(`${what}: ${error.reason}`)}${assumed ? out.style.dim(" (protocol assumed: pass --protocol to choose)") : ""}`,
    ...field("reason", error.reason, label(out)),
    ...field("retry", retry, label(out)),
  ];
  if (error.operation) lines.push(...field("operation", error.operation, label(out)));
  if (error.path) lines.push(...field("path", error.path, label(out)));
  if (error.serverMessage) lines.push(...field("server said", error.serverMessage, label(out)));
  lines.push(...field("explanation", error.explanation, label(out)));
  return lines;
}

/** The catalogued servers that send this very reply, and what each means by it. */
function senderLines(error: TransferError, out: Out): string[] {
  if (typeof error.code !== "number" || !error.serverMessage) return [];
  const senders = sendersOf(error.protocol, error.code, error.serverMessage);
  if (senders.length === 0) return [];
  // One line per server and meaning, with the commands that get it.
  const byProduct = new Map<string, Map<string, Set<string>>>();
  for (const s of senders) {
    const meaning = `${s.reason}, ${s.retryable ? "transient" : "permanent"}${s.note ? `: ${s.note}` : ""}`;
    const meanings = byProduct.get(s.product) ?? new Map<string, Set<string>>();
    const commands = meanings.get(meaning) ?? new Set<string>();
    for (const c of s.commands.split(" ")) if (c) commands.add(c);
    meanings.set(meaning, commands);
    byProduct.set(s.product, meanings);
  }
  const lines = [
    "",
    out.style.bold(
      `Sent by ${byProduct.size} catalogued server${byProduct.size === 1 ? "" : "s"} (read in their sources):`,
    ),
  ];
  for (const [product, meanings] of byProduct) {
    for (const [meaning, commands] of meanings) {
      const to = [...commands].slice(0, 8).join(" ");
      lines.push(...field(product, `${to ? `${to}: ` : ""}${meaning}`, label(out)));
    }
  }
  return lines;
}

export function explainHuman(input: Exclude<ExplainInput, { kind: "none" }>, out: Out): string {
  if (input.kind === "code") {
    const texts = serverTextsOf(input.info.protocol, input.info.code);
    return [...codeLines(input.info, out), ...(texts ? serverTextLines(texts, out) : [])].join(
      "\n",
    );
  }
  const lines = lineLines(input.error, input.assumedProtocol, out);
  lines.push(...senderLines(input.error, out));
  if (input.info) lines.push("", ...codeLines(input.info, out));
  return lines.join("\n");
}

/** One JSON object: the registry entry for a code; the classification (and entry) for a line. */
export function explainJson(input: Exclude<ExplainInput, { kind: "none" }>): unknown {
  if (input.kind === "code") {
    const texts = serverTextsOf(input.info.protocol, input.info.code);
    return texts ? { ...input.info, serverTexts: texts.texts } : input.info;
  }
  const { name: _name, message: _message, cause: _cause, ...error } = input.error.toJSON();
  return { ...error, protocolAssumed: input.assumedProtocol, entry: input.info ?? null };
}

/**
 * One row per code (protocol, code, name, retry, reason: what `grep` finds), the official text
 * wrapped under it, so that no line is wider than the terminal (100 columns in a pipe or a file).
 */
export function listHuman(entries: readonly CodeInfo[], out: Out): string {
  const nameWidth = Math.max(...entries.map((e) => e.name.length));
  const reasonWidth = Math.max(...entries.map((e) => (e.reason ?? "-").length));
  const indent = " ".repeat(4 + 1 + 3 + 2);
  const lines: string[] = [];
  for (const e of entries) {
    const retry = e.reason ? (e.retryable ? "transient" : "permanent") : "-";
    const id = `${e.protocol.padEnd(4)} ${String(e.code).padStart(3)}  `;
    const padded = `${id}${e.name.padEnd(nameWidth)}  ${retry.padEnd(9)}  ${(e.reason ?? "-").padEnd(reasonWidth)}`;
    const bold = (row: string) =>
      `${out.style.bold(row.slice(0, id.length + e.name.length))}${row.slice(id.length + e.name.length).trimEnd()}`;
    const compact = `${id}${e.name}  ${retry}  ${e.reason ?? "-"}`;
    if (padded.trimEnd().length <= out.width) lines.push(bold(padded));
    else if (compact.length <= out.width) lines.push(bold(compact));
    else {
      // A narrow terminal: the retry and reason under the name (a name is never cut).
      lines.push(bold(`${id}${e.name}`), `${indent}${retry}, ${e.reason ?? "-"}`);
    }
    for (const line of wrap(e.text, out.width - indent.length)) lines.push(`${indent}${line}`);
  }
  const { entries: n, products } = corpusSize();
  lines.push(
    "",
    ...wrap(
      `${entries.length} codes. Server texts for the ambiguous ones come from a corpus of ${n} replies of ${products} products: transfer-errors explain <code>.`,
      out.width,
    ).map((line) => out.style.dim(line)),
  );
  return lines.join("\n");
}
