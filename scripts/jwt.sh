#!/usr/bin/env bash
# Demo admin tokens. In production the research repository signs the admins' tokens; here a local
# key pair stands in for it, so that the demo and a developer can call the admin API.
#   scripts/jwt.sh keys                       make .run/jwt/{private,public}.pem once
#   scripts/jwt.sh token SUB ACCOUNT ROLE     print a token (ROLE admin|member), valid for 12 hours
#   scripts/jwt.sh service SUB                print the research repository's own token (role
#                                             service, no account claim), valid for 12 hours
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir="$here/.run/jwt"
issuer=${JWT_ISSUER:-feedback-sync}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

keys() {
  mkdir -p "$dir"
  if [ ! -f "$dir/private.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/private.pem" 2>/dev/null
    chmod 600 "$dir/private.pem"
    openssl pkey -in "$dir/private.pem" -pubout -out "$dir/public.pem"
  fi
  echo "$dir/public.pem"
}

# Signs the claims given as JSON members (without braces), adding issuer, times and an id.
sign() {
  local claims=$1 now header payload signed
  [ -f "$dir/private.pem" ] || keys >/dev/null
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
  payload=$(printf '{"iss":"%s",%s,"iat":%d,"exp":%d,"jti":"%s"}' \
    "$issuer" "$claims" "$now" $((now + 43200)) "$(openssl rand -hex 12)" | b64url)
  signed=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/private.pem" -binary | b64url)
  printf '%s.%s.%s\n' "$header" "$payload" "$signed"
}

token() {
  local sub=$1 account=$2 role=$3
  sign "$(printf '"sub":"%s","upn":"%s","groups":["%s"],"account":"%s"' "$sub" "$sub" "$role" "$account")"
}

service() {
  local sub=$1
  sign "$(printf '"sub":"%s","upn":"%s","groups":["service"]' "$sub" "$sub")"
}

case "${1:-}" in
  keys) keys ;;
  token) [ $# -eq 4 ] || { echo "usage: $0 token SUB ACCOUNT admin|member" >&2; exit 2; }; token "$2" "$3" "$4" ;;
  service) [ $# -eq 2 ] || { echo "usage: $0 service SUB" >&2; exit 2; }; service "$2" ;;
  *) echo "usage: $0 keys | token SUB ACCOUNT admin|member | service SUB" >&2; exit 2 ;;
esac
