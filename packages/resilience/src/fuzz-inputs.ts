// fast-check generators for the fuzz tests: errors of every shape the client libraries throw,
// hostile values, and secrets planted where a careless error path would copy them out.
import { inspect } from "node:util";
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

// ---------------------------------------------------------------------------------------------
// Adversarial generators: not random values only, but the values an attacker (or an unlucky
// server) would choose: credentials planted in every place a text can reach, at the cut
// boundaries, in every form the redaction promises to recognise; values that break naive reads;
// and text shapes that make backtracking patterns and repeated scans cost more than linear time.
// ---------------------------------------------------------------------------------------------

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * `length` characters, random-looking but fixed by `salt` (a cheap way to a 1500-character token
 * that fast-check still shrinks through its salt). Starts with "Tk" so that it is a word.
 */
export function tokenOf(salt: number, length: number): string {
  let state = (salt | 0) ^ 0x5bd1e995;
  let out = "Tk";
  while (out.length < length) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
    out += ALNUM.charAt((state >>> 16) % ALNUM.length);
  }
  return out;
}

/**
 * The windows of a secret that must not show either: a cut or a bounded mask can leave its head
 * or its tail. Random secrets: a window of 10 characters appears nowhere by chance.
 */
export function secretWindows(secret: string): string[] {
  if (secret.length <= 14) return [secret];
  const w = 10;
  const middle = Math.floor(secret.length / 2) - w / 2;
  return [secret, secret.slice(0, w), secret.slice(middle, middle + w), secret.slice(-w)];
}

/**
 * The first window of `secret` (or the secret) that `text` contains, or undefined. Also as JSON
 * and util.inspect escape it: a quote or a backslash in a password is escaped in those outputs.
 */
export function leakOf(text: string, secret: string): string | undefined {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    inspect(secret).slice(1, -1),
  ]);
  for (const form of forms) {
    const window = secretWindows(form).find((w) => text.includes(w));
    if (window !== undefined) return window;
  }
  return undefined;
}

/** Characters a real password has and that break a naive mask: URL delimiters among them. */
const URL_SPECIALS = "@/?#:!$%&*+=;,~()[]{}|^";
/** Any non-white-space character, what an FTP PASS line carries up to the end of the word. */
const PASS_SPECIALS = `${URL_SPECIALS}"'<>\`\\`;

function mixed(specials: string) {
  return fc
    .record({
      head: fc.stringMatching(/^[A-Za-z0-9]{6,12}$/),
      tail: fc.stringMatching(/^[A-Za-z0-9]{6,12}$/),
      special: fc.array(fc.constantFrom(...specials), { minLength: 1, maxLength: 4 }),
    })
    .map(({ head, tail, special }) => `Sx${head}${special.join("")}${tail}`);
}

/** The password material of each form: what a real one of that form may contain. */
export const passwordArbs = {
  /** Letters and digits: every form must mask it. */
  word: secretArb,
  /** A URL password with unencoded @ / ? # and friends, which `new URL()` accepts. */
  url: mixed(URL_SPECIALS),
  /** After PASS: anything but white space. */
  pass: mixed(PASS_SPECIALS),
  /** A token of 600 to 1500 characters (API tokens, signed URLs). */
  long: fc
    .record({ salt: fc.integer(), length: fc.integer({ min: 600, max: 1500 }) })
    .map(({ salt, length }) => tokenOf(salt, length)),
  /**
   * What a server echoes bare and only the wrapper knows is a password: any characters, spaces
   * and pattern characters too.
   */
  echoed: fc
    .record({
      head: fc.stringMatching(/^[A-Za-z0-9]{6,10}$/),
      middle: fc.string({ minLength: 1, maxLength: 6 }),
      tail: fc.stringMatching(/^[A-Za-z0-9]{6,10}$/),
    })
    .map(({ head, middle, tail }) => `Sx${head}${middle}${tail}`),
} as const;

/** Where a planted credential sits in a text, and which redaction rule must find it. */
export const adversarialForms = [
  "url-password",
  "url-password-quoted",
  "url-long-token",
  "key-value",
  "key-value-compound",
  "key-value-long-token",
  "json-field",
  "pass-after-code",
  "pass-on-its-line",
  "pass-long",
  "pem",
  "pem-cut",
  "pem-crlf",
  "echoed-known",
] as const;
export type AdversarialForm = (typeof adversarialForms)[number];

