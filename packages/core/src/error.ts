import { transferErrorBrand } from "./brand.js";
import { type Classification, classify } from "./classify.js";
import { codeNameOf } from "./code-name.js";
import type { CodeName } from "./code-names.js";
import type { CodeSpace, Failure } from "./failure.js";
import { reasonTexts } from "./reason-texts.js";
import { isReason, type Reason } from "./reasons.js";
import { redact } from "./redact.js";
import type { AttemptRecord } from "./retry.js";
import { readErrorShape, safeGet, safeText } from "./safe.js";
import { greetingLine } from "./server-greeting.js";
import { shownCause } from "./shown-cause.js";
import { stackBack, stackOff } from "./stack-start.js";
import type { Protocol, RetryHint } from "./types.js";

const AMBIGUOUS_ACTION =
  "The operation may already have taken effect on the server: check (for example the remote file's size or name) before repeating it, after reconnecting.";

/** A message longer than this is cut (the whole server text stays in `serverMessage`). */
const MAX_MESSAGE = 2_000;

/** The plain-data form of a TransferError (`toJSON()`). */
export interface TransferErrorJSON {
  name: string;
  message: string;
  protocol: Protocol;
  code: number | string | undefined;
  codeName: CodeName | undefined;
  reason: Reason;
  retryable: boolean;
  retry: RetryHint;
  explanation: string;
  serverMessage: string | undefined;
  operation: string | undefined;
  path: string | undefined;
  tls: boolean | undefined;
  /** The server's greeting line (its SSH identification or FTP 220 line), when the adapter saw it. */
  serverGreeting?: string;
  /** The SFTP request that got the failing status (`"READ"`), when the wrapper saw which one did. */
  request?: string | undefined;
  cause:
    | { name: string | undefined; message: string | undefined; code: string | number | undefined }
    | undefined;
  /** Every failed attempt of the retry loop that ended with this error (`withRetry`). */
  attempts?: readonly AttemptRecord[];
}

/**
 * What a TransferError's getters are made from, and what they made (on first read). One object,
 * the explanation's parts in it too: a second object made on every error for a text that most
 * are never asked for cost more than its fields.
 */
