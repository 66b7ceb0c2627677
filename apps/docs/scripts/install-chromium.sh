#!/usr/bin/env bash
# Debian's Chromium for the reference site's browser tests (Playwright's own browser download
# does not work here). Run by scripts/test-all.sh; does nothing when Chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "install-chromium.sh: /usr/bin/chromium is missing; run as root, or: sudo apt-get install chromium" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
