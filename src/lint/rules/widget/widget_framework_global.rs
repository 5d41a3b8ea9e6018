//! MP522: widget code uses `App`, `Page`, `Component`, `Behavior` or `getApp`. WAWidget.js
//! (base library 2.0.4; spec §1.4) defines only `Widget`, `wx`, the timers and
//! `define`/`require`: these names are not defined in a widget and throw a ReferenceError.

use super::code::widgets;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetFrameworkGlobal, code: "MP522", name: "widget-framework-global", group: Widget, severity: Error,
    summary: ["Widget code uses App, Page, Component, Behavior or getApp, which a widget does not have", "Widget 代码使用了 Widget 中不存在的 App、Page、Component、Behavior 或 getApp"],
}

impl Rule for WidgetFrameworkGlobal {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for w in widgets(ctx.project) {
            for m in &w.modules {
                for (name, span) in &m.framework_refs {
                    out.push(
                        Diagnostic::new(
                            &META,
                            &m.path,
                            Some(*span),
                            ctx.t(
                                format!("{name} is not defined in widget code: the widget runtime provides only Widget, wx and the timers"),
                                format!("Widget 代码中未定义 {name}：Widget 运行环境只提供 Widget、wx 和定时器"),
                            ),
                        )
                        .label(ctx.t("not defined in a widget".into(), "Widget 中未定义".into()))
                        .help(ctx.t(
                            "a widget has no app, pages or components: register it with Widget({...}) and keep shared state in the widget's own modules".into(),
                            "Widget 没有 App、页面和组件：请用 Widget({...}) 注册，共享状态放在 Widget 自己的模块中".into(),
                        )),
                    );
                }
            }
        }
    }
}