interface Made {
  /** The explanation, once read. */
  explanation: string | undefined;
  readonly advice: Failure["advice"];
  readonly classification: Classification;
  readonly codeName: CodeName | undefined;
  readonly serverMessage: string | undefined;
  /** The client's message, redacted, where the server said nothing (else not shown: none). */
  readonly clientMessage: string | undefined;
  readonly cause: unknown;
  readonly secrets: readonly unknown[] | undefined;
  /** The cause as `cause` shows it (shown-cause.ts). */
  shownCause: { value: unknown } | undefined;
  /** The redacted summary of `cause` that toJSON() and inspect show. */
  causeSummary: { value: TransferErrorJSON["cause"] } | undefined;
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** A text as shown: with the secrets, URL credentials and passwords in it masked. */
function scrub(text: string | undefined, secrets: readonly unknown[] | undefined) {
  return text === undefined ? undefined : redact(text, secrets);
}

function validCode(code: unknown): number | string | undefined {
  if (typeof code === "string") return code === "" ? undefined : cut(code, 100);
  return typeof code === "number" && Number.isFinite(code) ? code : undefined;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * An FTP or SFTP failure, classified and explained. Made by the adapters' `toTransferError`
 * from what the client library threw. `cause` is that original error, or a copy of it with its
 * texts redacted when they hold a secret (loggers print the cause); `originalError` is always the
 * untouched original.
 */
export class TransferError extends Error {
  declare readonly [transferErrorBrand]: true;
  declare readonly protocol: Protocol;
  /** The original code: FTP reply, SFTP status, Node system code or the client library's own. */
  declare readonly code: number | string | undefined;
  /** The registry name of `code` (`"FILE_UNAVAILABLE"`, `"SSH_FX_NO_SUCH_FILE"`). */
  declare readonly codeName: CodeName | undefined;
  /** The number system `code` was read in. */
  declare readonly codeSpace: CodeSpace | undefined;
  declare readonly reason: Reason;
  declare readonly retryable: boolean;
  declare readonly retry: RetryHint;
  /** The server's own text, unaltered but for redaction. */
  declare readonly serverMessage: string | undefined;
  declare readonly operation: string | undefined;
  declare readonly path: string | undefined;
  /** The failure happened on a TLS connection (FTPS). */
  declare readonly tls: boolean | undefined;
  /**
   * The server's first line, which names its software (`SSH-2.0-OpenSSH_9.2p1`, `220 (vsFTPd
   * 3.0.5)`), redacted, when the adapter saw it: the replies of the product it names are read as
   * that product means them.
   */
  declare readonly serverGreeting: string | undefined;
  /**
   * The SFTP request that got the failing status (`"OPEN"`, `"READ"`), when the wrapper saw
   * which of its method's requests did: a server can mean another thing by the same status to each.
   */
  declare readonly request: string | undefined;
  /** Every failed attempt of the retry loop that ended with this error (set by `withRetry`). */
  declare readonly attempts?: readonly AttemptRecord[];
  /**
   * What the getters below are made from, and what they made on first read. One private field:
   * the stack capture turns the error's properties into a dictionary (stack-start.ts), and each
   * property more costs there.
   */
  readonly #made: Made;

  constructor(failure: Failure) {
    const f = sanitize(failure);
    const secrets = f.secrets;
    const serverMessage = scrub(f.serverMessage, secrets);
    // The client's message is shown (message, explanation) only where the server said nothing:
    // not redacted for nothing when it did.
    const shown = serverMessage ?? scrub(f.message, secrets);
    // Classified on the texts as sent (a password that is also a word of the reply must not
    // change the decision); what is shown is redacted.
    const classification = classify(f, shown);
    const { reason, retry, codeSpace } = classification;
    // A string code is shown (message, JSON, logs): redacted like every other text.
    const code = validCode(typeof f.code === "string" ? redact(f.code, secrets) : f.code);
    const codeName = codeNameOf(codeSpace, code);
    const path = scrub(f.path, secrets);
    const operation = scrub(f.operation, secrets);
    const message = messageOf(f.protocol, operation, path, code, codeName, shown);
    // `cause` is a getter of the class (see below), not Error's own option. The stack is V8's, or
    // the maker's when it names where it starts (stack-start.ts).
    super(cut(message, MAX_MESSAGE));
    this.protocol = f.protocol;
    this.code = code;
    this.codeName = codeName;
    this.codeSpace = codeSpace;
    this.reason = reason;
    this.retry = retry;
    this.retryable = retry.retryable;
    this.serverMessage = serverMessage;
    this.operation = operation;
    this.path = path;
    this.tls = f.tls;
    this.serverGreeting = scrub(f.serverGreeting, secrets);
    this.request = scrub(f.request, secrets);
    // Built from static texts and the already redacted texts: only the adapter's advice is new.
    this.#made = {
      explanation: undefined,
      advice: f.advice,
      classification,
      codeName,
      serverMessage,
      clientMessage: serverMessage === undefined ? shown : undefined,
      cause: f.cause,
      secrets,
      shownCause: undefined,
      causeSummary: undefined,
    };
  }

  /**
   * The error the client threw: the original itself when none of its texts holds a secret, else
   * a copy of the same class with its message, stack and other texts redacted, made on first
   * read. Loggers print the cause (pino's standard `err` serializer appends its message and
   * stack): what they print is safe.
   */
  override get cause(): unknown {
    const made = this.#made;
    if (made.cause === undefined) return undefined;
    made.shownCause ??= { value: shownCause(made.cause, made.secrets) };
    return made.shownCause.value;
  }

  /** The error the client threw, untouched, secrets included: for code, never for a log. */
  get originalError(): unknown {
    return this.#made.cause;
  }

  /**
   * What happened, the likely cause, and what to do. Made on first read (most errors are only
   * checked for their reason or retry hint), from static texts and the already redacted texts;
   * only the adapter's advice is new, and it is redacted too.
   */
  get explanation(): string {
    const made = this.#made;
    if (made.explanation !== undefined) return made.explanation;
    const { classification, serverMessage } = made;
    const text = explanationOf(
      [productReading(classification.product, this.reason), adviceFor(made.advice, classification)]
        .filter(Boolean)
        .map((part) => redact(part ?? "", made.secrets))
        .join(" ") || undefined,
      made.codeName,
      this.reason,
      serverMessage,
      made.clientMessage,
      this.retry,
    );
    made.explanation = text;
    return text;
  }

  /** The redacted summary of `cause` that toJSON() and inspect show, made on first use. */
  #causeSummaryOf(): TransferErrorJSON["cause"] {
    const made = this.#made;
    made.causeSummary ??= { value: causeSummary(made.cause, made.secrets) };
    return made.causeSummary.value;
  }

  toJSON(): TransferErrorJSON {
    return {
      name: this.name,
      message: this.message,
      protocol: this.protocol,
      code: this.code,
      codeName: this.codeName,
      reason: this.reason,
      retryable: this.retryable,
      retry: { ...this.retry },
      explanation: this.explanation,
      serverMessage: this.serverMessage,
      operation: this.operation,
      path: this.path,
      tls: this.tls,
      ...(this.serverGreeting === undefined ? {} : { serverGreeting: this.serverGreeting }),
      request: this.request,
      cause: this.#causeSummaryOf(),
      ...(this.attempts ? { attempts: this.attempts.map((a) => ({ ...a })) } : {}),
    };
  }

