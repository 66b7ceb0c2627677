// wrapClient's verifyTransfers option on real servers: a data connection that the fault proxy
// closes with a FIN mid-transfer (ftp-data-relay.ts) looks like the end of the file to FTP. Without
// the option basic-ftp resolves with part of it (the problem, documented); with it the call
// rejects with the `short-transfer` signal, and withRetry gets the whole file on the next attempt.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { type FaultProxy, startFaultProxy } from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type TransferError, type WrapOptions, withRetry, wrapClient } from "../../src/index.js";
import { expectTransferError, rejectionOf } from "../support/expect-error.js";
import { describeWithServers, type ServerHandle, useFtpServer } from "../support/servers.js";

/** Where the proxy cuts the data connection: far short of the fixtures' 8 MiB file. */
const CUT = 100_000;
const UPLOAD_BYTES = 1_000_000;

let local: string;
let upload: Buffer;
beforeAll(() => {
  local = mkdtempSync(join(tmpdir(), "te-verify-"));
  upload = randomBytes(UPLOAD_BYTES);
  writeFileSync(join(local, "upload.bin"), upload);
});
afterAll(() => rmSync(local, { recursive: true, force: true }));

/** A destination stream that keeps what it gets. */
function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

const serverFile = (h: ServerHandle, name: string) => join(h.server.home, name);

