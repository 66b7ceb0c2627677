// Fuzz drivers of the core's parts of the SFTP wrappers (@transfer-errors/core/adapter): each is
// fed the case's value as what a client threw, and its outputs go through the surface checks.
import { EventEmitter } from "node:events";
import * as adapterKit from "@transfer-errors/core/adapter";
import * as sftpClient from "@transfer-errors/ssh2-sftp-client";
import type { Entry } from "./fuzz-entry-points.ts";
import type { FuzzCase } from "./fuzz-inputs.ts";

const data: adapterKit.AdapterData = {
  protocol: "sftp",
  operations: adapterKit.table({ get: { path: 0 }, connect: { connects: true } }),
  rules: [],
  advice: {},
};

const read = (error: unknown, context: adapterKit.CallContext): adapterKit.Failure => ({
  ...adapterKit.failureFrom(data, context, { cause: error }),
  message: adapterKit.readErrorShape(error).message,
});

const reader = { read, toTransferError: adapterKit.adapterFunctions("sftp", read).toTransferError };

/** What a promise settled with (a rejection as its value). */
async function outcome(work: () => unknown): Promise<unknown> {
  try {
    return await work();
  } catch (error) {
    return error;
  }
}

function expectTransferErrors(values: unknown[]): unknown[] {
  for (const value of values) {
    if (!adapterKit.isTransferError(value)) throw new Error("a failure that is no TransferError");
  }
  return values;
}

