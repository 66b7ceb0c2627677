import type { Client } from "basic-ftp";
import { type ClientState, states } from "./client-state.js";

/**
 * Opens the connection of a wrapped client again: `access()` with the options of its last
 * `access()`, then `cd()` back to the working directory it had (a new session starts in the
 * login directory). Pass it to withRetry as `reconnect: () => reconnect(client)`.
 */
export async function reconnect(client: Client): Promise<void> {
  const state = states.get(client);
  if (!state) throw new TypeError("reconnect() needs a client made by wrapClient()");
  await reopen(client, state);
}

/** `client` (this one, or a second one) logged in as the state's and in its working directory. */
export async function reopen(client: Client, state: ClientState): Promise<void> {
  if (!state.accessOptions) {
    throw new TypeError("reconnect() needs a client that connected with access() before");
  }
  const workingDir = state.workingDir;
  await client.access(state.accessOptions);
  if (workingDir !== "") await client.cd(workingDir);
}

/** The working directory wrapClient tracked: absolute, or relative to the login directory. */
export function workingDirOf(client: Client): string | undefined {
  return states.get(client)?.workingDir;
}
