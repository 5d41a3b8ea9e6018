#!/usr/bin/env python3
"""Fuzzes `mpcheck check --fix` on randomly mutated copies of the fixable rules' fixtures and the
example project: random insertions, deletions and duplications of JSON fragments (BOM, CRLF,
keys the fixes touch) in one JSON file, then --fix. Reports an exit outside 0/1/2, a JSON file
that parsed before and not after, and findings still fixable on a second run; failing projects
are kept under OUT. Needs `cargo build --release` first.

    scripts/fuzz_fix.py [SEED (1)] [N (300)] [OUT ($TMPDIR/mpcheck-fuzz-fix)]
"""
import atexit, os, random, shutil, subprocess, json, sys, glob, tempfile
ROOT=os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
M=os.path.join(ROOT,"target/release/mpcheck")
OUT=sys.argv[3] if len(sys.argv)>3 else os.path.join(tempfile.gettempdir(),"mpcheck-fuzz-fix")
os.makedirs(OUT,exist_ok=True)
random.seed(int(sys.argv[1]) if len(sys.argv)>1 else 1)
# The rule cases are text files (fixtures/rules/README.md): written out as folders first.
CASES=tempfile.mkdtemp(prefix="mpcheck-cases-"); atexit.register(shutil.rmtree,CASES,True)
subprocess.run(["cargo","run","--quiet","--release","--example","materialize_fixtures","--",CASES],cwd=ROOT,check=True,stdout=subprocess.DEVNULL)
srcs=[d for d in sorted(glob.glob(os.path.join(CASES,"fixtures/rules/MP*/fail-*"))) if os.path.basename(os.path.dirname(d)) in ("MP003","MP102","MP105","MP107","MP201","MP202","MP325","MP407","MP408")]+[os.path.join(ROOT,"fixtures/example")]
frags=['{','}','[',']',',',':','"','\\','\ufeff','\r\n','\t','"window"','"usingComponents"','"lazyCodeLoading"','"/pages/a/a"','"red"','"setting"','{"a":1}','\u00e9','\ud7ff','  ','\n']
bad=0
N=int(sys.argv[2]) if len(sys.argv)>2 else 300
for it in range(N):
    src=random.choice(srcs); d=os.path.join(OUT,"p"); shutil.rmtree(d,ignore_errors=True); shutil.copytree(src,d)
    files=[f for f in glob.glob(d+"/**/*.json",recursive=True)]
    f=random.choice(files); t=open(f,encoding='utf-8',errors='replace').read()
    for _ in range(random.randint(1,4)):
        i=random.randint(0,len(t)); op=random.random()
        if op<0.4: t=t[:i]+random.choice(frags)+t[i:]
        elif op<0.7: j=min(len(t),i+random.randint(1,5)); t=t[:i]+t[j:]
        else: t=t[:i]+t[i:i+20]+t[i:]
    open(f,'w',encoding='utf-8').write(t)
    before={p:open(p,'rb').read() for p in files}
    parsed_before={}
    for p,b in before.items():
        try: json.loads(b.decode('utf-8-sig')); parsed_before[p]=True
        except Exception: parsed_before[p]=False
    r=subprocess.run([M,"check",d,"--fix","-f","json"],capture_output=True,timeout=30)
    if r.returncode not in (0,1,2):
        bad+=1; print("EXIT",r.returncode,src,f,r.stderr[-500:]); shutil.copytree(d,os.path.join(OUT,f"crash{it}"))
        continue
    for p in files:
        if parsed_before[p]:
            try: json.loads(open(p,'rb').read().decode('utf-8-sig'))
            except Exception as e:
                bad+=1; print("BROKE",p,e); shutil.copytree(d,os.path.join(OUT,f"broke{it}"),dirs_exist_ok=True); break
    r2=subprocess.run([M,"check",d,"-f","json"],capture_output=True,timeout=30)
    try:
        fx=[x for x in json.loads(r2.stdout)["diagnostics"] if x.get("fix")]
        if fx: bad+=1; print("STILL FIXABLE",it,src,[x["code"] for x in fx][:5])
    except Exception as e: print("JSON?",e)
print(f"{N} runs, {bad} problems")
sys.exit(1 if bad else 0)
