//! MP126: app.json fields the platform retired: `navigateToMiniProgramAppIdList` (no longer
//! needed to open other mini programs), `widgets` (the retired search widget), and
//! `functionalPages` given as a boolean (now `{"independent": true}`).

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    DeprecatedField, code: "MP126", name: "deprecated-field", group: Config, severity: Warning,
    summary: ["An app.json field is retired or uses a retired form", "app.json 中使用了已废弃的字段或写法"],
}

/// The finding at a retired field's key, with its message and help (English, Chinese).
fn retired(
    ctx: &Ctx,
    path: &str,
    span: Span,
    (en, zh): (&str, &str),
    (help_en, help_zh): (&str, &str),
) -> Diagnostic {
    Diagnostic::new(&META, path, Some(span), ctx.t(en.into(), zh.into()))
        .label(ctx.t("retired".into(), "已废弃".into()))
        .help(ctx.t(help_en.into(), help_zh.into()))
}

impl Rule for DeprecatedField {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        for m in app.as_object().unwrap_or_default() {
            let (en, zh, help_en, help_zh) = match m.key.as_str() {
                "navigateToMiniProgramAppIdList" => (
                    "[\"navigateToMiniProgramAppIdList\"] is retired: wx.navigateToMiniProgram no longer needs the list",
                    "[\"navigateToMiniProgramAppIdList\"] 已废弃：wx.navigateToMiniProgram 不再需要该列表",
                    "remove the field",
                    "请删除该字段",
                ),
                "widgets" => (
                    "[\"widgets\"] is retired: the search widget feature no longer exists",
                    "[\"widgets\"] 已废弃：搜索 Widget 功能已下线",
                    "remove the field and the widget folders; while it stays, MP500–MP507 check the declaration",
                    "请删除该字段及 widget 目录；保留期间，MP500–MP507 会检查其声明",
                ),
                "functionalPages" if m.value.as_bool().is_some() => (
                    "[\"functionalPages\"] needs updating: the boolean form is retired",
                    "[\"functionalPages\"] 配置需要更新，详见文档: https://developers.weixin.qq.com/miniprogram/dev/framework/plugin/functional-pages.html",
                    "write \"functionalPages\": {\"independent\": true}",
                    "请写为 \"functionalPages\": {\"independent\": true}",
                ),
                _ => continue,
            };
            out.push(retired(
                ctx,
                &path,
                m.key_span,
                (en, zh),
                (help_en, help_zh),
            ));
        }
    }
}