export interface Planted {
  /** The line with the credential in it. */
  line: string;
  /** Every text that must not show (a PEM key: each line of its body). */
  secrets: string[];
  /** Secrets that only the caller can name (`secrets`, connect options): not in the text's form. */
  known: string[];
  form: AdversarialForm;
}

const pemKinds = ["OPENSSH ", "RSA ", "EC ", "ENCRYPTED ", "DSA ", ""];

function pemBody(salt: number, lines: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) out.push(tokenOf(salt + i * 7919, 64).replace(/^Tk/, "MI"));
  return out;
}

export interface PlantSeeds {
  word: string;
  url: string;
  pass: string;
  long: string;
  echoed: string;
  /** Picks among the variants of a form. */
  pick: number;
}

export const plantSeedsArb: fc.Arbitrary<PlantSeeds> = fc.record({
  word: passwordArbs.word,
  url: passwordArbs.url,
  pass: passwordArbs.pass,
  long: passwordArbs.long,
  echoed: passwordArbs.echoed,
  pick: fc.nat(),
});

function choose<T>(items: readonly T[], pick: number): T {
  return items[pick % items.length]!;
}

/** A line that carries a credential in `form`, made from the seeds. */
export function plantAdversarial(form: AdversarialForm, s: PlantSeeds): Planted {
  const p = s.pick;
  const one = (line: string, secret: string, known: string[] = []): Planted => ({
    line,
    secrets: [secret],
    known,
    form,
  });
  switch (form) {
    case "url-password": {
      const scheme = choose(["ftp", "ftps", "sftp", "FTP", "ssh"], p);
      const rest = choose([":21/in/file.txt", "/", "", ":2222/~/x"], p >> 3);
      return one(`connect to ${scheme}://deploy:${s.url}@files.example.com${rest} failed`, s.url);
    }
    case "url-password-quoted": {
      const [open, close] = choose(
        [
          ["(", ")"],
          ["<", ">"],
          ['"', '"'],
          ["'", "'"],
          ["[", "]"],
        ],
        p,
      );
      return one(`target ${open}sftp://u:${s.url}@10.0.0.7/upload${close}, refused`, s.url);
    }
    case "url-long-token":
      return one(`GET https://x-token:${s.long}@cdn.example.com/a failed`, s.long);
    case "key-value": {
      const key = choose(
        ["password", "passwd", "passphrase", "pwd", "secret", "token", "api_key", "client_secret"],
        p,
      );
      const sep = choose(["=", ": ", " = ", ":", "='", ':"'], p >> 3);
      return one(`login failed (${key}${sep}${s.word})`, s.word);
    }
    case "key-value-compound": {
      // Real configuration keys: environment variables and camelCase options.
      const key = choose(
        ["FTP_PASSWORD", "ftpPassword", "db_password", "SFTP_PASSPHRASE", "userPassword"],
        p,
      );
      return one(`bad config: ${key}=${s.word} host=h`, s.word);
    }
    case "key-value-long-token":
      return one(`request failed: token=${s.long} (expired)`, s.long);
    case "json-field": {
      const key = choose(["password", "passphrase", "privateKey", "token", "secret"], p);
      return one(`bad config {"host": "h", "${key}": "${s.word}", "port": 22}`, s.word);
    }
    case "pass-after-code": {
      const code = choose(["530 ", "331-", "500 ", "230 "], p);
      return one(`${code}PASS ${s.pass}`, s.pass);
    }
    case "pass-on-its-line": {
      const lead = choose(["> PASS ", ">PASS ", "\nPASS ", "\r\nPASS "], p);
      return one(
        `unexpected reply after USER deploy${lead}${s.pass}\n530 Login incorrect.`,
        s.pass,
      );
    }
    case "pass-long":
      return one(`530 PASS ${s.long}`, s.long);
    case "pem":
    case "pem-cut":
    case "pem-crlf": {
      const kind = choose(pemKinds, p);
      const body = pemBody(p, 3 + (p % 30));
      const eol = form === "pem-crlf" ? "\r\n" : "\n";
      const end = form === "pem-cut" ? "" : `${eol}-----END ${kind}PRIVATE KEY-----`;
      const line = `Cannot parse privateKey: -----BEGIN ${kind}PRIVATE KEY-----${eol}${body.join(eol)}${end}`;
      return { line, secrets: body, known: [], form };
    }
    case "echoed-known": {
      const line = choose(
        [
          `530 Login incorrect for ${s.echoed}`,
          `User deploy/${s.echoed} cannot log in.`,
          `All configured authentication methods failed (${s.echoed})`,
          `${s.echoed}`,
        ],
        p,
      );
      return one(line, s.echoed, [s.echoed]);
    }
  }
}

