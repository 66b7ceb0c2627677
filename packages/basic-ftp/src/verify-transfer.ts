// The opt-in check of a transfer's length (`wrapClient(client, { verifyTransfers: true })`). FTP's
// stream mode ends a file by closing the data connection, so a connection closed early with a FIN
// (a middlebox, a crashing server) looks like the end of the file and basic-ftp resolves with part
// of it. The bytes that passed (basic-ftp's progress tracker counts them; the caller's own handler
// is still called) are compared with the server's SIZE by the core's `checkedTransfer`.
import { checkedTransfer } from "@transfer-errors/core/adapter";
import type { Client } from "basic-ftp";
import { operations } from "./operations.js";

/**
 * Runs `work` (one transfer) with a progress handler that notes its byte count and calls the
 * handler that was there (the caller's `trackProgress`, or basic-ftp's no-op). The count is
 * `undefined` when it cannot be trusted: no tracker (basic-ftp's ProgressTracker is not
 * exported), or the handler was replaced meanwhile.
 */
async function counted(client: Client, work: () => Promise<unknown>) {
  const tracker = (client as unknown as { _progressTracker?: { onHandle?: unknown } })
    ._progressTracker;
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

/** `run` (the transfer `operation` with `args`), checked against the server's SIZE. */
export function verifiedTransfer(
  client: Client,
  operation: string,
  args: unknown[],
  run: () => Promise<unknown>,
): Promise<unknown> {
  const kind = operations[operation]?.transfer;
  const path = args[1];
  if (kind === undefined || typeof path !== "string") return run();
  return checkedTransfer(
    {
      kind,
      path,
      startAt: typeof args[2] === "number" ? args[2] : 0,
      sizeOf: (file) => client.size(file).catch(() => undefined),
      counted: (work) => counted(client, work),
      unchecked: (why) =>
        client.ftp.log(`verifyTransfers: ${operation} of "${path}" not checked: ${why}`),
    },
    run,
  );
}
