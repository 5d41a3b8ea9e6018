#!/usr/bin/env node
// packer-sizes.js: per-package byte counts for a WeChat mini-program project, computed OFFLINE by
// miniprogram-ci's own code (no upload, no network).
//
// Use:   node scripts/packer-sizes.js PROJECT_DIR [--no-compile] [--no-source] [--list] [--ci-defaults]
//        (MPCI_DIR=/dir overrides where miniprogram-ci is installed; default /tmp/official-check)
//
// Prints JSON:
//   packages : the compiled upload payload, i.e. exactly the file map that ci.getCompiledResult()
//              / ci.upload() build (same getCompiler() -> SummerCompiler.compile({resultType:'prod'})
//              call, same ".js.map" drop), split per package with the compiler's own rule
//              (AppGraph.checkFilePackage: first app.json subPackages root that the path starts
//              with, else "__APP__"). bytes = sum of Buffer byte lengths of the compiled contents.
//              "__APP__" includes the synthetic project.config.json that compile() adds.
//   full     : the same for the whole payload ("__FULL__"), plus the size of the pack() buffer
//              that upload would gzip and send (pack.buffer.length) and pack().validSize.
//   source   : what ci.checkCodeQuality()'s PACKAGE_SIZE_LIMIT item measures: raw on-disk sizes of
//              source files (white-listed extensions only, default ignores, NO packOptions, NO
//              unused-file filtering), grouped by CodeDenpendencyQualityChecker.caculatePackageSize.
//   filtered : files the compiler dropped, with the reason it reported (packOptions.ignore, unused
//              files when setting.ignoreUploadUnusedFiles is true).
// Offline trick (same as /work/shared/tools/official-check.js): dummy private key, project attr
// replaced by ci.DefaultProjectAttr, every HTTP request sent to a dead proxy 127.0.0.1:9 (the only
// request made, the server extension whitelist, fails and the built-in list is used).
'use strict';
const path = require('path');
const fs = require('fs');
const os = require('os');

const args = process.argv.slice(2);
const flags = new Set(args.filter(a => a.startsWith('--')));
const dirArg = args.find(a => !a.startsWith('--'));
if (!dirArg) { process.stderr.write('usage: packer-sizes.js PROJECT_DIR [--no-compile] [--no-source] [--list] [--ci-defaults]\n'); process.exit(2); }
const projectDir = path.resolve(dirArg);
const mpciDir = path.resolve(process.env.MPCI_DIR || '/tmp/official-check');

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'packer-sizes-'));
process.chdir(scratch);
process.on('exit', () => { try { fs.rmSync(scratch, { recursive: true, force: true }); } catch (_) { /* ignore */ } });
const realLog = console.log.bind(console);
for (const k of ['log', 'info', 'warn', 'debug']) console[k] = (...a) => process.stderr.write(a.map(String).join(' ') + '\n');
process.env.HTTPS_PROXY = process.env.HTTP_PROXY = process.env.https_proxy = process.env.http_proxy = 'http://127.0.0.1:9';

const ciMain = require.resolve('miniprogram-ci', { paths: [mpciDir, path.join(mpciDir, 'node_modules')] });
const dist = path.dirname(ciMain);                     // .../miniprogram-ci/dist
const ci = require(ciMain);
try { ci.proxy('http://127.0.0.1:9'); } catch (_) { /* ignore */ }
const { getCompiler } = require(path.join(dist, 'ci/getcompiler.js'));
const { formatCISetting } = require(path.join(dist, 'ci/utils/tools.js'));
const { pack } = require(path.join(dist, 'ci/utils/pack.js'));
const { Analyzer } = require(path.join(dist, 'common/code-analyse/index.js'));
const { CodeDenpendencyQualityChecker } = require(path.join(dist, 'ci/utils/codeDenpendencyQualityChecker.js'));
const { getProjectConfigJSON } = require(path.join(dist, 'modules/corecompiler/original/json/projectconfig.js'));

function readProjectConfig() {
  try { return JSON.parse(fs.readFileSync(path.join(projectDir, 'project.config.json'), 'utf8')); } catch (_) { return {}; }
}
const cfg = readProjectConfig();
const appid = cfg.appid && /^wx[0-9a-f]{16}$/i.test(cfg.appid) ? cfg.appid : 'wx0000000000000000';
const type = cfg.compileType === 'plugin' ? 'miniProgramPlugin' : 'miniProgram';
const byteLen = v => Buffer.isBuffer(v) ? v.length : Buffer.byteLength(String(v), 'utf8');

// AppGraph.checkFilePackage(e): for (t of Object.keys(conf.packages)) if (e.startsWith(t)) return t; return "__APP__"
function packageOf(roots, p) {
  for (const r of roots) if (p.startsWith(r)) return r;
  return '__APP__';
}

