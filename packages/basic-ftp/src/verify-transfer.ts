// The `verifyTransfers` option (see WrapOptions): the bytes that passed (basic-ftp's progress
// tracker counts them; the caller's own handler is still called) are compared with the server's
// SIZE by the core's `checkedTransfer`, whose ShortTransfer the reader reads as `short-transfer`.
import { checkedTransfer, countedThrough, type TransferKind } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";

/** basic-ftp's ProgressTracker (not exported) holds the handler it calls as a transfer runs. */
type Tracked = { _progressTracker?: Record<string, unknown> };
type Progress = { type: string; bytes: number };

/** `run` (the transfer `operation` of `kind` with `args`), checked against the server's SIZE. */
export function verifiedTransfer(
  client: Client,
  kind: TransferKind,
  operation: string,
  args: unknown[],
  run: () => unknown,
): unknown {
  const path = args[1];
  if (typeof path !== "string") return run();
  return checkedTransfer({
    kind,
    path,
    startAt: typeof args[2] === "number" ? args[2] : 0,
    run: async () => run(),
    count: (work) =>
      countedThrough((client as unknown as Tracked)._progressTracker, "onHandle", bytesOf, work),
    size: () => client.size(path).catch(() => undefined),
    unchecked: (why) =>
      client.ftp.log(`verifyTransfers: ${operation} of "${path}" not checked: ${why}`),
  });
}

/** A listing's bytes are not the transfer's. */
const bytesOf = (info: Progress) => (info.type === "list" ? undefined : info.bytes);
