#!/usr/bin/env bash
# Compare two mpcheck binaries on the open real-project corpus: stdout bytes and exit codes must
# be identical (e.g. before/after a refactor or a hardening change; BASE = NEW checks determinism).
#
# Usage: scripts/corpus_compare.sh BASE_BIN NEW_BIN [CORPUS_DIR=/tmp/corpus]
#
# For every project folder below and each binary, run from CORPUS_DIR (same working directory for
# both; the folder is passed as a relative path):
#   check -f F for each of FORMATS (human with --color never) | size -f json
# in a clean environment (env -i; LANG=C, COLUMNS=100, no MPCHECK_* variables), 60 s timeout each.
# One line per project and format (same / DIFFERENT + short summary), then totals and the base
# binary's time per project. Outputs of differing runs and their diffs go to DIFF_DIR.
#
# Environment:
#   EXTRA_BASE_ARGS, EXTRA_NEW_ARGS  extra arguments for the `check` runs of BASE / NEW
#                                    (e.g. EXTRA_NEW_ARGS="--threads 1"; `size` takes no --threads)
#   LANGS="en zh"                    also run the check formats with --lang zh (default: en)
#   FORMATS                          check formats (default: json concise human github gitlab
#                                    junit sarif)
#   FIXTURES=REPO                    also every fixture project of REPO/fixtures (each folder with
#                                    an app.json or a project.config.json, passed as an absolute
#                                    path), e.g. FIXTURES=. (before/after a refactor); the rule
#                                    cases (fixtures/rules/*/*.txt) are written out as folders by
#                                    REPO's `cargo run --example materialize_fixtures` first
#   DIFF_DIR                         default /tmp/corpus-diff (its *.diff and out/ are replaced)
#   TIMEOUT                          seconds per run, default 60
# Exit: 0 all same, 1 something differed or a project folder is missing, 2 usage error.
#
# ---------------------------------------------------------------------------------------------
# The corpus: the open set of ../shared/spec/peers-and-corpus.md section C (C.2 table, C.4 commit
# ids, section D for demo-full). Nothing of it is committed; rebuild /tmp/corpus with:
#
#   fetch github:OWNER/NAME   (the session's fetch tool; prints /work/.mirror/OWNER+NAME/repo)
#   mkdir -p /tmp/corpus/OWNER+NAME
#   git --git-dir=/work/.mirror/OWNER+NAME/repo archive COMMIT | tar x -C /tmp/corpus/OWNER+NAME
#
# for these 14 repositories (every commit was present in the snapshots, 2026-11-30):
#   wechat-miniprogram/miniprogram-demo                    0b1de6f2a28ff185d7139e06b3956d8fdf15f61c
#   EastWorld/wechat-app-mall                              9ac1e9f24fbf67f9d8d0bcfd612b916de565af22
#   youzan/vant-weapp                                      cce61c26af82c7e57a73c350a1accfcae7d8cf69
#   Tencent/weui-wxss                                      739eca530481e9dc9860cc298cb126b9890799cf
#   wechat-miniprogram/weui-miniprogram                    0c1afff66911cdf1419b80512a14f3ad483ed040
#   Tencent/tdesign-miniprogram-starter-retail             e92fe2b265f6b24dcf7d78804c52eda039b54e43
#   tumobi/nideshop-mini-program                           0ae5a3d0c6200cef43d2d9df2ecc2a48fd127f17
#   TaleLin/lin-ui                                         7a7e17888d9e59c56bf79ff8ef5108612dd5418b
#   wechat-miniprogram/awesome-skyline                     811b2993749128ec3760c31d4bb5f107ca9d4e8f
#   wechat-miniprogram/miniprogram-cloudbase-meeting-demo  82b0a26cf7975bb36e424c050c737eb4c6a413b9
#   BravFit/BravMpPluginDemo                               e1c6beafec5e45bdc24517ef275e3a5baacca908
#   Tencent/tdesign-miniprogram                            deece39d609ecbd0ab50cc88499bfc39830ff6e7
#   linlinjava/litemall                                    a1ef964a718b7277925b19ea26afe78ea3a1d325
#   4in/miniapp-typescript-starter-template                d25579548cd0f4a69bd15e1b8a753deb77f5f596
#
# demo-full = miniprogram-demo with its git submodule miniprogram/packageSkylineExamples filled
# (awesome-skyline at 3183f9b467eeb579f1c0737c1b83315746952aae; 3,261 files):
#   cp -r /tmp/corpus/wechat-miniprogram+miniprogram-demo /tmp/corpus/demo-full
#   git --git-dir=/work/.mirror/wechat-miniprogram+awesome-skyline/repo \
#     archive 3183f9b467eeb579f1c0737c1b83315746952aae \
#     | tar x -C /tmp/corpus/demo-full/miniprogram/packageSkylineExamples
#
# The 21 project folders: the 15 rows O1-O15 of the spec's C.2 table plus demo-full (the
# "16 corpus folders" of earlier sessions' notes and rules/MP320.md), the weui-wxss repository
# root (its own project.config.json without miniprogramRoot: the app.json-not-found path, run
# since session 1), and four more of awesome-skyline's eleven example apps, chosen because each
# reaches something product-list does not (refresher-two-level: MP127 missing sitemap, MP329,
# unreached page files; expanded-scroll-view: ignoreUploadUnusedFiles on, MP328; album: the
# largest, images, no .eslintrc; address-book: most components). The other six awesome-skyline
# examples, weui-wxss/dist-rpx-mode and src, and tdesign-miniprogram/snippets/templates are also
# project folders in these snapshots; add a line here to include them.
# ---------------------------------------------------------------------------------------------
PROJECTS=(
  wechat-miniprogram+miniprogram-demo                                  # O1
  demo-full                                                            # O1 + submodule (spec D)
  EastWorld+wechat-app-mall                                            # O2
  youzan+vant-weapp/example                                            # O3
  Tencent+weui-wxss/dist                                               # O4
  Tencent+weui-wxss                                                    # O4, repository root
  wechat-miniprogram+weui-miniprogram/src                              # O5
  Tencent+tdesign-miniprogram-starter-retail                           # O6
  tumobi+nideshop-mini-program                                         # O7
  TaleLin+lin-ui/examples                                              # O8
  wechat-miniprogram+awesome-skyline/examples/product-list             # O9
  wechat-miniprogram+awesome-skyline/examples/refresher-two-level      # O9's repo
  wechat-miniprogram+awesome-skyline/examples/expanded-scroll-view     # O9's repo
  wechat-miniprogram+awesome-skyline/examples/album                    # O9's repo
  wechat-miniprogram+awesome-skyline/examples/address-book             # O9's repo
  wechat-miniprogram+miniprogram-cloudbase-meeting-demo                # O10
  BravFit+BravMpPluginDemo                                             # O11
  Tencent+tdesign-miniprogram/packages/tdesign-miniprogram/example     # O12
  linlinjava+litemall/litemall-wx                                      # O13
  linlinjava+litemall/renard-wx                                        # O14
  4in+miniapp-typescript-starter-template                              # O15
)

