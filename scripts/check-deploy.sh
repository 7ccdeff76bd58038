#!/usr/bin/env bash
# Tests the README's "Deploying" as an operator follows it: the commands and snippets are read from
# README.md by their `deploy:` markers and run as they stand there, so the README and this check
# cannot drift. Two paths, each from nothing to a finished first sync equal to the simulator's
# oracle, each timed and stopped by its own command:
#   1. the WAR on a fresh Liberty server, created from the runtime archive already in ~/.m2;
#   2. `java -jar feedback-sync-server.jar` (built by `-Pserver-package`, as the test command does).
# A private MariaDB and the simulator (a small workspace) stand in for the operator's database and
# Intercom. Ports (environment): DEPLOY_CHECK_HTTP_PORT (9170), DEPLOY_CHECK_HTTPS_PORT (9570),
# DEPLOY_CHECK_SIMULATOR_PORT (9179), DEPLOY_CHECK_DB_PORT (3346); the ITs use 9181-9189.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
http_port=${DEPLOY_CHECK_HTTP_PORT:-9170}
https_port=${DEPLOY_CHECK_HTTPS_PORT:-9570}
sim_port=${DEPLOY_CHECK_SIMULATOR_PORT:-9179}
db_port=${DEPLOY_CHECK_DB_PORT:-3346}
conversations=${DEPLOY_CHECK_CONVERSATIONS:-150}
war="$root/adapters-web/target/feedback-sync.war"
jar="$root/adapters-web/target/feedback-sync-server.jar"
base="http://localhost:$http_port"
sim="http://127.0.0.1:$sim_port"

fail() { echo "deploy check FAILED: $*" >&2; exit 1; }
say() { echo "deploy check: $*"; }
since() { echo "$(( $(date +%s) - start )) s"; }

