//! Shared by the widget code rules (MP520–MP539): which files are a widget's code, and what
//! the widget runtime (WAWidget.js, base library 2.0.4; spec §1.3–1.4) provides.

use super::declarations;
use crate::project::Project;
use crate::syntax::js::Module;

/// The `wx` members WAWidget.js defines (spec §1.4); every other `wx.X` is `undefined`.
pub const WX_WHITELIST: &[&str] = &[
    "createWidgetContext",
    "onCanvasInsert",
    "onDataPush",
    "onTap",
    "getSystemInfo",
    "getSystemInfoSync",
    "getNetworkType",
    "onNetworkStatusChange",
    "onNetworkChange",
    "downloadImage",
    "openApp",
    "makePhoneCall",
    "setWidgetSize",
    "authorize",
    "showPicker",
    "updatePicker",
    "version",
];

/// The `Widget({...})` lifecycle keys (spec §1.4).
pub const LIFECYCLES: &[&str] = &["onLoad", "onDataPush", "onNetworkChange", "onTap"];

/// The write-protected `Widget({...})` keys (spec §1.4).
pub const RESERVED_KEYS: &[&str] = &["__context__", "getContext"];

/// A declared widget folder and its code.
pub struct WidgetCode<'a> {
    /// The manifest declaring it (`app.json` or `game.json`, a project path).
    pub manifest: String,
    /// `widgets[].path` as written.
    pub path: &'a str,
    /// The folder, as a project path without a trailing `/`.
    pub dir: String,
    /// The loader's prefix: the service injects every JS file whose folder (a project path)
    /// starts with it.
    pub prefix: String,
    /// The JS/TS modules inside the folder, sorted by path.
    pub modules: Vec<&'a Module>,
}

/// The folder a `widgets[].path` names, relative to the miniprogram root (`./w/` → `w`);
/// `None` when empty or above the root.
fn folder(path: &str) -> Option<String> {
    let p = path.trim_start_matches("./").trim_matches('/');
    let n = crate::base::relpath::normalize(p)?;
    (!n.is_empty()).then_some(n)
}

/// Every declared widget with a usable path, once per folder.
pub fn widgets(project: &Project) -> Vec<WidgetCode<'_>> {
    let mut out: Vec<WidgetCode> = Vec::new();
    for d in declarations(project) {
        let Some(path) = d.path else { continue };
        let Some(rel) = folder(path) else { continue };
        let dir = project.in_root(&rel);
        if out.iter().any(|w| w.dir == dir) {
            continue;
        }
        let inside = format!("{dir}/");
        let mut modules: Vec<&Module> = project
            .modules
            .values()
            .filter(|m| m.path.starts_with(&inside))
            .collect();
        modules.sort_by(|a, b| a.path.cmp(&b.path));
        out.push(WidgetCode {
            manifest: d.file,
            path,
            prefix: project.in_root(&rel),
            dir,
            modules,
        });
    }
    out
}

/// The folder of a project path (`a/b.js` → `a`).
pub fn dirname(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}
