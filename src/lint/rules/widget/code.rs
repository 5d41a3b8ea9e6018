//! Shared by the widget code rules (MP520–MP539): which files are a widget's code, and what
//! the widget runtime (WAWidget.js, base library 2.0.4; spec §1.3–1.4) provides.

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

pub use crate::analysis::widgets::WidgetCode;

/// The folder of a project path (`a/b.js` → `a`).
pub fn dirname(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}
