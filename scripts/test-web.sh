#!/usr/bin/env bash
# `make test-web` (make test runs it after the Go modules; make web and
# make build first): the web's typecheck, unit tests (client, ui, shell and
# every remote: the workspaces whose package.json has nexus.remote, as
# scripts/web.sh finds them), each remote's codegen freshness check, and the
# browser tests in web/e2e against a real stack (PostgreSQL from
# DATABASE_URL, the product, auth and customer subgraphs, Mailpit and the
# router serving web/dist; Chromium required when NEXUS_REQUIRE_BROWSER=1).
# Each step prints its time.
set -euo pipefail
cd "$(dirname "$0")/../web"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false CI=${CI:-true}

say() { printf 'test-web: %s\n' "$*" >&2; }
step() { # name command...
  local name=$1 start=$SECONDS
  shift
  say "$name"
  "$@" || { say "$name failed"; exit 1; }
  say "$name: ok ($((SECONDS - start))s)"
}

[ -n "${DATABASE_URL:-}" ] || { say "DATABASE_URL is not set: run 'make test-web' (it starts PostgreSQL)"; exit 1; }
step "typecheck (every workspace)" npm run --silent typecheck
# "<dir>" of every remote workspace (package.json nexus.remote)
remotes=$(node -e '
const fs = require("fs");
for (const d of fs.readdirSync(".").sort()) {
  try { if (JSON.parse(fs.readFileSync(d + "/package.json", "utf8")).nexus?.remote) console.log(d); } catch {}
}')
units=(client ui shell $remotes)
step "unit tests (${units[*]})" npm run --silent test --if-present $(printf -- '-w ./%s ' "${units[@]}")
for dir in $remotes; do
  if node -e "process.exit(require('./$dir/package.json').scripts?.['codegen:check'] ? 0 : 1)"; then
    step "$dir codegen is fresh" npm run --silent codegen:check -w "./$dir"
  fi
done
step "browser tests (web/e2e)" npm run --silent e2e
