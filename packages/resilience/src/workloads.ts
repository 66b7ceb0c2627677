// The idempotent operations of the fault runs: each checks its result, so that an attempt that
// "succeeds" with a truncated file or a wrong listing is caught.
import type { SftpClientLike, SftpConnection } from "@transfer-errors/ssh2-sftp-client";
import type { Client as FtpClient } from "basic-ftp";
import { MemorySink } from "./memory-sink.ts";
import type { Operation } from "./retry-run.ts";

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${String(expected)}, got ${String(actual)}`);
  }
}

export interface FtpFiles {
  /** A small file and its text. */
  file: string;
  fileText: string;
}

/** `count` operations over a wrapped basic-ftp client: size, list, downloadTo into memory. */
export function ftpWorkload(client: FtpClient, files: FtpFiles, count: number): Operation[] {
  const kinds: Operation[] = [
    {
      name: `size ${files.file}`,
      run: () => client.size(files.file),
      check: (size) => expectEqual(size, Buffer.byteLength(files.fileText), "size"),
    },
    {
      name: "list",
      run: () => client.list(),
      check: (list) =>
        expectEqual(
          (list as { name: string }[]).some((entry) => entry.name === files.file),
          true,
          `${files.file} listed`,
        ),
    },
    {
      name: `downloadTo memory ${files.file}`,
      // A fresh sink per attempt: a retried download must not append to a partial one.
      run: async () => {
        const sink = new MemorySink();
        await client.downloadTo(sink, files.file);
        return sink.text();
      },
      check: (text) => expectEqual(text, files.fileText, "downloaded text"),
    },
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!);
}

export interface SftpFiles {
  file: string;
  fileContent: string;
  /** A file large enough to be cut mid-transfer, and its size. */
  bigFile: string;
  bigFileBytes: number;
  /** The directory that holds `file`. */
  dir: string;
}

/** `count` operations through a reconnecting SFTP connection: stat, get, list, get of a big file. */
export function sftpWorkload(
  connection: SftpConnection<SftpClientLike>,
  files: SftpFiles,
  count: number,
): Operation[] {
  const name = files.file.slice(files.file.lastIndexOf("/") + 1);
  const kinds: Operation[] = [
    {
      name: `stat ${files.file}`,
      run: () => connection.client.stat(files.file),
      check: (stats) =>
        expectEqual((stats as { size: number }).size, Buffer.byteLength(files.fileContent), "size"),
    },
    {
      name: `get ${files.file}`,
      run: () => connection.client.get(files.file),
      check: (data) => expectEqual(String(data), files.fileContent, "content"),
    },
    {
      name: `list ${files.dir}`,
      run: () => connection.client.list(files.dir),
      check: (list) =>
        expectEqual(
          (list as { name: string }[]).some((entry) => entry.name === name),
          true,
          `${name} listed`,
        ),
    },
    {
      name: `get ${files.bigFile}`,
      run: () => connection.client.get(files.bigFile),
      check: (data) => expectEqual((data as Buffer).length, files.bigFileBytes, "bytes"),
    },
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!);
}
