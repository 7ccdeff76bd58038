#!/usr/bin/env bash
# Runs the benchmarks of design §4 (B1 calls per conversation, B2 pacing, B3 engine speed against
# its floor, B4 memory, B5 admin reads) against a real Open Liberty (-Xmx256m), MariaDB and the
# simulator. Prints a table; writes adapters-web/target/benchmark/report.json.
# Usage: scripts/bench.sh [tiny|medium|full]   (full: 10k/5k/100k conversations, about 10 minutes)
#        JFR=true scripts/bench.sh ...   also records the server's profile (logs/bench.jfr of the
#        feedbackSyncBench server; read it with `jfr print`)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-full}
scripts/mariadb.sh start
./mvnw -B -ntp verify -pl adapters-web -am -DskipPitest -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SyncBenchmarkIT -Dbench.size="$size" -Dbench.jfr="${JFR:-false}" | grep -E '^(B[0-9]|benchmark|  B[0-9]|report:)|BUILD|ERROR'
