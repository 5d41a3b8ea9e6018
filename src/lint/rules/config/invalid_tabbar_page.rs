//! MP109: a `tabBar.list[i].pagePath` that is empty, malformed, carries a query (`?`) or a
//! file extension, repeats another item, or is not a main-package page in `pages`.

use super::{app, tabbar_items};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::paths::check_path;
use std::collections::HashMap;

crate::declare_rule! {
    InvalidTabbarPage, code: "MP109", name: "invalid-tabbar-page", group: Config, severity: Error,
    summary: ["A tabBar pagePath is empty, malformed, repeated, or not a main-package page", "tabBar 的 pagePath 为空、格式错误、重复或不是主包页面"],
}

impl Rule for InvalidTabbarPage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(model) = &ctx.project.app else {
            return;
        };
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, item) in tabbar_items(app) {
            let Some(pp) = item.get("pagePath") else {
                continue;
            };
            let Some(page) = pp.as_str() else { continue };
            let ptr = format!("[\"tabBar\"][\"list\"][{i}][\"pagePath\"]");
            let mut push = |en: String, zh: String, help: Option<crate::base::i18n::Text>| {
                out.push(
                    Diagnostic::new(&META, &path, Some(pp.span), ctx.t(en, zh))
                        .label(ctx.t("tab page".into(), "标签页".into()))
                        .maybe_help(help),
                );
            };
            if page.is_empty() {
                push(
                    format!("{ptr} cannot be empty"),
                    format!("{ptr} 不能为空"),
                    None,
                );
                continue;
            }
            if let Some(j) = first.get(page) {
                push(
                    format!("{ptr} is same with [\"tabBar\"][\"list\"][{j}][\"pagePath\"]"),
                    format!("{ptr} 和 [\"tabBar\"][\"list\"][{j}][\"pagePath\"] 相同"),
                    Some(ctx.t(
                        "each tab needs its own page".into(),
                        "每个标签需要不同的页面".into(),
                    )),
                );
                continue;
            }
            first.insert(page, i);
            if check_path(page).is_some() || page.contains('?') || page.contains('.') {
                let clean = page.split('?').next().unwrap_or("").trim_start_matches('/');
                let clean = clean
                    .rsplit_once('.')
                    .map_or(clean, |(b, e)| if e.contains('/') { clean } else { b });
                push(
                    format!(
                        "{ptr} \"{page}\" must be a plain page path: no leading '/' or '.', no '?' query, no file extension"
                    ),
                    format!(
                        "{ptr} \"{page}\" 需为页面路径：不能以 '/' 或 '.' 开头，不能包含 '?' 参数或文件后缀"
                    ),
                    Some(ctx.t(format!("write \"{clean}\""), format!("应写为 \"{clean}\""))),
                );
                continue;
            }
            if model.pages.iter().any(|p| p.path == page) {
                continue;
            }
            let in_sub = model.sub_pages.iter().any(|p| p.full == page);
            let help = if in_sub {
                ctx.t(
                    "tabBar pages must be in the main package: move the page from its subpackage into \"pages\"".into(),
                    "tabBar 页面必须在主包中：请将该页面从分包移到 \"pages\" 中".into(),
                )
            } else {
                ctx.t(
                    format!("add \"{page}\" to \"pages\""),
                    format!("请将 \"{page}\" 加入 \"pages\""),
                )
            };
            out.push(
                Diagnostic::new(
                    &META,
                    &path,
                    Some(pp.span),
                    ctx.t(
                        format!("[\"tabBar\"][{i}][\"pagePath\"]: \"{page}\" need in [\"pages\"]"),
                        format!("[\"tabBar\"][{i}][\"pagePath\"]: \"{page}\" 需在 [\"pages\"] 中"),
                    ),
                )
                .label(ctx.t("not a main-package page".into(), "不是主包页面".into()))
                .help(help),
            );
        }
    }
}
