//! MP136: `compileType` in project.config.json is not `miniprogram`, `plugin`, `game` or
//! `gamePlugin` (DevTools' old `search`/`conversation` widget modes are retired).

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PROJECT_CONFIG;

crate::declare_rule! {
    InvalidCompileType, code: "MP136", name: "invalid-compile-type", group: Config, severity: Warning,
    summary: ["compileType is not miniprogram, plugin, game or gamePlugin", "compileType 不是 miniprogram、plugin、game 或 gamePlugin"],
}

const TYPES: &[&str] = &["miniprogram", "plugin", "game", "gamePlugin"];

/// The finding at a `compileType` `t` that is not a project type.
fn unknown_type(ctx: &Ctx, t: &str, span: Span, suggestion: Option<&str>) -> Diagnostic {
    let help = if matches!(t, "search" | "conversation") {
        ctx.t(
            "the search and conversation widget modes are retired: DevTools dropped them from its menu in 1.02.1902010 and miniprogram-ci knows none of them; use \"miniprogram\" (the widget declaration and test conditions are still checked: MP500–MP507, MP540–MP541)".into(),
            "搜索、会话 Widget 模式已下线：开发者工具自 1.02.1902010 起不再提供，miniprogram-ci 也不支持；请使用 \"miniprogram\"（widget 声明和编译条件仍由 MP500–MP507、MP540–MP541 检查）".into(),
        )
    } else {
        suggestion.map(|s| ctx.did_you_mean(s)).unwrap_or_else(|| {
            ctx.t(
                "use \"miniprogram\" for a mini program".into(),
                "小程序请使用 \"miniprogram\"".into(),
            )
        })
    };
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        Some(span),
        ctx.t(
            format!(
                "[\"compileType\"] \"{t}\" must be one of \"{}\"",
                TYPES.join("\", \"")
            ),
            format!(
                "[\"compileType\"] \"{t}\" 需为 \"{}\" 之一",
                TYPES.join("\"、\"")
            ),
        ),
    )
    .label(ctx.t("unknown project type".into(), "未知的项目类型".into()))
    .help(help)
}

impl Rule for InvalidCompileType {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(v) = ctx
            .project
            .project_config()
            .and_then(|c| c.get("compileType"))
        else {
            return;
        };
        let Some(t) = v.as_str() else { return };
        if TYPES.contains(&t) {
            return;
        }
        let suggestion = if matches!(t, "search" | "conversation") {
            None
        } else {
            crate::analysis::schema::suggest(t, TYPES.iter().copied())
        };
        out.push(unknown_type(ctx, t, v.span, suggestion));
    }
}
