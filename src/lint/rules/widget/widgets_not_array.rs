//! MP501: `widgets` in app.json (game.json) is not an array, or one of its items is not an
//! object (DevTools JSON_WIDGETS_NOT_ARRAY and JSON_WIDGETS_ITEM_NOT_OBJECT).

use super::{WidgetDecl, declarations, is_falsy, manifest_name, manifests};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    WidgetsNotArray, code: "MP501", name: "widgets-not-array", group: Widget, severity: Error,
    summary: ["widgets is not an array of objects", "widgets 字段不是对象数组"],
}

/// The finding at the `widgets` value `v` of `file`, which is not an array.
fn not_array(ctx: &Ctx, file: &str, v: &Json) -> Diagnostic {
    let f = manifest_name(file);
    Diagnostic::new(
        &META,
        file,
        Some(v.span),
        ctx.t(
            format!("The widgets field in the {f} needs to be Array"),
            format!("{f} 中 widgets 字段需为数组"),
        ),
    )
    .label(ctx.t(
        format!("{}, not an array", v.type_name()),
        format!("{}，不是数组", v.type_name()),
    ))
    .help(ctx.t(
        "write \"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}]".into(),
        "请写为 \"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}]".into(),
    ))
}

/// The finding at the widget declaration `d`, which is not an object.
fn item_not_object(ctx: &Ctx, d: &WidgetDecl) -> Diagnostic {
    let (f, i) = (manifest_name(&d.file), d.index);
    Diagnostic::new(
        &META,
        &d.file,
        Some(d.item.span),
        ctx.t(
            format!("widgets[{i}] of {f} needs to be Object"),
            format!("{f} 的 widgets[{i}] 需为对象"),
        ),
    )
    .label(ctx.t(
        format!("{}, not an object", d.item.type_name()),
        format!("{}，不是对象", d.item.type_name()),
    ))
    .help(ctx.t(
        "write each item as {\"type\": \"search\", \"path\": \"widget\"}".into(),
        "每一项请写为 {\"type\": \"search\", \"path\": \"widget\"}".into(),
    ))
}

impl Rule for WidgetsNotArray {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, manifest) in manifests(ctx.project) {
            let Some(v) = manifest.get("widgets") else {
                continue;
            };
            // A falsy value is MP500's.
            if v.as_array().is_some() || is_falsy(v) {
                continue;
            }
            out.push(not_array(ctx, &file, v));
        }
        for d in declarations(ctx.project) {
            if d.item.as_object().is_some() {
                continue;
            }
            out.push(item_not_object(ctx, &d));
        }
    }
}
