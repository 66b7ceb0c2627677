import {
  createTransferError,
  failureOf,
  type Protocol,
  type TransferError,
} from "@transfer-errors/core";
import type { Thrown } from "./read-input.js";

/** The TransferError a program would get for this thrown value. */
export function classifyThrown(protocol: Protocol, thrown: Thrown): TransferError {
  const { message, ...fields } = thrown;
  const error = Object.assign(new Error(message), fields);
  return createTransferError(failureOf(error, { protocol }));
}
