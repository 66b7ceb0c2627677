// Build step: writes what servers send with each ambiguous code (dist/server-texts.json) and every
// catalogued template (dist/known-replies.json), both derived by @transfer-errors/server-replies,
// the product data's home. The CLI ships the two files; it reads no other package's data at run time.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  deriveServerTexts,
  knownReplies,
  serverReplies,
} from "@transfer-errors/server-replies/server-texts";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
mkdirSync(dist, { recursive: true });

const data = deriveServerTexts(serverReplies());
writeFileSync(join(dist, "server-texts.json"), `${JSON.stringify(data)}\n`);
console.log(
  `server-texts.json: ${data.codes.length} ambiguous codes from ${data.corpus.entries} server replies of ${data.corpus.products} products`,
);

const known = knownReplies();
writeFileSync(join(dist, "known-replies.json"), `${JSON.stringify(known)}\n`);
console.log(
  `known-replies.json: ${known.replies.length} replies of ${known.products.length} catalogs`,
);
