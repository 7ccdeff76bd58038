#!/usr/bin/env bash
# Runs every test: unit, property-based, ArchUnit, the integration tests on a real Open Liberty
# against a real MariaDB (started here; installed first if missing), the admin's page in a headless
# chromium (installed first if missing), then the README's run command itself
# (scripts/check-run-command.sh) and the README's deployment, both ways (scripts/check-deploy.sh: the
# WAR on a fresh Liberty, and the runnable server package that -Pserver-package builds here).
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/mariadb.sh start
# The browser tests (SettingsPageIT) drive Debian's headless chromium through its chromedriver.
scripts/browser.sh install
./mvnw -B -ntp verify "$@"
# The runnable server package in a build of its own: liberty-maven-plugin creates only one server
# properly per build (a second create skips Liberty's `server create`, which writes the keystore
# passwords to server.env), and the ITs' server must be that one.
./mvnw -B -ntp package -pl adapters-web -am -Pserver-package -DskipTests -DskipPitest
scripts/check-run-command.sh
scripts/check-deploy.sh
