//! MP525: a `Widget({...})` key that looks like a misspelt lifecycle (`onload`, `onDatapush`,
//! `onTab`). WAWidget.js (base library 2.0.4; spec §1.4) wires only `onLoad`, `onDataPush`,
//! `onNetworkChange` and `onTap`; any other key is a plain method nothing calls. The typo is
//! a guess by edit distance, so a warning.

use super::code::{LIFECYCLES, RESERVED_KEYS};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;

crate::declare_rule! {
    WidgetLifecycleTypo, code: "MP525", name: "widget-lifecycle-typo", group: Widget, severity: Warning,
    summary: ["A Widget({...}) key looks like a misspelt lifecycle (onLoad, onDataPush, onNetworkChange, onTap)", "Widget({...}) 的键疑似拼错的生命周期（onLoad、onDataPush、onNetworkChange、onTap）"],
    hooks: [Module],
}

/// The finding at `key`, a misspelt lifecycle `meant`.
fn misspelt(ctx: &Ctx, path: &str, key: &str, span: Span, meant: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("`{key}` is not a widget lifecycle; did you mean `{meant}`? The runtime never calls `{key}`"),
            format!("`{key}` 不是 Widget 生命周期，是否应为 `{meant}`？运行时不会调用 `{key}`"),
        ),
    )
    .label(ctx.t(format!("did you mean `{meant}`?"), format!("是否应为 `{meant}`？")))
    .help(ctx.t(
        format!("rename it to `{meant}`; the lifecycles are onLoad, onDataPush, onNetworkChange and onTap"),
        format!("请改名为 `{meant}`；生命周期为 onLoad、onDataPush、onNetworkChange、onTap"),
    ))
}

impl Rule for WidgetLifecycleTypo {
    fn check_module(&self, ctx: &Ctx, m: &Module, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.widgets_of(&m.path).next().is_none() {
            return;
        }
        for call in &m.widget_calls {
            let keys = call.keys.as_deref().unwrap_or_default();
            for (key, span) in keys {
                if LIFECYCLES.contains(&key.as_str())
                    || RESERVED_KEYS.contains(&key.as_str())
                    || !key.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("on"))
                {
                    continue;
                }
                let Some(meant) = crate::analysis::schema::suggest(key, LIFECYCLES.iter().copied())
                else {
                    continue;
                };
                // The object defines the lifecycle too: this key is its own method.
                if !keys.iter().any(|(k, _)| k == meant) {
                    out.push(misspelt(ctx, &m.path, key, *span, meant));
                }
            }
        }
    }
}
