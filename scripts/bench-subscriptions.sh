#!/usr/bin/env bash
# The subscription benchmark (docs/benchmarks.md, "Subscriptions:
# fan-out benchmark"): the product subgraph (PostgreSQL event bus) on a
# throwaway database and, per round, a fresh router. Rounds (BENCH_ROUNDS,
# default all, in this order):
#   fanout          1,000, 5,000 and 10,000 graphql-transport-ws subscribers
#                   to productChanged; adjustStock at a steady rate; latency
#                   from commit to client, deliveries per second, router RSS
#                   per subscriber and CPU. Any missing, duplicate or
#                   reordered delivery, or a dropped subscriber, fails the run.
#   rate50          the same with 1,000 subscribers on one product at 50
#                   commits/s: 50,000 deliveries/s.
#   storm-router    1,000 clients on catalogEvents(after:) that resume from
#   storm-subgraph  their last cursor after any close, error or complete,
#                   50 commits/s, and the router (or the product subgraph)
#                   SIGKILLed and restarted on the same port mid-run. Each
#                   client is checked against the event log: anything lost,
#                   duplicated or out of order fails the run. Interruptions,
#                   time to recover, latency and router RSS are printed.
# Called by `make bench-subscriptions` after `make db build` (about 5 min).
#
# Tuning (environment): BENCH_ROUNDS (fanout,rate50,storm-router,
# storm-subgraph); fanout: BENCH_SUBSCRIBERS (1000,5000,10000), BENCH_RATE
# (20 commits/s), BENCH_DURATION (30s per round), BENCH_PRODUCTS (10 hot
# products), BENCH_PROFILE=dir (the router's heap and goroutine profiles
# with the last round's subscribers live); rate50 and storms:
# BENCH_HEAVY_SUBSCRIBERS (1000), BENCH_HEAVY_RATE (50 commits/s),
# BENCH_HEAVY_DURATION (20s, rate50), BENCH_STORM_WARMUP (5s before the
# kill), BENCH_STORM_AFTER (15s of writing from the kill on),
# BENCH_STORM_DOWN (2s between the kill and the restart).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC1091
source .data/db.env
# One descriptor per subscriber in this process and one per client in the
# router: 10,000 subscribers need more than the usual 1,024.
ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < 10500)); then
	echo "bench-subscriptions: only $(ulimit -n) file descriptors (10,000 subscribers need ~10,100); rounds above that will fail to connect" >&2
fi
mkdir -p bin
go build -o bin/benchsubs ./router/bench/subscriptions/cmd/benchsubs
exec bin/benchsubs -router bin/router -product bin/product "$@"
