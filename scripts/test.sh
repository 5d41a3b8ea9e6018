#!/usr/bin/env bash
# All tests: installs what they need (headless Chromium for the HTML report; Node.js, openssl and
# the official upload client miniprogram-ci 2.1.42 for `mpcheck release`; xmllint and Microsoft's
# SARIF Multitool for the CI formats), then cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-browser.sh
scripts/setup-release.sh
scripts/setup-validators.sh
cargo test --locked "$@"
# The release tests run the real client against a local mock of WeChat's server: #[ignore]d so
# that `cargo test` without Node.js reports them as ignored, and run here, where it is installed.
cargo test --locked --test release "$@" -- --ignored
# The CI formats checked by real validators (xmllint against the Jenkins JUnit schema, the SARIF
# Multitool): #[ignore]d so that `cargo test` needs neither, run here, where they are installed.
cargo test --locked --test formats "$@" -- --ignored
# Tests that need ../shared (seeded defects, the project generator) are #[ignore]d so that a
# user's clone reports them as ignored, not passed; run them here when ../shared is present.
if [ -d ../shared ]; then
  cargo test --locked --test seeded --test browser "$@" -- --ignored
fi
