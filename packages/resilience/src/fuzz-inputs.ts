// fast-check generators for the fuzz tests: errors of every shape the client libraries throw,
// hostile values, and secrets planted where a careless error path would copy them out.
import fc from "fast-check";

/**
 * A secret: long and random enough that no other text of the output contains it by chance, and
 * made of characters every redaction rule treats as part of a word.
 */
export const secretArb = fc.stringMatching(/^[A-Za-z0-9]{12,24}$/).map((body) => `Sx${body}`);

/** Where a secret is planted in an error's text. */
export const plantings = [
  "url-password",
  "url-user",
  "key-value",
  "json-field",
  "ftp-pass",
  "pem",
] as const;
export type Planting = (typeof plantings)[number];

/** A line that carries `secret` the way real error texts do. */
export function plant(secret: string, where: Planting): string {
  switch (where) {
    case "url-password":
      return `connect to ftp://deploy:${secret}@files.example.com:21/in failed`;
    case "url-user":
      return `sftp://${secret}:x@10.0.0.7/upload refused`;
    case "key-value":
      return `login failed (password=${secret})`;
    case "json-field":
      return `bad config {"passphrase": "${secret}", "host": "h"}`;
    case "ftp-pass":
      // A transcript line (the core leaves "USER and PASS" mid-sentence readable on purpose).
      return `unexpected reply after\n> PASS ${secret}`;
    case "pem":
      return `cannot parse privateKey: -----BEGIN OPENSSH PRIVATE KEY-----\n${secret}\n-----END OPENSSH PRIVATE KEY-----`;
  }
}

export interface PlantedError {
  error: unknown;
  secret: string;
  /** How the secret was planted, for a failing run's report. */
  how: string;
}

/** An Error (or error-like object) with the secret planted in its message, a cause, or a config. */
export const plantedErrorArb: fc.Arbitrary<PlantedError> = fc
  .record({
    secret: secretArb,
    where: fc.constantFrom(...plantings),
    site: fc.constantFrom("message", "cause", "deep-cause", "config+message"),
    code: fc.oneof(
      fc.constantFrom(530, 550, 421, 2, 4, "ECONNRESET", "ERR_GENERIC_CLIENT", undefined),
      fc.integer({ min: -5, max: 1000 }),
    ),
    name: fc.constantFrom("Error", "FTPError", "TypeError"),
    prefix: fc.string({ maxLength: 40 }),
    plain: fc.boolean(),
  })
  .map(({ secret, where, site, code, name, prefix, plain: plainObject }) => {
    const line = `${prefix} ${plant(secret, where)}`;
    const make = (message: string): Record<string, unknown> => {
      const base: Record<string, unknown> = plainObject
        ? { message }
        : (new Error(message) as unknown as Record<string, unknown>);
      base.name = name;
      if (code !== undefined) base.code = code;
      return base;
    };
    let error: Record<string, unknown>;
    if (site === "message") error = make(line);
    else if (site === "cause") error = { ...make("operation failed"), cause: make(line) };
    else if (site === "deep-cause") {
      error = make("operation failed");
      error.cause = { message: "one level down", cause: make(line) };
    } else {
      // A client config hanging off the error, as some libraries attach it, and the password
      // also echoed in the message.
      error = make(line);
      error.config = { host: "h", password: secret, passphrase: secret, privateKey: secret };
    }
    return { error, secret, how: `${where} in ${site}` };
  });

/** Everything that is not an error at all, and errors with fields of the wrong types. */
export const hostileArb = fc.oneof(
  fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true }),
  fc.record(
    {
      code: fc.anything(),
      message: fc.anything(),
      name: fc.anything(),
      level: fc.anything(),
      description: fc.anything(),
      cause: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(undefined, null, Number.NaN, 0, -0, "", Symbol("s")),
);

/** The texts of a TransferError that a user may log or show. */
export function visibleTexts(error: {
  message: string;
  explanation?: string;
  serverMessage?: string | undefined;
  stack?: string | undefined;
  retry?: { why?: string };
  toJSON?: () => unknown;
}): string {
  return [
    error.message,
    error.explanation,
    error.serverMessage,
    error.stack,
    error.retry?.why,
    String(error),
    JSON.stringify(error),
  ].join("\n");
}
