// The key material in TLS options (Node's tls.connect options), which no error may show.
import { secretsOf } from "./secrets.js";

/** The secrets of `tls` options: its `passphrase`, `key` and `pfx`. Never throws. */
export function tlsSecretsOf(tls: unknown): unknown[] {
  if (typeof tls !== "object" || tls === null) return [];
  try {
    const o = tls as Record<string, unknown>;
    return secretsOf(o.passphrase, o.key, o.pfx);
  } catch {
    return [];
  }
}
