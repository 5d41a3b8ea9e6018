//! MP213: a path in `usingComponents` resolves to a json without `"component": true`. Such a
//! file is a page, not a component, and cannot be used as a tag.

use super::describe;
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::JsonKind;

crate::declare_rule! {
    NotAComponent, code: "MP213", name: "not-a-component", group: Components, severity: Warning,
    summary: ["A used component's json lacks \"component\": true", "被引用组件的 json 中缺少 \"component\": true"],
}

/// The finding at a use of `base`, whose json (`json_path`, its value at `value_span`) lacks
/// `"component": true`.
fn not_a_component(
    ctx: &Ctx,
    u: &ComponentUse,
    base: &str,
    json_path: String,
    value_span: Span,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.owner,
        Some(u.span),
        ctx.t(
            format!(
                "{} is not a component: {base}.json has no \"component\": true",
                describe(u)
            ),
            format!(
                "{} 不是组件：{base}.json 中没有 \"component\": true",
                describe(u)
            ),
        ),
    )
    .label(ctx.t("not a component".into(), "不是组件".into()))
    .help(ctx.t(
        format!("add \"component\": true to {base}.json (and call Component() in its .js)"),
        format!("请在 {base}.json 中添加 \"component\": true（并在其 .js 中调用 Component()）"),
    ))
    .related(
        json_path,
        Some(value_span),
        ctx.t("this json".into(), "该 json 文件".into()),
    )
}

impl Rule for NotAComponent {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for u in &ctx.analysis.component_uses {
            let Resolution::Found(base) = &u.resolution else {
                continue;
            };
            let json_path = p.in_root_with(base, ".json");
            let Some(value) = p.json(&json_path).and_then(|d| d.value()) else {
                continue;
            };
            if value
                .get("component")
                .is_some_and(|c| matches!(c.kind, JsonKind::Bool(true)))
            {
                continue;
            }
            out.push(not_a_component(ctx, u, base, json_path, value.span));
        }
    }
}
