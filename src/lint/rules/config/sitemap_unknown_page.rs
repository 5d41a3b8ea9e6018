//! MP129: a sitemap.json rule whose `page` is neither `*` nor a declared page (`*` is not a
//! wildcard inside a path), so the rule matches nothing.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    SitemapUnknownPage, code: "MP129", name: "sitemap-unknown-page", group: Config, severity: Warning,
    summary: ["A sitemap rule names a page that is not declared", "sitemap 规则中的页面未在 app.json 中声明"],
}

/// The finding at rule `i`'s `page`, which is not a declared page.
fn unknown_page(
    ctx: &Ctx,
    file: &str,
    i: usize,
    page: &str,
    suggestion: Option<&str>,
    span: Span,
) -> Diagnostic {
    let help = if page.contains('*') {
        ctx.t(
            "\"*\" only works alone, as every page; list the pages one by one".into(),
            "\"*\" 只能单独使用表示所有页面；请逐个列出页面".into(),
        )
    } else {
        suggestion.map(|s| ctx.did_you_mean(s)).unwrap_or_else(|| {
            ctx.t(
                "use a page path from app.json or \"*\"".into(),
                "请填写 app.json 中的页面路径或 \"*\"".into(),
            )
        })
    };
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("[\"rules\"][{i}][\"page\"] \"{page}\" is not a declared page"),
            format!("[\"rules\"][{i}][\"page\"] \"{page}\" 不是已声明的页面"),
        ),
    )
    .label(ctx.t("matches no page".into(), "不匹配任何页面".into()))
    .help(help)
}

impl Rule for SitemapUnknownPage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(model) = &p.app else { return };
        let Some(file) = p.sitemap_path() else { return };
        let Some(sitemap) = p.json(&file).and_then(|d| d.value()) else {
            return;
        };
        for (i, rule) in sitemap
            .get("rules")
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let Some(v) = rule.get("page") else { continue };
            let Some(page) = v.as_str() else { continue };
            let page_path = page.trim_start_matches('/');
            if page == "*" || model.all_pages().any(|d| d.full == page_path) {
                continue;
            }
            let suggestion = if page.contains('*') {
                None
            } else {
                crate::analysis::schema::suggest(
                    page_path,
                    model.all_pages().map(|d| d.full.as_str()),
                )
            };
            out.push(unknown_page(ctx, &file, i, page, suggestion, v.span));
        }
    }
}
