#!/usr/bin/env bash
# PostgreSQL for development and tests, without surprises.
#   db.sh start   use $DATABASE_URL if set (fail clearly if it does not answer),
#                 else start a project-local cluster under .data/postgres on
#                 127.0.0.1:${NEXUS_PG_PORT:-54329}; writes .data/db.env
#   db.sh stop    stop the project-local cluster (idempotent)
#   db.sh status  say what runs
#   db.sh url     print the URL in use
# Never uses whatever PostgreSQL happens to run on the machine's port 5432.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DATA=$ROOT/.data
PGDATA=$DATA/postgres
PORT=${NEXUS_PG_PORT:-54329}
ENVFILE=$DATA/db.env
LOCAL_URL="postgres://postgres@127.0.0.1:$PORT/nexus?sslmode=disable"

say() { echo "db: $*" >&2; }
die() { say "$*"; exit 1; }
redact() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#' <<<"$1"; }

as_root() { [ "$(id -u)" -eq 0 ]; }

apt_install() {
  as_root || die "$* is missing and I am not root to install it: apt-get install $*"
  say "installing $* (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  # Debian's postgresql package may create and start its own 5432 cluster; we never use it.
  apt-get install -y -qq "$@" >/dev/null
}

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(readlink -f "$(command -v initdb)")"; return; }
  return 1
}

# PostgreSQL refuses to run as root: run its tools as an unprivileged user.
PGUSER_OS=
run_pg() {
  if [ -n "$PGUSER_OS" ]; then runuser -u "$PGUSER_OS" -- "$@"; else "$@"; fi
}

setup_user() {
  as_root || return 0
  if id postgres >/dev/null 2>&1; then PGUSER_OS=postgres
  else
    id nexuspg >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin nexuspg
    PGUSER_OS=nexuspg
  fi
  # The cluster user must be able to reach the data directory.
  local d=$DATA
  while [ "$d" != / ]; do
    if ! runuser -u "$PGUSER_OS" -- test -x "$d" 2>/dev/null; then
      die "user $PGUSER_OS cannot enter $d (needed for $PGDATA); chmod o+x $d or set DATABASE_URL"
    fi
    d=$(dirname "$d")
  done
}

answers() { # url
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -d "$1" -t 3
  else
    psql "$1" -qAtc 'select 1' >/dev/null 2>&1
  fi
}

write_env() {
  mkdir -p "$DATA"
  printf 'export DATABASE_URL=%q\n' "$1" >"$ENVFILE"
}

start_external() {
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
  if ! answers "$DATABASE_URL"; then
    die "DATABASE_URL=$(redact "$DATABASE_URL") does not answer; start that server or unset DATABASE_URL to use a project-local cluster"
  fi
  write_env "$DATABASE_URL"
  say "using DATABASE_URL=$(redact "$DATABASE_URL")"
}

start_local() {
  BIN=$(find_bindir) || { apt_install postgresql; BIN=$(find_bindir) || die "PostgreSQL binaries not found after installing"; }
  command -v psql >/dev/null 2>&1 || apt_install postgresql-client
  mkdir -p "$DATA" && chmod 755 "$DATA"
  setup_user
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    say "creating a project-local cluster in $PGDATA"
    mkdir -p "$PGDATA"
    [ -n "$PGUSER_OS" ] && chown "$PGUSER_OS" "$PGDATA"
    chmod 700 "$PGDATA"
    run_pg "$BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DATA/initdb.log" 2>&1 \
      || { cat "$DATA/initdb.log" >&2; die "initdb failed"; }
    cat >>"$PGDATA/postgresql.conf" <<CONF
# Nexus development cluster (scripts/db.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGDATA'
max_connections = 200
shared_buffers = 128MB
synchronous_commit = off
CONF
  fi
  if run_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    : # already running
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      die "port $PORT is taken by another process (another clone's cluster?); set NEXUS_PG_PORT to a free port"
    fi
    : >"$DATA/postgres.log"
    [ -n "$PGUSER_OS" ] && chown "$PGUSER_OS" "$DATA/postgres.log"
    if ! run_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$DATA/postgres.log" -o "-p $PORT" -w -t 60 start >/dev/null; then
      tail -n 30 "$DATA/postgres.log" >&2
      die "PostgreSQL did not start (log: $DATA/postgres.log)"
    fi
  fi
  local admin="postgres://postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
  for _ in $(seq 1 100); do answers "$admin" && break; sleep 0.1; done
  answers "$admin" || die "the local cluster on port $PORT does not answer (log: $DATA/postgres.log)"
  if [ "$(psql "$admin" -qAtc "select 1 from pg_database where datname = 'nexus'")" != 1 ]; then
    psql "$admin" -qc 'CREATE DATABASE nexus' >/dev/null
  fi
  write_env "$LOCAL_URL"
  say "PostgreSQL ready: $LOCAL_URL"
}

stop_local() {
  [ -s "$PGDATA/PG_VERSION" ] || { say "no local cluster"; return 0; }
  BIN=$(find_bindir) || die "PostgreSQL binaries not found"
  setup_user
  if run_pg "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
    run_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null
    say "stopped the local cluster"
  else
    say "local cluster not running"
  fi
}

case "${1:-start}" in
  start) if [ -n "${DATABASE_URL:-}" ]; then start_external; else start_local; fi ;;
  stop) stop_local ;;
  status)
    if [ -n "${DATABASE_URL:-}" ]; then say "DATABASE_URL=$(redact "$DATABASE_URL")"
    elif BIN=$(find_bindir) && [ -s "$PGDATA/PG_VERSION" ]; then setup_user; run_pg "$BIN/pg_ctl" -D "$PGDATA" status || true
    else say "no local cluster"; fi ;;
  url) if [ -n "${DATABASE_URL:-}" ]; then echo "$DATABASE_URL"; else echo "$LOCAL_URL"; fi ;;
  *) die "usage: db.sh start|stop|status|url" ;;
esac
