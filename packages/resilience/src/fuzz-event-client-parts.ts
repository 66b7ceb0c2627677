// Fuzz drivers of the core's parts for a client that tells of its connection by events (node-ftp)
// and for a promise call (@transfer-errors/core/adapter): each is fed the case's value as what a
// client threw or emitted, and its outputs go through the surface checks.
import { EventEmitter } from "node:events";
import * as adapterKit from "@transfer-errors/core/adapter";
import * as nodeFtp from "@transfer-errors/ftp";
import type { Entry } from "./fuzz-entry-points.ts";

class Connection extends adapterKit.EventConnection<EventEmitter> {
  readonly unheard: unknown[] = [];
  protected override unclaimed(error: unknown): void {
    this.unheard.push(error);
  }
}

export const eventClientParts: Record<string, Entry> = {
  addStateSignals: {
    run: (c) => {
      const flags = { closed: c.value, connecting: c.value, dataReset: c.value } as never;
      const signals = adapterKit.addStateSignals([], flags);
      if (!signals.every(adapterKit.isSignal)) throw new Error("not a signal");
      return [];
    },
  },
  splitsFtpCommand: {
    run: (c) => {
      adapterKit.splitsFtpCommand([c.value, c.text]);
      if (!adapterKit.splitsFtpCommand([c.value, `${c.text}\r\n`])) throw new Error("not split");
      return [];
    },
    text: (text) => adapterKit.splitsFtpCommand([text]),
  },
  callWithPromise: {
    knowsSecrets: true,
    run: async (c) => {
      const pending = new adapterKit.PendingCalls();
      const convert = (error: unknown) => nodeFtp.toTransferError(error, { secrets: c.known });
      const call = { operation: c.context.operation ?? "get", timeoutMs: 1_000, convert, pending };
      const rejecting = () => Promise.reject(c.value);
      const hanging = () => new Promise(() => undefined);
      const calls = [
        adapterKit.callWithPromise({}, rejecting, [c.text], call),
        adapterKit.callWithPromise({}, hanging, [c.text], call),
        adapterKit.callWithPromise({}, hanging, [], { ...call, refused: convert(c.value) }),
      ];
      // The connection's end fails the call that still waits.
      pending.failAll(c.value);
      const outcomes = await Promise.allSettled(calls);
      if (pending.size !== 0) throw new Error("a settled call still pending");
      return outcomes.map((o) => (o.status === "rejected" ? o.reason : o.value));
    },
  },
  EventConnection: {
    knowsSecrets: true,
    run: (c) => {
      const emitter = new EventEmitter();
      const connection = new Connection(emitter, c.text);
      const failed: unknown[] = [];
      connection.connecting(c.value, () => undefined);
      const fail = (error: unknown) => {
        failed.push(error);
        connection.pending.delete(fail);
      };
      connection.pending.add(fail);
      emitter.emit("error", c.value);
      emitter.emit("close");
      emitter.emit("error", c.value);
      const heard = [failed.length, connection.unheard.length];
      if (connection.unusable() !== "lost") throw new Error("not lost");
      if (connection.phase !== "closed" || heard.join() !== "1,1") throw new Error("not followed");
      new adapterKit.EventConnection(c.value as never, c.text);
      connection.secrets.push(...c.known);
      const context = connection.context(c.context.operation, c.context.path);
      const read = (error: unknown) => nodeFtp.toTransferError(error, context);
      return [...failed, ...connection.unheard].map(read);
    },
  },
  convertingListeners: {
    knowsSecrets: true,
    run: (c) => {
      const emitter = new EventEmitter();
      const convert = (error: unknown) => nodeFtp.toTransferError(error, { secrets: c.known });
      const proxy: EventEmitter = adapterKit.wrapMethods(
        emitter,
        adapterKit.convertingListeners(emitter, convert, () => proxy),
      );
      const heard: unknown[] = [];
      const removed = () => heard.push("removed");
      proxy.on("error", (error) => heard.push(error)).on("error", removed);
      proxy.removeListener("error", removed);
      emitter.emit("error", c.value);
      if (heard.length !== 1) throw new Error("not heard once");
      return heard;
    },
  },
};
