// The parts of a client library's message that wraps another one: the method names it puts in
// front ("mkdir: _doMkdir: ...", "fastGet->sftp: ..."), the text, and the path(s) it appends
// ("Failure From: /a To: /b"). Every step is indexOf or an anchored pattern: a server controls
// the text, and reading it stays linear whatever it holds.

export interface MessageParts {
  /** The names in front, outermost first (`["mkdir", "_doMkdir"]`). */
  prefixes: string[];
  /** What follows them: the inner message, often with the path(s) at its end. */
  detail: string;
}

// `name: ` or `name->`: an identifier, as method names are. A text with a space in its first
// words ("Bad path: ", "Handshake failed: ") is never a prefix.
const PREFIX = /^([A-Za-z_$][\w$]{0,40})(?::\s|->)/;

/**
 * Splits the prefixes off `message`: the names for which `isPrefix` holds (a server's own
 * "failure: ..." is text), and the `connectors` a library puts between them ("Re-thrown: ").
 */
export function splitPrefixes(
  message: string,
  isPrefix: (name: string) => boolean,
  connectors: readonly string[] = [],
): MessageParts {
  const prefixes: string[] = [];
  let rest = message;
  for (let guard = 0; guard < 12; guard++) {
    const match = PREFIX.exec(rest);
    if (match && isPrefix(match[1]!)) {
      prefixes.push(match[1]!);
      rest = rest.slice(match[0].length);
      continue;
    }
    const connector = connectors.find((c) => rest.startsWith(c));
    if (!connector) break;
    rest = rest.slice(connector.length);
  }
  return { prefixes, detail: rest };
}

export interface TextAndPath {
  /** The server's (or the library's) text without the path. */
  text: string;
  /** The remote path named in the message, when it names one. */
  path: string | undefined;
}

/**
 * Separates the text from the path(s) a library appended: "Failure From: /a To: /b",
 * "Failure Local: /l Remote: /r", "Permission denied Remote: /r Local: /l", "No such file /p",
 * "No such file: /p". A path known from the call is cut off exactly; otherwise the last " /"
 * starts the path.
 */
export function splitTextAndPath(detail: string, knownPath?: string): TextAndPath {
  const pair = (first: string, second: string) => {
    const a = detail.indexOf(first);
    const b = a < 0 ? -1 : detail.indexOf(second, a + first.length);
    return b < 0
      ? undefined
      : {
          text: detail.slice(0, a),
          one: detail.slice(a + first.length, b),
          two: detail.slice(b + second.length),
        };
  };
  const fromTo = pair(" From: ", " To: ");
  if (fromTo) return { text: fromTo.text, path: fromTo.one };
  const localRemote = pair(" Local: ", " Remote: ");
  if (localRemote) return { text: localRemote.text, path: localRemote.two };
  const remoteLocal = pair(" Remote: ", " Local: ");
  if (remoteLocal) return { text: remoteLocal.text, path: remoteLocal.one };
  if (knownPath) {
    for (const separator of [" ", ": ", "  "]) {
      if (detail.endsWith(separator + knownPath)) {
        return {
          text: detail.slice(0, -(separator.length + knownPath.length)).trimEnd(),
          path: knownPath,
        };
      }
    }
  }
  // The path comes last, and a server's own text may name paths too ("mkdir /srv/in: file
  // exists"): the path is what follows the last " /".
  const at = detail.lastIndexOf(" /");
  if (at > 0)
    return { text: withoutTrailingColon(detail.slice(0, at)), path: detail.slice(at + 1) };
  return { text: detail, path: undefined };
}

/** "text: " → "text": trailing spaces, then one colon. */
function withoutTrailingColon(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 58) end--;
  return text.slice(0, end);
}
