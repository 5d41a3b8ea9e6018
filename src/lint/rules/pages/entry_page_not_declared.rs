//! MP205: `entryPagePath` names a page that is neither in `pages` nor in a subpackage.

use crate::analysis::schema::suggest;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    EntryPageNotDeclared, code: "MP205", name: "entry-page-not-declared", group: Pages, severity: Error,
    summary: ["entryPagePath is not a declared page", "entryPagePath 不是已声明的页面"],
}

/// The finding at `entryPagePath` `entry`, which is not a declared page.
fn not_declared(
    ctx: &Ctx,
    file: &str,
    entry: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    let help = suggestion.map(|s| ctx.did_you_mean(s));
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("entryPagePath \"{entry}\" is not found in pages or subPackages"),
            "未在 pages、subPackages 中找到 entryPagePath 定义的入口页面".into(),
        ),
    )
    .label(ctx.t("not a declared page".into(), "不是已声明的页面".into()))
    .maybe_help(help)
}

impl Rule for EntryPageNotDeclared {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let Some((entry, span)) = &app.entry_page else {
            return;
        };
        // A malformed path is MP201's.
        if crate::project::paths::check_path(entry).is_some()
            || app.all_pages().any(|p| &p.full == entry)
        {
            return;
        }
        let suggestion = suggest(entry, app.all_pages().map(|p| p.full.as_str()));
        out.push(not_declared(
            ctx,
            &ctx.project.app_json_path(),
            entry,
            *span,
            suggestion,
        ));
    }
}