set -uo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  sed -n '5p' "$0" | sed 's/^# //' >&2
  exit 2
fi
abs() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }
BASE=$(abs "$1")
NEW=$(abs "$2")
CORPUS=${3:-/tmp/corpus}
DIFF_DIR=${DIFF_DIR:-/tmp/corpus-diff}
TIMEOUT=${TIMEOUT:-60}
LANGS=${LANGS:-en}
read -r -a CHECK_FORMATS <<<"${FORMATS:-json concise human github gitlab junit sarif}"
CASES_DIR=
if [[ -n ${FIXTURES:-} ]]; then
  fixtures_root=$(cd "$FIXTURES" && pwd)
  roots=("$fixtures_root/fixtures")
  # Rule fixture cases are text files (fixtures/rules/README.md): written out as folders.
  if compgen -G "$fixtures_root/fixtures/rules/*/*.txt" >/dev/null; then
    CASES_DIR=$(mktemp -d)
    (cd "$fixtures_root" && cargo run --quiet --release --example materialize_fixtures -- "$CASES_DIR") >&2 \
      || { echo "materialize_fixtures failed in $fixtures_root" >&2; exit 2; }
    roots+=("$CASES_DIR/fixtures")
  fi
  while IFS= read -r d; do PROJECTS+=("$d"); done < <(
    find "${roots[@]}" \( -name app.json -o -name project.config.json \) -printf '%h\n' \
      | sort -u)
fi
read -r -a EXTRA_BASE <<<"${EXTRA_BASE_ARGS:-}"
read -r -a EXTRA_NEW <<<"${EXTRA_NEW_ARGS:-}"
for b in "$BASE" "$NEW"; do
  [[ -x $b ]] || { echo "not an executable: $b" >&2; exit 2; }
done
[[ -d $CORPUS ]] || { echo "no corpus folder: $CORPUS (see the comment at the top of $0)" >&2; exit 2; }

