// The bugs this suite found in other packages, reported and not fixed here (others own that code).
// Each one has its own failing test (test/fuzz-known-bugs.test.ts) that reproduces it exactly;
// the general properties tolerate a finding only when one of these describes it precisely, so
// that every other leak or throw still fails them. When a bug is fixed, its test passes: then
// remove its entry here, and the properties check that case again.
import type { FuzzCase } from "./fuzz-inputs.ts";

export interface KnownBug {
  id: string;
  /** The file the fix belongs in. */
  where: string;
  summary: string;
  /** Whether this bug explains what `entry` did with `c`: a leak on `surface`, or a throw. */
  explains(finding: Finding): boolean;
  /** Whether it makes `entry` super-linear on the text shape named `shape` (then not timed). */
  slows?(entry: string, shape: string): boolean;
}

export interface Finding {
  entry: string;
  c: FuzzCase;
  kind: "leak" | "throw";
  /** The surface that leaked or threw; undefined for a throw of the call itself. */
  surface: string | undefined;
  /** The credential that leaked. */
  secret?: string;
}

/** Entry points whose text goes through basic-ftp's reader (directly or as the normalize). */
function viaBasicFtp(entry: string): boolean {
  return (
    entry.startsWith("@transfer-errors/basic-ftp ") ||
    entry.startsWith("@transfer-errors/integrations") ||
    entry.startsWith("cli ") ||
    entry === "@transfer-errors/core/adapter DeadlineExceeded" ||
    entry === "@transfer-errors/core/adapter bindAdapter"
  );
}

/** Surfaces that show toJSON()'s cause summary. */
const causeSummarySurfaces = new Set([
  "JSON.stringify",
  "util.inspect",
  "util.inspect depth Infinity",
  "pino default err serializer",
  "pino @transfer-errors/integrations/pino",
]);

const PINO_DEFAULT = "pino default err serializer";

