//! MP326: `<template is="name">` with a static name that no `<template name>` defines in the
//! same file or in a file it imports with `<import src>` (imports are not transitive). `wcc`
//! accepts it and the page renders nothing there, hence a warning.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;
use std::collections::HashSet;

crate::declare_rule! {
    TemplateNotFound, code: "MP326", name: "template-not-found", group: Wxml, severity: Warning,
    summary: ["<template is> names a template that is not defined or imported", "<template is> 使用的模板没有定义或引入"],
}

fn defined(doc: &Document, out: &mut HashSet<String>) {
    for el in doc.elements() {
        if el.name() == "template"
            && let Some(name) = el.attr("name").and_then(|a| a.value)
        {
            out.insert(name.to_string());
        }
    }
}

/// The finding at `<template is="name">` (its value at `span`), defined nowhere it can see;
/// `suggestion`: a defined name close to it.
fn not_defined(
    ctx: &Ctx,
    path: &str,
    name: &str,
    span: Option<Span>,
    suggestion: Option<&str>,
) -> Diagnostic {
    let help = suggestion.map(|s| ctx.did_you_mean(s)).unwrap_or_else(|| {
        ctx.t(
            "define it with <template name=\"…\"> here, or <import> the file that defines it"
                .into(),
            "请在此处用 <template name=\"…\"> 定义，或 <import> 定义它的文件".into(),
        )
    });
    Diagnostic::new(
        &META,
        path,
        span,
        ctx.t(
            format!("template \"{name}\" is not defined or imported"),
            format!("模板 \"{name}\" 没有定义或引入"),
        ),
    )
    .label(ctx.t("unknown template".into(), "未知的模板".into()))
    .help(help)
}

impl Rule for TemplateNotFound {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let uses: Vec<_> = doc
            .elements()
            .filter(|e| e.name() == "template")
            .filter_map(|e| e.attr("is"))
            .filter(|a| a.value.is_some_and(|v| !v.is_empty() && !v.contains("{{")))
            .collect();
        if uses.is_empty() {
            return;
        }
        let mut names = HashSet::new();
        defined(doc, &mut names);
        let dir = super::template_dir(p, path);
        let mut unresolved_import = false;
        // Each imported file once, however often it is imported.
        let mut imported_files = HashSet::new();
        for el in doc.elements().filter(|e| e.name() == "import") {
            let Some(src) = el.attr("src").and_then(|a| a.value) else {
                continue;
            };
            let target = super::resolve_src(dir, src, "wxml");
            if !imported_files.insert(target.clone()) {
                continue;
            }
            match p.wxml.get(&p.in_root(&target)) {
                Some(imported) => defined(imported, &mut names),
                None => unresolved_import = true,
            }
        }
        // A missing import is MP322's; its templates cannot be judged.
        if unresolved_import {
            return;
        }
        for a in uses {
            let name = a.value.unwrap_or_default();
            if names.contains(name) {
                continue;
            }
            let suggestion = super::suggest(name, names.iter().map(String::as_str));
            out.push(not_defined(ctx, path, name, a.value_span, suggestion));
        }
    }
}
