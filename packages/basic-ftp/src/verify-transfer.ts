// The opt-in check of a transfer's length (`wrapClient(client, { verifyTransfers: true })`). FTP's
// stream mode ends a file by closing the data connection, so a connection closed early with a FIN
// (a middlebox, a crashing server) looks like the end of the file and basic-ftp resolves with part
// of it. The check compares the bytes that passed (basic-ftp's progress tracker counts them; the
// caller's own handler is still called) with the server's SIZE, and throws a ShortTransfer, which
// the reader turns into the `short-transfer` signal.
import type { Client } from "basic-ftp";

type Kind = "download" | "store" | "append";

/** The transfers that are checked, with basic-ftp 5's deprecated names. */
const kinds: Readonly<Record<string, Kind | undefined>> = {
  downloadTo: "download",
  download: "download",
  uploadFrom: "store",
  upload: "store",
  appendFrom: "append",
  append: "append",
};

const brand = Symbol.for("transfer-errors.basic-ftp.ShortTransfer");

/** A transfer that basic-ftp reported complete, with fewer bytes than the server's SIZE says. */
export class ShortTransfer extends Error {
  override name = "ShortTransfer";
  readonly [brand] = true;
  constructor(
    readonly path: string,
    /** The bytes that should have passed (download) or been stored (upload, append). */
    readonly expected: number,
    /** The bytes that arrived (download) or that the server holds (upload, append). */
    readonly actual: number,
    kind: Kind,
  ) {
    const what =
      kind === "download"
        ? `${actual} of ${expected} bytes of "${path}" arrived (the server's SIZE)`
        : kind === "store"
          ? `the server holds ${actual} bytes of "${path}" (its SIZE) after ${expected} were sent`
          : `"${path}" grew by ${actual} bytes (its SIZE before and after) while ${expected} were sent`;
    super(`Short transfer: ${what}; the data connection closed early`);
  }
}

export function isShortTransfer(value: unknown): value is ShortTransfer {
  try {
    return typeof value === "object" && value !== null && (value as ShortTransfer)[brand] === true;
  } catch {
    return false;
  }
}

export function isVerified(operation: string): boolean {
  return kinds[operation] !== undefined;
}

/** basic-ftp's ProgressTracker (not exported): the handler it calls as a transfer runs. */
interface Tracker {
  onHandle?: unknown;
}

/** What the handler gets (basic-ftp's ProgressInfo, in part). */
interface Progress {
  type: string;
  bytes: number;
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
  const counting = function (this: unknown, info: Progress) {
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

/** The server's SIZE of `path`, or undefined when it does not give one. */
function sizeOf(client: Client, path: string): Promise<number | undefined> {
  return client.size(path).catch(() => undefined);
}

function unchecked(client: Client, operation: string, path: string, why: string): void {
  client.ftp.log(`verifyTransfers: ${operation} of "${path}" not checked: ${why}`);
}

/**
 * `run` (the transfer `operation` with `args`), checked against the server's SIZE: one SIZE
 * before a download or an append, one after an upload or an append. Throws a ShortTransfer when
 * fewer bytes passed; runs unchecked where the server gives no SIZE (basic-ftp's verbose log
 * says so). Assumes nobody else changes the file meanwhile.
 */
export async function verifiedTransfer(
  client: Client,
  operation: string,
  args: unknown[],
  run: () => Promise<unknown>,
): Promise<unknown> {
  const kind = kinds[operation];
  const path = args[1];
  if (kind === undefined || typeof path !== "string") return run();
  // A missing file before an append: 0 is a lower bound, so the check can only miss, never
  // accuse. A download's SIZE comes first: a file that grows meanwhile is not short.
  const before = kind === "store" ? undefined : await sizeOf(client, path);
  if (kind === "download" && before === undefined) {
    unchecked(client, operation, path, "no SIZE");
    return run();
  }
  const { value, bytes } = await counted(client, run);
  if (bytes === undefined) {
    unchecked(client, operation, path, "the progress handler was replaced during the transfer");
    return value;
  }
  if (kind === "download") {
    const startAt = typeof args[2] === "number" && args[2] > 0 ? args[2] : 0;
    const expected = Math.max(0, (before ?? 0) - startAt);
    if (bytes < expected) throw new ShortTransfer(path, expected, bytes, kind);
    return value;
  }
  const after = await sizeOf(client, path);
  if (after === undefined) {
    unchecked(client, operation, path, "no SIZE after the upload");
    return value;
  }
  const stored = after - (before ?? 0);
  if (stored < bytes) throw new ShortTransfer(path, bytes, stored, kind);
  return value;
}
