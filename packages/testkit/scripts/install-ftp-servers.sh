#!/usr/bin/env bash
# Unpacks Debian's vsftpd, proftpd-core (with proftpd-mod-crypto: its mod_sftp and mod_tls),
# pure-ftpd and python3-pyftpdlib (run by Debian's python3) for the integration tests, when they are missing. The servers conflict as installed
# packages (each provides ftp-server), so none is installed: each is downloaded with `apt-get download` and unpacked with `dpkg -x` into a cache
# folder; only their shared libraries are installed with apt. Nothing is started and no init
# script runs. Idempotent and quiet: one line when it installs, nothing when all is there.
# Works as root on a fresh Debian; elsewhere it only reports what is missing (the tests decide:
# skip outside CI, fail under CI=true).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../../.." && pwd)
# Keep in step with serverCacheDir() in src/ftp-servers.ts.
cache=${TRANSFER_ERRORS_FTP_CACHE:-$repo/.cache/ftp-servers}
packages=(vsftpd proftpd-core proftpd-mod-crypto pure-ftpd python3-pyftpdlib)
binaries=(usr/sbin/vsftpd usr/sbin/proftpd usr/sbin/pure-ftpd usr/bin/pure-pw usr/lib/proftpd/mod_sftp.so
  usr/lib/python3/dist-packages/pyftpdlib/__init__.py)

# pyftpdlib 1.5 runs on Debian's python3 with its full standard library (asynchat, asyncore).
has_python() {
  /usr/bin/python3 -W ignore -c 'import asynchat, asyncore' >/dev/null 2>&1
}

missing_libs() {
  local bin
  for bin in "${binaries[@]}"; do
    ldd "$cache/$bin" 2>/dev/null | grep -q 'not found' && return 0
  done
  return 1
}

ready() {
  local bin
  for bin in "${binaries[@]}"; do
    [ -e "$cache/$bin" ] || return 1
  done
  command -v openssl >/dev/null 2>&1 && command -v useradd >/dev/null 2>&1 &&
    command -v setpriv >/dev/null 2>&1 && has_python && ! missing_libs
}

if ready; then
  exit 0
fi

if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-ftp-servers: vsftpd/proftpd/pure-ftpd/pyftpdlib are not unpacked in $cache; run this script as root on Debian (needs apt-get)" >&2
  exit 0
fi

echo "install-ftp-servers: unpacking ${packages[*]} into $cache"
export DEBIAN_FRONTEND=noninteractive
updated=0
apt_update_once() {
  if [ "$updated" = 0 ]; then
    apt-get update -qq >/dev/null
    updated=1
  fi
}

debs="$cache/debs"
mkdir -p "$debs"
download() {
  # As root apt would hand the download to the _apt user, who cannot write into the cache.
  (cd "$debs" && apt-get download -qq -o APT::Sandbox::User=root "${packages[@]}" >/dev/null 2>&1)
}
have_debs() {
  local package
  for package in "${packages[@]}"; do
    ls "$debs/${package}"_*.deb >/dev/null 2>&1 || return 1
  done
}
if ! have_debs; then
  download || { apt_update_once; download; }
fi

# The libraries each package links against: the first alternative of every lib* dependency.
libs=()
for package in "${packages[@]}"; do
  deb=$(ls "$debs/${package}"_*.deb | tail -n 1)
  dpkg -x "$deb" "$cache"
  while IFS= read -r dep; do
    libs+=("$dep")
  done < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/|.*//' -e 's/(.*)//' -e 's/[[:space:]]//g' | grep '^lib' || true)
done
tools=()
command -v openssl >/dev/null 2>&1 || tools+=(openssl)
command -v useradd >/dev/null 2>&1 || tools+=(passwd)
command -v setpriv >/dev/null 2>&1 || tools+=(util-linux)
has_python || tools+=(python3)

apt_install() {
  apt-get install -y -qq --no-install-recommends "${libs[@]}" "${tools[@]}" >/dev/null 2>&1
}
apt_install || { apt_update_once; apt_install; }

if ! ready; then
  echo "install-ftp-servers: unpacked, but a server still cannot run (missing libraries?)" >&2
  exit 1
fi
