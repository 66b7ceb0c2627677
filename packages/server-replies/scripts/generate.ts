// Writes packages/core/src/catalog-data.ts from the catalogs. Run after a catalog or a general
// rule changes (`pnpm --filter @transfer-errors/server-replies generate`); a test fails when the
// file is stale.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogSource } from "../src/generated-source.js";

const target = join(dirname(fileURLToPath(import.meta.url)), "../../core/src/catalog-data.ts");
writeFileSync(target, catalogSource());
console.log(`wrote ${target}`);
