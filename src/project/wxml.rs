//! The templates: every WXML file read at load is parsed once, later, in one parallel pass
//! that hands each tree to the caller while it is alive (the rules that read a template) and
//! keeps only the facts the whole-project analyses need. A tree is about 1.4 times its text;
//! holding every one until the rules ran was a quarter of the peak memory. For the upload set
//! alone (`mpcheck size`) only the templates that may load something are parsed.

use super::text::TextRead;
use super::walk::{WalkProblem, WalkProblemKind};
use crate::base::source::Span;
use crate::syntax::js::{Category, Site};
use crate::syntax::suppress::Directive;
use crate::syntax::wxml::{Document, Element, Node};
use crate::syntax::wxs::WxsModule;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

/// What a template refers to by `src`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefKind {
    Import,
    Include,
    Wxs,
}

/// What the whole-project analyses and rules read of one template.
#[derive(Debug, Default)]
pub struct WxmlFacts {
    /// `<template name>` values (any value, dynamic or empty ones too).
    pub templates: Vec<Box<str>>,
    /// `<template is>` with a static, non-empty name: the name and the span of the value.
    pub template_uses: Vec<(Box<str>, Option<Span>)>,
    /// Every element name, and every `generic:…` attribute value, once.
    pub tags: FxHashSet<Box<str>>,
    /// `src` of `<import>`, `<include>` and `<wxs>`, in document order, as written.
    pub refs: Vec<(RefKind, Box<str>)>,
}

/// The facts of every template, and what the parse finds for the other analyses.
#[derive(Debug, Default)]
pub struct WxmlIndex {
    /// Facts by template path (every WXML file whose text was read, excluded ones too).
    pub docs: FxHashMap<String, WxmlFacts>,
    /// `<web-view src>` values, as network sites (URLs evaluated).
    pub webview_sites: Vec<Site>,
    /// Inline `<wxs>` modules, by file, in path order.
    pub wxs: Vec<(String, WxsModule)>,
    /// Suppression directives in comments and inline `<wxs>` bodies (not of excluded files).
    pub directives: Vec<Directive>,
    /// Templates not read, or read in part (a legacy encoding), and why.
    pub problems: Vec<WalkProblem>,
    /// Bytes on disk of each template read (or too large to read).
    pub sizes: FxHashMap<String, u64>,
}

/// What the caller does with each template's tree while it is alive (the rules that read a
/// template), returning its findings.
pub type EachTemplate<'f, T> = dyn Fn(&str, &Document) -> Vec<T> + Sync + 'f;

/// One template's results from the pass.
struct Parsed<T> {
    path: String,
    size: Option<u64>,
    problem: Option<WalkProblemKind>,
    /// `None` when the text could not be read.
    facts: Option<WxmlFacts>,
    webviews: Vec<(String, Span)>,
    wxs: Vec<WxsModule>,
    directives: Vec<Directive>,
    out: Vec<T>,
}

impl WxmlFacts {
    fn of(doc: &Document) -> WxmlFacts {
        let mut facts = WxmlFacts::default();
        facts.tags.extend(doc.tag_names().map(Box::from));
        let special = doc
            .tag_names()
            .any(|t| matches!(t, "template" | "import" | "include" | "wxs"));
        for el in doc.elements() {
            if !special && !el.has_generic() {
                continue;
            }
            let name = el.name();
            if el.has_generic() {
                for a in el.attrs_where(|name| name.starts_with(b"generic:")) {
                    if let Some(v) = a.value
                        && !facts.tags.contains(v)
                    {
                        facts.tags.insert(v.into());
                    }
                }
            }
            let kind = match name {
                "template" => {
                    if let Some(v) = el.attr("name").and_then(|a| a.value) {
                        facts.templates.push(v.into());
                    }
                    if let Some(a) = el.attr("is")
                        && let Some(v) = a.value
                        && !v.is_empty()
                        && !v.contains("{{")
                    {
                        facts.template_uses.push((v.into(), a.value_span));
                    }
                    continue;
                }
                "import" => RefKind::Import,
                "include" => RefKind::Include,
                "wxs" => RefKind::Wxs,
                _ => continue,
            };
            if let Some(src) = el.attr("src").and_then(|a| a.value) {
                facts.refs.push((kind, src.into()));
            }
        }
        facts
    }
}

