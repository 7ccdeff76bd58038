#!/usr/bin/env bash
# Tests the README's run command itself, as a newcomer runs it: it must start everything, connect
# through OAuth, finish the first sync and print a summary whose documents are exactly the
# simulator's oracle (run.sh exits non-zero otherwise). A fresh account each time, a smaller
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
echo "run command check passed in $(( $(date +%s) - start )) s"
