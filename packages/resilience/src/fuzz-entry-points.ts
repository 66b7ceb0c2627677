// Every public entry point of the packages, with a driver that feeds it one fuzz case (a value a
// client "threw", with its planted credentials) and returns what it produced, for the surface
// checks; and, where the entry point reads a text, the call the linear-cost test times. The
// coverage test walks each package's exports: a new exported function without a driver here (or
// an exclusion that says why) fails it.
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import * as basicFtp from "@transfer-errors/basic-ftp";
import * as core from "@transfer-errors/core";
import * as adapterKit from "@transfer-errors/core/adapter";
import * as catalog from "@transfer-errors/core/catalog";
import * as registry from "@transfer-errors/core/registry";
import * as nodeFtp from "@transfer-errors/ftp";
import * as integrations from "@transfer-errors/integrations";
import * as asyncRetry from "@transfer-errors/integrations/async-retry";
import * as bullmq from "@transfer-errors/integrations/bullmq";
import * as cockatiel from "@transfer-errors/integrations/cockatiel";
import * as exponentialBackoff from "@transfer-errors/integrations/exponential-backoff";
import * as otel from "@transfer-errors/integrations/opentelemetry";
import * as pRetry from "@transfer-errors/integrations/p-retry";
import * as pinoIntegration from "@transfer-errors/integrations/pino";
import * as temporal from "@transfer-errors/integrations/temporal";
import * as ssh2 from "@transfer-errors/ssh2";
import * as sftpClient from "@transfer-errors/ssh2-sftp-client";
import { Client as BasicFtpClient } from "basic-ftp";
import NodeFtpClient from "ftp";
import PromiseFtp from "promise-ftp";
import { Client as SshClient } from "ssh2";
import SftpClient from "ssh2-sftp-client";
import { eventClientParts } from "./fuzz-event-client-parts.ts";
import { ftpWrapperParts } from "./fuzz-ftp-wrapper-parts.ts";
import type { FuzzCase } from "./fuzz-inputs.ts";
import { sftpWrapperParts } from "./fuzz-sftp-wrapper-parts.ts";

const require = createRequire(import.meta.url);

/** What one call of an entry point gave, for the checks. */
export interface Driver {
  /**
   * Calls the entry point with the case; returns its results to check on every surface (a
   * TransferError, an error made from one, data). A throw here is the entry point's throw.
   */
  run(c: FuzzCase): unknown[] | Promise<unknown[]>;
  /**
   * The entry point is told the case's known secrets (a `secrets` option, a connect password),
   * so it must keep out even a secret no pattern recognises.
   */
  knowsSecrets?: true;
  /** One call with `text` wherever the entry point reads text: what the linear-cost test times. */
  text?: (text: string) => unknown;
  /**
   * Where the text is read first (the core's, an adapter's, the CLI's own code): timed at 4n =
   * 1 MB. The others only pass the text on to one of these, and are timed at a quarter of it.
   */
  primary?: true;
}

/** An exported function deliberately not fuzzed, and why. */
export interface Exclusion {
  excluded: string;
}

export type Entry = Driver | Exclusion;

export function isExclusion(entry: Entry): entry is Exclusion {
  return "excluded" in entry;
}

/**
 * A promise's outcome as a value: what it rejected with, or what it resolved to. Boxed on the way
 * (a thenable thrown value must not be adopted by the async function's own return).
 */
async function settled(work: () => unknown): Promise<{ value: unknown }> {
  let pending: unknown;
  try {
    pending = work();
  } catch (error) {
    throw new SyncThrow(error);
  }
  return Promise.resolve(pending).then(
    (value: unknown) => ({ value }),
    (error: unknown) => ({ value: error }),
  );
}

/** An entry point that returns a promise threw synchronously instead of rejecting. */
export class SyncThrow extends Error {
  constructor(readonly thrown: unknown) {
    super("threw synchronously instead of returning a rejected promise");
  }
}

/**
 * An output to check for the credentials the text patterns recognise only, not for those only the
 * caller named: made on a path that (by a known bug) forgets the named ones.
 */
export class PatternsOnly {
  constructor(readonly value: unknown) {}
}

/** wrapClient's contract: every failure reaches the caller as a TransferError. */
function transferErrorsOnly(outputs: unknown[], what: string): unknown[] {
  for (const output of outputs) {
    if (!core.isTransferError(output)) {
      throw new Error(
        `${what} failed with something else than a TransferError: ${describe(output)}`,
      );
    }
  }
  return outputs;
}

function describe(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : typeof value;
  } catch {
    return "[unreadable]";
  }
}

/** Reading a TransferError's lazily made texts is part of what making it costs. */
export function touch(value: unknown): unknown {
  if (core.isTransferError(value)) {
    void value.explanation;
    JSON.stringify(value);
  }
  return value;
}

const fallbackPassword = "SxFallbackPassw0rd";

function passwordOf(c: FuzzCase): string {
  return c.known[0] ?? fallbackPassword;
}

function protocolOf(c: FuzzCase): core.Protocol {
  return typeof c.code === "number" && c.code < 100 ? "sftp" : "ftp";
}

/** The facts of the case as an adapter would hand them to the core. */
function failureOf(c: FuzzCase): adapterKit.Failure {
  return {
    protocol: protocolOf(c),
    // A code as the adapters read it (a string or a finite number).
    code: adapterKit.readErrorShape(c.value).code,
    serverMessage: c.text,
    message: c.text,
    operation: c.context.operation,
    path: c.context.path,
    cause: c.value,
    secrets: c.known,
  };
}

/** A Failure whose every field is the case's value (a hostile one, for a hostile case). */
export function hostileFailure(c: FuzzCase): adapterKit.Failure {
  const v = c.value as never;
  // Every field the value, but the secrets the caller names (a hostile list would name none),
  // and code and codeSpace only when the value is no text (known bugs: a text code is shown as
  // it is, core-code-not-redacted; any text is kept as codeSpace, core-failure-fields-throw).
  const text = typeof c.value === "string";
  return {
    protocol: v,
    code: text ? undefined : v,
    codeSpace: text ? undefined : v,
    serverMessage: v,
    message: v,
    operation: v,
    traits: v,
    path: v,
    tls: v,
    signals: v,
    finding: v,
    rules: [v],
    catalog: v,
    advice: v,
    reason: v,
    cause: v,
    secrets: c.known,
  };
}

function coreFailureText(text: string): adapterKit.Failure {
  return {
    protocol: "ftp",
    code: 550,
    serverMessage: text,
    message: text,
    path: text,
    operation: text,
    cause: new Error(text),
    secrets: ["Sxsecret1", "Sxsecret2"],
  };
}

// The adapters ---------------------------------------------------------------------------------

interface AdapterModule {
  toTransferError(error: unknown, context?: never): core.TransferError;
  isRetryable(value: unknown): boolean;
  withRetry<T>(fn: () => T, options?: core.RetryOptions): Promise<T>;
  readError(error: unknown, context?: never): adapterKit.Failure;
  explain: typeof core.explain;
  isTransferError: typeof core.isTransferError;
}

function contextOf(c: FuzzCase, extra: Record<string, unknown> = {}): never {
  return { ...c.context, secrets: c.known, ...extra } as never;
}

