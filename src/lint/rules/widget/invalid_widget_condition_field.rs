//! MP541: a field of a widget test condition in project.config.json with the wrong type:
//! search `widgetData`, `query`, `customQuery`, `boxQI`, `debugUrl` (strings) and `service`
//! (an object); conversation `pathName`, `title`, `cachekey` (strings).

use super::{CONFIG, conditions};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidWidgetConditionField, code: "MP541", name: "invalid-widget-condition-field", group: Widget, severity: Error,
    summary: ["A widget test condition field has the wrong type", "widget 编译条件的字段类型错误"],
}

const SEARCH: &[(&str, bool)] = &[
    ("widgetData", false),
    ("service", true),
    ("query", false),
    ("customQuery", false),
    ("boxQI", false),
    ("debugUrl", false),
];
const CONVERSATION: &[(&str, bool)] = &[("pathName", false), ("title", false), ("cachekey", false)];

/// The finding at field `key` (value `v`) of item `i` of the `kind` conditions, which is not
/// an object (`object`) or not a string.
fn wrong_type(
    ctx: &Ctx,
    (kind, i, key): (&str, usize, &str),
    object: bool,
    v: &Json,
) -> Diagnostic {
    let (want_en, want_zh) = if object {
        ("an object", "对象")
    } else {
        ("a string", "字符串")
    };
    let ptr = format!("[\"condition\"][\"{kind}\"][\"list\"][{i}][\"{key}\"]");
    let help = if object {
        ctx.t(
            "write the service object DevTools' service drop-down stores, e.g. {\"box_type\": 1}"
                .into(),
            "请写为开发者工具服务类别下拉框保存的对象，如 {\"box_type\": 1}".into(),
        )
    } else {
        ctx.t(
            "quote the value; for structured data write it as a JSON string".into(),
            "请加上引号；结构化数据请写为 JSON 字符串".into(),
        )
    };
    Diagnostic::new(
        &META,
        CONFIG,
        Some(v.span),
        ctx.t(
            format!("{ptr} needs to be {want_en}"),
            format!("{ptr} 需为{want_zh}"),
        ),
    )
    .label(ctx.t(
        format!("{}, not {want_en}", v.type_name()),
        format!("{}，不是{want_zh}", v.type_name()),
    ))
    .help(help)
}

impl Rule for InvalidWidgetConditionField {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (kind, list) in conditions(ctx) {
            let fields = if kind == "search" {
                SEARCH
            } else {
                CONVERSATION
            };
            for (i, item) in list.as_array().unwrap_or_default().iter().enumerate() {
                // An item DevTools drops (no numeric id or string name) is MP540's.
                let kept = item
                    .get("id")
                    .is_some_and(|v| matches!(v.kind, crate::syntax::json::JsonKind::Number(_)))
                    && item.get("name").and_then(|v| v.as_str()).is_some();
                if !kept {
                    continue;
                }
                for &(key, object) in fields {
                    let Some(v) = item.get(key) else { continue };
                    let ok = if object {
                        v.as_object().is_some()
                    } else {
                        v.as_str().is_some()
                    };
                    if ok {
                        continue;
                    }
                    out.push(wrong_type(ctx, (kind, i, key), object, v));
                }
            }
        }
    }
}