for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
  describeWithServers(`verifyTransfers on ${kind}, a data connection cut by a FIN`, () => {
    // ProFTPD refuses APPE unless told otherwise ("Append/Restart not permitted").
    const handle = useFtpServer(kind, {
      extraConfig: kind === "proftpd" ? ["AllowStoreRestart on"] : [],
    });
    let proxy: FaultProxy;
    let big: Buffer;
    beforeAll(async () => {
      proxy = await startFaultProxy({ target: { port: handle.server.port } });
      big = readFileSync(serverFile(handle, F.bigFile));
    });
    afterAll(() => proxy.stop());

    let client: Client;
    const connect = async (options: WrapOptions) => {
      client = wrapClient(new Client(5_000), options);
      await client.access(handle.options({ host: proxy.host, port: proxy.port }));
      return client;
    };
    /** The next data connection of the open session ends after CUT bytes in `direction`. */
    const cutNext = (direction: "up" | "down") => {
      const struck = proxy.stats.struck["data-fin"];
      expect(proxy.strikeOpen({ kind: "data-fin", direction, bytes: CUT })).toBeGreaterThan(0);
      return () => expect(proxy.stats.struck["data-fin"]).toBe(struck + 1);
    };
    beforeEach(() => () => client?.close());

    // A reset of the data connection is not always an error to basic-ftp: into a caller's stream,
    // the raw client resolved with the 100,000 bytes that arrived (the reset came before it began
    // to read the socket). With the option, a path and a stream get the same answer: the
    // connection was lost (the reset itself, or the count short of SIZE), never local-file-error.
    describe("with verifyTransfers, a data connection reset mid-download", () => {
      const resetNext = () => {
        const struck = proxy.stats.struck["data-fin"];
        const cut = { kind: "data-fin", direction: "down", bytes: CUT, reset: true } as const;
        expect(proxy.strikeOpen(cut)).toBeGreaterThan(0);
        return () => expect(proxy.stats.struck["data-fin"]).toBe(struck + 1);
      };
      const expectLost = (error: unknown) => {
        const e = error as TransferError;
        expect([e.reason, e.retryable, e.retry.reconnect, e.operation, e.path]).toEqual([
          "connection-lost",
          true,
          true,
          "downloadTo",
          F.bigFile,
        ]);
        // The reset itself, or the count that fell short of SIZE.
        expect([undefined, "ECONNRESET"]).toContain(e.code);
      };

      it("into a path: connection-lost, retryable", async () => {
        await connect({ verifyTransfers: true });
        const struck = resetNext();
        const target = join(local, `${kind}-rst.bin`);
        expectLost(await rejectionOf(client.downloadTo(target, F.bigFile)));
        struck();
      });

      it("into the caller's stream: the same answer", async () => {
        await connect({ verifyTransfers: true });
        const struck = resetNext();
        const { stream } = collector();
        expectLost(await rejectionOf(client.downloadTo(stream, F.bigFile)));
        struck();
      });
    });

    describe("without the option (the problem)", () => {
      it("downloadTo resolves with part of the file", async () => {
        await connect({});
        const struck = cutNext("down");
        const target = join(local, `${kind}-plain.bin`);
        await client.downloadTo(target, F.bigFile);
        struck();
        expect(statSync(target).size).toBe(CUT);
        expect(F.bigFileBytes).toBeGreaterThan(CUT);
      });

      it("uploadFrom resolves while the server holds less than was sent", async () => {
        await connect({});
        const struck = cutNext("up");
        await client.uploadFrom(Readable.from([upload]), "plain-up.bin");
        struck();
        expect(statSync(serverFile(handle, "plain-up.bin")).size).toBe(CUT);
      });
    });

    describe("with verifyTransfers", () => {
      const short = (error: unknown, operation: string, path: string) =>
        expectTransferError(error, {
          reason: "connection-lost",
          code: undefined,
          retryable: true,
          reconnect: true,
          operation,
          path,
        });

      it("downloadTo a path rejects: connection-lost, retryable, the counts in the message", async () => {
        await connect({ verifyTransfers: true });
        const struck = cutNext("down");
        const error = await rejectionOf(client.downloadTo(join(local, `${kind}.bin`), F.bigFile));
        struck();
        const e = short(error, "downloadTo", F.bigFile);
        expect(e.message).toContain(`${CUT} of ${F.bigFileBytes} bytes`);
        expect(e.explanation).toMatch(/verifyTransfers/);
        // Only the data connection was cut: the session goes on.
        expect(client.closed).toBe(false);
        expect(await client.size(F.bigFile)).toBe(F.bigFileBytes);
      });

      it("downloadTo a caller's stream rejects, and the caller's trackProgress handler still runs", async () => {
        await connect({ verifyTransfers: true });
        const seen: number[] = [];
        client.trackProgress((info) => seen.push(info.bytes));
        const struck = cutNext("down");
        const sink = collector();
        short(
          await rejectionOf(client.downloadTo(sink.stream, F.bigFile)),
          "downloadTo",
          F.bigFile,
        );
        struck();
        expect(sink.bytes().length).toBe(CUT);
        expect(seen.at(-1)).toBe(CUT);
        // The handler is the caller's again after the call, and still counted on the next one.
        seen.length = 0;
        const whole = collector();
        await client.downloadTo(whole.stream, F.file);
        expect(seen.at(-1)).toBe(F.fileText.length);
        expect(whole.bytes().toString()).toBe(F.fileText);
      });

      it("downloadTo with startAt: checked against the rest of the file", async () => {
        await connect({ verifyTransfers: true });
        const startAt = 3_000_000;
        const target = join(local, `${kind}-resumed.bin`);
        writeFileSync(target, big.subarray(0, startAt));
        const struck = cutNext("down");
        const e = short(
          await rejectionOf(client.downloadTo(target, F.bigFile, startAt)),
          "downloadTo",
          F.bigFile,
        );
        struck();
        expect(e.message).toContain(`${CUT} of ${F.bigFileBytes - startAt} bytes`);
        // The resume, uncut, passes the check and completes the file.
        writeFileSync(target, big.subarray(0, startAt));
        await client.downloadTo(target, F.bigFile, startAt);
        expect(readFileSync(target).equals(big)).toBe(true);
      });

      it("uploadFrom a stream and a path reject: the server holds less than was sent", async () => {
        await connect({ verifyTransfers: true });
        let struck = cutNext("up");
        const e = short(
          await rejectionOf(client.uploadFrom(Readable.from([upload]), "cut.bin")),
          "uploadFrom",
          "cut.bin",
        );
        struck();
        expect(e.message).toContain(`holds ${CUT} bytes`);
        struck = cutNext("up");
        short(
          await rejectionOf(client.uploadFrom(join(local, "upload.bin"), "cut-path.bin")),
          "uploadFrom",
          "cut-path.bin",
        );
        struck();
        expect(statSync(serverFile(handle, "cut-path.bin")).size).toBe(CUT);
      });

      it("appendFrom rejects as connection-lost, ambiguous: not retried (it may append twice)", async () => {
        await connect({ verifyTransfers: true });
        await client.uploadFrom(Readable.from(["start\n"]), "log.txt");
        const struck = cutNext("up");
        const e = expectTransferError(
          await rejectionOf(client.appendFrom(Readable.from([upload]), "log.txt")),
          {
            reason: "connection-lost",
            code: undefined,
            retryable: false,
            reconnect: true,
            operation: "appendFrom",
            path: "log.txt",
          },
        );
        struck();
        expect(e.retry.ambiguous).toBe(true);
        expect(e.message).toContain(`grew by ${CUT} bytes`);
      });

      it("withRetry gets the whole file on the next attempt, download and upload", async () => {
        await connect({ verifyTransfers: true });
        const target = join(local, `${kind}-retried.bin`);
        const failures: TransferError[] = [];
        const onRetry = (e: TransferError) => {
          failures.push(e);
        };
        let struck = cutNext("down");
        await withRetry(() => client.downloadTo(target, F.bigFile), { minDelayMs: 1, onRetry });
        struck();
        expect(failures.map((e) => e.reason)).toEqual(["connection-lost"]);
        expect(readFileSync(target).equals(big)).toBe(true);

        struck = cutNext("up");
        await withRetry(() => client.uploadFrom(Readable.from([upload]), "retried.bin"), {
          minDelayMs: 1,
          onRetry,
        });
        struck();
        expect(failures).toHaveLength(2);
        expect(readFileSync(serverFile(handle, "retried.bin")).equals(upload)).toBe(true);
      });

      it("whole transfers pass: download, resume, upload, append to a new file", async () => {
        await connect({ verifyTransfers: true });
        const sink = collector();
        await client.downloadTo(sink.stream, F.bigFile);
        expect(sink.bytes().equals(big)).toBe(true);
        await client.uploadFrom(join(local, "upload.bin"), "whole.bin");
        await client.appendFrom(Readable.from(["more"]), "new-by-append.txt");
        await client.appendFrom(Readable.from(["!"]), "new-by-append.txt");
        expect(readFileSync(serverFile(handle, "new-by-append.txt"), "utf8")).toBe("more!");
      });
    });
  });
}