  /** util.inspect (console.log): the stack, then the fields; the cause only as its redacted summary. */
  [Symbol.for("nodejs.util.inspect.custom")](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    const { name: _n, message: _m, ...all } = this.toJSON();
    // What is set: an SFTP error has no `tls`, a code-less one no `codeName`.
    const fields = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
    const stack = this.stack ?? `${this.name}: ${this.message}`;
    return `${stack} ${typeof inspect === "function" ? inspect(fields, options) : JSON.stringify(fields)}`;
  }
}

// On the prototype: shared by every instance at no cost per error.
Object.defineProperty(TransferError.prototype, transferErrorBrand, { value: true });
Object.defineProperty(TransferError.prototype, "name", {
  value: "TransferError",
  writable: true,
  configurable: true,
});

/** Makes a TransferError from what an adapter knows; its stack starts at the caller. Never throws. */
export function createTransferError(failure: Failure): TransferError {
  const limit = stackOff();
  const error = makeTransferError(failure, limit);
  // Here, in the function the stack starts at, not in a helper (stack-start.ts says why).
  if (limit !== undefined) Error.captureStackTrace(error, createTransferError);
  return error;
}

/**
 * createTransferError for the core's own makers, with the stack `stack` says: `undefined`, where V8
 * puts it (the cheapest: a wrapper sets the stack again at its caller's await); `null`, none; a
 * number, none either: the application's limit from stackOff, given back here, for a maker that
 * captures the stack itself once this returns (stack-start.ts).
 */
export function makeTransferError(failure: Failure, stack?: number | null): TransferError {
  const limit = stack === null ? stackOff() : stack;
  try {
    return new TransferError(failure);
  } catch (error) {
    // Only a bug of ours lands here; the user still gets an error that keeps the original, and
    // the secrets it was given still keep them out of what it shows.
    return new TransferError({
      protocol: protocolOf(failure),
      cause: safeCause(failure, error),
      secrets: safeSecrets(failure),
    });
  } finally {
    // Even when the second constructor failed too (a stack overflow): the limit is never left off.
    stackBack(limit);
  }
}

function protocolOf(failure: unknown): Protocol {
  try {
    return (failure as Failure).protocol === "sftp" ? "sftp" : "ftp";
  } catch {
    return "ftp";
  }
}

function safeSecrets(failure: unknown): Failure["secrets"] {
  try {
    const secrets = (failure as Failure).secrets;
    return Array.isArray(secrets) ? [...secrets] : undefined;
  } catch {
    return undefined;
  }
}

function safeCause(failure: unknown, fallback: unknown): unknown {
  try {
    return (failure as Failure).cause;
  } catch {
    return fallback;
  }
}

/** Failure fields of the right types only: a hostile object cannot make the constructor throw. */
function sanitize(failure: Failure): Failure {
  try {
    // The usual plain object, read in one go.
    return typedFields(failure);
  } catch {
    // A getter threw (or there is no object): field by field, a throwing one counts as absent.
    const copy: FailureFields = {};
    for (const key of failureFields) copy[key] = safeGet(failure, key);
    return typedFields(copy);
  }
}

/** Every field `typedFields` reads. */
const failureFields = [
  "protocol",
  "code",
  "codeSpace",
  "serverMessage",
  "message",
  "operation",
  "traits",
  "path",
  "request",
  "tls",
  "serverGreeting",
  "signals",
  "finding",
  "rules",
  "catalog",
  "advice",
  "reason",
  "cause",
  "secrets",
] as const satisfies readonly (keyof Failure)[];

/** A Failure as it came: any value in any field. */
type FailureFields = { -readonly [K in keyof Failure]?: unknown };

function typedFields(f: FailureFields): Failure {
  const { tls, secrets, signals, rules, catalog, advice, reason } = f;
  return {
    protocol: f.protocol === "sftp" ? "sftp" : "ftp",
    code: f.code as Failure["code"],
    codeSpace: codeSpaceValue(f.codeSpace),
    serverMessage: optionalText(f.serverMessage),
    message: optionalText(f.message),
    operation: optionalText(f.operation),
    traits: traitsOf(f.traits),
    path: optionalText(f.path),
    request: optionalText(f.request),
    tls: typeof tls === "boolean" ? tls : undefined,
    serverGreeting: greetingLine(f.serverGreeting),
    signals: isArrayValue(signals) ? signals : undefined,
    finding: optionalText(f.finding) as Failure["finding"],
    rules: isArrayValue(rules) ? rules : undefined,
    catalog:
      typeof catalog === "object" && catalog !== null ? (catalog as Failure["catalog"]) : undefined,
    advice:
      typeof advice === "object" && advice !== null ? (advice as Failure["advice"]) : undefined,
    // A string that is not a Reason would give an error no `switch` on `reason` handles.
    reason: isReason(reason) ? reason : undefined,
    cause: f.cause,
    secrets: isArrayValue(secrets) ? secrets : undefined,
  };
}