(async () => {
  const out = { project: projectDir, ciVersion: require(path.join(dist, '..', 'package.json')).version, type };
  const project = new ci.Project({
    appid, type, projectPath: projectDir, privateKey: 'offline-dummy-key',
    attr: async () => JSON.parse(JSON.stringify(ci.DefaultProjectAttr)),
  });
  out.miniprogramRoot = project.miniprogramRoot;

  if (!flags.has('--no-compile')) {
    // --ci-defaults: what ci.upload()/getCompiledResult() do when the caller passes no `setting`
    // ({useProjectConfig:false}: es6/minify/postcss... all off); default here: the project's own setting.
    const setting = flags.has('--ci-defaults') ? { useProjectConfig: false } : { useProjectConfig: true };
    out.compileSetting = setting;
    const onProgressUpdate = () => {};
    let compiler;
    try {
      // identical to getCompiledResult(): cacheManager.clean(); getCompiler(project, setting); compile({...})
      require(path.join(dist, 'utils/cache.js')).cacheManager.clean();
      compiler = await getCompiler(project, setting);
      const result = await compiler.compile({
        setting: formatCISetting(project, setting),
        onProgressUpdate: require(path.join(dist, 'ci/utils/progressupdate.js')).transProgressUpdate(onProgressUpdate),
        resultType: 'prod',
        disableSpreadingUsingComponents: true,
      });
      const files = {};
      for (const k of Object.keys(result).sort()) if (!k.endsWith('js.map')) files[k] = result[k];   // getCompiledResult drops *.js.map
      const conf = await compiler.getConf(type === 'miniProgramPlugin' ? 'miniProgram' : 'miniProgram');
      const packagesConf = (conf && conf.packages) || {};
      const roots = Object.keys(packagesConf);
      const prefix = type === 'miniProgramPlugin' ? 'miniprogram/' : '';
      const pk = new Map([['__APP__', { name: '__APP__', root: '', independent: false, bytes: 0, files: 0, list: [] }]]);
      for (const r of roots) pk.set(r, { name: r, root: r, independent: !!packagesConf[r].independent, bytes: 0, files: 0, list: [] });
      if (type === 'miniProgramPlugin') pk.set('plugin/', { name: 'plugin/', root: 'plugin/', independent: false, bytes: 0, files: 0, list: [] });
      for (const [f, v] of Object.entries(files)) {
        let name;
        if (type === 'miniProgramPlugin' && f.startsWith('plugin/')) name = 'plugin/';
        else name = packageOf(roots, prefix && f.startsWith(prefix) ? f.slice(prefix.length) : f);
        const p = pk.get(name);
        p.bytes += byteLen(v); p.files += 1; p.list.push(f);
      }
      // cross-check with the compiler's own per-package code-file lists (code files only)
      for (const p of pk.values()) {
        try {
          const codeFiles = await compiler.getPackageFiles('miniProgram', p.name, 'prod');
          p.codeFilesByCompiler = codeFiles.length;
        } catch (e) { p.codeFilesByCompiler = null; }
        if (!flags.has('--list')) delete p.list;
      }
      out.packages = [...pk.values()];
      const packed = pack(files);
      out.full = {
        name: '__FULL__', files: Object.keys(files).length,
        bytes: Object.values(files).reduce((s, v) => s + byteLen(v), 0),
        packBufferBytes: packed.buffer.length, packValidSize: packed.validSize,
      };
      // SummerCompiler.getFiltedFileListReason('prod'): every file under miniprogramRoot whose filter
      // code is not Include (1 = PackOptionsIgnore, 2 = AnalyseNoUse i.e. unused file, 3 = PartialCompileNoUse)
      const reasons = { 1: 'packOptionsIgnore', 2: 'unusedFile', 3: 'partialCompileNoUse' };
      const dropped = await compiler.getFiltedFileListReason('prod');
      out.filtered = {};
      for (const d of dropped) (out.filtered[reasons[d.code] || String(d.code)] ||= []).push(d.file);
      for (const k of Object.keys(out.filtered)) {
        const l = out.filtered[k];
        out.filtered[k] = flags.has('--list') ? l : { count: l.length, first: l.slice(0, 10) };
      }
      // files present under miniprogramRoot that are in neither the output nor the list above: dropped
      // because their extension is not in the white list (or are *.d.ts / inlined less/sass/scss sources)
      const { sourcePathToTargetPath } = require(path.join(dist, 'utils/tools.js'));
      const droppedSet = new Set(dropped.map(d => d.file));
      const rootDir = project.miniprogramRoot || '';
      const other = project.getFileList(rootDir, '').filter(f => !droppedSet.has(f)).filter(f => {
        const rel = path.posix.relative(rootDir, f);
        return !(rel in files) && !(sourcePathToTargetPath(rel) in files);
      });
      out.filtered.notWhiteListedOrInlined = flags.has('--list') ? other : { count: other.length, first: other.slice(0, 10) };
    } catch (e) {
      out.compileError = { code: e.code ?? null, path: e.path ?? null, message: String(e.message || e).split('\n').slice(0, 20).join('\n') };
    } finally {
      try { compiler && compiler.destroy && compiler.destroy(); } catch (_) { /* ignore */ }
    }
  }

  if (!flags.has('--no-source')) {
    try {
      // identical to QualityChecker.getCodeDepsChecker() in dist/ci/checkCodeQuality.js
      let root = getProjectConfigJSON(project).miniprogramRoot;
      root = root ? path.posix.join(project.projectPath, root) : project.projectPath;
      const analyzer = new Analyzer({ root, type: 'miniprogram', plugins: [] });
      await analyzer.analyse();
      const checker = new CodeDenpendencyQualityChecker(project, analyzer);
      const sizes = checker.caculatePackageSize();
      const counts = {};
      const ser = analyzer.serialize();
      for (const f of ser.files) { const k = f.subPackage || '__APP__'; counts[k] = (counts[k] || 0) + 1; }
      const IMG = require(path.join(dist, 'ci/utils/qualitycheckoption.js')).default.regList.IMAGE_AND_AUDIO_LIMIT;
      out.source = {
        packages: Object.keys(sizes).map(name => ({ name, bytes: sizes[name], files: counts[name] || 0 })),
        packageSizeLimitBytes: 1.5 * 1024 * 1024,
        imageAndAudioTotalBytes: checker.caculateResourceFileSize(IMG),
        imageAndAudioLimitBytes: 200 * 1024,
      };
      try { analyzer.destroy(); } catch (_) { /* ignore */ }
    } catch (e) {
      out.sourceError = String(e.message || e).split('\n')[0];
    }
  }
  realLog(JSON.stringify(out, null, 2));
  process.exit(out.compileError ? 1 : 0);
})();
