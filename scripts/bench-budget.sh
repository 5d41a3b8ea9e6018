#!/usr/bin/env bash
# The speed and memory budget of a pre-commit run, measured on the large generated project
# (tests/support/gen.rs through `cargo run --example gen_project`: --pages 2000 --subpackages 60
# --components 1000 --images 1000 --npm) and printed as one table with PASS/OVER per budget:
#
#   check   `mpcheck check -f json --domains` median <= 1.5 x `rg -uuu -c 'wx\.request'` median
#   size    `mpcheck size -f json` median          <= 1.2 x rg
#   memory  peak RSS of the check (GNU time)        <= 60 MB
#   scaling 2x and 4x the project (pages, components, images): median within 10 % of linear
#   findings a copy with three undefined event handlers on every page (6,000 findings, MP329):
#           human and JSON output each <= 2 x the clean check
#   threads JSON and human output byte-identical at --threads 1, 2 and the default
#
#   scripts/bench-budget.sh [BIN]        (default target/release/mpcheck)
#
# Each timing group is one hyperfine run (rg in the same run as the checks it is compared
# with). RUNS (default 20) runs per command after 3 warm-ups; OUT (default /tmp/mpcheck-bench)
# holds the generated projects (made once, reused) and hyperfine's JSON. Installs hyperfine,
# ripgrep and GNU time with apt when missing. Exit 0 whatever the figures: this measures, it
# is not a test.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-target/release/mpcheck}")
RUNS=${RUNS:-20}
OUT=${OUT:-/tmp/mpcheck-bench}
mkdir -p "$OUT"
if ! command -v hyperfine >/dev/null || ! command -v rg >/dev/null || [ ! -x /usr/bin/time ]; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hyperfine ripgrep time >/dev/null
fi

gen() { # gen DIR SCALE
  if [ ! -f "$1/app.json" ]; then
    cargo run --locked --release --quiet --example gen_project -- "$1" --pages $((2000 * $2)) \
      --subpackages 60 --components $((1000 * $2)) --images $((1000 * $2)) --npm
  fi
}
gen "$OUT/x1" 1
gen "$OUT/x2" 2
gen "$OUT/x4" 4
# The copy with findings: three handlers no page defines, on every declared page.
if [ ! -f "$OUT/findings/app.json" ]; then
  rm -rf "$OUT/findings" && cp -r "$OUT/x1" "$OUT/findings"
  python3 - "$OUT/findings" <<'EOF'
import json, sys, pathlib
root = pathlib.Path(sys.argv[1])
app = json.loads((root / "app.json").read_text())
pages = list(app["pages"])
for sp in app.get("subPackages") or app.get("subpackages") or []:
    pages += [sp["root"].rstrip("/") + "/" + p for p in sp["pages"]]
for p in pages:
    f = root / (p + ".wxml")
    f.write_text(f.read_text() + "".join(
        f'<view bindtap="benchMissing{i}"></view>\n' for i in range(3)))
print(f"findings: 3 undefined handlers on each of {len(pages)} pages")
EOF
fi

check() { # check DIR [ARGS...]
  local dir=$1; shift
  echo "$BIN check $dir --domains $dir/domains.json $*"
}
hf() { # hf NAME COMMAND...
  local name=$1; shift
  # -i: the generated main package is over the upload limit (MP400), so check exits 1.
  hyperfine -N -i -w 3 -r "$RUNS" --export-json "$OUT/$name.json" "$@" >"$OUT/$name.txt"
}
RG="rg -uuu -c 'wx\.request' $OUT/x1"
hf base "$(check "$OUT/x1" -f json)" "$BIN size $OUT/x1 -f json" "$RG"
hf scaling "$(check "$OUT/x1" -f json)" "$(check "$OUT/x2" -f json)" "$(check "$OUT/x4" -f json)"
hf findings "$(check "$OUT/x1" -f json)" "$(check "$OUT/findings" -f json)" \
  "$(check "$OUT/findings" -f human --color never)"

rss_mb() { # peak RSS of one run, MB
  /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.1f", $1 / 1024}'
}
RSS=$(rss_mb $(check "$OUT/x1" -f json))
RSS_RG=$(rss_mb rg -uuu -c 'wx\.request' "$OUT/x1")

same=yes
for dir in "$OUT/x1" "$OUT/findings"; do
  for fmt in json human; do
    $(check "$dir" -f "$fmt" --color never) >"$OUT/out-default" 2>/dev/null || true
    for t in 1 2; do
      $(check "$dir" -f "$fmt" --color never --threads "$t") >"$OUT/out-$t" 2>/dev/null || true
      cmp -s "$OUT/out-default" "$OUT/out-$t" || { same=no; echo "differs: $dir $fmt --threads $t"; }
    done
  done
done
FINDINGS=$($(check "$OUT/findings" -f json) 2>/dev/null | python3 -c \
  'import json,sys; print(len(json.load(sys.stdin)["diagnostics"]))' || echo "?")

python3 - "$OUT" "$RSS" "$RSS_RG" "$same" "$FINDINGS" "$(nproc)" <<'EOF'
import json, sys
out, rss, rss_rg, same, findings, cores = sys.argv[1:]
med = lambda name: [r["median"] * 1000 for r in json.load(open(f"{out}/{name}.json"))["results"]]
check, size, rg = med("base")
x1, x2, x4 = med("scaling")
clean, fjson, fhuman = med("findings")
rows = []
def row(what, value, budget, ok):
    rows.append((what, value, budget, "PASS" if ok else "OVER"))
row("check vs rg", f"{check:.1f} / {rg:.1f} ms = {check / rg:.2f}x", "<= 1.5x", check / rg <= 1.5)
row("size vs rg", f"{size:.1f} / {rg:.1f} ms = {size / rg:.2f}x", "<= 1.2x", size / rg <= 1.2)
row("peak RSS", f"{rss} MB (rg {rss_rg} MB)", "<= 60 MB", float(rss) <= 60)
for n, t in ((2, x2), (4, x4)):
    row(f"scaling {n}x", f"{t:.1f} ms = {t / x1:.2f} x 1x ({x1:.1f} ms)", f"{n * 0.9:.1f}-{n * 1.1:.1f}x",
        abs(t / x1 - n) <= 0.1 * n)
row(f"{findings} findings, JSON", f"{fjson:.1f} ms = {fjson / clean:.2f}x clean ({clean:.1f} ms)", "<= 2x", fjson / clean <= 2)
row(f"{findings} findings, human", f"{fhuman:.1f} ms = {fhuman / clean:.2f}x clean", "<= 2x", fhuman / clean <= 2)
row("threads 1, 2, default", "byte-identical" if same == "yes" else "DIFFERENT", "identical", same == "yes")
print(f"medians of one hyperfine run per group, {cores} cores; details in {out}/*.txt")
w = max(len(r[1]) for r in rows)
for what, value, budget, verdict in rows:
    print(f"{what:<24} {value:<{w}}  {budget:<10} {verdict}")
EOF