/** The lengths at which a text is cut or stops being read: the message, the match, quotes. */
export const cutBoundaries = [80, 100, 300, 1024, 2000, 2048, 4096] as const;

/**
 * `line` behind filler, so that its first secret starts `before` characters ahead of `boundary`
 * (straddling the cut). The filler is words and spaces: it never joins the planted word.
 */
export function atBoundary(line: string, secret: string, boundary: number, before: number): string {
  const at = line.indexOf(secret);
  const want = Math.max(0, boundary - before - Math.max(0, at));
  const filler = "lorem ipsum dolor sit amet ".repeat(Math.ceil(want / 27) + 1).slice(0, want);
  return `${filler.replace(/\S$/, " ")}${line}`;
}

/** Where the planted line goes in the thrown value. */
export const sites = [
  "message",
  "string-thrown",
  "plain-object",
  "cause",
  "deep-cause",
  "aggregate",
  "config-and-echo",
  "message-getter",
  "inherited-message",
  "non-enumerable-message",
  "stack-only",
  "function-cause",
  "after-many-keys",
  "context-path",
  "context-operation",
  "error-path-field",
  "code",
  "name",
] as const;
export type Site = (typeof sites)[number];

export interface FuzzCase {
  /** What the client "threw". */
  value: unknown;
  /** The planted line itself (for entry points that take text: redact, the CLI, templates). */
  text: string;
  /** Every text that must show in no surface. */
  secrets: string[];
  /** What the caller tells the entry point is secret (context.secrets, connect options). */
  known: string[];
  context: { operation?: string; path?: string };
  /** The reply code / library code the value carries, for drivers that build their own. */
  code: number | string | undefined;
  /** For a failing run's report. */
  how: string;
  /** How the credential was planted (planted cases only). */
  form?: AdversarialForm;
  /** Where it was planted. */
  site?: Site;
  /** A hostile value, no credential planted. */
  hostile?: true;
}

function withCode<T extends object>(target: T, code: number | string | undefined): T {
  if (code !== undefined) (target as Record<string, unknown>).code = code;
  return target;
}