mkdir -p "$DIFF_DIR"
rm -rf -- "$DIFF_DIR/out" "$DIFF_DIR"/*.diff "$DIFF_DIR/summary.txt"
WORK=$(mktemp -d)
trap 'rm -rf -- "$WORK" ${CASES_DIR:+"$CASES_DIR"}' EXIT

# run LABEL BIN FORMAT PROJECT -> $WORK/LABEL.{out,err,rc,time}
run() {
  local label=$1 bin=$2 fmt=$3 proj=$4 lang=$5
  local -a extra args
  if [[ $label == base ]]; then extra=("${EXTRA_BASE[@]}"); else extra=("${EXTRA_NEW[@]}"); fi
  case $fmt in
    human) args=(check -f human --color never) ;;
    size-json) args=(size -f json); extra=() ;;
    *) args=(check -f "$fmt") ;;
  esac
  [[ $lang == en ]] || args+=(--lang "$lang")
  local t0 t1
  t0=$(date +%s%N)
  (cd "$CORPUS" && env -i PATH="$PATH" HOME="${HOME:-/tmp}" LANG=C COLUMNS=100 TERM=dumb \
    timeout "$TIMEOUT" "$bin" "${args[@]}" "${extra[@]}" "$proj" \
    >"$WORK/$label.out" 2>"$WORK/$label.err" </dev/null)
  echo $? >"$WORK/$label.rc"
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000000)) >"$WORK/$label.ms"
}

same=0 different=0 missing=0
declare -A base_ms
formats=()
for lang in $LANGS; do
  for f in "${CHECK_FORMATS[@]}"; do
    if [[ $lang == en ]]; then formats+=("$f"); else formats+=("$f.$lang"); fi
  done
done
formats+=(size-json)

report() { printf '%s\n' "$*" | tee -a "$DIFF_DIR/summary.txt"; }
report "base: $BASE ${EXTRA_BASE[*]:-}"
report "new:  $NEW ${EXTRA_NEW[*]:-}"
report "corpus: $CORPUS  (${#PROJECTS[@]} projects, formats: ${formats[*]})"

for proj in "${PROJECTS[@]}"; do
  dir=$proj
  [[ $proj == /* ]] || dir=$CORPUS/$proj
  if [[ ! -d $dir ]]; then
    report "$(printf 'MISSING    %-64s' "$proj")"
    missing=$((missing + 1))
    continue
  fi
  key=${proj//\//__}
  base_ms[$proj]=0
  for f in "${formats[@]}"; do
    fmt=${f%%.*} lang=en
    [[ $f == *.* && $f != size-json ]] && lang=${f#*.}
    run base "$BASE" "$fmt" "$proj" "$lang"
    run new "$NEW" "$fmt" "$proj" "$lang"
    bms=$(<"$WORK/base.ms") nms=$(<"$WORK/new.ms")
    base_ms[$proj]=$((base_ms[$proj] + bms))
    brc=$(<"$WORK/base.rc") nrc=$(<"$WORK/new.rc")
    note=""
    cmp -s "$WORK/base.err" "$WORK/new.err" || note=" (stderr differs)"
    [[ $brc == 124 || $nrc == 124 ]] && note+=" (timeout)"
    times=$(printf 'base %5d ms, new %5d ms' "$bms" "$nms")
    if [[ $brc == "$nrc" ]] && cmp -s "$WORK/base.out" "$WORK/new.out"; then
      same=$((same + 1))
      report "$(printf 'same       %-64s %-11s exit %-3s %s%s' "$proj" "$f" "$brc" "$times" "$note")"
    else
      different=$((different + 1))
      mkdir -p "$DIFF_DIR/out"
      for l in base new; do
        for x in out err rc; do cp "$WORK/$l.$x" "$DIFF_DIR/out/$key.$f.$l.$x"; done
      done
      diff -u --label "base/$proj $f" --label "new/$proj $f" "$WORK/base.out" "$WORK/new.out" \
        >"$DIFF_DIR/$key.$f.diff"
      minus=$(grep -c '^-[^-]' "$DIFF_DIR/$key.$f.diff")
      plus=$(grep -c '^+[^+]' "$DIFF_DIR/$key.$f.diff")
      first=$(grep -m1 '^[-+][^-+]' "$DIFF_DIR/$key.$f.diff" | cut -c1-90)
      report "$(printf 'DIFFERENT  %-64s %-11s exit %s->%s, -%s/+%s lines, bytes %s->%s; first: %s%s' \
        "$proj" "$f" "$brc" "$nrc" "$minus" "$plus" "$(wc -c <"$WORK/base.out")" \
        "$(wc -c <"$WORK/new.out")" "$first" "$note")"
    fi
  done
done

report ""
report "base time per project (sum of the ${#formats[@]} runs, wall, ms):"
for proj in "${PROJECTS[@]}"; do
  [[ -n ${base_ms[$proj]:-} ]] && report "$(printf '  %6d  %s' "${base_ms[$proj]}" "$proj")"
done
report ""
report "TOTAL: $same same, $different different, $missing missing project folders (diffs: $DIFF_DIR)"
[[ $different -eq 0 && $missing -eq 0 ]]
