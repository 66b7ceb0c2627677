// A transfer its client reported complete, with fewer bytes than the server's size says: the
// data connection closed early with an orderly FIN (a middlebox, a crashing server), which FTP's
// stream mode cannot tell from the end of the file. A wrapper that counts the bytes and asks the
// server's size throws a ShortTransfer; its reader turns it into the `short-transfer` signal.

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