/** The thrown value with `line` at `site`. */
export function placeAt(
  site: Site,
  line: string,
  code: number | string | undefined,
  known: readonly string[],
): Pick<FuzzCase, "value" | "context"> {
  const error = (message: string) => withCode(new Error(message), code);
  switch (site) {
    case "message":
      return { value: error(line), context: {} };
    case "string-thrown":
      return { value: line, context: {} };
    case "plain-object":
      return { value: withCode({ message: line, name: "FTPError" }, code), context: {} };
    case "cause":
      return {
        value: withCode(new Error("operation failed", { cause: error(line) }), code),
        context: {},
      };
    case "deep-cause":
      return {
        value: new Error("outer", {
          cause: { message: "middle", cause: new Error("inner", { cause: error(line) }) },
        }),
        context: {},
      };
    case "aggregate":
      return {
        value: withCode(new AggregateError([new Error("first"), error(line)], line), code),
        context: {},
      };
    case "config-and-echo": {
      // A client config hanging off the error (some libraries attach it), the password echoed.
      const e = error(line) as Error & { config?: unknown };
      e.config = { host: "h", password: known[0] ?? line, passphrase: line, privateKey: line };
      return { value: e, context: {} };
    }
    case "message-getter": {
      const e = withCode(new Error("placeholder"), code);
      Object.defineProperty(e, "message", {
        get: () => line,
        enumerable: false,
        configurable: true,
      });
      return { value: e, context: {} };
    }
    case "inherited-message": {
      class ServerError extends Error {}
      Object.defineProperty(ServerError.prototype, "message", { value: line, writable: true });
      const e = withCode(new ServerError(), code);
      // new Error() with no message leaves none of its own: the prototype's shows.
      delete (e as { message?: string }).message;
      return { value: e, context: {} };
    }
    case "non-enumerable-message": {
      const e = withCode(Object.create(Error.prototype) as Error, code);
      Object.defineProperty(e, "message", { value: line, enumerable: false });
      Object.defineProperty(e, "stack", { value: `Error: ${line}\n    at x (y.js:1:1)` });
      return { value: e, context: {} };
    }
    case "stack-only": {
      const e = error("connection failed");
      e.stack = `Error: connection failed\n    at connect (${line})`;
      return { value: e, context: {} };
    }
    case "function-cause": {
      // VError-style: `cause` is a function that returns the cause; pino calls it.
      const e = error("operation failed") as Error & { cause?: unknown };
      const inner = new Error(line);
      Object.defineProperty(e, "cause", {
        value: () => inner,
        enumerable: false,
        configurable: true,
      });
      return { value: e, context: {} };
    }
    case "after-many-keys": {
      const o: Record<string, unknown> = {};
      for (let i = 0; i < 80; i++) o[`k${i}`] = i;
      o.message = line;
      o.name = "Error";
      return { value: withCode(o, code), context: {} };
    }
    case "context-path":
      return { value: error("550 No such file"), context: { path: `/in/${line}` } };
    case "context-operation":
      return { value: error("timeout"), context: { operation: line } };
    case "error-path-field": {
      const e = error("ENOENT: no such file or directory") as Error & {
        path?: string;
        syscall?: string;
      };
      e.path = line;
      e.syscall = "open";
      return { value: e, context: {} };
    }
    case "code":
      return { value: withCode(new Error("refused"), line), context: {} };
    case "name": {
      const e = error("refused");
      e.name = line;
      return { value: e, context: {} };
    }
  }
}

const codeArb = fc.oneof(
  fc.constantFrom(530, 550, 421, 451, 2, 3, 4, "ECONNRESET", "ERR_BAD_AUTH", "ERR_GENERIC_CLIENT"),
  fc.constant(undefined),
);

/** A credential planted in some form, at some site, maybe straddling a cut boundary. */
export const plantedCaseArb: fc.Arbitrary<FuzzCase> = fc
  .record({
    form: fc.constantFrom(...adversarialForms),
    seeds: plantSeedsArb,
    site: fc.constantFrom(...sites),
    code: codeArb,
    boundary: fc.option(
      fc.record({ at: fc.constantFrom(...cutBoundaries), before: fc.nat({ max: 40 }) }),
      { nil: undefined, freq: 2 },
    ),
    noise: fc.constantFrom("", "Error: ", "get: ", "550 ", "Client is closed because ", "\n"),
  })
  .map(({ form, seeds, site, code, boundary, noise }) => {
    const planted = plantAdversarial(form, seeds);
    let line = `${noise}${planted.line}`;
    if (boundary) line = atBoundary(line, planted.secrets[0]!, boundary.at, boundary.before);
    const placed = placeAt(site, line, code, planted.known);
    return {
      ...placed,
      text: line,
      secrets: planted.secrets,
      known: planted.known,
      code,
      form,
      site,
      how: `${form} at ${site}${boundary ? ` across ${boundary.at} (-${boundary.before})` : ""}${noise ? ` after ${JSON.stringify(noise)}` : ""}, code ${String(code)}`,
    };
  });

// Hostile values -----------------------------------------------------------------------------

/** Spelled so, the lint rule against thenables lets these deliberate ones be. */
const THEN = ["th", "en"].join("");

function throwing(): never {
  throw new Error("hostile trap");
}

