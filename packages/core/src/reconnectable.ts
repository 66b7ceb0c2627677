// One connection that can be opened again with a new client each time: what withRetry's
// `reconnect` needs for a client library whose instances are not reusable after a failure.
import { makeTransferError } from "./error.js";
import type { Protocol } from "./types.js";

export interface Reconnectable<C> {
  /** The current client; throws a `client-misuse` TransferError before the first connect(). */
  readonly client: C;
  /**
   * Opens a new client (ending the previous one first, ignoring its errors) and returns it.
   * Concurrent calls (several withRetry loops reconnecting at once) share one new client.
   */
  connect(): Promise<C>;
  /** Ends the current client (bounded, errors ignored). */
  end(): Promise<void>;
}

export interface ReconnectableOptions<C> {
  protocol: Protocol;
  /** Makes a new client (and connects it, without `connect`: one it could not connect it retires). */
  open(): Promise<C>;
  /** Connects the client `open` made; one that fails to connect is retired, its failure thrown. */
  connect?: ((client: C) => Promise<unknown>) | undefined;
  /** Ends a client that is replaced or ended, without waiting long or failing. */
  retire(client: C): Promise<void>;
}

export function reconnectable<C>(options: ReconnectableOptions<C>): Reconnectable<C> {
  let current: C | undefined;
  let connecting: Promise<C> | undefined;
  const replace = async (): Promise<C> => {
    const previous = current;
    current = undefined;
    if (previous !== undefined) await options.retire(previous);
    const client = await options.open();
    try {
      await options.connect?.(client);
    } catch (error) {
      await options.retire(client);
      throw error;
    }
    current = client;
    return client;
  };
  return {
    get client(): C {
      if (current !== undefined) return current;
      throw makeTransferError({
        protocol: options.protocol,
        message:
          "No connected client: createConnection() does not connect by itself, call connect() first",
        signals: ["misuse"],
      });
    },
    connect() {
      connecting ??= replace().finally(() => {
        connecting = undefined;
      });
      return connecting;
    },
    async end() {
      const previous = current;
      current = undefined;
      if (previous !== undefined) await options.retire(previous);
    },
  };
}

/**
 * Ends `client` without waiting longer than `timeoutMs` and without failing, then calls `destroy`
 * (to close its socket) whatever happened: a client that cannot end is what is being replaced.
 */
export async function retire(
  client: unknown,
  timeoutMs: number,
  destroy?: () => void,
): Promise<void> {
  try {
    const end = (client as { end?: () => Promise<unknown> } | null)?.end;
    if (typeof end === "function") {
      await Promise.race([
        end.call(client).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref?.()),
      ]);
    }
  } catch {
    // a client that cannot even end
  }
  try {
    destroy?.();
  } catch {
    // already gone
  }
}
