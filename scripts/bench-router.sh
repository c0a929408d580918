#!/usr/bin/env bash
# The federation gateway benchmark (docs/benchmarks.md, "Router: federation
# benchmark"): four in-memory subgraphs, the nested ~88 KB query, 50
# connections; the router with single-flight on and off, Cosmo Router (the
# WunderGraph router on the same graphql-go-tools engine) with its
# defaults, then the ceilings (the same bytes served statically, the
# products subgraph directly).
# Called by `make bench-router` after `make build`. Needs no database.
#
# Tuning (environment): BENCH_DURATION (20s), BENCH_WARMUP (3s),
# BENCH_CONNECTIONS (50), BENCH_ONLY (router,router-no-sf,cosmo,static,subgraph),
# BENCH_PAIRS (6 alternating rounds of our router and Cosmo after the
# table; 0: none), BENCH_PAIR_DURATION (10s per side of a round),
# BENCH_CPUS (pinned: the load generator on the first CPU, the measured
# server on the others, subgraphs anywhere, as graphql-hive/graphql-
# gateways-benchmark pins k6 and the gateway; shared: no pinning),
# BENCH_PROFILE=dir (adds a `perf record` run of the router and prints its
# top 30 functions).
#
# Cosmo is built once into bin/cosmo-router (git-ignored) from the source
# of its release COSMO_TAG (router@0.341.0: the first release on
# graphql-go-tools v2.16.0, the engine version our router builds on),
# taken from COSMO_GIT (default GitHub; a local clone or mirror works too).
# Not from the Go module proxy: Cosmo tags its releases `router@0.x.y`,
# which are not Go versions, so the proxy only knows pseudo-versions, and
# the one router/go.mod names (e8a965a, 2026-06-11) needs
# graphql-go-tools v2.4.4, which the proxy does not serve here, and does
# not compile against v2.16.0. If Cosmo cannot be built, its row says why
# and the rest of the benchmark runs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
COSMO_TAG=${COSMO_TAG:-router@0.341.0}
COSMO_GIT=${COSMO_GIT:-https://github.com/wundergraph/cosmo.git}
WGC_DIR=schema/internal/wgcoracle
mkdir -p bin
go build -o bin/benchrouter ./router/bench/cmd/benchrouter

# cosmo_source extracts Cosmo's router/ directory at COSMO_TAG into $1.
cosmo_source() {
	local dest=$1 clone
	if [[ -d $COSMO_GIT ]]; then
		git -C "$COSMO_GIT" archive "$COSMO_TAG:router" | tar -x -C "$dest"
		return
	fi
	clone=$(mktemp -d)
	# Shallow and sparse: the repository is large, the router is one directory.
	if git clone --quiet --depth 1 --filter=blob:none --sparse --branch "$COSMO_TAG" "$COSMO_GIT" "$clone" &&
		git -C "$clone" sparse-checkout set router; then
		cp -r "$clone/router/." "$dest"
		rm -rf "$clone"
		return
	fi
	rm -rf "$clone"
	return 1
}

# build_cosmo builds bin/cosmo-router unless it is already COSMO_TAG.
# It prints why not when it cannot.
build_cosmo() {
	local version=${COSMO_TAG#router@} src
	if [[ -x bin/cosmo-router ]] && bin/cosmo-router -version 2>/dev/null | grep -q "Version: $version\$"; then
		return
	fi
	echo "building Cosmo Router $COSMO_TAG into bin/cosmo-router (once; takes a few minutes)" >&2
	src=$(mktemp -d)
	trap 'rm -rf "$src"' RETURN
	if ! cosmo_source "$src" >&2; then
		echo "could not fetch $COSMO_TAG from $COSMO_GIT (set COSMO_GIT to a clone of github.com/wundergraph/cosmo)"
		return
	fi
	local log=$src/build.log
	(
		cd "$src"
		export GOWORK=off
		# connect-brotli compresses Cosmo's control-plane calls (never made
		# here); where the module proxy does not serve it, build with the
		# equivalent stand-in in router/bench/cosmo/brotli.
		if ! go mod download go.withmatt.com/connect-brotli >/dev/null 2>&1; then
			go mod edit -replace "go.withmatt.com/connect-brotli=$ROOT/router/bench/cosmo/brotli"
		fi
		# As Cosmo's own release build (router/Makefile): static, trimmed, versioned.
		CGO_ENABLED=0 go build -trimpath \
			-ldflags "-X github.com/wundergraph/cosmo/router/core.Version=$version" \
			-o "$ROOT/bin/cosmo-router.tmp" ./cmd/router
	) >"$log" 2>&1 || {
		echo "go build of $COSMO_TAG failed: $(grep -v '^go: downloading' "$log" | tail -n 3 | tr '\n' ' ')"
		return
	}
	mv bin/cosmo-router.tmp bin/cosmo-router
}

# install_wgc installs Cosmo's CLI, which composes Cosmo's execution config,
# from the lock file the composer tests pin. It prints why not when it cannot.
install_wgc() {
	[[ -x $WGC_DIR/node_modules/.bin/wgc ]] && return
	if ! command -v npm >/dev/null; then
		echo "npm not found (needed for wgc, which composes Cosmo's execution config)"
		return
	fi
	(cd "$WGC_DIR" && npm ci --no-audit --no-fund --ignore-scripts) >&2 || echo "npm ci in $WGC_DIR failed"
}

if [[ -z ${BENCH_ONLY:-} || ,$BENCH_ONLY, == *,cosmo,* ]]; then
	BENCH_COSMO_UNAVAILABLE=$(build_cosmo)
	[[ -n $BENCH_COSMO_UNAVAILABLE ]] || BENCH_COSMO_UNAVAILABLE=$(install_wgc)
	export BENCH_COSMO_UNAVAILABLE
fi
exec bin/benchrouter -router bin/router -cosmo bin/cosmo-router -wgc "$WGC_DIR/node_modules/.bin/wgc" "$@"
