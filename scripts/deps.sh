#!/usr/bin/env bash
# `make deps` (make build runs it first): downloads the Go modules of the
# given module directories with a progress line instead of silence, since
# a first build on a fresh machine downloads a few hundred modules
# (README, "First run"). It loads every package (tests included) with `go
# list -deps -test`, which downloads exactly the modules the build and the
# tests need (`go mod download` would fetch every module in the graph, some
# of them unreachable). Progress counts the module zips in the module cache
# against the modules listed in the go.sum files (an upper bound: some are
# needed only for their go.mod). Quick when the go.sum files are unchanged
# since the last success (stamp in .data/).
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
[ $# -gt 0 ] || set -- migrations schema subgraphs/kit subgraphs/product router
cache=$($GO env GOMODCACHE)/cache/download

# want: module@version pairs with a zip (go.sum lines without /go.mod), as
# cache paths: uppercase letters are escaped as !lower.
want=$(for m in "$@"; do [ -f "$m/go.sum" ] && cat "$m/go.sum"; done; [ -f go.work.sum ] && cat go.work.sum) || true
want=$(awk '$2 !~ /\/go.mod$/ {print $1 "/@v/" $2 ".zip"}' <<<"$want" | sort -u | sed -E 's/([A-Z])/!\L\1/g')
total=$(grep -c . <<<"$want" || true)
have() { local n=0 f; while IFS= read -r f; do [ -f "$cache/$f" ] && n=$((n + 1)); done <<<"$want"; echo "$n"; }
stamp=.data/deps.stamp
sum=$( { cat "${@/%//go.sum}" go.work.sum 2>/dev/null; $GO env GOMODCACHE; } | sha256sum | cut -c1-16)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
  exit 0
fi
n=$(have)

say() { printf 'deps: %s%s\n' "${STEP:-}" "$*" >&2; }
say "downloading Go modules ($n of up to $total in the module cache; a first run fetches ~90 MB)"
start=$SECONDS
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# go's own "go: downloading" lines go to the log (shown if it fails).
(for m in "$@"; do (cd "$m" && $GO list -e -deps -test ./... >/dev/null) || exit 1; done) 2>"$log" &
pid=$!
tty=; [ -t 2 ] && tty=1
last=-1
while kill -0 "$pid" 2>/dev/null; do
  sleep 2
  n=$(have)
  if [ -n "$tty" ]; then
    printf '\rdeps: %sdownloading Go modules (%d of up to %d) %ds ' "${STEP:-}" "$n" "$total" $((SECONDS - start)) >&2
  elif [ $(((SECONDS - start) % 6)) -lt 2 ] && [ "$n" != "$last" ]; then
    say "downloading Go modules ($n of up to $total) $((SECONDS - start))s"
    last=$n
  fi
done
[ -n "$tty" ] && printf '\n' >&2
wait "$pid" || { tail -n 30 "$log" >&2; say "downloading Go modules failed"; exit 1; }
if grep -v '^go: downloading' "$log" | grep -q .; then grep -v '^go: downloading' "$log" | tail -n 30 >&2; fi
mkdir -p .data && echo "$sum" >"$stamp"
size=$(du -sh "$cache" 2>/dev/null | cut -f1)
say "Go modules ready: $(have) modules in $((SECONDS - start))s (module cache download dir: $size)"
