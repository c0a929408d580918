#!/usr/bin/env bash
# PostgreSQL for development and tests, never by accident.
#
#   db.sh start    DATABASE_URL set: check that server answers, fail if not.
#                  Otherwise: create (first time) and start the project-local
#                  cluster in .data/postgres on 127.0.0.1:${NEXUS_PG_PORT:-54329}.
#                  Either way: write .data/db.env (export DATABASE_URL=...)
#                  and print the URL, password redacted.
#   db.sh stop     stop the project-local cluster (idempotent)
#   db.sh destroy  stop it and delete its data (an empty cluster on next start)
#   db.sh status   say what is in use; exit 0 when it answers, 3 when not
#   db.sh url      print the URL start would use (unredacted, for scripts)
#
# Only DATABASE_URL or the cluster this script owns is ever used; a
# PostgreSQL that merely runs on this machine (say on 5432) never is.
# docs/operations.md has the details.
set -euo pipefail

PROG=db.sh
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA=$ROOT/.data
ENV_FILE=$DATA/db.env
PORT=${NEXUS_PG_PORT:-54329}
DB_NAME=nexus
START_TIMEOUT=${NEXUS_PG_START_TIMEOUT:-60}

say() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

case $PORT in '' | *[!0-9]*) die "NEXUS_PG_PORT=$PORT is not a port number" ;; esac
((PORT >= 1024 && PORT <= 65535)) || die "NEXUS_PG_PORT=$PORT: choose a port between 1024 and 65535"

# redact hides the password of a URL (user:secret@ or password=secret).
redact() {
  sed -E -e 's#^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?]*):[^@/?]*@#\1:***@#' \
    -e 's#(^|[?&[:space:]])password=[^&[:space:]]*#\1password=***#g' <<<"$1"
}

local_url() { printf 'postgres://postgres@127.0.0.1:%s/%s?sslmode=disable' "$1" "${2:-$DB_NAME}"; }

as_root() { [ "$(id -u)" -eq 0 ]; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ------------------------------------------------------------------ binaries

apt_install() { # packages...
  as_root || die "$* is not installed, and installing it needs root: sudo apt-get install -y $*"
  command -v apt-get >/dev/null 2>&1 ||
    die "$* is not installed and there is no apt-get; install PostgreSQL (initdb, pg_ctl, psql) and retry"
  say "installing $* with apt-get (once)"
  local log rc=0
  log=$(mktemp)
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } </dev/null >"$log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then
    say "apt-get install $* failed (exit $rc); its last lines:"
    tail -n 15 "$log" >&2
  fi
  rm -f "$log"
  return "$rc"
}

# find_bindir prints the directory holding initdb and pg_ctl: pg_config's
# bindir, else Debian's highest /usr/lib/postgresql/<version>/bin, else PATH.
find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1 && d=$(pg_config --bindir 2>/dev/null) &&
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
    echo "$d"
    return 0
  fi
  while read -r d; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -V -r)
  if d=$(command -v initdb 2>/dev/null); then
    d=$(dirname "$(readlink -f "$d")")
    [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  fi
  return 1
}

ensure_bindir() {
  BIN=$(find_bindir) && return 0
  # Debian's package may also create and start its own 'main' cluster on
  # 5432; we never use it, and a failure to configure it must not stop us
  # when the binaries we need did get installed.
  apt_install postgresql || true
  BIN=$(find_bindir) || die "PostgreSQL server binaries (initdb, pg_ctl) not found, even after apt-get install postgresql"
  say "using PostgreSQL binaries in $BIN"
}

# client_check prints a command that exits 0 when the server of a URL
# answers: pg_isready, else psql; installs postgresql-client when neither exists.
client_check() {
  local d
  if command -v pg_isready >/dev/null 2>&1; then echo pg_isready; return 0; fi
  if d=$(find_bindir) && [ -x "$d/pg_isready" ]; then echo "$d/pg_isready"; return 0; fi
  if command -v psql >/dev/null 2>&1; then echo psql; return 0; fi
  [ "${1:-}" = install ] || return 1
  apt_install postgresql-client || die "could not install postgresql-client (needed to check DATABASE_URL)"
  command -v pg_isready >/dev/null 2>&1 && { echo pg_isready; return 0; }
  command -v psql >/dev/null 2>&1 && { echo psql; return 0; }
  die "neither pg_isready nor psql found after installing postgresql-client"
}

