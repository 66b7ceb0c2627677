// What real servers send with the ambiguous codes, derived at build time from the core's test
// corpus by scripts/build-server-texts.ts and shipped as dist/server-texts.json.
import { readFileSync } from "node:fs";
import type { Protocol, Reason } from "@transfer-errors/core";

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
