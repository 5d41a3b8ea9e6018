//! MP504: a `widgets[]` folder without a `widget.js` directly in it (DevTools
//! JSON_WIDGETS_JS_NOT_FOUND).

use super::{PathTrap, WidgetDecl, declarations, manifest_name, path_trap, resolve_path};
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetJsNotFound, code: "MP504", name: "widget-js-not-found", group: Widget, severity: Error,
    summary: ["A widgets[] folder has no widget.js", "widgets 中某项的 path 目录下没有 widget.js"],
}

/// The finding at the `path` of the widget declaration `d`, whose folder has no `js`
/// (`help` says what to do).
fn no_widget_js(ctx: &Ctx, d: &WidgetDecl, js: String, help: Text) -> Diagnostic {
    let (f, i) = (manifest_name(&d.file), d.index);
    let span = d.item.get("path").map_or(d.item.span, |v| v.span);
    Diagnostic::new(
        &META,
        &d.file,
        Some(span),
        ctx.t(
            format!("No widget.js is found under widgets[{i}].path of {f}"),
            format!("{f} 的 widgets[{i}].path 下未找到 widget.js"),
        ),
    )
    .label(ctx.t("no widget.js".into(), "缺少 widget.js".into()))
    .related(js, None, ctx.t("does not exist".into(), "不存在".into()))
    .help(help)
}

impl Rule for WidgetJsNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for d in declarations(ctx.project) {
            let Some(path) = d.path.filter(|s| !s.is_empty()) else {
                continue;
            };
            if d.item.as_object().is_none() || path_trap(path) == Some(PathTrap::Outside) {
                continue;
            }
            let Some(rel) = resolve_path(ctx, path) else {
                continue;
            };
            let js = super::widget_js(&rel);
            // A missing folder is MP503's.
            if !p.is_dir(&rel) || p.exists(&js) {
                continue;
            }
            let help = if p.exists(&format!("{}ts", &js[..js.len() - 2])) {
                ctx.t(
                    "the widget loader takes widget.js only: compile widget.ts to widget.js".into(),
                    "widget 只加载 widget.js：请将 widget.ts 编译为 widget.js".into(),
                )
            } else {
                ctx.t(
                    format!("create \"{path}/widget.js\" calling Widget({{...}})"),
                    format!("请创建 \"{path}/widget.js\" 并调用 Widget({{...}})"),
                )
            };
            out.push(no_widget_js(ctx, &d, js, help));
        }
    }
}
