//! MP117: `requiredPrivateInfos` lists `getFuzzyLocation` together with a precise-location
//! API (`getLocation`, `onLocationChange`, `startLocationUpdate`,
//! `startLocationUpdateBackground`); the platform treats them as mutually exclusive.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    PrivateInfosConflict, code: "MP117", name: "private-infos-conflict", group: Config, severity: Error,
    summary: ["requiredPrivateInfos mixes getFuzzyLocation with precise-location APIs", "requiredPrivateInfos 中 getFuzzyLocation 与精确定位接口互斥"],
}

const PRECISE: &[&str] = &[
    "getLocation",
    "onLocationChange",
    "startLocationUpdate",
    "startLocationUpdateBackground",
];

/// The finding at `getFuzzyLocation`, listed with the `precise` location APIs.
fn exclusive(ctx: &Ctx, path: &str, span: Span, precise: &[&Json]) -> Diagnostic {
    let names: Vec<&str> = precise.iter().filter_map(|i| i.as_str()).collect();
    let mut d = Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!(
                "requiredPrivateInfos 'getFuzzyLocation' is mutually exclusive with '{}'",
                names.join("', '")
            ),
            format!(
                "requiredPrivateInfos 'getFuzzyLocation' 与 '{}' 互斥",
                names.join("'、'")
            ),
        ),
    )
    .label(ctx.t("fuzzy location".into(), "模糊定位".into()))
    .help(
        ctx.t(
            "declare either getFuzzyLocation (approximate position) or the precise APIs, not both"
                .into(),
            "模糊定位 getFuzzyLocation 与精确定位接口只能二选一".into(),
        ),
    );
    for p in precise {
        d = d.related(
            path,
            Some(p.span),
            ctx.t("precise location".into(), "精确定位".into()),
        );
    }
    d
}

impl Rule for PrivateInfosConflict {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // app.json, and ext.json where third-party apps declare it.
        let ext_path = ctx.project.in_root("ext.json");
        let ext = ctx
            .project
            .json(&ext_path)
            .and_then(|d| d.value())
            .map(|v| (ext_path, v));
        for (path, value) in app(ctx).into_iter().chain(ext) {
            check(ctx, &path, value, out);
        }
    }
}

fn check(ctx: &Ctx, path: &str, value: &Json, out: &mut Vec<Diagnostic>) {
    let Some(items) = value.get("requiredPrivateInfos").and_then(Json::as_array) else {
        return;
    };
    let Some(fuzzy) = items
        .iter()
        .find(|i| i.as_str() == Some("getFuzzyLocation"))
    else {
        return;
    };
    let precise: Vec<&Json> = items
        .iter()
        .filter(|i| i.as_str().is_some_and(|s| PRECISE.contains(&s)))
        .collect();
    if precise.is_empty() {
        return;
    }
    out.push(exclusive(ctx, path, fuzzy.span, &precise));
}
