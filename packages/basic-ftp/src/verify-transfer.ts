// The opt-in check of a transfer's length (`wrapClient(client, { verifyTransfers: true })`). FTP's
// stream mode ends a file by closing the data connection, so a connection closed early with a FIN
// (a middlebox, a crashing server) looks like the end of the file and basic-ftp resolves with part
// of it. The bytes that passed (basic-ftp's progress tracker counts them; the caller's own handler
// is still called) are compared with the server's SIZE: the core's `shortfall` throws nothing, it
// returns the ShortTransfer that the reader turns into the `short-transfer` signal.
import { shortfall } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import { operations } from "./operations.js";

/** basic-ftp's ProgressTracker (not exported): the handler it calls as a transfer runs. */
interface Tracker {
  onHandle?: unknown;
}

/**
 * Runs `work` (one transfer) with a progress handler that notes its byte count and calls the
 * handler that was there (the caller's `trackProgress`, or basic-ftp's no-op). The count is
 * `undefined` when it cannot be trusted: no tracker, or the handler was replaced meanwhile.
 */
async function counted<T>(client: Client, work: () => Promise<T>) {
  const tracker = (client as unknown as { _progressTracker?: Tracker })._progressTracker;
  const previous = tracker?.onHandle;
  if (!tracker || typeof previous !== "function") return { value: await work(), bytes: undefined };
  let bytes: number | undefined;
  const counting = function (this: unknown, info: { type: string; bytes: number }) {
    if (info.type !== "list") bytes = info.bytes;
    return previous.call(this, info);
  };
  tracker.onHandle = counting;
  try {
    const value = await work();
    return { value, bytes: tracker.onHandle === counting ? bytes : undefined };
  } finally {
    if (tracker.onHandle === counting) tracker.onHandle = previous;
  }
}

/** The server's SIZE of `path`, or undefined when it gives none. */
function sizeOf(client: Client, path: string): Promise<number | undefined> {
  return client.size(path).catch(() => undefined);
}

/**
 * `run` (the transfer `operation` with `args`), checked against the server's SIZE: one before a
 * download or an append, one after an upload or an append. Throws a ShortTransfer when fewer bytes
 * passed; runs unchecked where the server gives no SIZE (basic-ftp's verbose log says so).
 */
export async function verifiedTransfer(
  client: Client,
  operation: string,
  args: unknown[],
  run: () => Promise<unknown>,
): Promise<unknown> {
  const kind = operations[operation]?.transfer;
  const path = args[1];
  if (kind === undefined || typeof path !== "string") return run();
  const unchecked = (why: string) =>
    client.ftp.log(`verifyTransfers: ${operation} of "${path}" not checked: ${why}`);
  // A download's SIZE comes first: a file that grows meanwhile is not short. A missing file
  // before an append counts 0, a lower bound: the check can only miss, never accuse.
  let before: number | undefined;
  if (kind !== "store") before = await sizeOf(client, path);
  if (kind === "download" && before === undefined) {
    unchecked("no SIZE");
    return run();
  }
  const { value, bytes } = await counted(client, run);
  if (bytes === undefined) {
    unchecked("the progress handler was replaced during the transfer");
    return value;
  }
  const after = kind === "download" ? undefined : await sizeOf(client, path);
  if (kind !== "download" && after === undefined) unchecked("no SIZE after the upload");
  const startAt = typeof args[2] === "number" ? args[2] : 0;
  const short = shortfall({ kind, path, moved: bytes, before: before ?? 0, after, startAt });
  if (short) throw short;
  return value;
}
