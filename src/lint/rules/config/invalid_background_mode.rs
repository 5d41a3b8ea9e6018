//! MP118: a `requiredBackgroundModes` value other than the documented `audio` and
//! `location`; it has no effect.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidBackgroundMode, code: "MP118", name: "invalid-background-mode", group: Config, severity: Warning,
    summary: ["requiredBackgroundModes has a value other than audio or location", "requiredBackgroundModes 的取值只能是 audio 或 location"],
}

/// The finding at `[key][i]`, a `mode` that is not a background mode.
fn unknown_mode(
    ctx: &Ctx,
    path: &str,
    key: &str,
    i: usize,
    mode: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("[\"{key}\"][{i}] \"{mode}\" is not a background mode; use \"audio\" or \"location\""),
            format!("[\"{key}\"][{i}] \"{mode}\" 不是有效的后台运行能力，可选 \"audio\"、\"location\""),
        ),
    )
    .label(ctx.t("unknown mode".into(), "未知的取值".into()))
    .maybe_help(suggestion.map(|s| {
        ctx.did_you_mean(s)
    }))
}

impl Rule for InvalidBackgroundMode {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        for key in ["requiredBackgroundModes", "requireBackgroundModes"] {
            for (i, v) in app
                .get(key)
                .and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let Some(mode) = v.as_str() else { continue };
                if matches!(mode, "audio" | "location") {
                    continue;
                }
                let suggestion =
                    crate::analysis::schema::suggest(mode, ["audio", "location"].into_iter());
                out.push(unknown_mode(ctx, &path, key, i, mode, v.span, suggestion));
            }
        }
    }
}
