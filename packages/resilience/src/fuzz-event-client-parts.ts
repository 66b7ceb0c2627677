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
      connection.pending.add((error) => failed.push(error));
      emitter.emit("error", c.value);
      emitter.emit("close");
      emitter.emit("error", c.value);
      if (connection.phase !== "closed" || failed.length !== 2) throw new Error("not followed");
      new adapterKit.EventConnection(c.value as never, c.text);
      const read = (error: unknown) => nodeFtp.toTransferError(error, { secrets: c.known });
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
      proxy.on("error", (error) => heard.push(error));
      proxy.removeListener("error", c.value as never);
      emitter.emit("error", c.value);
      if (heard.length !== 1) throw new Error("not heard once");
      return heard;
    },
  },
};
