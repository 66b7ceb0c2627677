import { listCodes, type Protocol } from "@transfer-errors/core";
import { explainHuman, explainJson, listHuman, type Out } from "../explain-output.js";
import { readInput } from "../read-input.js";
import { UsageError } from "../usage-error.js";

export interface ExplainOptions {
  protocol?: Protocol;
  json?: boolean;
}

/** `explain <code|SSH_FX_NAME|error line>`: 0 when explained, 2 when the input is no code at all. */
export function runExplain(words: string[], options: ExplainOptions, out: Out): string {
  const raw = words.join(" ");
  const input = readInput(raw, options.protocol);
  if (input.kind === "none") {
    const scope = options.protocol ? ` ${options.protocol.toUpperCase()}` : "n FTP or SFTP";
    throw new UsageError(
      `"${raw}" is not a${scope} code nor an error line with anything to explain. Try: transfer-errors explain 550, explain SSH_FX_FAILURE, explain "530 Login incorrect."`,
    );
  }
  return options.json ? JSON.stringify(explainJson(input), null, 2) : explainHuman(input, out);
}

export interface ListOptions {
  protocol?: Protocol;
  json?: boolean;
}

export function runList(options: ListOptions, out: Out): string {
  const entries = listCodes(options.protocol);
  return options.json ? JSON.stringify(entries, null, 2) : listHuman(entries, out);
}
