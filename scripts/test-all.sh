#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine with Node 20 and npm, then runs
# every check and test. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh

# Test servers (ProFTPD, vsftpd, OpenSSH) and the browser for the site's tests, from Debian.
for installer in packages/*/scripts/install-*.sh apps/*/scripts/install-*.sh; do
  [ -f "$installer" ] || continue
  echo "== $installer"
  bash "$installer"
done

echo "== install"
pnpm install --frozen-lockfile
echo "== build"
pnpm build
echo "== lint"
pnpm lint
# A merge left unresolved in a file biome does not read (Markdown): the README is what users see.
if git grep -nE '^(<<<<<<<|>>>>>>>) ' -- . 2>/dev/null; then
  echo "unresolved merge markers above" >&2
  exit 1
fi
echo "== typecheck"
pnpm typecheck
echo "== package checks (publint, are-the-types-wrong)"
pnpm check:packages
echo "== size budgets (esbuild, minified + gzip)"
pnpm size
echo "== tests"
mkdir -p test-output
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=test-output/vitest.json || status=$?
# One plain closing line, whatever the reporter printed above it.
node -e '
  const r = require("./test-output/vitest.json");
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
  if (r.numTotalTests === 0) { console.error("no test ran"); process.exit(1); }
' || status=1
exit "$status"
