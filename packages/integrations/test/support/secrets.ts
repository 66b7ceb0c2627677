// A TransferError whose raw cause holds a password: in its message (a URL the client printed)
// and as an enumerable property (the config it was given). The TransferError's own texts and
// toJSON() are redacted; the raw cause, kept untouched in `cause`, is not.
import { type TransferError, toTransferError } from "@transfer-errors/basic-ftp";

export const PLANTED_PASSWORD = "Planted-Pw-7731";

export function errorWithPlantedPassword(): { error: TransferError; cause: Error } {
  const cause = Object.assign(
    new Error(
      `connect ECONNREFUSED 127.0.0.1:2121 (ftp://teftp:${PLANTED_PASSWORD}@127.0.0.1:2121/in)`,
    ),
    { code: "ECONNREFUSED", config: { user: "teftp", password: PLANTED_PASSWORD } },
  );
  return { error: toTransferError(cause, { operation: "access" }), cause };
}
