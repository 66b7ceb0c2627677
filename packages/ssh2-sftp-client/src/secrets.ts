// The parts of a connect config that must never reach an error, a message or toJSON().

const SECRET_KEYS = ["password", "passphrase", "privateKey"] as const;

/** The password, passphrase and private key of a connect config, as the core's redaction takes them. */
export function secretsOf(config: unknown): string[] {
  if (typeof config !== "object" || config === null) return [];
  const out: string[] = [];
  for (const key of SECRET_KEYS) {
    let value: unknown;
    try {
      value = (config as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    const text =
      typeof value === "string"
        ? value
        : value instanceof Uint8Array
          ? Buffer.from(value).toString("utf8")
          : undefined;
    if (!text) continue;
    out.push(text);
    // A key can surface in pieces (one line of its base64 body in a parse error): keep each line out too.
    if (key === "privateKey") {
      for (const line of text.split(/\r?\n/)) if (line.trim().length >= 16) out.push(line.trim());
    }
  }
  return out;
}
