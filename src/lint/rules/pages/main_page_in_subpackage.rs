//! MP204: a main-package page lies under a subpackage root. Its files would belong to both
//! packages; the official tool rejects it.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::{PageDecl, SubPackage};

crate::declare_rule! {
    MainPageInSubpackage, code: "MP204", name: "main-page-in-subpackage", group: Pages, severity: Error,
    summary: ["A main-package page lies under a subpackage root", "主包页面位于分包 root 目录下"],
}

/// The finding at main-package `page`, under the root of subpackage `sp` (`inner`: its path
/// inside that root).
fn inside_root(
    ctx: &Ctx,
    file: &str,
    page: &PageDecl,
    sp: &SubPackage,
    (root, root_span): (&str, Span),
    inner: &str,
) -> Diagnostic {
    let root_ptr = format!("[\"{}\"][{}][\"root\"]", sp.key, sp.index);
    Diagnostic::new(
        &META,
        file,
        Some(page.span),
        ctx.t(
            format!(
                "{} \"{}\" should not be in {root_ptr} \"{root}\"",
                page.pointer, page.path
            ),
            format!("{} 不应该在 {root_ptr} 中", page.pointer),
        ),
    )
    .label(ctx.t("inside a subpackage root".into(), "位于分包目录中".into()))
    .help(ctx.t(
        format!(
            "move it to that subpackage's pages as \"{inner}\", or move the page out of \"{root}\""
        ),
        format!("请将其作为 \"{inner}\" 移到该分包的 pages 中，或将页面移出 \"{root}\""),
    ))
    .related(
        file,
        Some(root_span),
        ctx.t("subpackage root".into(), "分包 root".into()),
    )
}

impl Rule for MainPageInSubpackage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let file = ctx.project.app_json_path();
        for page in &app.pages {
            for sp in &app.subpackages {
                let (Some(prefix), Some((root, root_span))) = (sp.root_prefix(), &sp.root) else {
                    continue;
                };
                let Some(inner) = page.path.strip_prefix(&prefix) else {
                    continue;
                };
                out.push(inside_root(ctx, &file, page, sp, (root, *root_span), inner));
            }
        }
    }
}
