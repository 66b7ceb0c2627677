// What real servers send with the ambiguous codes, and which servers send a pasted text: derived at
// build time from the product data (@transfer-errors/server-replies) by
// scripts/build-server-texts.ts and shipped as dist/server-texts.json and dist/known-replies.json.
import { readFileSync } from "node:fs";
import type { Protocol, Reason } from "@transfer-errors/core";
import { fitsTemplate } from "@transfer-errors/core/catalog";
import type {
  CodeServerTexts,
  KnownRepliesFile,
  ServerTextsFile,
} from "@transfer-errors/server-replies/server-texts";

export type { CodeServerTexts, ServerText } from "@transfer-errors/server-replies/server-texts";

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
