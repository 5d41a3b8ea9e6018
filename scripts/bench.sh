#!/usr/bin/env bash
# Benchmark: mpcheck against `rg -uuu` over the same large generated project, in one hyperfine
# run (medians and ratios in its output). Installs hyperfine and ripgrep with apt if missing.
#
#   scripts/bench.sh [BIN...]        (default: target/release/mpcheck; give two to compare)
#
# BIG (default /tmp/big) is generated once by the project's generator (tests/support/gen.rs,
# through `cargo run --release --example gen_project`: --pages 2000 --subpackages 60
# --components 1000 --images 1000 --npm, about 15,000 files); RUNS (default 30).
set -euo pipefail
cd "$(dirname "$0")/.."
BIG=${BIG:-/tmp/big}
RUNS=${RUNS:-30}
if ! command -v hyperfine >/dev/null || ! command -v rg >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hyperfine ripgrep >/dev/null
fi
if [ ! -f "$BIG/app.json" ]; then
  cargo run --locked --release --quiet --example gen_project -- "$BIG" --pages 2000 \
    --subpackages 60 --components 1000 --images 1000 --npm
fi
cp "$BIG/domains.json" /tmp/bench-domains.json
[ $# -gt 0 ] || set -- target/release/mpcheck
cmds=()
for bin in "$@"; do
  cmds+=("$bin check $BIG -f json --domains /tmp/bench-domains.json" "$bin size $BIG -f json")
done
# -i: the generated main package is over the upload limit (MP400), so check exits 1.
hyperfine -N -i -w 5 -r "$RUNS" --export-json /tmp/bench.json "${cmds[@]}" "rg -uuu -c 'wx\.request' $BIG"