describeWithServers("verifyTransfers over TLS (vsftpd): the counts are the plain bytes", () => {
  const handle = useFtpServer("vsftpd-tls");

  it("whole transfers pass the check", async () => {
    const client = wrapClient(new Client(5_000), { verifyTransfers: true });
    await client.access(handle.options());
    const sink = collector();
    await client.downloadTo(sink.stream, F.bigFile);
    expect(sink.bytes().length).toBe(F.bigFileBytes);
    await client.uploadFrom(Readable.from([upload]), "tls.bin");
    expect(statSync(join(handle.server.home, "tls.bin")).size).toBe(UPLOAD_BYTES);
    client.close();
  });
});

describeWithServers("verifyTransfers on a server that refuses SIZE (ProFTPD)", () => {
  const handle = useFtpServer("proftpd", {
    extraConfig: ["<Limit SIZE>", "  DenyAll", "</Limit>"],
  });

  it("the transfer is not checked, and basic-ftp's verbose log says so", async () => {
    const proxy = await startFaultProxy({ target: { port: handle.server.port } });
    const client = wrapClient(new Client(5_000), { verifyTransfers: true });
    await client.access(handle.options({ host: proxy.host, port: proxy.port }));
    await expect(client.size(F.bigFile)).rejects.toMatchObject({ code: 550 });
    const logged: string[] = [];
    const log = client.ftp.log.bind(client.ftp);
    client.ftp.log = (message: string) => {
      logged.push(message);
      log(message);
    };
    proxy.strikeOpen({ kind: "data-fin", direction: "down", bytes: CUT });
    const sink = collector();
    await client.downloadTo(sink.stream, F.bigFile);
    expect(sink.bytes().length).toBe(CUT);
    expect(logged).toContain(`verifyTransfers: downloadTo of "${F.bigFile}" not checked: no SIZE`);
    client.close();
    await proxy.stop();
  });
});
