//! MP540: a widget test condition in project.config.json (`condition.search.list[]`,
//! `condition.conversation.list[]`) that DevTools drops: the list is not an array, or an item
//! is not an object, has no numeric `id`, or no string `name`.

use super::{CONFIG, conditions};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    WidgetConditionDropped, code: "MP540", name: "widget-condition-dropped", group: Widget, severity: Error,
    summary: ["A widget test condition has no numeric id or string name, so DevTools drops it", "widget 编译条件缺少数字 id 或字符串 name，开发者工具会将其丢弃"],
}

/// The finding at the `kind` condition `list` (at `ptr`), which is not an array.
fn list_not_array(ctx: &Ctx, ptr: &str, kind: &str, list: &Json) -> Diagnostic {
    Diagnostic::new(
        &META,
        CONFIG,
        Some(list.span),
        ctx.t(
            format!(
                "{ptr} needs to be an array: DevTools keeps none of the {kind} test conditions"
            ),
            format!("{ptr} 需为数组：开发者工具不会保留任何 {kind} 编译条件"),
        ),
    )
    .label(ctx.t(
        format!("{}, not an array", list.type_name()),
        format!("{}，不是数组", list.type_name()),
    ))
    .help(ctx.t(
        "write \"list\": [{\"id\": 0, \"name\": \"...\"}]".into(),
        "请写为 \"list\": [{\"id\": 0, \"name\": \"...\"}]".into(),
    ))
}

/// The finding at item `i` of the list at `ptr` (at `span`), which DevTools drops: `en`, `zh`
/// say why.
fn item_dropped(ctx: &Ctx, ptr: &str, i: usize, span: Span, (en, zh): (&str, &str)) -> Diagnostic {
    Diagnostic::new(
        &META,
        CONFIG,
        Some(span),
        ctx.t(
            format!("{ptr}[{i}] is dropped by DevTools: {en}"),
            format!("{ptr}[{i}] 会被开发者工具丢弃：{zh}"),
        ),
    )
    .label(ctx.t("dropped".into(), "被丢弃".into()))
    .help(ctx.t(
        "give each condition a number \"id\" and a string \"name\", e.g. {\"id\": 0, \"name\": \"weather\"}".into(),
        "每个编译条件需有数字 \"id\" 和字符串 \"name\"，如 {\"id\": 0, \"name\": \"weather\"}".into(),
    ))
}

impl Rule for WidgetConditionDropped {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (kind, list) in conditions(ctx) {
            let ptr = format!("[\"condition\"][\"{kind}\"][\"list\"]");
            let Some(items) = list.as_array() else {
                out.push(list_not_array(ctx, &ptr, kind, list));
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let problem = if item.as_object().is_none() {
                    Some((item.span, "the item needs to be an object", "该项需为对象"))
                } else {
                    let id = item.get("id");
                    let name = item.get("name");
                    if !matches!(
                        id,
                        Some(Json {
                            kind: crate::syntax::json::JsonKind::Number(_),
                            ..
                        })
                    ) {
                        Some((
                            id.map_or(item.span, |v| v.span),
                            "\"id\" needs to be a number",
                            "\"id\" 需为数字",
                        ))
                    } else if name.and_then(Json::as_str).is_none() {
                        Some((
                            name.map_or(item.span, |v| v.span),
                            "\"name\" needs to be a string",
                            "\"name\" 需为字符串",
                        ))
                    } else {
                        None
                    }
                };
                let Some((span, en, zh)) = problem else {
                    continue;
                };
                out.push(item_dropped(ctx, &ptr, i, span, (en, zh)));
            }
        }
    }
}
