#!/usr/bin/env bash
# A real `mpcheck release` upload, with the official client, to a local mock of WeChat's upload
# server (tests/support/mock_wechat.js on 127.0.0.1; nothing leaves the machine).
#
# Use: scripts/mock-release.sh [PROJECT] [-- extra mpcheck release options]
#      MODE=invalid-ip|http500|randstr-error scripts/mock-release.sh   (a failing server)
# Default PROJECT: fixtures/release-app. Needs node, openssl and the client
# (`mpcheck release --install-ci`). Certificates and keys go to target/mock-wechat/; the mock's
# request log to target/mock-wechat/requests.jsonl.
set -euo pipefail
cd "$(dirname "$0")/.."
project="fixtures/release-app"
if [ $# -gt 0 ] && [ "$1" != "--" ]; then project="$1"; shift; fi
[ "${1:-}" = "--" ] && shift
dir="target/mock-wechat"
mkdir -p "$dir"
tests/support/make_certs.sh "$dir"
rm -f "$dir/port" "$dir/requests.jsonl"
node tests/support/mock_wechat.js --cert "$dir/server.pem" --key "$dir/server.key" \
  --pubkey "$dir/pub.pem" --log "$dir/requests.jsonl" --port-file "$dir/port" \
  --mode "${MODE:-ok}" --lifetime 300 &
mock=$!
trap 'kill $mock 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
[ -s "$dir/port" ] || { echo "mock-release: the mock did not start" >&2; exit 1; }
cargo build --release --quiet
set +e
NODE_EXTRA_CA_CERTS="$PWD/$dir/ca.pem" target/release/mpcheck release "$project" \
  --version 1.0.0 --desc "mock upload by scripts/mock-release.sh" --robot 3 \
  --key "$dir/key.pem" --proxy "http://127.0.0.1:$(cat "$dir/port")" "$@"
status=$?
set -e
echo "--- what the mock received ($dir/requests.jsonl) ---" >&2
node -e '
const lines = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean);
for (const l of lines) {
  const r = JSON.parse(l);
  if (r.kind !== "https") continue;
  const q = r.query || {};
  let s = `${r.method} ${r.path}`;
  if (q.version) s += `  version=${q.version} desc=${JSON.stringify(q.desc)} robot=${q.robot}`;
  if (r.files) s += `  files=${r.files.length}`;
  console.error(s);
}' "$dir/requests.jsonl" 2>&1 >&2 || true
exit $status
