// A Node file-system error that reached a transfer client: the local source or destination of a
// transfer failed, on this machine, not on the server.
import { safeString } from "./safe.js";

/** Syscalls of the file system (a socket's read and write errors are told apart by the client). */
const FILE_SYSCALLS: ReadonlySet<string> = new Set(
  "open close read write fstat stat lstat mkdir readdir scandir unlink rmdir rename fsync ftruncate access".split(
    " ",
  ),
);

/**
 * How Node words a file-system error ("EBADF: bad file descriptor, write", "EISDIR: illegal
 * operation on a directory, read"): the code first. A socket's error puts the syscall first
 * ("write EPIPE", "read ECONNRESET"), though both have the same `syscall`.
 */
const FILE_ERROR_MESSAGE = /^E[A-Z]{2,15}: [^,\n]{1,120}, [a-z]{2,12}\b/;

/**
 * `error` (with a Node string code) is a file-system error of the transfer's local file: it names
 * `localPath`, or it comes from a file syscall and names a path or is worded as a file-system
 * error (a write to an already opened file, ENOSPC, names none: then a local file given as a
 * path counts). Never throws.
 */
export function isLocalFileError(error: unknown, localPath: string | undefined): boolean {
  const syscall = safeString(error, "syscall");
  const path = safeString(error, "path");
  if (path !== undefined && path === localPath) return true;
  if (syscall === undefined || !FILE_SYSCALLS.has(syscall)) return false;
  if (path !== undefined || localPath !== undefined) return true;
  return isFileErrorText(safeString(error, "message"));
}

/** `message` is worded as Node's file-system errors are. */
export function isFileErrorText(message: string | undefined): boolean {
  return message !== undefined && FILE_ERROR_MESSAGE.test(message);
}
