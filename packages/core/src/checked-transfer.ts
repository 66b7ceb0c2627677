// The opt-in check of a transfer's length against the server's size, in the order that makes it
// sound: a download's size comes first (a file that grows meanwhile is not short), a missing file
// before an append counts 0 (a lower bound: the check can only miss, never accuse), an upload's
// size comes after. The adapter says how its client sizes a file and counts a transfer's bytes.
import { shortfall, type TransferKind } from "./short-transfer.js";

export interface TransferCheck {
  kind: TransferKind;
  path: string;
  /** Where a download starts in the file (FTP's REST). */
  startAt: number;
  /** The server's size of `path`, or undefined when it gives none (never rejects). */
  sizeOf(path: string): Promise<number | undefined>;
  /** Runs the transfer and counts its bytes: undefined when the count cannot be trusted. */
  counted(run: () => Promise<unknown>): Promise<{ value: unknown; bytes: number | undefined }>;
  /** Why the transfer was not checked (for the client's log). */
  unchecked(why: string): void;
}

/** `run`, checked: throws a ShortTransfer when fewer bytes passed than the sizes say. */
export async function checkedTransfer(
  check: TransferCheck,
  run: () => Promise<unknown>,
): Promise<unknown> {
  const { kind, path } = check;
  let before: number | undefined;
  if (kind !== "store") before = await check.sizeOf(path);
  if (kind === "download" && before === undefined) {
    check.unchecked("no SIZE");
    return run();
  }
  const { value, bytes } = await check.counted(run);
  if (bytes === undefined) {
    check.unchecked("the progress handler was replaced during the transfer");
    return value;
  }
  const after = kind === "download" ? undefined : await check.sizeOf(path);
  if (kind !== "download" && after === undefined) check.unchecked("no SIZE after the upload");
  const short = shortfall({
    kind,
    path,
    moved: bytes,
    before: before ?? 0,
    after,
    startAt: check.startAt,
  });
  if (short) throw short;
  return value;
}
