//! MP326: `<template is="name">` with a static name that no `<template name>` defines in the
//! same file or in a file it imports with `<import src>` (imports are not transitive). `wcc`
//! accepts it and the page renders nothing there, hence a warning.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::wxml::RefKind;
use std::collections::HashSet;

crate::declare_rule! {
    TemplateNotFound, code: "MP326", name: "template-not-found", group: Wxml, severity: Warning,
    summary: ["<template is> names a template that is not defined or imported", "<template is> 使用的模板没有定义或引入"],
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
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let templates = &p.wxml().docs;
        for path in p.templates() {
            let Some(facts) = templates.get(path) else {
                continue;
            };
            if facts.template_uses.is_empty() {
                continue;
            }
            let mut names: HashSet<&str> = facts.templates.iter().map(|n| &**n).collect();
            let dir = super::template_dir(p, path);
            let mut unresolved_import = false;
            // Each imported file once, however often it is imported.
            let mut imported_files = HashSet::new();
            for (_, src) in facts.refs.iter().filter(|(k, _)| *k == RefKind::Import) {
                let target = super::resolve_src(dir, src, "wxml");
                if !imported_files.insert(target.clone()) {
                    continue;
                }
                match templates.get(&p.in_root(&target)) {
                    Some(imported) => names.extend(imported.templates.iter().map(|n| &**n)),
                    None => unresolved_import = true,
                }
            }
            // A missing import is MP322's; its templates cannot be judged.
            if unresolved_import {
                continue;
            }
            for (name, span) in &facts.template_uses {
                if names.contains(&**name) {
                    continue;
                }
                let suggestion = super::suggest(name, names.iter().copied());
                out.push(not_defined(ctx, path, name, *span, suggestion));
            }
        }
    }
}
