#!/usr/bin/env bash
# Issue #14: faceted search at 2,000 and 100,000 products. For each size,
# a database of its own is seeded (the demo catalog; then grown to
# 100,000 products, ≈3 variants each), the product subgraph and the router
# are started on free ports, and catalogbench sends 50 concurrent clients'
# DISTINCT listing requests (random search words with typos and prefixes,
# category, price range, tag, option value, inStock, sort; totalCount + a
# page + every facet) through the router, then search-box suggestions.
# Prints RPS, p50/p95/p99, errors, router and subgraph RSS and CPU, then
# EXPLAIN (ANALYZE, BUFFERS) of the search and suggestion SQL and the
# sizes of the product schema's tables and indexes. Figures go to
# docs/benchmarks.md. Called by `make bench-catalog` after `make db build`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck disable=SC1091
[ -f .data/db.env ] && source .data/db.env
: "${DATABASE_URL:?DATABASE_URL is not set: run make db}"

CLIENTS=${BENCH_CLIENTS:-50}
DUR=${BENCH_DURATION:-20s}
SIZES=${BENCH_SIZES:-"2000 100000"}
LOGS=$ROOT/.data/bench-catalog
mkdir -p "$LOGS"
go build -o bin/catalogbench ./subgraphs/product/cmd/catalogbench

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
db_url() { # database name -> URL on the same server as DATABASE_URL
  python3 - "$DATABASE_URL" "$1" <<'PY'
import sys, urllib.parse as u
p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))
PY
}
rss() { awk '/VmRSS/ {printf "%.0f MiB", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$1/stat"; }
wait_ready() {
  for _ in $(seq 1 600); do curl -fsS "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "bench-catalog: $1 not ready; logs in $LOGS" >&2; exit 1
}

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
trap cleanup EXIT INT TERM

for size in $SIZES; do
  name=nexus_bench_catalog_$size
  psql "$DATABASE_URL" -qtAc "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 \
    || psql "$DATABASE_URL" -qc "CREATE DATABASE $name" >/dev/null
  url=$(db_url "$name")
  export DATABASE_URL_BENCH=$url
  DATABASE_URL=$url bin/product migrate >/dev/null
  have=$(psql "$url" -qtAc "SELECT count(*) FROM product.products WHERE deleted_at IS NULL")
  if [ "$size" -le 2500 ]; then
    DATABASE_URL=$url bin/product seed >/dev/null # the demo catalog (a no-op when loaded)
  elif [ "$have" -lt "$size" ]; then
    t0=$(date +%s.%N)
    DATABASE_URL=$url bin/product seed-large --products "$size" --reset
    echo "seed of $size products: $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f s", b-a}')"
  fi
  psql "$url" -qtAc "ANALYZE" >/dev/null
  counts=$(psql "$url" -qtAc "SELECT (SELECT count(*) FROM product.products WHERE deleted_at IS NULL) || ' products, ' || (SELECT count(*) FROM product.variants WHERE deleted_at IS NULL) || ' variants'")
  pport=$(free_port); rport=$(free_port)
  LOG_LEVEL=warn NEXUS_MODE=development DB_MAX_IDLE_CONNS=20 DATABASE_URL=$url HTTP_ADDR=127.0.0.1:$pport PUBLIC_URL=http://127.0.0.1:$pport \
    bin/product serve >"$LOGS/product-$size.log" 2>&1 &
  product_pid=$!; pids+=("$product_pid")
  wait_ready "http://127.0.0.1:$pport/readyz"
  # Only the product subgraph runs: router.yaml composes from schema files,
  # and nothing measured here reaches auth or customer.
  LOG_LEVEL=warn ROUTER_MODE=production ROUTER_MASK_SUBGRAPH_ERRORS=false PRODUCT_URL=http://127.0.0.1:$pport/graphql \
    bin/router serve --config router/router.yaml --listen "127.0.0.1:$rport" >"$LOGS/router-$size.log" 2>&1 &
  router_pid=$!; pids+=("$router_pid")
  wait_ready "http://127.0.0.1:$rport/readyz"
  echo "== $size: $counts; $CLIENTS clients, $DUR"
  pt0=$(cpu_ticks "$product_pid"); rt0=$(cpu_ticks "$router_pid"); s0=$(date +%s.%N)
  bin/catalogbench load -url "http://127.0.0.1:$rport/graphql" -clients "$CLIENTS" -duration "$DUR" | tee "$LOGS/load-$size.txt"
  pt1=$(cpu_ticks "$product_pid"); rt1=$(cpu_ticks "$router_pid"); s1=$(date +%s.%N)
  hz=$(getconf CLK_TCK)
  awk -v p="$((pt1 - pt0))" -v r="$((rt1 - rt0))" -v hz="$hz" -v s0="$s0" -v s1="$s1" \
    'BEGIN { printf "CPU over the whole load (all phases): subgraph %.0f%%, router %.0f%% of one core\n", 100*p/hz/(s1-s0), 100*r/hz/(s1-s0) }'
  echo "RSS after load: subgraph $(rss "$product_pid"), router $(rss "$router_pid")"
  cleanup
  echo "== $size: plans and sizes"
  bin/catalogbench explain -db "$url" | tee "$LOGS/explain-$size.txt" | grep -E '^--|Execution Time|Index Scan|Seq Scan|Bitmap Index|^[a-z_]+ +[0-9]' || true
done