/// Reads and parses `docs` in parallel and calls `each` on each tree while it is alive;
/// returns the facts, and what the calls return, in the order of `docs`. `excluded`: the
/// files whose suppression directives the rules do not see; `each`: `None` when only the facts
/// are wanted (`{{ }}` contents are then not checked); `refs_only`: only what a template loads
/// is wanted (its `src` references and inline `<wxs>`: the upload set), so a template that
/// cannot name one is not parsed.
pub fn index<T: Send>(
    docs: &[&str],
    read: impl Fn(&str) -> TextRead + Sync,
    excluded: impl Fn(&str) -> bool,
    each: Option<&EachTemplate<T>>,
    refs_only: bool,
) -> (WxmlIndex, Vec<T>) {
    let parsed: Vec<Parsed<T>> = docs
        .par_iter()
        .map(|path| parse_one(path, &read, each, refs_only))
        .collect();
    let mut index = WxmlIndex::default();
    index.docs.reserve(parsed.len());
    let mut out = Vec::new();
    for p in parsed {
        out.extend(p.out);
        let excluded = excluded(&p.path);
        if !excluded {
            index.directives.extend(p.directives);
        }
        for m in p.wxs {
            if !excluded {
                index.directives.extend(m.directives.iter().cloned());
            }
            index.wxs.push((p.path.clone(), m));
        }
        for (src, span) in p.webviews {
            let parts = crate::syntax::js::webview::parts(&src);
            index.webview_sites.push(Site::new(
                p.path.clone(),
                span,
                Category::WebView,
                "web-view".into(),
                parts,
            ));
        }
        if let Some(size) = p.size {
            index.sizes.insert(p.path.clone(), size);
        }
        if let Some(kind) = p.problem {
            index.problems.push(WalkProblem {
                rel: p.path.clone(),
                kind,
            });
        }
        if let Some(facts) = p.facts {
            index.docs.insert(p.path, facts);
        }
    }
    (index, out)
}

