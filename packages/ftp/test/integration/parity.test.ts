// Parity (FTP): the same failure on the same server (ProFTPD, vsftpd, Pure-FTPd) gets the same reason and retry hint through
// every adapter of the protocol. Each row runs on a real server through basic-ftp's adapter and
// this one (node-ftp and promise-ftp), and the three answers must be equal. ProFTPD's refusal of a
// download (a 550 with a reset of the data connection, the reset usually first) reads as the 550
// through both: basic-ftp's wrapper waits a moment for the reply after such a reset.
import { Readable, Writable } from "node:stream";
import { reconnect, wrapClient as wrapBasicFtp } from "@transfer-errors/basic-ftp";
import { type FaultProxy, startFaultProxy } from "@transfer-errors/testkit/fault-proxy";
import { ftpFixtures as F } from "@transfer-errors/testkit/ftp";
import { type AccessOptions, Client as BasicFtp } from "basic-ftp";
import type Client from "ftp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTransferError, type TransferError } from "../../src/index.js";
import { type Calls, clients } from "../support/clients.js";
import { rejectionOf } from "../support/expect-error.js";
import { describeWithServers, type ServerHandle, useFtpServer } from "../support/servers.js";

type Via = "basic-ftp" | "node-ftp" | "promise-ftp";
type Outcome = string; // "reason retryable reconnect"

interface Row {
  title: string;
  /** Through basic-ftp's wrapped Client. */
  basic(client: BasicFtp, h: ServerHandle, proxy: FaultProxy): Promise<unknown>;
  /** Through this adapter's calls (node-ftp or promise-ftp). */
  ftp(calls: Calls, h: ServerHandle, proxy: FaultProxy): Promise<unknown>;
  /** Whether the row needs a connected client first (through the fault proxy). */
  connected: boolean;
}

const sink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

const wrong = "Wrong-Passw0rd-123";

/** node-ftp's connect() options as basic-ftp's access() options. */
const access = (o: Client.Options): AccessOptions => ({
  host: o.host ?? "127.0.0.1",
  port: o.port ?? 21,
  user: o.user ?? "anonymous",
  password: o.password ?? "",
  secure: false,
});
const strikeOnPwd = (proxy: FaultProxy) =>
  proxy.strikeOpen({ kind: "reset", at: { direction: "up", match: /^PWD/m } });

const rows: Row[] = [
  {
    title: "missing file (SIZE)",
    connected: true,
    basic: (c) => c.size(F.missing),
    ftp: (c) => c.size(F.missing),
  },
  {
    title: "missing file (download)",
    connected: true,
    basic: (c) => c.downloadTo(sink(), F.missing),
    ftp: (c) => c.get(F.missing),
  },
  {
    title: "denied upload",
    connected: true,
    basic: (c) => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`),
    ftp: (c) => c.put(Buffer.from("x"), `${F.readonlyDir}/new.txt`),
  },
  {
    // The second attempt: basic-ftp's client closed itself after the reset and reconnects.
    title: "denied upload, again",
    connected: true,
    basic: async (c) => {
      const upload = () => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`);
      await upload().catch(() => reconnect(c));
      return upload();
    },
    ftp: async (c) => {
      const upload = () => c.put(Buffer.from("x"), `${F.readonlyDir}/new.txt`);
      await upload().catch(() => undefined);
      return upload();
    },
  },
  {
    title: "wrong password",
    connected: false,
    basic: (c, h) => c.access(access(h.options({ password: wrong }))),
    ftp: (c, h) => c.connect(h.options({ password: wrong })),
  },
  {
    title: "connection reset",
    connected: true,
    basic: (c, _h, p) => {
      strikeOnPwd(p);
      return c.pwd();
    },
    ftp: (c, _h, p) => {
      strikeOnPwd(p);
      return c.pwd();
    },
  },
];

const outcome = (e: unknown): Outcome => {
  if (!isTransferError(e)) return `not a TransferError: ${String(e)}`;
  const t = e as TransferError;
  return `${t.reason} ${t.retryable} ${t.retry.reconnect}`;
};

const table: string[] = [];
afterAll(() => {
  if (table.length > 0) console.log(`parity (reason retryable reconnect):\n${table.join("\n")}`);
});

for (const kind of ["proftpd", "vsftpd", "pure-ftpd", "pyftpdlib"] as const) {
  describeWithServers(`parity on ${kind}`, () => {
    const handle = useFtpServer(kind);
    let proxy: FaultProxy;
    beforeAll(async () => {
      proxy = await startFaultProxy({ target: { port: handle.server.port }, holdMs: 5_000 });
    });
    afterAll(() => proxy.stop());
    const through = () => handle.options({ host: proxy.host, port: proxy.port });

    describe.each(rows)("$title", (row) => {
      // Pure-FTPd answers a wrong password after some seconds (node-ftp waits for it): basic-ftp's
      // own timeout must be longer, or it ends that login first.
      it("gives the same reason and retry hint through every adapter", {
        timeout: 60_000,
      }, async () => {
        const seen = {} as Record<Via, Outcome>;
        const basic = wrapBasicFtp(new BasicFtp(20_000));
        if (row.connected) await basic.access(access(through()));
        seen["basic-ftp"] = outcome(await rejectionOf(row.basic(basic, handle, proxy)));
        basic.close();
        for (const via of ["node-ftp", "promise-ftp"] as const) {
          const calls = clients[via]();
          if (row.connected) await calls.connect(through());
          seen[via] = outcome(await rejectionOf(row.ftp(calls, handle, proxy)));
          calls.destroy();
        }
        const key = `${kind}: ${row.title}`;
        table.push(
          `${key.padEnd(34)} ${Object.entries(seen)
            .map(([via, o]) => `${via}: ${o}`)
            .join(" | ")}`,
        );
        expect(seen["node-ftp"]).toBe(seen["basic-ftp"]);
        expect(seen["promise-ftp"]).toBe(seen["basic-ftp"]);
      });
    });
  });
}
