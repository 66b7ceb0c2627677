// SFTP statuses, ssh2-sftp-client's prefixes and its own codes, against the real OpenSSH.
import { tmpdir } from "node:os";
import { join } from "node:path";
import type SftpClient from "ssh2-sftp-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { toTransferError, wrapClient } from "../src/index.js";
import {
  connectConfig,
  describeSftp,
  expectFailure,
  expectNoSecrets,
  newClient,
  running,
  transferErrorOf,
  useFixtures,
} from "./helpers.js";

describeSftp("SFTP status errors from OpenSSH", () => {
  const fixtures = useFixtures();
  let raw: SftpClient;
  let sftp: SftpClient;
  beforeAll(async () => {
    raw = newClient();
    await raw.connect(connectConfig());
    // Connected through the wrapper, which takes the password from connect()'s config.
    sftp = wrapClient(newClient());
    await sftp.connect(connectConfig());
  });
  afterAll(async () => {
    await raw?.end();
    await sftp?.end();
  });

  const notFound = (operation: string, path: string, code: number | string, codeName?: string) => ({
    reason: "not-found",
    code,
    codeName,
    retryable: false,
    reconnect: false,
    operation,
    path,
  });

  it("get of a missing file: status 2 behind the 'get:' prefix", async () => {
    const { missing } = fixtures();
    const error = await transferErrorOf(sftp.get(missing));
    expectFailure(error, notFound("get", missing, 2, "SSH_FX_NO_SUCH_FILE"));
    expect(error.serverMessage).toBe("No such file");
  });

  it("the same missing path is not-found whichever method surfaced it (2, ENOENT, ERR_BAD_PATH)", async () => {
    const { missing } = fixtures();
    expectFailure(
      await transferErrorOf(sftp.list(missing)),
      notFound("list", missing, 2, "SSH_FX_NO_SUCH_FILE"),
    );
    expectFailure(
      await transferErrorOf(sftp.delete(missing)),
      notFound("delete", missing, 2, "SSH_FX_NO_SUCH_FILE"),
    );
    expectFailure(await transferErrorOf(sftp.stat(missing)), notFound("stat", missing, "ENOENT"));
    expectFailure(
      await transferErrorOf(sftp.rmdir(missing)),
      notFound("rmdir", missing, "ERR_BAD_PATH"),
    );
    expectFailure(
      await transferErrorOf(sftp.fastGet(missing, join(tmpdir(), "te-never-written"))),
      notFound("fastGet", missing, "ERR_BAD_PATH"),
    );
    const to = `${fixtures().root}/renamed`;
    expectFailure(
      await transferErrorOf(sftp.rename(missing, to)),
      notFound("rename", missing, 2, "SSH_FX_NO_SUCH_FILE"),
    );
  });

  it("toTransferError reads the raw errors alike, taking operation and path from the message", async () => {
    const { missing } = fixtures();
    const fromGet = toTransferError(await raw.get(missing).catch((e: unknown) => e));
    expectFailure(fromGet, notFound("get", missing, 2, "SSH_FX_NO_SUCH_FILE"));
    const fromStat = toTransferError(await raw.stat(missing).catch((e: unknown) => e));
    expectFailure(fromStat, notFound("stat", missing, "ENOENT"));
    const fromRename = toTransferError(
      await raw.rename(missing, "/elsewhere").catch((e: unknown) => e),
    );
    expectFailure(fromRename, notFound("rename", missing, 2, "SSH_FX_NO_SUCH_FILE"));
    expect(fromRename.serverMessage).toBe("No such file");
  });

  it("a path below a file: list says 2, rmdir's own check says not-a-directory", async () => {
    const { file } = fixtures();
    expectFailure(
      await transferErrorOf(sftp.list(file)),
      notFound("list", file, 2, "SSH_FX_NO_SUCH_FILE"),
    );
    expectFailure(await transferErrorOf(sftp.rmdir(file)), {
      reason: "not-a-directory",
      code: "ERR_BAD_PATH",
      retryable: false,
      reconnect: false,
      operation: "rmdir",
      path: file,
    });
  });

  it("status 3 from a read-only directory, whichever method surfaced it", async () => {
    const { readOnlyDir, readOnlyFile, lockedDir } = fixtures();
    const denied = (operation: string, path: string) => ({
      reason: "permission-denied",
      code: 3,
      codeName: "SSH_FX_PERMISSION_DENIED",
      retryable: false,
      reconnect: false,
      operation,
      path,
    });
    const target = `${readOnlyDir}/new.txt`;
    const put = await transferErrorOf(sftp.put(Buffer.from("x"), target));
    expectFailure(put, denied("put", target));
    expect(put.serverMessage).toBe("Permission denied");
    expectFailure(await transferErrorOf(sftp.delete(readOnlyFile)), denied("delete", readOnlyFile));
    expectFailure(
      await transferErrorOf(sftp.mkdir(`${readOnlyDir}/sub`)),
      denied("mkdir", `${readOnlyDir}/sub`),
    );
    const inside = `${lockedDir}/inside.txt`;
    expectFailure(await transferErrorOf(sftp.stat(inside)), denied("stat", inside));
    // exists() returns false only for "missing": a refused lookup throws.
    expectFailure(await transferErrorOf(sftp.exists(inside)), denied("exists", inside));
  });

  it("exists() resolves false for a missing path and for a path below a file (no error)", async () => {
    const { missing, file } = fixtures();
    await expect(sftp.exists(missing)).resolves.toBe(false);
    await expect(sftp.exists(`${file}/below`)).resolves.toBe(false);
    await expect(sftp.exists(file)).resolves.toBe("-");
  });

  it("status 5 for a name too long for the server", async () => {
    const long = `${fixtures().root}/${"n".repeat(300)}`;
    const error = await transferErrorOf(sftp.stat(long));
    // OpenSSH answers 5 for ENAMETOOLONG and EINVAL. Its catalog (sftp-server.c, every path
    // request) reads "Bad message" to a path request as the name refused: invalid-name (it was
    // bad-request, from the status alone, before the catalogs).
    expectFailure(error, {
      reason: "invalid-name",
      code: 5,
      codeName: "SSH_FX_BAD_MESSAGE",
      retryable: false,
      reconnect: false,
      operation: "stat",
      path: long,
    });
    expect(error.serverMessage).toBe("Bad message");
  });

  // OpenSSH's "Failure" to READ (a directory opened and read) says nothing more: server-error.
  // To RMDIR it is ENOTEMPTY (a missing or forbidden path gets 2 or 3): directory-not-empty.
  it("status 4 (generic) for get of a directory and rmdir of a non-empty one", async () => {
    const { nonEmptyDir } = fixtures();
    const failure = (operation: string, reason = "server-error") => ({
      reason,
      code: 4,
      codeName: "SSH_FX_FAILURE",
      retryable: false,
      reconnect: false,
      operation,
      path: nonEmptyDir,
    });
    const get = await transferErrorOf(sftp.get(nonEmptyDir));
    expectFailure(get, failure("get"));
    expect(get.serverMessage).toBe("Failure");
    expectFailure(
      await transferErrorOf(sftp.rmdir(nonEmptyDir)),
      failure("rmdir", "directory-not-empty"),
    );
  });

  it("mkdir: the library's checks say already-exists (a file there) and not-found (no parent)", async () => {
    const { file, missing } = fixtures();
    expectFailure(await transferErrorOf(sftp.mkdir(file)), {
      reason: "already-exists",
      code: "ERR_BAD_PATH",
      retryable: false,
      reconnect: false,
      operation: "mkdir",
      path: file,
    });
    const deep = `${missing}/a/b`;
    expectFailure(await transferErrorOf(sftp.mkdir(deep)), notFound("mkdir", deep, "ERR_BAD_PATH"));
  });

  it("a local source or destination that fails is local-file-error, with the remote path kept", async () => {
    const { root } = fixtures();
    const remote = `${root}/never.txt`;
    const put = await transferErrorOf(sftp.put("/nonexistent-local-dir/source.txt", remote));
    expectFailure(put, {
      reason: "local-file-error",
      code: -2,
      retryable: false,
      reconnect: false,
      operation: "put",
      path: remote,
    });
    const get = await transferErrorOf(sftp.get(fixtures().file, "/nonexistent-local-dir/x.txt"));
    expectFailure(get, {
      reason: "local-file-error",
      code: "ERR_GENERIC_CLIENT",
      retryable: false,
      reconnect: false,
      operation: "get",
      path: fixtures().file,
    });
  });

  it("a secret that lands in a path or message is masked everywhere, toJSON() included", async () => {
    const { root } = fixtures();
    const { password } = running().user;
    const missing = `${root}/${password}-missing.txt`;
    const error = await transferErrorOf(sftp.get(missing));
    expectFailure(error, {
      reason: "not-found",
      code: 2,
      codeName: "SSH_FX_NO_SUCH_FILE",
      retryable: false,
      reconnect: false,
      operation: "get",
      path: `${root}/***-missing.txt`,
    });
    expect(JSON.stringify(error.toJSON())).toContain("***");
  });

  // The server's identification in the facts. OpenSSH answers a name longer than the file system
  // takes (ENAMETOOLONG) with a bare "Bad message", which to a RENAME most servers send for a
  // request they do not support; knowing the server is OpenSSH, the core reads it as OpenSSH's
  // sftp-server means it (errno_to_portable: ENAMETOOLONG and EINVAL are SSH2_FX_BAD_MESSAGE).
  it("OpenSSH's 'Bad message' to a rename onto a name too long is invalid-name, by its greeting", async () => {
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
