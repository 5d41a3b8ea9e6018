#!/usr/bin/env python3
"""Rewrites module paths after moving modules: `crate::OLD...` (and `$crate::`, `mpcheck::` in
tests, examples and benches, and the heads of `use crate::{...}` groups) become `crate::NEW...`.

    scripts/move_modules.py OLD=NEW [OLD=NEW ...]     (paths written with ::, e.g. rule=lint::rule)

Longest OLD first; idempotent when no NEW starts with its OLD. Files are not moved: `git mv` them.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def rewrite_path(path, moves):
    for old, new in moves:
        if path == old or path.startswith(old + "::"):
            return new + path[len(old):]
    return path


IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def rewrite(text, moves, roots):
    # 1. Plain paths: root::a::b (not followed by `{`, handled below).
    pat = re.compile(r"(?<![\w:])(" + "|".join(re.escape(r) for r in roots) + r")::((?:" + IDENT + r"::)*" + IDENT + r")(?!\w)")

    def plain(m):
        return m.group(1) + "::" + rewrite_path(m.group(2), moves)

    text = pat.sub(plain, text)
    # 2. Groups: root::{a::X, b::{..}, c} -> rewrite each top-level item's head.
    grp = re.compile(r"(?<![\w:])(" + "|".join(re.escape(r) for r in roots) + r")::\{")
    out = []
    i = 0
    while True:
        m = grp.search(text, i)
        if not m:
            out.append(text[i:])
            break
        out.append(text[i:m.end()])
        j = m.end()
        depth = 1
        start = j
        items = []
        while depth:
            c = text[j]
            if c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
                if depth == 0:
                    items.append((start, j))
            elif c == "," and depth == 1:
                items.append((start, j))
                start = j + 1
            j += 1
        body = []
        prev = m.end()
        for a, b in items:
            item = text[a:b]
            lead = len(item) - len(item.lstrip())
            core = item.strip()
            hm = re.match(r"((?:" + IDENT + r"::)*" + IDENT + r")", core)
            if hm:
                p = hm.group(1)
                # Item is `a::b::c`, `a::{..}`, `a as b` or `a`.
                core = rewrite_path(p, moves) + core[len(p):]
            body.append(text[prev:a] + item[:lead] + core + item[lead + len(item.strip()):])
            prev = b
        out.append("".join(body))
        i = prev
    return "".join(out)


def main():
    moves = sorted((tuple(a.split("=", 1)) for a in sys.argv[1:]), key=lambda m: -len(m[0]))
    changed = 0
    for top, roots in (("src", ["crate", "$crate"]), ("tests", ["mpcheck"]), ("examples", ["mpcheck"]),
                       ("benches", ["mpcheck"]), ("fuzz", ["mpcheck"])):
        for d, _, names in os.walk(os.path.join(ROOT, top)):
            if "target" in d.split(os.sep):
                continue
            for n in names:
                if not n.endswith(".rs"):
                    continue
                p = os.path.join(d, n)
                text = open(p, encoding="utf-8").read()
                new = rewrite(text, moves, roots)
                if new != text:
                    open(p, "w", encoding="utf-8").write(new)
                    changed += 1
    print(f"{changed} files rewritten")


if __name__ == "__main__":
    main()
