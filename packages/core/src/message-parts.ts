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
    const connector = connectorOf(rest, connectors);
    if (!connector) break;
    rest = rest.slice(connector.length);
  }
  return { prefixes, detail: rest };
}

function connectorOf(text: string, connectors: readonly string[]): string | undefined {
  for (const connector of connectors) if (text.startsWith(connector)) return connector;
  return undefined;
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
  const fromTo = pathPair(detail, " From: ", " To: ", 1);
  if (fromTo) return fromTo;
  const localRemote = pathPair(detail, " Local: ", " Remote: ", 2);
  if (localRemote) return localRemote;
  const remoteLocal = pathPair(detail, " Remote: ", " Local: ", 1);
  if (remoteLocal) return remoteLocal;
  if (knownPath) {
    for (const separator of PATH_SEPARATORS) {
      if (detail.endsWith(separator + knownPath)) {
        // "No such file: /p" ends with " /p" too: the colon goes, as below.
        const text = detail.slice(0, -(separator.length + knownPath.length));
        return { text: withoutTrailingColon(text), path: knownPath };
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

/** What a library puts between the text and a path it appends. */
const PATH_SEPARATORS = [" ", ": ", "  "] as const;

/** "text: " → "text": trailing spaces, then one colon. */
function withoutTrailingColon(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  if (end > 0 && text.charCodeAt(end - 1) === 58) end--;
  return text.slice(0, end);
}

/** "text<first>one<second>two": the text, and the remote path (the `remote`th of the two). */
function pathPair(detail: string, first: string, second: string, remote: 1 | 2) {
  const a = detail.indexOf(first);
  const b = a < 0 ? -1 : detail.indexOf(second, a + first.length);
  if (b < 0) return undefined;
  const path = remote === 1 ? detail.slice(a + first.length, b) : detail.slice(b + second.length);
  return { text: detail.slice(0, a), path };
}
