// What ssh2's SFTPWrapper reports for refused requests, through wrapClient, on a real OpenSSH:
// SFTP statuses with the server's text, handle paths, local files, streams and argument errors.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SFTPWrapper, Stats } from "ssh2";
import { afterAll, beforeAll, expect, expectTypeOf, it } from "vitest";
import { isTransferError, toTransferError, wrapClient } from "../src/index.js";
import {
  describeSftp,
  expectFailure,
  openRaw,
  type RawSession,
  transferErrorOf,
  useFixtures,
  viaCallback,
} from "./helpers.js";

describeSftp("SFTP statuses through wrapClient", () => {
  const fixtures = useFixtures();
  let raw: RawSession;
  let sftp: SFTPWrapper;
  let local: string;
  beforeAll(async () => {
    raw = await openRaw();
    sftp = wrapClient(raw.sftp);
    local = await mkdtemp(join(tmpdir(), "te-ssh2-local-"));
  });
  afterAll(async () => {
    raw?.client.end();
    await rm(local, { recursive: true, force: true });
  });

  it("keeps the session's type, results and callback style", async () => {
    expectTypeOf(sftp).toEqualTypeOf<SFTPWrapper>();
    const { file, fileContent, root } = fixtures();
    const data = await viaCallback<Buffer>((cb) => sftp.readFile(file, cb));
    expect(data.toString()).toBe(fileContent);
    const stats = await viaCallback<Stats>((cb) => sftp.stat(file, cb));
    expect(stats.isFile()).toBe(true);
    const names = await viaCallback<{ filename: string }[]>((cb) => sftp.readdir(root, cb));
    expect(names.map((entry) => entry.filename)).toContain("file.txt");
    // exists() calls back with a boolean, not an error: left as it is.
    expect(await new Promise((resolve) => sftp.exists(fixtures().missing, resolve))).toBe(false);
    expect(sftp.on).toBe(raw.sftp.on);
  });

  it("a missing file: SSH_FX_NO_SUCH_FILE (2), not-found, with the server's text", async () => {
    const { missing } = fixtures();
    const error = await transferErrorOf(viaCallback((cb) => sftp.readFile(missing, cb)));
    expectFailure(error, {
      reason: "not-found",
      code: 2,
      codeName: "SSH_FX_NO_SUCH_FILE",
      retryable: false,
      reconnect: false,
      operation: "readFile",
      path: missing,
    });
    expect(error.serverMessage).toBe("No such file");
    expect(error.cause).toBeInstanceOf(Error);
    expect((error.cause as { code?: unknown }).code).toBe(2);
  });

  it("a directory the user cannot enter: SSH_FX_PERMISSION_DENIED (3)", async () => {
    const { lockedDir } = fixtures();
    const error = await transferErrorOf(viaCallback((cb) => sftp.readdir(lockedDir, cb)));
    expectFailure(error, {
      reason: "permission-denied",
      code: 3,
      codeName: "SSH_FX_PERMISSION_DENIED",
      retryable: false,
      reconnect: false,
      operation: "readdir",
      path: lockedDir,
    });
  });

  it("an upload into a read-only directory: permission-denied", async () => {
    const target = `${fixtures().readOnlyDir}/upload.txt`;
    const error = await transferErrorOf(viaCallback((cb) => sftp.writeFile(target, "data", cb)));
    expectFailure(error, {
      reason: "permission-denied",
      code: 3,
      codeName: "SSH_FX_PERMISSION_DENIED",
      retryable: false,
      reconnect: false,
      operation: "writeFile",
      path: target,
    });
  });

  // OpenSSH's generic SSH_FX_FAILURE (4) to RMDIR: its sftp-server sends it for ENOTEMPTY (a
  // missing or forbidden path gets 2 or 3), read so by its greeting's catalog.
  it("rmdir of a non-empty directory: OpenSSH's SSH_FX_FAILURE (4) to RMDIR is directory-not-empty", async () => {
    const { nonEmptyDir } = fixtures();
    const error = await transferErrorOf(viaCallback((cb) => sftp.rmdir(nonEmptyDir, cb)));
    expectFailure(error, {
      reason: "directory-not-empty",
      code: 4,
      codeName: "SSH_FX_FAILURE",
      retryable: false,
      reconnect: false,
      operation: "rmdir",
      path: nonEmptyDir,
    });
  });

  // OpenSSH's RENAME never overwrites: its "Failure" is the target that exists (link() EEXIST).
  it("a rename onto an existing file is already-exists, and not retryable", async () => {
    const { file, nonEmptyDir } = fixtures();
    const error = await transferErrorOf(
      viaCallback((cb) => sftp.rename(file, `${nonEmptyDir}/inner.txt`, cb)),
    );
    expect([error.reason, error.code, error.retryable, error.path]).toEqual([
      "already-exists",
      4,
      false,
      file,
    ]);
  });

  it("a call on a handle names the path the handle was opened with", async () => {
    const { file } = fixtures();
    const handle = await viaCallback<Buffer>((cb) => sftp.open(file, "r", cb));
    await viaCallback((cb) => sftp.close(handle, cb));
    // The handle is closed now: the server refuses it.
    const error = await transferErrorOf(viaCallback((cb) => sftp.fstat(handle, cb)));
    expect([error.operation, error.path, error.code]).toEqual(["fstat", file, 4]);
  });

  it("fastGet into a missing local directory: local-file-error, the remote path kept", async () => {
    const { file } = fixtures();
    const target = join(local, "no-such-dir", "copy.txt");
    const error = await transferErrorOf(viaCallback((cb) => sftp.fastGet(file, target, cb)));
    expectFailure(error, {
      reason: "local-file-error",
      code: "ENOENT",
      retryable: false,
      reconnect: false,
      operation: "fastGet",
      path: file,
    });
  });

  it("fastPut of a missing local file: local-file-error", async () => {
    const target = `${fixtures().root}/fastput.txt`;
    const error = await transferErrorOf(
      viaCallback((cb) => sftp.fastPut(join(local, "missing.txt"), target, cb)),
    );
    expect([error.reason, error.code, error.operation, error.path]).toEqual([
      "local-file-error",
      "ENOENT",
      "fastPut",
      target,
    ]);
  });

  it("fastPut works and passes its result through", async () => {
    const source = join(local, "source.txt");
    await writeFile(source, "fast\n");
    const target = `${fixtures().root}/fastput-ok.txt`;
    await viaCallback((cb) => sftp.fastPut(source, target, cb));
    const data = await viaCallback<Buffer>((cb) => sftp.readFile(target, cb));
    expect(data.toString()).toBe("fast\n");
  });

  it("a read stream of a missing file emits a TransferError", async () => {
    const { missing } = fixtures();
    const stream = sftp.createReadStream(missing);
    const error = await new Promise((resolve) => stream.on("error", resolve));
    expect(isTransferError(error)).toBe(true);
    if (!isTransferError(error)) return;
    expect([error.reason, error.code, error.operation, error.path]).toEqual([
      "not-found",
      2,
      "createReadStream",
      missing,
    ]);
  });

  it("a write stream into a read-only directory emits a TransferError", async () => {
    const target = `${fixtures().readOnlyDir}/stream.txt`;
    const stream = sftp.createWriteStream(target);
    const error = await new Promise((resolve) => stream.on("error", resolve));
    expect(isTransferError(error) && [error.reason, error.path]).toEqual([
      "permission-denied",
      target,
    ]);
  });

  it("an argument ssh2 refuses at once is thrown at once, as a client-misuse TransferError", () => {
    let thrown: unknown;
    try {
      sftp.open(fixtures().file, "not-a-flag" as never, () => undefined);
    } catch (error) {
      thrown = error;
    }
    expect(isTransferError(thrown)).toBe(true);
    if (!isTransferError(thrown)) return;
    expectFailure(thrown, {
      reason: "client-misuse",
      code: undefined,
      retryable: false,
      reconnect: false,
      operation: "open",
      path: fixtures().file,
    });
  });

  // The server's identification in the facts: ssh2's Client keeps it, and the wrapped session's
  // failures carry it. OpenSSH's "Bad message" to a RENAME onto a name too long (ENAMETOOLONG) is
  // read as OpenSSH's sftp-server means it (its catalog, from its source), not as most servers do.
  it("a RENAME onto a name too long: OpenSSH's 'Bad message' is invalid-name, by its greeting", async () => {
    const { file, root } = fixtures();
    const to = join(root, "n".repeat(300));
    const error = await transferErrorOf(viaCallback((cb) => sftp.rename(file, to, cb)));
    expect(error).toMatchObject({ code: 5, serverMessage: "Bad message", reason: "invalid-name" });
    expect(error.serverGreeting).toMatch(/^SSH-2\.0-OpenSSH_\d/);
    expect(error.toJSON().serverGreeting).toBe(error.serverGreeting);
    const productFree = toTransferError(error.originalError, { operation: "rename", path: file });
    expect(productFree.reason).toBe("unsupported");
  });
  // Each SFTPWrapper method sends one request: the adapter knows which one the status answered,
  // and OpenSSH's generic "Failure" is read as its sftp-server means it for that request.
  it("a symlink onto a name that exists: OpenSSH's 'Failure' to SYMLINK is already-exists", async () => {
    const { file, root } = fixtures();
    const target = join(root, "file.txt");
    const error = await transferErrorOf(viaCallback((cb) => sftp.symlink(target, file, cb)));
    expect(error).toMatchObject({
      code: 4,
      serverMessage: "Failure",
      request: "SYMLINK",
      reason: "already-exists",
      retryable: false,
    });
  });

  it("a handle used after its close: OpenSSH's 'Failure' to FSTAT is client-misuse", async () => {
    const handle = await viaCallback<Buffer>((cb) => sftp.open(fixtures().file, "r", cb));
    await viaCallback((cb) => sftp.close(handle, cb));
    const error = await transferErrorOf(viaCallback((cb) => sftp.fstat(handle, cb)));
    expect(error).toMatchObject({
      code: 4,
      request: "FSTAT",
      reason: "client-misuse",
      retryable: false,
    });
    // Without the request (an error read alone, no method named), the same text says less.
    expect(toTransferError(error.originalError).reason).not.toBe("client-misuse");
  });
});