/** A Proxy whose every trap throws; over a function, so that apply and construct throw too. */
export function trapProxy(): object {
  const traps: ProxyHandler<object> = {};
  for (const trap of [
    "get",
    "set",
    "has",
    "ownKeys",
    "getPrototypeOf",
    "setPrototypeOf",
    "getOwnPropertyDescriptor",
    "defineProperty",
    "deleteProperty",
    "isExtensible",
    "preventExtensions",
    "apply",
    "construct",
  ] as const) {
    (traps as Record<string, unknown>)[trap] = throwing;
  }
  return new Proxy(() => undefined, traps);
}

export function revokedProxy(overFunction: boolean): object {
  const { proxy, revoke } = Proxy.revocable(overFunction ? () => undefined : {}, {});
  revoke();
  return proxy;
}

function throwingGetters(keys: readonly string[], base: object = new Error("x")): object {
  // V8 formats the stack lazily, reading `name` and `message`: format it before they throw.
  void (base as Error).stack;
  for (const key of keys) Object.defineProperty(base, key, { get: throwing, configurable: true });
  return base;
}

/** The values that break naive error handling, each made fresh (some are changed by use). */
export const hostileMakers: Record<string, () => unknown> = {
  "revoked proxy": () => revokedProxy(false),
  "revoked function proxy": () => revokedProxy(true),
  "proxy whose every trap throws": trapProxy,
  "error with throwing getters": () =>
    throwingGetters([
      "message",
      "code",
      "name",
      "stack",
      "cause",
      "level",
      "custom",
      "syscall",
      "path",
      "errors",
      "constructor",
      "connectError",
      "description",
    ]),
  "error with a throwing toString and toPrimitive": () =>
    Object.assign(new Error("x"), {
      toString: throwing,
      [Symbol.toPrimitive]: throwing,
      valueOf: throwing,
    }),
  "object without prototype": () =>
    Object.assign(Object.create(null), { message: "550 no proto", code: 550 }),
  "bare object without prototype": () => Object.create(null),
  "self cause": () => {
    const e = new Error("self") as Error & { cause?: unknown };
    e.cause = e;
    return e;
  },
  "cause cycle": () => {
    const a = new Error("a") as Error & { cause?: unknown };
    const b = new Error("b", { cause: a });
    a.cause = b;
    return a;
  },
  "aggregate of itself": () => {
    const errors: unknown[] = [];
    const e = new AggregateError(errors, "many");
    errors.push(e, e);
    return e;
  },
  "cause is a throwing proxy": () => new Error("x", { cause: trapProxy() }),
  "cause is a revoked proxy": () => new Error("x", { cause: revokedProxy(false) }),
  "cause is a throwing function": () => {
    const e = new Error("x") as Error & { cause?: unknown };
    e.cause = throwing;
    return e;
  },
  "code __proto__": () => Object.assign(new Error("x"), { code: "__proto__" }),
  "code constructor": () => Object.assign(new Error("constructor"), { code: "constructor" }),
  "code toString": () =>
    Object.assign(new Error("hasOwnProperty"), { code: "toString", level: "__proto__" }),
  "JSON-parsed __proto__ key": () =>
    JSON.parse('{"__proto__": {"code": 550}, "message": "x", "code": "__proto__"}'),
  "symbol code and message": () => ({
    code: Symbol("550"),
    message: Symbol("m"),
    name: Symbol("n"),
  }),
  "symbol thrown": () => Symbol("thrown"),
  "bigint code": () => Object.assign(new Error("x"), { code: 550n }),
  "bigint thrown": () => 10n ** 30n,
  "huge number codes": () => Object.assign(new Error("x"), { code: Number.MAX_VALUE }),
  "code 1e21": () => ({ code: 1e21, message: "1e+21 reply" }),
  "code -0": () => ({ code: -0, message: "-0" }),
  "code NaN": () => ({ code: Number.NaN, message: "NaN" }),
  "code Infinity": () => ({ code: Number.POSITIVE_INFINITY, message: "Infinity" }),
  "code 550.5": () => ({ code: 550.5, message: "550.5 x" }),
  "code 2^53+1": () => ({ code: 2 ** 53 + 1, message: "x" }),
  "frozen error": () => Object.freeze(new Error("550 frozen")),
  // A `then` that throws: a thenable error, which `await` and Promise.resolve would call.
  "thenable error": () => Object.defineProperty(new Error("x"), THEN, { value: throwing }),
  "error whose then getter throws": () =>
    Object.defineProperty(new Error("x"), THEN, { get: throwing }),
  "array thrown": () => [new Error("550 in an array")],
  "map thrown": () => new Map([["message", "x"]]),
  "promise thrown": () => {
    const p = Promise.reject(new Error("x"));
    p.catch(() => undefined);
    return p;
  },
  "function thrown": () => Object.assign(() => undefined, { message: "550 fn", code: 550 }),
  "class thrown": () => class FTPError {},
  DOMException: () => new DOMException("aborted", "AbortError"),
  "message is an object": () => ({ message: { toString: throwing }, code: 550 }),
  "huge message": () => new Error("x".repeat(100_000)),
  "NUL and lone surrogates": () =>
    Object.assign(new Error("550 \u0000\ud800\udc00\udfff\ud800"), { code: "E\u0000" }),
  "string code of 10k": () => Object.assign(new Error("x"), { code: "E".repeat(10_000) }),
  "name getter throws only on second read": () => {
    let reads = 0;
    return Object.defineProperty(new Error("x"), "name", {
      get() {
        reads += 1;
        if (reads > 1) throwing();
        return "FTPError";
      },
    });
  },
  "stack is a proxy": () => Object.assign(new Error("x"), { stack: trapProxy() }),
  "level and custom of wrong types": () =>
    Object.assign(new Error("x"), { level: 5, custom: "yes", description: 1n }),
  "errors is not an array": () =>
    Object.assign(new AggregateError([], "x"), { errors: trapProxy() }),
};

