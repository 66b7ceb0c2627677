// The server's identification in the facts: ssh2's Client keeps it, and the wrapped session's
// failures carry it. OpenSSH's "Bad message" to a RENAME onto a name too long is read as
// OpenSSH's sftp-server means it (its catalog, from its source), not as most servers mean it.
import { join } from "node:path";
import type { SFTPWrapper } from "ssh2";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toTransferError, wrapClient } from "../src/index.js";
import {
  describeSftp,
  openRaw,
  type RawSession,
  transferErrorOf,
  useFixtures,
  viaCallback,
} from "./helpers.js";

describeSftp("the server's identification (OpenSSH)", () => {
  const fixtures = useFixtures();
  let raw: RawSession;
  let sftp: SFTPWrapper;
  beforeAll(async () => {
    raw = await openRaw();
    sftp = wrapClient(raw.sftp);
  });
  afterAll(() => {
    raw?.client.end();
  });

  it("a RENAME onto a name too long: OpenSSH's 'Bad message' is invalid-name", async () => {
    const { file, root } = fixtures();
    const to = join(root, "n".repeat(300));
    const error = await transferErrorOf(viaCallback((cb) => sftp.rename(file, to, cb)));
    expect(error).toMatchObject({ code: 5, serverMessage: "Bad message", reason: "invalid-name" });
    expect(error.serverGreeting).toMatch(/^SSH-2\.0-OpenSSH_\d/);
    expect(error.toJSON().serverGreeting).toBe(error.serverGreeting);
    const productFree = toTransferError(error.originalError, { operation: "rename", path: file });
    expect(productFree.reason).toBe("unsupported");
  });
});
