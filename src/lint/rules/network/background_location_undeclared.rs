//! MP312: code calls `startLocationUpdateBackground` but `requiredBackgroundModes` in app.json
//! does not contain `location`, so background location updates do not run.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    BackgroundLocationUndeclared, code: "MP312", name: "background-location-undeclared", group: Network, severity: Error,
    summary: ["startLocationUpdateBackground is used without requiredBackgroundModes: [\"location\"]", "使用了 startLocationUpdateBackground，但 requiredBackgroundModes 中没有 \"location\""],
}

/// The finding at the first `startLocationUpdateBackground` call, without the background mode.
fn undeclared(ctx: &Ctx, file: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            "wx.startLocationUpdateBackground needs \"requiredBackgroundModes\": [\"location\"] in app.json".into(),
            "使用 wx.startLocationUpdateBackground 需在 app.json 中配置 \"requiredBackgroundModes\": [\"location\"]".into(),
        ),
    )
    .label(ctx.t("background location".into(), "后台定位".into()))
    .help(ctx.t(
        "add \"location\" to \"requiredBackgroundModes\" in app.json (release builds need it approved in review)".into(),
        "请在 app.json 的 \"requiredBackgroundModes\" 中加入 \"location\"（正式版需通过审核）".into(),
    ))
}

impl Rule for BackgroundLocationUndeclared {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let declared = ctx.project.app_json().is_some_and(|a| {
            ["requiredBackgroundModes", "requireBackgroundModes"]
                .iter()
                .any(|k| {
                    a.get(k)
                        .and_then(Json::as_array)
                        .is_some_and(|m| m.iter().any(|v| v.as_str() == Some("location")))
                })
        });
        if declared {
            return;
        }
        if let Some((_, file, span)) = super::location_uses(ctx.project)
            .into_iter()
            .find(|(api, _, _)| *api == "startLocationUpdateBackground")
        {
            out.push(undeclared(ctx, file, span));
        }
    }
}
