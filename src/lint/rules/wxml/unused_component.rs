//! MP325: a `usingComponents` entry of a page or component json whose tag never appears in its
//! template (`<tag>`, or a `generic:…="tag"` value), counting the templates it includes or
//! imports. The official code-quality scan requires none (CONTAINS_UNUSED_COMPONENTS); an
//! unused component is still loaded, and costs start-up time and package size.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::wxml::RefKind;
use std::collections::HashSet;

crate::declare_rule! {
    UnusedComponent, code: "MP325", name: "unused-component", group: Wxml, severity: Warning,
    summary: ["A usingComponents entry is never used in the template", "usingComponents 中声明的组件未在模板中使用"],
    needs: [Schemas],
}

/// Tags used in the template at `path`, and in the templates it imports or includes
/// (relative or `/` paths).
fn used_tags<'a>(ctx: &Ctx<'a>, path: &str, out: &mut rustc_hash::FxHashSet<&'a str>) {
    let p = ctx.project;
    let templates = &p.wxml().docs;
    // Breadth first, each template once: a template that imports itself (or others that do)
    // 300 times was 300^4 walks.
    let mut seen: HashSet<String> = HashSet::from([path.to_string()]);
    let Some(facts) = templates.get(path) else {
        return;
    };
    let mut queue = std::collections::VecDeque::from([(path.to_string(), facts, 0usize)]);
    while let Some((path, facts, depth)) = queue.pop_front() {
        out.extend(facts.tags.iter().map(|t| &**t));
        if depth >= 4 {
            continue;
        }
        for (kind, src) in &facts.refs {
            if *kind == RefKind::Wxs {
                continue;
            }
            let target = p.in_root(&super::resolve_src(
                super::template_dir(p, &path),
                src,
                "wxml",
            ));
            if let Some(inner) = templates.get(&target)
                && seen.insert(target.clone())
            {
                queue.push_back((target, inner, depth + 1));
            }
        }
    }
}

/// The finding at an unused `usingComponents` entry of `json` (the template is `wxml_name`,
/// as the project shows it).
fn unused(ctx: &Ctx, json: &str, key: &str, key_span: Span, wxml_name: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        json,
        Some(key_span),
        ctx.t(
            format!("component \"{key}\" is declared but never used in {wxml_name}"),
            format!("组件 \"{key}\" 已声明，但未在 {wxml_name} 中使用"),
        ),
    )
    .label(ctx.t("unused".into(), "未使用".into()))
    .help(ctx.t(
        "remove the entry; the code-quality scan (CONTAINS_UNUSED_COMPONENTS) requires it, and unused components still load".into(),
        "请删除该声明；代码质量扫描（CONTAINS_UNUSED_COMPONENTS）要求如此，未使用的组件仍会被加载".into(),
    ))
}

impl Rule for UnusedComponent {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for wxml_path in ctx.project.templates() {
            check_template(ctx, wxml_path, out);
        }
    }
}

/// The unused entries of the json that goes with the template at `wxml_path`.
fn check_template(ctx: &Ctx, wxml_path: &str, out: &mut Vec<Diagnostic>) {
    let p = ctx.project;
    let Some(base) = wxml_path.strip_suffix(".wxml") else {
        return;
    };
    let file = format!("{base}.json");
    if !matches!(
        ctx.analysis.role(&file),
        Some(crate::project::JsonRole::Page | crate::project::JsonRole::Component)
    ) {
        return;
    }
    let Some(object) = p
        .json(&file)
        .and_then(|d| d.value())
        .and_then(|v| v.get("usingComponents"))
    else {
        return;
    };
    let Some(members) = object.as_object() else {
        return;
    };
    let mut used = rustc_hash::FxHashSet::default();
    used_tags(ctx, wxml_path, &mut used);
    // Every unused entry goes, each with its comma, the object staying valid.
    let unused_entries: Vec<bool> = members
        .iter()
        .map(|m| !used.contains(m.key.as_str()))
        .collect();
    let mut fixes = crate::syntax::json_edit::remove_members(&file, object, &unused_entries);
    let wxml_name = wxml_path
        .strip_prefix(p.mp_root.as_str())
        .unwrap_or(wxml_path);
    for (m, fix) in members.iter().zip(&mut fixes) {
        if !used.contains(m.key.as_str()) {
            out.push(unused(ctx, &file, &m.key, m.key_span, wxml_name).fix(fix.take()));
        }
    }
}
