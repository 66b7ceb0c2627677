// The bugs this suite found in other packages (others own that code), each with a test that
// reproduces it exactly (test/fuzz-known-bugs.test.ts). An OPEN one: its test fails until it is
// fixed where `where` says, and the general properties tolerate a finding only when it describes
// the finding precisely, so that every other leak or throw still fails them. A FIXED one: its test
// is a regression test, and it explains nothing any more (the properties check its cases again).
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
  /** Fixed where it was found (the commit): it tolerates nothing any more. */
  fixed?: string;
}

export interface Finding {
  entry: string;
  c: FuzzCase;
  kind: "leak" | "throw";
  /** The surface that leaked or threw; undefined for a throw of the call itself. */
  surface: string | undefined;
  /** The credential that leaked. */
  secret?: string;
  /** What was thrown. */
  thrown?: unknown;
}

function messageOf(thrown: unknown): string {
  try {
    return thrown instanceof Error ? thrown.message : "";
  } catch {
    return "";
  }
}

/** Entry points whose text goes through basic-ftp's reader (directly or as the normalize). */
function viaBasicFtp(entry: string): boolean {
  return (
    entry.startsWith("@transfer-errors/basic-ftp ") ||
    entry.startsWith("@transfer-errors/integrations") ||
    entry.startsWith("cli ") ||
    [
      "ConnectionLoss",
      "DeadlineExceeded",
      "bindAdapter",
      "ShortTransfer",
      "WrongProtocol",
      "shortfall",
      "watchGreeting",
    ].some((name) => entry === `@transfer-errors/core/adapter ${name}`)
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
    fixed: "1a70fa1",
    where: "packages/core/src/redact.ts (the key=value rule)",
    summary:
      "A credential under a compound key name is not masked: FTP_PASSWORD=..., ftpPassword=..., db_password=..., SFTP_PASSPHRASE=..., userPassword=... (the rule wants a word boundary before pass/secret/token, and _ or a letter is none).",
    explains: (f) => f.c.form === "key-value-compound",
  },
  {
    id: "core-redact-long-values",
    fixed: "1a70fa1",
    where: "packages/core/src/redact.ts (the key=value and PASS rules)",
    summary:
      "A token after key= or PASS longer than 1024 characters is masked for its first 1024 only; the rest shows (token=<1500 chars> becomes token=***<the last 476>).",
    explains: (f) =>
      (f.c.form === "key-value-long-token" || f.c.form === "pass-long") &&
      (f.secret?.length ?? 0) > 1024,
  },
  {
    id: "core-code-not-redacted",
    fixed: "1a70fa1",
    where: "packages/core/src/error.ts (validCode), classify.ts (subjectOf)",
    summary:
      'A string `code` is shown as it is: in message ("FTP <code>: ..."), `code`, retry.why, toJSON and every log line, and in OpenTelemetry\'s transfer_errors.code. A code holding a URL with credentials or a PASS line shows them.',
    explains: (f) => f.c.site === "code",
  },
  {
    id: "core-cause-name-not-redacted",
    fixed: "1a70fa1",
    where: "packages/core/src/error.ts (causeSummary)",
    summary:
      "toJSON().cause.name (and so JSON, util.inspect and the log line of the pino integration) is the cause's `name` unredacted.",
    explains: (f) => f.c.site === "name" && causeSummarySurfaces.has(f.surface ?? ""),
  },
  {
    id: "core-shown-cause-accessors",
    fixed: "1a70fa1, 2908673",
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
    id: "core-shown-cause-broken-copy",
    fixed: "1a70fa1, 2908673",
    where: "packages/core/src/shown-cause.ts (safeCopy of a TransferError)",
    summary:
      "When a TransferError's cause is another TransferError whose texts the outer one redacts further (a secret the outer knows and the inner did not, or the unmasked tail of a long token), `cause` is a copy made with Object.create(TransferError.prototype) without its private fields: its cause, explanation, toJSON and util.inspect throw ('Cannot read private member #cause'), and so do pino's default err serializer and JSON.stringify(err.cause). The wrappers make such chains: a call refused after a lost connection has the loss as its cause.",
    explains: (f) =>
      f.kind === "throw" &&
      f.surface === PINO_DEFAULT &&
      messageOf(f.thrown).startsWith("Cannot read private member"),
  },
  {
    id: "basic-ftp-pass-line-joined",
    fixed: "2908673",
    where: "packages/basic-ftp/src/read-error.ts (oneLine)",
    summary:
      "basic-ftp's reader joins a message's lines before the core redacts it, so a transcript line \"\\nPASS <password>\" becomes \" PASS <password>\", which the core's PASS rule (line start, '> ' or a reply code before it) no longer masks.",
    explains: (f) =>
      f.c.form === "pass-on-its-line" && /\r?\nPASS /.test(f.c.text) && viaBasicFtp(f.entry),
  },
  {
    id: "core-greeting-cut-before-redaction",
    fixed: "1a70fa1",
    where: "packages/core/src/peer-greeting.ts (watchGreeting, WrongProtocol's firstLine)",
    summary:
      "watchGreeting cuts the server's first line to 100 characters (255 without a line end) before anything redacts it: a URL with credentials across the cut loses its '@host', and the URL rule, which masks up to the last '@', then shows the head of the password (or, with an '@' in the password, what follows it); a password the wrapper knows, cut, no longer matches and shows its head.",
    explains: (f) => {
      if (
        f.entry !== "@transfer-errors/core/adapter watchGreeting" &&
        f.entry !== "@transfer-errors/core/adapter WrongProtocol"
      ) {
        return false;
      }
      // The line is cut at 100 characters ("SSH-2.0-" and the case's text): a credential reaching
      // past the cut is cut too (a named password no longer matches; a URL loses its '@host').
      const at = f.c.text.indexOf(f.secret ?? "\u0000");
      const end =
        at < 0 ? Number.POSITIVE_INFINITY : at + (f.secret?.length ?? 0) + "SSH-2.0-".length;
      return end > 100 || (f.c.form?.startsWith("url-") ?? false);
    },
  },
  {
    id: "ftp-promise-falsy-rejection-resolves",
    fixed: "014d609",
    where: "packages/ftp/src/wrap-client.ts (wrapPromise, track)",
    summary:
      "A promise-ftp call that rejects with a falsy value other than null or undefined (0, '', false, NaN) RESOLVES through wrapClient: the rejection handler passes the value to track()'s done(), which reads a falsy error as success (node-ftp's callback convention). A failed call is reported as a success, with undefined.",
    explains: (f) =>
      f.kind === "throw" &&
      f.surface === undefined &&
      f.entry === "@transfer-errors/ftp wrapClient" &&
      f.c.hostile === true &&
      !f.c.value &&
      f.c.value !== null &&
      f.c.value !== undefined,
  },
  {
    id: "cli-diagnose-url-message",
    fixed: "014d609",
    where: "apps/cli/src/diagnose/target.ts (readTarget's 'is not a URL' message)",
    summary:
      "diagnose prints a URL it cannot parse after removing what precedes its FIRST '@' (/\\/\\/[^@/]*@/): with an '@' in the password the rest of it stays, and the core's URL rule does not mask it when the password also holds a quote (which ends a URL for the rule) or a '/' after that '@' (the message then reads 'ftp:///@...', which the rule skips as an empty authority, like file:///). Masking up to the argument's last '@' before quoting it would hold.",
    explains: (f) =>
      f.entry === "cli diagnose" &&
      f.kind === "leak" &&
      /@/.test(f.secret ?? "") &&
      /["'<>`/]/.test(f.secret ?? ""),
  },
  {
    id: "integrations-pino-serializer-throws",
    fixed: "014d609",
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
    fixed: "014d609",
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
    fixed: "014d609, 2908673",
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
    fixed: "1a70fa1",
    where: "packages/core/src/classify.ts (decide: cacheKey, serverDelayMs), error.ts (sanitize)",
    summary:
      "decide() and classify(), documented to never throw on a Failure's shape, throw on fields of the wrong type (a Symbol or prototype-less object as `code`, a number as `serverMessage`, a Proxy as `traits` or `catalog`), and so does `new TransferError(failure)` (a revoked Proxy as `signals`). createTransferError catches it. Related: `codeSpace` is not checked against the CodeSpace values, so any text given there is kept as an own enumerable field, which pino's default serializer prints. The properties give these entry points typed Failures; the known-bug test gives them these.",
    explains: () => false,
  },
  {
    id: "core-fallback-drops-secrets",
    fixed: "1a70fa1",
    where: "packages/core/src/error.ts (createTransferError's catch)",
    summary:
      "When making the error throws inside (a Failure field of the wrong shape, e.g. `rules: [\"x\"]`), createTransferError's fallback makes `new TransferError({ protocol, cause })` without the Failure's `secrets`: a password the caller named and the cause echoes shows in toJSON().cause.message, util.inspect and the log lines.",
    explains: () => false,
  },
  {
    id: "core-redact-url-quadratic",
    fixed: "1a70fa1",
    where: "packages/core/src/redact.ts (maskUrlCredentials)",
    summary:
      "Quadratic: for each URL start, text.lastIndexOf('@', end - 1) scans back to the start of the text when the URL has no '@'. 1 MB of \"ftp://x \" costs about 20 s of CPU in every entry point (all of them redact). Found by the linear-cost test; the fix is to look for '@' between the URL's start and its end only.",
    explains: () => false,
    slows: (_entry, shape) => shape === "URL starts without credentials",
  },
  // Found once the fixes above were in; fixed since.
  {
    id: "core-classify-why-names-code",
    fixed: "db8cd5e",
    where: "packages/core/src/classify.ts (subjectOf)",
    summary:
      'classify() (exported by /adapter and /registry) quotes a string code as it came in retry.why ("FTP error <code> is unknown ..."): a code holding a URL with credentials, a PASS line or a key shows them. TransferError now redacts the why it keeps; a direct caller of classify gets it raw, although the Failure it is given names its secrets.',
    explains: (f) =>
      f.c.site === "code" &&
      (f.entry === "@transfer-errors/core/adapter classify" ||
        f.entry === "@transfer-errors/core/registry classify"),
  },
  {
    id: "core-greeting-named-secret-cut",
    fixed: "9ca3c6f (watchGreeting takes the connection's secrets)",
    where: "packages/core/src/peer-greeting.ts (watchGreeting's shortLine)",
    summary:
      "watchGreeting now redacts the first line before it cuts it at 100 characters, but with the patterns only: a password only the wrapper knows (not in a form a pattern sees), echoed in a server's first line across the 100th character, is cut, and the adapter, which knows it, no longer finds the whole of it: its head (10 characters or more) shows. watchGreeting would need the connection's secrets.",
    explains: (f) => {
      if (
        f.entry !== "@transfer-errors/core/adapter watchGreeting" &&
        f.entry !== "@transfer-errors/core/adapter WrongProtocol"
      ) {
        return false;
      }
      if (f.c.known.length === 0 || f.secret === undefined) return false;
      const at = f.c.text.indexOf(f.secret);
      return at >= 0 && at + f.secret.length + "SSH-2.0-".length > 100;
    },
  },
  {
    id: "core-shown-cause-function",
    fixed: "db8cd5e",
    where: "packages/core/src/shown-cause.ts",
    summary:
      "TransferError.cause was still what pino's default err serializer cannot read when the thrown value itself is a function (a class, a function Proxy): pino calls a function cause, VError style, and it throws, so logger.error({ err }) threw.",
    explains: (f) => f.kind === "throw" && f.surface === PINO_DEFAULT && f.c.hostile === true,
  },
  {
    id: "core-shown-cause-proxy-stack",
    fixed: "754e551",
    where: "packages/core/src/shown-cause.ts",
    summary:
      "An error whose `stack` is not a string but a Proxy (whose traps throw) is kept as TransferError.cause as it is: pino's default err serializer concatenates the cause's stack to its own (stack + '\\ncaused by: ' + ...), the Proxy's Symbol.toPrimitive trap throws, and so does logger.error({ err }). The shown cause could keep a stack only when it is a string.",
    explains: (f) =>
      f.kind === "throw" && f.surface === PINO_DEFAULT && f.c.how.includes("stack is a proxy"),
  },
];

/** The open bug that makes `entry` super-linear on `shape`, if one does. */
export function knownSlowness(entry: string, shape: string): KnownBug | undefined {
  return knownBugs.find((bug) => !bug.fixed && bug.slows?.(entry, shape));
}

/** The open bug that explains a finding, if one does. */
export function knownBugOf(finding: Finding): KnownBug | undefined {
  return knownBugs.find((bug) => !bug.fixed && bug.explains(finding));
}
