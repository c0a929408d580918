#!/usr/bin/env bash
# `make bench-web` (after make db build web browser): the storefront
# benchmark in web/e2e/bench (Chromium, 4x CPU throttling, cold and warm
# visits of /products: JS transferred, LCP, approximate TTI; the client core
# size). Boots its own stack like the browser tests (a throwaway database
# on DATABASE_URL's server). BENCH_RUNS sets the runs per figure (median).
set -euo pipefail
cd "$(dirname "$0")/../web"
[ -n "${DATABASE_URL:-}" ] || { echo "bench-web: DATABASE_URL is not set: run 'make bench-web'" >&2; exit 1; }
NEXUS_REQUIRE_BROWSER=1 npm run --silent bench
