//! MP101: app.json's `pages` is an empty array, so the mini program has no entry page. The
//! official compile step accepts it; the app fails to start.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    PagesEmpty, code: "MP101", name: "pages-empty", group: Config, severity: Error,
    summary: ["app.json `pages` is empty: no entry page", "app.json 的 pages 为空：没有入口页面"],
}

/// The finding at an empty `pages` array.
fn empty(ctx: &Ctx, path: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            "no entry page: [\"pages\"] in app.json is empty".into(),
            "未找到入口页面\napp.json 中定义的 pages : []".into(),
        ),
    )
    .label(ctx.t("empty".into(), "为空".into()))
    .help(ctx.t(
        "list at least one page, e.g. \"pages\": [\"pages/index/index\"]; the first is the home page".into(),
        "至少声明一个页面，例如 \"pages\": [\"pages/index/index\"]；第一项为首页".into(),
    ))
}

impl Rule for PagesEmpty {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let path = ctx.project.app_json_path();
        let Some(app) = ctx.project.json(&path).and_then(|d| d.value()) else {
            return;
        };
        let Some(pages) = app.get("pages") else {
            return;
        };
        if pages.as_array().is_some_and(<[_]>::is_empty) {
            out.push(empty(ctx, &path, pages.span));
        }
    }
}
