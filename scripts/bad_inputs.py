#!/usr/bin/env python3
"""The bad-input matrix: hostile projects that must not crash, hang or blow up mpcheck.

Each case builds a small project in a temporary folder, runs the release binary on it with a
5 s timeout and measures exit status, wall time and peak RSS (os.wait4). A case fails when the
process is killed by a signal, panics (exit 101), exits with anything but 0/1/2, runs past the
timeout, uses more than 1 GB, or its output lacks the text the case expects.

    python3 scripts/bad_inputs.py [--bin target/release/mpcheck] [--markdown] [-k NAME]

`--markdown` prints the table that README.md keeps (input, what mpcheck does, exit, time, RSS).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 5.0
RSS_LIMIT_MB = 1024

BASE = {
    "project.config.json": '{"appid": "wx0000000000000000"}',
    "app.json": '{"pages": ["pages/index/index"]}',
    "pages/index/index.js": "Page({})",
    "pages/index/index.wxml": "<view/>",
}


def page_js(body):
    return {"pages/index/index.js": body}


def app_json(text):
    return {"app.json": text}


CASES = []


def case(name, cls, desc, files, expect, args=("check", "-f", "concise"), setup=None, exits=(0, 1, 2), note=None):
    CASES.append(dict(name=name, cls=cls, desc=desc, files=files, expect=expect, args=list(args), setup=setup, exits=exits, note=note))


N = 5000
# 1. Deep nesting: our recursion and oxc's.
case("js-parens", "depth", f"JS `(` nested {N} deep", page_js("x = " + "(" * N + "1" + ")" * N), "MP006")
case("js-arrays", "depth", f"JS `[` nested {N} deep", page_js("x = " + "[" * N + "]" * N), "MP006")
case("js-objects", "depth", f"JS `{{a:` nested {N} deep", page_js("x = " + "{a:" * N + "1" + "}" * N), "MP006")
case("js-functions", "depth", f"JS `function(){{` nested {N} deep", page_js("function f(){" * N + "}" * N), "MP006")
case("js-calls", "depth", f"JS calls `f(f(…))` {N} deep", page_js("f(" * N + ")" * N), "MP006")
case("js-templates", "depth", f"JS template literal nested {N} deep", page_js("x = " + "`${" * N + "1" + "}`" * N), "MP006")
case("js-blocks", "depth", f"JS blocks `{{{{…}}}}` {N} deep", page_js("{" * N + "}" * N), "MP006")
case("js-plus-chain", "depth", "a `+` chain of 50,000 strings in a request URL",
     page_js("wx.request({url: 'http://a.example.com/'" + " + 'a'" * 50000 + "})"), "MP301")
case("js-member-chain", "depth", "a 50,000-step member chain", page_js("x = a" + ".b" * 50000), "MP006")
case("url-doubling", "size", "40 variables each defined as the last one twice (`a1 = a0 + a0`)",
     page_js("function f() { var a0 = 'http://a.example.com/'; "
             + "".join(f"var a{i} = a{i - 1} + a{i - 1}; " for i in range(1, 40))
             + "wx.request({url: a39}) }"), "Found")
case("url-appends", "size", "a URL built with 40,000 `+=` appends",
     page_js("function g() { var u = 'http://b.example.com/'; "
             + "".join(f"u += 'x{i}'; " for i in range(40000)) + "wx.request({url: u}) }"), "MP301")
case("url-reused-chain", "size", "a 100,000-part `+` chain used 4,000 times by 2,000 requests",
     page_js("const p = 'http://c.example.com/'" + " + ''" * 100000 + ";\nconst q = p" + " + p" * 4000
             + ";\n" + "wx.request({url: q})\n" * 2000), "MP301")
case("url-retry-wrapper", "size", "a request wrapper that calls itself three times (retries), 300 callers",
     page_js("const B = 'http://d.example.com'\nfunction request(u, n) { return wx.request({ url: B + u, "
             + "fail() { request(u, n - 1); request(u, n - 2); request(u, n - 3) } }) }\n"
             + "".join(f"request('/p{i}', 3)\n" for i in range(300))), "MP301")
case("url-guards", "size", "100,000 `if (u.indexOf('http') === 0) { x = u }` in one function",
     page_js("function f(u) { var x = 'https://e.example.com' + u;"
             + " if (u.indexOf('http') === 0) { x = u }" * 100000 + " wx.request({url: x}) }"), "Found")
case("wxs-parens", "depth", f"WXS `(` nested {N} deep",
     {"pages/index/u.wxs": "var x = " + "(" * N + "1" + ")" * N + ";\nmodule.exports = {x: x};"}, "MP006")
case("wxml-expr-parens", "depth", f"WXML `{{{{ }}}}` with `(` nested {N} deep",
     {"pages/index/index.wxml": "<view>{{" + "(" * N + "1" + ")" * N + "}}</view>"}, "MP006")
case("wxml-elements", "depth", "WXML elements nested 100,000 deep",
     {"pages/index/index.wxml": "<view>" * 100000 + "</view>" * 100000}, "MP006")
case("json-deep", "depth", "app.json arrays nested 200,000 deep", app_json("[" * 200000), "MP001")
case("glob-braces", "depth", "a packOptions glob of 10,000 `{`",
     {"project.config.json": '{"appid": "wx0000000000000000", "packOptions": {"ignore": [{"type": "glob", "value": "' + "{" * 10000 + '"}]}}'}, "MP133")

# 2. Long lines in the renderers.
pad = "x=1;" * 25000
case("long-js-line-human", "render", "a finding at column 100,000 of a minified JS line (human)",
     page_js(pad + "wx.request({url:'http://bad.example.com/x'})"), "MP30", args=("check",))
case("json-after-spaces", "render", "a JSON error after 70,000 spaces (human)",
     app_json('{"pages": ["pages/index/index"],' + " " * 70000 + "}"), "MP001", args=("check",))
case("json-after-tabs", "render", "a JSON error after 17,000 tabs (human)",
     app_json('{"pages": ["pages/index/index"],' + "\t" * 17000 + "}"), "MP001", args=("check",))
case("json-after-cjk", "render", "a JSON error after 33,000 CJK characters (human)",
     app_json('{"pages": ["pages/index/index"], "x": "' + "中" * 33000 + '",}'), "MP001", args=("check",))
case("config-long-line-json", "render", "an mpcheck.json error at column 70,000 (`-f json`)",
     {"mpcheck.json": "{" + " " * 70000 + '"nope": 1}'}, "unknown key", args=("check", "-f", "json"))
case("config-long-line-size", "render", "the same mpcheck.json error in `size`",
     {"mpcheck.json": "{" + " " * 70000 + '"nope": 1}'}, "unknown key", args=("size",))

# 3. Memory.
case("regexp-huge-group", "memory", "a packOptions regexp `(a)\\99999999999`",
     {"project.config.json": '{"appid": "wx0000000000000000", "packOptions": {"ignore": [{"type": "regexp", "value": "(a)\\\\99999999999"}]}}'}, "MP133")
case("regexp-subroutine", "memory", "a packOptions regexp `^(a|b\\g<-1>\\g<-1>\\g<-1>\\g<-1>)/` (read as JavaScript does)",
     {"project.config.json": '{"appid": "wx0000000000000000", "packOptions": {"ignore": [{"type": "regexp", "value": "^(a|b\\\\g<-1>\\\\g<-1>\\\\g<-1>\\\\g<-1>)/"}]}}'}, "Found 0 errors")
case("glob-brace-product", "memory", "a glob with 14 `{a,b}` and a 2,000-character tail",
     {"project.config.json": '{"appid": "wx0000000000000000", "packOptions": {"ignore": [{"type": "glob", "value": "' + "{a,b}" * 14 + "x" * 2000 + '"}]}}'}, "MP133")
case("plugin-provider-x20000", "memory", "the same plugin provider declared 20,000 times",
     app_json('{"pages": ["pages/index/index"], "plugins": {' + ",".join(f'"p{i}": {{"version": "1.0.0", "provider": "wx1234567890abcdef"}}' for i in range(20000)) + "}}"), "MP116")
case("subpackage-root-x5000", "memory", "the same subpackage root 5,000 times",
     app_json('{"pages": ["pages/index/index"], "subPackages": [' + ",".join('{"root": "pkg", "pages": ["a"]}' for _ in range(5000)) + "]}"), "MP114")
case("config-dev-zero", "memory", "`-c /dev/zero`", {}, "not a regular file", args=("check", "-c", "/dev/zero"))
case("domains-dev-zero", "memory", "`--domains /dev/zero`", {}, "not a regular file", args=("check", "--domains", "/dev/zero"))
case("config-huge", "memory", "a 64 MB mpcheck.json", {"mpcheck.json": "{" + " " * (64 << 20) + "}"}, "too large")
case("js-15mb", "memory", "a 15 MB JS file", page_js("var a = 'x';\n" * ((15 << 20) // 13)), "MP406")

# 4. Time.
case("wxml-20000-findings", "time", "20,000 findings in one WXML file (human)",
     {"pages/index/index.wxml": "\n".join(f'<view bindtap="nope{i}"/>' for i in range(20000))}, "MP329", args=("check",))
case("wxml-end-tags-1mb", "time", "1 MB of `</a>` on one line (human)",
     {"pages/index/index.wxml": "</a>" * 250000}, "MP32", args=("check",))
case("wxml-unmatched", "time", "50,000 unmatched end tags then 50,000 start tags",
     {"pages/index/index.wxml": "</view>" * 50000 + "<view>" * 50000}, "MP32")
case("json-dup-keys", "time", "200,000 duplicate keys on one line of a data JSON",
     {"data.json": "{" + ",".join('"a": 1' for _ in range(200000)) + "}"}, "MP003")
case("subpackages-50000", "time", "50,000 subpackages",
     app_json('{"pages": ["pages/index/index"], "subPackages": [' + ",".join(f'{{"root": "p{i}", "pages": ["a"]}}' for i in range(50000)) + "]}"), "MP114")
case("regexp-backtracking", "time", "a backtracking packOptions regexp over 2,000 files",
     dict({"project.config.json": '{"appid": "wx0000000000000000", "packOptions": {"ignore": [{"type": "regexp", "value": "(a+)+$"}]}}'},
          **{f"img/{'a' * 40}{i}b.png": "" for i in range(2000)}), "Found 0 errors")
case("threads-100000", "time", "`--threads 100000`", {}, "using 256", args=("check", "-f", "concise", "--threads", "100000"))


# 5. The project folder is a boundary.
def outside_root(d):
    os.makedirs(os.path.join(os.path.dirname(d), "outside-docs"), exist_ok=True)
    with open(os.path.join(os.path.dirname(d), "outside-docs", "app.json"), "w") as f:
        f.write('{"pages": ["SECRET-OUTSIDE"]}')


case("root-dotdot", "boundary", 'miniprogramRoot `"a/../../outside-docs"`',
     {"project.config.json": '{"appid": "wx0000000000000000", "miniprogramRoot": "a/../../outside-docs"}'}, "MP100", setup=outside_root)


def root_symlink(d):
    outside_root(d)
    os.symlink("../outside-docs", os.path.join(d, "dist"))


case("root-symlink", "boundary", "miniprogramRoot is a link to a folder outside",
     {"project.config.json": '{"appid": "wx0000000000000000", "miniprogramRoot": "dist"}'}, "MP100", setup=root_symlink)


def link_to(name, target):
    def setup(d):
        os.remove(os.path.join(d, name)) if os.path.exists(os.path.join(d, name)) else None
        os.symlink(target, os.path.join(d, name))
    return setup


case("config-link-environ", "boundary", "mpcheck.json links to /proc/self/environ", {}, "a link to a place outside",
     setup=link_to("mpcheck.json", "/proc/self/environ"))
case("project-config-link", "boundary", "project.config.json links to /proc/self/environ", {}, "MP002",
     setup=link_to("project.config.json", "/proc/self/environ"))
case("private-config-link", "boundary", "project.private.config.json links to /etc/passwd", {}, "MP002",
     setup=link_to("project.private.config.json", "/etc/passwd"))
case("gitmodules-dev-zero", "boundary", ".gitmodules links to /dev/zero", {}, "",
     setup=link_to(".gitmodules", "/dev/zero"))
case("package-json-link", "boundary", "package.json links to /etc/passwd", {}, "MP002",
     setup=link_to("package.json", "/etc/passwd"))

# 6. Nothing lost.
case("js-syntax-error", "lost", "a JS syntax error next to a bad request URL",
     page_js("wx.request({url: 'http://bad.example.com'})\nfunction (\n"), "MP006")
case("js-binary", "lost", "a binary `.js` file", page_js("\x00\x01\x02\x03PNG\x00" * 100), "MP00")
case("wxml-utf16", "lost", "a UTF-16 `.wxml`", {"pages/index/index.wxml": b"\xff\xfe" + "<view/>".encode("utf-16-le")}, "UTF-16")
case("js-gbk", "lost", "a GBK `.js`", {"pages/index/index.js": "Page({data: {t: '中文'}})".encode("gbk")}, "GBK")
case("wxml-17mb", "lost", "a 17 MB `.wxml`", {"pages/index/index.wxml": "<view/>" * ((17 << 20) // 7 + 1)}, "too large")


def folder(name):
    def setup(d):
        p = os.path.join(d, name)
        if os.path.exists(p):
            os.remove(p)
        os.makedirs(p)
    return setup


def fifo(name):
    def setup(d):
        p = os.path.join(d, name)
        if os.path.exists(p):
            os.remove(p)
        os.mkfifo(p)
    return setup


case("config-folder", "lost", "mpcheck.json is a folder", {}, "is a folder", setup=folder("mpcheck.json"))
case("config-fifo", "lost", "mpcheck.json is a FIFO", {}, "not a regular file", setup=fifo("mpcheck.json"))
case("project-config-folder", "lost", "project.config.json is a folder", {}, "MP002", setup=folder("project.config.json"))
case("project-config-fifo", "lost", "project.config.json is a FIFO", {}, "MP002", setup=fifo("project.config.json"))
case("empty-app-json", "lost", "an empty app.json", app_json(""), "MP001")


# 7. Output integrity.
def newline_folder(d):
    p = os.path.join(d, "pages", "x\n::error file=app.json::INJECTED")
    os.makedirs(p)
    with open(os.path.join(p, "bad.json"), "w") as f:
        f.write("{")


case("newline-in-name", "output", "a folder named `x\\n::error file=app.json::INJECTED` (github)", {}, "INJECTED",
     setup=newline_folder, args=("check", "-f", "github"))
case("escape-in-json", "output", "a raw terminal escape in app.json (human)",
     app_json('{"pages": ["pages/index/index"], "\u001b]0;pwned\u0007x": 1}'), "MP001", args=("check",))
case("escaped-key", "output", "a JSON key `\\u001b]0;pwned\\u0007` quoted in a message (human)",
     app_json('{"pages": ["pages/index/index"], "\\u001b]0;pwned\\u0007x": 1}'), "MP102", args=("check",))


def size_symlink(d):
    with open(os.path.join(os.path.dirname(d), "victim.txt"), "w") as f:
        f.write("keep me")
    os.symlink("../victim.txt", os.path.join(d, "out.json"))


case("size-output-symlink", "output", "`size -o` onto a symlink", {}, "",
     setup=size_symlink, args=("size", "-f", "json", "-o", "out.json"),
     note="out.json replaced by a new file; the link's target is untouched")


def build(root, c):
    d = os.path.join(root, "p")
    os.makedirs(d)
    files = dict(BASE)
    files.update(c["files"])
    for rel, content in files.items():
        p = os.path.join(d, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content.encode() if isinstance(content, str) else content)
    if c["setup"]:
        c["setup"](d)
    return d


def run(binary, c):
    root = tempfile.mkdtemp(prefix="mpbad-")
    try:
        d = build(root, c)
        env = dict(os.environ, LANG="C", NO_COLOR="1", COLUMNS="100")
        out_path = os.path.join(root, "stdout")
        with open(out_path, "wb") as out, open(os.path.join(root, "stderr"), "wb") as err:
            t = time.monotonic()
            # GNU time measures the binary alone (the forked Python's pages would count in
            # wait4's figure).
            rss_file = os.path.join(root, "rss")
            wrap = ["/usr/bin/time", "-f", "%M", "-o", rss_file] if os.path.exists("/usr/bin/time") else []
            proc = subprocess.Popen(wrap + [binary] + c["args"], cwd=d, stdout=out, stderr=err, env=env)
            status, rss_kb = None, 0
            while True:
                pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    status, rss_kb = st, ru.ru_maxrss
                    break
                if time.monotonic() - t > TIMEOUT:
                    proc.kill()
                    _, st, ru = os.wait4(proc.pid, 0)
                    status, rss_kb = None, ru.ru_maxrss
                    break
                time.sleep(0.005)
            wall = time.monotonic() - t
            if wrap and os.path.exists(rss_file):
                try:
                    rss_kb = int(open(rss_file).read().split()[-1])
                except (ValueError, IndexError):
                    pass
        text = open(out_path, "rb").read().decode("utf-8", "replace")
        text += open(os.path.join(root, "stderr"), "rb").read().decode("utf-8", "replace")
        victim = os.path.join(root, "victim.txt")
        victim_intact = not os.path.exists(victim) or open(victim).read() == "keep me"
        return status, wall, rss_kb // 1024, text, victim_intact
    finally:
        shutil.rmtree(root, ignore_errors=True)


def verdict(c, status, wall, rss, text, victim_intact):
    if status is None:
        return "TIMEOUT"
    if os.WIFSIGNALED(status):
        return f"SIGNAL {os.WTERMSIG(status)}"
    code = os.WEXITSTATUS(status)
    if code == 101:
        return "PANIC"
    if wrap_failed(code, text):
        return f"EXIT {code} (signal under /usr/bin/time)"
    if code not in c["exits"]:
        return f"EXIT {code}"
    if rss > RSS_LIMIT_MB:
        return f"RSS {rss} MB"
    if c["expect"] and c["expect"] not in text:
        return "MISSING " + repr(c["expect"])
    if "SECRET-OUTSIDE" in text or "root:x:0:0" in text or "PATH=" in text:
        return "LEAK"
    if "\n::error file=app.json::INJECTED" in text or "\x1b]0;pwned" in text:
        return "INJECTION"
    if not victim_intact:
        return "WROTE THROUGH SYMLINK"
    return "ok"


def wrap_failed(code, text):
    """GNU time exits 128+N when the binary dies of signal N, and says so."""
    return code > 128 and "Command terminated by signal" in text


def summary_line(c, text):
    """The line of output that shows what mpcheck did with the case."""
    if c["note"]:
        return c["note"]
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    for i, l in enumerate(lines):
        if c["expect"] and c["expect"] in l:
            # Human output: the message is on the line after the `MPxxx(name)` header.
            if l.endswith(")") and "(" in l and i + 1 < len(lines) and " " not in l:
                return l + " " + lines[i + 1]
            return l
    return lines[0] if lines else "(no output)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/mpcheck")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("-k", default="")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    failed = 0
    rows = []
    for c in CASES:
        if a.k and a.k not in c["name"]:
            continue
        status, wall, rss, text, victim = run(binary, c)
        v = verdict(c, status, wall, rss, text, victim)
        failed += v != "ok"
        code = "-" if status is None or os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        line = summary_line(c, text)
        if len(line) > 110:
            line = line[:107] + "..."
        rows.append((c, v, code, wall, rss, line))
        if not a.markdown:
            print(f"{v:10} {c['name']:24} exit {code} {wall:6.2f}s {rss:5d} MB  {line}", flush=True)
    if a.markdown:
        print("| class | input | what mpcheck does | exit | time | RSS |")
        print("|---|---|---|---|---|---|")
        for c, v, code, wall, rss, line in rows:
            shown = line.replace("|", "\\|").replace("`", "'")
            if v != "ok":
                shown = f"**{v}** {shown}"
            print(f"| {c['cls']} | {c['desc']} | `{shown}` | {code} | {wall:.2f} s | {rss} MB |")
    print(f"{len(rows) - failed} passed, {failed} failed", file=sys.stderr if a.markdown else sys.stdout)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