export const sftpWrapperParts: Record<string, Entry> = {
  failureFrom: {
    knowsSecrets: true,
    run: (c: FuzzCase) => {
      const context = { ...c.context, secrets: c.known };
      return [
        adapterKit.createTransferError(adapterKit.failureFrom(data, context, { cause: c.value })),
      ];
    },
  },
  pathArgument: {
    run: (c) => {
      if (adapterKit.pathArgument([c.value, c.text], 1) !== c.text) throw new Error("no path");
      adapterKit.pathArgument([c.value], 0);
      return [];
    },
  },
  messageRules: {
    run: (c) => {
      const [rule] = adapterKit.messageRules([[c.text, "unknown", /^$/, c.text, "misuse"]]);
      if (rule?.codes?.[0] !== c.text) throw new Error("the code was not kept");
      return [];
    },
  },
  ssh2Shape: {
    run: (c) => {
      const shape = adapterKit.ssh2Shape(c.value);
      if (typeof shape.text !== "string") throw new Error("no text");
      return [];
    },
    text: (text) => adapterKit.ssh2Shape(new Error(text)),
  },
  ssh2Failure: {
    knowsSecrets: true,
    run: (c) => {
      const context = { ...c.context, secrets: c.known };
      const shape = adapterKit.ssh2Shape(c.value);
      const failure = adapterKit.ssh2Failure(data, c.value, shape, context, c.text === "");
      return [adapterKit.createTransferError(failure)];
    },
  },
  readSsh2Number: {
    knowsSecrets: true,
    run: (c) => {
      const shape = adapterKit.ssh2Shape(c.value);
      return [true, false].map((disconnect) => {
        const failure = adapterKit.ssh2Failure(data, c.value, shape, { secrets: c.known }, false);
        adapterKit.readSsh2Number(failure, disconnect, c.text);
        return adapterKit.createTransferError(failure);
      });
    },
  },
  watchLibrarySocket: {
    knowsSecrets: true,
    run: (c) => {
      adapterKit.watchLibrarySocket(c.value, "ssh", c.known);
      const destroyed: unknown[] = [];
      const socket = Object.assign(new EventEmitter(), {
        bytesRead: 0,
        destroy: (error: unknown) => destroyed.push(error),
      });
      adapterKit.watchLibrarySocket(socket, "ssh", c.known);
      socket.emit("data", `220 ${c.text}\r\n`);
      // The WrongProtocol reaches a caller as the adapter reads it, with the connection's secrets.
      return destroyed.map((error) => sftpClient.toTransferError(error, { secrets: c.known }));
    },
  },
  watchSsh2Socket: {
    knowsSecrets: true,
    run: (c) => {
      adapterKit.watchSsh2Socket(c.value, c.known);
      const destroyed: unknown[] = [];
      const _sock = Object.assign(new EventEmitter(), {
        bytesRead: 0,
        destroy: (error: unknown) => destroyed.push(error),
      });
      adapterKit.watchSsh2Socket({ _sock }, c.known, (error) => destroyed.push(error));
      _sock.emit("data", `220 ${c.text}\r\n`);
      return destroyed.map((error) => sftpClient.toTransferError(error, { secrets: c.known }));
    },
  },
  convertingMethod: {
    run: async (c) => {
      const convertFor = () => (error: unknown) => ({ converted: error });
      const throwing = adapterKit.convertingMethod({}, () => Promise.reject(c.value), convertFor);
      const rejected = await outcome(() => throwing());
      if (!Object.is((rejected as { converted?: unknown }).converted, c.value))
        throw new Error("not converted");
      return [];
    },
  },
  PromiseCalls: {
    knowsSecrets: true,
    run: async (c) => {
      const client = {
        get: (_path: string) => Promise.reject(c.value),
        connect: () => Promise.reject(c.value),
      };
      const options = { secrets: c.known, timeoutMs: 1_000 };
      const calls = new adapterKit.PromiseCalls(client, data, reader, options);
      const proxy = calls.proxy<typeof client>(() => false, new Set());
      const path = c.context.path ?? c.text;
      return expectTransferErrors([
        await outcome(() => proxy.connect()),
        await outcome(() => proxy.get(path)),
        await outcome(() => proxy.get(path)),
      ]);
    },
  },
  RequestWatch: {
    run: async (c) => {
      const watch = new adapterKit.RequestWatch();
      watch.watch(c.value);
      const answers: unknown[] = [];
      const channel = {
        open: (_path: unknown, _flags: unknown, cb: (error: unknown) => void) => cb(c.value),
        read: c.value,
      };
      watch.watch(channel);
      const mark = watch.mark();
      channel.open(c.text, "r", (error) => answers.push(error));
      if (!Object.is(answers[0], c.value)) throw new Error("the answer was changed");
      watch.failedSince(mark, c.value);
      watch.failedSince(mark, { code: adapterKit.safeGet(c.value, "code"), message: c.text });
      return [];
    },
    text: (text) => {
      const watch = new adapterKit.RequestWatch();
      const channel = { open: (cb: (error: unknown) => void) => cb({ code: 2, message: text }) };
      watch.watch(channel);
      channel.open(() => undefined);
      return watch.failedSince(0, new Error(`get: ${text} /x`));
    },
  },
  failedRequestOf: {
    run: (c) => {
      adapterKit.failedRequestOf(c.value);
      return [];
    },
  },
  sftpRequestOf: {
    run: (c) => {
      adapterKit.sftpRequestOf(c.value as never);
      return [];
    },
    text: (text) => adapterKit.sftpRequestOf(text),
  },
  promiseCallsOf: {
    run: (c) => {
      if (adapterKit.promiseCallsOf(c.value as object) !== undefined)
        throw new Error("a stranger's calls");
      return [];
    },
  },
  callWithCallback: {
    knowsSecrets: true,
    run: (c) => {
      const answers: unknown[] = [];
      const answer = (_path: unknown, callback: (error: unknown) => void) => callback(c.value);
      adapterKit.callWithCallback({}, answer, [c.text, (error: unknown) => answers.push(error)], {
        operation: c.context.operation ?? "stat",
        timeoutMs: 1_000,
        convert: (error) => sftpClient.toTransferError(error, { secrets: c.known }),
      });
      return answers.filter((error) => error);
    },
  },
  markLossOn: {
    run: (c) => {
      const loss = new adapterKit.ConnectionLoss();
      adapterKit.markLossOn(c.value, ["error", "close"], loss, c.text);
      const emitter = new EventEmitter();
      adapterKit.markLossOn(emitter, ["error", "close"], loss, c.text);
      emitter.emit("error", c.value);
      emitter.emit("close", c.value);
      if (loss.why !== c.text) throw new Error("the loss was not marked");
      // The refusal that follows reaches a caller as the adapter reads it.
      return [sftpClient.toTransferError(new Error(loss.refusal("get", "client")))];
    },
  },
  sftpFreeSpace: {
    run: async (c) => {
      await adapterKit.sftpFreeSpace(c.value, c.text);
      const answer = (_path: string, cb: (err: unknown, stats?: unknown) => void) =>
        cb(undefined, c.value);
      const space = await adapterKit.sftpFreeSpace({ ext_openssh_statvfs: answer }, c.text);
      if (space !== undefined && typeof space.bytes !== "number") throw new Error("no number");
      return [];
    },
  },
  sftpStatusTextRows: {
    run: (c) => {
      const rules = adapterKit.messageRules(adapterKit.sftpStatusTextRows(c.text));
      if (rules.some((rule) => rule.codes?.[0] !== c.text))
        throw new Error("the code was not kept");
      const failure = { protocol: "sftp" as const, code: c.text, message: c.text, rules };
      return [adapterKit.createTransferError(failure)];
    },
    text: (text) => {
      const rules = adapterKit.messageRules(adapterKit.sftpStatusTextRows("ERR_GENERIC_CLIENT"));
      return adapterKit.classify({
        protocol: "sftp",
        code: "ERR_GENERIC_CLIENT",
        message: text,
        rules,
      });
    },
  },
  convertingStream: {
    knowsSecrets: true,
    run: (c) => {
      const errors: unknown[] = [];
      const stream = new EventEmitter().on("error", (error) => errors.push(error));
      adapterKit.convertingStream(stream, (error) =>
        sftpClient.toTransferError(error, { secrets: c.known }),
      );
      stream.emit("error", c.value);
      return expectTransferErrors(errors);
    },
  },
};
