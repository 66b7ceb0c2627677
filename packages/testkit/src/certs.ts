// A self-signed certificate made at setup: nothing secret is kept in the repository, and every
// run has its own key.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

export interface SelfSignedCert {
  certPath: string;
  keyPath: string;
  /** The certificate in PEM form, to pass as `ca` to a client that should trust it. */
  certPem: string;
}

export interface CertOptions {
  commonName?: string;
  /** subjectAltName entries, e.g. `["DNS:localhost", "IP:127.0.0.1"]`. */
  altNames?: readonly string[];
  days?: number;
}

/** True when the `openssl` command is there to make a certificate. */
export function hasOpenssl(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Writes `<name>.crt` and `<name>.key` (RSA 2048, no passphrase) into `dir`. */
export function makeSelfSignedCert(
  dir: string,
  name = "server",
  options: CertOptions = {},
): SelfSignedCert {
  const certPath = join(dir, `${name}.crt`);
  const keyPath = join(dir, `${name}.key`);
  const altNames = options.altNames ?? ["DNS:localhost", "IP:127.0.0.1"];
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      String(options.days ?? 2),
      "-subj",
      `/CN=${options.commonName ?? "localhost"}`,
      "-addext",
      `subjectAltName=${altNames.join(",")}`,
      "-keyout",
      keyPath,
      "-out",
      certPath,
    ],
    { stdio: "ignore" },
  );
  return { certPath, keyPath, certPem: readFileSync(certPath, "utf8") };
}
