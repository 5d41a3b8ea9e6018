#!/usr/bin/env bash
# Checks the project's generator (tests/support/gen.rs, via examples/gen_project.rs) against the
# shared scripts it replaces: the seeded defect cases of tools/make-defect-cases.sh and the
# projects of bench/gen_miniprogram.py must be the same bytes (c18_big_image/big.png aside: the
# shell script reads /dev/urandom). A developer tool: needs the shared folder and python3.
#
#   scripts/gen_agreement.sh [SHARED]      (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/gen_agreement.XXXXXX")
trap 'rm -rf "$out"' EXIT
cargo build --locked --release --quiet --example gen_project
gen=target/release/examples/gen_project
status=0
bash "$shared/tools/make-defect-cases.sh" "$out/sh-cases" >/dev/null
"$gen" --defect-cases "$out/rs-cases"
if diff -r -x big.png "$out/sh-cases" "$out/rs-cases"; then
  echo "defect cases: same bytes"
else
  echo "defect cases: DIFFER" && status=1
fi
# The test's, the defaults, another seed with few components (CPython's pool-based sample), a
# tiny one (fewer pages than subpackages need) and the benchmark's.
for opts in "--pages 120 --subpackages 6 --components 40 --images 20 --npm" "" \
  "--seed 7 --pages 30 --subpackages 3 --components 10 --images 5" \
  "--pages 3 --subpackages 2 --components 0 --images 0" \
  "--pages 2000 --subpackages 60 --components 1000 --images 1000 --npm"; do
  rm -rf "$out/py" "$out/rs"
  # $opts unquoted: one word per option.
  # shellcheck disable=SC2086
  python3 "$shared/bench/gen_miniprogram.py" "$out/py" $opts
  # shellcheck disable=SC2086
  "$gen" "$out/rs" $opts
  if diff -r -q "$out/py" "$out/rs" >/dev/null; then
    echo "project [${opts:-defaults}]: same bytes ($(find "$out/rs" -type f | wc -l | tr -d ' ') files)"
  else
    echo "project [${opts:-defaults}]: DIFFER" && status=1
  fi
done
exit $status
