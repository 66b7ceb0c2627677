#!/usr/bin/env bash
# One command from a fresh clone: install, build, and explain a few codes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile --silent
pnpm build --output-logs=errors-only >/dev/null
node scripts/demo.mjs "$@"
