// Where an FTP session's working directory is, as its client's successful calls moved it: a new
// session starts in the login directory, so this is enough to go back there after a reconnect,
// without asking the server (PWD) after every CWD.
import { posix } from "node:path";

/** How a call moves the working directory: back to the login directory, CWD to a path, CDUP. */
export type DirMove = "login" | "cd" | "up";

function join(from: string, path: string): string {
  const next = path.startsWith("/") ? posix.normalize(path) : posix.join(from || ".", path);
  return next === "." ? "" : next;
}

/**
 * The working directory after a call that moved it (`move`, to `path` for a CWD) succeeded:
 * absolute, or relative to the login directory ("" is the login directory itself).
 */
export function nextWorkingDir(current: string, move: DirMove | undefined, path?: string): string {
  if (move === "login") return "";
  if (move === "up") return join(current, "..");
  return move === "cd" && path !== undefined ? join(current, path) : current;
}
