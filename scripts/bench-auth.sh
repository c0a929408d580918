#!/usr/bin/env bash
# `make bench-auth` (after `make db build`): the identity figures of
# docs/benchmarks.md, "Identity: sign-in, throttling, JWT verification".
#
# Starts a real stack on its own ports and a throwaway database on the
# PostgreSQL of .data/db.env — Mailpit, the auth subgraph (production mode:
# only router-signed requests) and the router — and runs the load tool
# (router/bench/cmd/benchauth):
#   1. sign-in through the router with argon2id at 1, 2, 4, 8 clients:
#      sign-ins/s, p50/p95/p99, CPU of auth and router;
#   2. the router's JWT verification per request: `{ __typename }` and a
#      cheap auth field, anonymous vs signed in, alternating rounds;
#   3. wrong-password bursts (500 attempts from 50 clients): one account
#      from one address, one account from a new address per attempt
#      (clients bound to 127.1.x.y, which the router forwards in
#      X-Forwarded-For), a new unknown email per attempt from one address;
#      how they were answered and how many password checks ran.
# Then the Go benchmarks: the router's token check (router/internal/auth),
# argon2id itself and a store-level sign-in (subgraphs/auth). They report
# wall time per operation, so they need a quiet machine; the load tool's
# figures are CPU time read from /proc, which other load disturbs less.
# Tuning: BENCH_DURATION (10s per sign-in run), BENCH_CLIENTS (1,2,4,8),
# BENCH_BURST_ATTEMPTS (500), BENCH_BURST_CLIENTS (50), BENCH_JWT_DURATION
# (5s), BENCH_JWT_PAIRS (3), BENCH_GO (1; 0 skips the Go benchmarks).
# Output: stdout (Markdown); logs in .data/bench-auth/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
# shellcheck disable=SC1091
source .data/db.env
LOGS=$ROOT/.data/bench-auth
mkdir -p "$LOGS" bin
say() { printf 'bench-auth: %s\n' "$*" >&2; }
die() { printf 'bench-auth: error: %s\n' "$*" >&2; exit 1; }

# Ports of their own (never make run's 4000-4003, 1025, 8025).
ROUTER_ADDR=127.0.0.1:4110
AUTH_ADDR=127.0.0.1:4112
SMTP_ADDR=127.0.0.1:1125
MAILPIT_ADDR=127.0.0.1:8125
for a in $ROUTER_ADDR $AUTH_ADDR $SMTP_ADDR $MAILPIT_ADDR; do
  ! (exec 3<>"/dev/tcp/${a%:*}/${a##*:}") 2>/dev/null || die "$a is in use (another bench-auth?)"
done

# A throwaway database: the throttles keep state in PostgreSQL, so every
# run starts from none.
DB=bench_auth_$$
ADMIN_URL=$DATABASE_URL
base=${DATABASE_URL%%\?*}
BENCH_URL=${base%/*}/$DB${DATABASE_URL#"$base"}
command -v psql >/dev/null || die "psql is missing (make db installs postgresql-client)"
psql -q "$ADMIN_URL" -c "CREATE DATABASE $DB" >/dev/null

pids=()
cleanup() {
  local rc=$?
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$ADMIN_URL" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || say "could not drop database $DB"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_ready() { # name url pid
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null --max-time 1 "$2" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { tail -n 30 "$LOGS/$1.log" >&2; die "$1 exited"; }
    sleep 0.1
  done
  tail -n 30 "$LOGS/$1.log" >&2
  die "$1 not ready at $2"
}

export DATABASE_URL=$BENCH_URL LOG_LEVEL=warn
NEXUS_ROUTER_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
export NEXUS_ROUTER_SECRET
bin/auth migrate >"$LOGS/migrate.log" 2>&1 || { cat "$LOGS/migrate.log" >&2; die "bin/auth migrate failed"; }
bin/auth seed >"$LOGS/seed.log" 2>&1 || { cat "$LOGS/seed.log" >&2; die "bin/auth seed failed"; }

bin/mailpit --smtp "$SMTP_ADDR" --listen "$MAILPIT_ADDR" --disable-version-check >"$LOGS/mailpit.log" 2>&1 &
pids+=($!)
wait_ready mailpit "http://$MAILPIT_ADDR/readyz" "${pids[-1]}"

HTTP_ADDR=$AUTH_ADDR NEXUS_MODE=production PUBLIC_URL=http://$ROUTER_ADDR SMTP_ADDR=$SMTP_ADDR SMTP_TLS=off \
  bin/auth serve >"$LOGS/auth.log" 2>&1 &
auth_pid=$!
pids+=("$auth_pid")
wait_ready auth "http://$AUTH_ADDR/readyz" "$auth_pid"

# The other subgraphs are not started: nothing measured here reaches them.
AUTH_URL=http://$AUTH_ADDR/graphql AUTH_JWKS_URL=http://$AUTH_ADDR/.well-known/jwks.json \
  AUTH_REVOCATIONS_URL=http://$AUTH_ADDR/revocations ROUTER_MODE=production ROUTER_MASK_SUBGRAPH_ERRORS=false \
  bin/router serve --config router/router.yaml --listen "$ROUTER_ADDR" >"$LOGS/router.log" 2>&1 &
router_pid=$!
pids+=("$router_pid")
wait_ready router "http://$ROUTER_ADDR/readyz" "$router_pid"

say "stack up (auth pid $auth_pid, router pid $router_pid; logs in ${LOGS#"$ROOT"/}); measuring"
go build -o bin/benchauth ./router/bench/cmd/benchauth
echo "Machine: $(nproc) CPUs ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%d)"
echo
bin/benchauth -url "http://$ROUTER_ADDR/graphql" -auth-pid "$auth_pid" -router-pid "$router_pid" \
  -clients "${BENCH_CLIENTS:-1,2,4,8}" -duration "${BENCH_DURATION:-10s}" \
  -burst-attempts "${BENCH_BURST_ATTEMPTS:-500}" -burst-clients "${BENCH_BURST_CLIENTS:-50}" \
  -jwt-duration "${BENCH_JWT_DURATION:-5s}" -jwt-pairs "${BENCH_JWT_PAIRS:-3}" -run-id "$$" -database "$BENCH_URL"

if [ "${BENCH_GO:-1}" != 0 ]; then
  # The stack is no longer needed: stop it so the Go benchmarks have the CPUs.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill "${pids[i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
  echo
  echo "### Go benchmarks"
  echo
  echo '```'
  (cd router && go test -run '^$' -bench . -benchmem -count 1 ./internal/auth/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)') || die "router/internal/auth benchmarks failed"
  # argon2id itself, and a whole sign-in at the store level (real PostgreSQL).
  (cd subgraphs/auth && go test -run '^$' -bench 'Hash|Verify|SignIn' -benchmem -count 1 ./password/ ./account/ 2>&1 | grep -E '^(Benchmark|ok|FAIL|---)') || die "subgraphs/auth benchmarks failed"
  echo '```'
fi
