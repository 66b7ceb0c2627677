// ssh2-sftp-client rebuilds almost every error as `${method}: ${inner message} ${path}`, with
// prefixes that nest ("mkdir: _doMkdir: ...", "fastGet->sftp: ...", "put: Re-thrown: _put: ...").
// These functions take such a message apart: the method names, the text, the remote path.

export interface MessageParts {
  /** The method names in front, outermost first (`["mkdir", "_doMkdir"]`). */
  prefixes: string[];
  /** What follows the prefixes: the inner message, often with the path(s) at its end. */
  detail: string;
}

// `name: ` or `name->`: an identifier, as the library's method names are. Texts with spaces
// ("Bad path: ", "Handshake failed: ") are never prefixes.
const PREFIX = /^([A-Za-z_$][\w$]{0,40})(?::\s|->)/;
// Phrases the library puts between prefixes; the next prefix follows them.
const CONNECTORS = [
  "Re-thrown: ",
  "Write stream error: ",
  "Read stream error: ",
  "Remote host has reset the connection: ",
] as const;

/** Splits the prefixes off a message. */
export function parseMessage(message: string): MessageParts {
  const prefixes: string[] = [];
  let rest = message;
  for (let guard = 0; guard < 12; guard++) {
    const match = PREFIX.exec(rest);
    if (match) {
      prefixes.push(match[1]!);
      rest = rest.slice(match[0].length);
      continue;
    }
    const connector = CONNECTORS.find((c) => rest.startsWith(c));
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
 * Separates the text from the path(s) the library appended: "Failure From: /a To: /b",
 * "Failure Local: /l Remote: /r", "Permission denied Remote: /r Local: /l", "No such file /p",
 * "No such file: /p". A path known from the call is cut off exactly; otherwise the last " /"
 * starts the path.
 */
export function splitTextAndPath(detail: string, knownPath?: string): TextAndPath {
  const fromTo = /^(.*?) From: (.*?) To: (.*)$/s.exec(detail);
  if (fromTo) return { text: fromTo[1]!, path: fromTo[2]! };
  const localRemote = /^(.*?) Local: (.*?) Remote: (.*)$/s.exec(detail);
  if (localRemote) return { text: localRemote[1]!, path: localRemote[3]! };
  const remoteLocal = /^(.*?) Remote: (.*?) Local: (.*)$/s.exec(detail);
  if (remoteLocal) return { text: remoteLocal[1]!, path: remoteLocal[2]! };
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
  // The library appends the path last, and a server's own text may name paths too ("mkdir
  // /srv/in: file exists"): the path is what follows the last " /".
  const at = detail.lastIndexOf(" /");
  if (at > 0) return { text: detail.slice(0, at).replace(/:? *$/, ""), path: detail.slice(at + 1) };
  return { text: detail, path: undefined };
}
