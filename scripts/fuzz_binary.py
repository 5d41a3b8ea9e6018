#!/usr/bin/env python3
"""Whole-binary mutation fuzzer for mpcheck (Python 3.11, stdlib only).

Each case copies one fixture project (a folder under fixtures/ with app.json or
project.config.json; the rule cases fixtures/rules/*/*.txt are first written out as folders by
`cargo run --release --example materialize_fixtures`) to a temporary folder, mutates one to a few of its files (byte and token
mutations, long runs, deep nesting, invalid UTF-8, CJK, long lines) and sometimes the file
system (long names, control characters and newlines in names, symlinks and symlink loops,
empty files, a file replaced by a folder, deep folder nesting), then runs the release binary
(`check -f json|human|concise|github`, `size`, `size -f json|html`) with a timeout and measures
exit status, signal (os.wait4), time and peak RSS (VmHWM, polled every 10 ms).

Findings: a signal or exit 101 or any exit other than 0/1/2 (crash), the timeout (hang), peak
RSS over the limit (memory), and, for `-f json` runs that exit 0/1, stdout that is not one JSON
document (output). Each failing case is saved as a reproducer folder (the mutated project, the
command and what happened) under --out. Case i depends only on (--seed, i): rerun one case
with `--start i -n 1`.

    scripts/fuzz_binary.py -n 100000 -j 2 --seed 1 --out /tmp/fuzz-bin
"""

import argparse
import atexit
import concurrent.futures
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TEXT_EXT = {".json", ".wxml", ".wxs", ".js", ".ts", ".wxss"}

