#!/usr/bin/env bash
# Tests the README's run command itself, as a newcomer runs it: it must start everything, connect
# through OAuth, finish the first sync (COMPLETED) and print a summary whose documents are exactly
# the simulator's oracle, never an empty one (run.sh exits non-zero otherwise), with the product's
# own kept and skipped counts equal to the oracle's. A fresh account each time, a smaller
# workspace than the demo's so CI stays quick; everything is stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
account="check-$(date +%s)"
log=$(mktemp)
trap 'scripts/run.sh stop >/dev/null 2>&1 || true; rm -f "$log"' EXIT
start=$(date +%s)
if ! CONVERSATIONS=${CONVERSATIONS:-800} DEMO_ACCOUNT="$account" scripts/run.sh | tee "$log"; then
  echo "run command check FAILED: see its output above" >&2
  exit 1
fi
grep -q "exactly the simulator's oracle" "$log"
# The product's own counts, not the oracle's, must match the oracle: the workspace is under the
# Start plan's 5,000, so the first sync judges every conversation.
line=$(grep -E '^  first sync +COMPLETED: kept' "$log")
read -r kept oracle_kept skipped oracle_skipped < <(printf '%s\n' "$line" \
  | sed -E 's/.*kept ([0-9]+) \(oracle ([0-9]+)\), skipped without reply ([0-9]+) \(oracle ([0-9]+)\).*/\1 \2 \3 \4/')
if [ "$kept" != "$oracle_kept" ] || [ "$skipped" != "$oracle_skipped" ] || [ "$oracle_kept" = 0 ]; then
  echo "run command check FAILED: the product kept $kept and skipped $skipped, the oracle $oracle_kept and $oracle_skipped" >&2
  exit 1
fi
echo "run command check passed in $(( $(date +%s) - start )) s"
