//! MP107: a page json wraps its settings in a `window` object. Page json is flat: the keys
//! inside `window` are ignored, so the page keeps the app's defaults.

use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::JsonRole;
use crate::syntax::json::Json;
use std::collections::HashSet;

crate::declare_rule! {
    PageJsonWindowWrapper, code: "MP107", name: "page-json-window-wrapper", group: Config, severity: Warning,
    summary: ["A page json wraps settings in `window`; page settings must be top-level", "页面配置不应包在 window 中，页面 json 的配置项需写在顶层"],
    needs: [Schemas],
}

/// The finding at a page json's `window` key, which wraps `keys`.
fn ignored_window(ctx: &Ctx, file: &str, span: Span, keys: &[&str]) -> Diagnostic {
    let help = if keys.is_empty() {
        ctx.t(
            "remove the empty \"window\" object".into(),
            "删除空的 \"window\" 对象".into(),
        )
    } else {
        ctx.t(
            format!("move {} to the top level of the page json", keys.join(", ")),
            format!("请将 {} 移到页面 json 的顶层", keys.join("、")),
        )
    };
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            "settings inside \"window\" are ignored in a page json".into(),
            "页面 json 中 \"window\" 内的配置不会生效".into(),
        ),
    )
    .label(ctx.t("ignored wrapper".into(), "无效的包裹".into()))
    .help(help)
}

impl Rule for PageJsonWindowWrapper {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, role, _) in ctx.analysis.schema_issues() {
            if !matches!(role, JsonRole::Page | JsonRole::Component) {
                continue;
            }
            let Some(value) = ctx.project.json(file).and_then(|d| d.value()) else {
                continue;
            };
            let Some(window) = value.member("window") else {
                continue;
            };
            let keys: Vec<&str> = window
                .value
                .as_object()
                .unwrap_or_default()
                .iter()
                .map(|m| m.key.as_str())
                .collect();
            let fix = ctx
                .project
                .json(file)
                .and_then(|d| unwrap(file, &d.source.text, value));
            out.push(ignored_window(ctx, file, window.key_span, &keys).fix(fix));
        }
    }
}

/// The edit that moves the members of the one `window` object to the top level in its place
/// (an empty one is removed), when no key would then appear twice.
fn unwrap(file: &str, text: &str, page: &Json) -> Option<Edit> {
    let top = page.as_object()?;
    let mut windows = top.iter().enumerate().filter(|(_, m)| m.key == "window");
    let (index, window) = windows.next()?;
    if windows.next().is_some() {
        return None;
    }
    let inner = window.value.as_object()?;
    let mut keys: HashSet<&str> = top
        .iter()
        .filter(|m| m.key != "window")
        .map(|m| m.key.as_str())
        .collect();
    if !inner.iter().all(|m| keys.insert(m.key.as_str())) {
        return None;
    }
    if inner.is_empty() {
        let remove: Vec<bool> = (0..top.len()).map(|i| i == index).collect();
        return crate::syntax::json_edit::remove_members(file, page, &remove)
            .into_iter()
            .flatten()
            .next();
    }
    let at = window.key_span.start as usize;
    let body = crate::syntax::json_edit::hoist_members(text, &window.value, at)?;
    Some(Edit::new(
        file,
        Span::new(at, window.value.span.end as usize),
        body,
    ))
}