/** The drivers every adapter has the same way. */
function adapterDrivers(
  adapter: AdapterModule,
  readContexts: Record<string, unknown>[],
  textValue: (text: string) => unknown,
): Record<string, Entry> {
  return {
    toTransferError: {
      knowsSecrets: true,
      primary: true,
      run: (c) => [adapter.toTransferError(c.value, contextOf(c))],
      text: (text) => touch(adapter.toTransferError(textValue(text), { path: text } as never)),
    },
    isRetryable: {
      run: (c) => {
        const retryable = adapter.isRetryable(c.value);
        // The contract's invariant: one decision, whichever door.
        if (retryable !== adapter.toTransferError(c.value).retryable) {
          throw new Error("isRetryable(x) differs from toTransferError(x).retryable");
        }
        return [];
      },
      text: (text) => adapter.isRetryable(textValue(text)),
    },
    withRetry: {
      run: async (c) => {
        const outcome = (
          await settled(() =>
            adapter.withRetry(
              () => {
                throw c.value;
              },
              { retries: 0 },
            ),
          )
        ).value;
        if (!core.isTransferError(outcome))
          throw new Error("withRetry ended without a TransferError");
        return [outcome];
      },
      text: (text) =>
        adapter
          .withRetry(
            () => {
              throw textValue(text);
            },
            { retries: 0 },
          )
          .catch(touch),
    },
    readError: {
      knowsSecrets: true,
      run: (c) =>
        readContexts.map((extra) =>
          adapterKit.createTransferError(adapter.readError(c.value, contextOf(c, extra))),
        ),
      text: (text) => touch(adapterKit.createTransferError(adapter.readError(textValue(text)))),
    },
    explain: explainDriver(adapter.explain),
    isTransferError: isTransferErrorDriver(adapter.isTransferError),
    TransferError: transferErrorClassDriver,
  };
}

function explainDriver(explain: typeof core.explain): Driver {
  return {
    run: (c) => [
      explain(c.value),
      explain(c.text),
      explain(c.code, "sftp"),
      explain(adapterKit.safeGet(c.value, "code"), "ftp"),
    ],
    text: (text) => explain(text),
  };
}

function isTransferErrorDriver(is: typeof core.isTransferError): Driver {
  return {
    run: (c) => {
      if (is(c.value) !== false) throw new Error("a thrown value read as a TransferError");
      if (!is(basicFtp.toTransferError(c.value))) throw new Error("a TransferError not recognised");
      return [];
    },
  };
}

const transferErrorClassDriver: Driver = {
  knowsSecrets: true,
  // Fields of the Failure's types: a hostile field makes the constructor throw (a known bug,
  // core-failure-fields-throw); createTransferError, which never throws, gets hostile ones.
  run: (c) => [new core.TransferError(failureOf(c))],
  text: (text) => touch(new core.TransferError(coreFailureText(text))),
};

const createTransferErrorDriver: Driver = {
  knowsSecrets: true,
  primary: true,
  // Hostile fields make the core throw inside, and its fallback then forgets the named secrets (a
  // known bug, core-fallback-drops-secrets): that output is checked for the patterns' ones.
  run: (c) => [
    core.createTransferError(failureOf(c)),
    new PatternsOnly(core.createTransferError(hostileFailure(c))),
  ],
  text: (text) => touch(core.createTransferError(coreFailureText(text))),
};

const classifyDriver: Driver = {
  knowsSecrets: true,
  primary: true,
  run: (c) => {
    const failure = failureOf(c);
    // The quote is the caller's: TransferError passes the redacted text.
    return [registry.classify(failure, core.redact(c.text, c.known)), registry.classify(failure)];
  },
  text: (text) => registry.classify(coreFailureText(text), text.slice(0, 100)),
};

// Real client objects whose methods fail with the case's value ----------------------------------

function basicFtpClient(c: FuzzCase) {
  const raw = new BasicFtpClient(0);
  const fail = () => Promise.reject(c.value);
  const failAtOnce = () => {
    throw c.value;
  };
  Object.assign(raw, { access: fail, size: fail, downloadTo: fail, list: failAtOnce });
  return raw;
}

async function basicFtpWrapped(c: FuzzCase): Promise<unknown[]> {
  const raw = basicFtpClient(c);
  const client = basicFtp.wrapClient(raw, { timeoutMs: 60_000 });
  const path = c.context.path ?? "/in/file.txt";
  try {
    const access = (
      await settled(() =>
        client.access({ host: "127.0.0.1", user: "deploy", password: passwordOf(c) }),
      )
    ).value;
    const size = (await settled(() => client.size(path))).value;
    const list = (await settled(() => client.list(path))).value;
    const reconnect = (await settled(() => basicFtp.reconnect(client))).value;
    return transferErrorsOnly([access, size, list, reconnect], "basic-ftp's wrapped client");
  } finally {
    raw.close();
  }
}

/** A real ssh2-sftp-client instance, printing nothing, whose calls fail with the case's value. */
function sftpClientOf(c: FuzzCase) {
  const quiet = { error: () => undefined, end: () => undefined, close: () => undefined };
  const raw = new SftpClient("fuzz", quiet);
  const fail = () => Promise.reject(c.value);
  Object.assign(raw, {
    connect: fail,
    get: fail,
    list: fail,
    rename: fail,
    end: () => Promise.resolve(true),
    createReadStream: () => {
      throw c.value;
    },
  });
  return raw;
}

const pemOf = (c: FuzzCase) =>
  c.known[1] ??
  "-----BEGIN OPENSSH PRIVATE KEY-----\nMIfallbackfallbackfallback\n-----END OPENSSH PRIVATE KEY-----";

async function sftpClientWrapped(c: FuzzCase): Promise<unknown[]> {
  const client = sftpClientWrapper(c);
  const path = c.context.path ?? "/data/file.txt";
  const connect = (
    await settled(() =>
      client.connect({ host: "h", username: "u", password: passwordOf(c), privateKey: pemOf(c) }),
    )
  ).value;
  const get = (await settled(() => client.get(path))).value;
  const rename = (await settled(() => client.rename(path, `${path}.old`))).value;
  let stream: unknown;
  try {
    client.createReadStream(path);
  } catch (error) {
    stream = error;
  }
  return transferErrorsOnly([connect, get, rename, stream], "ssh2-sftp-client's wrapped client");
}

function sftpClientWrapper(c: FuzzCase) {
  return sftpClient.wrapClient(sftpClientOf(c), { secrets: c.known.slice(1) });
}

/** ssh2's SFTP session class, made without a server; its requests fail with the case's value. */
const { SFTP } = require("ssh2/lib/protocol/SFTP.js") as {
  SFTP: new (client: unknown, chanInfo: unknown, cfg: unknown) => EventEmitter;
};

function ssh2Session(c: FuzzCase) {
  const channel = { id: 0, window: 2 ** 21, packetSize: 2 ** 15, state: "open" };
  const session = new SFTP(
    { _protocol: { _remoteIdentRaw: "SSH-2.0-OpenSSH_9.6" } },
    { type: "sftp", incoming: { ...channel }, outgoing: { ...channel } },
    {},
  ) as EventEmitter & Record<string, unknown>;
  const callBack = (...args: unknown[]) => {
    const callback = args.at(-1) as (error: unknown) => void;
    setImmediate(() => callback(c.value));
  };
  session.stat = callBack;
  session.readdir = callBack;
  session.open = callBack;
  session.createReadStream = () => {
    const stream = new EventEmitter();
    setImmediate(() => stream.emit("error", c.value));
    return stream;
  };
  return session;
}

function viaCallback(call: (callback: (error: unknown) => void) => void): Promise<unknown> {
  return new Promise((resolve) => call(resolve));
}

async function ssh2Wrapped(c: FuzzCase): Promise<unknown[]> {
  const session = ssh2.wrapClient(ssh2Session(c), {
    secrets: [passwordOf(c), ...c.known],
  }) as Record<string, (...args: unknown[]) => unknown>;
  const path = c.context.path ?? "/data/file.txt";
  const stat = await viaCallback((cb) => session.stat!(path, cb));
  const open = await viaCallback((cb) => session.open!(path, "r", cb));
  const stream = session.createReadStream!(path) as EventEmitter;
  const emitted = await new Promise((resolve) => stream.once("error", resolve));
  // ssh2's callbacks: a falsy error is a success (and a stream emits what it is given).
  return c.value ? transferErrorsOnly([stat, open, emitted], "ssh2's wrapped session") : [];
}

async function ssh2Connect(c: FuzzCase): Promise<unknown[]> {
  const client = new SshClient();
  Object.assign(client, {
    connect() {
      setImmediate(() => client.emit("error", c.value));
      return client;
    },
  });
  const failed = (
    await settled(() =>
      ssh2.connectSftp(client, {
        host: "h",
        username: "u",
        password: passwordOf(c),
        privateKey: pemOf(c),
      } as never),
    )
  ).value;
  return transferErrorsOnly([failed], "connectSftp");
}

