//! MP523: widget code loads a module outside its widget folder, or an npm package. The widget
//! service injects only the JS files under `widgets[].path` (DevTools 1.02.1810250, spec §1.3)
//! and WAWidget.js's `require` resolves only those (spec §1.4): anything else throws
//! `module "…" is not defined`. Inferred from the code (spec Part 2 item 2), so a warning.

use super::code::dirname;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;
use crate::syntax::js::Resolver;

crate::declare_rule! {
    WidgetRequireOutside, code: "MP523", name: "widget-require-outside", group: Widget, severity: Warning,
    summary: ["Widget code requires a module outside the widget folder or an npm package", "Widget 代码引用了 Widget 目录之外的模块或 npm 包"],
    hooks: [Module],
}

/// The finding at the require of `spec` (at `span`) in the module `path` of the widget at
/// `widget_path`, which loads nothing in the widget's folder (`npm`: an npm package).
fn outside(
    ctx: &Ctx,
    (path, span): (&str, Span),
    spec: &str,
    widget_path: &str,
    npm: bool,
) -> Diagnostic {
    let (msg, help) = if npm {
        (
            ctx.t(
                format!("`{spec}` is an npm package: a widget loads only the JS files in its folder `{}`, so this require throws `module \"{spec}\" is not defined`", widget_path),
                format!("`{spec}` 是 npm 包：Widget 只加载其目录 `{}` 下的 JS 文件，该引用会抛出 `module \"{spec}\" is not defined`", widget_path),
            ),
            ctx.t(
                format!("copy the code the widget needs into `{}`", widget_path),
                format!("请把 Widget 需要的代码复制到 `{}` 中", widget_path),
            ),
        )
    } else {
        (
            ctx.t(
                format!("`{spec}` is outside the widget folder `{}`: a widget loads only the JS files in it, so this require throws `module … is not defined`", widget_path),
                format!("`{spec}` 位于 Widget 目录 `{}` 之外：Widget 只加载该目录下的 JS 文件，该引用会抛出 `module … is not defined`", widget_path),
            ),
            ctx.t(
                format!("move or copy the module into `{}`", widget_path),
                format!("请把该模块移动或复制到 `{}` 中", widget_path),
            ),
        )
    };
    Diagnostic::new(&META, path, Some(span), msg)
        .label(ctx.t("not loaded in the widget".into(), "Widget 中不加载".into()))
        .help(help)
}

impl Rule for WidgetRequireOutside {
    fn check_module(&self, ctx: &Ctx, m: &Module, out: &mut Vec<Diagnostic>) {
        let project = ctx.project;
        for w in ctx.analysis.widgets_of(&m.path) {
            let resolver = Resolver::new(&project.modules, &project.mp_root);
            let dir = dirname(&m.path);
            for (spec, span) in &m.requires {
                let relative =
                    spec.starts_with("./") || spec.starts_with("../") || spec.starts_with('/');
                // The file it loads, or where a relative path points when nothing is there.
                let target = match resolver.resolve_specifier(&m.path, spec) {
                    Some(t) => Some(t.to_string()),
                    None if relative => {
                        let joined = match spec.strip_prefix('/') {
                            Some(abs) => format!("{}{abs}", project.mp_root),
                            None => format!("{dir}/{spec}"),
                        };
                        crate::base::relpath::normalize(&joined)
                    }
                    // A bare name nothing in the project provides: an npm package.
                    None => None,
                };
                if let Some(t) = &target
                    && dirname(t).starts_with(&w.prefix)
                {
                    continue;
                }
                let npm = !relative
                    && target.as_deref().is_none_or(|t| {
                        t.contains("miniprogram_npm/") || t.contains("node_modules/")
                    });
                out.push(outside(ctx, (&m.path, *span), spec, w.path, npm));
            }
        }
    }
}
