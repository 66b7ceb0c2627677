// Every catalogued reply, run through the adapters as their client libraries surface it, must come
// out as the catalog reads it; and the catalog the core ships must be the one the data makes.
import { readFileSync } from "node:fs";
import { replyCatalog } from "@transfer-errors/core/catalog";
import { describe, expect, it } from "vitest";
import { loadCatalogs, type Reply, repliesOf } from "../src/catalogs.js";
import { compileCatalog } from "../src/compile.js";
import { compileShipped } from "../src/compile-products.js";
import { judge } from "../src/judge.js";

const replies = repliesOf();

/**
 * Products catalogued after the floors below were set on the others (issue 11): servers none of
 * the general rules was written for. The floors of the earlier products hold as they were; the
 * whole set and these products have floors of their own, at what they measured when they came.
 */
const later = new Set([
  // 2026-12-02, first round.
  "AsyncSSH SFTP server",
  "Paramiko SFTP server",
  "Erlang/OTP ssh_sftpd",
  "libunftp (unFTP)",
  // 2026-12-02, second round.
  "BusyBox ftpd",
  "uftpd",
  "FubarDevelopment FtpServer",
  "Twisted Conch SFTP server",
  "libssh SFTP server",
  "wolfSSH SFTP server",
  // 2026-12-02, third round.
  "MySecureShell",
  "GNU lsh sftp-server",
  "linux-ftpd (Debian ftpd)",
  "Win32-OpenSSH sftp-server",
  // 2026-12-02, fourth round.
  "goftp/server",
  "bftpd",
  "russh-sftp",
  // 2026-12-02, the reports session.
  "nodeftpd",
]);
/** Replies added later to a product catalogued before (IIS's Win32 error texts). */
const laterFiles = new Set(["ftp-iis-win32-errors.json"]);
const isEarlier = (reply: Reply) => !later.has(reply.product) && !laterFiles.has(reply.file);

type Share = { reason: number; retry: number };

/** The share of `of` read as catalogued (`read` gives each reply's reading), reason and retry. */
function shareOf(of: readonly Reply[], read: (reply: Reply) => ReturnType<typeof judge>): Share {
  let reason = 0;
  let retry = 0;
  for (const reply of of) {
    const e = read(reply);
    if (e.reason === reply.reason) reason++;
    if (e.retryable === reply.retryable) retry++;
  }
  return { reason: reason / of.length, retry: retry / of.length };
}

/** The share of every reply read as catalogued, reason and retry hint. */
function accuracy(read: (reply: Reply) => ReturnType<typeof judge>): Share {
  return shareOf(replies, read);
}

function percent(share: Share): string {
  return `reason ${(share.reason * 100).toFixed(2)} %, retry ${(share.retry * 100).toFixed(2)} %`;
}

