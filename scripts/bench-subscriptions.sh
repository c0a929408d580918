#!/usr/bin/env bash
# The subscription fan-out benchmark (docs/benchmarks.md, "Subscriptions:
# fan-out benchmark"): the product subgraph (PostgreSQL event bus) on a
# throwaway database and, per round, a fresh router; 1,000, 5,000 and
# 10,000 graphql-transport-ws subscribers to productChanged on the router;
# adjustStock committed at a steady rate; latency from commit to client,
# deliveries per second, router RSS per subscriber and CPU. Any missing,
# duplicate or reordered delivery fails the run.
# Called by `make bench-subscriptions` after `make db build`.
#
# Tuning (environment): BENCH_SUBSCRIBERS (1000,5000,10000), BENCH_RATE
# (20 commits/s), BENCH_DURATION (30s per round), BENCH_PRODUCTS (10 hot
# products), BENCH_PROFILE=dir (the router's heap and goroutine profiles
# with the last round's subscribers live).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
source .data/db.env
# One descriptor per subscriber in this process and one per client in the
# router: 10,000 subscribers need more than the usual 1,024.
ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 20500)); then
	echo "bench-subscriptions: only $(ulimit -n) file descriptors (10,000 subscribers need ~10,100); rounds above that will fail to connect" >&2
fi
mkdir -p bin
go build -o bin/benchsubs ./router/bench/subscriptions/cmd/benchsubs
exec bin/benchsubs -router bin/router -product bin/product "$@"
