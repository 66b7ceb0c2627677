import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { FTP_TEST_PASSWORD, FTP_TEST_USER, startFtpServer } from "@transfer-errors/testkit/ftp";

const kind = (process.argv[2] ?? "proftpd") as "proftpd";
const s = await startFtpServer(kind).catch((e) => {
  console.error("START FAILED", e);
  process.exit(1);
});
const run = (args: string[], env: Record<string, string> = {}) => {
  try {
    return execFileSync("node", ["dist/bin.js", ...args], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
  } catch (e: any) {
    return `rc=${e.status}\n${e.stdout}${e.stderr}`;
  }
};
if (s.certPem) writeFileSync("/tmp/ca.pem", s.certPem);
for (const a of process.argv.slice(3))
  console.log(
    run(["diagnose", ...a.replace("PORT", String(s.port)).split(" ")], {
      TRANSFER_ERRORS_PASSWORD: FTP_TEST_PASSWORD,
    }),
  );
await s.stop();