# The fenced block after <!-- deploy:NAME --> in the README.
snippet() {
  local text
  text=$(awk -v marker="<!-- deploy:$1 -->" '
    $0 == marker { found = 1; next }
    found && !open && /^```/ { open = 1; next }
    open && /^```/ { exit }
    open { print }' "$root/README.md")
  [ -n "$text" ] || fail "README.md has no block marked deploy:$1"
  printf '%s\n' "$text"
}

[ -f "$war" ] || fail "$war is missing: build first (scripts/test.sh does)"
[ -f "$jar" ] || fail "$jar is missing: build with -Pserver-package (scripts/test.sh does)"

# The README pins the versions the build uses.
pom_property() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }
libraries=$(snippet libraries)
for pin in "hibernate-core:$(pom_property hibernate.version)" "mariadb-java-client:$(pom_property mariadb.version)"; do
  artifact=${pin%%:*} version=${pin#*:}
  printf '%s' "$libraries" | tr -d ' \n' | grep -q "<artifactId>$artifact</artifactId><version>$version</version>" \
    || fail "the README's libraries do not pin $artifact $version (the pom's version)"
done
liberty_version=$(pom_property openliberty.version)
runtime=~/.m2/repository/io/openliberty/openliberty-runtime/$liberty_version/openliberty-runtime-$liberty_version.zip
[ -f "$runtime" ] || fail "$runtime is missing (the build downloads it)"

work=$(mktemp -d "${TMPDIR:-/tmp}/feedback-sync-deploy-check.XXXXXX")
dbdir="$work/mariadb"
sim_pid="" jar_pid="" wlp_started=""
cleanup() {
  set +e
  [ -n "$jar_pid" ] && kill "$jar_pid" 2>/dev/null && wait "$jar_pid" 2>/dev/null
  [ -n "$wlp_started" ] && "$work/wlp/bin/server" stop feedbackSync >/dev/null 2>&1
  [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null
  FEEDBACKSYNC_DB_DIR="$dbdir" DB_PORT="$db_port" "$root/scripts/mariadb.sh" stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# The dependency plugin the README's `mvn` calls, with its own dependencies, fetched now as an
# operator's online `mvn` would fetch it: the build never runs it, so a fresh machine's repository
# lacked one of them (commons-beanutils 1.9.4) and the offline run below failed.
"$root/mvnw" -B -ntp -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:help >/dev/null \
  || fail "Maven could not fetch the dependency plugin the README's library step uses"

# Maven for the README's `mvn`: the project's, offline (nothing is downloaded at run time).
mkdir -p "$work/bin"
printf '#!/bin/sh\nexec "%s/mvnw" -o "$@"\n' "$root" > "$work/bin/mvn"
chmod +x "$work/bin/mvn"
export PATH="$work/bin:$PATH"

# The operator's MariaDB: a private server; the README's SQL makes the database and its user.
FEEDBACKSYNC_DB_DIR="$dbdir" DB_PORT="$db_port" DB_NAME=deploy_check_scratch DB_USER=deploy_check_scratch \
  DB_PASSWORD=deploy_check_scratch "$root/scripts/mariadb.sh" start >/dev/null 2>&1 || fail "MariaDB did not start"
as_root() { mariadb --no-defaults --socket="$dbdir/mariadbd.sock" -uroot "$@"; }

# The Intercom stand-in, with an app of its own: the server must use the configured one.
client_secret=$(openssl rand -hex 16)
java -jar intercom-simulator/target/intercom-simulator-*-standalone.jar --port "$sim_port" \
  --conversations "$conversations" --rate-limit 0 --client-id deploy-check-app \
  --client-secret "$client_secret" >"$work/simulator.log" 2>&1 &
sim_pid=$!
for _ in $(seq 1 60); do curl -fsS "$sim/_sim/counters" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS "$sim/_sim/counters" >/dev/null || fail "the simulator did not start (see $work/simulator.log)"
oracle=$(curl -fsS "$sim/_sim/oracle" | sed 's/.*"qualifying_newest_first":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | tr -d '"' | grep . | sort || true)
[ -n "$oracle" ] || fail "the simulator's oracle names no conversation: nothing to compare with"

# The README's variables, with this check's values: every name it exports is set here.
export DB_HOST=127.0.0.1 DB_PORT="$db_port" DB_NAME=feedbacksync DB_USER=feedbacksync DB_PASSWORD=change-me
export HTTP_PORT="$http_port" HTTPS_PORT="$https_port"
export FEEDBACKSYNC_PUBLIC_BASE_URL="$base"
export INTERCOM_CLIENT_ID=deploy-check-app INTERCOM_CLIENT_SECRET="$client_secret"
export FEEDBACKSYNC_TOKEN_KEYS="check:$(openssl rand -base64 32)"
export FEEDBACKSYNC_FILE_LINKS_KEY="$(openssl rand -base64 32)"
export MP_JWT_VERIFY_ISSUER=feedback-sync MP_JWT_VERIFY_PUBLICKEY_LOCATION
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$("$root/scripts/jwt.sh" keys)
for name in $(snippet variables | grep -o '[A-Z][A-Z0-9_]*=' | tr -d '='); do
  [ -n "${!name:-}" ] || fail "the README exports $name, which this check does not set"
done
# Only the stand-in is not the operator's: the real Intercom needs no base URL.
export INTERCOM_BASE_URL="$sim"
account=$(snippet account | sed -n 's|.*/api/v1/accounts/\([A-Za-z0-9._-]*\).*|\1|p')
[ -n "$account" ] || fail "the README's account call names no account id"

fresh_database() {
  as_root -e "DROP DATABASE IF EXISTS feedbacksync;"
  snippet mariadb | as_root
}

await_ready() {
  local log=$1
  for _ in $(seq 1 180); do
    curl -fsS "$base/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  curl -sS "$base/health/ready" >&2 || true
  tail -n 40 "$log" >&2 || true
  fail "/health/ready did not come UP"
}

# An account (the README's call, with the research repository's service token), its admin's
# token, the account read back; then Intercom connected through the consent page and the first
# sync awaited and compared.
account_connect_and_sync() {
  local SERVICE_TOKEN
  SERVICE_TOKEN=$("$root/scripts/jwt.sh" service deploy-check-repository)
  (eval "$(snippet account)") >/dev/null || fail "the README's account call failed"
  local token answer
  token=$("$root/scripts/jwt.sh" token deploy-check-admin "$account" admin)
  auth=(-H "Authorization: Bearer $token")
  answer=$(curl -sS -w '\n%{http_code}' "${auth[@]}" "$base/api/v1/account")
  [ "${answer##*$'\n'}" = 200 ] || fail "GET /api/v1/account answered: $answer"
  printf '%s' "$answer" | grep -q "\"$account\"" || fail "GET /api/v1/account is not the account: $answer"

  local authorize page field state redirect location callback
  authorize=$(curl -fsS -X POST "${auth[@]}" "$base/api/v1/integrations/intercom/connect" | sed 's/.*"authorizeUrl":"\([^"]*\)".*/\1/')
  page=$(curl -fsS "$authorize") || fail "the consent page did not open: $authorize"
  field() { printf '%s' "$page" | sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p"; }
  state=$(field state) redirect=$(field redirect_uri)
  [ "$(field client_id)" = "$INTERCOM_CLIENT_ID" ] || fail "the consent page is for another app: $page"
  [ "$redirect" = "$FEEDBACKSYNC_PUBLIC_BASE_URL/api/v1/integrations/intercom/callback" ] \
    || fail "the redirect URI is not derived from FEEDBACKSYNC_PUBLIC_BASE_URL: $redirect"
  # The admin clicks Allow; Intercom sends the browser back to the redirect URI with a code.
  location=$(curl -fsS -o /dev/null -w '%{redirect_url}' -X POST "$sim/oauth/allow" \
    --data-urlencode "client_id=$(field client_id)" --data-urlencode "state=$state" \
    --data-urlencode "redirect_uri=$redirect")
  [ "${location%%\?*}" = "$redirect" ] || fail "Allow redirected elsewhere: $location"
  callback=$(curl -sS -w '\n%{http_code}' "${auth[@]}" "$location")
  [ "${callback##*$'\n'}" = 200 ] || fail "the callback answered: $callback"

  local status=""
  for _ in $(seq 1 240); do
    status=$(curl -fsS "${auth[@]}" "$base/api/v1/integrations/intercom")
    printf '%s' "$status" | grep -q '"historyComplete":true\|"state":"\(FAILED\|NEEDS_REAUTH\)"' && break
    sleep 0.5
  done
  printf '%s' "$status" | grep -q '"historyComplete":true' || fail "the first sync did not finish: $status"
  local synced
  synced=$(as_root -N feedbacksync -e "SELECT conversation_id FROM feedback_document WHERE account_id='$account' AND deleted_at IS NULL;" | sort)
  if [ "$synced" != "$oracle" ]; then
    diff <(printf '%s\n' "$oracle") <(printf '%s\n' "$synced") | head -20 >&2 || true
    fail "the synced conversations are not the simulator's oracle ($(printf '%s\n' "$oracle" | wc -l) expected)"
  fi
}

# ---- 1. The WAR on a fresh Open Liberty ----
say "the WAR on a fresh Open Liberty $liberty_version"
start=$(date +%s)
fresh_database
unzip -q "$runtime" -d "$work"
cp "$war" "$work/"
(
  cd "$work"
  export WLP="$work/wlp"
  eval "$(snippet create)"
  eval "$(snippet libraries)"
  say "  runtime unpacked, server created, libraries collected: $(since)"
  [ -f "$SERVER_DIR/lib/jdbc/mariadb-java-client-$(pom_property mariadb.version).jar" ] || fail "no driver in lib/jdbc"
  ls "$SERVER_DIR/lib/global" | grep -q '^hibernate-core-' || fail "no Hibernate in lib/global"
  if ls "$SERVER_DIR/lib/global" | grep -q 'jakarta.persistence-api\|jakarta.transaction-api'; then
    fail "lib/global holds an API jar the server provides"
  fi
  snippet server-xml > "$SERVER_DIR/server.xml"
  eval "$(snippet start-war)"
)
wlp_started=yes
server_log="$work/wlp/usr/servers/feedbackSync/logs/messages.log"
await_ready "$server_log"
say "  ready: $(since)"
account_connect_and_sync
war_seconds=$(( $(date +%s) - start ))
say "  first sync = the oracle ($(printf '%s\n' "$oracle" | wc -l) documents): ${war_seconds} s from nothing"
if grep -q 'Unable to resolve location' "$server_log"; then
  fail "Flyway still logs an unresolvable location: $(grep 'Unable to resolve location' "$server_log" | head -1)"
fi
(export WLP="$work/wlp"; eval "$(snippet stop-war)") >/dev/null
wlp_started=""
"$work/wlp/bin/server" status feedbackSync >/dev/null 2>&1 && fail "the WAR's server still runs after its stop command"
say "  stopped by its stop command"

# ---- 2. The runnable server package ----
say "java -jar feedback-sync-server.jar"
start=$(date +%s)
fresh_database
ln -s "$jar" "$work/feedback-sync-server.jar"
export WLP_JAR_EXTRACT_DIR="$work/jar-extract"
(cd "$work" && exec bash -c "exec $(snippet run-jar)") >"$work/jar.log" 2>&1 &
jar_pid=$!
await_ready "$work/jar.log"
say "  ready: $(since)"
account_connect_and_sync
jar_seconds=$(( $(date +%s) - start ))
say "  first sync = the oracle: ${jar_seconds} s from nothing"
kill -TERM "$jar_pid"
for _ in $(seq 1 60); do kill -0 "$jar_pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$jar_pid" 2>/dev/null && fail "the server package still runs 30 s after SIGTERM"
wait "$jar_pid" 2>/dev/null || true
jar_pid=""
say "  stopped by SIGTERM"

echo "deploy check passed: WAR on a fresh Liberty ${war_seconds} s, runnable jar ${jar_seconds} s (nothing to a finished first sync each)"
