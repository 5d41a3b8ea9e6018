#!/usr/bin/env bash
# All tests: installs what they need (headless Chromium for the HTML report), then cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-browser.sh
cargo test --locked "$@"
