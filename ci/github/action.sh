#!/usr/bin/env bash
# The GitHub Action's step (action.yml at the repository root): installs mpcheck from npm into a
# folder of its own under $RUNNER_TEMP (nothing global, nothing in the checked-out project) and
# runs `mpcheck check --format github`. Its inputs come as INPUT_* environment variables.
# tests/npm.rs runs it with the packed tarballs as INPUT_PACKAGE.
set -euo pipefail
version="${INPUT_VERSION:-latest}"
spec="${INPUT_PACKAGE:-}"
[ -n "$spec" ] || spec="mpcheck@$version"
tool="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/mpcheck-action"
mkdir -p "$tool"
[ -f "$tool/package.json" ] || printf '{"private": true}\n' >"$tool/package.json"
# Every spec as its own word; a tarball path with spaces is not supported here.
read -ra specs <<<"$spec"
echo "::group::npm install ${specs[*]}"
npm install --prefix "$tool" --no-audit --no-fund --no-save --loglevel error "${specs[@]}"
echo "::endgroup::"
bin="$tool/node_modules/.bin/mpcheck"
"$bin" --version
# args: split as a shell would (quotes group words), with no expansion of $, ` or globs.
# (Written for bash 3.2 too, macOS's /bin/bash: no mapfile, no bare "${empty[@]}".)
extra=()
while IFS= read -r arg; do
  [ -n "$arg" ] && extra+=("$arg")
done < <(printf '%s' "${INPUT_ARGS:-}" | xargs -n1 printf '%s\n')
cd "${INPUT_WORKING_DIRECTORY:-.}"
exec "$bin" check --format github ${extra[@]+"${extra[@]}"} "${INPUT_PATH:-.}"
