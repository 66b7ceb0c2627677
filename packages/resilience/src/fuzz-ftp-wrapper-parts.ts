// Fuzz drivers of the core's parts of the FTP wrappers added with FtpCalls
// (@transfer-errors/core/adapter): each is fed the case's value as what a client threw (or as an
// argument it was given), and its outputs go through the surface checks.

import * as basicFtp from "@transfer-errors/basic-ftp";
import * as adapterKit from "@transfer-errors/core/adapter";
import type { Entry } from "./fuzz-entry-points.ts";
import type { FuzzCase } from "./fuzz-inputs.ts";

type Context = adapterKit.FtpCallContext & { closed?: boolean };

const operations = adapterKit.table({
  get: { path: 0, probed: true, dir: "cd", transfer: "download" },
  login: { traits: { connects: true } },
} as const);

const data = adapterKit.ftpAdapterData([], {}, adapterKit.traitsTable(operations));

const convert = adapterKit.adapterFunctions<Context>("ftp", (error, context) => {
  const facts = { message: adapterKit.readErrorShape(error).message, cause: error };
  return adapterKit.failureFrom(data, context, facts);
}).toTransferError;

/** A client whose every call fails with the case's value, its session closed after a failure. */
class FuzzCalls extends adapterKit.FtpCalls<unknown, Context> {
  isClosed = false;
  protected readonly loginOperation = "login";
  constructor(readonly c: FuzzCase) {
    super(
      operations,
      { timeoutMs: 1_000, diagnose: true, reconnect: true, verifyTransfers: true },
      convert,
    );
    this.secrets.push(...c.known);
    this.login = {};
  }
  protected send(): Promise<unknown> {
    return Promise.reject(this.c.value);
  }
  protected counts(): adapterKit.TransferCounts {
    return {
      startAt: 0,
      count: async (work) => ({ value: await work(), bytes: 0 }),
      size: async () => 10,
      unchecked: () => undefined,
    };
  }
  protected close(): void {
    this.isClosed = true;
  }
  protected context(): Context {
    this.isClosed = true;
    return { closed: true };
  }
  protected look(): Promise<adapterKit.Finding | undefined> {
    return Promise.resolve(this.c.code === undefined ? undefined : "missing");
  }
  closed(): boolean {
    return this.isClosed;
  }
  closedByApplication(): boolean {
    return false;
  }
  reopen(): Promise<void> {
    return Promise.reject(this.c.value);
  }
}

async function outcome(work: () => unknown): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    return error;
  }
}

export const ftpWrapperParts: Record<string, Entry> = {
  FtpCalls: {
    knowsSecrets: true,
    run: async (c) => {
      const calls = new FuzzCalls(c);
      const path = c.context.path ?? c.text;
      const outputs = [
        await outcome(() => calls.call("get", () => undefined, [path])),
        // The session is closed now: the reopen before the call fails, with the case's value.
        await outcome(() => calls.call("get", () => undefined, [path])),
        await outcome(() => calls.call("login", () => undefined, [c.value])),
      ];
      for (const output of outputs) {
        if (!adapterKit.isTransferError(output))
          throw new Error("a failure that is no TransferError");
      }
      return outputs;
    },
  },
  holdDataReset: {
    run: (c) => {
      const closed: unknown[] = [];
      const owner = { closeWithError: (error: Error) => closed.push(error) };
      const release = adapterKit.holdDataReset(
        owner,
        "closeWithError",
        () => true,
        () => false,
      );
      owner.closeWithError(new Error(c.text));
      release(c.value);
      // A negative reply lets the held close go; anything else closes now.
      const reply = typeof adapterKit.safeGet(c.value, "code") === "number";
      if (closed.length > 1 || (!reply && closed.length !== 1))
        throw new Error("the held close was lost");
      return [];
    },
  },
  nextWorkingDir: {
    run: (c) => {
      for (const move of ["login", "cd", "up", undefined] as const) {
        const dir = adapterKit.nextWorkingDir(c.text, move, c.context.path ?? c.text);
        if (typeof dir !== "string") throw new Error("no directory");
      }
      return [];
    },
    text: (text) => adapterKit.nextWorkingDir(text, "cd", text),
    primary: true,
  },
  ftpAdapterData: {
    knowsSecrets: true,
    run: (c) => {
      const own = adapterKit.ftpAdapterData([], {}, {});
      const failure = adapterKit.failureFrom(
        own,
        { ...c.context, secrets: c.known },
        { cause: c.value },
      );
      return [adapterKit.createTransferError(failure)];
    },
  },
  wrapperSignal: {
    run: (c) => {
      adapterKit.wrapperSignal(c.value);
      if (adapterKit.wrapperSignal(new adapterKit.DeadlineExceeded(c.text, 1)) !== "deadline")
        throw new Error("a deadline not read");
      return [basicFtp.toTransferError(c.value, { secrets: c.known })];
    },
  },
  sendsDataCommand: {
    run: (c) => {
      adapterKit.sendsDataCommand(c.value as never);
      adapterKit.sendsDataCommand({ commands: [c.text, c.value] } as never);
      return [];
    },
  },
};
