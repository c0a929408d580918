#!/usr/bin/env bash
# Builds bin/mailpit, the development mailbox (SMTP + web UI + HTTP API),
# from the Go module github.com/axllent/mailpit pinned in
# scripts/mailpit/go.mod (outside the project's go.work). A quick no-op
# when bin/mailpit is newer than the pin.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/bin/mailpit"
pin="$root/scripts/mailpit"
if [ -x "$bin" ] && [ "$bin" -nt "$pin/go.mod" ] && [ "$bin" -nt "$pin/go.sum" ]; then
  exit 0
fi
mkdir -p "$root/bin"
echo "mailpit: building bin/mailpit (github.com/axllent/mailpit, see scripts/mailpit/go.mod)" >&2
cd "$pin"
GOWORK=off GOFLAGS=-buildvcs=false go build -o "$bin" github.com/axllent/mailpit
