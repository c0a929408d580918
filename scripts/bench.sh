#!/usr/bin/env bash
# Load-tests the router with the issue #2 query: products with a full-text
# search and a filter, through the router to the product subgraph.
# Prints RPS, latency percentiles and the router's memory. Called by
# `make bench` after `make db build`. Figures go to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck disable=SC1091
source .data/db.env

CONC=${BENCH_CONCURRENCY:-50}
REQS=${BENCH_REQUESTS:-20000}
HEY="go run github.com/rakyll/hey@v0.1.5"
LOGS=$ROOT/.data/bench
mkdir -p "$LOGS"
PRODUCT_ADDR=127.0.0.1:4101
ROUTER_ADDR=127.0.0.1:4100

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

wait_ready() {
  for _ in $(seq 1 300); do
    curl -fsS "$1" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "bench: $1 not ready; logs in $LOGS" >&2; exit 1
}

bin/product migrate >/dev/null
bin/product seed >/dev/null
LOG_LEVEL=warn NEXUS_MODE=development HTTP_ADDR=$PRODUCT_ADDR PUBLIC_URL=http://$PRODUCT_ADDR bin/product serve >"$LOGS/product.log" 2>&1 &
pids+=($!)
wait_ready "http://$PRODUCT_ADDR/readyz"
LOG_LEVEL=warn PRODUCT_URL=http://$PRODUCT_ADDR/graphql bin/router --config router/router.yaml --listen $ROUTER_ADDR >"$LOGS/router.log" 2>&1 &
router_pid=$!
pids+=($router_pid)
wait_ready "http://$ROUTER_ADDR/readyz"

QUERY='{"query":"query Search($s: String!, $min: Int!) { products(first: 20, filter: {search: $s, minPrice: $min, inStock: true}, sort: PRICE_ASC) { totalCount edges { node { name price { amount currency } category { name } } } } }","variables":{"s":"wireless headphones","min":1000}}'
echo "$QUERY" >"$LOGS/body.json"
curl -fsS -H 'Content-Type: application/json' --data @"$LOGS/body.json" "http://$ROUTER_ADDR/graphql" >"$LOGS/sample.json"
if ! grep -q '"totalCount"' "$LOGS/sample.json"; then echo "bench: query failed: $(cat "$LOGS/sample.json")" >&2; exit 1; fi

rss() { awk '/VmRSS/ {printf "%.1f MiB", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }

echo "== warm-up"
$HEY -n 2000 -c "$CONC" -m POST -T application/json -D "$LOGS/body.json" "http://$ROUTER_ADDR/graphql" >/dev/null
echo "router RSS after warm-up: $(rss $router_pid)"

echo "== products(search + filter) through the router: $REQS requests, $CONC concurrent"
t0=$(cpu_ticks $router_pid); s0=$(date +%s.%N)
$HEY -n "$REQS" -c "$CONC" -m POST -T application/json -D "$LOGS/body.json" "http://$ROUTER_ADDR/graphql" | tee "$LOGS/router.txt" \
  | grep -E 'Requests/sec|Total:|Slowest|Fastest|Average|10%|50%|90%|95%|99%|\[2|\[4|\[5|Error'
t1=$(cpu_ticks $router_pid); s1=$(date +%s.%N)
echo "router RSS after load: $(rss $router_pid)"
awk -v t="$((t1 - t0))" -v hz="$(getconf CLK_TCK)" -v s0="$s0" -v s1="$s1" 'BEGIN { printf "router CPU: %.0f%% of one core\n", 100 * t / hz / (s1 - s0) }'

# The engine de-duplicates identical in-flight requests (graphql-go-tools'
# inbound and subgraph single-flight, on by default), so the run above
# measures mostly the router. Here every request has its own variables, so
# each one reaches the subgraph: the figure a real storefront sees.
VEGETA="go run github.com/tsenart/vegeta/v12@v12.12.0"
DUR=${BENCH_DURATION:-15s}
targets() { # url -> 2,000 distinct requests (different minPrice each)
  for i in $(seq 1 2000); do
    body=$(printf '{"query":"query Search($s: String!, $min: Int!) { products(first: 20, filter: {search: $s, minPrice: $min, inStock: true}, sort: PRICE_ASC) { totalCount edges { node { name price { amount currency } category { name } } } } }","variables":{"s":"wireless headphones","min":%d}}' "$i")
    printf '{"method":"POST","url":"%s","header":{"Content-Type":["application/json"]},"body":"%s"}\n' "$1" "$(printf '%s' "$body" | base64 -w0)"
  done
}
targets "http://$ROUTER_ADDR/graphql" >"$LOGS/targets-router.jsonl"
targets "http://$PRODUCT_ADDR/graphql" >"$LOGS/targets-subgraph.jsonl"
for which in router subgraph; do
  echo "== distinct requests via the $which: $DUR at 50 concurrent (vegeta)"
  $VEGETA attack -format=json -targets="$LOGS/targets-$which.jsonl" -rate=0 -max-workers="$CONC" -workers="$CONC" -duration="$DUR" \
    | $VEGETA report -type=text | grep -E 'Requests|Latencies|Success|Status'
  [ "$which" = router ] && echo "router RSS: $(rss $router_pid)"
done

echo "== same query straight to the product subgraph (the ceiling)"
$HEY -n "$REQS" -c "$CONC" -m POST -T application/json -D "$LOGS/body.json" "http://$PRODUCT_ADDR/graphql" | tee "$LOGS/subgraph.txt" \
  | grep -E 'Requests/sec|50%|95%|99%|\[2|\[4|\[5|Error'