export const knownBugs: readonly KnownBug[] = [
  {
    id: "core-redact-compound-keys",
    where: "packages/core/src/redact.ts (the key=value rule)",
    summary:
      "A credential under a compound key name is not masked: FTP_PASSWORD=..., ftpPassword=..., db_password=..., SFTP_PASSPHRASE=..., userPassword=... (the rule wants a word boundary before pass/secret/token, and _ or a letter is none).",
    explains: (f) => f.c.form === "key-value-compound",
  },
  {
    id: "core-redact-long-values",
    where: "packages/core/src/redact.ts (the key=value and PASS rules)",
    summary:
      "A token after key= or PASS longer than 1024 characters is masked for its first 1024 only; the rest shows (token=<1500 chars> becomes token=***<the last 476>).",
    explains: (f) =>
      (f.c.form === "key-value-long-token" || f.c.form === "pass-long") &&
      (f.secret?.length ?? 0) > 1024,
  },
  {
    id: "core-code-not-redacted",
    where: "packages/core/src/error.ts (validCode), classify.ts (subjectOf)",
    summary:
      'A string `code` is shown as it is: in message ("FTP <code>: ..."), `code`, retry.why, toJSON and every log line, and in OpenTelemetry\'s transfer_errors.code. A code holding a URL with credentials or a PASS line shows them.',
    explains: (f) => f.c.site === "code",
  },
  {
    id: "core-cause-name-not-redacted",
    where: "packages/core/src/error.ts (causeSummary)",
    summary:
      "toJSON().cause.name (and so JSON, util.inspect and the log line of the pino integration) is the cause's `name` unredacted.",
    explains: (f) => f.c.site === "name" && causeSummarySurfaces.has(f.surface ?? ""),
  },
  {
    id: "core-shown-cause-accessors",
    where: "packages/core/src/shown-cause.ts",
    summary:
      "TransferError.cause is the original error, unredacted, when its message is an accessor (a getter), inherited from its prototype, or an own property after the 64th, or when its `cause` is a function (VError style, which pino calls): pino's default err serializer prints the secret. And it keeps values that pino's default serializer cannot read (throwing getters, function proxies, a function cause that throws): logger.error throws.",
    explains: (f) =>
      f.surface === PINO_DEFAULT &&
      (f.kind === "throw"
        ? f.c.hostile === true
        : ["message-getter", "inherited-message", "after-many-keys", "function-cause"].includes(
            f.c.site ?? "",
          )),
  },
  {
    id: "basic-ftp-pass-line-joined",
    where: "packages/basic-ftp/src/read-error.ts (oneLine)",
    summary:
      "basic-ftp's reader joins a message's lines before the core redacts it, so a transcript line \"\\nPASS <password>\" becomes \" PASS <password>\", which the core's PASS rule (line start, '> ' or a reply code before it) no longer masks.",
    explains: (f) =>
      f.c.form === "pass-on-its-line" && /\r?\nPASS /.test(f.c.text) && viaBasicFtp(f.entry),
  },
  {
    id: "integrations-pino-serializer-throws",
    where: "packages/integrations/src/pino.ts (plain)",
    summary:
      "errSerializer / transferErrSerializer() throw on a logged value they cannot read (a revoked Proxy, a throwing `name` getter): `value instanceof Error` and `value.name` are unguarded, so logger.error throws.",
    explains: (f) =>
      f.kind === "throw" &&
      f.surface === undefined &&
      f.c.hostile === true &&
      f.entry.startsWith("@transfer-errors/integrations/pino "),
  },
  {
    id: "integrations-async-retry-bail-throws",
    where: "packages/integrations/src/async-retry.ts (bailOnPermanent)",
    summary:
      "bailOnPermanent neither bails nor rethrows the failure when it is a value String() cannot convert (Object.create(null), a revoked Proxy): `new Error(String(error))` throws a TypeError, which async-retry then retries.",
    explains: (f) =>
      f.kind === "throw" &&
      f.c.hostile === true &&
      f.entry === "@transfer-errors/integrations/async-retry bailOnPermanent",
  },
  {
    id: "integrations-temporal-revoked-proxy",
    where: "packages/integrations/src/temporal.ts (toApplicationFailure)",
    summary:
      "toApplicationFailure throws on a revoked Proxy: `error instanceof ApplicationFailure` is unguarded.",
    explains: (f) =>
      f.kind === "throw" &&
      f.surface === undefined &&
      f.c.hostile === true &&
      f.entry.startsWith("@transfer-errors/integrations/temporal "),
  },
  {
    id: "core-failure-fields-throw",
    where: "packages/core/src/classify.ts (decide: cacheKey, serverDelayMs), error.ts (sanitize)",
    summary:
      "decide() and classify(), documented to never throw on a Failure's shape, throw on fields of the wrong type (a Symbol or prototype-less object as `code`, a number as `serverMessage`, a Proxy as `traits` or `catalog`), and so does `new TransferError(failure)` (a revoked Proxy as `signals`). createTransferError catches it. Related: `codeSpace` is not checked against the CodeSpace values, so any text given there is kept as an own enumerable field, which pino's default serializer prints. The properties give these entry points typed Failures; the known-bug test gives them these.",
    explains: () => false,
  },
  {
    id: "core-fallback-drops-secrets",
    where: "packages/core/src/error.ts (createTransferError's catch)",
    summary:
      "When making the error throws inside (a Failure field of the wrong shape, e.g. `rules: [\"x\"]`), createTransferError's fallback makes `new TransferError({ protocol, cause })` without the Failure's `secrets`: a password the caller named and the cause echoes shows in toJSON().cause.message, util.inspect and the log lines.",
    explains: () => false,
  },
  {
    id: "core-redact-url-quadratic",
    where: "packages/core/src/redact.ts (maskUrlCredentials)",
    summary:
      "Quadratic: for each URL start, text.lastIndexOf('@', end - 1) scans back to the start of the text when the URL has no '@'. 1 MB of \"ftp://x \" costs about 20 s of CPU in every entry point (all of them redact). Found by the linear-cost test; the fix is to look for '@' between the URL's start and its end only.",
    explains: () => false,
    slows: (_entry, shape) => shape === "URL starts without credentials",
  },
];

/** The known bug that makes `entry` super-linear on `shape`, if one does. */
export function knownSlowness(entry: string, shape: string): KnownBug | undefined {
  return knownBugs.find((bug) => bug.slows?.(entry, shape));
}

/** The known bug that explains a finding, if one does. */
export function knownBugOf(finding: Finding): KnownBug | undefined {
  return knownBugs.find((bug) => bug.explains(finding));
}
