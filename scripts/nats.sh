#!/usr/bin/env bash
# Installs Debian's nats-server for the event bus tests when it is missing.
# The tests start their own server (random port, JetStream, temp store);
# they only need the binary.
set -euo pipefail
if command -v nats-server >/dev/null 2>&1 || [ -x /usr/sbin/nats-server ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "nats: nats-server is missing; install it with: sudo apt-get install nats-server" >&2
  exit 1
fi
echo "nats: installing Debian's nats-server (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq nats-server >/dev/null
[ -x /usr/sbin/nats-server ] || command -v nats-server >/dev/null 2>&1 || { echo "nats: nats-server still missing after install" >&2; exit 1; }
