#!/usr/bin/env bash
# One command from a fresh clone: install, build, and explain a few codes with the CLI.
#   npm run demo                      550, SSH_FX_FAILURE and a pasted error line
#   npm run demo -- explain 421       any transfer-errors command
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile --silent
pnpm turbo run build --filter=@transfer-errors/cli... --output-logs=errors-only >/dev/null
cli=(node apps/cli/dist/bin.js)
if [ "$#" -gt 0 ]; then
  exec "${cli[@]}" "$@"
fi
for input in 550 SSH_FX_FAILURE "Error: get: No such file /outgoing/report.csv"; do
  echo "\$ transfer-errors explain \"$input\""
  "${cli[@]}" explain "$input" | head -n 14
  echo
done
