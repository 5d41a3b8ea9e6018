#!/usr/bin/env bash
# Installs what the `mpcheck release` end-to-end tests need, when missing: Node.js and npm (Debian's
# packages), openssl, and the official client miniprogram-ci 2.1.42, installed by mpcheck itself
# (`mpcheck release --install-ci`) into its cache folder ($MPCHECK_CACHE_DIR, else
# ~/.cache/mpcheck), where later runs find it. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-release: $* missing and no apt-get here; install it by hand" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends "$@" >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends "$@" >/dev/null; }
}
command -v node >/dev/null 2>&1 || apt_install nodejs
command -v npm >/dev/null 2>&1 || apt_install npm
command -v openssl >/dev/null 2>&1 || apt_install openssl
cache="${MPCHECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mpcheck}"
if [ ! -f "$cache/miniprogram-ci-2.1.42/node_modules/miniprogram-ci/package.json" ]; then
  cargo run --locked --quiet -- release --install-ci
fi
