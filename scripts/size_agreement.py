#!/usr/bin/env python3
# Per-package sizes: mpcheck (`mpcheck size -f json`) against the official quality scan's
# PACKAGE_SIZE_LIMIT detail (../shared/tools/official-check.sh --json; the scan lists the
# packages only when one is over 1.5 MB). Each difference is broken down into what explains it:
# compiler-plugin sources (.ts/.less/.scss/.sass, which mpcheck counts as stand-ins for their
# compiled output and the scan skips), project.private.config.json (the scan counts it, the
# upload removes it) and, with ignoreUploadUnusedFiles on, the code files nothing uses (MP410:
# with the setting true the packer leaves them out, the scan still counts them).
#
#   cargo build --release && python3 scripts/size_agreement.py PROJECT_DIR...
import json, os, subprocess, sys
HERE = os.path.dirname(os.path.abspath(__file__))
MPCHECK = os.path.join(HERE, '..', 'target', 'release', 'mpcheck')
OFFICIAL = os.path.join(HERE, '..', '..', 'shared', 'tools', 'official-check.sh')
PLUGIN = ('.ts', '.less', '.scss', '.sass')

for project in sys.argv[1:]:
    mine = json.loads(subprocess.run([MPCHECK, 'size', project, '-f', 'json'], capture_output=True, text=True).stdout)
    out = subprocess.run(['bash', OFFICIAL, project, '--json', '--no-compile'], capture_output=True, text=True).stdout
    try:
        official = json.loads(out[out.index('{'):])
    except ValueError:
        print(f'{project}: official-check gave no JSON'); continue
    detail = next((f.get('detail') for f in (official.get('quality') or {}).get('failed', [])
                   if f['name'] == 'PACKAGE_SIZE_LIMIT'), None)
    if not detail:
        print(f'{os.path.basename(project)}: every package under 1.5 MB, the scan gives no sizes'); continue
    # The miniprogram root: where app.json is.
    cfg = json.load(open(os.path.join(project, 'project.config.json')))
    root = os.path.join(project, (cfg.get('miniprogramRoot') or '').strip('/'))
    subs = [p['name'] for p in mine['packages'] if p['name'] != '__APP__']
    def package_of(rel):
        return next((s for s in sorted(subs, key=len, reverse=True) if rel.startswith(s)), '__APP__')
    plugin = {}
    for r, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d not in ('node_modules', '.git', '.svn')]
        for f in files:
            if f.endswith(PLUGIN) and not f.endswith('.d.ts'):
                rel = os.path.relpath(os.path.join(r, f), root)
                plugin[package_of(rel)] = plugin.get(package_of(rel), 0) + os.path.getsize(os.path.join(r, f))
    unused = {}
    setting = (cfg.get('setting') or {}).get('ignoreUploadUnusedFiles')
    if setting is True:
        check = json.loads(subprocess.run([MPCHECK, 'check', project, '-f', 'json'], capture_output=True, text=True).stdout)
        for d in check['diagnostics']:
            if d['code'] == 'MP410':
                path = os.path.join(project, d['file'])
                rel = os.path.relpath(path, root)
                unused[package_of(rel)] = unused.get(package_of(rel), 0) + os.path.getsize(path)
    private = os.path.join(root, 'project.private.config.json')
    private = os.path.getsize(private) if os.path.isfile(private) else 0
    print(f'{os.path.basename(project)}')
    print(f'  {"package":<28}{"official":>10}{"mpcheck":>10}{"diff":>8}  explained by')
    for p in mine['packages']:
        if p['name'] not in detail: continue
        o, m = detail[p['name']], p['bytes']
        why, rest = [], m - o
        if plugin.get(p['name']):
            why.append(f'plugin sources {plugin[p["name"]]}'); rest -= plugin[p['name']]
        if unused.get(p['name']):
            why.append(f'unused files -{unused[p["name"]]}'); rest += unused[p['name']]
        if p['name'] == '__APP__' and private:
            why.append(f'private config -{private}'); rest += private
        print(f'  {p["name"]:<28}{o:>10}{m:>10}{m - o:>8}  {", ".join(why) or "-"}{"" if rest == 0 else f"; UNEXPLAINED {rest}"}')
