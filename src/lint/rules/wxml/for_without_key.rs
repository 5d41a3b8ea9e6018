//! MP324: a `wx:for` without `wx:key`. The list still renders, but every change re-creates its
//! items (DevTools warns at run time); with components or inputs in the items, state is lost.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::{Document, Element};

crate::declare_rule! {
    ForWithoutKey, code: "MP324", name: "for-without-key", group: Wxml, severity: Info,
    summary: ["wx:for has no wx:key", "wx:for 没有指定 wx:key"],
    hooks: [Wxml],
}

/// The finding at the `wx:for` (at `span`) of `el`, which has no `wx:key`.
fn no_key(ctx: &Ctx, path: &str, el: Element, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(format!("<{}> has wx:for but no wx:key", el.name()), format!("<{}> 使用了 wx:for 但没有 wx:key", el.name())),
    )
    .label(ctx.t("list without key".into(), "列表缺少 key".into()))
    .help(ctx.t(
        "add wx:key=\"id\" (a unique field of each item) or wx:key=\"*this\" for lists of strings or numbers".into(),
        "请添加 wx:key=\"id\"（列表项中唯一的字段），字符串或数字列表可用 wx:key=\"*this\"".into(),
    ))
}

impl Rule for ForWithoutKey {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        for el in doc.elements() {
            let Some(a) = el.attr("wx:for") else { continue };
            if el.has_attr("wx:key") {
                continue;
            }
            out.push(no_key(ctx, path, el, a.name_span));
        }
    }
}
