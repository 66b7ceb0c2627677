// Plain-text layout: labelled fields with wrapped values, so that long registry texts stay readable.

/** The width to wrap to: the terminal's, at most 100 (a file or a pipe gets 100). */
export function widthOf(stream: { columns?: number }): number {
  return Math.max(40, Math.min(stream.columns ?? 100, 100));
}

/** Splits `text` into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    out.push(line);
  }
  return out;
}

/**
 * "label      value", the value wrapped under itself. `label` is padded before styling, so that
 * colour codes do not shift the columns.
 */
export function field(
  label: string,
  value: string,
  options: {
    indent: number;
    labelWidth: number;
    width: number;
    styleLabel?: (s: string) => string;
  },
): string[] {
  const pad = " ".repeat(options.indent);
  const styled = (options.styleLabel ?? ((s: string) => s))(label.padEnd(options.labelWidth));
  const lines = wrap(value, Math.max(20, options.width - options.indent - options.labelWidth - 1));
  return lines.map((line, i) =>
    i === 0 ? `${pad}${styled} ${line}` : `${pad}${" ".repeat(options.labelWidth)} ${line}`,
  );
}
