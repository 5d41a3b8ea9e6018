#!/usr/bin/env bash
# Installs, when missing, the real consumers the CI-format tests (tests/formats.rs, #[ignore]d)
# check mpcheck's output with: xmllint (Debian's libxml2-utils) for JUnit XML against the
# vendored Jenkins schema, and Microsoft's SARIF Multitool 5.7.0 (npm, a self-contained Linux
# build: no .NET needed) into mpcheck's cache folder ($MPCHECK_CACHE_DIR, else
# ~/.cache/mpcheck)/validators/sarif-multitool. Needs Node.js and npm (scripts/setup-release.sh
# installs them). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v xmllint >/dev/null 2>&1; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-validators: xmllint missing and no apt-get here; install libxml2-utils by hand" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends libxml2-utils >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends libxml2-utils >/dev/null; }
fi
cache="${MPCHECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mpcheck}"
dir="$cache/validators/sarif-multitool"
tool="$dir/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --no-audit --no-fund --no-save --prefix . \
    @microsoft/sarif-multitool@5.7.0 @microsoft/sarif-multitool-linux@5.7.0 >/dev/null)
  # npm may not run the package's postinstall (which only does this).
  chmod u+x "$tool"
fi
# A self-contained .NET build: it needs no ICU with invariant globalization.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 "$tool" --version >/dev/null 2>&1
