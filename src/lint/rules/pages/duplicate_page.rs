//! MP203: the same page is declared twice in `pages` or in one subpackage's `pages`.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PageDecl;
use std::collections::HashMap;

crate::declare_rule! {
    DuplicatePage, code: "MP203", name: "duplicate-page", group: Pages, severity: Error,
    summary: ["A page is declared twice", "页面被重复声明"],
}

/// The finding at `page`, declared again in `list` (first at `earlier`).
fn repeated(ctx: &Ctx, file: &str, list: &str, page: &PageDecl, earlier: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(page.span),
        ctx.t(
            format!("\"{}\" is repeated in {list}", page.path),
            format!("\"{}\" 在 {list} 中重复", page.path),
        ),
    )
    .label(ctx.t("repeated".into(), "重复".into()))
    .help(ctx.t("remove this entry".into(), "删除这一项".into()))
    .related(
        file,
        Some(earlier),
        ctx.t("first declared here".into(), "首次声明于此".into()),
    )
}

impl Rule for DuplicatePage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let file = ctx.project.app_json_path();
        let mut first = HashMap::new();
        for page in app.all_pages() {
            let Some(earlier) = first.get(&(page.package, page.path.as_str())) else {
                first.insert((page.package, page.path.as_str()), page);
                continue;
            };
            let list = match page.package {
                None => "[\"pages\"]".to_string(),
                Some(i) => format!("[\"{}\"][{i}][\"pages\"]", app.subpackages[i].key),
            };
            out.push(repeated(ctx, &file, &list, page, earlier.span));
        }
    }
}
