//! MP325: a `usingComponents` entry of a page or component json whose tag never appears in its
//! template (`<tag>`, or a `generic:…="tag"` value), counting the templates it includes or
//! imports. The official code-quality scan requires none (CONTAINS_UNUSED_COMPONENTS); an
//! unused component is still loaded, and costs start-up time and package size.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;
use std::collections::HashSet;

crate::declare_rule! {
    UnusedComponent, code: "MP325", name: "unused-component", group: Wxml, severity: Warning,
    summary: ["A usingComponents entry is never used in the template", "usingComponents 中声明的组件未在模板中使用"],
    needs: [Schemas],
}

/// Tags used in `doc`, and in the templates it imports or includes (relative or `/` paths).
fn used_tags<'a>(
    ctx: &Ctx<'a>,
    path: &str,
    doc: &'a Document,
    out: &mut rustc_hash::FxHashSet<&'a str>,
) {
    let p = ctx.project;
    // Breadth first, each template once: a template that imports itself (or others that do)
    // 300 times was 300^4 walks.
    let mut seen: HashSet<String> = HashSet::from([path.to_string()]);
    let mut queue = std::collections::VecDeque::from([(path.to_string(), doc, 0usize)]);
    while let Some((path, doc, depth)) = queue.pop_front() {
        for el in doc.elements() {
            out.insert(el.name());
            for a in el.attrs() {
                if a.name.starts_with("generic:")
                    && let Some(v) = a.value
                {
                    out.insert(v);
                }
            }
            if depth < 4
                && matches!(el.name(), "import" | "include")
                && let Some(src) = el.attr("src").and_then(|s| s.value)
            {
                let target = p.in_root(&super::resolve_src(
                    super::template_dir(p, &path),
                    src,
                    "wxml",
                ));
                if let Some(inner) = p.wxml.get(&target)
                    && seen.insert(target.clone())
                {
                    queue.push_back((target, inner, depth + 1));
                }
            }
        }
    }
}

impl Rule for UnusedComponent {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for (file, role, _) in ctx.analysis.schema_issues() {
            if !matches!(
                role,
                crate::project::JsonRole::Page | crate::project::JsonRole::Component
            ) {
                continue;
            }
            let Some(object) = p
                .json(file)
                .and_then(|d| d.value())
                .and_then(|v| v.get("usingComponents"))
            else {
                continue;
            };
            let Some(members) = object.as_object() else {
                continue;
            };
            let wxml_path = format!("{}.wxml", file.trim_end_matches(".json"));
            let Some(doc) = p.wxml.get(&wxml_path) else {
                continue;
            };
            let mut used = rustc_hash::FxHashSet::default();
            used_tags(ctx, &wxml_path, doc, &mut used);
            // Every unused entry goes, each with its comma, the object staying valid.
            let unused: Vec<bool> = members
                .iter()
                .map(|m| !used.contains(m.key.as_str()))
                .collect();
            let mut fixes = crate::syntax::json_edit::remove_members(file, object, &unused);
            for (m, fix) in members.iter().zip(&mut fixes) {
                if used.contains(m.key.as_str()) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &META,
                        file,
                        Some(m.key_span),
                        ctx.t(
                            format!("component \"{}\" is declared but never used in {}", m.key, wxml_path.strip_prefix(p.mp_root.as_str()).unwrap_or(&wxml_path)),
                            format!("组件 \"{}\" 已声明，但未在 {} 中使用", m.key, wxml_path.strip_prefix(p.mp_root.as_str()).unwrap_or(&wxml_path)),
                        ),
                    )
                    .label(ctx.t("unused".into(), "未使用".into()))
                    .help(ctx.t(
                        "remove the entry; the code-quality scan (CONTAINS_UNUSED_COMPONENTS) requires it, and unused components still load".into(),
                        "请删除该声明；代码质量扫描（CONTAINS_UNUSED_COMPONENTS）要求如此，未使用的组件仍会被加载".into(),
                    ))
                    .fix(fix.take()),
                );
            }
        }
    }
}
