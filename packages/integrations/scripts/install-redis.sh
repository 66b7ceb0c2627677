#!/usr/bin/env bash
# Installs Debian's redis-server for the BullMQ tests and bench, when it is missing.
# Idempotent and quiet: prints one line when it installs, nothing when all is there.
# Works as root on a fresh Debian; elsewhere it only reports what is missing. The tests start
# their own redis-server on a free loopback port (no persistence) and stop it after.
set -euo pipefail

have_redis() {
  [ -x /usr/bin/redis-server ]
}

if have_redis; then
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-redis: /usr/bin/redis-server is missing; install Debian's redis-server (needs root and apt-get)" >&2
  # Not fatal here: the tests decide (skip outside CI, fail under CI=true).
  exit 0
fi

echo "install-redis: installing redis-server"
export DEBIAN_FRONTEND=noninteractive
# Do not let the package start the system's own Redis on port 6379: the tests start theirs.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  created_policy=1
fi
cleanup() { if [ "$created_policy" = 1 ]; then rm -f "$policy"; fi; }
trap cleanup EXIT

apt_install() {
  apt-get install -y -qq --no-install-recommends redis-server >/dev/null
}
if ! apt_install 2>/dev/null; then
  apt-get update -qq >/dev/null
  apt_install
fi

have_redis || { echo "install-redis: installed, but /usr/bin/redis-server is still missing" >&2; exit 1; }
