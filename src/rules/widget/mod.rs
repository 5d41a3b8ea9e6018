//! The search Widget (搜索Widget): the `widgets` declaration in app.json (game.json for mini
//! games), the widget's canvas-only code, the widget test conditions in project.config.json,
//! and the template data a team sends (`mpcheck widget-data`). The platform retired the
//! in-project part from its tools, so nothing else checks it. Facts and their sources:
//! `../shared/spec/widget.md` (DevTools 1.02.1810250 validators and locale strings, the
//! WAWidget.js runtime of base library 2.0.4, the 2018-11 documentation snapshots). Rules on an
//! inferred fact are warnings and say so in their doc.
//!
//! Codes: MP500–MP519 declaration, MP520–MP539 widget code, MP540–MP549 test configuration,
//! MP550–MP579 template data.

use crate::json::Json;
use crate::rule::Ctx;

/// A `widgets[]` item of app.json or game.json.
#[allow(dead_code)]
pub(crate) struct WidgetDecl<'a> {
    /// `app.json` or `game.json`, as a project path.
    pub file: String,
    /// Its index in `widgets`.
    pub index: usize,
    pub item: &'a Json,
    /// `type`, when a string.
    pub kind: Option<&'a str>,
    /// `path`, when a string: relative to the miniprogram root, as written.
    pub path: Option<&'a str>,
}

/// The manifests that may declare widgets, with their parsed value: app.json, and game.json
/// when the project has one.
#[allow(dead_code)]
pub(crate) fn manifests<'a>(ctx: &Ctx<'a>) -> Vec<(String, &'a Json)> {
    let p = ctx.project;
    [p.app_json_path(), p.in_root("game.json")]
        .into_iter()
        .filter_map(|f| {
            let v = p.json(&f)?.value()?;
            Some((f, v))
        })
        .collect()
}

/// Every `widgets[]` item of app.json and game.json, in file order.
#[allow(dead_code)]
pub(crate) fn declarations<'a>(ctx: &Ctx<'a>) -> Vec<WidgetDecl<'a>> {
    let mut out = Vec::new();
    for (file, manifest) in manifests(ctx) {
        let Some(items) = manifest.get("widgets").and_then(Json::as_array) else {
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            out.push(WidgetDecl {
                file: file.clone(),
                index,
                item,
                kind: item.get("type").and_then(Json::as_str),
                path: item.get("path").and_then(Json::as_str),
            });
        }
    }
    out
}

pub mod data;
