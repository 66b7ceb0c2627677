// The opt-in follow-up look (`wrapClient(client, { diagnose: true })`): after a refusal that does
// not say why (vsftpd's "550 Failed to open file.") or a data connection reset where ProFTPD
// refuses a transfer, a listing of the parent directory tells a missing file from one this user
// may not read. It costs nothing on success.
import { posix } from "node:path";
import { type Finding, withDeadline } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import type { ClientState } from "./client-state.js";
import { reopen } from "./reconnect.js";

const PROBE_TIMEOUT_MS = 10_000;

/**
 * What a listing of `path`'s directory shows: the entry is missing, is a directory, or is there
 * (and so was refused). Uses the client when it is still open, else a second, short-lived one
 * with the same access() options. `undefined` when the look itself fails: say no more.
 */
export async function probePath(state: ClientState, path: string): Promise<Finding | undefined> {
  let second: Client | undefined;
  try {
    const look = async (): Promise<Finding | undefined> => {
      let client = state.client;
      if (client.closed) {
        if (!state.accessOptions) return undefined;
        const Ctor = client.constructor as new (timeout?: number) => Client;
        second = new Ctor(PROBE_TIMEOUT_MS);
        await reopen(second, state);
        client = second;
      }
      const dir = posix.dirname(path);
      const name = posix.basename(path);
      const entries = await client.list(dir === "." ? "" : dir);
      const entry = entries.find((e) => e.name === name);
      if (!entry) return "missing";
      return entry.isDirectory ? "is-a-directory" : "present-but-refused";
    };
    return await withDeadline(look(), "diagnose", state.timeoutMs ?? PROBE_TIMEOUT_MS);
  } catch {
    return undefined;
  } finally {
    second?.close();
  }
}
