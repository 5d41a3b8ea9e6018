//! MP502: a `widgets[]` item whose `type` is not `conversation` or `search` (DevTools
//! JSON_WIDGETS_TYPE_INVALID).

use super::{WidgetDecl, declarations, manifest_name};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidWidgetType, code: "MP502", name: "invalid-widget-type", group: Widget, severity: Error,
    summary: ["A widgets[] item's type is not conversation or search", "widgets 中某项的 type 不是 conversation 或 search"],
}

/// The finding at the `type` of the widget declaration `d` (or at `d` without one).
fn invalid_type(ctx: &Ctx, d: &WidgetDecl) -> Diagnostic {
    let (f, i) = (manifest_name(&d.file), d.index);
    let (span, label) = match d.item.member("type") {
        Some(m) => (
            m.value.span,
            match d.kind {
                Some(k) => ctx.t(format!("\"{k}\""), format!("\"{k}\"")),
                None => ctx.t(
                    format!("{}, not a string", m.value.type_name()),
                    format!("{}，不是字符串", m.value.type_name()),
                ),
            },
        ),
        None => (d.item.span, ctx.t("no type".into(), "缺少 type".into())),
    };
    let help = match d.kind.map(str::to_ascii_lowercase).as_deref() {
        Some(k @ ("search" | "conversation")) => {
            ctx.t(format!("write \"{k}\""), format!("应写为 \"{k}\""))
        }
        _ => ctx.t(
            "use \"search\" for a search widget (\"conversation\" for a conversation widget)"
                .into(),
            "搜索 widget 请使用 \"search\"（会话 widget 使用 \"conversation\"）".into(),
        ),
    };
    Diagnostic::new(
        &META,
        &d.file,
        Some(span),
        ctx.t(
            format!("The type of widgets[{i}] of {f} is illegal, valid values are [conversation、search]"),
            format!("{f} 的 widgets[{i}] 的 type 非法，有效值为[conversation、search]"),
        ),
    )
    .label(label)
    .help(help)
}

impl Rule for InvalidWidgetType {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for d in declarations(ctx.project) {
            if d.item.as_object().is_none() || matches!(d.kind, Some("conversation" | "search")) {
                continue;
            }
            out.push(invalid_type(ctx, &d));
        }
    }
}
