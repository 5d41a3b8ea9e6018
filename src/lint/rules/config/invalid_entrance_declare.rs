//! MP125: `entranceDeclare.locationMessage.path` is empty or not a declared page.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidEntranceDeclare, code: "MP125", name: "invalid-entrance-declare", group: Config, severity: Error,
    summary: ["entranceDeclare.locationMessage.path is empty or not a declared page", "entranceDeclare.locationMessage.path 为空或不是已声明的页面"],
}

const PTR: &str = "[\"entranceDeclare\"][\"locationMessage\"][\"path\"]";

/// The finding when `locationMessage.path` is missing or empty.
fn empty_path(ctx: &Ctx, path: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{PTR} should not be empty"),
            format!("{PTR} 不能为空"),
        ),
    )
}

/// The finding at `locationMessage.path` `p`, which is not a declared page.
fn undeclared_page(ctx: &Ctx, path: &str, p: &str, span: Option<Span>) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        span,
        ctx.t(
            format!("{PTR} \"{p}\" should belong to pages or pages in sub packages"),
            format!("{PTR} \"{p}\" 需在 pages 数组或分包 pages 数组中"),
        ),
    )
    .label(ctx.t("not a declared page".into(), "不是已声明的页面".into()))
}

impl Rule for InvalidEntranceDeclare {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(model) = &ctx.project.app else {
            return;
        };
        let Some(msg) = app
            .get("entranceDeclare")
            .and_then(|e| e.get("locationMessage"))
        else {
            return;
        };
        let page = msg.get("path");
        match page.and_then(|p| p.as_str()) {
            None | Some("") => out.push(empty_path(ctx, &path, page.map_or(msg.span, |p| p.span))),
            Some(p) if !model.all_pages().any(|d| d.full == p) => {
                out.push(undeclared_page(ctx, &path, p, page.map(|v| v.span)))
            }
            Some(_) => {}
        }
    }
}
