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

pub mod code;
pub mod condition_dropped;
pub mod data;
pub mod invalid_widget_condition_field;
pub mod invalid_widget_type;
pub mod widget_api_unavailable;
pub mod widget_framework_global;
pub mod widget_js_not_found;
pub mod widget_lifecycle_typo;
pub mod widget_not_registered;
pub mod widget_path_not_found;
pub mod widget_path_not_plain;
pub mod widget_path_prefix_overlap;
pub mod widget_require_outside;
pub mod widget_reserved_key;
pub mod widget_type_not_declared;
pub mod widget_unloaded_file;
pub mod widgets_empty;
pub mod widgets_not_array;

use crate::base::source::Span;
use crate::lint::rule::Ctx;
use crate::project::PROJECT_CONFIG;
use crate::syntax::json::{Json, JsonKind};

pub(crate) use crate::analysis::widgets::{WidgetDecl, declarations, manifests};

/// The manifest's name as DevTools printed it (`app.json` or `game.json`).
pub(crate) fn manifest_name(file: &str) -> &str {
    file.rsplit('/').next().unwrap_or(file)
}

/// The manifest DevTools validated in a widget compile type: app.json, else game.json.
pub(crate) fn primary_manifest<'a>(ctx: &Ctx<'a>) -> Option<(String, &'a Json)> {
    manifests(ctx.project).into_iter().next()
}

/// `compileType` of project.config.json when it selects a widget mode (`search` or
/// `conversation`), with the span of its value.
pub(crate) fn widget_compile_type<'a>(ctx: &Ctx<'a>) -> Option<(&'a str, Span)> {
    let v = ctx.project.project_config()?.get("compileType")?;
    let t = v.as_str()?;
    matches!(t, "search" | "conversation").then_some((t, v.span))
}

/// Whether a value is falsy in JavaScript (`!widgets` in DevTools).
pub(crate) fn is_falsy(v: &Json) -> bool {
    match &v.kind {
        JsonKind::Null => true,
        JsonKind::Bool(b) => !b,
        JsonKind::Number(n) => *n == 0.0 || n.is_nan(),
        JsonKind::String(s) => s.is_empty(),
        JsonKind::Array(_) | JsonKind::Object(_) => false,
    }
}

/// A `widgets[].path` resolved as the file system did (against the miniprogram root, `.`,
/// `..` and repeated or edge slashes folded), relative to the project folder; `None` when it
/// climbs out of the miniprogram root (never looked up: MP506 reports it).
pub(crate) fn resolve_path(ctx: &Ctx, path: &str) -> Option<String> {
    let rel = crate::base::relpath::normalize(path)?;
    Some(ctx.project.in_root(&rel).trim_end_matches('/').to_string())
}

/// `<dir>/widget.js`, for a `dir` relative to the project folder (empty for the project folder).
pub(crate) fn widget_js(dir: &str) -> String {
    if dir.is_empty() {
        "widget.js".into()
    } else {
        format!("{dir}/widget.js")
    }
}

/// A form of `widgets[].path` that the file-system checks accept but the widget loader's
/// string prefix test does not (spec Part 2 item 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PathTrap {
    LeadingDotSlash,
    LeadingSlash,
    TrailingSlash,
    /// `.` or `..` segments, or `//`: the loaded files' names never contain them.
    DotSegment,
    /// `..` climbing out of the miniprogram root.
    Outside,
    /// A backslash: the loader compares POSIX paths.
    Backslash,
}

/// The trap in a non-empty path, if any.
pub(crate) fn path_trap(path: &str) -> Option<PathTrap> {
    let climbs = {
        let mut depth = 0i32;
        path.split('/').any(|s| {
            match s {
                ".." => depth -= 1,
                "" | "." => {}
                _ => depth += 1,
            }
            depth < 0
        })
    };
    if climbs {
        Some(PathTrap::Outside)
    } else if path.contains('\\') {
        Some(PathTrap::Backslash)
    } else if path.starts_with("./") {
        Some(PathTrap::LeadingDotSlash)
    } else if path.starts_with('/') {
        Some(PathTrap::LeadingSlash)
    } else if path.ends_with('/') {
        Some(PathTrap::TrailingSlash)
    } else if path
        .split('/')
        .any(|s| s.is_empty() || s == "." || s == "..")
    {
        Some(PathTrap::DotSegment)
    } else {
        None
    }
}

/// `widgets[i]` of a manifest, for messages.
pub(crate) fn item_name(d: &WidgetDecl) -> String {
    format!("widgets[{}]", d.index)
}

/// The project config whose `compileType` a message points at.
pub(crate) const CONFIG: &str = PROJECT_CONFIG;

/// `condition.search.list` and `condition.conversation.list` of project.config.json, when
/// present, with the mode's name.
pub(crate) fn conditions<'a>(ctx: &Ctx<'a>) -> Vec<(&'static str, &'a Json)> {
    let Some(cond) = ctx
        .project
        .project_config()
        .and_then(|c| c.get("condition"))
    else {
        return Vec::new();
    };
    ["search", "conversation"]
        .into_iter()
        .filter_map(|k| Some((k, cond.get(k)?.get("list")?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traps() {
        assert_eq!(path_trap("widget"), None);
        assert_eq!(path_trap("a/b"), None);
        assert_eq!(path_trap("widget/"), Some(PathTrap::TrailingSlash));
        assert_eq!(path_trap("./widget"), Some(PathTrap::LeadingDotSlash));
        assert_eq!(path_trap("/widget"), Some(PathTrap::LeadingSlash));
        assert_eq!(path_trap("a//b"), Some(PathTrap::DotSegment));
        assert_eq!(path_trap("a/../b"), Some(PathTrap::DotSegment));
        assert_eq!(path_trap("../b"), Some(PathTrap::Outside));
        assert_eq!(path_trap("a/../../b"), Some(PathTrap::Outside));
        assert_eq!(path_trap("a\\b"), Some(PathTrap::Backslash));
        assert_eq!(path_trap("."), Some(PathTrap::DotSegment));
        assert_eq!(widget_js(""), "widget.js");
        assert_eq!(widget_js("src/widget"), "src/widget/widget.js");
    }
}