/** Hostile values: the named makers, fast-check's anything, and errors with hostile fields. */
export const hostileValueArb: fc.Arbitrary<{ value: unknown; how: string }> = fc.oneof(
  fc
    .constantFrom(...Object.keys(hostileMakers))
    .map((how) => ({ value: hostileMakers[how]!(), how })),
  hostileArb.map((value) => ({ value, how: "generated" })),
  fc
    .record(
      {
        code: fc.constantFrom(...Object.keys(hostileMakers)),
        message: fc.constantFrom(...Object.keys(hostileMakers)),
        cause: fc.constantFrom(...Object.keys(hostileMakers)),
      },
      { requiredKeys: [] },
    )
    .map((fields) => {
      const e = new Error("composed") as unknown as Record<string, unknown>;
      for (const [key, maker] of Object.entries(fields)) {
        try {
          Object.defineProperty(e, key, {
            value: hostileMakers[maker]!(),
            configurable: true,
            writable: true,
          });
        } catch {
          // a value that cannot be set is simply not set
        }
      }
      return { value: e, how: `error with ${JSON.stringify(fields)}` };
    }),
);

/** A hostile value as a FuzzCase: no secret to find, only no throw. */
export const hostileCaseArb: fc.Arbitrary<FuzzCase> = fc
  .record({
    hostile: hostileValueArb,
    path: fc.constantFrom(undefined, "/p", "__proto__"),
    operation: fc.constantFrom(undefined, "get", "constructor", "toString"),
  })
  .map(({ hostile, path, operation }) => {
    const context: FuzzCase["context"] = {};
    if (path !== undefined) context.path = path;
    if (operation !== undefined) context.operation = operation;
    return {
      value: hostile.value,
      text: safeDescription(hostile.value),
      secrets: [],
      known: [],
      context,
      code: undefined,
      how: `hostile: ${hostile.how}`,
      hostile: true as const,
    };
  });

function safeDescription(value: unknown): string {
  try {
    return typeof value === "string" ? value : String(value);
  } catch {
    return "[hostile]";
  }
}

/** Every case the entry points get: planted credentials and hostile values. */
export const fuzzCaseArb: fc.Arbitrary<FuzzCase> = fc.oneof(
  { arbitrary: plantedCaseArb, weight: 3 },
  { arbitrary: hostileCaseArb, weight: 2 },
);

// Text shapes --------------------------------------------------------------------------------

export interface TextShape {
  name: string;
  /** A text of about `n` characters (at least n). */
  make(n: number): string;
}

function rep(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length));
}

