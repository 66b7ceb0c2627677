// A transfer its client reported complete, with fewer bytes than the server's size says: the
// data connection closed early with an orderly FIN (a middlebox, a crashing server), which FTP's
// stream mode cannot tell from the end of the file. A wrapper that counts the bytes and asks the
// server's size throws a ShortTransfer; its reader turns it into the `short-transfer` signal.
import { readSafely } from "./safe.js";
import type { AnyMethod } from "./wrap-methods.js";

/** A download, an upload that replaces the file, or one that appends to it. */
export type TransferKind = "download" | "store" | "append";

/** What a wrapper counted of one transfer that its client reported complete. */
export interface TransferCount {
  kind: TransferKind;
  path: string;
  /** The bytes that passed over the data connection. */
  moved: number;
  /** The server's size of the file before the transfer (a download, an append; a missing file: 0). */
  before?: number | undefined;
  /** The server's size of the file after it (an upload, an append). */
  after?: number | undefined;
  /** Where a download started in the file (FTP's REST). */
  startAt?: number | undefined;
}

const brand = Symbol.for("transfer-errors.ShortTransfer");

export class ShortTransfer extends Error {
  override name = "ShortTransfer";
  readonly [brand] = true;
  constructor(
    readonly kind: TransferKind,
    readonly path: string,
    /** The bytes that should have passed (a download) or been stored (an upload, an append). */
    readonly expected: number,
    /** The bytes that arrived (a download) or that the server holds (an upload, an append). */
    readonly actual: number,
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

/**
 * The ShortTransfer the counts show, or undefined when the whole file moved or a size the kind
 * needs is missing. More bytes than expected is not short (a file that grows meanwhile).
 */
export function shortfall(count: TransferCount): ShortTransfer | undefined {
  const { kind, path, moved, before, after } = count;
  if (kind === "download") {
    if (before === undefined) return undefined;
    const expected = Math.max(0, before - Math.max(0, count.startAt ?? 0));
    return moved < expected ? new ShortTransfer(kind, path, expected, moved) : undefined;
  }
  if (after === undefined || (kind === "append" && before === undefined)) return undefined;
  const stored = after - (before ?? 0);
  return stored < moved ? new ShortTransfer(kind, path, moved, stored) : undefined;
}

/** How a wrapper checks one transfer: its client's byte count and the server's size. */
export interface TransferCheck {
  kind: TransferKind;
  path: string;
  /** Where a download starts in the file. */
  startAt: number;
  /** The transfer itself. */
  run(): Promise<unknown>;
  /** Runs `work` counting the bytes that pass; undefined when the count cannot be trusted. */
  count(work: () => Promise<unknown>): Promise<{ value: unknown; bytes: number | undefined }>;
  /** The server's size of the file, undefined when it gives none. Never rejects. */
  size(): Promise<number | undefined>;
  /** Says why the transfer was not checked (in the client's log). */
  unchecked(why: string): void;
}

/**
 * The transfer, checked against the server's size: one before a download or an append, one after
 * an upload or an append. Throws a ShortTransfer when fewer bytes passed; runs unchecked where the
 * server gives no size.
 */
export async function checkedTransfer(check: TransferCheck): Promise<unknown> {
  const { kind, unchecked } = check;
  // A download's size comes first: a file that grows meanwhile is not short. A missing file
  // before an append counts 0, a lower bound: the check can only miss, never accuse.
  const before = kind === "store" ? undefined : await check.size();
  if (kind === "download" && before === undefined) {
    unchecked("no SIZE");
    return check.run();
  }
  const { value, bytes } = await check.count(check.run);
  if (bytes === undefined) {
    unchecked("the progress handler was replaced during the transfer");
    return value;
  }
  const after = kind === "download" ? undefined : await check.size();
  if (kind !== "download" && after === undefined) unchecked("no SIZE after the upload");
  const short = shortfall({
    kind,
    path: check.path,
    moved: bytes,
    before: before ?? 0,
    after,
    startAt: check.startAt,
  });
  if (short) throw short;
  return value;
}

/**
 * Runs `work` with `holder[key]` (the progress handler a client calls as a transfer runs)
 * replaced by one that notes the bytes `bytesOf` reads and calls the handler that was there. The
 * count is undefined when it cannot be trusted: no handler, or it was replaced meanwhile.
 */
export async function countedThrough<Info>(
  holder: Record<string, unknown> | undefined,
  key: string,
  bytesOf: (info: Info) => number | undefined,
  work: () => Promise<unknown>,
): Promise<{ value: unknown; bytes: number | undefined }> {
  const previous = readSafely(() => holder?.[key]);
  let bytes: number | undefined;
  const counting = function (this: unknown, info: Info) {
    bytes = bytesOf(info) ?? bytes;
    return (previous as AnyMethod).call(this, info);
  };
  // A holder that cannot be read or written (a client's internals changed): no count, the
  // transfer runs as it is.
  const installed =
    holder !== undefined &&
    typeof previous === "function" &&
    readSafely(() => {
      holder[key] = counting;
      return holder[key] === counting;
    }) === true;
  if (!installed) return { value: await work(), bytes: undefined };
  try {
    const value = await work();
    return { value, bytes: readSafely(() => holder[key]) === counting ? bytes : undefined };
  } finally {
    readSafely(() => {
      if (holder[key] === counting) holder[key] = previous;
    });
  }
}
