#!/usr/bin/env bash
# pnpm 10 from npm: corepack's own download cannot be verified on every machine.
set -euo pipefail
if ! command -v pnpm >/dev/null 2>&1 || ! pnpm --version 2>/dev/null | grep -q '^10\.'; then
  echo "Installing pnpm 10 with npm..." >&2
  npm install --global --silent pnpm@10 >/dev/null
fi
