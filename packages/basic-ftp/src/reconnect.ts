import type { AccessOptions, Client } from "basic-ftp";
import { type ClientState, stateOf } from "./client-state.js";

/**
 * Opens the connection of a wrapped client again: `access()` with the options of its last
 * `access()`, then `cd()` back to the working directory it had (a new session starts in the
 * login directory). Pass it to withRetry as `reconnect: () => reconnect(client)`.
 */
export async function reconnect(client: Client): Promise<void> {
  const state = stateOf(client);
  if (!state) throw new TypeError("reconnect() needs a client made by wrapClient()");
  if (!state.accessOptions) {
    throw new TypeError("reconnect() needs a client that connected with access() before");
  }
  await reopen(client, state.accessOptions, state);
}

/** `client` (this one, or a second one) logged in as the state's and in its working directory. */
export async function reopen(client: Client, options: AccessOptions, state: ClientState) {
  const workingDir = state.workingDir;
  await client.access(options);
  if (workingDir !== "") await client.cd(workingDir);
}

/** The working directory wrapClient tracked: absolute, or relative to the login directory. */
export function workingDirOf(client: Client): string | undefined {
  return stateOf(client)?.workingDir;
}