# answers URL TOOL: 0 accepting connections, 1 rejecting (starting or
# stopping), 2 no answer, 3 unusable URL (pg_isready's exit codes).
answers() {
  local rc=0
  case $(basename "$2") in
    pg_isready) "$2" -q -t 3 -d "$1" || rc=$? ;;
    *) PGCONNECT_TIMEOUT=3 "$2" -X -q -A -t -w -c 'select 1' -d "$1" >/dev/null 2>&1 || rc=2 ;;
  esac
  return "$rc"
}

# ------------------------------------------------------------------ the local cluster

# Environment variables that could point libpq or the postmaster elsewhere.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGSERVICE PGSERVICEFILE PGOPTIONS PGDATA 2>/dev/null || true

CLUSTER_USER= # the OS user that runs the cluster when we are root (PostgreSQL refuses root)

# as_cluster runs a command as the cluster user, from /, without the lock's
# descriptor (a postmaster inheriting it would hold the lock forever).
as_cluster() {
  if [ -n "$CLUSTER_USER" ]; then (cd / && runuser -u "$CLUSTER_USER" -- "$@" 9>&-); else "$@" 9>&-; fi
}

fallback_dir() { echo "/var/tmp/nexus-pg-$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"; }

# locate sets PGDATA and PGLOG: .data/postgres, or, when we are root and the
# cluster user cannot reach the repository, a directory under /var/tmp.
# With "create" it also decides the cluster user for a new cluster.
locate() {
  PGDATA=$DATA/postgres
  PGLOG=$DATA/postgres.log
  LOCATION_NOTE=
  local fb
  fb=$(fallback_dir)
  if [ ! -e "$PGDATA/PG_VERSION" ] && [ -e "$fb/postgres/PG_VERSION" ]; then
    PGDATA=$fb/postgres
    PGLOG=$fb/postgres.log
  fi
  if [ -e "$PGDATA" ]; then
    if as_root; then
      CLUSTER_USER=$(stat -c %U "$PGDATA")
      [ "$CLUSTER_USER" != root ] || die "$PGDATA belongs to root, but PostgreSQL cannot run as root; remove it (make db-stop && rm -rf $PGDATA)"
    elif [ ! -O "$PGDATA" ]; then
      die "$PGDATA belongs to $(stat -c %U "$PGDATA"); run this as that user or as root"
    fi
    return 0
  fi
  [ "${1:-}" = create ] || return 0
  as_root || return 0
  if id -u postgres >/dev/null 2>&1; then
    CLUSTER_USER=postgres
  else
    if ! id -u nexuspg >/dev/null 2>&1; then
      say "creating the system user nexuspg to run PostgreSQL (it refuses to run as root)"
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin nexuspg
    fi
    CLUSTER_USER=nexuspg
  fi
  mkdir -p "$DATA"
  chmod 755 "$DATA"
  if ! as_cluster test -x "$DATA"; then
    local d=$DATA blocker=$DATA
    while [ "$d" != / ]; do
      d=$(dirname "$d")
      as_cluster test -x "$d" || blocker=$d
    done
    PGDATA=$fb/postgres
    PGLOG=$fb/postgres.log
    LOCATION_NOTE="user $CLUSTER_USER cannot enter $blocker, so the cluster lives in $PGDATA instead of $DATA/postgres"
  fi
}

