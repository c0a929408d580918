#!/usr/bin/env bash
# `make token`: signs in through the running router (make run) as the seeded
# development admin and prints the access token, for GraphiQL's Headers tab
# ({"Authorization": "Bearer <token>"}) or curl. The token lives
# AUTH_ACCESS_TTL (15 min); run it again for a new one. It is the same
# signIn mutation the storefront sends, so it also works against any stack
# with other credentials:
#   NEXUS_EMAIL=you@example.com NEXUS_PASSWORD=... ROUTER_URL=https://shop.example.com make token
# The password is sent in the request body, never on a command line.
set -euo pipefail

ROUTER_URL=${ROUTER_URL:-http://${ROUTER_ADDR:-127.0.0.1:4000}}
EMAIL=${NEXUS_EMAIL:-admin@nexus.local}
PASSWORD=${NEXUS_PASSWORD:-Admin-password-1}

die() { printf 'token: error: %s\n' "$*" >&2; exit 1; }

# JSON string escaping for the two values (backslash and quote; control
# characters are not valid in an email or in our password policy's inputs).
esc() { sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' <<<"$1"; }

body=$(printf '{"query":"mutation SignIn($input: SignInInput!) { signIn(input: $input) { accessToken expiresAt user { email role } } }","variables":{"input":{"email":"%s","password":"%s"}}}' \
  "$(esc "$EMAIL")" "$(esc "$PASSWORD")")
answer=$(curl -sS --max-time 30 "$ROUTER_URL/graphql" -H 'Content-Type: application/json' --data-binary @- <<<"$body") ||
  die "no answer from $ROUTER_URL/graphql: is 'make run' up? (ROUTER_ADDR or ROUTER_URL point elsewhere)"
token=$(sed -nE 's/.*"accessToken":"([^"]+)".*/\1/p' <<<"$answer")
if [ -z "$token" ]; then
  msg=$(sed -nE 's/.*"message":"([^"]*)".*/\1/p' <<<"$answer")
  die "signIn as $EMAIL failed: ${msg:-$answer}"
fi
expires=$(sed -nE 's/.*"expiresAt":"([^"]+)".*/\1/p' <<<"$answer")
printf 'token: signed in as %s; the token expires at %s\n' "$EMAIL" "$expires" >&2
printf '%s\n' "$token"
