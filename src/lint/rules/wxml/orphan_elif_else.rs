//! MP323: `wx:elif` or `wx:else` on an element whose previous sibling element has neither
//! `wx:if` nor `wx:elif`: the condition chain is broken.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;
use crate::syntax::wxml::{Element, Node};

crate::declare_rule! {
    OrphanElifElse, code: "MP323", name: "orphan-elif-else", group: Wxml, severity: Error,
    summary: ["wx:elif or wx:else does not follow a wx:if", "wx:elif 或 wx:else 前面没有 wx:if"],
    hooks: [Wxml],
}

/// Checks the sibling `nodes`, then, recursively, the children of each.
fn check<'a>(
    ctx: &Ctx,
    path: &str,
    nodes: impl Iterator<Item = Node<'a>>,
    out: &mut Vec<Diagnostic>,
) {
    // Whether the previous element (text and comments in between do not count) has wx:if or
    // wx:elif.
    let mut previous_opens = false;
    for node in nodes {
        let Node::Element(el) = node else { continue };
        // One look at the attributes: the first `wx:elif` and `wx:else`, and whether the
        // element itself opens or continues a chain.
        let (mut elif, mut other, mut opens) = (None, None, false);
        for a in el.attrs_where(|name| name.starts_with(b"wx:")) {
            match a.name {
                "wx:if" => opens = true,
                "wx:elif" => {
                    opens = true;
                    elif = elif.or(Some(a));
                }
                "wx:else" => other = other.or(Some(a)),
                _ => {}
            }
        }
        if !previous_opens {
            for (attr, a) in [("wx:elif", elif), ("wx:else", other)] {
                if let Some(a) = a {
                    out.push(orphan(ctx, path, attr, el, a.name_span));
                }
            }
        }
        check(ctx, path, el.children(), out);
        previous_opens = opens;
    }
}

/// The finding at the `attr` (`wx:elif` or `wx:else`, its name at `span`) of `el`, which does
/// not follow an element with wx:if or wx:elif.
fn orphan(ctx: &Ctx, path: &str, attr: &str, el: Element, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!(
                "`{attr}` on <{}> does not follow an element with wx:if or wx:elif",
                el.name()
            ),
            format!(
                "<{}> 上的 `{attr}` 前面没有带 wx:if 或 wx:elif 的元素",
                el.name()
            ),
        ),
    )
    .label(ctx.t("broken condition chain".into(), "条件链断开".into()))
    .help(
        ctx.t(
            "put it right after the element with wx:if (only whitespace and comments in between)"
                .into(),
            "请将其紧跟在带 wx:if 的元素之后（中间只能有空白和注释）".into(),
        ),
    )
}

impl Rule for OrphanElifElse {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        // Only `wx:elif` and `wx:else` can be orphans: a template without them is done
        // without walking its tree.
        if doc.elements().any(|e| {
            e.attrs_where(|name| name.starts_with(b"wx:el"))
                .next()
                .is_some()
        }) {
            check(ctx, path, doc.roots(), out);
        }
    }
}
