// What real servers send with the ambiguous codes, derived at build time from the core's test
// corpus by scripts/build-server-texts.ts and shipped as dist/server-texts.json.
import { readFileSync } from "node:fs";
import type { Protocol, Reason } from "@transfer-errors/core";
import { fitsTemplate } from "@transfer-errors/core/catalog";

export interface ServerText {
  /** The server product and version: "vsftpd 3.0.5". */
  product: string;
  /** The text after the code, exactly as the server sends it. */
  text: string;
  /** The command or client operation, when the text depends on it. */
  operation?: string;
  /** What the text means. */
  reason: Reason;
  retryable: boolean;
  /** Where the text was taken from: a file and line of the server's source, or its documentation. */
  source: string;
}

export interface CodeServerTexts {
  protocol: Protocol;
  code: number;
  /** The distinct reasons these texts carry: more than one is why the code alone is not enough. */
  reasons: Reason[];
  texts: ServerText[];
}

/** How many texts of the corpus carry this code with this reason: what users meet, every code. */
export interface ReasonCount {
  protocol: Protocol;
  code: number;
  reason: Reason;
  count: number;
}

export interface ServerTextsFile {
  /** Counts of the corpus the file was derived from. */
  corpus: { entries: number; products: number };
  codes: CodeServerTexts[];
  /** Every code and reason pair of the corpus, ambiguous or not, with its count. */
  met: ReasonCount[];
}

let loaded: ServerTextsFile | undefined;

function load(): ServerTextsFile {
  loaded ??= JSON.parse(
    readFileSync(new URL("./server-texts.json", import.meta.url), "utf8"),
  ) as ServerTextsFile;
  return loaded;
}

/** The texts servers send with this code, or `undefined` when the code is not ambiguous. */
export function serverTextsOf(protocol: Protocol, code: number): CodeServerTexts | undefined {
  return load().codes.find((entry) => entry.protocol === protocol && entry.code === code);
}

export function corpusSize(): ServerTextsFile["corpus"] {
  return load().corpus;
}

/** Every catalogued reply: [protocol, code, template ({} for a value), product index, reason, retryable (1/0), commands, note]. */
export interface KnownRepliesFile {
  products: string[];
  replies: [Protocol, number, string, number, Reason, number, string, string][];
}

export interface KnownSender {
  product: string;
  reason: Reason;
  retryable: boolean;
  commands: string;
  /** What the server means by it, from its source, when the text does not say. */
  note: string;
}

let known: KnownRepliesFile | undefined;

/** The catalogued servers whose reply this is (the same code, the text fits their template). */
export function sendersOf(protocol: Protocol, code: number, text: string): KnownSender[] {
  known ??= JSON.parse(
    readFileSync(new URL("./known-replies.json", import.meta.url), "utf8"),
  ) as KnownRepliesFile;
  const reply = text.trim();
  const out: KnownSender[] = [];
  for (const [p, c, template, product, reason, retryable, commands, note] of known.replies) {
    if (p !== protocol || c !== code || !fitsTemplate(reply, template)) continue;
    out.push({
      product: known.products[product] ?? "?",
      reason,
      retryable: retryable === 1,
      commands,
      note,
    });
  }
  return out;
}
