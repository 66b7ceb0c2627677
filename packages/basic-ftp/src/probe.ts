import { posix } from "node:path";
import { type Finding, listedFinding } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import { logIn, type Session } from "./reconnect.js";

/** What the look needs of a wrapped client's calls: the client, its deadline, its login. */
type Looking = Session & { readonly client: Client; readonly timeoutMs: number | undefined };

const PROBE_TIMEOUT_MS = 10_000;

/**
 * The `diagnose` option's look (see WrapOptions): what a listing of `path`'s directory shows (the
 * core's `listedFinding`). Uses the client when it is still open, else a second, short-lived one
 * with the same access() options. `undefined` when the look fails.
 */
export async function probePath(calls: Looking, path: string): Promise<Finding | undefined> {
  let second: Client | undefined;
  const list = async (dir: string) => {
    let client = calls.client;
    if (client.closed) {
      const Ctor = client.constructor as new (timeout?: number) => Client;
      second = new Ctor(PROBE_TIMEOUT_MS);
      await logIn(second, calls);
      client = second;
    }
    return client.list(dir);
  };
  const ms = calls.timeoutMs ?? PROBE_TIMEOUT_MS;
  const finding = await listedFinding(list, posix.dirname(path), posix.basename(path), ms);
  second?.close();
  return finding;
}
