#!/usr/bin/env bash
# `make run`: migrate and seed, start every service, wait until each is
# ready, print the URLs; Ctrl-C stops everything this script started.
# PostgreSQL (make db) keeps running; `make db-stop` stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck disable=SC1091
source .data/db.env
LOGS=$ROOT/.data/logs
mkdir -p "$LOGS"

ROUTER_ADDR=${ROUTER_ADDR:-127.0.0.1:4000}
PRODUCT_ADDR=${PRODUCT_ADDR:-127.0.0.1:4001}

# name|address|readiness path|command...   (add new subgraphs above the router)
SERVICES=(
  "product|$PRODUCT_ADDR|/readyz|env HTTP_ADDR=$PRODUCT_ADDR PUBLIC_URL=http://$PRODUCT_ADDR bin/product serve"
  "router|$ROUTER_ADDR|/readyz|env PRODUCT_URL=http://$PRODUCT_ADDR/graphql bin/router --config router/router.yaml --listen $ROUTER_ADDR"
)

pids=()
stop_all() {
  trap - INT TERM EXIT
  if [ ${#pids[@]} -gt 0 ]; then
    echo; echo "run: stopping services (PostgreSQL keeps running; make db-stop stops it)"
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap stop_all INT TERM EXIT

port_free() { ! (exec 3<>"/dev/tcp/${1%:*}/${1##*:}") 2>/dev/null; }

for s in "${SERVICES[@]}"; do
  IFS='|' read -r _ addr _ _ <<<"$s"
  port_free "$addr" || { echo "run: $addr is already in use; stop what listens there (or set ROUTER_ADDR / PRODUCT_ADDR)" >&2; exit 1; }
done

echo "run: migrating and seeding"
bin/product migrate
bin/product seed

for s in "${SERVICES[@]}"; do
  IFS='|' read -r name addr ready cmd <<<"$s"
  # shellcheck disable=SC2086
  $cmd > >(tee -a "$LOGS/$name.log" | sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
  ok=
  for _ in $(seq 1 300); do
    if curl -fsS "http://$addr$ready" >/dev/null 2>&1; then ok=1; break; fi
    kill -0 "${pids[-1]}" 2>/dev/null || break
    sleep 0.1
  done
  if [ -z "$ok" ]; then
    echo "run: $name did not become ready on $addr; last log lines:" >&2
    tail -n 20 "$LOGS/$name.log" >&2
    exit 1
  fi
done

cat <<MSG

Nexus is up.
  GraphQL + GraphiQL  http://$ROUTER_ADDR/graphql   (open it in a browser)
  product subgraph    http://$PRODUCT_ADDR/graphql
  PostgreSQL          $DATABASE_URL
  logs                $LOGS/

Try:
  curl -s http://$ROUTER_ADDR/graphql -H 'Content-Type: application/json' \\
    --data '{"query":"{ products(first: 5, filter: {search: \\"headphones\\"}, sort: PRICE_ASC) { totalCount edges { node { name price { amount currency } category { name } } } } }"}'

Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "run: a service exited; stopping the rest" >&2
exit 1