/**
 * Texts that make a backtracking pattern or a repeated scan cost more than linear time: long runs
 * of what a pattern's loop takes, ended by what makes it fail; separators the readers look for,
 * repeated; near misses of every keyword the redaction looks for. Each was chosen against a
 * pattern or a scan of the code (the comment names it).
 */
export const textShapes: readonly TextShape[] = [
  { name: "' From: ' repeated", make: (n) => `Failure${rep(" From: /a", n)} To: /b` },
  { name: "': ' repeated", make: (n) => `get: ${rep(": ", n)}x` },
  { name: "' Local: ' and ' Remote: ' repeated", make: (n) => rep(" Local: /l Remote: ", n) },
  { name: "' /' repeated (the path's start)", make: (n) => `No such file${rep(" /", n)}` },
  { name: "a space run after a line break", make: (n) => `a\nb${rep(" ", n)}x` },
  { name: "a tab run after a line break", make: (n) => `a\nb${rep("\t", n)}!` },
  { name: "a space run before a path", make: (n) => `550 a${rep(" ", n)}x /p` },
  { name: "line breaks and spaces", make: (n) => rep("\n \n", n) },
  { name: "a multi-line reply", make: (n) => `${rep("550-line of the reply\n", n)}550 end` },
  { name: "a multi-line reply with CRLF", make: (n) => `${rep("550-x\r\n", n)}550 end` },
  { name: "an upper-case run (system code)", make: (n) => `E${rep("A", n)}a` },
  { name: "an upper-case run after a method", make: (n) => `get: E${rep("EA", n)}x` },
  { name: "SSH_FX_ and an upper-case run", make: (n) => `SSH_FX_${rep("A", n)}a` },
  { name: "ERR_ and an upper-case run", make: (n) => `ERR_${rep("A_", n)}a` },
  { name: "digits", make: (n) => `${rep("5", n)} x` },
  { name: "reply codes", make: (n) => rep("550 ", n) },
  { name: "'Error: ' repeated", make: (n) => rep("Error: ", n) },
  { name: "method prefixes repeated", make: (n) => rep("get: Re-thrown: ", n) },
  {
    name: "'Client is closed because ' repeated",
    make: (n) => rep("Client is closed because ", n),
  },
  {
    name: "nested transfer-strategy messages",
    make: (n) =>
      `${rep("None of the available transfer strategies work. Last error response was '", n)}x'`,
  },
  { name: "quotes", make: (n) => `x${rep("'", n)}.` },
  { name: "nested brackets", make: (n) => `${rep("([{<", n)}x` },
  { name: "URL starts without credentials", make: (n) => rep("ftp://x ", n) },
  { name: "URL starts back to back", make: (n) => rep("ftp://", n) },
  { name: "a URL with a megabyte of credentials", make: (n) => `ftp://${rep("a:", n)}` },
  { name: "at signs", make: (n) => `sftp://${rep("@", n)}` },
  {
    name: "near-miss keywords",
    make: (n) => rep("password passwor PASS PASSx pwd: token secret key ", n),
  },
  { name: "key= with a long value", make: (n) => `password=${rep("x", n)}` },
  { name: "PASS after codes", make: (n) => rep("550 PASS ", n) },
  { name: "PEM headers without an end", make: (n) => rep("-----BEGIN RSA PRIVATE KEY-----\n", n) },
  { name: "PEM near misses", make: (n) => rep("-----BEGIN PRIVATE KE", n) },
  { name: "NULs", make: (n) => `550 ${rep("\u0000", n)}` },
  { name: "unpaired surrogates", make: (n) => `550 ${rep("\ud800a\udc00", n)}` },
  { name: "percent signs", make: (n) => rep("%E0%", n) },
  { name: "backslashes", make: (n) => rep("\\", n) },
  { name: "'in 5 seconds' repeated", make: (n) => rep("try again in 5 seconds ", n) },
  { name: "socket suffixes repeated", make: (n) => rep(" (data socket)", n) },
  { name: "Bad path and a long word", make: (n) => `Bad path: ${rep("x", n)}:` },
];

/** A text of shape `shape`, truncated to exactly `n` characters where a shape overshoots. */
export function shapeText(shape: TextShape, n: number): string {
  return shape.make(n);
}
