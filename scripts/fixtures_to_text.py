#!/usr/bin/env python3
"""Converts rule fixture folders (fixtures/rules/<CODE>/<case>/) into one text file per case
(fixtures/rules/<CODE>/<case>.txt, the format of fixtures/rules/README.md), and checks each
conversion by materializing the text into a temporary folder and comparing it byte for byte
with the folder (every file, link target and folder; modes are not compared).

    scripts/fixtures_to_text.py [--write] [--delete] [CASE_DIR...]

Without CASE_DIR: every fixtures/rules/*/*/ folder. Without --write it only checks that every
folder converts and round-trips. --delete removes each folder once its .txt round-trips (the
cargo example `materialize_fixtures` then checks the Rust materializer the same way: see
fixtures/rules/README.md).
"""
import base64
import json
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RULES = os.path.join(ROOT, "fixtures", "rules")

# Written when a case does not give the file (or says `[absent]`): the most common content.
DEFAULTS = {
    "project.config.json": b'{\n  "appid": "wx0000000000000000",\n  "compileType": "miniprogram",\n  "setting": {"urlCheck": true}\n}\n',
    "app.json": b'{\n  "pages": ["pages/index/index"]\n}\n',
    "app.js": b"App({})\n",
    "pages/index/index.js": b"Page({})\n",
    "pages/index/index.wxml": b"<view>hello</view>\n",
}
BIG = 4096  # text files at least this big are described by a generator when one fits (binary: any)
HEAD_MAX = 512


def plain_text(b):
    """Bytes a section can hold as they are: UTF-8, no CR, no BOM, no control characters but
    tab and newline, no line that would read as a section header."""
    try:
        s = b.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if s.startswith("\ufeff") or any((ord(c) < 32 and c not in "\t\n") or c == "\x7f" for c in s):
        return False
    return not any(line.startswith("--- ") for line in s.split("\n"))


def jstr(b):
    return json.dumps(b.decode("utf-8"), ensure_ascii=True)


def is_utf8(b):
    try:
        b.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def b64_lines(b):
    s = base64.b64encode(b).decode()
    return "".join(s[i : i + 76] + "\n" for i in range(0, len(s), 76))


def head_section(head, opts):
    """Options and section text for `head` (the literal start of a file)."""
    if head == b"":
        return opts, ""
    if plain_text(head):
        if not head.endswith(b"\n"):
            return opts + ["noeol"], head.decode() + "\n"
        return opts, head.decode()
    if head.startswith(b"\xef\xbb\xbf") and plain_text(head[3:]):
        rest = head[3:]
        opts = opts + ["bom"]
        if rest and not rest.endswith(b"\n"):
            return opts + ["noeol"], rest.decode() + "\n"
        return opts, rest.decode()
    return ["base64"] + opts, b64_lines(head)


