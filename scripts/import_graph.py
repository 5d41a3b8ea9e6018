#!/usr/bin/env python3
"""The `crate::` import graph of src/: which source file names which (in `use crate::...` lines and
in inline `crate::a::b` paths, `super::` resolved), its strongly connected components (Tarjan), and
the edges between top-level modules.

    scripts/import_graph.py [--dot FILE] [--members]

Prints the number of files, edges and cycles (components of more than one file) with the size of
each, the largest component's files with --members, and writes a Graphviz file with --dot. Reads
src/ only; no dependency beyond Python 3.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")


def module_of(path):
    rel = os.path.relpath(path, ROOT)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def files():
    out = {}
    for d, _, names in os.walk(ROOT):
        for n in names:
            if n.endswith(".rs"):
                p = os.path.join(d, n)
                out[module_of(p)] = p
    return out


PATH = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
USE_GROUP = re.compile(r"\buse\s+(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^;]*)\};", re.S)


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    # Unit tests (`#[cfg(test)] mod tests { ... }`): their `super::` is the file itself, and
    # what they use is no dependency of the program.
    out = []
    i = 0
    for m in re.finditer(r"#\[cfg\(test\)\]\s*mod\s+\w+\s*\{", text):
        if m.start() < i:
            continue
        out.append(text[i:m.start()])
        depth, j = 1, m.end()
        while j < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[j], 0)
            j += 1
        i = j
    out.append(text[i:])
    return "".join(out)


def resolve(mods, here, kind, parts, is_mod_file):
    if kind == "crate":
        base = ()
    elif kind == "self":
        base = here
    else:  # super: the parent module, for a mod.rs as for a plain file
        base = here[:-1]
    full = base + tuple(parts)
    # The longest prefix that is a module file.
    for n in range(len(full), 0, -1):
        if full[:n] in mods:
            return full[:n]
    return None


def graph():
    mods = files()
    edges = {m: set() for m in mods}
    for m, p in mods.items():
        text = strip_comments(open(p, encoding="utf-8").read())
        is_mod_file = os.path.basename(p) in ("mod.rs", "lib.rs", "main.rs")
        targets = []
        for g in USE_GROUP.finditer(text):
            prefix = [x for x in g.group(2).split("::") if x]
            for item in re.split(r",", g.group(3)):
                head = item.strip().split("::")[0].strip()
                if head and head not in ("self", "*") and re.match(r"^[A-Za-z_]", head):
                    targets.append((g.group(1), prefix + [head] + [x for x in item.strip().split("::")[1:] if x and x != "{"]))
                elif head == "self":
                    targets.append((g.group(1), prefix))
        for x in PATH.finditer(text):
            targets.append((x.group(1), [y for y in x.group(2).split("::") if y]))
        # Paths through the file's own submodules (`json::invalid_json::X` in rules/mod.rs, the
        # registry) and `self::`.
        here = m
        children = set(re.findall(r"^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*;", text, re.M))
        for child in children:
            for x in re.finditer(r"(?<![:\w])" + child + r"((?:::[A-Za-z_][A-Za-z0-9_]*)+)", text):
                targets.append(("self", [child] + [y for y in x.group(1).split("::") if y]))
        for kind, parts in targets:
            t = resolve(mods, m, kind, parts, is_mod_file)
            if t is not None and t != m and t != ():
                edges[m].add(t)
    return mods, edges


def sccs(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def name(m):
    return "crate" if not m else "::".join(m)


def main():
    mods, edges = graph()
    comps = [c for c in sccs(edges) if len(c) > 1]
    comps.sort(key=len, reverse=True)
    n_edges = sum(len(v) for v in edges.values())
    print(f"{len(mods)} files, {n_edges} edges, {len(comps)} cycles (components of more than one file)")
    for c in comps:
        print(f"  component of {len(c)} files, e.g. {', '.join(sorted(name(m) for m in c)[:6])}")
    if "--members" in sys.argv and comps:
        print("largest component:")
        for m in sorted(comps[0]):
            print("  " + name(m))
    top = {}
    for m, ts in edges.items():
        for t in ts:
            a, b = (m[:1] or ("crate",)), (t[:1] or ("crate",))
            if a != b:
                top.setdefault(a[0], set()).add(b[0])
    print("top-level module edges:")
    for a in sorted(top):
        print(f"  {a} -> {', '.join(sorted(top[a]))}")
    if "--dot" in sys.argv:
        path = sys.argv[sys.argv.index("--dot") + 1]
        with open(path, "w") as f:
            f.write("digraph imports {\n")
            for a in sorted(top):
                for b in sorted(top[a]):
                    f.write(f'  "{a}" -> "{b}";\n')
            f.write("}\n")


if __name__ == "__main__":
    main()
