import { execFileSync } from "node:child_process";
import { createSftpFixtures, ensureSftpUser, startSshd } from "@transfer-errors/testkit/sshd";

const user = await ensureSftpUser("te-cli");
const fx = await createSftpFixtures(user);
const s = await startSshd({ user });
console.log(s.hostKey);
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
for (const a of process.argv.slice(2))
  console.log(
    run(
      [
        "diagnose",
        ...a
          .replace("PORT", String(s.port))
          .replace("ROOT", fx.root)
          .replace("USER", user.name)
          .split(" "),
      ],
      { TRANSFER_ERRORS_PASSWORD: user.password },
    ),
  );
await s.stop();
await fx.remove();