COMMON = [b"\n", b"\t", b" ", b"\r\n", b"\"", b"'", b"\\", b"/", b"\x00", b"\xef\xbb\xbf"]
TOKENS = {
    ".json": [b"{", b"}", b"[", b"]", b":", b",", b"\\u", b"\\ud800", b"true", b"null", b"1e999",
              b"-0", b"// c\n", b"\"usingComponents\":{\"c\":\"/c/c\"}", b"\"pages\":[\"p/a\"]",
              b"\"subpackages\":[{\"root\":\"s\",\"pages\":[\"a\"]}]", b"\"a\":\"\",",
              b"\"packOptions\":{\"ignore\":[{\"type\":\"regexp\",\"value\":\"(a+)+\\\\1\"}]}",
              b"\"tabBar\":{\"list\":[{\"pagePath\":\"x\",\"text\":\"t\"}]}", b"\"#zzz\""],
    ".wxml": [b"<view>", b"</view>", b"<a>", b"</a>", b"{{", b"}}", b"<!--", b"-->", b"<wxs module=\"m\">",
              b"</wxs>", b"<template is=\"t\"/>", b"<import src=\"./x.wxml\"/>", b"wx:if=\"{{a}}\"",
              b"wx:for=\"{{l}}\"", b"bindtap=\"f\"", b"<web-view src=\"https://a.b/{{c}}\"/>", b"&#x1;",
              b"<![CDATA[", b"<", b">", b"/>", b"="],
    ".js": [b"{", b"}", b"(", b")", b"[", b"]", b"`", b"${", b"wx.request({url:'https://a.com'+", b"})",
            b"require('../../app')", b"module.exports=", b"getApp().globalData.", b"Page({", b"Component({",
            b"methods:{", b"import a from './a'", b"export default ", b"=>", b"function(){", b"/*", b"*/",
            b"//", b"'0123456789abcdef0123456789abcdef'", b"wx.getLocation(", b"const w=wx;w.request("],
}
TOKENS[".ts"] = TOKENS[".js"] + [b": string", b"<T>", b"as any", b"enum E{", b"@d "]
TOKENS[".wxs"] = TOKENS[".js"] + [b"var ", b"new ", b"this", b"/a/g", b"for(k in o){}", b"0x1f"]
TOKENS[".wxss"] = [b"{", b"}", b"@import \"./a.wxss\";", b"@import '", b"url(", b")", b";", b"/*", b"*/"]
PAIRS = {
    ".json": [(b"[", b"]"), (b"{\"a\":", b"}")],
    ".wxml": [(b"<view>", b"</view>"), (b"<a>", b"</a>"), (b"{{(", b")}}")],
    ".js": [(b"(", b")"), (b"[", b"]"), (b"{", b"}"), (b"`${", b"}`"), (b"a(", b")"), (b"!", b""),
            (b"-", b""), (b"'x'+(", b")")],
    ".wxss": [(b"{", b"}")],
}
PAIRS[".ts"] = PAIRS[".js"]
PAIRS[".wxs"] = PAIRS[".js"]
ODD = ["中文".encode(), "𠮷".encode(), "😀".encode(), "\u2028".encode(), "\u202e".encode(),
       "e\u0301".encode(), b"\t", b"\r", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80"]


def count(rng):
    r = rng.random()
    if r < 0.7:
        return rng.randint(1, 8)
    if r < 0.9:
        return rng.randint(8, 200)
    if r < 0.98:
        return rng.randint(200, 5000)
    return rng.randint(5000, 100_000)


def mutate_bytes(rng, data, ext, max_len=2 << 20):
    toks = TOKENS.get(ext, TOKENS[".js"]) + COMMON
    pairs = PAIRS.get(ext, PAIRS[".js"])
    d = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(14)
        at = rng.randint(0, len(d))
        if op == 0 and d:
            i = rng.randrange(len(d))
            d[i] ^= 1 << rng.randrange(8)
        elif op == 1 and d:
            i = rng.randrange(len(d))
            del d[i:i + rng.randint(1, min(4096, len(d) - i))]
        elif op == 2 and d:
            i = rng.randrange(len(d))
            chunk = d[i:i + rng.randint(1, 256)]
            d[at:at] = chunk * (1 if rng.random() < 0.8 else count(rng))
        elif op in (3, 4, 5):
            d[at:at] = rng.choice(toks)
        elif op == 6:
            d[at:at] = rng.choice(toks) * count(rng)
        elif op in (7, 8):
            o, c = rng.choice(pairs)
            n = count(rng)
            d[at:at] = o * n + (c * n if rng.random() < 0.7 else b"")
        elif op == 9:
            d[at:at] = rng.choice(ODD) * (1 if rng.random() < 0.8 else count(rng))
        elif op == 10:
            unit = rng.choice([b"a", b"x ", "中".encode(), b"\t"])
            d[at:at] = unit * rng.randint(10_000, 200_000)
        elif op == 11 and d:
            del d[rng.randrange(len(d)):]
        elif op == 12:
            d[at:at] = rng.choice([b"0", b"-1", b"4294967296", b"1e999", b"99999999999999999999"])
        else:
            i = rng.randint(0, len(d))
            for k in range(i, len(d)):
                if d[k] == 10:
                    d[k] = 32
        if len(d) > max_len:
            del d[max_len:]
    return bytes(d)


CASES_ROOT = None


def materialize_cases(fixtures):
    """Writes the rule fixture cases (fixtures/rules/*/*.txt, see fixtures/rules/README.md) as
    folders under a temporary folder (removed at exit): its path, or None without cases."""
    global CASES_ROOT
    if not any((fixtures / "rules").glob("*/*.txt")):
        return None
    CASES_ROOT = Path(tempfile.mkdtemp(prefix="mpcheck-cases-"))
    atexit.register(shutil.rmtree, CASES_ROOT, True)
    subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "materialize_fixtures", "--", str(CASES_ROOT)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return CASES_ROOT


def find_projects(fixtures):
    out = []
    for dirpath, dirnames, filenames in os.walk(fixtures):
        dirnames.sort()
        if "app.json" in filenames or "project.config.json" in filenames:
            out.append(Path(dirpath))
            dirnames[:] = []  # a project's inner folders are part of it
    return out


def files_of(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if not p.is_symlink():
                out.append(p)
    return out


def fs_mutation(rng, proj):
    """One file-system mutation; returns a description."""
    files = files_of(proj)
    op = rng.randrange(9)
    try:
        if op == 0:
            name = "n" * rng.choice([100, 200, 250, 255])
            (proj / "pages" if (proj / "pages").is_dir() else proj).joinpath(name + ".js").write_text(
                "wx.request({url:'https://a.com'})")
            return f"long file name ({len(name) + 3} bytes)"
        if op == 1:
            name = rng.choice(["a\nb.wxml", "a\rb.json", "a\tb.js", "\x1b[31m.js", "a\x7f.wxs",
                               "-rf.js", " lead.json", "trail .wxml", "中文.wxml", "a:b?.js",
                               "\\back.js", "x\u202ey.js", "%s%n.js", "..json"])
            (proj / name).write_bytes(b"<view>{{a}}</view>" if name.endswith(".wxml") else b"{}")
            return f"control/odd name {name!r}"
        if op == 2 and files:
            target = rng.choice(files)
            link = proj / f"link{rng.randrange(1000)}{target.suffix}"
            os.symlink(os.path.relpath(target, proj), link)
            return f"symlink {link.name} -> {target.relative_to(proj)}"
        if op == 3:
            d = proj / "loop"
            d.mkdir(exist_ok=True)
            os.symlink("..", d / "up")
            os.symlink(".", proj / "self")
            return "symlink loops (loop/up -> .., self -> .)"
        if op == 4:
            os.symlink("/nonexistent/file.js", proj / "dangling.js")
            os.symlink("/etc", proj / "etc")
            return "dangling symlink and a symlink out of the project"
        if op == 5 and files:
            f = rng.choice(files)
            f.write_bytes(b"")
            return f"emptied {f.relative_to(proj)}"
        if op == 6 and files:
            f = rng.choice(files)
            f.unlink()
            f.mkdir()
            (f / "index.js").write_text("module.exports = 1")
            return f"replaced {f.relative_to(proj)} by a folder"
        if op == 7:
            depth = rng.choice([50, 100, 200])
            d = proj
            for _ in range(depth):
                d = d / "d"
            d.mkdir(parents=True)
            (d / "deep.js").write_text("wx.request({url:'http://10.0.0.1'})")
            (d / "deep.wxml").write_text("<view/>")
            return f"folder nesting {depth} deep"
        if op == 8:
            for i in range(rng.choice([100, 1000])):
                (proj / f"many{i}.wxml").write_bytes(b"<view>")
            return "many small files"
    except OSError as e:
        return f"fs mutation failed: {e}"
    return "no fs mutation"


COMMANDS = [
    (["check", "-f", "json"], 40),
    (["check", "-f", "human"], 20),
    (["check", "-f", "concise"], 10),
    (["check", "-f", "github"], 5),
    (["check", "-f", "json", "--threads", "1"], 5),
    (["check", "-f", "human", "--lang", "zh", "--color", "always"], 5),
    (["size"], 5),
    (["size", "-f", "json"], 7),
    (["size", "-f", "html", "-o", "/dev/null"], 3),
]


def make_case(i, args, projects):
    rng = random.Random(f"{args.seed}:{i}")
    proj_src = rng.choice(projects)
    work = Path(tempfile.mkdtemp(prefix=f"mpfz{i}-"))
    proj = work / "p"
    shutil.copytree(proj_src, proj, symlinks=True)
    shown = proj_src
    if proj_src.is_relative_to(ROOT):
        shown = proj_src.relative_to(ROOT)
    elif CASES_ROOT and proj_src.is_relative_to(CASES_ROOT):
        shown = proj_src.relative_to(CASES_ROOT)  # fixtures/rules/<CODE>/<name>
    notes = [f"project {shown}"]
    text_files = [f for f in files_of(proj) if f.suffix in TEXT_EXT]
    for _ in range(rng.randint(1, 3) if text_files else 0):
        f = rng.choice(text_files)
        try:
            f.write_bytes(mutate_bytes(rng, f.read_bytes(), f.suffix))
            notes.append(f"mutated {f.relative_to(proj)}")
        except OSError as e:
            notes.append(f"mutation failed: {e}")
    if rng.random() < 0.3:
        notes.append(fs_mutation(rng, proj))
    cmd_args = rng.choices([c for c, _ in COMMANDS], weights=[w for _, w in COMMANDS])[0]
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    env["COLUMNS"] = str(rng.choice([100, 100, 100, 1, 20, 80, 500, 10000]))
    return rng, work, proj, cmd_args, env, notes


def run_case(i, args, projects):
    rng, work, proj, cmd_args, env, notes = make_case(i, args, projects)
    cmd = [str(args.bin)] + cmd_args + [str(proj)]
    out_path, err_path = work / "stdout", work / "stderr"
    t = time.monotonic()
    with open(out_path, "wb") as so, open(err_path, "wb") as se:
        limit = args.as_limit_mb << 20

        def limit_memory():
            # Address-space cap, so a runaway allocation aborts the run instead of taking the
            # machine's memory (it is then a crash finding).
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

        p = subprocess.Popen(cmd, stdout=so, stderr=se, stdin=subprocess.DEVNULL, env=env,
                             start_new_session=True, cwd=work, preexec_fn=limit_memory)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(args.timeout, kill)
        timer.start()
        # Peak RSS: polled from /proc (VmHWM). wait4's ru_maxrss is no good here: exec keeps
        # the high-water mark of the forked Python process, so it never reads below ours.
        done = threading.Event()
        peak_kb = [0]

        def poll():
            path = f"/proc/{p.pid}/status"
            while not done.is_set():
                try:
                    with open(path) as f:
                        for line in f:
                            if line.startswith("VmHWM:"):
                                peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
                except (OSError, ValueError):
                    pass
                done.wait(0.01)

        poller = threading.Thread(target=poll, daemon=True)
        poller.start()
        _, status, ru = os.wait4(p.pid, 0)
        done.set()
        poller.join()
        timer.cancel()
        p.returncode = 0  # reaped by wait4
    elapsed = time.monotonic() - t
    rss_mb = peak_kb[0] / 1024
    sig = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
    code = os.WEXITSTATUS(status) if os.WIFEXITED(status) else None
    kind = None
    if timed_out.is_set():
        kind = "hang"
    elif sig is not None or code not in (0, 1, 2):
        kind = "crash"
    elif rss_mb > args.rss_mb:
        kind = "memory"
    elif "json" in cmd_args and code in (0, 1) and "-o" not in cmd_args:
        try:
            json.loads(out_path.read_bytes())
        except ValueError as e:
            kind = "output"
            notes.append(f"stdout is not JSON: {e}")
    result = {"case": i, "kind": kind, "code": code, "signal": sig, "secs": round(elapsed, 3),
              "rss_mb": round(rss_mb, 1), "cmd": cmd_args, "notes": notes}
    if kind:
        dest = Path(args.out) / f"case-{i}-{kind}"
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        shutil.copytree(proj, dest / "project", symlinks=True)
        err = err_path.read_bytes()[-20000:].decode("utf-8", "replace")
        (dest / "case.json").write_text(json.dumps(
            dict(result, columns=env["COLUMNS"], rerun=f"{sys.argv[0]} --seed {args.seed} --start {i} -n 1",
                 command=" ".join(cmd_args) + " project", stderr_tail=err), ensure_ascii=False, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    return result


def signature(case):
    """What a saved case died of: the panic location and message, a stack overflow, or kind."""
    err = case.get("stderr_tail", "")
    m = re.search(r"panicked at ([^\n]*)\n([^\n]*)", err)
    if m:
        return f"panic at {m.group(1)} {m.group(2)}"
    if "overflowed its stack" in err:
        return "stack overflow"
    return f"{case['kind']} (exit {case['code']}, signal {case['signal']})"


def triage(out):
    groups = {}
    for d in sorted(out.glob("case-*")):
        try:
            case = json.loads((d / "case.json").read_text())
        except (OSError, ValueError):
            continue
        groups.setdefault(signature(case), []).append(d.name)
    for sig, cases in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(cases):6}  {sig}\n        e.g. {', '.join(cases[:5])}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="cases (default 1000)")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1, help="cases run at once")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0, help="first case index")
    ap.add_argument("--out", default="fuzz-bin-out", help="folder for failing cases")
    ap.add_argument("--bin", default=str(ROOT / "target/release/mpcheck"))
    ap.add_argument("--fixtures", default=str(ROOT / "fixtures"))
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds before a run is a hang")
    ap.add_argument("--rss-mb", type=float, default=1024, help="peak RSS that is a finding")
    ap.add_argument("--as-limit-mb", type=int, default=8192,
                    help="address-space limit of each run (RLIMIT_AS), a safety net")
    ap.add_argument("--triage", metavar="OUT", help="group the saved cases in OUT by signature and exit")
    args = ap.parse_args()
    if args.triage:
        triage(Path(args.triage))
        return
    if not Path(args.bin).is_file():
        sys.exit(f"{args.bin} not found: cargo build --release first")
    projects = find_projects(Path(args.fixtures))
    cases = materialize_cases(Path(args.fixtures))
    if cases:
        # In the order the case folders had under fixtures/ (case i depends on the list).
        def order(p):
            base = cases / "fixtures" if p.is_relative_to(cases) else Path(args.fixtures)
            return p.relative_to(base).parts

        projects = sorted(projects + find_projects(cases / "fixtures"), key=order)
    if not projects:
        sys.exit(f"no projects under {args.fixtures}")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    totals = {"cases": 0, "crash": 0, "hang": 0, "memory": 0, "output": 0}
    codes = {}
    max_secs = max_rss = 0.0
    slowest = biggest = None
    t0 = time.monotonic()
    log = open(Path(args.out) / "findings.log", "a")
    with concurrent.futures.ThreadPoolExecutor(args.j) as ex:
        pending = set()
        it = iter(range(args.start, args.start + args.n))
        for i in it:
            pending.add(ex.submit(run_case, i, args, projects))
            if len(pending) >= args.j * 4:
                done, pending = concurrent.futures.wait(pending, return_when="FIRST_COMPLETED")
                for f in done:
                    r = f.result()
                    totals["cases"] += 1
                    codes[r["signal"] and f"sig{r['signal']}" or r["code"]] = codes.get(
                        r["signal"] and f"sig{r['signal']}" or r["code"], 0) + 1
                    if r["secs"] > max_secs:
                        max_secs, slowest = r["secs"], r["case"]
                    if r["rss_mb"] > max_rss:
                        max_rss, biggest = r["rss_mb"], r["case"]
                    if r["kind"]:
                        totals[r["kind"]] += 1
                        print(json.dumps(r, ensure_ascii=False), flush=True)
                        log.write(json.dumps(r, ensure_ascii=False) + "\n")
                        log.flush()
                    if totals["cases"] % 1000 == 0:
                        print(f"... {totals['cases']} cases, {totals['cases'] / (time.monotonic() - t0):.1f}/s",
                              file=sys.stderr, flush=True)
        for f in concurrent.futures.as_completed(pending):
            r = f.result()
            totals["cases"] += 1
            key = r["signal"] and f"sig{r['signal']}" or r["code"]
            codes[key] = codes.get(key, 0) + 1
            if r["secs"] > max_secs:
                max_secs, slowest = r["secs"], r["case"]
            if r["rss_mb"] > max_rss:
                max_rss, biggest = r["rss_mb"], r["case"]
            if r["kind"]:
                totals[r["kind"]] += 1
                print(json.dumps(r, ensure_ascii=False), flush=True)
                log.write(json.dumps(r, ensure_ascii=False) + "\n")
    wall = time.monotonic() - t0
    summary = (f"cases {totals['cases']} (seed {args.seed}, {args.start}..{args.start + args.n}) in {wall:.0f} s "
               f"({totals['cases'] / wall:.1f}/s, -j {args.j}): crashes {totals['crash']}, hangs {totals['hang']}, "
               f"memory {totals['memory']}, bad JSON output {totals['output']}; exit codes "
               f"{dict(sorted(codes.items(), key=str))}; slowest {max_secs:.2f} s (case {slowest}), "
               f"peak RSS {max_rss:.0f} MB (case {biggest})")
    print(summary)
    (Path(args.out) / "summary.txt").write_text(summary + "\n")
    sys.exit(1 if any(totals[k] for k in ("crash", "hang", "memory", "output")) else 0)


if __name__ == "__main__":
    main()
