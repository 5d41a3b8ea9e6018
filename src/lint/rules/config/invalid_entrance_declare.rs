//! MP125: `entranceDeclare.locationMessage.path` is empty or not a declared page.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidEntranceDeclare, code: "MP125", name: "invalid-entrance-declare", group: Config, severity: Error,
    summary: ["entranceDeclare.locationMessage.path is empty or not a declared page", "entranceDeclare.locationMessage.path 为空或不是已声明的页面"],
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
        const PTR: &str = "[\"entranceDeclare\"][\"locationMessage\"][\"path\"]";
        let page = msg.get("path");
        match page.and_then(|p| p.as_str()) {
            None | Some("") => out.push(Diagnostic::new(
                &META,
                &path,
                Some(page.map_or(msg.span, |p| p.span)),
                ctx.t(
                    format!("{PTR} should not be empty"),
                    format!("{PTR} 不能为空"),
                ),
            )),
            Some(p) if !model.all_pages().any(|d| d.full == p) => out.push(
                Diagnostic::new(
                    &META,
                    &path,
                    page.map(|v| v.span),
                    ctx.t(
                        format!("{PTR} \"{p}\" should belong to pages or pages in sub packages"),
                        format!("{PTR} \"{p}\" 需在 pages 数组或分包 pages 数组中"),
                    ),
                )
                .label(ctx.t("not a declared page".into(), "不是已声明的页面".into())),
            ),
            Some(_) => {}
        }
    }
}
