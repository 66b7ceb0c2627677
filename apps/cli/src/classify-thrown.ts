// A pasted line is classified by the adapter of the library that printed it, from the same kind
// of value that library throws: basic-ftp's FTPError for a reply, a plain Error with `code` for
// Node's and ssh2's errors. So `explain` and a program using the adapters always agree.
import { toTransferError as fromBasicFtp } from "@transfer-errors/basic-ftp";
import type { Protocol, TransferError } from "@transfer-errors/core";
import { toTransferError as fromNodeFtp } from "@transfer-errors/ftp";
import { toTransferError as fromSsh2 } from "@transfer-errors/ssh2";
import { toTransferError as fromSftpClient } from "@transfer-errors/ssh2-sftp-client";
import { FTPError } from "basic-ftp";
import type { Thrown } from "./read-input.js";

function thrownValue(protocol: Protocol, thrown: Thrown): Error {
  const { message, ...fields } = thrown;
  if (protocol === "ftp" && typeof thrown.code === "number") {
    return new FTPError({ code: thrown.code, message });
  }
  return Object.assign(new Error(message), fields);
}

/**
 * The TransferError a program using the adapter would get for this thrown value: the most used
 * client of the protocol first (basic-ftp, ssh2-sftp-client), then the other one (node-ftp, ssh2's
 * own SFTP) when the first does not know the text.
 */
export function classifyThrown(protocol: Protocol, thrown: Thrown): TransferError {
  const error = thrownValue(protocol, thrown);
  const [first, second] =
    protocol === "sftp" ? [fromSftpClient, fromSsh2] : [fromBasicFtp, fromNodeFtp];
  const read = first(error);
  if (read.reason !== "unknown") return read;
  const other = second(error);
  return other.reason === "unknown" ? read : other;
}
