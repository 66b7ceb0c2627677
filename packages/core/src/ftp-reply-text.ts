// The server's part of an FTP reply as a client library put it into its error's message: without
// its code, on one line, and when the library quotes a reply inside a text of its own.

/**
 * The reply text without its code: "550 No such file" → "No such file". In a multi-line reply
 * ("550-first\n second\n550 last") the code is taken off every line that carries it.
 */
export function replyText(message: string, code: number): string {
  const prefix = String(code);
  // The usual reply is one line: no array to split into and join again.
  if (!message.includes("\n")) return withoutCode(message, prefix);
  return message
    .split("\n")
    .map((line) => withoutCode(line, prefix))
    .join("\n");
}

/** One line of a reply without its code ("550 x" and "550-x" → "x"; a bare "550" → ""). */
function withoutCode(line: string, prefix: string): string {
  if (!line.startsWith(prefix)) return line;
  const next = line.charAt(prefix.length);
  if (next === "") return "";
  return next === " " || next === "-" ? line.slice(prefix.length + 1) : line;
}

/** The reply quoted in `match` (the code, then what followed it), as code and server text. */
export function quotedReply(match: RegExpExecArray): { code: number; serverMessage: string } {
  const code = Number(match[1]);
  return { code, serverMessage: replyText(`${match[1]} ${match[2] ?? ""}`, code) };
}

/** A message on one line: OpenSSL's span lines, and a client may append its suffix on its own. */
export function oneLine(text: string): string {
  // Line by line: /\s*\n\s*/g retried a run of spaces from each of its characters (quadratic).
  if (!text.includes("\n")) return shownLine(text.trim());
  const lines = text.split("\n").map((line) => line.trim());
  // A transcript's "PASS <password>" line loses its line start here, which the core's PASS rule
  // reads it by: its argument is masked before the join.
  return lines.filter(Boolean).map(shownLine).join(" ");
}

function shownLine(line: string): string {
  return line.startsWith("PASS ") ? "PASS ***" : line;
}
