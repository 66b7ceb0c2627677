import { Readable, Writable } from "node:stream";
import { ftpFixtures as F, startFtpServer } from "@transfer-errors/testkit/ftp";
import { Client } from "basic-ftp";
import { toTransferError } from "./src/index.js";
const sink = () => new Writable({ write(_c, _e, d) { d(); } });
const s = await startFtpServer("pure-ftpd");
const c = new Client(5000);
await c.access({ host: s.host, port: s.port, user: s.user, password: s.password });
const steps: [string, () => Promise<unknown>][] = [
  ["size missing", () => c.size(F.missing)],
  ["download missing", () => c.downloadTo(sink(), F.missing)],
  ["download private", () => c.downloadTo(sink(), F.privateFile)],
  ["cd missing", () => c.cd(F.missing)],
  ["cd private", () => c.cd(F.privateDir)],
  ["cd file", () => c.cd(F.file)],
  ["size dir", () => c.size(F.fullDir)],
  ["remove readonly file", () => c.remove(F.readonlyFile)],
  ["remove missing", () => c.remove(F.missing)],
  ["upload readonly", () => c.uploadFrom(Readable.from(["x"]), `${F.readonlyDir}/new.txt`)],
  ["removeEmptyDir full", () => c.removeEmptyDir(F.fullDir)],
  ["MKD existing", () => c.send(`MKD ${F.fullDir}`)],
  ["MKD in readonly", () => c.send(`MKD ${F.readonlyDir}/x`)],
  ["unknown cmd", () => c.send("BOGUS")],
  ["RNTO w/o RNFR", () => c.send("RNTO x")],
  ["list missing", () => c.list(F.missing)],
  ["list private", () => c.list(F.privateDir)],
  ["rename missing", () => c.rename(F.missing, "x")],
  ["rename into readonly", () => c.rename(F.file, `${F.readonlyDir}/x`)],
  ["lastMod missing", () => c.lastMod(F.missing)],
  ["ensureDir readonly", () => c.ensureDir(`/${F.readonlyDir}/sub/deeper`)],
];
for (const [n, f] of steps) {
  try { await c.cd("/"); await f(); console.log(n, "OK"); } catch (e) {
    const t = toTransferError(e);
    console.log(n.padEnd(22), JSON.stringify((e as Error).message), "=>", t.reason, t.retryable);
  }
}
c.close();
const w = new Client(5000);
try { await w.access({ host: s.host, port: s.port, user: s.user, password: "wrong-pw-x" }); } catch (e) { const t = toTransferError(e); console.log("wrong pw", JSON.stringify((e as Error).message), "=>", t.reason, t.retryable); }
w.close();
await s.stop();