async function nodeFtpWrapped(c: FuzzCase): Promise<unknown[]> {
  const raw = new NodeFtpClient() as NodeFtpClient & Record<string, unknown>;
  const callBack = (...args: unknown[]) => {
    const callback = args.at(-1) as (error: unknown) => void;
    setImmediate(() => callback(c.value));
  };
  Object.assign(raw, { connect: () => undefined, list: callBack, get: callBack, size: callBack });
  const unclaimed: unknown[] = [];
  const client = nodeFtp.wrapClient(raw, { onError: (error) => unclaimed.push(error) });
  client.connect({ host: "127.0.0.1", user: "u", password: passwordOf(c) });
  const path = c.context.path ?? "/pub/file.txt";
  const list = await viaCallback((cb) => client.list(path, cb));
  const size = await viaCallback((cb) => client.size(path, cb));
  raw.emit("error", c.value);
  // node-ftp's callbacks: a falsy error is a success.
  return c.value ? transferErrorsOnly([list, size, ...unclaimed], "node-ftp's wrapped client") : [];
}

async function promiseFtpWrapped(c: FuzzCase): Promise<unknown[]> {
  const raw = new PromiseFtp();
  const fail = () => Promise.reject(c.value);
  Object.assign(raw, { connect: fail, list: fail, get: fail });
  const client = nodeFtp.wrapClient(raw);
  const connect = (
    await settled(() => client.connect({ host: "127.0.0.1", user: "u", password: passwordOf(c) }))
  ).value;
  const list = (await settled(() => client.list(c.context.path ?? "/pub"))).value;
  return transferErrorsOnly([connect, list], "promise-ftp's wrapped client");
}

// The integrations ----------------------------------------------------------------------------

const normalize = (error: unknown) => basicFtp.toTransferError(error);
const adapterNormalizers = [
  basicFtp.toTransferError,
  sftpClient.toTransferError,
  ssh2.toTransferError,
  nodeFtp.toTransferError,
];

function textError(text: string): Error {
  return Object.assign(new Error(text), { code: 550 });
}

function recordingSpan() {
  const records: unknown[] = [];
  return {
    records,
    span: {
      setStatus: (status: unknown) => records.push(status),
      setAttributes: (attributes: unknown) => records.push(attributes),
      addEvent: (name: unknown, attributes: unknown) => records.push({ name, attributes }),
    },
  };
}

/** A finite number of at least `min`, or the entry point's answer is wrong. */
function finiteAtLeast(value: unknown, min: number, what: string): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new Error(`${what} gave ${String(value)}`);
  }
}

/** A number-ish value the case offers (its code, its value), for numeric parameters. */
function numberOf(c: FuzzCase): number {
  const code = adapterKit.safeGet(c.value, "code");
  if (typeof c.value === "number") return c.value;
  return typeof code === "number" ? code : typeof c.code === "number" ? c.code : Number.NaN;
}

// The table -----------------------------------------------------------------------------------

