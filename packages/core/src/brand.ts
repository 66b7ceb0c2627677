/**
 * The brand of a TransferError. `Symbol.for` makes it the same symbol in every copy of the package
 * (two versions in one node_modules, a bundled copy), where `instanceof` would fail.
 */
export const transferErrorBrand: unique symbol = Symbol.for(
  "transfer-errors.TransferError",
) as never;

/** True for a TransferError made by any copy of this package. Never throws. */
export function isTransferError(value: unknown): value is import("./error.js").TransferError {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  try {
    return (value as Record<symbol, unknown>)[transferErrorBrand] === true;
  } catch {
    return false;
  }
}
