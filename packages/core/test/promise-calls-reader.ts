// The reader that the core's PromiseCalls tests give their wrapper: an SFTP adapter's data with
// no rules, and a read that keeps the error's message and calls a "lost" one a closed client.
import {
  type AdapterData,
  adapterFunctions,
  type CallContext,
  failureFrom,
  type Operation,
  table,
} from "../src/adapter.js";

/** The data and reader of a test adapter whose operations are `operations`. */
export function promiseCallsReader(operations: Record<string, Operation>) {
  const data: AdapterData = {
    protocol: "sftp",
    operations: table(operations),
    rules: [],
    advice: {},
  };
  const read = (error: unknown, context: CallContext) => ({
    ...failureFrom(data, context, { cause: error }),
    message: String((error as Error).message),
    signals: /lost/.test(String((error as Error).message)) ? ["client-closed" as const] : [],
  });
  const reader = { read, toTransferError: adapterFunctions("sftp", read).toTransferError };
  return { data, reader };
}
