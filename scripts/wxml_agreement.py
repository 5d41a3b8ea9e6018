#!/usr/bin/env python3
# Agreement with the official WXML compiler: copies a project, seeds one random mutation into
# N sampled WXML files (syntax defects, ES6 in inline WXS, and two harmless changes), then
# compares the files `wcc` rejects (../shared/tools/official-check.sh --wxml) with the files
# where mpcheck reports MP320/MP330. Needs node/npm (official-check installs miniprogram-ci).
#
#   cargo build --release
#   python3 scripts/wxml_agreement.py PROJECT_DIR /tmp/mut/NAME 60 SEED
#
# Writes only into the copy (the second argument).
import os, random, re, shutil, subprocess, sys, json
HERE = os.path.dirname(os.path.abspath(__file__))
src, dst, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
shutil.rmtree(dst, ignore_errors=True)
shutil.copytree(src, dst, symlinks=True, ignore=shutil.ignore_patterns('node_modules', '.git'))
files = sorted(os.path.relpath(os.path.join(r, f), dst) for r, _, fs in os.walk(dst) for f in fs if f.endswith('.wxml'))
MUT = {
  'drop-close-tag': lambda t: re.sub(r'</view>', '', t, count=1) if '</view>' in t else None,
  'drop-close-braces': lambda t: (lambda i: t[:i] + t[i+2:] if i >= 0 else None)(t.find('}}')),
  'drop-quote': lambda t: (lambda m: t[:m.end()-1] + t[m.end():] if m else None)(re.search(r'="[^"{}\n]*"', t)),
  'stray-end-tag': lambda t: t + '\n</text>\n',
  'bad-expression': lambda t: t.replace('}}', ' + }}', 1) if '}}' in t else None,
  'inline-wxs-let': lambda t: t + '\n<wxs module="mut">let x = 1; module.exports = { x: x };</wxs>\n',
  'inline-wxs-arrow': lambda t: t + '\n<wxs module="mut">var f = (a) => a; module.exports = { f: f };</wxs>\n',
  'harmless-dup-attr': lambda t: t.replace('<view ', '<view data-x="1" data-x="2" ', 1) if '<view ' in t else None,
  'harmless-comment': lambda t: '<!-- note -->\n' + t,
}
picked = rng.sample(files, min(n, len(files)))
applied = {}
for f in picked:
    p = os.path.join(dst, f)
    t = open(p, encoding='utf-8', errors='replace').read()
    for name in rng.sample(list(MUT), len(MUT)):
        out = MUT[name](t)
        if out is not None and out != t:
            open(p, 'w', encoding='utf-8').write(out); applied[f] = name; break
# mp root: where app.json is (official-check reports paths relative to the miniprogram root)
r = subprocess.run(['bash', os.path.join(HERE, '..', '..', 'shared', 'tools', 'official-check.sh'), dst, '--wxml', '--no-quality', '--no-compile'], capture_output=True, text=True)
wcc = set(m.group(1) for m in re.finditer(r'^  - (\S+?\.wxml):\d+:\d+', r.stdout, re.M))
o = subprocess.run([os.path.join(HERE, '..', 'target', 'release', 'mpcheck'), 'check', dst, '-f', 'json'], capture_output=True, text=True)
diags = json.loads(o.stdout)['diagnostics']
mp = set(d['file'] for d in diags if d['code'] in ('MP320', 'MP330') and d['file'].endswith('.wxml'))
# mpcheck paths are project-relative, wcc's are relative to the miniprogram root
root = ''
for cand in ['miniprogram/', '']:
    if any(w.startswith(cand) for w in mp) and cand and not any(x.startswith(cand) for x in wcc): root = cand
mp = set(x[len(root):] if x.startswith(root) else x for x in mp)
mutated = set(f[len(root):] if f.startswith(root) else f for f in applied)
both = wcc & mp; only_w = wcc - mp; only_m = mp - wcc
print(f"{os.path.basename(src)}: {len(applied)} files mutated; wcc rejects {len(wcc)}, mpcheck {len(mp)}, both {len(both)}, only wcc {len(only_w)}, only mpcheck {len(only_m)}")
kinds = {}
for f, k in applied.items():
    g = f[len(root):] if f.startswith(root) else f
    kinds.setdefault(k, [0, 0, 0]); kinds[k][0] += 1; kinds[k][1] += g in wcc; kinds[k][2] += g in mp
for k, v in sorted(kinds.items()): print(f"  {k}: {v[0]} files, wcc {v[1]}, mpcheck {v[2]}")
for f in sorted(only_w): print('  only wcc:', f, applied.get(root + f, applied.get(f)), [l for l in r.stdout.splitlines() if f in l][:1])
for f in sorted(only_m): print('  only mpcheck:', f, applied.get(root + f, applied.get(f)), [d['message'][:90] for d in diags if d['file'].endswith(f) and d['code'] in ('MP320','MP330')][:1])
