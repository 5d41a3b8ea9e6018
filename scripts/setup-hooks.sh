#!/usr/bin/env bash
# Installs what the git-hook tests need, when missing, into mpcheck's cache folder
# ($MPCHECK_CACHE_DIR, else ~/.cache/mpcheck), where later runs find it. Safe to run again.
#   scripts/setup-hooks.sh pre-commit    pre-commit 4.7.0 from PyPI in a venv (python3 -m venv
#                                        and pip): $cache/pre-commit-4.7.0/bin/pre-commit, for
#                                        the --ignored run of tests/precommit.rs
#   scripts/setup-hooks.sh lint-staged   lint-staged 16.4.0 and husky 9.1.7 from npm (Node.js
#                                        >= 20.17, npm; scripts/setup-release.sh installs them
#                                        on Debian): $cache/lint-staged-16.4.0/node_modules, for
#                                        the --ignored run of tests/lintstaged.rs
# A missing python3 (with venv) or node/npm exits 3 and says what to install; a failed install
# (no network) exits 1. scripts/test.sh then reports those tests as not run.
set -euo pipefail
cache="${MPCHECK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/mpcheck}"
case "${1:-}" in
  pre-commit)
    dir="$cache/pre-commit-4.7.0"
    [ -x "$dir/bin/pre-commit" ] && exit 0
    if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
      echo "setup-hooks: no python3 with venv and ensurepip here (Debian: apt-get install python3-venv)" >&2
      exit 3
    fi
    # bin/pre-commit appears only once pip has installed it: a half-made venv is made again.
    rm -rf "$dir"
    if ! { python3 -m venv "$dir" \
      && "$dir/bin/python" -m pip install --quiet --disable-pip-version-check pre-commit==4.7.0 >&2; }; then
      rm -rf "$dir"
      echo "setup-hooks: pip install pre-commit==4.7.0 failed (no network?)" >&2
      exit 1
    fi
    ;;
  lint-staged)
    dir="$cache/lint-staged-16.4.0"
    [ -x "$dir/node_modules/.bin/lint-staged" ] && [ -x "$dir/node_modules/.bin/husky" ] && exit 0
    for tool in node npm git; do
      if ! command -v "$tool" >/dev/null 2>&1; then
        echo "setup-hooks: $tool missing (scripts/setup-release.sh installs Node.js and npm on Debian; macOS: brew install node)" >&2
        exit 3
      fi
    done
    if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=17)?0:1)'; then
      echo "setup-hooks: lint-staged 16 needs Node.js >= 20.17, this is $(node --version)" >&2
      exit 3
    fi
    mkdir -p "$dir"
    if ! (cd "$dir" && printf '{"private":true}\n' >package.json \
      && npm install --silent --no-audit --no-fund lint-staged@16.4.0 husky@9.1.7 >&2); then
      rm -rf "$dir"
      echo "setup-hooks: npm install lint-staged@16.4.0 husky@9.1.7 failed (no network?)" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: scripts/setup-hooks.sh pre-commit|lint-staged" >&2
    exit 2
    ;;
esac
