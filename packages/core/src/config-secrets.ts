import { safeGet } from "./safe.js";
import { secretsOf } from "./secrets.js";

/**
 * The secrets among a connect config's `keys` (by default an SSH config's password, passphrase
 * and private key), each line of a PEM key too; read safely from any value.
 */
export function secretsIn(
  config: unknown,
  keys: readonly string[] = ["password", "passphrase", "privateKey"],
): unknown[] {
  return secretsOf(...keys.map((key) => safeGet(config, key)));
}
