//! MP323: `wx:elif` or `wx:else` on an element whose previous sibling element has neither
//! `wx:if` nor `wx:elif`: the condition chain is broken.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;
use crate::syntax::wxml::{Element, Node};

crate::declare_rule! {
    OrphanElifElse, code: "MP323", name: "orphan-elif-else", group: Wxml, severity: Error,
    summary: ["wx:elif or wx:else does not follow a wx:if", "wx:elif 或 wx:else 前面没有 wx:if"],
}

fn check<'a>(
    ctx: &Ctx,
    path: &str,
    nodes: impl Iterator<Item = Node<'a>>,
    out: &mut Vec<Diagnostic>,
) {
    let mut previous: Option<Element> = None;
    for node in nodes {
        let Node::Element(el) = node else { continue };
        for attr in ["wx:elif", "wx:else"] {
            let Some(a) = el.attr(attr) else { continue };
            let chained =
                previous.is_some_and(|p| p.attr("wx:if").is_some() || p.attr("wx:elif").is_some());
            if !chained {
                out.push(
                    Diagnostic::new(
                        &META,
                        path,
                        Some(a.name_span),
                        ctx.t(
                            format!("`{attr}` on <{}> does not follow an element with wx:if or wx:elif", el.name()),
                            format!("<{}> 上的 `{attr}` 前面没有带 wx:if 或 wx:elif 的元素", el.name()),
                        ),
                    )
                    .label(ctx.t("broken condition chain".into(), "条件链断开".into()))
                    .help(ctx.t(
                        "put it right after the element with wx:if (only whitespace and comments in between)".into(),
                        "请将其紧跟在带 wx:if 的元素之后（中间只能有空白和注释）".into(),
                    )),
                );
            }
        }
        check(ctx, path, el.children(), out);
        previous = Some(el);
    }
}

impl Rule for OrphanElifElse {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        check(ctx, path, doc.roots(), out);
    }
}
