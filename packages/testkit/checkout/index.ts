// Names of machine-wide things a test run creates, made its own per checkout. Several checkouts
// of the repository (worktrees, CI clones) may run their tests on one machine at once, and the
// SFTP test users are system users whose password every run sets anew: with one shared name, a
// run changes the password under another run's feet, whose logins then fail (USERAUTH_FAILURE).
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";

/** The root of this checkout. */
const checkout = fileURLToPath(new URL("../../../", import.meta.url));

/** A short tag of this checkout: the same on every run of it, another for another checkout. */
export const checkoutTag = createHash("sha256").update(checkout).digest("hex").slice(0, 6);

/**
 * `base` with this checkout's tag: "te-sftp" becomes "te-sftp-1a2b3c". Short enough for a user
 * name (at most 32 characters) when `base` is up to 25.
 */
export function ownName(base: string): string {
  if (!/^[a-z][a-z0-9-]{0,24}$/.test(base)) throw new Error(`not a usable base name: ${base}`);
  return `${base}-${checkoutTag}`;
}
