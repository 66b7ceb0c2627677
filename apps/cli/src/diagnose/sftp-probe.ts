// diagnose over SFTP, with ssh2-sftp-client wrapped by @transfer-errors/ssh2-sftp-client. The
// connect step is a plain TCP connection that reads the SSH banner, so that "nothing listens"
// and "the login was refused" are two different steps, as they are for FTP.
import { createHash } from "node:crypto";
import { connect as tcpConnect } from "node:net";
import { watchGreeting } from "@transfer-errors/core/adapter";
import { isTransferError, toTransferError, wrapClient } from "@transfer-errors/ssh2-sftp-client";
import SftpClient from "ssh2-sftp-client";
import type { Probe } from "./probe.js";
import type { Target } from "./target.js";

export interface SftpProbeOptions {
  timeoutMs: number;
}

/**
 * The first line an SSH server sends ("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3"). An FTP server's
 * "220 ..." fails it at once (a WrongProtocol, which the adapter reads as `wrong-protocol`).
 */
function readBanner(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect({ host, port });
    let text = "";
    const done = (error: Error | undefined, banner?: string) => {
      socket.destroy();
      if (error) reject(error);
      else resolve(banner!);
    };
    socket.setTimeout(timeoutMs, () =>
      done(
        Object.assign(new Error(`no SSH banner from ${host}:${port} within ${timeoutMs} ms`), {
          code: "ETIMEDOUT",
        }),
      ),
    );
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      text += chunk;
      // RFC 4253 §4.2: lines before the version line are allowed; the version line starts "SSH-".
      const line = text
        .split(/\r?\n/)
        .find((l, i, all) => i < all.length - 1 && l.startsWith("SSH-"));
      if (line) done(undefined, line.trim());
      else if (text.length > 8192) done(new Error("the server sent no SSH version line"));
    });
    socket.on("error", (error) => done(error));
    watchGreeting(socket, "ssh", (error) => done(error));
    socket.on("end", () =>
      done(
        new Error(
          `the server closed the connection before its SSH banner (${text.trim() || "nothing sent"})`,
        ),
      ),
    );
  });
}

/** OpenSSH's way of showing a host key: "SHA256:" and the unpadded base64 of its hash. */
function fingerprint(key: Buffer): string {
  return `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
}

export function sftpProbe(target: Target, password: string, options: SftpProbeOptions): Probe {
  const client = wrapClient(new SftpClient("transfer-errors-diagnose"), {
    timeoutMs: options.timeoutMs,
  });
  let hostKey: string | undefined;
  return {
    connect: () => readBanner(target.host, target.port, options.timeoutMs),
    async login() {
      await client.connect({
        host: target.host,
        port: target.port,
        username: target.user,
        password,
        readyTimeout: options.timeoutMs,
        hostVerifier: (key: Buffer) => {
          hostKey = fingerprint(key);
          return true;
        },
      } as SftpClient.ConnectOptions);
      return `host key ${hostKey ?? "unknown"} (compare it with the server's own)`;
    },
    pwd: () => client.cwd(),
    async list(dir) {
      const entries = await client.list(dir ?? ".");
      return entries.map((e) => ({ name: e.name, isDirectory: e.type === "d" }));
    },
    sizeStep: "stat",
    async size(path) {
      const stats = await client.stat(path);
      const kind = stats.isDirectory ? "directory" : stats.isFile ? "file" : "special file";
      return `${kind}, ${stats.size} bytes`;
    },
    async close() {
      await client.end();
    },
    toError: (error, context) => (isTransferError(error) ? error : toTransferError(error, context)),
  };
}
