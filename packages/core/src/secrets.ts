// What must never reach an error: the values of a connection's credentials, read from options.

/**
 * Every secret in `values`: strings, bytes, arrays, and `{ pem, buf, passphrase }` entries (the
 * TLS `key`/`pfx` forms). A PEM key can surface in pieces (one line of its body in a parse
 * error), so each of its lines counts as a secret too. Never throws.
 */
export function secretsOf(...values: unknown[]): unknown[] {
  const found: unknown[] = [];
  for (const value of values) {
    try {
      collect(found, value, 0);
    } catch {
      // a hostile options object: what was read so far is kept
    }
  }
  return found;
}

function collect(into: unknown[], value: unknown, depth: number): void {
  if (depth > 4) return;
  if (typeof value === "string") {
    if (value !== "") addText(into, value);
  } else if (value instanceof Uint8Array) {
    into.push(value);
    addText(into, new TextDecoder().decode(value), false);
  } else if (Array.isArray(value)) {
    for (const item of value.slice(0, 64)) collect(into, item, depth + 1);
  } else if (typeof value === "object" && value !== null) {
    for (const key of ["pem", "buf", "passphrase"]) {
      collect(into, (value as Record<string, unknown>)[key], depth + 1);
    }
  }
}

function addText(into: unknown[], text: string, whole = true): void {
  if (whole) into.push(text);
  if (!text.includes("-----BEGIN")) return;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= 16 && !trimmed.startsWith("-----")) into.push(trimmed);
  }
}
