// mpcheck's bridge to the official upload client: runs miniprogram-ci's Node API (never a
// re-implementation) so that the per-package sizes come back, which its CLI does not print.
//
// Input: one JSON object on the first line of stdin: { ci, appid, projectPath, keyPath, version, desc?, robot,
// proxy?, useProjectConfig, verbose, result }. `ci` is the miniprogram-ci package folder; `result` a file this
// script writes: {"ok":true,"result":{...}} or {"ok":false,"code":N,"message":"..."}.
// Everything the client prints goes to stderr; stdout stays empty. The key is passed to the
// client by path; this script never reads or prints it.
'use strict';
const fs = require('fs');
const util = require('util');

const toStderr = (...args) => process.stderr.write(util.format(...args) + '\n');
console.log = toStderr;
console.info = toStderr;
console.debug = toStderr;
console.warn = toStderr;

// The options are the first line of stdin. mpcheck keeps stdin open while it waits: its end
// (mpcheck stopped, interrupted, killed, or out of time) stops this script and everything the
// client forked (mpcheck starts this script as the leader of its own process group).
let input = '';
let started = false;
const stopGroup = (code) => {
  // Nobody will read the result: leave nothing behind in the temporary folder.
  try {
    if (options && options.result) fs.unlinkSync(options.result);
  } catch (e) {
    // Already gone.
  }
  // The working folder mpcheck made for the client (it cannot remove it itself if killed).
  try {
    const cwd = process.cwd();
    if (require('path').basename(cwd).startsWith('mpcheck-client-')) {
      fs.rmSync(cwd, { recursive: true, force: true });
    }
  } catch (e) {
    // Already gone.
  }
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch (e) {
    // Not a group leader (Windows, or started by hand): only this process.
  }
  process.exit(code);
};
// The client's compiler processes, on the way out (this process ignores the signal).
const endChildren = () => {
  process.on('SIGTERM', () => {});
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch (e) {
    // Not a group leader.
  }
};
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => {
  if (started) return;
  input += chunk;
  const nl = input.indexOf('\n');
  if (nl >= 0) {
    started = true;
    begin(input.slice(0, nl));
  }
});
process.stdin.on('end', () => {
  if (!started) {
    started = true;
    begin(input);
    return;
  }
  stopGroup(1);
});
process.stdin.on('error', () => stopGroup(1));

function begin(text) {
  run(text).then(
    () => {
      endChildren();
      process.exit(0);
    },
    (e) => {
      finish({ ok: false, code: 1, message: 'mpcheck upload bridge: ' + String(e && e.stack || e) });
      endChildren();
      process.exit(1);
    },
  );
}

let options;
function finish(outcome) {
  if (options && options.result) {
    fs.writeFileSync(options.result, JSON.stringify(outcome));
  }
}

async function run(text) {
  options = JSON.parse(text);
  let ci;
  try {
    ci = require(options.ci);
  } catch (e) {
    finish({ ok: false, code: 1, message: 'cannot load miniprogram-ci from ' + options.ci + ': ' + e.message });
    return;
  }
  if (options.proxy) ci.proxy(options.proxy);
  let lastStep = '';
  try {
    const project = new ci.Project({
      appid: options.appid,
      type: options.type || 'miniProgram',
      projectPath: options.projectPath,
      privateKeyPath: options.keyPath,
    });
    const upload = {
      project,
      version: options.version,
      robot: Number(options.robot),
      useCOS: undefined,
      setting: { useProjectConfig: options.useProjectConfig !== false },
      onProgressUpdate(task) {
        // Tasks are {id, message, status: doing|done|warn} or plain strings. Shown: the steps
        // and warnings, not one line per compiled file (all of them with `verbose`).
        const message = typeof task === 'string' ? task : task && task.message;
        if (!message) return;
        const status = typeof task === 'string' ? 'doing' : task.status;
        if (!options.verbose) {
          if (status === 'done' || /^Compiling /.test(message)) return;
          if (message === lastStep) return;
        }
        lastStep = message;
        toStderr((status === 'warn' ? 'warning: ' : '') + message);
      },
    };
    if (options.desc !== undefined && options.desc !== null) upload.desc = options.desc;
    const result = await ci.upload(upload);
    finish({ ok: true, result });
  } catch (e) {
    const code = e && typeof e.code === 'number' ? e.code : (e && Number(e.code)) || 1;
    finish({ ok: false, code, message: String(e && e.message !== undefined ? e.message : e) });
  }
}
