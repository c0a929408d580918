#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is missing.
# Test tools cannot download browsers here; the tests drive this one.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "browser: chromium is missing; install it with: sudo apt-get install chromium" >&2
  exit 1
fi
echo "browser: installing Debian's chromium (once)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq chromium >/dev/null
command -v chromium >/dev/null 2>&1 || { echo "browser: chromium still missing after install" >&2; exit 1; }
