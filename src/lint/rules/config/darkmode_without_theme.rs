//! MP121: `darkmode: true` without `themeLocation`: the app says it supports dark mode but
//! gives no dark colours, so it stays light.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    DarkmodeWithoutTheme, code: "MP121", name: "darkmode-without-theme", group: Config, severity: Warning,
    summary: ["darkmode is on but there is no themeLocation", "开启了 darkmode 但没有配置 themeLocation"],
}

/// The finding at `darkmode: true` when there is no `themeLocation`.
fn no_theme(ctx: &Ctx, path: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            "\"darkmode\" is true but \"themeLocation\" is not set".into(),
            "\"darkmode\" 为 true，但未设置 \"themeLocation\"".into(),
        ),
    )
    .label(ctx.t("dark mode on".into(), "已开启深色模式".into()))
    .help(ctx.t(
        "add \"themeLocation\": \"theme.json\" with \"light\" and \"dark\" variables, and use them as @name in window and tabBar".into(),
        "请添加 \"themeLocation\": \"theme.json\"，在其中定义 \"light\"、\"dark\" 变量，并在 window、tabBar 中以 @变量 使用".into(),
    ))
}

impl Rule for DarkmodeWithoutTheme {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(dm) = app.get("darkmode") else {
            return;
        };
        if dm.as_bool() != Some(true) || app.get("themeLocation").is_some() {
            return;
        }
        out.push(no_theme(ctx, &path, dm.span));
    }
}