def generator(b):
    """(head, fill, tail) with head + fill repeated + tail == b, or None."""
    n = len(b)
    # One byte repeated to the end.
    last = b[-1:]
    i = n
    while i > 0 and b[i - 1 : i] == last:
        i -= 1
    if len(b) - i >= 32 and i <= HEAD_MAX:
        return b[:i], last, b""
    # One line repeated.
    lines = b.split(b"\n")
    lines = [l + b"\n" for l in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(lines) > 100:
        from collections import Counter

        unit, _ = Counter(lines).most_common(1)[0]
        first = lines.index(unit)
        last_i = len(lines) - 1 - lines[::-1].index(unit)
        if all(l == unit for l in lines[first : last_i + 1]):
            head = b"".join(lines[:first])
            tail = b"".join(lines[last_i + 1 :])
            if len(head) + len(tail) <= HEAD_MAX:
                n = len(b) - len(head)
                if (unit * (n // len(unit) + 1))[:n] == b[len(head) :]:
                    tail = b""  # the repeated line, cut at the size
                return head, unit, tail
    return None


def section(rel, b):
    opts = []
    if b and not plain_text(b) or len(b) >= BIG:
        g = generator(b)
        if g:
            head, fill, tail = g
            opts, text = head_section(head, [])
            opts.append(f"size={len(b)}")
            if fill != b"\0":
                opts.append("fill=" + jstr(fill))
            if tail:
                opts.append("tail=" + jstr(tail))
            return opts, text
    return head_section(b, opts)


def header(rel, opts):
    assert " [" not in rel and not rel.endswith("]") and "\n" not in rel, rel
    return f"--- {rel}" + (f" [{' '.join(opts)}]" if opts else "") + "\n"


def convert(case_dir):
    out = []
    entries = []
    for dp, dns, fns in os.walk(case_dir):
        dns.sort()
        for name in sorted(dns + fns):
            p = os.path.join(dp, name)
            rel = os.path.relpath(p, case_dir)
            if os.path.islink(p):
                entries.append((rel, "link", os.readlink(p)))
            elif os.path.isdir(p):
                if not os.listdir(p):
                    entries.append((rel, "dir", None))
            else:
                entries.append((rel, "file", open(p, "rb").read()))
        # do not descend into linked folders
        dns[:] = [d for d in dns if not os.path.islink(os.path.join(dp, d))]
    present = {rel for rel, kind, _ in entries}
    for rel in DEFAULTS:
        if rel not in present:
            out.append(header(rel, ["absent"]))
    for rel, kind, data in sorted(entries):
        if kind == "file" and DEFAULTS.get(rel) == data:
            continue
        if kind == "link":
            out.append(header(rel, ["symlink=" + json.dumps(data)]))
            target = os.path.normpath(os.path.join(os.path.dirname(os.path.join(case_dir, rel)), data))
            if not target.startswith(os.path.abspath(case_dir) + os.sep) and target != os.path.abspath(case_dir):
                # A link that leaves the case: its target exists (as an empty folder or file)
                # where the materialized case's link resolves.
                trel = os.path.relpath(target, case_dir)
                out.append(header(trel, ["dir"] if os.path.isdir(target) else []))
        elif kind == "dir":
            out.append(header(rel, ["dir"]))
        else:
            opts, text = section(rel, data)
            out.append(header(rel, opts) + text)
    return "".join(out)


# ---- materializing (the same rules as tests/support/cases.rs) ----


def parse(text):
    sections = []
    cur = None
    for line in text.splitlines(keepends=True):
        if line.startswith("--- "):
            h = line[4:].rstrip("\n")
            opts = {}
            if h.endswith("]") and " [" in h:
                path, o = h.split(" [", 1)
                opts = parse_opts(o[:-1])
            else:
                path = h
            cur = [path, opts, []]
            sections.append(cur)
        elif cur is None:
            continue  # description before the first section
        else:
            cur[2].append(line)
    return [(p, o, "".join(c)) for p, o, c in sections]


def parse_opts(s):
    opts = {}
    dec = json.JSONDecoder()
    i = 0
    while i < len(s):
        if s[i] == " ":
            i += 1
            continue
        j = i
        while j < len(s) and s[j] not in " =":
            j += 1
        key = s[i:j]
        if j < len(s) and s[j] == "=":
            val, end = dec.raw_decode(s, j + 1)
            opts[key] = val
            i = end
        else:
            opts[key] = True
            i = j
    return opts


def to_bytes(v):
    return v.encode("utf-8")


def materialize(text, case_dir):
    os.makedirs(case_dir)
    given = set()
    for path, opts, content in parse(text):
        given.add(path)
        p = os.path.normpath(os.path.join(case_dir, path))
        if opts.get("absent"):
            continue
        if "symlink" in opts:
            os.makedirs(os.path.dirname(p), exist_ok=True)
            os.symlink(opts["symlink"], p)
            continue
        if opts.get("dir"):
            os.makedirs(p, exist_ok=True)
            continue
        if opts.get("base64"):
            b = base64.b64decode("".join(content.split()))
        else:
            b = content.encode("utf-8")
            if opts.get("noeol"):
                assert b.endswith(b"\n")
                b = b[:-1]
            if opts.get("bom"):
                b = b"\xef\xbb\xbf" + b
        if "size" in opts:
            fill = to_bytes(opts.get("fill", "\0"))
            tail = to_bytes(opts.get("tail", ""))
            n = opts["size"] - len(b) - len(tail)
            b = b + (fill * (n // len(fill) + 1))[:n] + tail
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(b)
    for rel, b in DEFAULTS.items():
        if rel not in given:
            p = os.path.join(case_dir, rel)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(b)


def snapshot(d):
    """Every entry under d: relative path -> ('file', bytes) | ('link', target) | ('dir',)."""
    out = {}
    for dp, dns, fns in os.walk(d):
        for name in dns + fns:
            p = os.path.join(dp, name)
            rel = os.path.relpath(p, d)
            if os.path.islink(p):
                out[rel] = ("link", os.readlink(p))
            elif os.path.isdir(p):
                out[rel] = ("dir",)
            else:
                out[rel] = ("file", open(p, "rb").read())
        dns[:] = [x for x in dns if not os.path.islink(os.path.join(dp, x))]
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    write = "--write" in sys.argv
    delete = "--delete" in sys.argv
    cases = args or sorted(
        os.path.join(RULES, c, k)
        for c in os.listdir(RULES)
        if os.path.isdir(os.path.join(RULES, c))
        for k in os.listdir(os.path.join(RULES, c))
        if os.path.isdir(os.path.join(RULES, c, k)) and not os.path.islink(os.path.join(RULES, c, k))
    )
    bad = 0
    for case in cases:
        case = os.path.abspath(case.rstrip("/"))
        text = convert(case)
        with tempfile.TemporaryDirectory() as t:
            # Mirrors the repository (fixtures/rules/CODE/case) so links that leave the case
            # resolve as they did.
            rel = os.path.relpath(case, ROOT)
            m = os.path.join(t, rel)
            materialize(text, m)
            if snapshot(m) != snapshot(case):
                a, b = snapshot(m), snapshot(case)
                diff = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
                print(f"MISMATCH {rel}: {diff[:5]}")
                bad += 1
                continue
        if write:
            with open(case + ".txt", "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        if delete:
            shutil.rmtree(case)
    print(f"{len(cases)} cases, {bad} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
