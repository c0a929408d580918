#!/usr/bin/env bash
# `make run` (after `make db build`): migrate and seed, start every service
# in SERVICES in order, wait until each answers /readyz, print the URLs.
# Ctrl-C stops everything this script started; PostgreSQL keeps running
# (`make db-stop` stops it). Logs: .data/logs/<service>.log, also shown on
# the terminal with a [service] prefix.
# Functions run from traps and by name (svc_<name>), which shellcheck cannot see:
# shellcheck disable=SC2317
set -euo pipefail

PROG=run.sh
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT"
LOGS=$ROOT/.data/logs
READY_TIMEOUT=${READY_TIMEOUT:-60} # seconds per service
STOP_TIMEOUT=${STOP_TIMEOUT:-20}   # seconds before a service that ignores SIGTERM is killed

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
redact() { sed -E 's#^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?]*):[^@/?]*@#\1:***@#; s#(^|[?&])password=[^&]*#\1password=***#g' <<<"$1"; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

[ -f .data/db.env ] || die ".data/db.env is missing; run 'make db' first (make run does)"
# shellcheck source=/dev/null
source .data/db.env
[ -n "${DATABASE_URL:-}" ] || die ".data/db.env does not set DATABASE_URL; run 'make db'"
for b in bin/product bin/auth bin/customer bin/router bin/mailpit; do
  [ -x "$b" ] || die "$b is missing; run 'make build' (make run does)"
done

ROUTER_ADDR=${ROUTER_ADDR:-127.0.0.1:4000}
PRODUCT_ADDR=${PRODUCT_ADDR:-127.0.0.1:4001}
AUTH_ADDR=${AUTH_ADDR:-127.0.0.1:4002}
CUSTOMER_ADDR=${CUSTOMER_ADDR:-127.0.0.1:4003}
MAILPIT_SMTP_ADDR=${MAILPIT_SMTP_ADDR:-127.0.0.1:1025}
MAILPIT_UI_ADDR=${MAILPIT_UI_ADDR:-127.0.0.1:8025}

# ---------------------------------------------------------------- services
# Started in this order, stopped in reverse: "name address" (the address
# must answer /readyz). Each has a svc_<name> function, run in the service's
# own subshell, that exports its environment and sets cmd. A new subgraph
# gets a line before the router and a function, and the router its URL
# through router/router.yaml's ${<NAME>_URL} variable.
# Mailpit first (auth sends mail to it), the subgraphs, then the router.
SERVICES=(
  "mailpit $MAILPIT_UI_ADDR"
  "product $PRODUCT_ADDR"
  "auth $AUTH_ADDR"
  "customer $CUSTOMER_ADDR"
  "router $ROUTER_ADDR"
)
# make web-dev: the Vite dev servers too (hot reload), after the router
# they proxy /graphql and /images to. "name address readiness-path". A
# remote whose workspace does not exist (yet) is left out; the shell then
# loads nothing for its routes.
SHELL_DEV_ADDR=127.0.0.1:5173
PRODUCT_DEV_ADDR=127.0.0.1:5174
AUTH_DEV_ADDR=127.0.0.1:5175
CUSTOMER_DEV_ADDR=127.0.0.1:5176
ADMIN_DEV_ADDR=127.0.0.1:5177
if [ -n "${NEXUS_WEB_DEV:-}" ]; then
  SERVICES+=("web-product $PRODUCT_DEV_ADDR /mfe/product/")
  for r in auth customer admin; do
    var=$(tr '[:lower:]' '[:upper:]' <<<"$r")_DEV_ADDR
    [ -f "web/$r/package.json" ] && SERVICES+=("web-$r ${!var} /mfe/$r/")
  done
  SERVICES+=("web-shell $SHELL_DEV_ADDR /readyz")
fi
# Where people open the storefront: links in mails point there.
if [ -n "${NEXUS_WEB_DEV:-}" ]; then
  STOREFRONT_URL=http://$SHELL_DEV_ADDR
else
  STOREFRONT_URL=http://$ROUTER_ADDR
fi

svc_mailpit() {
  # The development mailbox: every mail the services send lands here
  # (nothing is relayed). Kept across runs in .data/mailpit.db (newest 500).
  cmd=(bin/mailpit --smtp "$MAILPIT_SMTP_ADDR" --listen "$MAILPIT_UI_ADDR"
    --database "$ROOT/.data/mailpit.db" --max 500 --disable-version-check)
}

svc_product() {
  # Image links point at the router, which proxies /images/ to the subgraph.
  # Development mode: the subgraph also answers direct, unsigned GraphQL
  # requests (as anonymous) for poking at it; production (docker compose)
  # accepts only the router's signed requests.
  export HTTP_ADDR=$PRODUCT_ADDR PUBLIC_URL=http://$ROUTER_ADDR NEXUS_MODE=development
  cmd=(bin/product serve)
}

svc_auth() {
  # Development: direct unsigned requests served as anonymous; mail to
  # Mailpit in plain SMTP; links in mails to the storefront; signing keys
  # generated on first start and kept in the auth schema (not encrypted:
  # AUTH_KEY_ENCRYPTION_KEY is for production, docs/operations.md).
  export HTTP_ADDR=$AUTH_ADDR NEXUS_MODE=development PUBLIC_URL=$STOREFRONT_URL
  export SMTP_ADDR=$MAILPIT_SMTP_ADDR SMTP_TLS=off
  cmd=(bin/auth serve)
}

svc_customer() {
  # Development: the test card tokenizer is on (never a real card number).
  export HTTP_ADDR=$CUSTOMER_ADDR NEXUS_MODE=development
  cmd=(bin/customer serve)
}

svc_router() {
  # NEXUS_WEB_DIR (make run sets it to web/dist): router.yaml's web.dir,
  # the storefront at /. Client JWTs are verified against the auth
  # service's JWKS, and disabled users' tokens refused from its revocation feed.
  export PRODUCT_URL=http://$PRODUCT_ADDR/graphql
  export AUTH_URL=http://$AUTH_ADDR/graphql CUSTOMER_URL=http://$CUSTOMER_ADDR/graphql
  export AUTH_JWKS_URL=http://$AUTH_ADDR/.well-known/jwks.json AUTH_REVOCATIONS_URL=http://$AUTH_ADDR/revocations
  cmd=(bin/router serve --config router/router.yaml --listen "$ROUTER_ADDR")
}

# The Vite dev servers (make web-dev) run from web/ with the workspace's
# node_modules; their ports are fixed by the microfrontend contract.
svc_web-product() {
  cd web
  export NEXUS_BACKEND=http://$ROUTER_ADDR
  cmd=(npm run --silent dev -w @nexus/product -- --host 127.0.0.1)
}

svc_web-auth() {
  cd web
  export NEXUS_BACKEND=http://$ROUTER_ADDR
  cmd=(npm run --silent dev -w @nexus/auth -- --host 127.0.0.1)
}

svc_web-customer() {
  cd web
  export NEXUS_BACKEND=http://$ROUTER_ADDR
  cmd=(npm run --silent dev -w @nexus/customer -- --host 127.0.0.1)
}

svc_web-admin() {
  cd web
  export NEXUS_BACKEND=http://$ROUTER_ADDR
  cmd=(npm run --silent dev -w @nexus/admin -- --host 127.0.0.1)
}

svc_web-shell() {
  cd web
  export NEXUS_BACKEND=http://$ROUTER_ADDR NEXUS_PRODUCT_DEV=http://$PRODUCT_DEV_ADDR
  export NEXUS_AUTH_DEV=http://$AUTH_DEV_ADDR NEXUS_CUSTOMER_DEV=http://$CUSTOMER_DEV_ADDR NEXUS_ADMIN_DEV=http://$ADMIN_DEV_ADDR
  cmd=(npm run --silent dev -w @nexus/shell -- --host 127.0.0.1)
}

# ---------------------------------------------------------------- machinery

names=() # started services, in start order
pids=()  # their pids; each is its own process group (setsid)

# stop_all stops the started services in reverse order: SIGTERM to each
# process group, then SIGKILL after STOP_TIMEOUT.
stop_all() {
  local i pid deadline
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    pid=${pids[i]}
    kill -0 "$pid" 2>/dev/null || continue
    say "stopping ${names[i]} (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      say "${names[i]} ignored SIGTERM for ${STOP_TIMEOUT}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  wait # the log followers end once their service has
}

on_exit() {
  local rc=$?
  trap - EXIT INT TERM HUP
  if [ ${#pids[@]} -gt 0 ]; then
    stop_all
    say "services stopped; PostgreSQL keeps running ($(redact "$DATABASE_URL")), 'make db-stop' stops it"
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

port_taken() { (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null; }

ready() { # url
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 2 "$1" 2>/dev/null
  else
    local hostport=${1#http://} path
    path=/${hostport#*/}
    hostport=${hostport%%/*}
    # shellcheck disable=SC2016 # the inner script expands its own arguments
    timeout 2 bash -c 'exec 3<>"/dev/tcp/${1%:*}/${1##*:}" && printf "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" "$2" "$1" >&3 && head -n 1 <&3 | grep -q " 200 "' _ "$hostport" "$path" 2>/dev/null
  fi
}

# start launches one service in its own process group, logs to its file
# and, prefixed, to the terminal, and waits until its /readyz answers.
start() { # name address [readiness path, default /readyz]
  local name=$1 addr=$2 path=${3:-/readyz} log=$LOGS/$1.log pid deadline
  [ ! -f "$log" ] || mv -f "$log" "$log.1"
  : >"$log"
  # setsid: the job is no group leader, so setsid execs in place and the
  # pid is the process group to signal.
  (
    trap - EXIT INT TERM HUP
    cmd=()
    "svc_$name"
    exec setsid "${cmd[@]}" >>"$log" 2>&1 </dev/null
  ) &
  pid=$!
  names+=("$name")
  pids+=("$pid")
  # The follower ignores Ctrl-C so the last lines still show while stopping.
  (
    trap '' INT TERM HUP
    exec tail -n +1 -s 0.2 --pid="$pid" -F "$log" 2>/dev/null | sed -u "s/^/[$name] /"
  ) &
  deadline=$((SECONDS + READY_TIMEOUT))
  until ready "http://$addr$path"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      wait "$pid" || true
      say "last lines of $log:"
      tail -n 30 "$log" >&2
      die "$name exited before it was ready (log: $log)"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      say "last lines of $log:"
      tail -n 30 "$log" >&2
      die "$name did not answer http://$addr$path within ${READY_TIMEOUT}s (log: $log)"
    fi
    sleep 0.2
  done
  say "$name ready on http://$addr"
}

# ---------------------------------------------------------------- run

addr_var() { # service name -> the variable that moves it
  case $1 in
  mailpit) echo MAILPIT_UI_ADDR ;;
  web-*) echo "(the Vite dev ports are fixed)" ;;
  *) echo "$(tr '[:lower:]' '[:upper:]' <<<"$1")_ADDR" ;;
  esac
}
for s in "${SERVICES[@]}"; do
  read -r name addr _ <<<"$s"
  if port_taken "$addr"; then
    die "$addr (for $name) is already in use; stop whatever listens there (another 'make run'?) or choose another address: $(addr_var "$name")=host:port make run"
  fi
done
if port_taken "$MAILPIT_SMTP_ADDR"; then
  die "$MAILPIT_SMTP_ADDR (Mailpit's SMTP) is already in use; stop whatever listens there or choose another address: MAILPIT_SMTP_ADDR=host:port make run"
fi

mkdir -p "$LOGS"
export DATABASE_URL

# Development secrets, made once per checkout and kept in .data (never
# committed): NEXUS_ROUTER_SECRET signs the claims the router forwards to
# subgraphs (and the revocation feed's requests to auth). Client tokens
# come from the auth service (sign in); there is no development JWT key.
SECRETS="$ROOT/.data/dev-secrets.env"
if ! grep -q '^NEXUS_ROUTER_SECRET=' "$SECRETS" 2>/dev/null; then
  (
    umask 077
    echo "NEXUS_ROUTER_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')" >"$SECRETS"
  )
fi
NEXUS_ROUTER_SECRET=$(sed -n 's/^NEXUS_ROUTER_SECRET=//p' "$SECRETS" | tail -n 1)
export NEXUS_ROUTER_SECRET
unset NEXUS_DEV_JWT_SECRET

# Each service migrates its own schema, then the demo data: the catalog
# and the two development accounts (both no-ops for what exists).
say "migrating and seeding $(redact "$DATABASE_URL")"
: >"$LOGS/migrate.log"
: >"$LOGS/seed.log"
for step in "product migrate" "auth migrate" "customer migrate"; do
  # shellcheck disable=SC2086 # "binary subcommand"
  bin/$step >>"$LOGS/migrate.log" 2>&1 || { cat "$LOGS/migrate.log" >&2; die "bin/$step failed"; }
done
for step in "product seed" "auth seed"; do
  # shellcheck disable=SC2086
  bin/$step >>"$LOGS/seed.log" 2>&1 || { cat "$LOGS/seed.log" >&2; die "bin/$step failed"; }
done

for s in "${SERVICES[@]}"; do
  read -r name addr path <<<"$s"
  start "$name" "$addr" "$path"
done

if [ -n "${NEXUS_WEB_DEV:-}" ]; then
  front="  storefront (dev)     http://$SHELL_DEV_ADDR/    (Vite, hot reload; remotes: product http://$PRODUCT_DEV_ADDR/, auth :${AUTH_DEV_ADDR##*:}, customer :${CUSTOMER_DEV_ADDR##*:}, admin :${ADMIN_DEV_ADDR##*:})"
elif [ -n "${NEXUS_WEB_DIR:-}" ]; then
  front="  storefront           http://$ROUTER_ADDR/    (web/dist, served by the router)"
else
  front="  storefront           off (NEXUS_WEB_DIR unset: run 'make run')"
fi
cat <<MSG

Nexus is up.
$front
  GraphQL + GraphiQL   http://$ROUTER_ADDR/graphql    (open it in a browser for GraphiQL)
  router metrics       http://$ROUTER_ADDR/metrics    (Prometheus)
  images               http://$ROUTER_ADDR/images/    (proxied to the product subgraph)
  product subgraph     http://$PRODUCT_ADDR/graphql    (development mode: direct requests allowed)
  auth subgraph        http://$AUTH_ADDR/graphql    (JWKS: /.well-known/jwks.json)
  customer subgraph    http://$CUSTOMER_ADDR/graphql
  Mailpit (mailbox)    http://$MAILPIT_UI_ADDR/    (every mail the services send; SMTP on $MAILPIT_SMTP_ADDR)
  PostgreSQL           $(redact "$DATABASE_URL")
  logs                 ${LOGS#"$ROOT"/}/<service>.log

Accounts (DEVELOPMENT ONLY: 'make run' seeds them with these well-known
passwords; production has none, see README "First admin"):
  admin    admin@nexus.local     Admin-password-1      (role ADMIN)
  shopper  shopper@nexus.local   Shopper-password-1    (role CUSTOMER)
Sign in on the storefront (${STOREFRONT_URL}/account/sign-in). For GraphiQL,
'make token' prints an admin access token (15 min): paste
  {"Authorization": "Bearer <token>"}
into its Headers tab. Live updates: open GraphiQL twice, run the
CatalogEvents subscription in one tab and an admin mutation (adjustStock,
updateProduct, ...) with that header in the other.

Try:
  curl -s http://$ROUTER_ADDR/graphql -H 'Content-Type: application/json' \\
    --data '{"query":"{ products(first: 3, filter: {search: \\"headphones\\"}, sort: PRICE_ASC) { totalCount edges { node { name price { amount currency } category { name } } } } }"}'

Ctrl-C stops the services (PostgreSQL keeps running).

MSG

exited=
status=0
wait -n -p exited "${pids[@]}" || status=$?
for i in "${!pids[@]}"; do
  [ "${pids[i]}" != "$exited" ] || die "${names[i]} exited (status $status); stopping the rest (log: $LOGS/${names[i]}.log)"
done
die "a service exited (status $status); stopping the rest"