const codeSpaces: ReadonlySet<string> = new Set<CodeSpace>([
  "ftp-reply",
  "sftp-status",
  "ssh-disconnect",
  "winsock",
  "system",
  "library",
]);

/** One of the number systems, or none: any other text would be kept as a shown field. */
function codeSpaceValue(value: unknown): CodeSpace | undefined {
  return typeof value === "string" && codeSpaces.has(value) ? (value as CodeSpace) : undefined;
}

/** Array.isArray, which throws on a revoked Proxy. */
// biome-ignore lint/suspicious/noExplicitAny: the fields are checked one by one where they are read
function isArrayValue(value: unknown): value is any[] {
  try {
    return Array.isArray(value);
  } catch {
    return false;
  }
}

function traitsOf(value: unknown): Failure["traits"] {
  if (typeof value !== "object" || value === null) return undefined;
  const idempotent = safeGet(value, "idempotent");
  const connects = safeGet(value, "connects");
  const commands = safeGet(value, "commands");
  return {
    idempotent: typeof idempotent === "boolean" ? idempotent : undefined,
    connects: connects === true,
    commands: isArrayValue(commands) ? commands : undefined,
  };
}

/** What the product the server's greeting named means by a reply that others read otherwise. */
function productReading(product: string | undefined, reason: Reason): string | undefined {
  if (product === undefined) return undefined;
  return `As ${product} sends it (read in its source), this reply means ${reason}; other servers mean other things by the same text.`;
}

/** The adapter's text for this failure: for its rule, else its first signal, else the reason. */
function adviceFor(advice: Failure["advice"], c: Classification): string | undefined {
  if (!advice) return undefined;
  const read = (key: string | undefined) => {
    const text = key === undefined ? undefined : safeGet(advice, key);
    return typeof text === "string" ? text : undefined;
  };
  let text = read(c.finding && `found:${c.finding}`) ?? read(c.rule);
  for (const signal of c.signals) text ??= read(signal);
  return text ?? read(c.reason);
}

/** The protocol as a message names it (a table: toUpperCase goes through ICU on every error). */
const protocolNames: Readonly<Record<Protocol, string>> = { ftp: "FTP", sftp: "SFTP" };

function messageOf(
  protocol: Protocol,
  operation: string | undefined,
  path: string | undefined,
  code: number | string | undefined,
  codeName: CodeName | undefined,
  text: string | undefined,
): string {
  const head =
    code === undefined ? protocolNames[protocol] : `${protocolNames[protocol]} ${String(code)}`;
  const name = codeName ? ` ${codeName}` : "";
  const where = operation ? ` in ${operation}${path ? ` "${path}"` : ""}` : "";
  return `${head}${name}${where}: ${text ?? "(no message)"}`;
}

// Built from the reason (refined by the server's text) rather than the code's generic meaning, so
// that making an error does not need the registry's texts: `explain(code)` has those.
function explanationOf(
  advice: string | undefined,
  codeName: CodeName | undefined,
  reason: Reason,
  serverMessage: string | undefined,
  clientMessage: string | undefined,
  retry: RetryHint,
): string {
  const texts = reasonTexts[reason] ?? reasonTexts.unknown;
  const parts = [codeName ? `${texts.what} (${codeName})` : texts.what];
  if (serverMessage) parts.push(quoted("The server said", serverMessage));
  else if (clientMessage) parts.push(quoted("The client said", clientMessage));
  if (advice) parts.push(advice);
  // The reason's usual advice ("reconnect and retry") does not hold for an operation that may
  // already have taken effect: say what the hint says.
  parts.push(retry.ambiguous ? AMBIGUOUS_ACTION : texts.action);
  return parts.join(" ");
}

function quoted(who: string, text: string): string {
  const said = cut(text.trim(), 300);
  return `${who}: "${said}"${/[.!?]$/.test(said) ? "" : "."}`;
}

function causeSummary(
  cause: unknown,
  secrets: readonly unknown[] | undefined,
): TransferErrorJSON["cause"] {
  if (cause === undefined) return undefined;
  const shape = readErrorShape(cause);
  const message = shape.message ?? (typeof cause === "object" ? undefined : safeText(cause));
  return {
    name: shape.name === undefined ? undefined : redact(cut(shape.name, 200), secrets),
    // Redacted whole, then cut: a cut through a URL must not keep its password.
    message: message === undefined ? undefined : cut(redact(message, secrets), MAX_MESSAGE),
    code: typeof shape.code === "string" ? redact(cut(shape.code, 100), secrets) : shape.code,
  };
}
