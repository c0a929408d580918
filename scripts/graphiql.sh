#!/usr/bin/env bash
# Builds the router's offline GraphiQL: pinned UMD builds of React,
# GraphiQL and the graphql-ws client (GraphiQL's subscriptions) from npm (web/graphiql/package-lock.json) plus our boot script,
# copied into router/internal/graphiql/bundle, which the router embeds.
# Our files in web/graphiql/src are copied as they are (no build step); the
# router's page loads the ones listed in router/internal/graphiql/graphiql.go.
# Quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=web/graphiql
OUT=router/internal/graphiql/bundle
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "graphiql: installing nodejs and npm (Debian packages)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && apt-get install -y -qq nodejs npm >/dev/null
  else
    echo "graphiql: node and npm are required (install Node 20)" >&2; exit 1
  fi
fi

stamp=$OUT/.built
if [ -f "$stamp" ] && [ -z "$(find "$SRC/package-lock.json" "$SRC/package.json" "$SRC/src" -newer "$stamp" 2>/dev/null)" ]; then
  exit 0
fi
if [ ! -f "$SRC/node_modules/.package-lock.json" ] || [ "$SRC/package-lock.json" -nt "$SRC/node_modules/.package-lock.json" ]; then
  echo "graphiql: installing its npm packages (npm ci, first run only)" >&2
  (cd "$SRC" && npm ci --no-fund --no-audit --loglevel=error >/dev/null)
fi
mkdir -p "$OUT"
cp "$SRC/node_modules/react/umd/react.production.min.js" "$OUT/react.js"
cp "$SRC/node_modules/react-dom/umd/react-dom.production.min.js" "$OUT/react-dom.js"
cp "$SRC/node_modules/graphiql/dist/index.umd.js" "$OUT/graphiql.js"
cp "$SRC/node_modules/graphiql/dist/style.css" "$OUT/graphiql.css"
cp "$SRC/node_modules/graphql-ws/umd/graphql-ws.min.js" "$OUT/graphql-ws.js"
cp "$SRC"/src/*.js "$SRC"/src/*.css "$OUT/"
touch "$stamp"
echo "graphiql: bundle built in $OUT" >&2
