#!/usr/bin/env bash
# Finds headless Chromium for the HTML report tests (tests/browser.rs), installing Debian's
# `chromium` with apt-get if it is missing; prints the command to run it on stdout (for
# MPCHECK_CHROMIUM). Safe to run again.
#
# Looks at MPCHECK_CHROMIUM, then chromium, chromium-browser, google-chrome on PATH, then the
# macOS apps (/Applications/Chromium.app, /Applications/Google Chrome.app). When there is none
# and no apt-get to install one (macOS), says how to get it on stderr and exits 3; a failed
# apt-get install exits 1. scripts/test.sh then reports the browser tests as not run.
set -euo pipefail
found() { printf '%s\n' "$1"; exit 0; }
if [ -n "${MPCHECK_CHROMIUM:-}" ]; then
  if [ -x "$MPCHECK_CHROMIUM" ] || command -v "$MPCHECK_CHROMIUM" >/dev/null 2>&1; then
    found "$MPCHECK_CHROMIUM"
  fi
  echo "setup-browser: MPCHECK_CHROMIUM=$MPCHECK_CHROMIUM is not a program" >&2
  exit 1
fi
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then found "$(command -v "$c")"; fi
done
for app in "/Applications/Chromium.app/Contents/MacOS/Chromium" \
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"; do
  if [ -x "$app" ]; then found "$app"; fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "setup-browser: no Chromium found, and no apt-get here to install it."
    if [ "$(uname -s)" = Darwin ]; then
      echo "  macOS: brew install --cask chromium, or install Google Chrome; both are found in"
      echo "  /Applications. A browser elsewhere: export MPCHECK_CHROMIUM=/path/to/it, e.g."
      echo "  MPCHECK_CHROMIUM=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\""
    else
      echo "  Install Chromium (or Chrome) with your package manager, or set MPCHECK_CHROMIUM to its path."
    fi
  } >&2
  exit 3
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! { $sudo apt-get install -y --no-install-recommends chromium >/dev/null \
  || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends chromium >/dev/null; }; }; then
  echo "setup-browser: apt-get install chromium failed" >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 || { echo "setup-browser: chromium not on PATH after apt-get install" >&2; exit 1; }
found "$(command -v chromium)"
