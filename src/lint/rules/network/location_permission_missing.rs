//! MP311: code calls a location API but app.json has no `permission` entry for it
//! (`scope.userLocation` for precise location, `scope.userFuzzyLocation` for
//! `getFuzzyLocation`), so the user is asked without a stated purpose and review rejects it.

use super::location_uses;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    LocationPermissionMissing, code: "MP311", name: "location-permission-missing", group: Network, severity: Warning,
    summary: ["A location API is used without a permission desc in app.json", "使用了地理位置接口，但 app.json 中没有 permission 用途说明"],
}

/// The permission scope an API asks for.
fn scope(api: &str) -> Option<&'static str> {
    match api {
        "getFuzzyLocation" => Some("scope.userFuzzyLocation"),
        "getLocation"
        | "chooseLocation"
        | "onLocationChange"
        | "startLocationUpdate"
        | "startLocationUpdateBackground"
        | "choosePoi" => Some("scope.userLocation"),
        _ => None,
    }
}

/// The finding at the first call of `api` whose `scope` has no permission entry.
fn permission_missing(ctx: &Ctx, api: &str, scope: &str, file: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("wx.{api} needs permission[\"{scope}\"] with a \"desc\" in app.json"),
            format!("使用 wx.{api} 需在 app.json 的 permission[\"{scope}\"] 中填写用途说明 \"desc\""),
        ),
    )
    .label(ctx.t("location API".into(), "地理位置接口".into()))
    .help(ctx.t(
        format!("add \"permission\": {{\"{scope}\": {{\"desc\": \"…why the app needs the location…\"}}}} to app.json"),
        format!("请在 app.json 中添加 \"permission\": {{\"{scope}\": {{\"desc\": \"……获取位置的用途……\"}}}}"),
    ))
}

impl Rule for LocationPermissionMissing {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let permission = ctx.project.app_json().and_then(|a| a.get("permission"));
        let mut reported = Vec::new();
        for (api, file, span) in location_uses(ctx.project) {
            let Some(scope) = scope(api) else { continue };
            if permission.and_then(|p| p.get(scope)).is_some() || reported.contains(&scope) {
                continue;
            }
            reported.push(scope);
            out.push(permission_missing(ctx, api, scope, file, span));
        }
    }
}
