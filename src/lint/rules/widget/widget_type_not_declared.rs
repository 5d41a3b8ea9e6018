//! MP505: project.config.json's `compileType` selects a widget mode (`search` or
//! `conversation`) and no `widgets[]` item has that type (DevTools
//! JSON_WIDGETS_TYPE_NOT_FOUND).

use super::{CONFIG, manifest_name, primary_manifest, widget_compile_type};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    WidgetTypeNotDeclared, code: "MP505", name: "widget-type-not-declared", group: Widget, severity: Error,
    summary: ["No widgets[] item has the type compileType selects", "widgets 中没有 compileType 所选类型的项目"],
}

/// The finding at `widgets` (`widgets_span`) of the manifest `file`, with no item of the
/// compile type `kind` (set at `span` in project.config.json).
fn type_not_declared(
    ctx: &Ctx,
    file: &str,
    widgets_span: Span,
    kind: &str,
    span: Span,
) -> Diagnostic {
    let f = manifest_name(file);
    Diagnostic::new(
        &META,
        file,
        Some(widgets_span),
        ctx.t(
            format!("Project with type={kind} is missing in the Widgets field of {f}"),
            format!("{f} 的 widgets 字段缺少 type={kind} 的项目"),
        ),
    )
    .label(ctx.t(
        format!("no type \"{kind}\""),
        format!("没有 type \"{kind}\""),
    ))
    .related(
        CONFIG,
        Some(span),
        ctx.t(
            format!("compileType \"{kind}\" runs this widget type"),
            format!("compileType \"{kind}\" 运行该类型的 widget"),
        ),
    )
    .help(ctx.t(
        format!("add {{\"type\": \"{kind}\", \"path\": \"widget\"}} to \"widgets\", or change compileType"),
        format!("请在 \"widgets\" 中加入 {{\"type\": \"{kind}\", \"path\": \"widget\"}}，或修改 compileType"),
    ))
}

impl Rule for WidgetTypeNotDeclared {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((kind, span)) = widget_compile_type(ctx) else {
            return;
        };
        let Some((file, manifest)) = primary_manifest(ctx) else {
            return;
        };
        let Some(widgets) = manifest.get("widgets") else {
            return;
        };
        // Missing, empty or not an array: MP500 and MP501.
        let Some(items) = widgets.as_array().filter(|a| !a.is_empty()) else {
            return;
        };
        // An item of that type, or one MP502 reports as a mis-cased spelling of it.
        if items.iter().any(|it| {
            it.get("type")
                .and_then(Json::as_str)
                .is_some_and(|t| t.eq_ignore_ascii_case(kind))
        }) {
            return;
        }
        out.push(type_not_declared(ctx, &file, widgets.span, kind, span));
    }
}
