//! MP524: `Widget({...})` defines `__context__` or `getContext`. WAWidget.js (base library
//! 2.0.4; spec §1.4) keeps these keys for itself and logs `Widget's <key> is write-protected`
//! (warning group 关键字保护) instead of using the value.

use super::code::RESERVED_KEYS;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;

crate::declare_rule! {
    WidgetReservedKey, code: "MP524", name: "widget-reserved-key", group: Widget, severity: Error,
    summary: ["Widget({...}) defines a write-protected key (__context__, getContext)", "Widget({...}) 定义了受保护的关键字（__context__、getContext）"],
    hooks: [Module],
}

/// The finding at a `Widget({...})` key the runtime protects.
fn write_protected(ctx: &Ctx, path: &str, key: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("Widget's {key} is write-protected: the runtime ignores this value and warns (关键字保护)"),
            format!("Widget 的 {key} 是受保护的关键字：运行时忽略该值并给出警告（关键字保护）"),
        ),
    )
    .label(ctx.t("write-protected".into(), "受保护".into()))
    .help(ctx.t(
        "rename it; `this.getContext()` already returns the widget's canvas context".into(),
        "请改名；`this.getContext()` 已返回 Widget 的画布上下文".into(),
    ))
}

impl Rule for WidgetReservedKey {
    fn check_module(&self, ctx: &Ctx, m: &Module, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.widgets_of(&m.path).next().is_none() {
            return;
        }
        for call in &m.widget_calls {
            for (key, span) in call.keys.iter().flatten() {
                if RESERVED_KEYS.contains(&key.as_str()) {
                    out.push(write_protected(ctx, &m.path, key, *span));
                }
            }
        }
    }
}
