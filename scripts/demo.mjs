// Explains a few codes through the core, as the CLI will: `npm run demo -- 421 SSH_FX_FAILURE`.
import { explain } from "@transfer-errors/core";

const codes = process.argv.slice(2);
for (const code of codes.length ? codes : ["550", "421", "2", "SSH_FX_FAILURE", "599"]) {
  const info = explain(code);
  if (!info) {
    console.log(`${code}: not an FTP reply code nor an SFTP status\n`);
    continue;
  }
  console.log(
    `${info.protocol.toUpperCase()} ${info.code} ${info.name}${info.known ? "" : " (read from its digits)"}`,
  );
  console.log(`  official text: ${info.text}`);
  console.log(`  means:         ${info.meaning}`);
  console.log(`  do:            ${info.action}`);
  console.log(
    `  retry:         ${info.retryable ? "yes, transient" : "no, permanent"}${info.reason ? ` (${info.reason})` : ""}`,
  );
  console.log(`  source:        ${info.source}\n`);
}
