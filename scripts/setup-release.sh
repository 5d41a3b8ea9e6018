#!/usr/bin/env bash
# Installs what the `mpcheck release` end-to-end tests (the --ignored run of tests/release.rs)
# need, when missing: Node.js and npm (Debian's packages), openssl, and the official client
# miniprogram-ci 2.1.42, installed by mpcheck itself (`mpcheck release --install-ci`) into its
# cache folder ($MPCHECK_CACHE_DIR, else ~/.cache/mpcheck), where later runs find it. Safe to
# run again.
#
# Without apt-get (macOS) a missing tool is not installed: it says what to install on stderr
# (macOS: brew install node openssl) and exits 3; a failed install exits 1. scripts/test.sh then
# reports the release tests as not run.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=""
for tool in node npm openssl; do
  command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    {
      echo "setup-release:$missing missing, and no apt-get here to install it."
      if [ "$(uname -s)" = Darwin ]; then
        echo "  macOS: brew install node openssl"
      else
        echo "  Install Node.js (with npm) and openssl with your package manager."
      fi
    } >&2
    exit 3
  fi
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  packages=""
  for tool in $missing; do
    case $tool in
      node) packages="$packages nodejs" ;;
      *) packages="$packages $tool" ;;
    esac
  done
  # $packages unquoted: one word per package.
  # shellcheck disable=SC2086
  if ! { $sudo apt-get install -y --no-install-recommends $packages >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends $packages >/dev/null; }; }; then
    echo "setup-release: apt-get install$packages failed" >&2
    exit 1
  fi
fi
cache="${MPCHECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mpcheck}"
if [ ! -f "$cache/miniprogram-ci-2.1.42/node_modules/miniprogram-ci/package.json" ]; then
  cargo run --locked --quiet -- release --install-ci
fi