# running_pid prints the postmaster's pid when this cluster runs. A
# postmaster.pid whose process is gone, or is not a postmaster in this data
# directory (a pid reused after a crash), does not count.
running_pid() {
  local f=$PGDATA/postmaster.pid pid cwd
  [ -r "$f" ] || return 1
  pid=$(head -n 1 "$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  if [ -d /proc/self ]; then
    cwd=$(readlink "/proc/$pid/cwd" 2>/dev/null) || return 1
    [ "$cwd" = "$(cd "$PGDATA" && pwd -P)" ] || return 1
  fi
  echo "$pid"
}

running_port() { sed -n 4p "$PGDATA/postmaster.pid"; }

# free_port prints the first port from $1 on that nothing listens on.
free_port() {
  local p=$1
  while port_open "$p" && [ "$p" -lt 65535 ]; do p=$((p + 1)); done
  echo "$p"
}

init_cluster() {
  local locale=C
  locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$' && locale=C.UTF-8
  say "creating the project-local cluster in $PGDATA"
  mkdir -p "$PGDATA"
  [ "$(dirname "$PGDATA")" = "$DATA" ] || chmod 755 "$(dirname "$PGDATA")"
  [ -z "$CLUSTER_USER" ] || chown "$CLUSTER_USER:" "$PGDATA"
  chmod 700 "$PGDATA"
  local log
  log=$(mktemp)
  if ! as_cluster "$BIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --locale="$locale" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    rm -rf "$PGDATA"
    die "initdb failed (output above)"
  fi
  rm -f "$log"
  as_cluster tee -a "$PGDATA/postgresql.conf" >/dev/null <<'CONF'

# ---- Nexus development cluster (scripts/db.sh) ----
max_connections = 200
shared_buffers = 128MB
# A crash may lose the last commits but never corrupts data (fsync stays on).
synchronous_commit = off
CONF
}

# write_runtime_conf writes the settings that depend on where and how the
# cluster runs (port, address, socket), re-read on every start so a moved
# clone or a new NEXUS_PG_PORT just works.
write_runtime_conf() {
  local conf=$PGDATA/postgresql.conf sockdir=$PGDATA quoted
  grep -q "^include_if_exists = 'nexus.conf'" "$conf" ||
    printf "\n# port, address and socket: written by scripts/db.sh on every start\ninclude_if_exists = 'nexus.conf'\n" |
    as_cluster tee -a "$conf" >/dev/null
  local sock="$sockdir/.s.PGSQL.$PORT"
  if [ ${#sock} -gt 100 ]; then
    say "note: $PGDATA is too deep for a unix socket path; the cluster listens on TCP only"
    sockdir=
  fi
  quoted=${sockdir//"'"/"''"}
  as_cluster tee "$PGDATA/nexus.conf" >/dev/null <<CONF
# Written by scripts/db.sh on every start; change the script, not this file.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$quoted'
CONF
}

start_local() {
  ensure_bindir
  locate create
  [ -z "$LOCATION_NOTE" ] || say "note: $LOCATION_NOTE"
  mkdir -p "$DATA"
  [ -s "$PGDATA/PG_VERSION" ] || init_cluster
  local pid port=$PORT
  if pid=$(running_pid); then
    port=$(running_port)
    [ "$port" = "$PORT" ] || say "note: the cluster already runs on port $port (NEXUS_PG_PORT asks for $PORT); keeping $port — make db-stop first to move it"
  else
    if [ -e "$PGDATA/postmaster.pid" ]; then
      say "removing a stale postmaster.pid (left by a crash; its process is gone or is not this cluster)"
      rm -f "$PGDATA/postmaster.pid"
    fi
    if port_open "$PORT"; then
      local what="another process" suggest
      suggest=$(free_port $((PORT + 10)))
      if "$BIN/pg_isready" -q -t 2 -h 127.0.0.1 -p "$PORT" || [ $? -eq 1 ]; then
        what="another PostgreSQL (another clone's cluster, or a system server)"
      fi
      die "127.0.0.1:$PORT is taken by $what; give this checkout its own port, e.g. NEXUS_PG_PORT=$suggest make db"
    fi
    write_runtime_conf
    touch "$PGLOG"
    [ -z "$CLUSTER_USER" ] || chown "$CLUSTER_USER:" "$PGLOG"
    local out
    out=$(mktemp)
    if ! as_cluster "$BIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -w -t "$START_TIMEOUT" start >"$out" 2>&1; then
      cat "$out" >&2
      rm -f "$out"
      say "last lines of $PGLOG:"
      tail -n 30 "$PGLOG" >&2
      die "PostgreSQL did not start within ${START_TIMEOUT}s (log: $PGLOG)"
    fi
    rm -f "$out"
    say "started the project-local cluster ($PGDATA, log $PGLOG)"
  fi
  local admin
  admin=$(local_url "$port" postgres)
  if ! "$BIN/pg_isready" -q -t 10 -d "$admin"; then
    tail -n 30 "$PGLOG" >&2
    die "the project-local cluster does not answer on 127.0.0.1:$port (log: $PGLOG)"
  fi
  local psql=("$BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -d "$admin")
  if [ "$("${psql[@]}" -c "select 1 from pg_database where datname = '$DB_NAME'")" != 1 ]; then
    "${psql[@]}" -c "create database $DB_NAME" >/dev/null
    say "created database $DB_NAME"
  fi
  write_env "$(local_url "$port")"
}

stop_local() {
  locate
  if [ ! -e "$PGDATA/PG_VERSION" ]; then
    say "no project-local cluster (nothing to stop)"
    return 0
  fi
  if ! running_pid >/dev/null; then
    say "the project-local cluster is not running"
    return 0
  fi
  BIN=$(find_bindir) || die "PostgreSQL binaries not found; cannot stop the cluster in $PGDATA"
  if ! as_cluster "$BIN/pg_ctl" -D "$PGDATA" -m fast -w -t "$START_TIMEOUT" stop >/dev/null; then
    tail -n 20 "$PGLOG" >&2
    die "pg_ctl stop failed (log: $PGLOG)"
  fi
  say "stopped the project-local cluster"
}

destroy_local() {
  stop_local
  locate
  if [ ! -e "$PGDATA" ]; then
    say "no project-local cluster data to remove"
    return 0
  fi
  [ -e "$PGDATA/PG_VERSION" ] || [ -z "$(ls -A "$PGDATA")" ] ||
    die "$PGDATA does not look like a PostgreSQL data directory; not removing it"
  if [ "$PGDATA" = "$(fallback_dir)/postgres" ]; then rm -rf "$(fallback_dir)"; else rm -rf "$PGDATA"; fi
  say "removed the project-local cluster's data ($PGDATA)"
}

# ------------------------------------------------------------------ commands

write_env() { # url
  local quoted=${1//"'"/"'\\''"}
  mkdir -p "$DATA"
  (umask 077 && printf "export DATABASE_URL='%s'\n" "$quoted" >"$ENV_FILE.tmp")
  mv -f "$ENV_FILE.tmp" "$ENV_FILE"
  say "PostgreSQL ready; DATABASE_URL written to ${ENV_FILE#"$ROOT"/}"
  redact "$1"
}

start_external() {
  local tool rc=0 shown
  shown=$(redact "$DATABASE_URL")
  tool=$(client_check install)
  answers "$DATABASE_URL" "$tool" || rc=$?
  case $rc in
    0) ;;
    1) die "DATABASE_URL=$shown answers but rejects connections (starting up or shutting down?); retry shortly" ;;
    3) die "DATABASE_URL=$shown is not a usable PostgreSQL URL" ;;
    *) die "DATABASE_URL=$shown does not answer; start that server, or unset DATABASE_URL to use the project-local cluster" ;;
  esac
  say "DATABASE_URL is set: using it (checked only that the server answers; the database and credentials are checked when the services connect)"
  write_env "$DATABASE_URL"
}

status() {
  local rc=3 pid tool
  if [ -n "${DATABASE_URL:-}" ]; then
    if tool=$(client_check); then
      if answers "$DATABASE_URL" "$tool"; then rc=0; fi
      echo "DATABASE_URL $(redact "$DATABASE_URL"): $([ $rc -eq 0 ] && echo answers || echo 'does not answer')"
    else
      echo "DATABASE_URL $(redact "$DATABASE_URL"): cannot check (no pg_isready or psql)"
    fi
  fi
  locate
  if [ ! -e "$PGDATA/PG_VERSION" ]; then
    echo "project-local cluster: not created (make db creates it in $PGDATA)"
  elif pid=$(running_pid); then
    echo "project-local cluster: running, pid $pid, $(local_url "$(running_port)"), data $PGDATA, log $PGLOG"
    [ -n "${DATABASE_URL:-}" ] || rc=0
  else
    echo "project-local cluster: stopped (data $PGDATA)"
  fi
  return "$rc"
}

url() {
  if [ -n "${DATABASE_URL:-}" ]; then echo "$DATABASE_URL"; return 0; fi
  locate
  if [ -e "$PGDATA/PG_VERSION" ] && running_pid >/dev/null; then local_url "$(running_port)"; else local_url "$PORT"; fi
  echo
}

# One start or stop at a time per checkout (make -j, two terminals).
lock() {
  mkdir -p "$DATA"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>>"$DATA/.db.lock"
  flock -w 120 9 || die "another db.sh start/stop in this checkout has held $DATA/.db.lock for 2 minutes"
}

case ${1:-} in
  start)
    lock
    if [ -n "${DATABASE_URL:-}" ]; then start_external; else start_local; fi
    ;;
  stop) lock && stop_local ;;
  destroy) lock && destroy_local ;;
  status) status ;;
  url) url ;;
  *) die "usage: db.sh start|stop|status|url|destroy" ;;
esac
