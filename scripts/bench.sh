#!/usr/bin/env bash
# Runs the benchmarks of design §4 (B1 calls per conversation, B2 pacing, B3 engine speed against
# its floor, B4 memory, B5 admin reads) against a real Open Liberty (-Xmx256m), MariaDB and the
# simulator. Prints a table; writes adapters-web/target/benchmark/report.json and the chart of B2's
# first sync, adapters-web/target/benchmark/first-sync.png.
# Usage: scripts/bench.sh [tiny|medium|full] [b2|b3|b4|b5|b6]   (full: 10k/20k/100k conversations for B1/B2/B3;
#        with b2, B2 alone at that size: at full, 20,000 conversations at 10,000 calls/min, whose
#        sync took 4.5 minutes, 9 with the build and the server's start, on a loaded machine;
#        with b3, B3 alone: its floor, then the first sync, with the CPU per conversation of the
#        server, MariaDB and the benchmark JVM (the simulator);
#        with b4, B4 alone: the server's live heap (a full collection at each tenth) during first
#        syncs of B4's small size and B3's size, each of its own;
#        with b5, B5 alone: a first sync of B3's size (untimed), then the admin reads, with the CPU
#        per request of the server, MariaDB and the benchmark's own JVM;
#        with b6, B6 alone: 1,000 accounts of 50 conversations at full, 200 at medium, on a server
#        of its own with the scheduler on)
#        Every run starts from an empty local database (scripts/mariadb.sh reset): the tests' and
#        the demo's data in it are dropped.
#        JFR=true scripts/bench.sh ...   also records the server's profile (logs/bench.jfr of the
#        feedbackSyncBench server; read it with `jfr print`)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-full}
only=${2:-}
# From an empty database, so no figure depends on what earlier runs left behind (a developer's
# database had grown to 9.6 GB, and B6 had to park the 53 connections earlier runs left).
scripts/mariadb.sh reset
./mvnw -B -ntp verify -pl adapters-web -am -DskipPitest -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SyncBenchmarkIT -Dbench.size="$size" -Dbench.jfr="${JFR:-false}" -Dbench.only="$only" \
  | grep -E '^(B[0-9]|benchmark|  B[0-9]|  machine:| {19}[A-Za-z]|report:)|BUILD|ERROR'
