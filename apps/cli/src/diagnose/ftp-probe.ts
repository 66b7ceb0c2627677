// diagnose over FTP and explicit FTPS, with basic-ftp wrapped by @transfer-errors/basic-ftp.
import { isIP } from "node:net";
import type { TLSSocket } from "node:tls";
import { isTransferError, toTransferError, wrapClient } from "@transfer-errors/basic-ftp";
import { Client } from "basic-ftp";
import type { Probe } from "./probe.js";
import type { Target } from "./target.js";

export interface FtpProbeOptions {
  timeoutMs: number;
  /** PEM certificates to trust for ftps:// (a private CA, a self-signed server). */
  ca: string | undefined;
  /** Skip the certificate check (only when asked). */
  insecure: boolean;
}

export function ftpProbe(target: Target, password: string, options: FtpProbeOptions): Probe {
  const raw = new Client(options.timeoutMs);
  const client = wrapClient(raw, { timeoutMs: options.timeoutMs });
  const probe: Probe = {
    async connect() {
      const greeting = await client.connect(target.host, target.port);
      return greeting.message.trim();
    },
    async login() {
      return (await client.login(target.user, password)).message.trim();
    },
    async setup() {
      // What basic-ftp's access() does after the login: FEAT, TYPE I, STRU F, OPTS UTF8 ON,
      // and PBSZ 0 / PROT P on a TLS connection.
      await client.useDefaultSettings();
      return target.tls
        ? "binary mode, data connections protected (PBSZ 0, PROT P)"
        : "binary mode";
    },
    pwd: () => client.pwd(),
    async list(dir) {
      const entries = dir === undefined ? await client.list() : await client.list(dir);
      return entries.map((e) => ({ name: e.name, isDirectory: e.isDirectory }));
    },
    sizeStep: "size",
    async size(path) {
      return `${await client.size(path)} bytes`;
    },
    async close() {
      client.close();
    },
    toError: (error, context) => (isTransferError(error) ? error : toTransferError(error, context)),
  };
  if (target.tls) {
    probe.tls = async () => {
      const reply = await client.useTLS({
        // SNI takes host names only (RFC 6066); for an address the certificate is still checked.
        ...(isIP(target.host) ? {} : { servername: target.host }),
        rejectUnauthorized: !options.insecure,
        ...(options.ca ? { ca: options.ca } : {}),
      });
      const socket = raw.ftp.socket as TLSSocket;
      const version = typeof socket.getProtocol === "function" ? socket.getProtocol() : undefined;
      return `${reply.message.trim()}${version ? ` (${version})` : ""}`;
    };
  }
  return probe;
}
