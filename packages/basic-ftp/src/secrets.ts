/** TLS options that hold key material or unlock it. */
const SECRET_TLS_OPTIONS = ["passphrase", "key", "pfx"] as const;

function pushSecret(into: unknown[], value: unknown): void {
  if (typeof value === "string" && value !== "") into.push(value);
  else if (value instanceof Uint8Array) into.push(value);
  else if (Array.isArray(value)) for (const item of value) pushSecret(into, item);
  else if (typeof value === "object" && value !== null) {
    // { pem, passphrase } entries of `key` / `pfx`
    pushSecret(into, (value as { pem?: unknown }).pem);
    pushSecret(into, (value as { buf?: unknown }).buf);
    pushSecret(into, (value as { passphrase?: unknown }).passphrase);
  }
}

/**
 * What must never appear in an error: the password, and the key material of TLS options
 * (`passphrase`, `key`, `pfx`).
 */
export function secretsOf(password: unknown, tlsOptions: unknown): unknown[] {
  const found: unknown[] = [];
  try {
    pushSecret(found, password);
    if (typeof tlsOptions === "object" && tlsOptions !== null) {
      const tls = tlsOptions as Record<string, unknown>;
      for (const key of SECRET_TLS_OPTIONS) pushSecret(found, tls[key]);
    }
  } catch {
    // a hostile options object: what was read so far is kept
  }
  return found;
}
