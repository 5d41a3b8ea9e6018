#!/bin/sh
# Test material for the local mock of WeChat's upload server (tests/support/mock_wechat.js).
#   make_certs.sh DIR
# Creates in DIR (idempotent: does nothing when every file already exists):
#   ca.pem, ca.key            test CA
#   server.pem, server.key    leaf cert for servicewechat.com (SAN DNS:servicewechat.com, serverAuth), signed by the CA
#   key.pem, pub.pem          upload key pair (key.pem is PKCS#1, "BEGIN RSA PRIVATE KEY"); the mock knows pub.pem
#   other-key.pem             a second, valid RSA key (PKCS#8) the mock does NOT know
#   garbage-key.pem           starts with "-----BEGIN RSA PRIVATE KEY-----" but is not a key
# Uses only openssl. Quiet on success; on failure prints openssl's output and exits non-zero.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 DIR" >&2
    exit 2
fi
dir=$1
files="ca.pem ca.key server.pem server.key key.pem pub.pem other-key.pem garbage-key.pem"

all=1
for f in $files; do
    [ -s "$dir/$f" ] || all=0
done
[ "$all" = 1 ] && exit 0

mkdir -p "$dir"
# Build everything in a fresh temp dir next to DIR, then move the files in, so that a
# concurrent or interrupted run never leaves a half-made set behind.
tmp=$(mktemp -d "$dir/.make_certs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
log="$tmp/openssl.log"

run() {
    if ! "$@" >>"$log" 2>&1; then
        echo "make_certs.sh: failed: $*" >&2
        cat "$log" >&2
        exit 1
    fi
}

run openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/ca.key" -out "$tmp/ca.pem" -days 3650 \
    -subj "/CN=mpcheck test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
run openssl req -newkey rsa:2048 -nodes -keyout "$tmp/server.key" -out "$tmp/server.csr" \
    -subj "/CN=servicewechat.com"
printf 'subjectAltName=DNS:servicewechat.com\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' \
    >"$tmp/server.ext"
run openssl x509 -req -in "$tmp/server.csr" -CA "$tmp/ca.pem" -CAkey "$tmp/ca.key" -set_serial 0x$(openssl rand -hex 8) \
    -out "$tmp/server.pem" -days 825 -extfile "$tmp/server.ext"
run openssl genrsa -traditional -out "$tmp/key.pem" 2048
run openssl rsa -in "$tmp/key.pem" -pubout -out "$tmp/pub.pem"
run openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$tmp/other-key.pem"
{
    echo "-----BEGIN RSA PRIVATE KEY-----"
    echo "bm90IGEga2V5OiBtcGNoZWNrIHRlc3QgZmlsZSB3aXRoIGEga2V5IGhlYWRlciBi"
    echo "dXQgbm8ga2V5IGluc2lkZQ=="
    echo "-----END RSA PRIVATE KEY-----"
} >"$tmp/garbage-key.pem"

chmod 600 "$tmp"/*.key "$tmp/key.pem" "$tmp/other-key.pem"
for f in $files; do
    mv -f "$tmp/$f" "$dir/$f"
done
