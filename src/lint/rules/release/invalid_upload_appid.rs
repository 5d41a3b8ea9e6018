//! MP603: the appid `mpcheck release` would upload with (`--appid`, else project.config.json's)
//! is missing, the DevTools tourist id (which cannot upload), or not `wx` + 16 hex digits.
//! Under `release` MP130 is quiet: this rule reports the same defect as an error.

use super::{Given, quoted};
use crate::base::diagnostic::{ARGUMENTS, Diagnostic};
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};
use crate::lint::rules::project::invalid_appid::is_appid;
use crate::project::PROJECT_CONFIG;
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidUploadAppid, code: "MP603", name: "invalid-upload-appid", group: Release, severity: Error,
    summary: ["The appid to upload with is missing, the tourist id, or not wx + 16 hex digits", "上传使用的 appid 缺失、为游客 appid，或不是 wx 加 16 位十六进制字符"],
}

/// How to give a valid appid (the help of both findings).
fn appid_help(ctx: &Ctx) -> Text {
    ctx.t(
        "pass --appid with the AppID from the admin console (开发管理 → 开发设置), e.g. --appid wxf9c4501a76931b33, or set \"appid\" in project.config.json".into(),
        "请用 --appid 传入管理后台“开发管理 → 开发设置”中的 AppID（例如 --appid wxf9c4501a76931b33），或在 project.config.json 中设置 \"appid\"".into(),
    )
}

/// The finding when there is no appid to upload with (`config_appid`: project.config.json's
/// `appid`, not a string).
fn no_appid(ctx: &Ctx, config_appid: Option<&Json>) -> Diagnostic {
    // A non-string appid in project.config.json: point at it.
    let (file, span) = match config_appid {
        Some(v) => (PROJECT_CONFIG, Some(v.span)),
        None => (ARGUMENTS, None),
    };
    let (en, zh) = match config_appid {
        Some(_) => (
            "no appid to upload with: no --appid, and \"appid\" in project.config.json is not a string",
            "没有可用于上传的 appid：未传 --appid，且 project.config.json 中的 \"appid\" 不是字符串",
        ),
        None => (
            "no appid to upload with: no --appid, and project.config.json has no \"appid\"",
            "没有可用于上传的 appid：未传 --appid，且 project.config.json 中没有 \"appid\"",
        ),
    };
    Diagnostic::new(&META, file, span, ctx.t(en.into(), zh.into())).help(appid_help(ctx))
}

/// The finding when `appid` (`given` there; `config_appid`: project.config.json's) is empty,
/// the tourist id, or not `wx` + 16 hex digits.
fn invalid_appid(ctx: &Ctx, appid: &str, given: &Given, config_appid: Option<&Json>) -> Diagnostic {
    let from_en = match given {
        Given::Option => "--appid".to_string(),
        other => other.describe().to_string(),
    };
    let from_zh = match given {
        Given::Option => "--appid".to_string(),
        other => other.describe_zh().to_string(),
    };
    let (en, zh) = if appid.is_empty() {
        (
            format!("the appid to upload with (from {from_en}) is empty"),
            format!("上传使用的 appid（来自 {from_zh}）为空"),
        )
    } else if appid == "touristappid" {
        (
            format!(
                "the appid to upload with (from {from_en}) is the DevTools tourist id: it cannot upload"
            ),
            format!("上传使用的 appid（来自 {from_zh}）为游客 appid（touristappid）：无法上传"),
        )
    } else {
        let a = quoted(appid);
        (
            format!(
                "the appid to upload with (from {from_en}), {a}, is not wx followed by 16 hex digits"
            ),
            format!("上传使用的 appid（来自 {from_zh}）{a} 不是 wx 加 16 位十六进制字符"),
        )
    };
    let (file, span) = match (given, config_appid) {
        (Given::ProjectConfig, Some(v)) => (PROJECT_CONFIG, Some(v.span)),
        _ => (ARGUMENTS, None),
    };
    let mut d = Diagnostic::new(&META, file, span, ctx.t(en, zh)).help(appid_help(ctx));
    if span.is_some() {
        d = d.label(ctx.t("appid".into(), "appid".into()));
    }
    d
}

impl Rule for InvalidUploadAppid {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(args) = ctx.release else { return };
        let config_appid = ctx
            .project
            .project_config()
            .and_then(|cfg| cfg.get("appid"));
        let Some((appid, given)) = &args.appid else {
            out.push(no_appid(ctx, config_appid));
            return;
        };
        if !appid.is_empty() && appid != "touristappid" && is_appid(appid) {
            return;
        }
        out.push(invalid_appid(ctx, appid, given, config_appid));
    }
}
