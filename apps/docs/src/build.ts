// One command builds the site: `pnpm --filter @transfer-errors/docs build` writes dist/.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadData } from "./data.js";
import { renderPage } from "./page.js";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "..", "dist");
const assets = join(here, "..", "assets");

function coreVersion(): string {
  const path = createRequire(import.meta.url).resolve("@transfer-errors/core/package.json");
  return String(JSON.parse(readFileSync(path, "utf8")).version);
}

const data = loadData();
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
writeFileSync(join(dist, "index.html"), renderPage(data, coreVersion()));
for (const asset of ["site.css", "search.js"]) copyFileSync(join(assets, asset), join(dist, asset));
console.log(
  `dist/index.html: ${data.ftp.length} FTP codes, ${data.sftp.length} SFTP statuses, server texts for ${data.serverTexts.codes.length} ambiguous codes`,
);
