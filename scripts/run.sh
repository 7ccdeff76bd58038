#!/usr/bin/env bash
# Runs Feedback Sync end to end on embedded defaults: a private MariaDB, the Intercom simulator with a
# sample workspace, Open Liberty with the WAR; creates a demo account (through the API, as the
# research repository does) and admin, connects Intercom
# through the real OAuth flow, runs the first sync with a progress line, and prints a summary.
# Leaves everything running; `scripts/run.sh stop` stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
HTTP_PORT=${HTTP_PORT:-9080}
SIMULATOR_PORT=${SIMULATOR_PORT:-8089}
CONVERSATIONS=${CONVERSATIONS:-3000}
export HTTP_PORT
base="http://localhost:$HTTP_PORT"
sim="http://127.0.0.1:$SIMULATOR_PORT"
account=${DEMO_ACCOUNT:-demo}
mkdir -p .run

stop() {
  ./mvnw -B -q -ntp -pl adapters-web liberty:stop >/dev/null 2>&1 || true
  [ -f .run/simulator.pid ] && kill "$(cat .run/simulator.pid)" 2>/dev/null || true
  rm -f .run/simulator.pid
  scripts/mariadb.sh stop
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi

scripts/mariadb.sh start
MP_JWT_VERIFY_PUBLICKEY_LOCATION=$(scripts/jwt.sh keys)
export MP_JWT_VERIFY_PUBLICKEY_LOCATION
# The key sealing Intercom tokens at rest: made once, kept beside the demo's database.
[ -f .run/token-keys ] || { echo "demo:$(openssl rand -base64 32)" > .run/token-keys; chmod 600 .run/token-keys; }
FEEDBACKSYNC_TOKEN_KEYS=$(cat .run/token-keys)
export FEEDBACKSYNC_TOKEN_KEYS
# The simulator's app: the WAR and server.xml have no Intercom defaults. Intercom sends the admin's
# browser back to the callback, which answers with the settings page.
callback="$base/api/v1/integrations/intercom/callback"
export INTERCOM_BASE_URL="$sim" INTERCOM_REDIRECT_URI="$callback"
export INTERCOM_CLIENT_ID=sim-client INTERCOM_CLIENT_SECRET=sim-client-secret

echo "building and starting Open Liberty on $base ..."
start=$(date +%s)
# liberty:* must run in the invocation that packages the modules (they are not installed anywhere).
./mvnw -B -q -ntp -DskipTests -DskipPitest package liberty:create liberty:deploy liberty:start

# The simulator's workspace is generated from its size: another size is another workspace.
synced_size=$(cat .run/demo-conversations 2>/dev/null || true)
started_simulator=no
if ! curl -fsS "$sim/_sim/counters" >/dev/null 2>&1; then
  started_simulator=yes
  echo "starting the Intercom simulator on $sim with $CONVERSATIONS conversations ..."
  nohup java -jar intercom-simulator/target/intercom-simulator-*-standalone.jar \
    --port "$SIMULATOR_PORT" --conversations "$CONVERSATIONS" >.run/simulator.log 2>&1 &
  echo $! > .run/simulator.pid
  for _ in $(seq 1 60); do curl -fsS "$sim/_sim/counters" >/dev/null 2>&1 && break; sleep 0.5; done
fi

for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -fsS "$base/health/ready" >/dev/null || { echo "not ready; see adapters-web/target/liberty/wlp/usr/servers/feedbackSync/logs/messages.log" >&2; exit 1; }
echo "ready after $(( $(date +%s) - start )) s"

# The research repository owns accounts; the demo creates one the way it does: through the API,
# with a token the repository signs for itself (role service, no account claim). Start plan, once:
# a demo account upgraded since keeps its plan on the next run.
service_token=$(scripts/jwt.sh service demo-research-repository)
if ! curl -fsS -H "Authorization: Bearer $service_token" "$base/api/v1/accounts/$account" >/dev/null 2>&1; then
  curl -fsS -X PUT -H "Authorization: Bearer $service_token" -H 'Content-Type: application/json' \
    -d '{"name":"Demo Research","plan":"START"}' "$base/api/v1/accounts/$account" >/dev/null
fi
token=$(scripts/jwt.sh token demo-admin "$account" admin)
auth=(-H "Authorization: Bearer $token")

state=$(curl -fsS "${auth[@]}" "$base/api/v1/integrations/intercom" | sed 's/.*"state":"\([A-Z_]*\)".*/\1/')
# A demo database synced from a simulator of another size holds another workspace's documents:
# disconnect with purge, so this run syncs the workspace the simulator serves now.
if [ "$state" = CONNECTED ] && [ "$started_simulator" = yes ] && [ "$synced_size" != "$CONVERSATIONS" ]; then
  echo "the demo was synced from a simulator of ${synced_size:-another} conversations; purging it ..."
  curl -fsS -X DELETE "${auth[@]}" "$base/api/v1/integrations/intercom?purge=true" >/dev/null
  state=DISCONNECTED
fi
if [ "$state" != CONNECTED ]; then
  echo "connecting Intercom through OAuth ..."
  authorize=$(curl -fsS -X POST "${auth[@]}" "$base/api/v1/integrations/intercom/connect" | sed 's/.*"authorizeUrl":"\([^"]*\)".*/\1/')
  oauth_state=$(printf '%s' "$authorize" | sed 's/.*[?&]state=\([^&]*\).*/\1/')
  # The admin clicks Allow on Intercom's consent page; Intercom redirects back with a code.
  location=$(curl -fsS -o /dev/null -w '%{redirect_url}' -X POST "$sim/oauth/allow" \
    --data-urlencode client_id=sim-client --data-urlencode "state=$oauth_state" --data-urlencode "redirect_uri=$callback")
  query=${location#*\?}
  curl -fsS "${auth[@]}" "$base/api/v1/integrations/intercom/callback?$query" >/dev/null
  if [ "$started_simulator" = yes ]; then echo "$CONVERSATIONS" > .run/demo-conversations; fi
fi

echo "first sync:"
while true; do
  status=$(curl -fsS "${auth[@]}" "$base/api/v1/integrations/intercom")
  if printf '%s' "$status" | grep -q '"historyComplete":true\|"runs":\[{[^]]*"kind":"FIRST","state":"\(COMPLETED\|FAILED\|NEEDS_REAUTH\)'; then
    break
  fi
  done_n=$(printf '%s' "$status" | sed -n 's/.*"progress":{[^}]*"done":\([0-9]*\).*/\1/p')
  total_n=$(printf '%s' "$status" | sed -n 's/.*"progress":{[^}]*"total":\([0-9]*\).*/\1/p')
  if [ -n "$total_n" ] && [ "$total_n" != 0 ]; then printf '\r  %s / %s conversations' "$done_n" "$total_n"; fi
  sleep 1
done
printf '\r%60s\r' ''

documents=$(scripts/mariadb.sh client <<< "SELECT COUNT(*) FROM feedback_document WHERE account_id='$account' AND deleted_at IS NULL;" | tail -1)
profiles=$(scripts/mariadb.sh client <<< "SELECT COUNT(*) FROM customer_profile WHERE account_id='$account';" | tail -1)
files=$(scripts/mariadb.sh client <<< "SELECT COUNT(*) FROM document_file WHERE account_id='$account';" | tail -1)
oracle=$(curl -fsS "$sim/_sim/oracle")
qualifying=$(printf '%s' "$oracle" | sed 's/.*"qualifying_newest_first":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | grep -c . || true)
skipped=$(printf '%s' "$oracle" | sed 's/.*"skipped_without_reply":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | grep -c . || true)
calls=$(curl -fsS "$sim/_sim/counters" | sed 's/.*"api_calls":\([0-9]*\).*/\1/')
limit=5000
expected=$(( qualifying < limit ? qualifying : limit ))
# The check is on the exact documents, not just their number: the oracle's newest qualifying ids.
printf '%s' "$oracle" | sed 's/.*"qualifying_newest_first":\[\([^]]*\)\].*/\1/' | tr ',' '\n' | tr -d '"' \
  | grep . | head -n "$limit" | sort > .run/oracle-ids || true
scripts/mariadb.sh client <<< "SELECT conversation_id FROM feedback_document WHERE account_id='$account' AND deleted_at IS NULL;" \
  | tail -n +2 | sort > .run/synced-ids
# The run itself must have ended well, and the product's own counts are shown beside the oracle's.
first_state=$(scripts/mariadb.sh client <<< "SELECT state FROM sync_run WHERE account_id='$account' AND kind='FIRST' ORDER BY started_at DESC, id DESC LIMIT 1;" | tail -n +2)
# The current connection's first sync only: a purged earlier one's runs stay in the history.
this_connection="kind='FIRST' AND started_at >= (SELECT connected_at FROM intercom_connection WHERE account_id='$account')"
product_kept=$(scripts/mariadb.sh client <<< "SELECT COALESCE(SUM(kept), 0) FROM sync_run WHERE account_id='$account' AND $this_connection;" | tail -1)
product_skipped=$(scripts/mariadb.sh client <<< "SELECT COALESCE(SUM(skipped_without_reply), 0) FROM sync_run WHERE account_id='$account' AND $this_connection;" | tail -1)
if [ ! -s .run/oracle-ids ]; then
  matches=no; verdict="NOT CHECKED: the simulator's oracle is empty"
elif [ "$first_state" != COMPLETED ]; then
  matches=no; verdict="NOT CHECKED: the first sync ended ${first_state:-nowhere}, not COMPLETED"
elif cmp -s .run/oracle-ids .run/synced-ids; then
  matches=yes; verdict="exactly the simulator's oracle"
else
  matches=no; verdict="DIFFERS from the simulator's oracle ($expected)"
fi

cat <<SUMMARY

Synced the simulated Intercom workspace "Acme SaaS" into account "$account" (Start plan):
  feedback documents       $documents   ($verdict: the most recent conversations a customer replied in)
  first sync               $first_state: kept $product_kept (oracle $expected), skipped without reply $product_skipped (oracle $skipped)
  customer profiles        $profiles
  files kept               $files
  Intercom API calls       $calls
  total time               $(( $(date +%s) - start )) s

Open the admin's page (Settings › Integrations › Intercom), signed in as the demo admin:
  $base/settings/integrations/intercom#token=$token

Go on:
  export TOKEN=$token
  curl -H "Authorization: Bearer \$TOKEN" $base/api/v1/integrations/intercom
  curl -H "Authorization: Bearer \$TOKEN" $base/api/v1/account
  curl -H "Authorization: Bearer \$TOKEN" "$base/api/v1/documents?limit=5"
  curl -H "Authorization: Bearer \$TOKEN" "$base/api/v1/documents?q=export&status=open"
  curl -H "Authorization: Bearer \$TOKEN" $base/api/v1/customers?limit=5
  OpenAPI UI: $base/openapi/ui     Simulator control: $sim/_sim/counters
  Stop everything: scripts/run.sh stop
SUMMARY
[ "$matches" = yes ]
