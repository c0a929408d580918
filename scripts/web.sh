#!/usr/bin/env bash
# `make web`: builds the storefront into web/dist, the tree the router
# serves (router.yaml web.dir):
#   web/dist/                 the shell (Module Federation host)
#   web/dist/mfe/<name>/      each remote (remoteEntry.js): product, auth, ...
#   web/dist/mfe/manifest.json {"product": "/mfe/product/remoteEntry.js", "auth": ...}
# The remotes are discovered, not listed: every web/<dir>/package.json with
# `"nexus": {"remote": "<name>"}` and a build script is built and copied to
# mfe/<name>/ (a new microfrontend needs no edit here).
# plus a gzip -9 sibling (.gz) of every .js/.css/.html/.json/.svg, which the
# router sends to clients that accept gzip. npm packages come from
# web/package-lock.json (npm ci, only when node_modules is missing or older
# than the lockfile). Quick (a no-op) when nothing under web/ changed since
# the last build. A workspace that does not exist yet is skipped with a
# message.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WEB=web
OUT=$WEB/dist
STAMP=$OUT/.built
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

say() { printf 'web: %s\n' "$*" >&2; }
die() { printf 'web: error: %s\n' "$*" >&2; exit 1; }

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing nodejs and npm (Debian packages)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt-get install -y -qq nodejs npm >/dev/null
  else
    die "node and npm are required (install Node 20.19 or later)"
  fi
fi

# Sources: everything under web/ but build output, packages, the browser
# tests and GraphiQL (scripts/graphiql.sh builds that one).
changed() {
  find "$WEB" \( -name node_modules -o -name dist -o -name artifacts -o -path "$WEB/e2e" -o -path "$WEB/graphiql" \) -prune \
    -o -type f -newer "$STAMP" -print -quit 2>/dev/null
}
install_only=; [ "${1:-}" = --install ] && install_only=1
if [ -z "$install_only" ] && [ -f "$STAMP" ] && [ -z "$(changed)" ] && [ -z "${WEB_FORCE:-}" ]; then
  exit 0
fi

if [ ! -f "$WEB/node_modules/.package-lock.json" ] || [ "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]; then
  say "installing npm packages (npm ci: about 435 packages, 234 MB in node_modules)"
  start=$SECONDS
  (cd "$WEB" && npm ci --no-fund --no-audit --loglevel=error) | sed 's/^/web: npm: /' >&2
  say "npm packages installed in $((SECONDS - start))s"
fi
[ -z "$install_only" ] || exit 0

# has_build WS: the workspace exists and has a build script.
has_build() { [ -d "$WEB/$1/src" ] && [ -f "$WEB/$1/package.json" ] && node -e "process.exit(require('./$WEB/$1/package.json').scripts?.build ? 0 : 1)"; }

# The remotes: "<dir> <name>" per web/<dir>/package.json with nexus.remote,
# in directory order (product before the others keeps the old build order).
remotes=$(cd "$WEB" && node -e '
const fs = require("fs");
const dirs = fs.readdirSync(".").filter((d) => fs.existsSync(d + "/package.json")).sort((a, b) => (a === "product" ? -1 : b === "product" ? 1 : a.localeCompare(b)));
for (const d of dirs) {
  const r = JSON.parse(fs.readFileSync(d + "/package.json", "utf8")).nexus?.remote;
  if (typeof r === "string" && /^[a-z][a-z0-9-]*$/.test(r)) console.log(d + " " + r);
}')
total=$(( $(printf '%s\n' "$remotes" | grep -c . || true) + 3 ))

step=0
build() {
  local ws=$1 start=$SECONDS
  step=$((step + 1))
  if ! has_build "$ws"; then
    say "[$step/$total] $ws: no build yet (web/$ws has no build script); skipped"
    return 1
  fi
  say "[$step/$total] building $ws"
  local log
  log=$(mktemp)
  if ! (cd "$WEB" && npm run --silent build -w "./$ws") >"$log" 2>&1; then
    sed "s/^/web: $ws: /" "$log" >&2
    rm -f "$log"
    die "building $ws failed"
  fi
  if [ "$ws" = client ]; then
    sed "s/^/web: /" "$log" >&2 # its size check: the core's min+gzip size against the budget
  else
    grep -iE 'warn|error' "$log" | sed "s/^/web: $ws: /" >&2 || true
  fi
  rm -f "$log"
  say "$ws built in $((SECONDS - start))s"
}

# The client's build is its size check (web/client/scripts/size.mjs): it
# fails when the core is over budget.
build client || true
built=() # "<dir> <name>" of every remote that built
while read -r dir name; do
  [ -n "$dir" ] || continue
  build "$dir" && built+=("$dir $name") || true
done <<<"$remotes"
have_shell=
build shell && have_shell=1 || true

step=$((step + 1))
say "[$step/$total] assembling $OUT"
tmp=$(mktemp -d "$WEB/.dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
if [ -n "$have_shell" ]; then
  cp -a "$WEB/shell/dist/." "$tmp/"
else
  say "no shell build: $OUT gets a placeholder index.html"
  printf '<!doctype html><meta charset="utf-8"><title>Nexus</title><p>The storefront shell is not built yet.</p>\n' >"$tmp/index.html"
fi
mkdir -p "$tmp/mfe"
manifest=
for r in "${built[@]}"; do
  read -r dir name <<<"$r"
  rm -rf "${tmp:?}/mfe/$name"
  cp -a "$WEB/$dir/dist" "$tmp/mfe/$name"
  manifest+="${manifest:+, }\"$name\": \"/mfe/$name/remoteEntry.js\""
done
printf '{%s}\n' "$manifest" >"$tmp/mfe/manifest.json"
find "$tmp" -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.json' -o -name '*.svg' \) -exec gzip -9 -k -f {} +
chmod 755 "$tmp"
# Swap in the new tree (the router opens web.dir per request, so a running
# router serves the new build at once).
rm -rf "$OUT.old"
[ -d "$OUT" ] && mv "$OUT" "$OUT.old"
mv "$tmp" "$OUT"
rm -rf "$OUT.old"
trap - EXIT
touch "$STAMP"
js=$(find "$OUT" -name '*.js.gz' -not -path '*/mfe/*' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1024}')
pjs=$(find "$OUT/mfe" -name '*.js.gz' -printf '%s\n' | awk '{s+=$1} END {printf "%.1f", s/1024}')
say "storefront built in $OUT (gzip JS: shell ${js} KB, remotes ${pjs} KB; $SECONDS s)"