/// Time spent parsing templates, summed over threads (for MPCHECK_TIMINGS).
pub static PARSE_NS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// Parses one template: its facts, `<web-view src>`s, inline WXS, suppression directives,
/// and what `each` makes of the tree.
fn parse_one<T>(
    path: &str,
    read: &impl Fn(&str) -> TextRead,
    each: Option<&EachTemplate<T>>,
    refs_only: bool,
) -> Parsed<T> {
    let TextRead {
        size,
        text,
        problem,
    } = read(path);
    let unparsed = |facts| Parsed {
        path: path.to_string(),
        size,
        problem: problem.clone(),
        facts,
        webviews: Vec::new(),
        wxs: Vec::new(),
        directives: Vec::new(),
        out: Vec::new(),
    };
    let Some(text) = text else {
        return unparsed(None);
    };
    if refs_only && each.is_none() && !may_load(&text) {
        return unparsed(Some(WxmlFacts::default()));
    }
    let t = std::time::Instant::now();
    let text: std::sync::Arc<str> = text.into();
    let doc = match each {
        Some(_) => crate::syntax::wxml::parse_shared(text.clone()),
        None => crate::syntax::wxml::parse_structure(text.clone()),
    };
    let text = &text;
    let mut webviews = Vec::new();
    let mut directives = Vec::new();
    let mut wxs = Vec::new();
    // Most templates have none of what the walk looks for: no walk then.
    let wanted = doc.has_comments() || doc.tag_names().any(|t| matches!(t, "web-view" | "wxs"));
    let mut walk = |node| match node {
        Node::Element(e) if e.is_named("web-view") => {
            if let Some(src) = e.attr("src")
                && let (Some(v), Some(span)) = (src.value, src.value_span)
            {
                webviews.push((v.to_string(), span));
            }
        }
        Node::Element(e) if e.is_named("wxs") && !e.has_attr("src") => {
            inline_wxs(path, text, e, &mut wxs);
        }
        Node::Comment(body, span) if body.contains("mpcheck-disable") => {
            directives.extend(crate::syntax::suppress::parse(path, body, span));
        }
        _ => {}
    };
    if wanted {
        doc.visit(&mut walk);
    }
    let facts = WxmlFacts::of(&doc);
    PARSE_NS.fetch_add(
        t.elapsed().as_nanos() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
    let out = each.map_or_else(Vec::new, |each| each(path, &doc));
    Parsed {
        path: path.to_string(),
        size,
        problem,
        facts: Some(facts),
        webviews,
        wxs,
        directives,
        out,
    }
}

/// Whether a template may load something: an `<import>`, `<include>` or `<wxs>` element
/// (inline `<wxs>` code can `require`). Each starts with its `<name` literally, so a text
/// without one has none.
fn may_load(text: &str) -> bool {
    crate::base::ascii::contains_any(text, &["<import", "<include", "<wxs"])
}

/// The modules of an inline `<wxs>` element's text children.
fn inline_wxs(path: &str, text: &str, e: Element, wxs: &mut Vec<WxsModule>) {
    for child in e.children() {
        if let Node::Text(span) = child
            && let Some(body) = text.get(span.start as usize..span.end as usize)
        {
            wxs.push(crate::syntax::wxs::check(path, body, span.start as usize));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_that_cannot_load_anything() {
        for (text, loads) in [
            ("<view>{{a}}</view>", false),
            ("<Import src=\"a\"/>", false),
            ("<import src=\"a.wxml\"/>", true),
            ("<include src=\"b\"/>", true),
            ("<wxs module=\"m\">var a = require('./m.wxs')</wxs>", true),
            // A comment may hold one: parsed, and found to load nothing.
            ("<!-- <import src=\"a\"/> -->", true),
        ] {
            assert_eq!(may_load(text), loads, "{text}");
            // Whatever it answers, a template it skips loads nothing.
            let doc = crate::syntax::wxml::parse(text);
            let facts = WxmlFacts::of(&doc);
            let inline_wxs = doc.elements().any(|e| e.is_named("wxs"));
            assert!(loads || (facts.refs.is_empty() && !inline_wxs), "{text}");
        }
    }

    #[test]
    fn facts_of_a_template() {
        let doc = crate::syntax::wxml::parse(
            "<import src=\"a.wxml\"/><include src=\"{{x}}\"/><wxs src=\"./m.wxs\" module=\"m\"/>\
             <template name=\"row\"><view/></template><template name=\"{{n}}\"/>\
             <template is=\"row\"/><template is=\"{{dyn}}\"/><template is=\"\"/>\
             <list generic:item=\"card\"/><view/>",
        );
        let facts = WxmlFacts::of(&doc);
        assert_eq!(
            facts.refs,
            [
                (RefKind::Import, "a.wxml".into()),
                (RefKind::Include, "{{x}}".into()),
                (RefKind::Wxs, "./m.wxs".into()),
            ]
        );
        assert_eq!(facts.templates, ["row".into(), "{{n}}".into()]);
        let uses: Vec<&str> = facts.template_uses.iter().map(|(n, _)| &**n).collect();
        assert_eq!(uses, ["row"]);
        let mut tags: Vec<&str> = facts.tags.iter().map(|t| &**t).collect();
        tags.sort();
        assert_eq!(
            tags,
            [
                "card", "import", "include", "list", "template", "view", "wxs"
            ]
        );
    }
}
