#!/usr/bin/env bash
# Runs a private MariaDB for the build, the tests and the demo: its own data folder, socket and port,
# so it never touches a system MariaDB. Installs Debian's mariadb-server when it is missing.
#   scripts/mariadb.sh start    install if needed, initialise once, start (no-op when already running)
#   scripts/mariadb.sh stop     shut it down (data is kept)
#   scripts/mariadb.sh status   exit 0 when it answers
#   scripts/mariadb.sh client   an SQL shell on the app database, as root
#   scripts/mariadb.sh reset    start, then drop the app database and create it empty (the
#                               benchmarks start so, whatever earlier runs left)
# Settings (environment): DB_PORT (3316), DB_NAME, DB_USER, DB_PASSWORD (all feedbacksync),
# FEEDBACKSYNC_DB_DIR (.run/mariadb under the project).
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
DB_PORT=${DB_PORT:-3316}
DB_NAME=${DB_NAME:-feedbacksync}
DB_USER=${DB_USER:-feedbacksync}
DB_PASSWORD=${DB_PASSWORD:-feedbacksync}
dir=${FEEDBACKSYNC_DB_DIR:-$here/.run/mariadb}
sock="$dir/mariadbd.sock"

log() { printf 'mariadb: %s\n' "$*" >&2; }

ping_db() { mariadb-admin --no-defaults --socket="$sock" -uroot ping >/dev/null 2>&1; }

install_server() {
  command -v mariadbd >/dev/null 2>&1 && return
  [ "$(id -u)" = 0 ] || { log "mariadb-server is missing; install it (apt-get install mariadb-server) or run as root"; exit 1; }
  log "installing Debian's mariadb-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq mariadb-server >/dev/null
}

start() {
  install_server
  mkdir -p "$dir"
  if ping_db; then
    log "already running on port $DB_PORT"
  else
    if [ ! -d "$dir/data/mysql" ]; then
      log "initialising $dir/data"
      mkdir -p "$dir/data"
      mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$dir/data" \
        --auth-root-authentication-method=normal --skip-test-db >"$dir/install.log" 2>&1
    fi
    # --no-defaults skips Debian's config, so the character set is given here (the default would be latin1).
    # max_allowed_packet stays MariaDB's default (16 MB), as an operator's database has it: files are
    # stored in 1 MiB pieces, so it does not limit attachments (see README).
    nohup mariadbd --no-defaults --user="$(id -un)" --datadir="$dir/data" --socket="$sock" \
      --port="$DB_PORT" --bind-address=127.0.0.1 --pid-file="$dir/mariadbd.pid" \
      --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
      --max-connections=300 --innodb-buffer-pool-size=512M \
      --log-error="$dir/error.log" >/dev/null 2>&1 &
    for _ in $(seq 1 120); do ping_db && break; sleep 0.25; done
    ping_db || { log "did not start; see $dir/error.log"; tail -n 20 "$dir/error.log" >&2; exit 1; }
    log "started on 127.0.0.1:$DB_PORT"
  fi
  mariadb --no-defaults --socket="$sock" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
SQL
}

stop() {
  if ping_db; then
    mariadb-admin --no-defaults --socket="$sock" -uroot shutdown
    log "stopped"
  else
    log "not running"
  fi
}

reset() {
  start
  log "dropping $DB_NAME and creating it empty"
  mariadb --no-defaults --socket="$sock" -uroot -e "DROP DATABASE IF EXISTS \`$DB_NAME\`"
  start
}

case "${1:-}" in
  start) start ;;
  reset) reset ;;
  stop) stop ;;
  status) ping_db ;;
  client) exec mariadb --no-defaults --socket="$sock" -uroot "$DB_NAME" ;;
  *) echo "usage: $0 start|stop|status|client|reset" >&2; exit 2 ;;
esac
