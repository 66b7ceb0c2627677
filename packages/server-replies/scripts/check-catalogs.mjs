// Checks the shape of every catalog in ../catalogs: fields, codes, reasons, placeholders, sources.
// Prints one line per catalog and every problem; exits 1 when any catalog has a problem.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const catalogDir = join(here, "..", "catalogs");
const reasonsSource = readFileSync(join(here, "..", "..", "core", "src", "reasons.ts"), "utf8");
const reasons = new Set([...reasonsSource.matchAll(/^\s+"?([a-z-]+)"?,$/gm)].map((m) => m[1]));
const PLACEHOLDER = /\{([a-z][a-z0-9_]*)\}/g;

const problems = [];
let ftp = 0;
let sftp = 0;
const products = new Set();
for (const file of readdirSync(catalogDir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const say = (msg) => problems.push(`${file}: ${msg}`);
  let catalog;
  try {
    catalog = JSON.parse(readFileSync(join(catalogDir, file), "utf8"));
  } catch (error) {
    say(`not JSON: ${error.message}`);
    continue;
  }
  for (const key of ["product", "protocol", "version", "repository", "method", "entries"]) {
    if (catalog[key] === undefined) say(`missing header field ${key}`);
  }
  if (catalog.protocol !== "ftp" && catalog.protocol !== "sftp") say("protocol is not ftp or sftp");
  if (catalog.productFree !== undefined && catalog.productFree !== false)
    say("productFree is false or absent");
  if (typeof catalog.greetingExample !== "string")
    say("no greetingExample (the line a client sees)");
  try {
    if (
      catalog.greeting !== undefined &&
      !new RegExp(catalog.greeting).test(catalog.greetingExample)
    )
      say("greeting does not fit greetingExample");
  } catch (error) {
    say(`greeting is no pattern: ${error.message}`);
  }
  const seen = new Set();
  (catalog.entries ?? []).forEach((e, i) => {
    const at = `entry ${i} (${e.code} ${JSON.stringify(e.template)})`;
    if (catalog.protocol === "ftp" && !(Number.isInteger(e.code) && e.code >= 100 && e.code <= 699))
      say(`${at}: FTP code out of 100-699`);
    if (catalog.protocol === "sftp" && !(Number.isInteger(e.code) && e.code >= 1 && e.code <= 31))
      say(`${at}: SFTP status out of 1-31`);
    if (typeof e.template !== "string" || e.template.trim() === "") say(`${at}: empty template`);
    else {
      const stripped = e.template.replace(PLACEHOLDER, "");
      if (/[{}]/.test(stripped)) say(`${at}: stray brace (placeholders are {lowercase_name})`);
      if (/%[-0-9.]*[sdulizcfx]/.test(stripped)) say(`${at}: printf conversion left in template`);
    }
    if (!Array.isArray(e.commands) || e.commands.length === 0) say(`${at}: no commands`);
    if (!reasons.has(e.reason)) say(`${at}: reason ${e.reason} is not a contract reason`);
    if (typeof e.retryable !== "boolean") say(`${at}: retryable is not a boolean`);
    if (e.reconnect !== undefined && typeof e.reconnect !== "boolean") say(`${at}: reconnect`);
    if (typeof e.source !== "string" || !/\S/.test(e.source)) say(`${at}: no source`);
    const key = `${e.code}\0${e.template}\0${[...(e.commands ?? [])].sort().join(",")}`;
    if (seen.has(key)) say(`${at}: duplicate of an earlier entry (same code, template, commands)`);
    seen.add(key);
  });
  const n = catalog.entries?.length ?? 0;
  if (catalog.protocol === "ftp") ftp += n;
  else sftp += n;
  products.add(catalog.product);
  console.log(`${file}: ${catalog.product} ${catalog.version}, ${n} entries`);
}
console.log(`total: ${ftp} FTP, ${sftp} SFTP entries from ${products.size} products`);
for (const p of problems) console.log(`PROBLEM ${p}`);
process.exit(problems.length ? 1 : 0);