describe("the server reply catalogs", () => {
  it("hold at least 1,500 FTP and 300 SFTP replies from 14 or more products, each with its source", () => {
    const catalogs = loadCatalogs();
    const count = (protocol: string) =>
      catalogs.filter((c) => c.protocol === protocol).reduce((n, c) => n + c.entries.length, 0);
    expect(count("ftp")).toBeGreaterThanOrEqual(1500);
    expect(count("sftp")).toBeGreaterThanOrEqual(300);
    expect(new Set(catalogs.map((c) => c.product)).size).toBeGreaterThanOrEqual(14);
    for (const c of catalogs) for (const e of c.entries) expect(e.source.trim()).not.toBe("");
    // The later products and files name catalogs that exist: a misspelt one would count its
    // replies among the earlier products' floors.
    const products = new Set(catalogs.map((c) => c.product));
    expect([...later].filter((p) => !products.has(p))).toEqual([]);
    const files = new Set(catalogs.map((c) => c.file));
    expect([...laterFiles].filter((f) => !files.has(f))).toEqual([]);
  });

  it("are read through the adapters as catalogued", () => {
    const read = (reply: Reply) => judge(reply, replyCatalog);
    const earlier = shareOf(replies.filter(isEarlier), read);
    const all = accuracy(read);
    console.log(
      `catalog accuracy, earlier products: ${percent(earlier)}; all ${replies.length} distinct replies: ${percent(all)}`,
    );
    // What no reader can do better: the same visible reply read differently by different
    // products (see the catalogs' README). The figures are printed; these floors catch a drop.
    expect(earlier.reason).toBeGreaterThanOrEqual(0.977);
    expect(earlier.retry).toBeGreaterThanOrEqual(0.994);
    // With the later products (97.45 % / 99.34 % with the first round, 97.27 % / 99.24 % with
    // the second, 96.07 % / 99.00 % with the third): a bare "Failure" means another thing to
    // each of their requests.
    expect(all.reason).toBeGreaterThanOrEqual(0.96);
    expect(all.retry).toBeGreaterThanOrEqual(0.989);
  });

  it("are read through the adapters as catalogued, with the server's greeting line and the failed SFTP request as a wrapped client passes them", () => {
    const read = (reply: Reply) => judge(reply, replyCatalog, reply.greeting, true);
    const earlier = shareOf(replies.filter(isEarlier), read);
    const all = accuracy(read);
    console.log(
      `catalog accuracy with the greeting, earlier products: ${percent(earlier)}; all ${replies.length} distinct replies: ${percent(all)}`,
    );
    // Measured 99.1 % / 99.8 %; issue 11's floor is 99 % / 99.5 % (what is left is in the
    // catalogs' README: SFTP subsystems behind OpenSSH's line, requests no method sends, one
    // product's same text read two ways).
    expect(earlier.reason).toBeGreaterThanOrEqual(0.99);
    expect(earlier.retry).toBeGreaterThanOrEqual(0.997);
    // With the later products: two more SFTP servers run behind OpenSSH's line (MySecureShell,
    // and GNU lsh's sftp-server as a subsystem), read as OpenSSH means a reply.
    // Measured 98.44 % / 99.74 % with them.
    expect(all.reason).toBeGreaterThanOrEqual(0.984);
    expect(all.retry).toBeGreaterThanOrEqual(0.997);
  });

  it("are read leave-one-product-out (a catalog of the other products, then the general rules) at 90.9 % / 98.3 % or better (the products of issue 11)", () => {
    const products = [...new Set(replies.map((r) => `${r.protocol}\0${r.product}`))];
    const readings = new Map<Reply, ReturnType<typeof judge>>();
    for (const key of products) {
      const own = (r: Reply) => `${r.protocol}\0${r.product}` === key;
      const catalog = compileCatalog(replies.filter((r) => !own(r)));
      for (const reply of replies.filter(own)) readings.set(reply, judge(reply, catalog));
    }
    const read = (reply: Reply) => readings.get(reply)!;
    const earlier = shareOf(replies.filter(isEarlier), read);
    const newer = shareOf(
      replies.filter((r) => !isEarlier(r)),
      read,
    );
    const all = accuracy(read);
    console.log(
      `leave-one-product-out accuracy: earlier products ${percent(earlier)}; later products ${percent(newer)}; all ${percent(all)}`,
    );
    // Measured 90.99 % / 98.38 % (issue 11): what a server nobody catalogued gets.
    expect(earlier.reason).toBeGreaterThanOrEqual(0.909);
    expect(earlier.retry).toBeGreaterThanOrEqual(0.983);
    // The later products, never seen by the rules when they came: the first round's four
    // 83.4 % / 95.8 %, the second round's six 64.8 % / 91.0 %, the third round's four 79.6 % /
    // 95.2 %; the fourth round's three and IIS's Win32 error texts (the catalogs' README). All
    // of them 78.81 % / 93.11 % once general wordings of their tuning halves were read.
    expect(newer.reason).toBeGreaterThanOrEqual(0.787);
    expect(newer.retry).toBeGreaterThanOrEqual(0.93);
    // All products together: 88.04 % / 97.11 %.
    expect(all.reason).toBeGreaterThanOrEqual(0.88);
    expect(all.retry).toBeGreaterThanOrEqual(0.97);
    // A catalog compiled per product: minutes on a busy machine.
  }, 480_000);

  it("the core ships the catalog that the data and today's rules make (run `pnpm generate` after a change)", () => {
    expect(replyCatalog).toEqual(compileShipped(replies, loadCatalogs()));
  }, 180_000);

  it("name each product by a greeting pattern that is anchored, linear, and fits its example only", () => {
    const catalogs = loadCatalogs();
    const patterns = catalogs.filter((c) => c.greeting !== undefined);
    for (const c of catalogs) {
      expect(c.greetingExample, c.file).toMatch(c.protocol === "ftp" ? /^220[- ]/ : /^SSH-2\.0-/);
      if (c.greeting === undefined) {
        // A subsystem of the host's sshd: its line is that sshd's, which says so.
        expect(c.greetingNote, c.file).toBeTruthy();
        continue;
      }
      // Anchored, no quantified group and no `.*`: linear in the (255-character) line.
      expect(c.greeting, c.file).toMatch(/^\^/);
      expect(c.greeting, c.file).not.toMatch(/\)[*+{]|\.[*+]/);
      expect(new RegExp(c.greeting).test(c.greetingExample!), c.file).toBe(true);
    }
    for (const c of patterns) {
      const fits = patterns.filter((p) => new RegExp(p.greeting!).test(c.greetingExample!));
      expect(
        fits.every((p) => p.product === c.product),
        `${c.file}'s example fits another product's pattern`,
      ).toBe(true);
    }
  });
});

it("the main README names as many server products as the catalogs hold", () => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const said = /knows the replies of (\d+) server products/.exec(readme)?.[1];
  expect(Number(said)).toBe(new Set(loadCatalogs().map((c) => c.product)).size);
});
