//! The architecture, checked from the sources: `src/` is layers, each a folder, and a file
//! may import only from its own layer or one below; the file-level import graph has no cycle.
//! The graph is drawn as `scripts/import_graph.py` draws it: every `crate::` path (in `use`
//! lines, groups included, and inline), `super::`/`self::` resolved, and paths through a
//! file's own submodules; each path names the longest prefix that is a source file. Unit test
//! modules (`#[cfg(test)] mod … { … }`) are left out: their `super::` is the file itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Bottom to top.
const LAYERS: &[&str] = &[
    "base", "syntax", "project", "analysis", "lint", "report", "cli",
];

type Module = Vec<String>;

fn module_of(src: &Path, file: &Path) -> Module {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The text without comments, string contents and unit test modules.
fn code_of(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if b[i] == b'"' {
            // A string: skipped (raw strings with `#` are rare in paths; they hold no `crate::`
            // that matters either way, as both sides of a check see the same text).
            i += 1;
            while i < b.len() && b[i] != b'"' {
                i += if b[i] == b'\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else {
            let c = text[i..].chars().next().unwrap();
            out.push(c);
            i += c.len_utf8();
        }
    }
    strip_test_modules(&out)
}

fn strip_test_modules(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("#[cfg(test)]") {
        let after = rest[at + 12..].trim_start();
        if let Some(m) = after.strip_prefix("mod ")
            && let Some(open) = m.find('{')
            && m[..open]
                .trim()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_')
        {
            out.push_str(&rest[..at]);
            let body = &m[open + 1..];
            let mut depth = 1;
            let mut end = body.len();
            for (i, c) in body.char_indices() {
                depth += match c {
                    '{' => 1,
                    '}' => -1,
                    _ => 0,
                };
                if depth == 0 {
                    end = i + 1;
                    break;
                }
            }
            rest = &body[end..];
        } else {
            out.push_str(&rest[..at + 12]);
            rest = &rest[at + 12..];
        }
    }
    out.push_str(rest);
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a piece of code names: (root, segments), root being `crate`, `super`, `self`
/// or a child module's name. `use` groups are expanded one level per brace.
fn paths(code: &str, children: &BTreeSet<String>) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':');
        if !starts_word || !is_ident(chars[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && is_ident(chars[j]) {
            j += 1;
        }
        let word: String = chars[i..j].iter().collect();
        let root = matches!(word.as_str(), "crate" | "super" | "self") || children.contains(&word);
        if !root || !chars[j..].starts_with(&[':', ':']) {
            i = j;
            continue;
        }
        let (segments, end) = read_path(&chars, j);
        expand(&chars, &segments, end, &mut [], &word, &mut out);
        i = end.max(j + 1);
    }
    out
}

/// Reads `::a::b::c` from `at` (at `::`); returns the segments and where they end (at a `{`
/// when a group follows).
fn read_path(chars: &[char], mut at: usize) -> (Vec<String>, usize) {
    let mut segments = Vec::new();
    while chars[at..].starts_with(&[':', ':']) {
        at += 2;
        let start = at;
        while at < chars.len() && is_ident(chars[at]) {
            at += 1;
        }
        if start == at {
            break;
        }
        segments.push(chars[start..at].iter().collect());
    }
    (segments, at)
}

fn expand(
    chars: &[char],
    segments: &[String],
    end: usize,
    prefix: &mut [String],
    root: &str,
    out: &mut Vec<(String, Vec<String>)>,
) {
    let mut base = prefix.to_vec();
    base.extend(segments.iter().cloned());
    if chars.get(end) != Some(&'{') {
        out.push((root.to_string(), base));
        return;
    }
    // A group: each item at depth one.
    let mut depth = 0;
    let mut k = end;
    let mut item_start = end + 1;
    while k < chars.len() {
        match chars[k] {
            '{' => depth += 1,
            '}' | ',' if depth == 1 => {
                let item: String = chars[item_start..k].iter().collect();
                let item = item.trim();
                let head: String = item.chars().take_while(|c| is_ident(*c)).collect();
                if head == "self" {
                    out.push((root.to_string(), base.clone()));
                } else if !head.is_empty() {
                    let mut p = base.clone();
                    p.push(head.clone());
                    let rest: Vec<char> = item[head.len()..].chars().collect();
                    let (more, at) = read_path(&rest, 0);
                    expand(&rest, &more, at, &mut p, root, out);
                }
                if chars[k] == '}' {
                    return;
                }
                item_start = k + 1;
            }
            '}' => depth -= 1,
            _ => {}
        }
        k += 1;
    }
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeMap<Module, PathBuf> = files
        .iter()
        .map(|f| (module_of(&src, f), f.clone()))
        .collect();
    let mut edges = BTreeMap::new();
    for (module, file) in &modules {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let children: BTreeSet<String> = code
            .lines()
            .filter_map(|l| {
                let l = l.trim();
                let l = l.strip_prefix("pub ").unwrap_or(l);
                let name = l.strip_prefix("mod ")?.strip_suffix(';')?.trim();
                name.chars().all(is_ident).then(|| name.to_string())
            })
            .collect();
        let mut targets = BTreeSet::new();
        for (root, segments) in paths(&code, &children) {
            let mut full: Module = match root.as_str() {
                "crate" => vec![],
                "super" => module[..module.len().saturating_sub(1)].to_vec(),
                "self" => module.clone(),
                child => {
                    let mut m = module.clone();
                    m.push(child.to_string());
                    m
                }
            };
            full.extend(segments);
            let found = (1..=full.len())
                .rev()
                .map(|n| full[..n].to_vec())
                .find(|m| modules.contains_key(m));
            if let Some(t) = found
                && t != *module
            {
                targets.insert(t);
            }
        }
        edges.insert(module.clone(), targets);
    }
    edges
}

fn layer(m: &Module) -> Option<usize> {
    LAYERS
        .iter()
        .position(|l| m.first().is_some_and(|f| f == l))
}

#[test]
fn every_source_file_is_in_a_layer() {
    let edges = graph();
    let outside: Vec<String> = edges
        .keys()
        .filter(|m| !m.is_empty() && layer(m).is_none())
        .map(|m| m.join("::"))
        .collect();
    assert!(outside.is_empty(), "not in a layer folder: {outside:?}");
    assert!(
        edges.len() > 150,
        "the sources were read ({} files)",
        edges.len()
    );
}

#[test]
fn imports_point_down_or_sideways() {
    let mut upward = Vec::new();
    for (from, targets) in graph() {
        for to in targets {
            if let (Some(a), Some(b)) = (layer(&from), layer(&to))
                && b > a
            {
                upward.push(format!("{} -> {}", from.join("::"), to.join("::")));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports pointing up a layer:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycle() {
    let edges = graph();
    let cycles = strongly_connected(&edges);
    let text: Vec<String> = cycles
        .iter()
        .map(|c| {
            c.iter()
                .map(|m| m.join("::"))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect();
    assert!(text.is_empty(), "import cycles:\n{}", text.join("\n"));
}

/// The parser finds what it must: an upward import and a cycle in a made-up crate.
#[test]
fn the_parser_sees_groups_super_and_inline_paths() {
    let children = BTreeSet::from(["child".to_string()]);
    let code = code_of(
        "use crate::{a::B, c::{d::E, self}};\nfn f() { super::x::y(); child::z::W; crate::q::r(); }\n\
         // crate::comment::x\n#[cfg(test)]\nmod tests { use crate::testonly::X; }\n",
    );
    let got: BTreeSet<String> = paths(&code, &children)
        .into_iter()
        .map(|(r, s)| format!("{r}::{}", s.join("::")))
        .collect();
    let want: BTreeSet<String> = [
        "crate::a::B",
        "crate::c::d::E",
        "crate::c",
        "super::x::y",
        "child::z::W",
        "crate::q::r",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(got, want);
    let mut g = BTreeMap::new();
    let (a, b) = (vec!["a".to_string()], vec!["b".to_string()]);
    g.insert(a.clone(), BTreeSet::from([b.clone()]));
    g.insert(b.clone(), BTreeSet::from([a.clone()]));
    assert_eq!(strongly_connected(&g), vec![vec![a, b]]);
}

/// Tarjan's algorithm (iterative): the components of more than one file.
fn strongly_connected(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    let nodes: Vec<&Module> = edges.keys().collect();
    let id: BTreeMap<&Module, usize> = nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let succ: Vec<Vec<usize>> = nodes
        .iter()
        .map(|m| {
            edges[*m]
                .iter()
                .filter_map(|t| id.get(t).copied())
                .collect()
        })
        .collect();
    let n = nodes.len();
    let (mut index, mut low, mut on) = (vec![usize::MAX; n], vec![0; n], vec![false; n]);
    let (mut stack, mut out, mut counter) = (Vec::new(), Vec::new(), 0);
    for start in 0..n {
        if index[start] != usize::MAX {
            continue;
        }
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut next)) = work.last_mut() {
            if *next == 0 && index[v] == usize::MAX {
                index[v] = counter;
                low[v] = counter;
                counter += 1;
                stack.push(v);
                on[v] = true;
            }
            if let Some(&w) = succ[v].get(*next) {
                *next += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                loop {
                    let w = stack.pop().unwrap();
                    on[w] = false;
                    comp.push(nodes[w].clone());
                    if w == v {
                        break;
                    }
                }
                if comp.len() > 1 {
                    comp.sort();
                    out.push(comp);
                }
            }
        }
    }
    out
}
