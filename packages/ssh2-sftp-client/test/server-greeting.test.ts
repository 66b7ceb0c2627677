// The server's identification in the facts. OpenSSH answers a name longer than the file system
// takes (ENAMETOOLONG) with a bare "Bad message", which to a RENAME most servers send for a
// request they do not support; knowing the server is OpenSSH, the core reads it as OpenSSH's
// sftp-server means it (errno_to_portable: ENAMETOOLONG and EINVAL are SSH2_FX_BAD_MESSAGE).
import { join } from "node:path";
import type SftpClient from "ssh2-sftp-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toTransferError, wrapClient } from "../src/index.js";
import {
  connectConfig,
  describeSftp,
  expectNoSecrets,
  newClient,
  running,
  transferErrorOf,
  useFixtures,
} from "./helpers.js";

describeSftp("the server's identification (OpenSSH)", () => {
  const fixtures = useFixtures();
  let sftp: SftpClient;
  beforeAll(async () => {
    sftp = wrapClient(newClient());
    await sftp.connect(connectConfig());
  });
  afterAll(async () => {
    await sftp?.end();
  });

  it("OpenSSH's 'Bad message' to a rename onto a name too long is invalid-name, as its catalog reads it", async () => {
    const { file, root } = fixtures();
    const error = await transferErrorOf(sftp.rename(file, join(root, "n".repeat(300))));
    expect(error).toMatchObject({ code: 5, serverMessage: "Bad message", reason: "invalid-name" });
    expect(error.serverGreeting).toMatch(/^SSH-2\.0-OpenSSH_\d/);
    expect(error.explanation).toContain("As OpenSSH sftp-server sends it");
    // Without the identification the same reply is read as most servers mean it.
    const productFree = toTransferError(error.originalError, { operation: "rename", path: file });
    expect(productFree.reason).toBe("unsupported");
    expect(productFree.serverGreeting).toBeUndefined();
  });

  it("the identification is in the error and its JSON, and nothing of the login with it", async () => {
    const error = await transferErrorOf(sftp.get(fixtures().missing));
    expect(error.reason).toBe("not-found");
    const json = error.toJSON();
    expect(json.serverGreeting).toBe(error.serverGreeting);
    expect(json.serverGreeting).toMatch(/^SSH-2\.0-OpenSSH_\S+$/);
    expectNoSecrets(error, [running().user.password]);
    expect(JSON.stringify(json)).not.toContain(running().user.password);
  });
});
