// Nothing a user typed as a secret may reach a message, an explanation, toJSON() or a log line.
// The patterns are bounded so that a megabyte of text costs linear time.

const MASK = "***";

const rules: readonly [RegExp, string][] = [
  // PEM private keys, whole (or to the end when the END line was cut off).
  [
    /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----(?:[\s\S]{0,16384}?-----END [A-Z0-9 ]{0,40}PRIVATE KEY-----|[\s\S]*)/g,
    "[private key redacted]",
  ],
  // key=value and "key": "value" forms of the usual names.
  [
    // A compound name (FTP_PASSWORD, ftpPassword, db_password) too; a value of any length.
    /\b([\w-]{0,30}?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|private[_-]?key|client[_-]?secret))(["']?\s{0,4}[:=]\s{0,4}["']?)(?!\*\*\*)[^\s"',;&}]+/gi,
    `$1$2${MASK}`,
  ],
  // An FTP PASS command echoed in a log or message: at the start of a line, after a "> " prompt
  // or a reply code, so that a server's "log in with USER and PASS first" stays readable.
  [/(^|\n|> ?|\b\d{3}[ -])PASS \S+/g, `$1PASS ${MASK}`],
];

/** Shared: most texts are redacted without secrets, and this runs for each of them. */
const NO_SECRETS: readonly string[] = [];

function secretList(secrets: readonly unknown[] | undefined): readonly string[] {
  if (!secrets || secrets.length === 0) return NO_SECRETS;
  const out: string[] = [];
  for (const s of secrets) {
    // Very short strings would mask every occurrence of a letter; they are not worth the noise.
    if (typeof s === "string" && s.length >= 3) out.push(s);
    else if (s instanceof Uint8Array && s.length >= 3 && s.length <= 65536) {
      try {
        out.push(new TextDecoder().decode(s));
      } catch {
        // not text: it cannot appear in text either
      }
    }
  }
  // Longest first, so a secret that contains another is masked whole.
  return out.sort((a, b) => b.length - a.length);
}

/**
 * One pass that tells whether any rule could match: most texts ("550 No such file") have nothing
 * to mask, and wrapping an error is on the caller's error path, so they skip the rules.
 */
const mayHoldSecret = /:\/\/|PRIVATE KEY|pass|pwd|secret|token|key/i;

const URL_START = /\b[a-z][a-z0-9+.-]{0,30}:\/\//gi;

/**
 * The credentials part of every URL: scheme://user:password@host → scheme://***@host. A password
 * may hold an unencoded "@", "/", "?" or "#" (`new URL()` takes them), so the credentials end at
 * the last "@" before the URL ends (white space or a quote), however long they are. A scan, not
 * a pattern: linear in the text.
 */
function maskUrlCredentials(text: string): string {
  let out = "";
  let from = 0;
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(text); m; m = URL_START.exec(text)) {
    const start = m.index + m[0].length;
    // "file:///a/@scope+pkg@1.0/x" (a stack's frames): an empty authority holds no credentials.
    if (start < from || text.charAt(start) === "/") continue;
    // One pass over the URL finds its end and its last "@" (a lastIndexOf from the end would
    // scan back over the whole text for every URL without one).
    let end = start;
    let at = -1;
    for (; end < text.length && !/[\s"'<>`]/.test(text.charAt(end)); end++) {
      if (text.charCodeAt(end) === 64) at = end;
    }
    if (at >= start) {
      out += `${text.slice(from, start)}${MASK}`;
      from = at;
    }
    URL_START.lastIndex = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `text` with known secrets, URL credentials, passwords and private keys masked. Never throws. */
export function redact(text: string, secrets?: readonly unknown[]): string {
  let out = text;
  try {
    for (const secret of secretList(secrets)) {
      if (out.includes(secret)) out = out.split(secret).join(MASK);
    }
    if (!mayHoldSecret.test(out)) return out;
    if (out.includes("://")) out = maskUrlCredentials(out);
    for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  } catch {
    return "[text withheld: it could not be redacted]";
  }
  return out;
}
