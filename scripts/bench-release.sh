#!/usr/bin/env bash
# What `mpcheck release` adds on top of miniprogram-ci itself: hyperfine runs the client's own
# CLI upload and `mpcheck release --plain-compile` (the same compile: no project settings) on the
# same project, through one local mock of WeChat's server (tests/support/mock_wechat.js), in one
# run; medians and the ratio are in its output. Installs hyperfine with apt if missing; needs
# node, openssl and the client (`mpcheck release --install-ci`).
#
#   scripts/bench-release.sh [PROJECT]     (default: /tmp/relbig, generated once by the
#                                           project's generator, examples/gen_project.rs: 400 pages)
# RUNS (default 10).
set -euo pipefail
cd "$(dirname "$0")/.."
PROJECT=${1:-/tmp/relbig}
RUNS=${RUNS:-10}
if ! command -v hyperfine >/dev/null; then
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hyperfine >/dev/null
fi
if [ ! -f "$PROJECT/app.json" ]; then
  cargo run --locked --release --quiet --example gen_project -- "$PROJECT"
fi
cargo build --release --quiet
dir=target/mock-wechat
mkdir -p "$dir"
tests/support/make_certs.sh "$dir"
rm -f "$dir/port"
node tests/support/mock_wechat.js --cert "$dir/server.pem" --key "$dir/server.key" \
  --pubkey "$dir/pub.pem" --log "$dir/bench-requests.jsonl" --port-file "$dir/port" \
  --mode ok --lifetime 1800 --max-requests 100000 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
proxy="http://127.0.0.1:$(cat "$dir/port")"
ci=$(target/release/mpcheck release "$PROJECT" --version 1.0.0 --key "$dir/key.pem" --dry-run -f json \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).client.package))')
appid=$(node -e 'console.log(require(process.argv[1]).appid)' "$(realpath "$PROJECT")/project.config.json")
export NODE_EXTRA_CA_CERTS="$PWD/$dir/ca.pem"
domains=()
[ -f "$PROJECT/domains.json" ] && domains=(--domains "$PROJECT/domains.json")
hyperfine -N -w 1 -r "$RUNS" --export-json /tmp/bench-release.json \
  "node $ci/bin/miniprogram-ci.js upload --appid $appid --pp $PROJECT --pkp $dir/key.pem --uv 1.0.0 --ud bench -r 1 --proxy $proxy" \
  "target/release/mpcheck release $PROJECT --version 1.0.0 --desc bench --key $dir/key.pem --proxy $proxy --plain-compile ${domains[*]}"
