#!/usr/bin/env bash
# Runs every test: unit, property-based, ArchUnit, and the integration tests on a real Open Liberty
# against a real MariaDB (started here; installed first if missing). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/mariadb.sh start
exec ./mvnw -B -ntp verify "$@"
