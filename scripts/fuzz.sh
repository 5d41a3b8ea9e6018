#!/bin/sh
# The full fuzz campaign: every in-process target of mpcheck-fuzz (fuzz/) for N inputs, then
# scripts/fuzz_binary.py for M whole-binary runs. Findings go under OUT; exits 1 if any.
#
#   scripts/fuzz.sh [N (default 1000000)] [M (default 100000)] [JOBS (default 2)] [SEED (1)]
#                   [OUT (default $TMPDIR/mpcheck-fuzz-out)]
set -eu
cd "$(dirname "$0")/.."
N=${1:-1000000}
M=${2:-100000}
JOBS=${3:-2}
SEED=${4:-1}
OUT=${5:-${TMPDIR:-/tmp}/mpcheck-fuzz-out}
cargo build --release
(cd fuzz && cargo build --release)
status=0
target/release/mpcheck-fuzz --target all --iterations "$N" --jobs "$JOBS" --seed "$SEED" \
    --out "$OUT/in-process" || status=1
python3 scripts/fuzz_binary.py -n "$M" -j "$JOBS" --seed "$SEED" --out "$OUT/binary" || status=1
python3 scripts/fuzz_binary.py --triage "$OUT/binary" || true
cat "$OUT/in-process/summary.txt" "$OUT/binary/summary.txt"
exit $status
