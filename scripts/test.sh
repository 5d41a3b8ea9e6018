#!/usr/bin/env bash
# All tests: installs what they need (headless Chromium for the HTML report; Node.js, openssl and
# the official upload client miniprogram-ci 2.1.42 for `mpcheck release`; npm for the npm
# packages' tests), then cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-browser.sh
scripts/setup-release.sh
cargo test --locked "$@"
# The release tests run the real client against a local mock of WeChat's server: #[ignore]d so
# that `cargo test` without Node.js reports them as ignored, and run here, where it is installed.
cargo test --locked --test release "$@" -- --ignored
# The npm packages, packed (scripts/npm-pack.sh), installed offline and run through npx; then
# the CI files that cannot run here (release workflow, GitHub Action, GitLab template) are linted.
cargo test --locked --test npm "$@" -- --ignored
scripts/lint-ci.sh
# Tests that need ../shared (seeded defects, the project generator) are #[ignore]d so that a
# user's clone reports them as ignored, not passed; run them here when ../shared is present.
if [ -d ../shared ]; then
  cargo test --locked --test seeded --test browser "$@" -- --ignored
fi
