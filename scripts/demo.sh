#!/usr/bin/env bash
# One command from a fresh clone: install, build, and explain a few codes with the CLI.
#   npm run demo                      550, SSH_FX_FAILURE and a pasted error line
#   npm run demo -- explain 421       any transfer-errors command
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-pnpm.sh
pnpm install --frozen-lockfile --silent
# Quiet when the build works; when it fails, its whole output (the compiler's messages) is shown.
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
if ! pnpm turbo run build --filter=@transfer-errors/cli... >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "demo: the build failed (its output is above)" >&2
  exit 1
fi
cli=(node apps/cli/dist/bin.js)
if [ "$#" -gt 0 ]; then
  exec "${cli[@]}" "$@"
fi
for input in 550 SSH_FX_FAILURE "Error: get: No such file /outgoing/report.csv"; do
  echo "\$ transfer-errors explain \"$input\""
  # The whole first section (the code's entry) and no more: it ends at the first empty line. What
  # follows, the server texts of an ambiguous code, is long; say how to see it.
  "${cli[@]}" explain "$input" | awk -v input="$input" '
    !cut && $0 == "" { cut = NR; next }
    !cut { print; next }
    END { if (cut && NR > cut) printf "  (%d more lines, what servers send with it: npm run demo -- explain \"%s\")\n", NR - cut, input }
  '
  echo
done
