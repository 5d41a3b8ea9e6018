//! MP520: a declared widget's `widget.js` never calls `Widget({...})`: the widget service
//! requires `<path>/widget.js` and fails with `There is a script error or incorrectly call
//! Widget() in <path>/widget.js` (DevTools 1.02.1810250; spec §1.3).

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetNotRegistered, code: "MP520", name: "widget-not-registered", group: Widget, severity: Error,
    summary: ["A search widget's widget.js does not call Widget()", "搜索 Widget 的 widget.js 未调用 Widget()"],
}

/// The finding at the widget.js `file` of the widget at `path` (as declared), which never
/// calls `Widget()`.
fn not_registered(ctx: &Ctx, file: &str, path: &str) -> Diagnostic {
    let shown = format!("{}/widget.js", path.trim_end_matches('/'));
    Diagnostic::new(
        &META,
        file,
        None,
        ctx.t(
            format!("{shown} never calls Widget(): DevTools reports `There is a script error or incorrectly call Widget() in {shown}`"),
            format!("{shown} 未调用 Widget()：开发者工具报错 `{shown} 出现脚本错误或者未正确调用 Widget()`"),
        ),
    )
    .help(ctx.t(
        "register the widget in widget.js with `Widget({ onLoad() {…}, onDataPush(data) {…} })`".into(),
        "请在 widget.js 中用 `Widget({ onLoad() {…}, onDataPush(data) {…} })` 注册 Widget".into(),
    ))
}

impl Rule for WidgetNotRegistered {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for w in &ctx.analysis.widgets {
            let file = format!("{}/widget.js", w.dir);
            let Some(m) = ctx.project.modules.get(&file) else {
                // No widget.js at all: the declaration rules report it (JS_NOT_FOUND).
                continue;
            };
            // A file the parser could not read is reported by MP006; its calls are unknown.
            if !m.widget_calls.is_empty() || m.unanalysed.is_some() {
                continue;
            }
            // `require('./main')` where main.js calls `Widget()`: registered all the same (the
            // modules widget.js loads, followed through the project's dependency index).
            if registers_through_requires(ctx, &file) {
                continue;
            }
            out.push(not_registered(ctx, &file, w.path));
        }
    }
}

/// Whether a module `file` loads (directly or not, at most 64 modules) calls `Widget()`.
fn registers_through_requires(ctx: &Ctx, file: &str) -> bool {
    let deps = ctx.analysis.module_deps();
    let mut seen: Vec<&str> = vec![file];
    let mut work: Vec<&str> = vec![file];
    while let Some(f) = work.pop() {
        for d in deps.get(f).map(Vec::as_slice).unwrap_or_default() {
            if seen.len() >= 64 || seen.contains(&d.as_str()) {
                continue;
            }
            seen.push(d);
            match ctx.project.modules.get(d) {
                Some(m) if !m.widget_calls.is_empty() || m.unanalysed.is_some() => return true,
                Some(_) => work.push(d),
                None => {}
            }
        }
    }
    false
}
