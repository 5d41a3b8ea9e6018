//! MP202: a page path ends with a file extension (`pages/a/a.js`). Page paths name the page,
//! not a file; the compiler then looks for `pages/a/a.js.wxml` and fails.

use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PageDecl;
use crate::project::paths::page_extension;
use std::collections::HashSet;

crate::declare_rule! {
    PagePathHasExtension, code: "MP202", name: "page-path-has-extension", group: Pages, severity: Error,
    summary: ["A page path includes a file extension", "页面路径不应包含文件后缀"],
}

/// The finding at `page`, whose path ends with the file extension `ext` (`bare`: without it).
fn has_extension(ctx: &Ctx, file: &str, page: &PageDecl, ext: &str, bare: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(page.span),
        ctx.t(
            format!(
                "{} \"{}\" should not include the file extension \"{ext}\"",
                page.pointer, page.path
            ),
            format!(
                "{} \"{}\" 不需要写文件后缀 \"{ext}\"",
                page.pointer, page.path
            ),
        ),
    )
    .label(ctx.t("file extension".into(), "文件后缀".into()))
    .help(ctx.t(format!("write \"{bare}\""), format!("应写为 \"{bare}\"")))
}

impl Rule for PagePathHasExtension {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let file = ctx.project.app_json_path();
        // Paths a fix must not duplicate: those declared, and those fixes already write.
        let mut declared: HashSet<(Option<usize>, String)> = app
            .all_pages()
            .map(|p| (p.package, p.path.clone()))
            .collect();
        for page in app.all_pages() {
            let Some(ext) = page_extension(&page.path) else {
                continue;
            };
            let bare = &page.path[..page.path.len() - ext.len()];
            // Written without escapes: the extension's bytes before the closing quote go.
            let raw = ctx
                .project
                .json(&file)
                .and_then(|d| d.source.text.get(page.span.range()));
            let fix = (raw == Some(format!("\"{}\"", page.path).as_str())
                && declared.insert((page.package, bare.to_string())))
            .then(|| {
                let end = page.span.end as usize - 1;
                Edit::new(&file, Span::new(end - ext.len(), end), "")
            });
            out.push(has_extension(ctx, &file, page, ext, bare).fix(fix));
        }
    }
}
