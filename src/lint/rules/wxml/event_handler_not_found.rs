//! MP329: an event binding (`bindtap="onTap"`, `bind:tap`, `catch:`, `mut-bind:`,
//! `capture-bind:`, `capture-catch:`) in a page or component template names a method its script
//! does not define: not a key of `Page({...})`, not in `Component({ methods })`, not in a
//! behavior mixed in. The tap does nothing; DevTools only logs a warning when it happens.
//! Dynamic names (`{{ }}`), `<template name>` bodies and scripts whose methods are not
//! statically known (spreads, variables, unresolved behaviors) are skipped.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::{Constructor, ConstructorKind, Resolver};
use crate::syntax::wxml::{Document, Element, Node};

crate::declare_rule! {
    EventHandlerNotFound, code: "MP329", name: "event-handler-not-found", group: Wxml, severity: Warning,
    summary: ["An event binding names a method the page or component does not define", "事件绑定的处理函数在页面或组件中未定义"],
    hooks: [Wxml],
}

/// The event of an event-binding attribute name (`bindtap` → `tap`, `catch:touchstart` →
/// `touchstart`).
pub fn event_of(attr: &str) -> Option<&str> {
    const PREFIXES: &[&str] = &[
        "capture-bind:",
        "capture-catch:",
        "mut-bind:",
        "bind:",
        "catch:",
        "mut-bind",
        "bind",
        "catch",
    ];
    PREFIXES
        .iter()
        .find_map(|p| attr.strip_prefix(p))
        .filter(|e| !e.is_empty())
}

/// Elements outside `<template name>` definitions (those render in whatever page uses them).
fn own_elements<'a>(nodes: impl Iterator<Item = Node<'a>>, out: &mut Vec<Element<'a>>) {
    for n in nodes {
        if let Node::Element(e) = n {
            if e.is_named("template") && e.has_attr("name") {
                continue;
            }
            out.push(e);
            own_elements(e.children(), out);
        }
    }
}

/// The finding at the value (at `span`) of the event binding `attr`=`handler`, which names no
/// method of the `constructor` in `script` (`script_name`, as shown); `outside`: a top-level
/// option of `Component()` of that name; `suggestion`: a method with a close name.
fn no_method(
    ctx: &Ctx,
    (wxml_path, span): (&str, Span),
    (attr, handler): (&str, &str),
    (script, script_name, constructor): (&String, &str, &Constructor),
    outside: bool,
    suggestion: Option<&str>,
) -> Diagnostic {
    let (owner, owner_zh, place) = match constructor.kind {
        ConstructorKind::Page => (
            "the page's Page({...})",
            "页面的 Page({...})",
            "Page({...})",
        ),
        ConstructorKind::Component => (
            "the component's Component({ methods })",
            "组件的 Component({ methods })",
            "methods of Component({...})",
        ),
    };
    let help = if outside {
        Some(ctx.t(
            format!("{handler} is a top-level option of Component({{...}}), not a method: move it into methods: {{ … }} in {script_name}"),
            format!("{handler} 是 Component({{...}}) 的顶层选项而不是方法：请把它移到 {script_name} 的 methods: {{ … }} 中"),
        ))
    } else {
        suggestion
            .map(|s| ctx.did_you_mean(s))
    }
    .unwrap_or_else(|| ctx.t(
        format!("define {handler}(e) {{ … }} in the {place} of {script_name}"),
        format!("请在 {script_name} 的 {place} 中定义 {handler}(e) {{ … }}"),
    ));
    Diagnostic::new(
        &META,
        wxml_path,
        Some(span),
        ctx.t(
            format!(
                "{}=\"{handler}\": {handler} is not a method of {owner}",
                attr
            ),
            format!("{}=\"{handler}\"：{owner_zh} 中没有方法 {handler}", attr),
        ),
    )
    .label(ctx.t("no such method".into(), "方法不存在".into()))
    .help(help)
    .related(
        script.clone(),
        Some(constructor.span),
        ctx.t("registered here".into(), "在此注册".into()),
    )
}

impl Rule for EventHandlerNotFound {
    fn check_wxml(&self, ctx: &Ctx, wxml_path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(base) = wxml_path.strip_suffix(".wxml") else {
            return;
        };
        if !ctx.analysis.is_page_or_component(base) {
            return;
        }
        let resolver = Resolver::new(&p.modules, &p.mp_root);
        let (js, ts) = ([base, ".js"].concat(), [base, ".ts"].concat());
        let scripts = if p.typescript { [ts, js] } else { [js, ts] };
        let Some(script) = scripts.iter().find(|s| p.modules.contains_key(*s)) else {
            return;
        };
        let Some((constructor, names)) = resolver.handler_names(script) else {
            return;
        };
        // Most templates define no `<template name>`: then every element is the page's own.
        let mut elements = Vec::new();
        if doc.tag_names().any(|t| t == "template")
            && doc
                .elements()
                .any(|e| e.is_named("template") && e.has_attr("name"))
        {
            own_elements(doc.roots(), &mut elements);
        } else {
            elements.extend(doc.elements());
        }
        let script_name = script.strip_prefix(p.mp_root.as_str()).unwrap_or(script);
        for el in elements {
            // Event bindings start with `bind`, `catch`, `capture-` or `mut-` (the parser noted
            // whether any attribute does).
            if !el.may_bind_events() {
                continue;
            }
            for a in el.attrs_where(|name| matches!(name.first(), Some(b'b' | b'c' | b'm'))) {
                if event_of(a.name).is_none() {
                    continue;
                }
                let (Some(value), Some(span)) = (&a.value, a.value_span) else {
                    continue;
                };
                let handler = value.trim();
                if handler.is_empty() || handler.contains("{{") || names.contains(handler) {
                    continue;
                }
                let outside = constructor.set.outside_methods.iter().any(|m| m == handler);
                let suggestion = if outside {
                    None
                } else {
                    super::suggest(handler, names.iter().copied())
                };
                out.push(no_method(
                    ctx,
                    (wxml_path, span),
                    (a.name, handler),
                    (script, script_name, constructor),
                    outside,
                    suggestion,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::event_of;

    #[test]
    fn event_binding_prefixes() {
        assert_eq!(event_of("bindtap"), Some("tap"));
        assert_eq!(event_of("bind:tap"), Some("tap"));
        assert_eq!(event_of("catch:touchstart"), Some("touchstart"));
        assert_eq!(event_of("mut-bind:tap"), Some("tap"));
        assert_eq!(event_of("capture-bind:tap"), Some("tap"));
        assert_eq!(event_of("capture-catch:tap"), Some("tap"));
        assert_eq!(event_of("bind"), None);
        assert_eq!(event_of("class"), None);
        assert_eq!(event_of("model:value"), None);
    }
}
