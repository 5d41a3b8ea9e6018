//! MP138: ext.json (third-party platform apps) with `extEnable: true` and an empty
//! `extAppid`, or an `extAppid` that is not an AppID.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidExtJson, code: "MP138", name: "invalid-ext-json", group: Config, severity: Error,
    summary: ["ext.json is enabled without a valid extAppid", "ext.json 已启用但 extAppid 为空或格式错误"],
}

/// The finding at an `extAppid` `a` that is not an AppID.
fn not_appid(ctx: &Ctx, path: &str, a: &str, span: Option<Span>) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        span,
        ctx.t(
            format!("extAppid \"{a}\" is not wx followed by 16 hex digits"),
            format!("extAppid \"{a}\" 不是 wx 加 16 位十六进制字符"),
        ),
    )
    .help(ctx.t(
        "use the AppID of the authorized mini program".into(),
        "请填写授权小程序的 AppID".into(),
    ))
}

/// The finding at an empty or missing `extAppid` with `extEnable: true`.
fn empty_appid(ctx: &Ctx, path: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            "extAppid should not be empty when extEnable is true".into(),
            "extAppid 不能为空".into(),
        ),
    )
    .help(
        ctx.t(
            "set \"extAppid\" to the authorized mini program's AppID, or set \"extEnable\": false"
                .into(),
            "请将 \"extAppid\" 设为授权小程序的 AppID，或将 \"extEnable\" 设为 false".into(),
        ),
    )
}

impl Rule for InvalidExtJson {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let path = p.in_root("ext.json");
        let Some(ext) = p.json(&path).and_then(|d| d.value()) else {
            return;
        };
        let Some(enable) = ext.get("extEnable") else {
            return;
        };
        if enable.as_bool() != Some(true) {
            return;
        }
        let appid = ext.get("extAppid");
        match appid.and_then(Json::as_str) {
            Some(a) if super::invalid_appid::is_appid(a) => {}
            Some(a) if !a.is_empty() => out.push(not_appid(ctx, &path, a, appid.map(|v| v.span))),
            _ => out.push(empty_appid(
                ctx,
                &path,
                appid.map_or(enable.span, |v| v.span),
            )),
        }
    }
}
