//! MP128: no `sitemapLocation` in app.json and no `sitemap.json` in the miniprogram root.
//! miniprogram-ci then uploads a sitemap that disallows indexing of every page.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    SitemapMissing, code: "MP128", name: "sitemap-missing", group: Config, severity: Warning,
    summary: ["There is no sitemap.json: WeChat search will not index the pages", "缺少 sitemap.json：页面不会被微信搜索收录"],
}

/// The finding at the start of app.json when there is no sitemap.
fn no_sitemap(ctx: &Ctx, path: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            "no sitemap: app.json has no \"sitemapLocation\" and there is no sitemap.json".into(),
            "缺少 sitemap：app.json 未配置 \"sitemapLocation\"，且不存在 sitemap.json".into(),
        ),
    )
    .help(ctx.t(
        "add sitemap.json ({\"rules\": [{\"action\": \"allow\", \"page\": \"*\"}]}) and \"sitemapLocation\": \"sitemap.json\"; without it miniprogram-ci uploads a sitemap that disallows every page".into(),
        "请添加 sitemap.json（{\"rules\": [{\"action\": \"allow\", \"page\": \"*\"}]}）并设置 \"sitemapLocation\": \"sitemap.json\"；否则 miniprogram-ci 上传的 sitemap 会禁止所有页面被收录".into(),
    ))
}

impl Rule for SitemapMissing {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        if app.get("sitemapLocation").is_some()
            || ctx.project.exists(&ctx.project.in_root("sitemap.json"))
        {
            return;
        }
        out.push(no_sitemap(
            ctx,
            &path,
            Span::new(app.span.start as usize, app.span.start as usize + 1),
        ));
    }
}
