//! MP522: widget code uses `App`, `Page`, `Component`, `Behavior` or `getApp`. WAWidget.js
//! (base library 2.0.4; spec §1.4) defines only `Widget`, `wx`, the timers and
//! `define`/`require`: these names are not defined in a widget and throw a ReferenceError.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;

crate::declare_rule! {
    WidgetFrameworkGlobal, code: "MP522", name: "widget-framework-global", group: Widget, severity: Error,
    summary: ["Widget code uses App, Page, Component, Behavior or getApp, which a widget does not have", "Widget 代码使用了 Widget 中不存在的 App、Page、Component、Behavior 或 getApp"],
    hooks: [Module],
}

/// The finding at a reference to `name`, a global the widget runtime does not define.
fn not_defined(ctx: &Ctx, path: &str, name: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{name} is not defined in widget code: the widget runtime provides only Widget, wx and the timers"),
            format!("Widget 代码中未定义 {name}：Widget 运行环境只提供 Widget、wx 和定时器"),
        ),
    )
    .label(ctx.t("not defined in a widget".into(), "Widget 中未定义".into()))
    .help(ctx.t(
        "a widget has no app, pages or components: register it with Widget({...}) and keep shared state in the widget's own modules".into(),
        "Widget 没有 App、页面和组件：请用 Widget({...}) 注册，共享状态放在 Widget 自己的模块中".into(),
    ))
}

impl Rule for WidgetFrameworkGlobal {
    fn check_module(&self, ctx: &Ctx, m: &Module, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.widgets_of(&m.path).next().is_none() {
            return;
        }
        for (name, span) in &m.framework_refs {
            out.push(not_defined(ctx, &m.path, name, *span));
        }
    }
}
