#!/usr/bin/env bash
# Builds mpcheck's npm packages and packs them into tarballs (README: Install with npm).
#
#   scripts/npm-pack.sh                      build the host's release binary (cargo build --release
#                                            --locked: nothing to do when it is current), pack the
#                                            main package and the host's platform package
#   scripts/npm-pack.sh --binary linux-x64=PATH --binary win32-x64=PATH.exe ...
#                                            pack prebuilt binaries instead (the release workflow);
#                                            add --host to also build and pack the host's
#   --out DIR                                where to write (default target/npm): DIR/packages/<name>/
#                                            and DIR/tarballs/*.tgz
#
# The version is Cargo.toml's. Prints the tarballs' paths, the main package's first.
# Needs Node.js and npm (scripts/setup-release.sh installs them).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
out="$repo/target/npm"
host=""
binaries=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --out=*) out="${1#--out=}"; shift ;;
    --binary) binaries+=("$2"); shift 2 ;;
    --binary=*) binaries+=("${1#--binary=}"); shift ;;
    --host) host=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "npm-pack: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#binaries[@]} -gt 0 ] || host=1
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "npm-pack: needs node and npm (scripts/setup-release.sh installs them)" >&2
  exit 2
fi

version="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$repo/Cargo.toml" | head -n1)"
[ -n "$version" ] || { echo "npm-pack: no version in Cargo.toml" >&2; exit 2; }
host_key="$(node -p 'process.platform + "-" + process.arch')"

if [ -n "$host" ]; then
  exe=mpcheck
  [ "${host_key%%-*}" = win32 ] && exe=mpcheck.exe
  (cd "$repo" && cargo build --release --locked --quiet --bin mpcheck) >&2
  target_dir="$(cd "$repo" && cargo metadata --format-version 1 --no-deps --locked \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
  binaries+=("$host_key=$target_dir/release/$exe")
fi

# A binary that runs here must be the version being packed.
for pair in "${binaries[@]}"; do
  if [ "${pair%%=*}" = "$host_key" ]; then
    got="$("${pair#*=}" --version)"
    [ "$got" = "mpcheck $version" ] \
      || { echo "npm-pack: ${pair#*=} says '$got', Cargo.toml says $version" >&2; exit 2; }
  fi
done

# Only ever clear a folder this script made.
if [ -e "$out" ] && [ ! -e "$out/.mpcheck-npm-pack" ] && [ -n "$(ls -A "$out")" ]; then
  echo "npm-pack: $out exists and was not made by npm-pack; pick another --out" >&2
  exit 2
fi
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -rf "$out/packages" "$out/tarballs"
touch "$out/.mpcheck-npm-pack"
mkdir -p "$out/tarballs"

mapfile -t dirs < <(node "$repo/npm/generate.cjs" "$out/packages" "$version" "${binaries[@]}")
for dir in "${dirs[@]}"; do
  (cd "$out/tarballs" && npm pack --ignore-scripts --silent "$dir" >/dev/null)
done
for dir in "${dirs[@]}"; do
  name="$(node -p 'require(process.argv[1]).name' "$dir/package.json")"
  # npm pack names a tarball after the package: @scope/name -> scope-name-VERSION.tgz
  file="$out/tarballs/$(printf '%s' "${name#@}" | tr / -)-$version.tgz"
  [ -f "$file" ] || { echo "npm-pack: npm pack made no $file" >&2; exit 2; }
  echo "$file"
done
