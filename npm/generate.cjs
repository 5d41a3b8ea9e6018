#!/usr/bin/env node
// Writes mpcheck's npm packages into a folder, ready for `npm pack` / `npm publish`:
//   <out>/mpcheck/            the main package: the launcher, README, LICENSE, mpcheck.schema.json
//                             (when the repository has one), optionalDependencies on every
//                             platform package at exactly <version>
//   <out>/cli-<platform>/     @mpcheck/cli-<platform>: one binary, with `os` and `cpu` so that
//                             npm installs only the one that fits
// Usage: node npm/generate.cjs OUT VERSION PLATFORM=BINARY...
// The platforms are the main package's optionalDependencies (npm/mpcheck/package.json); called
// by scripts/npm-pack.sh, which builds or collects the binaries.
"use strict";

var fs = require("fs");
var path = require("path");

var repo = path.join(__dirname, "..");
var SCOPE = "@mpcheck/cli-";
// The Rust target each platform package's binary is built for (.github/workflows/release.yml).
// Linux binaries are static musl builds: one package runs on glibc and musl (Alpine) systems.
var TARGETS = {
  "linux-x64": "x86_64-unknown-linux-musl",
  "linux-arm64": "aarch64-unknown-linux-musl",
  "darwin-x64": "x86_64-apple-darwin",
  "darwin-arm64": "aarch64-apple-darwin",
  "win32-x64": "x86_64-pc-windows-msvc",
  "win32-arm64": "aarch64-pc-windows-msvc",
};

function die(message) {
  process.stderr.write("npm/generate.cjs: " + message + "\n");
  process.exit(2);
}

function writeJson(file, value) {
  fs.writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

function copy(from, to, mode) {
  fs.copyFileSync(from, to);
  fs.chmodSync(to, mode);
}

var args = process.argv.slice(2);
if (args.length < 2) die("usage: node npm/generate.cjs OUT VERSION PLATFORM=BINARY...");
var out = args[0];
var version = args[1];
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) die("not a version: " + version);

var main = JSON.parse(fs.readFileSync(path.join(__dirname, "mpcheck", "package.json"), "utf8"));
var platforms = Object.keys(main.optionalDependencies).map(function (dep) {
  if (dep.indexOf(SCOPE) !== 0) die("unexpected optional dependency " + dep);
  var key = dep.slice(SCOPE.length);
  if (!TARGETS[key]) die("no Rust target known for " + dep);
  return key;
});

var binaries = {};
args.slice(2).forEach(function (arg) {
  var eq = arg.indexOf("=");
  var key = arg.slice(0, eq);
  var file = arg.slice(eq + 1);
  if (eq < 0 || platforms.indexOf(key) < 0) {
    die("expected PLATFORM=BINARY with PLATFORM one of " + platforms.join(", ") + ": " + arg);
  }
  if (!fs.statSync(file, { throwIfNoEntry: false })) die(key + ": no such binary: " + file);
  binaries[key] = file;
});

var license = path.join(repo, "LICENSE");
var schema = path.join(repo, "mpcheck.schema.json");
var common = {
  version: version,
  homepage: main.homepage,
  bugs: main.bugs,
  repository: main.repository,
  license: main.license,
};

fs.mkdirSync(out, { recursive: true });

// The main package.
var mainDir = path.join(out, "mpcheck");
fs.mkdirSync(path.join(mainDir, "bin"), { recursive: true });
main.version = version;
platforms.forEach(function (key) {
  main.optionalDependencies[SCOPE + key] = version;
});
writeJson(path.join(mainDir, "package.json"), main);
copy(path.join(__dirname, "mpcheck", "bin", "mpcheck"), path.join(mainDir, "bin", "mpcheck"), 0o755);
copy(path.join(__dirname, "mpcheck", "README.md"), path.join(mainDir, "README.md"), 0o644);
copy(license, path.join(mainDir, "LICENSE"), 0o644);
copy(schema, path.join(mainDir, "mpcheck.schema.json"), 0o644);
var written = [mainDir];

// One package per platform given a binary.
Object.keys(binaries).forEach(function (key) {
  var parts = key.split("-");
  var os = parts[0];
  var cpu = parts[1];
  var exe = os === "win32" ? "mpcheck.exe" : "mpcheck";
  var dir = path.join(out, "cli-" + key);
  fs.mkdirSync(dir, { recursive: true });
  var pkg = {
    name: SCOPE + key,
    version: common.version,
    description: "The " + key + " binary of mpcheck (" + TARGETS[key] + "); install `mpcheck`, which picks it",
    homepage: common.homepage,
    bugs: common.bugs,
    repository: common.repository,
    license: common.license,
    os: [os],
    cpu: [cpu],
    files: [exe, "README.md", "LICENSE"],
    // Yarn PnP: unpack it, so that the binary is a real file that can be run.
    preferUnplugged: true,
    publishConfig: { access: "public" },
  };
  writeJson(path.join(dir, "package.json"), pkg);
  copy(binaries[key], path.join(dir, exe), 0o755);
  copy(license, path.join(dir, "LICENSE"), 0o644);
  fs.writeFileSync(
    path.join(dir, "README.md"),
    "# " + pkg.name + "\n\nThe " + key + " binary of [mpcheck](https://www.npmjs.com/package/mpcheck), built for `" +
      TARGETS[key] + "`.\nDo not install it directly: `npm i -D mpcheck` installs the package of your platform.\n"
  );
  written.push(dir);
});

written.forEach(function (dir) {
  process.stdout.write(dir + "\n");
});
