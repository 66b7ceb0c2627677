import type { AccessOptions, Client } from "basic-ftp";

/** What logging in again needs of a wrapped client's calls (the wrapper's BasicFtpCalls). */
export interface Session {
  readonly login: AccessOptions | undefined;
  readonly workingDir: string;
}

/** The calls of each wrapped client, keyed by the wrapped client (the Proxy). */
export const states = new WeakMap<object, Session>();

/**
 * Opens the connection of a wrapped client again: `access()` with the options of its last
 * `access()`, then `cd()` back to the working directory it had (a new session starts in the
 * login directory). Pass it to withRetry as `reconnect: () => reconnect(client)`.
 */
export async function reconnect(client: Client): Promise<void> {
  const calls = states.get(client);
  if (!calls) throw new TypeError("reconnect() needs a client made by wrapClient()");
  await logIn(client, calls);
}

/** `client` (this one, or a second one) logged in as the calls' last access(), in their directory. */
export async function logIn(client: Client, calls: Session): Promise<void> {
  if (!calls.login) {
    throw new TypeError("reconnect() needs a client that connected with access() before");
  }
  const workingDir = calls.workingDir;
  await client.access(calls.login);
  if (workingDir !== "") await client.cd(workingDir);
}

/** The working directory wrapClient tracked: absolute, or relative to the login directory. */
export function workingDirOf(client: Client): string | undefined {
  return states.get(client)?.workingDir;
}
