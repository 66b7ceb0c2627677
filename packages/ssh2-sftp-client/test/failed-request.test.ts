// Which SFTP request got the failing status, seen by the wrapper on ssh2's SFTP channel, against
// the real OpenSSH: a method sends several requests (get: OPEN, READ, CLOSE) and
// ssh2-sftp-client rebuilds the error, yet OpenSSH means different things by one status to each.
import { failedRequestOf, RequestWatch } from "@transfer-errors/core/adapter";
import type SftpClient from "ssh2-sftp-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { wrapClient } from "../src/index.js";
import { connectConfig, describeSftp, newClient, transferErrorOf, useFixtures } from "./helpers.js";

describeSftp("the failed SFTP request, from OpenSSH", () => {
  const fixtures = useFixtures();
  let sftp: SftpClient;
  let raw: SftpClient;
  beforeAll(async () => {
    sftp = wrapClient(newClient());
    await sftp.connect(connectConfig());
    raw = newClient();
    await raw.connect(connectConfig());
  });
  afterAll(async () => {
    await sftp?.end();
    await raw?.end();
  });

  it("get of a missing file: its OPEN got 'No such file' (not-found)", async () => {
    const error = await transferErrorOf(sftp.get(fixtures().missing));
    expect([error.request, error.code, error.reason]).toEqual(["OPEN", 2, "not-found"]);
  });

  it("delete of a missing file: REMOVE; rmdir of a non-empty directory: RMDIR; list of a missing one: OPENDIR", async () => {
    const { missing, nonEmptyDir } = fixtures();
    expect((await transferErrorOf(sftp.delete(missing))).request).toBe("REMOVE");
    const rmdir = await transferErrorOf(sftp.rmdir(nonEmptyDir));
    expect([rmdir.request, rmdir.code]).toEqual(["RMDIR", 4]);
    expect((await transferErrorOf(sftp.list(missing))).request).toBe("OPENDIR");
  });

  it("get of a directory: OPEN succeeds and its READ gets 'Failure' (EISDIR), read as OpenSSH's READ failure", async () => {
    const error = await transferErrorOf(sftp.get(fixtures().nonEmptyDir));
    expect([error.request, error.code, error.serverMessage]).toEqual(["READ", 4, "Failure"]);
    // OpenSSH's "Failure" to READ (sftp-server.c process_read: EIO most often), not to a path.
    expect(error.reason).toBe("server-error");
    expect(error.explanation).toMatch(/OpenSSH/);
  });

  it("the core's watch on a raw client's channel keys ssh2's own error by its request", async () => {
    const channel = (raw as unknown as { sftp: Record<string, (...args: unknown[]) => void> }).sftp;
    const watch = new RequestWatch();
    watch.watch(channel);
    const mark = watch.mark();
    const error = await new Promise((resolve) =>
      channel.open!(fixtures().missing, "r", (e: unknown) => resolve(e)),
    );
    expect(failedRequestOf(error)).toBe("OPEN");
    // And ssh2-sftp-client's rebuilt error of the same failure, by its code and text.
    const rebuilt = await raw.get(fixtures().missing).catch((e: unknown) => e);
    expect(watch.failedSince(mark, rebuilt)).toBe("OPEN");
  });
});
