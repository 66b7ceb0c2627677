import { posix } from "node:path";
import type { AccessOptions, Client } from "basic-ftp";

/** A call of a client with a deadline, until it settles. */
export interface Running {
  call: { operation: string };
  deadlineAt: number;
  /** The caller already got its answer (a late rejection of basic-ftp is then ignored). */
  settled: boolean;
  /** Rejects the call with `error` read as a TransferError. */
  expire(error: unknown): void;
}

/** What wrapClient remembers about one client, beyond what basic-ftp keeps. */
export interface ClientState {
  client: Client;
  /** The per-call deadline; undefined for none. */
  timeoutMs: number | undefined;
  /** Calls whose deadline is being watched. */
  running: Set<Running>;
  /** The one timer that watches them. */
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The options of the last access(), for reconnect(). */
  accessOptions: AccessOptions | undefined;
  /** The connection is meant to be encrypted (FTPS). */
  secure: boolean;
  /** Passwords and key material seen in access(), login() and TLS options. */
  secrets: unknown[];
  /**
   * The working directory, as basic-ftp's cd() calls moved it: absolute, or relative to the
   * login directory ("" is the login directory itself). A reconnect lands in the login
   * directory, so this is enough to go back, without asking the server (PWD) after every cd.
   */
  workingDir: string;
  /** Operation + path pairs whose data connection was reset (see read-error.ts dataReset). */
  refusals: Set<string>;
}

/** Keyed by the wrapped client (the Proxy). */
export const states = new WeakMap<object, ClientState>();

export function stateOf(client: object): ClientState | undefined {
  return states.get(client);
}

function join(from: string, path: string): string {
  const next = path.startsWith("/") ? posix.normalize(path) : posix.join(from || ".", path);
  return next === "." ? "" : next;
}

/** The working directory after `operation` succeeded. */
export function nextWorkingDir(
  current: string,
  operation: string,
  path: string | undefined,
): string {
  switch (operation) {
    case "access":
    case "connect":
    case "connectImplicitTLS":
      return "";
    case "cd":
    case "ensureDir":
      return path === undefined ? current : join(current, path);
    case "cdup":
      return join(current, "..");
    default:
      return current;
  }
}
