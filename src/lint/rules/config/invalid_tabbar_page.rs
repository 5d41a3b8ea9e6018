//! MP109: a `tabBar.list[i].pagePath` that is empty, malformed, carries a query (`?`) or a
//! file extension, repeats another item, or is not a main-package page in `pages`.

use super::{app, tabbar_items};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::paths::check_path;
use std::collections::HashMap;

crate::declare_rule! {
    InvalidTabbarPage, code: "MP109", name: "invalid-tabbar-page", group: Config, severity: Error,
    summary: ["A tabBar pagePath is empty, malformed, repeated, or not a main-package page", "tabBar 的 pagePath 为空、格式错误、重复或不是主包页面"],
}

/// `[i]`'s pagePath, as the messages name it.
fn pointer(i: usize) -> String {
    format!("[\"tabBar\"][\"list\"][{i}][\"pagePath\"]")
}

/// The finding at item `i`'s empty pagePath.
fn empty_page(ctx: &Ctx, path: &str, i: usize, span: Span) -> Diagnostic {
    let ptr = pointer(i);
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(format!("{ptr} cannot be empty"), format!("{ptr} 不能为空")),
    )
    .label(ctx.t("tab page".into(), "标签页".into()))
}

/// The finding at item `i`'s pagePath, the same as item `j`'s.
fn same_page(ctx: &Ctx, path: &str, i: usize, j: usize, span: Span) -> Diagnostic {
    let ptr = pointer(i);
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{ptr} is same with [\"tabBar\"][\"list\"][{j}][\"pagePath\"]"),
            format!("{ptr} 和 [\"tabBar\"][\"list\"][{j}][\"pagePath\"] 相同"),
        ),
    )
    .label(ctx.t("tab page".into(), "标签页".into()))
    .help(ctx.t(
        "each tab needs its own page".into(),
        "每个标签需要不同的页面".into(),
    ))
}

/// The finding at item `i`'s pagePath `page`, which is not a plain page path.
fn not_plain(ctx: &Ctx, path: &str, i: usize, page: &str, span: Span) -> Diagnostic {
    let ptr = pointer(i);
    let clean = page.split('?').next().unwrap_or("").trim_start_matches('/');
    let clean = clean
        .rsplit_once('.')
        .map_or(clean, |(b, e)| if e.contains('/') { clean } else { b });
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!(
                "{ptr} \"{page}\" must be a plain page path: no leading '/' or '.', no '?' query, no file extension"
            ),
            format!(
                "{ptr} \"{page}\" 需为页面路径：不能以 '/' 或 '.' 开头，不能包含 '?' 参数或文件后缀"
            ),
        ),
    )
    .label(ctx.t("tab page".into(), "标签页".into()))
    .help(ctx.t(format!("write \"{clean}\""), format!("应写为 \"{clean}\"")))
}

/// The finding at item `i`'s pagePath `page`, which is not in `pages` (`in_sub`: it is a
/// subpackage page).
fn not_main_page(
    ctx: &Ctx,
    path: &str,
    i: usize,
    page: &str,
    in_sub: bool,
    span: Span,
) -> Diagnostic {
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
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("[\"tabBar\"][{i}][\"pagePath\"]: \"{page}\" need in [\"pages\"]"),
            format!("[\"tabBar\"][{i}][\"pagePath\"]: \"{page}\" 需在 [\"pages\"] 中"),
        ),
    )
    .label(ctx.t("not a main-package page".into(), "不是主包页面".into()))
    .help(help)
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
            if page.is_empty() {
                out.push(empty_page(ctx, &path, i, pp.span));
                continue;
            }
            if let Some(j) = first.get(page) {
                out.push(same_page(ctx, &path, i, *j, pp.span));
                continue;
            }
            first.insert(page, i);
            if check_path(page).is_some() || page.contains('?') || page.contains('.') {
                out.push(not_plain(ctx, &path, i, page, pp.span));
                continue;
            }
            if model.pages.iter().any(|p| p.path == page) {
                continue;
            }
            let in_sub = model.sub_pages.iter().any(|p| p.full == page);
            out.push(not_main_page(ctx, &path, i, page, in_sub, pp.span));
        }
    }
}
