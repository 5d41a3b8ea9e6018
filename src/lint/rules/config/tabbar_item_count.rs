//! MP108: `tabBar.list` has fewer than 2 or more than 5 items (10 with `custom: true`).

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    TabbarItemCount, code: "MP108", name: "tabbar-item-count", group: Config, severity: Error,
    summary: ["tabBar.list needs 2 to 5 items (10 with a custom tabBar)", "tabBar.list 需包含 2 至 5 项（自定义 tabBar 最多 10 项）"],
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
        let (en, zh, help_en, help_zh) = if items.len() < 2 {
            (
                "[\"tabBar\"][\"list\"] must contain at least 2 items".to_string(),
                "[\"tabBar\"][\"list\"] 需至少包含 2 项".to_string(),
                "add a second tab, or remove tabBar for an app without tabs".to_string(),
                "请再添加一个标签页；不需要标签栏时请删除 tabBar".to_string(),
            )
        } else if items.len() > max {
            (
                format!(
                    "[\"tabBar\"][\"list\"] cannot contain more than {max} items (it has {})",
                    items.len()
                ),
                format!(
                    "[\"tabBar\"][\"list\"] 不能超过 {max} 项（当前 {} 项）",
                    items.len()
                ),
                if custom {
                    "a custom tabBar allows at most 10 items".to_string()
                } else {
                    "keep at most 5 tabs, or set \"custom\": true (up to 10) with a custom-tab-bar component".to_string()
                },
                if custom {
                    "自定义 tabBar 最多 10 项".to_string()
                } else {
                    "最多保留 5 个标签；或设置 \"custom\": true（最多 10 项）并实现 custom-tab-bar 组件".to_string()
                },
            )
        } else {
            return;
        };
        out.push(
            Diagnostic::new(&META, path, Some(list.span), ctx.t(en, zh))
                .label(ctx.t(
                    format!("{} items", items.len()),
                    format!("{} 项", items.len()),
                ))
                .help(ctx.t(help_en, help_zh)),
        );
    }
}
