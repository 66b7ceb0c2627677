// Runs a catalog reply through the adapters as their client libraries surface it, with a chosen
// reply catalog (none, the shipped one, or one built without a product for leave-one-out).
import { readError as readBasicFtp } from "@transfer-errors/basic-ftp";
import { createTransferError, type TransferError } from "@transfer-errors/core/adapter";
import type { ReplyCatalog } from "@transfer-errors/core/catalog";
import { readError as readSsh2 } from "@transfer-errors/ssh2";
import { readError as readSftp } from "@transfer-errors/ssh2-sftp-client";
import { FTPError } from "basic-ftp";
import type { Reply } from "./catalogs.js";

const PATH = "/srv/ftp/data/report.csv";

/**
 * ssh2's own SFTPWrapper methods for the requests that no ssh2-sftp-client method sends, or whose
 * status none surfaces (FSTAT: only its `fastGet` sends it, and drops the code).
 */
const ssh2Methods: ReadonlySet<string | undefined> = new Set([
  "fstat",
  "readlink",
  "symlink",
  "ext_openssh_rename",
]);

function throughSsh2(reply: Reply): boolean {
  return reply.protocol === "sftp" && ssh2Methods.has(reply.operation);
}

/** The error the client library throws for this reply. */
export function libraryErrorOf(reply: Reply): Error {
  if (reply.protocol === "ftp") {
    return new FTPError({ code: reply.code, message: `${reply.code} ${reply.text}` } as never);
  }
  // ssh2's STATUS error: the server's text (or the status name) as message, the status as code.
  if (throughSsh2(reply)) return Object.assign(new Error(reply.text), { code: reply.code });
  // ssh2-sftp-client's fmtError: "<method>: <server message> <path>", the status as code.
  const error = new Error(`${reply.operation ?? "get"}: ${reply.text} ${PATH}`);
  return Object.assign(error, { code: reply.code, custom: true });
}

/**
 * The TransferError an adapter makes of the reply, reading replies with `catalog`; with
 * `serverGreeting` as a wrapped client passes it (the product's greeting line), or without.
 * `wrapped`: as the ssh2-sftp-client wrapper reads it, which sees the request that got the
 * status when its method sends that request (its operations table says which it sends). A
 * request no ssh2-sftp-client method sends (SYMLINK) is read as ssh2's SFTPWrapper surfaces it.
 */
export function judge(
  reply: Reply,
  catalog: ReplyCatalog | undefined,
  serverGreeting?: string,
  wrapped = false,
): TransferError {
  const error = libraryErrorOf(reply);
  const context = { operation: reply.operation, path: PATH, serverGreeting };
  const failure =
    reply.protocol === "ftp"
      ? readBasicFtp(error, context)
      : throughSsh2(reply)
        ? readSsh2(error, context)
        : readSftp(error, context);
  if (wrapped) failure.request = seenRequestOf(reply);
  return createTransferError({ ...failure, catalog });
}

const seen = new WeakMap<Reply, string | undefined>();

/**
 * The SFTP request that the wrapper sees get the reply: the reply's, when its ssh2-sftp-client
 * method sends that request (the adapter's operations table says which it sends); through ssh2,
 * the one request its method sends.
 */
export function seenRequestOf(reply: Reply): string | undefined {
  if (reply.protocol !== "sftp") return undefined;
  // ssh2's methods each send one request: its reader names it, wrapped or not.
  if (throughSsh2(reply)) return readSsh2(libraryErrorOf(reply), reply).request;
  if (!seen.has(reply)) {
    const { traits } = readSftp(libraryErrorOf(reply), { operation: reply.operation });
    seen.set(reply, traits?.commands?.includes(reply.command) ? reply.command : undefined);
  }
  return seen.get(reply);
}
