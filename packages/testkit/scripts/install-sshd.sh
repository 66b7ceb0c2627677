#!/usr/bin/env bash
# Installs OpenSSH's sshd for the SFTP integration tests, when it is missing (and openssl, which
# hashes the test user's password).
# Idempotent and quiet: prints one line when it installs, nothing when all is there.
# Works as root on a fresh Debian; elsewhere it only reports what is missing.
set -euo pipefail

have_sshd() {
  [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1 && [ -x /usr/bin/openssl ]
}

if have_sshd; then
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-sshd: /usr/sbin/sshd is missing; install Debian's openssh-server (needs root and apt-get)" >&2
  # Not fatal here: the tests decide (skip outside CI, fail under CI=true).
  exit 0
fi

echo "install-sshd: installing openssh-server and openssl"
export DEBIAN_FRONTEND=noninteractive
# Do not let the package start the system's own sshd on port 22: the tests start theirs.
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
  apt-get install -y -qq --no-install-recommends openssh-server openssl >/dev/null
}
if ! apt_install 2>/dev/null; then
  apt-get update -qq >/dev/null
  apt_install
fi

have_sshd || { echo "install-sshd: installed, but sshd, ssh-keygen or openssl is still missing" >&2; exit 1; }
