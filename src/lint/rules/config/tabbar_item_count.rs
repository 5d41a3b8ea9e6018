//! MP108: `tabBar.list` has fewer than 2 or more than 5 items (10 with `custom: true`).

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    TabbarItemCount, code: "MP108", name: "tabbar-item-count", group: Config, severity: Error,
    summary: ["tabBar.list needs 2 to 5 items (10 with a custom tabBar)", "tabBar.list 需包含 2 至 5 项（自定义 tabBar 最多 10 项）"],
}

/// The finding at a `tabBar.list` of `count` items, under 2 or over `max`.
fn wrong_count(
    ctx: &Ctx,
    path: &str,
    span: Span,
    count: usize,
    max: usize,
    custom: bool,
) -> Diagnostic {
    let (en, zh, help_en, help_zh) = if count < 2 {
        (
            "[\"tabBar\"][\"list\"] must contain at least 2 items".to_string(),
            "[\"tabBar\"][\"list\"] 需至少包含 2 项".to_string(),
            "add a second tab, or remove tabBar for an app without tabs".to_string(),
            "请再添加一个标签页；不需要标签栏时请删除 tabBar".to_string(),
        )
    } else {
        (
            format!("[\"tabBar\"][\"list\"] cannot contain more than {max} items (it has {count})"),
            format!("[\"tabBar\"][\"list\"] 不能超过 {max} 项（当前 {count} 项）"),
            if custom {
                "a custom tabBar allows at most 10 items".to_string()
            } else {
                "keep at most 5 tabs, or set \"custom\": true (up to 10) with a custom-tab-bar component".to_string()
            },
            if custom {
                "自定义 tabBar 最多 10 项".to_string()
            } else {
                "最多保留 5 个标签；或设置 \"custom\": true（最多 10 项）并实现 custom-tab-bar 组件"
                    .to_string()
            },
        )
    };
    Diagnostic::new(&META, path, Some(span), ctx.t(en, zh))
        .label(ctx.t(format!("{count} items"), format!("{count} 项")))
        .help(ctx.t(help_en, help_zh))
}

impl Rule for TabbarItemCount {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(tabbar) = app.get("tabBar") else {
            return;
        };
        let Some(list) = tabbar.get("list") else {
            return;
        };
        let Some(items) = list.as_array() else { return };
        let custom = tabbar.get("custom").and_then(Json::as_bool) == Some(true);
        let max = if custom { 10 } else { 5 };
        if items.len() < 2 || items.len() > max {
            out.push(wrong_count(ctx, &path, list.span, items.len(), max, custom));
        }
    }
}
