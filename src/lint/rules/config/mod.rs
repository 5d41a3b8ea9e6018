//! Manifest content: app.json, page and component json.

pub mod app_json_not_found;
pub mod custom_tabbar_missing;
pub mod darkmode_without_theme;
pub mod deprecated_field;
pub mod invalid_background_mode;
pub mod invalid_color;
pub mod invalid_entrance_declare;
pub mod invalid_enum_value;
pub mod invalid_extended_lib;
pub mod invalid_field_type;
pub mod invalid_plugin;
pub mod invalid_preload_rule;
pub mod invalid_resolve_alias;
pub mod invalid_subpackage;
pub mod invalid_tabbar_icon;
pub mod invalid_tabbar_page;
pub mod invalid_theme_value;
pub mod missing_required_field;
pub mod page_json_window_wrapper;
pub mod pages_empty;
pub mod private_infos_conflict;
pub mod referenced_file_not_found;
pub mod sitemap_missing;
pub mod sitemap_unknown_page;
pub mod skyline_requirements;
pub mod tabbar_icon_not_found;
pub mod tabbar_icon_too_large;
pub mod tabbar_item_count;
pub mod theme_variable;
pub mod unknown_field;

use crate::analysis::schema::SchemaIssue;
use crate::lint::rule::Ctx;

/// Calls `f` with every schema finding of the project (computed once in the index).
pub(crate) fn schema_issues<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a str, &'a SchemaIssue)> {
    ctx.analysis
        .schema_issues()
        .iter()
        .flat_map(|(file, _, issues)| issues.iter().map(move |i| (file.as_str(), i)))
}

/// The short name of a manifest for messages: `app.json`, `pages/a/a.json`.
pub(crate) fn display_name<'a>(ctx: &Ctx, file: &'a str) -> &'a str {
    file.strip_prefix(ctx.project.mp_root.as_str())
        .unwrap_or(file)
}

/// What a schema finding is about: `app.json ["window"]["x"]`, or just `app.json` at the top.
pub(crate) fn subject(ctx: &Ctx, file: &str, issue: &SchemaIssue) -> String {
    let name = display_name(ctx, file);
    if issue.path.is_empty() {
        name.to_string()
    } else {
        format!("{name} {}", issue.path)
    }
}

use crate::syntax::json::Json;

/// app.json's path and value, when it parsed.
pub(crate) fn app<'a>(ctx: &Ctx<'a>) -> Option<(String, &'a Json)> {
    let path = ctx.project.app_json_path();
    let value = ctx.project.json(&path)?.value()?;
    Some((path, value))
}

/// The items of `tabBar.list` with their index.
pub(crate) fn tabbar_items(app: &Json) -> impl Iterator<Item = (usize, &Json)> {
    app.get("tabBar")
        .and_then(|t| t.get("list"))
        .and_then(Json::as_array)
        .unwrap_or_default()
        .iter()
        .enumerate()
}

/// A tabBar icon: item index, key, value and span, for every string icon that is not a
/// DarkMode `@variable`.
pub(crate) struct Icon<'a> {
    pub index: usize,
    pub key: &'static str,
    pub value: &'a str,
    pub span: crate::base::source::Span,
}

pub(crate) fn tabbar_icons(app: &Json) -> Vec<Icon<'_>> {
    let mut icons = Vec::new();
    for (index, item) in tabbar_items(app) {
        for key in ["iconPath", "selectedIconPath"] {
            if let Some(v) = item.get(key)
                && let Some(value) = v.as_str()
                && !value.starts_with('@')
                && !value.is_empty()
            {
                icons.push(Icon {
                    index,
                    key,
                    value,
                    span: v.span,
                });
            }
        }
    }
    icons
}

/// An icon's file relative to the project folder (icons may start with `/`).
pub(crate) fn icon_file(ctx: &Ctx, value: &str) -> String {
    ctx.project
        .in_root(value.trim_start_matches('/').trim_start_matches("./"))
}

pub(crate) fn is_remote(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    v.starts_with("http://") || v.starts_with("https://") || v.starts_with("//")
}

/// What a themable key holds, which decides how its theme.json values are checked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ThemeKind {
    Color,
    /// A free colour string (`backgroundColorTop` and the like; not hex-checked officially).
    Text,
    Enum(&'static [&'static str]),
    Icon,
}

/// Keys that may hold a DarkMode `@variable` (miniprogram-ci `jsonVariablePropertyWhiteList`).
pub(crate) fn themable(key: &str, in_tabbar: bool, in_tabbar_item: bool) -> Option<ThemeKind> {
    if in_tabbar_item {
        return matches!(key, "iconPath" | "selectedIconPath").then_some(ThemeKind::Icon);
    }
    if in_tabbar {
        return match key {
            "color" | "selectedColor" | "backgroundColor" => Some(ThemeKind::Text),
            "borderStyle" => Some(ThemeKind::Enum(&["black", "white"])),
            _ => None,
        };
    }
    match key {
        "navigationBarBackgroundColor" | "backgroundColor" => Some(ThemeKind::Color),
        "backgroundColorTop" | "backgroundColorBottom" | "backgroundColorContent" => {
            Some(ThemeKind::Text)
        }
        "navigationBarTextStyle" => Some(ThemeKind::Enum(&["black", "white"])),
        "backgroundTextStyle" => Some(ThemeKind::Enum(&["dark", "light"])),
        _ => None,
    }
}

/// A string value starting with `@` in a window, page or tabBar object.
#[derive(Debug, Clone)]
pub(crate) struct VarUse {
    pub file: String,
    pub pointer: String,
    pub key: String,
    pub name: String,
    pub span: crate::base::source::Span,
    /// `None` when the key does not allow variables.
    pub kind: Option<ThemeKind>,
}

/// Every `@variable` in app.json (`window`, `tabBar`) and the page and component json.
pub(crate) fn var_uses(ctx: &Ctx) -> Vec<VarUse> {
    let p = ctx.project;
    let mut out = Vec::new();
    let mut scan = |file: &str, obj: &Json, base: String, tabbar: bool, item: bool| {
        for m in obj.as_object().unwrap_or_default() {
            if let Some(s) = m.value.as_str()
                && let Some(name) = s.strip_prefix('@')
            {
                out.push(VarUse {
                    file: file.to_string(),
                    pointer: format!("{base}[\"{}\"]", m.key),
                    key: m.key.clone(),
                    name: name.to_string(),
                    span: m.value.span,
                    kind: themable(&m.key, tabbar, item),
                });
            }
        }
    };
    if let Some((path, app)) = app(ctx) {
        if let Some(w) = app.get("window") {
            scan(&path, w, "[\"window\"]".into(), false, false);
        }
        if let Some(t) = app.get("tabBar") {
            scan(&path, t, "[\"tabBar\"]".into(), true, false);
            for (i, item) in tabbar_items(app) {
                scan(
                    &path,
                    item,
                    format!("[\"tabBar\"][\"list\"][{i}]"),
                    false,
                    true,
                );
            }
        }
    }
    for (file, role, _) in ctx.analysis.schema_issues() {
        if matches!(
            role,
            crate::project::JsonRole::Page | crate::project::JsonRole::Component
        ) && let Some(v) = p.json(file).and_then(|d| d.value())
        {
            scan(file, v, String::new(), false, false);
        }
    }
    out
}