export const entryPoints: Record<string, Record<string, Entry>> = {
  "@transfer-errors/core": {
    TransferError: transferErrorClassDriver,
    createTransferError: createTransferErrorDriver,
    explain: explainDriver(core.explain),
    isReason: {
      run: (c) => {
        core.isReason(c.value);
        core.isReason(c.text);
        return [];
      },
    },
    isRetryable: {
      run: (c) => {
        core.isRetryable(c.value);
        return [];
      },
      text: (text) => core.isRetryable(textError(text)),
    },
    isTransferError: isTransferErrorDriver(core.isTransferError),
    listCodes: {
      run: (c) => {
        const all = core.listCodes(c.value as never);
        if (!Array.isArray(all) || all.length === 0) throw new Error("listCodes gave no list");
        return [];
      },
    },
    redact: {
      knowsSecrets: true,
      primary: true,
      run: (c) => {
        // A hostile secrets list: no throw (the secrets it would name are not the case's).
        core.redact(c.text, c.value as never);
        return [core.redact(c.text, c.known)];
      },
      text: (text) => core.redact(text, ["Sxsecret1", "Sxsecret2"]),
    },
    withRetry: {
      run: async (c) => {
        const seen: unknown[] = [];
        const outcome = (
          await settled(() =>
            core.withRetry(
              () => {
                throw c.value;
              },
              {
                retries: 1,
                minDelayMs: 0,
                maxDelayMs: 0,
                onRetry: (error) => seen.push(error),
                reconnect: (error) => seen.push(error),
              },
            ),
          )
        ).value;
        // A value the core cannot read as a client's failure is thrown as it is (the contract).
        if (!core.isTransferError(outcome) && !Object.is(outcome, c.value)) {
          throw new Error("withRetry threw something else than the failure");
        }
        return core.isTransferError(outcome) ? [outcome, ...seen] : seen;
      },
      text: (text) =>
        core
          .withRetry(
            () => {
              throw Object.assign(new Error(text), { code: "ENOENT" });
            },
            { retries: 0 },
          )
          .catch(touch),
    },
  },
  "@transfer-errors/core/adapter": {
    DeadlineExceeded: {
      knowsSecrets: true,
      run: (c) => {
        const operation = c.context.operation ?? c.text;
        const deadline = new adapterKit.DeadlineExceeded(operation, numberOf(c));
        if (!adapterKit.isDeadlineExceeded(deadline)) throw new Error("not recognised");
        // It never reaches a caller as such: every adapter reads it as a timeout.
        return adapterNormalizers.map((read) =>
          read(deadline, { operation, secrets: c.known } as never),
        );
      },
      text: (text) => touch(basicFtp.toTransferError(new adapterKit.DeadlineExceeded(text, 1))),
    },
    ConnectionLoss: {
      knowsSecrets: true,
      run: (c) => {
        const loss = new adapterKit.ConnectionLoss();
        loss.mark(c.text, c.value);
        loss.mark("a later reason", undefined);
        if (loss.why !== c.text) throw new Error("the first reason was not kept");
        const refusal = loss.refusal(c.context.operation ?? "get", "client");
        loss.reset();
        // The refusal is a wrapper's own message: it reaches a caller as an adapter reads it.
        return adapterNormalizers.map((read) =>
          read(new Error(refusal), { secrets: c.known } as never),
        );
      },
      text: (text) => {
        const loss = new adapterKit.ConnectionLoss();
        loss.mark(text);
        return touch(basicFtp.toTransferError(new Error(loss.refusal("get", "client"))));
      },
    },
    ResetMemory: {
      run: (c) => {
        const memory = new adapterKit.ResetMemory();
        const operation = c.context.operation ?? c.text;
        if (memory.note(operation, c.context.path))
          throw new Error("a first reset read as repeated");
        if (!memory.note(operation, c.context.path)) throw new Error("a second reset not noticed");
        memory.forget(operation, c.context.path);
        if (memory.note(operation, c.context.path)) throw new Error("not forgotten");
        return [];
      },
    },
    readDataReset: {
      run: (c) => {
        const memory = new adapterKit.ResetMemory();
        adapterKit.readDataReset(memory, c.value, c.text, c.context.path, c.value as never);
        const get = { commands: ["RETR"] };
        const read = adapterKit.readDataReset(memory, "ECONNRESET", c.text, c.context.path, get);
        if (read.dataReset !== true) throw new Error("a data reset not read");
        return [];
      },
    },
    ShortTransfer: {
      knowsSecrets: true,
      run: (c) => {
        const path = c.context.path ?? c.text;
        const short = new adapterKit.ShortTransfer("download", path, 10, numberOf(c));
        if (!adapterKit.isShortTransfer(short)) throw new Error("not recognised");
        // It reaches a caller only as read by an adapter, which knows the connection's secrets.
        return adapterNormalizers.map((read) => read(short, { path, secrets: c.known } as never));
      },
    },
    WrongProtocol: {
      knowsSecrets: true,
      run: (c) => {
        // As watchGreeting makes it: the server's line redacted whole, then cut at 100.
        const shown = core.redact(c.text);
        const line = shown.length > 100 ? `${shown.slice(0, 100)}…` : shown;
        const wrong = new adapterKit.WrongProtocol("ftp", "ssh", line);
        if (!adapterKit.isWrongProtocol(wrong)) throw new Error("not recognised");
        return adapterNormalizers.map((read) => read(wrong, { secrets: c.known } as never));
      },
    },
    TransferError: transferErrorClassDriver,
    adapterFunctions: {
      knowsSecrets: true,
      run: async (c) => {
        const read = (error: unknown, context: adapterKit.CallContext): adapterKit.Failure => ({
          protocol: "sftp",
          code: adapterKit.readErrorShape(error).code,
          message: adapterKit.readErrorShape(error).message,
          operation: context.operation,
          path: context.path,
          cause: error,
          secrets: context.secrets,
        });
        const broken = (): adapterKit.Failure => {
          throw c.value;
        };
        const outputs: unknown[] = [];
        for (const reader of [read, broken]) {
          const fns = adapterKit.adapterFunctions("sftp", reader);
          outputs.push(fns.toTransferError(c.value, { ...c.context, secrets: c.known }));
          fns.isRetryable(c.value);
          const failed = (
            await settled(() =>
              fns.withRetry(
                () => {
                  throw c.value;
                },
                { retries: 0 },
              ),
            )
          ).value;
          if (!core.isTransferError(failed)) throw new Error("withRetry ended without one");
        }
        return outputs;
      },
    },
    answerOnce: {
      run: (c) => {
        const answers: unknown[] = [];
        const once = adapterKit.answerOnce(c.text, numberOf(c), (error) => answers.push(error));
        once(c.value);
        once(new Error("a second answer"));
        if (answers.length !== 1 || !Object.is(answers[0], c.value))
          throw new Error("answered twice");
        if (once.cancel()) throw new Error("cancelled after the answer");
        return [];
      },
    },
    backoffDelay: {
      run: (c) => {
        const n = numberOf(c);
        const random = () => c.value as number;
        // The server's delay comes from the classification: a finite number of ms, or none.
        const server = Number.isFinite(n) ? Math.abs(n) : undefined;
        // The attempt is withRetry's own count: a whole number from 1.
        for (const attempt of [1, 5, 60, 1e6]) {
          const delay = adapterKit.backoffDelay(
            attempt,
            { minDelayMs: n, maxDelayMs: n, factor: n, random },
            server,
          );
          finiteAtLeast(delay, 0, "backoffDelay");
        }
        return [];
      },
    },
    bindAdapter: {
      run: async (c) => {
        const broken = adapterKit.bindAdapter(() => {
          throw c.value;
        });
        if (broken.isRetryable(c.value) !== false) throw new Error("a broken reader retried");
        const bound = adapterKit.bindAdapter((error) => basicFtp.toTransferError(error));
        bound.isRetryable(c.value);
        const outcome = (
          await settled(() =>
            bound.withRetry(
              () => {
                throw c.value;
              },
              { retries: 0 },
            ),
          )
        ).value;
        return [outcome];
      },
    },
    classify: classifyDriver,
    createTransferError: createTransferErrorDriver,
    deadlineMs: {
      run: (c) => {
        for (const value of [c.value, numberOf(c), c.text]) {
          const ms = adapterKit.deadlineMs(value);
          if (ms !== undefined) finiteAtLeast(ms, Number.MIN_VALUE, "deadlineMs");
          if (ms !== undefined && ms > adapterKit.MAX_TIMER_MS) throw new Error("not clamped");
        }
        return [];
      },
    },
    decide: {
      run: (c) => {
        adapterKit.decide(failureOf(c));
        return [];
      },
      text: (text) => adapterKit.decide(coreFailureText(text)),
    },
    failureOf: {
      knowsSecrets: true,
      run: (c) => {
        const failure = adapterKit.failureOf(c.value, c.context);
        return [adapterKit.createTransferError({ ...failure, secrets: c.known })];
      },
      text: (text) =>
        touch(
          adapterKit.createTransferError(adapterKit.failureOf(textError(text), { path: text })),
        ),
    },
    findCause: {
      run: async (c) => {
        const throwing: adapterKit.PathLook = {
          kind: () => Promise.reject(c.value),
          entries: () => Promise.reject(c.value),
          freeSpace: () => Promise.reject(c.value),
        };
        const odd: adapterKit.PathLook = {
          kind: async () => c.value as string,
          entries: async () => numberOf(c),
          freeSpace: async () => ({ bytes: numberOf(c), inodes: numberOf(c) }),
        };
        for (const look of [throwing, odd]) {
          for (const operation of ["mkdir", "rmdir", "rename", "download"] as const) {
            const path = c.context.path ?? c.text;
            const finding = await adapterKit.findCause(look, operation, path, c.text, 1_000);
            if (finding !== undefined && !adapterKit.findings.includes(finding)) {
              throw new Error(`not a finding: ${String(finding)}`);
            }
          }
        }
        return [];
      },
    },
    listedFinding: {
      run: async (c) => {
        const entries = [{ name: c.text, isDirectory: c.code === undefined }];
        const lists = [
          async () => entries,
          async () => c.value as never,
          () => Promise.reject(c.value),
        ];
        for (const list of lists) {
          const path = c.context.path ?? c.text;
          const finding = await adapterKit.listedFinding(list, path, c.text, 1_000);
          if (finding !== undefined && !adapterKit.findings.includes(finding)) {
            throw new Error(`not a finding: ${String(finding)}`);
          }
        }
        return [];
      },
    },
    isDeadlineExceeded: {
      run: (c) => {
        if (adapterKit.isDeadlineExceeded(c.value)) throw new Error("read as a deadline");
        return [];
      },
    },
    isFtpReplyCode: {
      run: (c) => {
        adapterKit.isFtpReplyCode(c.value);
        adapterKit.isFtpReplyCode(numberOf(c));
        return [];
      },
    },
    isResetCode: {
      run: (c) => {
        adapterKit.isResetCode(c.value);
        adapterKit.isResetCode(adapterKit.safeGet(c.value, "code"));
        return [];
      },
    },
    isShortTransfer: {
      run: (c) => {
        if (adapterKit.isShortTransfer(c.value)) throw new Error("read as a short transfer");
        return [];
      },
    },
    isWrongProtocol: {
      run: (c) => {
        if (adapterKit.isWrongProtocol(c.value)) throw new Error("read as a wrong protocol");
        return [];
      },
    },
    parentOf: {
      run: (c) => {
        for (const path of [c.text, c.context.path ?? "/", "//", "/a//b//", ""]) {
          if (typeof adapterKit.parentOf(path) !== "string") throw new Error("no parent");
        }
        return [];
      },
      text: (text) => adapterKit.parentOf(text),
    },
    protocolOfGreeting: {
      run: (c) => {
        adapterKit.protocolOfGreeting(c.text);
        return [];
      },
      text: (text) => adapterKit.protocolOfGreeting(text),
    },
    greetingLine: {
      primary: true,
      run: (c) => {
        for (const value of [c.text, c.value]) {
          const line = adapterKit.greetingLine(value);
          if (line !== undefined && (line.length > adapterKit.MAX_GREETING || /[\r\n]/.test(line)))
            throw new Error("not one line of at most 255 characters");
        }
        return [];
      },
      text: (text) => adapterKit.greetingLine(text),
    },
    sshGreetingOf: {
      run: (c) => {
        adapterKit.sshGreetingOf(c.value);
        adapterKit.sshGreetingOf({ _remoteVer: c.text });
        return [];
      },
      text: (text) => adapterKit.sshGreetingOf({ _remoteVer: text }),
    },
    sshGreetingIn: {
      run: (c) => {
        adapterKit.sshGreetingIn(c.value, "client");
        adapterKit.sshGreetingIn({ _client: { _remoteVer: c.text } }, "_client");
        return [];
      },
      text: (text) => adapterKit.sshGreetingIn({ client: { _remoteVer: text } }, "client"),
    },
    shortUpload: {
      knowsSecrets: true,
      run: async (c) => {
        const n = numberOf(c);
        const look: adapterKit.PathLook = {
          kind: async () => "-",
          size: async () => n,
          freeSpace: async () => ({ bytes: n, inodes: n }),
        };
        const path = c.context.path ?? c.text;
        const failure = await adapterKit.shortUpload(look, "sftp", "put", path, 1e6);
        return failure ? [core.createTransferError({ ...failure, secrets: c.known })] : [];
      },
    },
    shortfall: {
      knowsSecrets: true,
      run: (c) => {
        const n = numberOf(c);
        const path = c.context.path ?? c.text;
        const outputs: unknown[] = [];
        for (const kind of ["download", "store", "append"] as const) {
          const short = adapterKit.shortfall({
            kind,
            path,
            moved: n,
            before: 1e6,
            after: n,
            startAt: n,
          });
          if (short) outputs.push(basicFtp.toTransferError(short, { path, secrets: c.known }));
        }
        return outputs;
      },
    },
    checkedTransfer: {
      knowsSecrets: true,
      run: async (c) => {
        const n = numberOf(c);
        const path = c.context.path ?? c.text;
        const outputs: unknown[] = [];
        for (const kind of ["download", "store", "append"] as const) {
          const said: string[] = [];
          try {
            await adapterKit.checkedTransfer({
              kind,
              path,
              startAt: n,
              // The transfer's own result is the client's (a hostile value's `then` is its own).
              run: async () => c.text,
              count: async (work) => ({ value: await work(), bytes: n }),
              size: async () => (c.code === undefined ? undefined : 1e6),
              unchecked: (why) => said.push(why),
            });
          } catch (error) {
            if (!adapterKit.isShortTransfer(error)) throw error;
            outputs.push(basicFtp.toTransferError(error, { path, secrets: c.known }));
          }
        }
        return outputs;
      },
    },
    countedThrough: {
      run: async (c) => {
        const calls: unknown[] = [];
        const holder: Record<string, unknown> = { on: (info: unknown) => calls.push(info) };
        const counted = await adapterKit.countedThrough(
          holder,
          "on",
          (info: unknown) => (typeof info === "number" ? info : undefined),
          async () => {
            (holder.on as (info: unknown) => void)(c.value);
            return c.text;
          },
        );
        if (counted.value !== c.text || calls.length !== 1) throw new Error("not passed on");
        // A holder of any shape (a client's internals changed): the work runs, uncounted.
        const uncounted = await adapterKit.countedThrough(
          c.value as never,
          c.text,
          () => 1,
          async () => c.text,
        );
        if (uncounted.value !== c.text) throw new Error("the work's result was lost");
        return [];
      },
    },
    markLoss: {
      run: (c) => {
        const error = basicFtp.toTransferError(c.value);
        adapterKit.markLoss(
          error,
          () => c.value,
          () => c.code === undefined,
        );
        adapterKit.markLoss(error, null, () => false);
        return [error];
      },
    },
    tlsSecretsOf: {
      run: (c) => {
        const found = adapterKit.tlsSecretsOf({
          passphrase: c.known[0],
          key: c.text,
          pfx: c.value,
        });
        if (c.known[0] !== undefined && !found.includes(c.known[0])) {
          throw new Error("the passphrase was not collected");
        }
        adapterKit.tlsSecretsOf(c.value);
        return [];
      },
    },
    watchGreeting: {
      knowsSecrets: true,
      run: (c) => {
        const outputs: unknown[] = [];
        for (const [expected, first] of [
          ["ftp", `SSH-2.0-${c.text}`],
          ["ssh", `220 ${c.text}`],
          ["ftp", c.text],
        ] as const) {
          const socket = new EventEmitter();
          // As the wrappers do: the connection's secrets go to the watch and to the reader.
          const stop = adapterKit.watchGreeting(
            socket,
            expected,
            (wrong) => {
              outputs.push(
                ...adapterNormalizers.map((read) => read(wrong, { secrets: c.known } as never)),
              );
            },
            { secrets: c.known },
          );
          socket.emit("data", Buffer.from(first.slice(0, 40)));
          socket.emit("data", `${first.slice(40)}\r\n`);
          stop();
        }
        return outputs;
      },
      text: (text) => {
        const socket = new EventEmitter();
        adapterKit.watchGreeting(socket, "ftp", (wrong) => touch(basicFtp.toTransferError(wrong)));
        socket.emit("data", `SSH-2.0-${text}`);
      },
    },
    // The FTP wrappers' parts.
    CallRecord: {
      run: (c) => {
        const stream = new EventEmitter();
        const where = { path: 1, local: true };
        const call = new adapterKit.CallRecord(c.text, [stream, c.context.path ?? c.text], where);
        stream.emit("error", c.value);
        // Compared with ===, as the wrapper did: NaN is never the same error.
        const comparable = c.value !== undefined && !Number.isNaN(c.value);
        if (comparable && !call.fromCallerStream(c.value))
          throw new Error("the caller's stream error was not noted");
        call.detach();
        if (stream.listenerCount("error") !== 0) throw new Error("still listening");
        // A hostile argument where a stream or a path may be: no stream, no path.
        new adapterKit.CallRecord(c.text, [c.value, c.value], where).detach();
        return [];
      },
    },
    RunningCalls: {
      run: (c) => {
        const running = new adapterKit.RunningCalls();
        const first = new adapterKit.CallRecord(c.text, [], undefined);
        const second = new adapterKit.CallRecord(c.text, [], undefined);
        running.start(first);
        if (!first.alone) throw new Error("a first call not alone");
        running.start(second);
        if (first.alone || second.alone) throw new Error("two calls at once, one alone");
        return [];
      },
    },
    PendingCalls: {
      run: (c) => {
        const pending = new adapterKit.PendingCalls();
        const failed: unknown[] = [];
        const fail = (error: unknown) => {
          failed.push(error);
          pending.delete(fail);
        };
        pending.add(fail);
        pending.failAll(c.value);
        pending.failAll(c.value);
        if (failed.length !== 1 || !Object.is(failed[0], c.value)) throw new Error("failed twice");
        return [];
      },
    },
    traitsTable: {
      run: (c) => {
        const operations = { [c.text]: { traits: { idempotent: false } }, other: c.value as never };
        const data = { protocol: protocolOf(c), rules: [], advice: {} };
        const facts = { code: c.code, message: c.text, cause: c.value };
        const context = { ...c.context, secrets: c.known };
        const failure = adapterKit.failureFrom(
          { ...data, operations: adapterKit.traitsTable(operations) },
          context,
          facts,
        );
        return [adapterKit.createTransferError(failure)];
      },
    },
    holdClose: {
      run: (c) => {
        const closed: unknown[] = [];
        const owner = { closeWithError: (error: Error) => closed.push(error) };
        const hold = {
          holds: () => true,
          absorbs: () => false,
          cancels: () => false,
          graceMs: 1,
        };
        const release = adapterKit.holdClose(owner, "closeWithError", hold);
        owner.closeWithError(new Error(c.text));
        release(c.value);
        if (closed.length !== 1) throw new Error("the held close did not go ahead");
        return [];
      },
    },
    isLocalFileError: {
      run: (c) => {
        adapterKit.isLocalFileError(c.value, c.context.path);
        adapterKit.isLocalFileError(c.value, c.text);
        return [];
      },
    },
    loginSecrets: {
      run: (c) => {
        const found = adapterKit.loginSecrets({
          password: c.known[0],
          secureOptions: { passphrase: c.text },
        });
        if (c.known[0] !== undefined && !found.includes(c.known[0])) {
          throw new Error("the password was not collected");
        }
        adapterKit.loginSecrets(c.value);
        return [];
      },
    },
    anyCodeRules: {
      knowsSecrets: true,
      run: (c) => {
        const rules = adapterKit.anyCodeRules([["fuzz", "timeout", /^Timeout/, "client-timeout"]]);
        return [
          adapterKit.createTransferError({
            protocol: "ftp",
            message: c.text,
            rules,
            secrets: c.known,
          }),
        ];
      },
    },
    oneLine: {
      run: (c) => {
        if (adapterKit.oneLine(c.text).includes("\n")) throw new Error("a line break kept");
        return [];
      },
      text: (text) => adapterKit.oneLine(text),
      primary: true,
    },
    quotedReply: {
      run: (c) => {
        const match = /^(\d{3})(?:[ -]([\s\S]*))?$/.exec(`550 ${c.text}`);
        if (match) adapterKit.quotedReply(match);
        return [];
      },
      text: (text) => adapterKit.quotedReply(/^(\d{3})(?:[ -]([\s\S]*))?$/.exec(`550-${text}`)!),
      primary: true,
    },
    readSafely: {
      run: (c) => {
        adapterKit.readSafely(() => {
          throw c.value;
        });
        if (
          !Object.is(
            adapterKit.readSafely(() => c.value),
            c.value,
          )
        )
          throw new Error("not read");
        return [];
      },
    },
    replyText: {
      run: (c) => {
        adapterKit.replyText(c.text, typeof c.code === "number" ? c.code : 550);
        return [];
      },
      text: (text) => adapterKit.replyText(`550-${text}\n550 ${text}`, 550),
      primary: true,
    },
    watchPlainGreeting: {
      knowsSecrets: true,
      run: (c) => {
        const outputs: unknown[] = [];
        const socket = new EventEmitter();
        adapterKit.watchPlainGreeting(socket, "ftp", (wrong) => {
          outputs.push(
            ...adapterNormalizers.map((read) => read(wrong, { secrets: c.known } as never)),
          );
        });
        socket.emit("data", `SSH-2.0-${c.text.slice(0, 100)}\r\n`);
        adapterKit.watchPlainGreeting(c.value, "ftp", () => undefined);
        return outputs;
      },
    },
    ftpSession: {
      run: () => {
        const session = adapterKit.ftpSession();
        if (session.secure || session.secrets.length > 0) throw new Error("not a fresh session");
        return [];
      },
    },
    connecting: {
      run: (c) => {
        const session = adapterKit.ftpSession();
        adapterKit.connecting(session, { password: c.known[0], secure: c.value } as never);
        if (c.known[0] !== undefined && !session.secrets.includes(c.known[0])) {
          throw new Error("the password was not collected");
        }
        adapterKit.connecting(session, undefined);
        return [];
      },
    },
    watchFtpGreeting: {
      knowsSecrets: true,
      run: (c) => {
        const outputs: unknown[] = [];
        const session = adapterKit.ftpSession();
        session.secrets.push(...c.known);
        const socket = new EventEmitter();
        adapterKit.watchFtpGreeting(session, socket, (wrong) => {
          outputs.push(basicFtp.toTransferError(wrong, { secrets: c.known }));
        });
        socket.emit("data", `220 ${c.text.slice(0, 100)}\r\n`);
        const ssh = new EventEmitter();
        adapterKit.watchFtpGreeting(session, ssh, (wrong) => {
          outputs.push(basicFtp.toTransferError(wrong, { secrets: c.known }));
        });
        ssh.emit("data", `SSH-2.0-${c.text.slice(0, 100)}\r\n`);
        adapterKit.watchFtpGreeting(session, c.value, () => undefined);
        return outputs;
      },
    },
    isSignal: {
      run: (c) => {
        adapterKit.isSignal(c.value);
        adapterKit.isSignal(c.text);
        return [];
      },
    },
    isThenable: {
      run: (c) => {
        adapterKit.isThenable(c.value);
        return [];
      },
    },
    isTransferError: isTransferErrorDriver(adapterKit.isTransferError),
    listen: {
      run: (c) => {
        const heard: unknown[] = [];
        adapterKit.listen(c.value, ["error", "close"], (error) => heard.push(error));
        const emitter = new EventEmitter();
        adapterKit.listen(emitter, ["error", "close"], (error) => heard.push(error));
        emitter.emit("error", c.value);
        emitter.emit("close");
        if (heard.length !== 2) throw new Error("not heard");
        return [];
      },
    },
    markReconnect: {
      run: (c) => {
        const error = core.createTransferError({ protocol: "ftp", cause: c.value });
        adapterKit.markReconnect(error, null);
        adapterKit.markReconnect(c.value as object, () => c.value);
        if (adapterKit.reconnectorOf(error) !== null) throw new Error("the mark was not kept");
        return [error];
      },
    },
    mentionsDeadline: {
      run: (c) => {
        adapterKit.mentionsDeadline(c.text);
        return [];
      },
      text: (text) => adapterKit.mentionsDeadline(text),
    },
    readErrorShape: {
      // A reader: it returns what the value holds, secrets included, for the adapter to read.
      run: (c) => {
        adapterKit.readErrorShape(c.value);
        return [];
      },
    },
    reconnectorOf: {
      run: (c) => {
        const how = adapterKit.reconnectorOf(c.value);
        if (how !== undefined && how !== null && typeof how !== "function")
          throw new Error("bad mark");
        return [];
      },
    },
    reconnectable: {
      run: async (c) => {
        const connection = adapterKit.reconnectable({
          protocol: "sftp",
          open: () => Promise.reject(c.value),
          retire: () => Promise.resolve(),
        });
        let before: unknown;
        try {
          void connection.client;
        } catch (error) {
          before = error;
        }
        const failed = (await settled(() => connection.connect())).value;
        if (!Object.is(failed, c.value)) throw new Error("connect changed the failure");
        await connection.end();
        const retired: unknown[] = [];
        const connecting = adapterKit.reconnectable({
          protocol: "sftp",
          open: async () => c.text,
          connect: () => Promise.reject(c.value),
          retire: async (client) => void retired.push(client),
        });
        if (!Object.is((await settled(() => connecting.connect())).value, c.value))
          throw new Error("a failed connect changed the failure");
        if (retired[0] !== c.text) throw new Error("a client that failed to connect was kept");
        return transferErrorsOnly([before], "reconnectable's client before connect()");
      },
    },
    retire: {
      run: async (c) => {
        await adapterKit.retire(c.value, 5, () => {
          throw c.value;
        });
        await adapterKit.retire({ end: () => Promise.reject(c.value) }, 5);
        return [];
      },
    },
    safeGet: {
      run: (c) => {
        for (const key of ["message", "code", "__proto__", "constructor", Symbol.iterator]) {
          adapterKit.safeGet(c.value, key);
        }
        return [];
      },
    },
    safeString: {
      run: (c) => {
        for (const key of ["message", "name", "__proto__"]) {
          const text = adapterKit.safeString(c.value, key);
          if (text !== undefined && typeof text !== "string") throw new Error("not a string");
        }
        return [];
      },
    },
    safeText: {
      run: (c) => {
        if (typeof adapterKit.safeText(c.value) !== "string") throw new Error("not a string");
        return [];
      },
    },
    secretsIn: {
      run: (c) => {
        adapterKit.secretsIn(c.value);
        const config = { password: c.known[0], passphrase: c.value, privateKey: c.text };
        const found = adapterKit.secretsIn(config);
        if (c.known[0] !== undefined && !found.includes(c.known[0])) {
          throw new Error("the password was not collected");
        }
        return [];
      },
    },
    secretsOf: {
      run: (c) => {
        const found = adapterKit.secretsOf(c.value, ...c.known, {
          passphrase: c.value,
          pem: c.text,
        });
        for (const known of c.known) {
          if (!found.includes(known)) throw new Error("a known secret was not collected");
        }
        return [];
      },
      text: (text) => adapterKit.secretsOf(text, { pem: text }),
    },
    splitPrefixes: {
      run: (c) => {
        const parts = adapterKit.splitPrefixes(c.text, (name) => name !== "x", ["Re-thrown: "]);
        if (parts.prefixes.length > 12) throw new Error("more prefixes than its guard");
        return [];
      },
      text: (text) => adapterKit.splitPrefixes(text, () => true, ["Re-thrown: ", "get: "]),
    },
    splitTextAndPath: {
      run: (c) => {
        adapterKit.splitTextAndPath(c.text, c.context.path);
        adapterKit.splitTextAndPath(c.text);
        return [];
      },
      text: (text) => [
        adapterKit.splitTextAndPath(text, text.slice(-100)),
        adapterKit.splitTextAndPath(text),
      ],
    },
    table: {
      // A lookup table of static data, made when an adapter loads: given plain records. A hostile
      // container is no data an adapter ships (Object.assign would throw on a throwing Proxy).
      run: (c) => {
        const t = adapterKit.table({ [c.text]: 1, ...JSON.parse('{"__proto__": 2}') });
        for (const key of ["constructor", "toString", "hasOwnProperty", "valueOf"]) {
          if (t[key] !== undefined) throw new Error(`table found ${key}`);
        }
        return [];
      },
    },
    withDeadline: {
      run: async (c) => {
        const rejected = (
          await settled(() => adapterKit.withDeadline(Promise.reject(c.value), "get", numberOf(c)))
        ).value;
        if (!Object.is(rejected, c.value)) throw new Error("withDeadline changed the rejection");
        const expired = (
          await settled(() =>
            adapterKit.withDeadline(new Promise(() => undefined), c.text, 1, () => {
              throw c.value;
            }),
          )
        ).value;
        if (!adapterKit.isDeadlineExceeded(expired)) throw new Error("no DeadlineExceeded");
        return [];
      },
    },
    wrapMethods: {
      run: (c) => {
        const client = {
          size() {
            throw c.value;
          },
          name: "client",
        };
        const wrapped = adapterKit.wrapMethods(client, (_name, original) => original);
        let thrown: unknown;
        try {
          wrapped.size();
        } catch (error) {
          thrown = error;
        }
        if (!Object.is(thrown, c.value) || wrapped.name !== "client")
          throw new Error("not forwarded");
        return [];
      },
    },
    // SFTP wrappers
    ...sftpWrapperParts,
    // FTP wrappers of a client that tells of its connection by events
    ...eventClientParts,
    // FTP wrappers of a promise client that can log in again (FtpCalls)
    ...ftpWrapperParts,
  },
  "@transfer-errors/core/registry": {
    classify: classifyDriver,
    codeSpaceOf: {
      run: (c) => {
        registry.codeSpaceOf(protocolOf(c), c.value as never, c.text as never);
        registry.codeSpaceOf(c.value as never, adapterKit.safeGet(c.value, "code") as never);
        return [];
      },
    },
    explain: explainDriver(registry.explain),
    isFtpReplyCode: {
      run: (c) => {
        registry.isFtpReplyCode(c.value as never);
        registry.isFtpReplyCode(numberOf(c));
        return [];
      },
    },
    listCodes: {
      run: (c) => {
        registry.listCodes(c.value as never);
        return [];
      },
    },
  },
  "@transfer-errors/core/catalog": {
    fitsTemplate: {
      primary: true,
      run: (c) => {
        for (const template of ["{}", "{} {}", c.text, `{}${c.text}{}`, "550 {}: {}"]) {
          catalog.fitsTemplate(c.text, template);
        }
        return [];
      },
      text: (text) => [
        catalog.fitsTemplate(text, `{}${text.slice(0, 64)}{}${text.slice(-64)}{}`),
        catalog.fitsTemplate(text, "{} {}: {}{}'{}"),
      ],
    },
    lookUpReply: {
      primary: true,
      run: (c) => {
        const code = adapterKit.safeGet(c.value, "code");
        catalog.lookUpReply(catalog.replyCatalog, "ftp", code, c.text, ["RETR", "STOR"]);
        catalog.lookUpReply(catalog.replyCatalog, "sftp", 4, c.text, undefined);
        return [];
      },
      text: (text) => catalog.lookUpReply(catalog.replyCatalog, "ftp", 550, text, ["RETR"]),
    },
    productOfGreeting: {
      primary: true,
      run: (c) => {
        catalog.productOfGreeting(catalog.replyCatalog, "sftp", c.text);
        catalog.productOfGreeting(catalog.replyCatalog, "ftp", c.value as string);
        catalog.lookUpReply(catalog.replyCatalog, "sftp", 4, "Failure", ["STAT"], c.text);
        return [];
      },
      text: (text) => catalog.productOfGreeting(catalog.replyCatalog, "ftp", `220 ${text}`),
    },
  },
  "@transfer-errors/basic-ftp": {
    ...adapterDrivers(
      basicFtp as unknown as AdapterModule,
      [{}, { closed: true, fromCallerStream: true, refusedBefore: true, afterMisuse: true }],
      textError,
    ),
    wrapClient: {
      knowsSecrets: true,
      primary: true,
      run: basicFtpWrapped,
      text: (text) =>
        basicFtp
          .wrapClient(basicFtpClient({ ...emptyCase, value: textError(text) }))
          .size(text)
          .catch(touch),
    },
    reconnect: {
      run: async (c) => {
        // Not a wrapped client: a TypeError that says so, as a rejection.
        const outcome = (await settled(() => basicFtp.reconnect(c.value as never))).value;
        if (!(outcome instanceof TypeError)) throw new Error("reconnect() took a foreign client");
        return [outcome, ...(await basicFtpWrapped(c)).slice(-1)];
      },
    },
    workingDirOf: {
      run: (c) => {
        const dir = basicFtp.workingDirOf(c.value as never);
        if (dir !== undefined) throw new Error("a working directory for a foreign value");
        return [];
      },
    },
  },
  "@transfer-errors/ssh2-sftp-client": {
    ...adapterDrivers(
      sftpClient as unknown as AdapterModule,
      [{}, { connected: false, ended: true }, { operation: "connect" }],
      (text) => Object.assign(new Error(text), { code: 4 }),
    ),
    wrapClient: {
      knowsSecrets: true,
      primary: true,
      run: sftpClientWrapped,
      text: (text) =>
        sftpClientWrapper({ ...emptyCase, value: Object.assign(new Error(text), { code: 2 }) })
          .get(text)
          .catch(touch),
    },
    createConnection: {
      knowsSecrets: true,
      run: async (c) => {
        const connection = sftpClient.createConnection(
          { host: "h", username: "u", password: passwordOf(c), privateKey: pemOf(c) },
          { createClient: () => sftpClientOf(c), endTimeoutMs: 10 },
        );
        let before: unknown;
        try {
          void connection.client;
        } catch (error) {
          before = error;
        }
        const connect = (await settled(() => connection.connect())).value;
        await connection.end();
        return transferErrorsOnly([before, connect], "createConnection");
      },
    },
    needsReconnect: {
      run: (c) => {
        if (sftpClient.needsReconnect(c.value as never))
          throw new Error("a foreign value needs it");
        return [];
      },
    },
  },
  "@transfer-errors/ssh2": {
    ...adapterDrivers(
      ssh2 as unknown as AdapterModule,
      [{}, { connection: true }, { operation: "connect", ended: true }],
      (text) => Object.assign(new Error(text), { code: 4 }),
    ),
    wrapClient: {
      knowsSecrets: true,
      primary: true,
      run: ssh2Wrapped,
      text: (text) =>
        new Promise((resolve) =>
          (
            ssh2.wrapClient(
              ssh2Session({ ...emptyCase, value: Object.assign(new Error(text), { code: 2 }) }),
            ) as unknown as Record<string, (...args: unknown[]) => void>
          ).stat!(text, (error: unknown) => resolve(touch(error))),
        ),
    },
    connectSftp: { knowsSecrets: true, run: ssh2Connect },
    needsReconnect: {
      run: (c) => {
        ssh2.needsReconnect(c.value as never);
        return [];
      },
    },
  },
  "@transfer-errors/ftp": {
    ...adapterDrivers(
      nodeFtp as unknown as AdapterModule,
      [{}, { connecting: true, closed: true, dataReset: true, repeated: true }],
      textError,
    ),
    wrapClient: {
      knowsSecrets: true,
      primary: true,
      run: async (c) => [...(await nodeFtpWrapped(c)), ...(await promiseFtpWrapped(c))],
      text: (text) => {
        const raw = new PromiseFtp();
        Object.assign(raw, { list: () => Promise.reject(textError(text)) });
        return nodeFtp.wrapClient(raw).list(text).catch(touch);
      },
    },
  },
  "@transfer-errors/integrations": {
    decide: {
      run: (c) => {
        // Without normalize the decision's `error` is the thrown value itself.
        integrations.decide(c.value);
        return adapterNormalizers.map(
          (read) => integrations.decide(c.value, { normalize: read }).error,
        );
      },
      text: (text) => touch(integrations.decide(textError(text), { normalize }).error),
    },
    jitteredDelay: {
      run: (c) => {
        const n = numberOf(c);
        for (const attempt of [1, 4, 60, 1e6]) {
          const delay = integrations.jitteredDelay(
            attempt,
            { minDelayMs: n, maxDelayMs: n, factor: n, random: () => c.value as number },
            Number.isFinite(n) ? Math.abs(n) : undefined,
          );
          finiteAtLeast(delay, 0, "jitteredDelay");
        }
        return [];
      },
    },
    reconnectingBeforeRetry: {
      run: async (c) => {
        const reconnects: unknown[] = [];
        const run = integrations.reconnectingBeforeRetry(
          () => {
            throw c.value;
          },
          (error) => {
            reconnects.push(error);
          },
          { normalize },
        );
        for (let i = 0; i < 2; i++) {
          if (!Object.is((await settled(run)).value, c.value))
            throw new Error("the failure was changed");
        }
        return reconnects;
      },
    },
  },
  "@transfer-errors/integrations/p-retry": {
    shouldRetryTransfer: {
      run: async (c) => {
        const reconnects: unknown[] = [];
        const should = pRetry.shouldRetryTransfer({
          normalize,
          reconnect: (error) => {
            reconnects.push(error);
          },
        });
        const answer = await should({ error: c.value, attemptNumber: 1 });
        if (typeof answer !== "boolean") throw new Error("not a boolean");
        return reconnects;
      },
    },
  },
  "@transfer-errors/integrations/async-retry": {
    bailOnPermanent: {
      run: async (c) => {
        const bailed: unknown[] = [];
        const wrapped = asyncRetry.bailOnPermanent(
          () => {
            throw c.value;
          },
          { normalize },
        );
        const outcome = (await settled(() => wrapped((error) => bailed.push(error), 1))).value;
        // Either bailed (async-retry rejects with what bail got) or rethrown as it was.
        if (bailed.length === 0 && outcome !== c.value)
          throw new Error("neither bailed nor rethrew");
        return [];
      },
    },
  },
  "@transfer-errors/integrations/exponential-backoff": {
    retryTransfer: {
      run: async (c) => {
        const reconnects: unknown[] = [];
        const retry = exponentialBackoff.retryTransfer({
          normalize,
          reconnect: (error) => {
            reconnects.push(error);
          },
        });
        if (typeof (await retry(c.value, 1)) !== "boolean") throw new Error("not a boolean");
        return reconnects;
      },
    },
  },
  "@transfer-errors/integrations/cockatiel": {
    isTransientTransfer: {
      run: (c) => {
        cockatiel.isTransientTransfer({ normalize })(c.value);
        cockatiel.isTransientTransfer()(c.value);
        return [];
      },
    },
    TransferBackoff: {
      run: (c) => {
        const backoff = new cockatiel.TransferBackoff({ normalize, maxDelayMs: 1_000 });
        const next = backoff.next({ attempt: 1, result: { error: c.value } } as never);
        finiteAtLeast(next.duration, 0, "TransferBackoff");
        return [];
      },
    },
    transferRetryPolicy: {
      run: async (c) => {
        const policy = cockatiel.transferRetryPolicy({
          normalize,
          maxAttempts: 1,
          minDelayMs: 0,
          maxDelayMs: 0,
        });
        const outcome = (
          await settled(() =>
            policy.execute(() => {
              throw c.value;
            }),
          )
        ).value;
        if (!Object.is(outcome, c.value)) throw new Error("the policy changed the failure");
        return [];
      },
    },
    withReconnect: {
      run: async (c) => {
        const reconnects: unknown[] = [];
        const run = cockatiel.withReconnect(
          () => {
            throw c.value;
          },
          (error) => {
            reconnects.push(error);
          },
          { normalize },
        );
        for (let i = 0; i < 2; i++) await settled(() => run({ attempt: i } as never));
        return reconnects;
      },
    },
  },
  "@transfer-errors/integrations/bullmq": {
    transferProcessor: {
      run: async (c) => {
        const processor = bullmq.transferProcessor(
          async () => {
            throw c.value;
          },
          { normalize },
        );
        return [(await settled(() => processor({}))).value];
      },
      text: (text) =>
        bullmq
          .transferProcessor(
            async () => {
              throw textError(text);
            },
            { normalize },
          )({})
          .catch((error: Error) => [error.message, error.stack]),
    },
    transferBackoffStrategy: {
      run: (c) => {
        const strategy = bullmq.transferBackoffStrategy({ normalize });
        for (const type of [undefined, bullmq.TRANSFER_BACKOFF, "fixed"]) {
          finiteAtLeast(strategy(1, type, c.value as Error, {}), -1, "transferBackoffStrategy");
        }
        return [];
      },
    },
    UnrecoverableTransferError: {
      // It holds what it is given (the processor passes the redacted TransferError): no secret
      // check of its own, only that it is made and read.
      run: (c) => {
        const made = new bullmq.UnrecoverableTransferError(c.text, c.text, { cause: c.value });
        if (made.name !== "UnrecoverableError") throw new Error("BullMQ would not see it");
        return [];
      },
    },
  },
  "@transfer-errors/integrations/temporal": {
    toApplicationFailure: {
      run: (c) => [temporal.toApplicationFailure(c.value, { normalize })],
      text: (text) => {
        const failure = temporal.toApplicationFailure(textError(text), { normalize });
        return JSON.stringify(failure.details);
      },
    },
    transferActivity: {
      run: async (c) => {
        const activity = temporal.transferActivity(
          async () => {
            throw c.value;
          },
          { normalize },
        );
        return [(await settled(() => activity())).value];
      },
    },
    transferFailureType: {
      // "TransferError:" and the reason it is given: an echo of a reason, no text of a failure.
      run: (c) => {
        if (!temporal.transferFailureType(c.text).startsWith("TransferError:"))
          throw new Error("type");
        return [];
      },
    },
  },
  "@transfer-errors/integrations/pino": {
    transferErrSerializer: {
      run: (c) => [pinoIntegration.transferErrSerializer({ normalize })(c.value)],
      text: (text) =>
        JSON.stringify(pinoIntegration.transferErrSerializer({ normalize })(textError(text))),
    },
    errSerializer: {
      run: (c) => {
        // Anything else than a TransferError is logged as itself (type, message, stack, code).
        pinoIntegration.errSerializer(c.value);
        return [pinoIntegration.errSerializer(basicFtp.toTransferError(c.value, contextOf(c)))];
      },
      knowsSecrets: true,
      text: (text) =>
        JSON.stringify(pinoIntegration.errSerializer(basicFtp.toTransferError(textError(text)))),
    },
  },
  "@transfer-errors/integrations/opentelemetry": {
    transferErrorAttributes: {
      run: (c) => [otel.transferErrorAttributes(c.value, { normalize })],
      text: (text) => otel.transferErrorAttributes(textError(text), { normalize }),
    },
    recordTransferFailure: {
      run: (c) => {
        const { span, records } = recordingSpan();
        otel.recordTransferFailure(span, c.value, { normalize });
        return records;
      },
    },
    recordRetriedAttempt: {
      run: (c) => {
        const { span, records } = recordingSpan();
        otel.recordRetriedAttempt(span, c.value, 2, { normalize });
        return records;
      },
    },
  },
};

const emptyCase: FuzzCase = {
  value: undefined,
  text: "",
  secrets: [],
  known: [],
  context: {},
  code: undefined,
  how: "text",
};

/** The packages (npm names) whose exports the table covers. */
export const packages = [
  "@transfer-errors/core",
  "@transfer-errors/basic-ftp",
  "@transfer-errors/ssh2-sftp-client",
  "@transfer-errors/ssh2",
  "@transfer-errors/ftp",
  "@transfer-errors/integrations",
] as const;
