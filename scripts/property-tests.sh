#!/usr/bin/env bash
# Runs every property test (each test file that imports fast-check) with many runs and several
# seeds, before a new or changed property is relied on. Usage:
#   bash scripts/property-tests.sh [runs] [seed ...]     # default: 10000 runs; seeds: the fixed
#                                                        # default and two random ones
# A failure prints the seed: FC_SEED=<seed> FC_NUM_RUNS=<runs> replays it. Needs `pnpm build`
# (the CLI's property tests run the built program) and the test servers of the resilience tests.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10000}
shift || true
seeds=("$@")
[ "${#seeds[@]}" -gt 0 ] || seeds=(default random random)
mapfile -t files < <(grep -rlE --include='*.test.ts' '^import .* from "fast-check";$' packages/*/test apps/*/test | sort)
echo "property tests: ${files[*]}"
status=0
for seed in "${seeds[@]}"; do
  started=$(date +%s)
  echo "== FC_NUM_RUNS=$runs FC_SEED=$seed"
  if [ "$seed" = default ]; then
    env -u FC_SEED FC_NUM_RUNS="$runs" pnpm exec vitest run "${files[@]}" || status=1
  else
    FC_SEED="$seed" FC_NUM_RUNS="$runs" pnpm exec vitest run "${files[@]}" || status=1
  fi
  echo "== seed $seed: $(($(date +%s) - started)) s"
done
exit "$status"
