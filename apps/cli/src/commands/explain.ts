import { type CodeInfo, listCodes, type Protocol } from "@transfer-errors/core";
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
    // "an FTP", "an SFTP": both names are read letter by letter.
    const scope = options.protocol ? options.protocol.toUpperCase() : "FTP or SFTP";
    const other = options.protocol ? otherProtocol(raw, options.protocol) : undefined;
    const hint = other
      ? ` It is an ${other.protocol.toUpperCase()} code: ${other.protocol.toUpperCase()} ${other.code} ${other.name}${other.reason ? ` (${other.reason})` : ""}; transfer-errors explain ${raw.trim()} --protocol ${other.protocol}`
      : ` Try: transfer-errors explain 550, explain SSH_FX_FAILURE, explain "530 Login incorrect."`;
    throw new UsageError(
      `"${raw}" is not an ${scope} code nor an error line with anything to explain.${hint}`,
    );
  }
  return options.json ? JSON.stringify(explainJson(input), null, 2) : explainHuman(input, out);
}

/** The entry of a bare code in the protocol the user did not ask for: "2" is an SFTP status. */
function otherProtocol(raw: string, asked: Protocol): CodeInfo | undefined {
  const other: Protocol = asked === "ftp" ? "sftp" : "ftp";
  const input = readInput(raw, other);
  return input.kind === "code" ? input.info : undefined;
}

export interface ListOptions {
  protocol?: Protocol;
  json?: boolean;
}

export function runList(options: ListOptions, out: Out): string {
  const entries = listCodes(options.protocol);
  return options.json ? JSON.stringify(entries, null, 2) : listHuman(entries, out);
}
