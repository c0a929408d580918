#!/usr/bin/env bash
# The federation gateway benchmark (docs/benchmarks.md, "Router: federation
# benchmark"): four in-memory subgraphs, the nested ~88 KB query, 50
# connections; the router with single-flight on and off, then the ceilings
# (the same bytes served statically, the products subgraph directly).
# Called by `make bench-router` after `make build`. Needs no database.
#
# Tuning (environment): BENCH_DURATION (20s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (50), BENCH_ONLY (router,router-no-sf,static,subgraph),
# BENCH_PROFILE=dir (adds a `perf record` run of the router and prints its
# top 30 functions).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bin
go build -o bin/benchrouter ./router/bench/cmd/benchrouter
exec bin/benchrouter -router bin/router "$@"
