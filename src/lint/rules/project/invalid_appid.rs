//! MP130: `appid` in project.config.json is empty, the DevTools tourist id (which cannot
//! upload), or not `wx` followed by 16 hex digits. Quiet under `mpcheck release`, where MP603
//! reports the appid the upload uses (this one, unless `--appid` overrides it) as an error.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PROJECT_CONFIG;

crate::declare_rule! {
    InvalidAppid, code: "MP130", name: "invalid-appid", group: Config, severity: Warning,
    summary: ["appid is empty, the tourist id, or not wx + 16 hex digits", "appid 为空、为游客 appid，或不是 wx 加 16 位十六进制字符"],
}

pub fn is_appid(s: &str) -> bool {
    s.len() == 18 && s.starts_with("wx") && s[2..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// The finding at the start of project.config.json when it has no `appid`.
fn no_appid(ctx: &Ctx, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        Some(span),
        ctx.t("appid should not be empty: project.config.json has no \"appid\"".into(), "appid 不能为空：project.config.json 中没有 \"appid\"".into()),
    )
    .help(ctx.t("miniprogram-ci uploads with this appid unless one is passed; copy it from the admin console (开发管理 → 开发设置)".into(), "miniprogram-ci 默认使用该 appid 上传；请从管理后台“开发管理 → 开发设置”中复制".into()))
}

/// The finding at an `appid` that is empty, the tourist id, or not an AppID.
fn bad_appid(ctx: &Ctx, appid: &str, span: Span) -> Diagnostic {
    let (en, zh) = if appid.is_empty() {
        (
            "appid should not be empty".to_string(),
            "appid 不能为空".to_string(),
        )
    } else if appid == "touristappid" {
        (
            "appid is the DevTools tourist id: this project cannot be uploaded".to_string(),
            "appid 为游客 appid（touristappid）：该项目无法上传".to_string(),
        )
    } else {
        (
            format!("appid \"{appid}\" is not wx followed by 16 hex digits"),
            format!("appid \"{appid}\" 不是 wx 加 16 位十六进制字符"),
        )
    };
    Diagnostic::new(&META, PROJECT_CONFIG, Some(span), ctx.t(en, zh))
        .label(ctx.t("appid".into(), "appid".into()))
        .help(ctx.t(
            "copy the AppID from the admin console (开发管理 → 开发设置), e.g. wxf9c4501a76931b33".into(),
            "请从管理后台“开发管理 → 开发设置”复制 AppID，例如 wxf9c4501a76931b33".into(),
        ))
}

impl Rule for InvalidAppid {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // Under `mpcheck release`, MP603 checks the appid actually used, as an error.
        if ctx.release.is_some() {
            return;
        }
        let Some(cfg) = ctx.project.project_config() else {
            return;
        };
        let Some(v) = cfg.get("appid") else {
            out.push(no_appid(
                ctx,
                Span::new(cfg.span.start as usize, cfg.span.start as usize + 1),
            ));
            return;
        };
        let Some(appid) = v.as_str() else { return };
        if appid.is_empty() || appid == "touristappid" || !is_appid(appid) {
            out.push(bad_appid(ctx, appid, v.span));
        }
    }
}
