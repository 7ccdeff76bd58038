#!/usr/bin/env bash
# Runs Feedback Sync on embedded defaults: a private MariaDB, Open Liberty with the WAR on port 9080,
# a demo account and a demo admin token. Leaves the server running; `scripts/run.sh stop` stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
HTTP_PORT=${HTTP_PORT:-9080}
export HTTP_PORT
base="http://localhost:$HTTP_PORT"
account=${DEMO_ACCOUNT:-demo}

stop() {
  ./mvnw -B -q -ntp -pl adapters-web liberty:stop >/dev/null 2>&1 || true
  scripts/mariadb.sh stop
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi

scripts/mariadb.sh start
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$(scripts/jwt.sh keys)
export MP_JWT_VERIFY_PUBLICKEY_LOCATION
# The key sealing Intercom tokens at rest: made once, kept beside the demo's database.
[ -f .run/token-keys ] || { mkdir -p .run; echo "demo:$(openssl rand -base64 32)" > .run/token-keys; chmod 600 .run/token-keys; }
FEEDBACKSYNC_TOKEN_KEYS=$(cat .run/token-keys)
export FEEDBACKSYNC_TOKEN_KEYS

echo "building and starting Open Liberty on $base ..."
start=$(date +%s)
./mvnw -B -q -ntp -DskipTests package liberty:create liberty:deploy liberty:start
for _ in $(seq 1 120); do
  curl -fsS "$base/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$base/health/ready" >/dev/null || { echo "the server is not ready; see adapters-web/target/liberty/wlp/usr/servers/feedbackSync/logs/messages.log" >&2; exit 1; }
echo "ready after $(( $(date +%s) - start )) s: $(curl -fsS "$base/health/ready")"

# The research repository owns accounts; the demo creates one the way it would.
scripts/mariadb.sh client <<SQL
INSERT INTO account (id, name, plan) VALUES ('$account', 'Demo Research', 'START')
  ON DUPLICATE KEY UPDATE name = name;
SQL

token=$(scripts/jwt.sh token demo-admin "$account" admin)
echo
echo "GET /api/v1/account:"
curl -fsS -H "Authorization: Bearer $token" "$base/api/v1/account"
echo
echo
echo "Admin token (12 hours):"
echo "  export TOKEN=$token"
echo "  curl -H \"Authorization: Bearer \$TOKEN\" $base/api/v1/account"
echo "OpenAPI UI: $base/openapi/ui   Health: $base/health"
echo "Stop everything: scripts/run.sh stop"
