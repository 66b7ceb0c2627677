// The secrets of an FTP connect call's options: the password and the TLS options' key material.
import { safeGet } from "./safe.js";
import { secretsOf } from "./secrets.js";
import { tlsSecretsOf } from "./tls-secrets.js";

/** `options.password` and the secrets of `options[tlsKey]` (`secureOptions`); never throws. */
export function loginSecrets(options: unknown, tlsKey = "secureOptions"): unknown[] {
  return [...secretsOf(safeGet(options, "password")), ...tlsSecretsOf(safeGet(options, tlsKey))];
}
