import { posix } from "node:path";
import type { FtpSession, RunningCalls } from "@transfer-errors/core/adapter";
import type { AccessOptions, Client } from "basic-ftp";
import { operations } from "./operations.js";

/** What wrapClient remembers about one client, beyond what basic-ftp keeps. */
export interface ClientState extends FtpSession {
  client: Client;
  /** WrapOptions' timeoutMs, diagnose, verifyTransfers and reconnect. */
  timeoutMs: number | undefined;
  diagnose: boolean;
  verify: boolean;
  autoReconnect: boolean;
  /** Calls of this client that have not settled yet. */
  running: RunningCalls;
  /** The wrapped client (the Proxy): what reconnect() and the retry loop work on. */
  proxy: Client;
  /** The options of the last access(), for reconnect(). */
  accessOptions?: AccessOptions | undefined;
  /**
   * The working directory, as basic-ftp's cd() calls moved it: absolute, or relative to the
   * login directory ("" is the login directory itself). A reconnect lands in the login
   * directory, so this is enough to go back, without asking the server (PWD) after every cd.
   */
  workingDir: string;
}

/** Keyed by the wrapped client (the Proxy). */
export const states = new WeakMap<object, ClientState>();

function join(from: string, path: string): string {
  const next = path.startsWith("/") ? posix.normalize(path) : posix.join(from || ".", path);
  return next === "." ? "" : next;
}

/** The working directory after `operation` succeeded. */
export function nextWorkingDir(current: string, operation: string, path: string | undefined) {
  const dir = operations[operation]?.dir;
  if (dir === "login") return "";
  if (dir === "up") return join(current, "..");
  return dir === "cd" && path !== undefined ? join(current, path) : current;
}
