//! MP328: a tag in a page or component template that is neither a built-in component nor
//! declared: not in the json's `usingComponents`, app.json's global `usingComponents`, the
//! component's `componentGenerics` (abstract nodes) or `componentPlaceholder`. The intended
//! component never renders. Declared pages without a json still see the global components.

use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;
use crate::syntax::wxml::{Document, Element};
use rustc_hash::FxHashSet as HashSet;

crate::declare_rule! {
    UndeclaredComponent, code: "MP328", name: "undeclared-component", group: Wxml, severity: Warning,
    summary: ["A tag is neither a built-in component nor declared in usingComponents", "标签既不是内置组件，也没有在 usingComponents 中声明"],
    needs: [Schemas],
    hooks: [Wxml],
}

/// Built-in components and WXML's own tags (developers.weixin.qq.com component list).
pub const BUILT_IN: &[&str] = &[
    // view containers
    "view",
    "scroll-view",
    "swiper",
    "swiper-item",
    "movable-area",
    "movable-view",
    "cover-view",
    "cover-image",
    "page-container",
    "share-element",
    "root-portal",
    "match-media",
    "grid-view",
    "list-view",
    "sticky-header",
    "sticky-section",
    "nested-scroll-header",
    "nested-scroll-body",
    "draggable-sheet",
    "grid-builder",
    "list-builder",
    "snapshot",
    "span",
    "open-container",
    // basic content
    "icon",
    "progress",
    "rich-text",
    "text",
    "selection",
    // form
    "button",
    "checkbox",
    "checkbox-group",
    "editor",
    "editor-portal",
    "form",
    "input",
    "keyboard-accessory",
    "label",
    "picker",
    "picker-view",
    "picker-view-column",
    "radio",
    "radio-group",
    "slider",
    "switch",
    "textarea",
    // navigation
    "functional-page-navigator",
    "navigator",
    "navigation-bar",
    "page-meta",
    // media
    "audio",
    "camera",
    "channel-live",
    "channel-video",
    "image",
    "live-player",
    "live-pusher",
    "video",
    "voip-room",
    // map, canvas, open capabilities
    "map",
    "canvas",
    "web-view",
    "ad",
    "ad-custom",
    "official-account",
    "open-data",
    "store-home",
    "store-product",
    "store-coupon",
    "store-gift",
    "aweme-data",
    "wechat-mini-game",
    "inline-payment-panel",
    "login",
    "xr-frame",
    "open-data-list",
    "open-data-item",
    "contact-button",
    // Skyline gestures
    "tap-gesture-handler",
    "double-tap-gesture-handler",
    "long-press-gesture-handler",
    "pan-gesture-handler",
    "vertical-drag-gesture-handler",
    "horizontal-drag-gesture-handler",
    "scale-gesture-handler",
    "force-press-gesture-handler",
    // WXML
    "block",
    "template",
    "import",
    "include",
    "wxs",
    "slot",
];

/// `name` is in [`BUILT_IN`] (a hash lookup: the check runs for every element).
fn is_built_in(name: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&str>> =
        std::sync::LazyLock::new(|| BUILT_IN.iter().copied().collect());
    SET.contains(name)
}

fn keys(v: Option<&Json>) -> impl Iterator<Item = &str> {
    v.and_then(Json::as_object)
        .unwrap_or_default()
        .iter()
        .map(|m| m.key.as_str())
}

/// The components the template at `base` (a project path without extension) declares: its
/// page or component json's `usingComponents`, `componentGenerics` and
/// `componentPlaceholder`, nothing for a declared page without a json; `None` when no page or
/// component config goes with the template.
fn declared<'p>(ctx: &Ctx<'p>, base: &str) -> Option<HashSet<&'p str>> {
    let p = ctx.project;
    let json = format!("{base}.json");
    if ctx.analysis.is_page(base) && p.file(&json).is_none() {
        return Some(HashSet::default());
    }
    if !matches!(
        ctx.analysis.role(&json),
        Some(crate::project::JsonRole::Page | crate::project::JsonRole::Component)
    ) {
        return None;
    }
    let value = p.json(&json)?.value()?;
    let mut known: HashSet<&str> = keys(value.get("usingComponents")).collect();
    known.extend(keys(value.get("componentGenerics")));
    known.extend(keys(value.get("componentPlaceholder")));
    Some(known)
}

/// The finding at an undeclared tag; `help` suggests a name or says how to declare it.
fn undeclared(ctx: &Ctx, wxml_path: &str, el: Element, help: Text) -> Diagnostic {
    let name = el.name();
    Diagnostic::new(
        &META,
        wxml_path,
        Some(el.name_span()),
        ctx.t(
            format!("<{name}> is not a built-in component and is not declared in usingComponents"),
            format!("<{name}> 不是内置组件，也没有在 usingComponents 中声明"),
        ),
    )
    .label(ctx.t("unknown tag".into(), "未知的标签".into()))
    .help(help)
}

impl Rule for UndeclaredComponent {
    fn check_wxml(&self, ctx: &Ctx, wxml_path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(base) = wxml_path.strip_suffix(".wxml") else {
            return;
        };
        let Some(known) = declared(ctx, base) else {
            return;
        };
        let global = p.app_json().and_then(|a| a.get("usingComponents"));
        let json_name = format!("{base}.json");
        let json_name = json_name
            .strip_prefix(p.mp_root.as_str())
            .unwrap_or(&json_name);
        let declared = |name: &str| {
            is_built_in(name)
                || name.starts_with("xr-")
                || known.contains(name)
                || keys(global).any(|g| g == name)
        };
        // Each tag name once: most templates use only built-in and declared ones.
        if doc.tag_names().all(declared) {
            return;
        }
        let mut reported = HashSet::default();
        for el in doc.elements() {
            let name = el.name();
            if declared(name) || !reported.insert(name) {
                continue;
            }
            // A library's prefixed tag (`t-button`) is an undeclared component, not a
            // misspelt `<button>`: a built-in is not suggested for `<prefix>-<built-in>`.
            let built_in = BUILT_IN
                .iter()
                .copied()
                .filter(|b| !name.strip_suffix(b).is_some_and(|p| p.ends_with('-')));
            let help = (known.len() <= super::MAX_SUGGESTION_CANDIDATES).then(|| crate::analysis::schema::suggest(name, known.iter().copied().chain(built_in))).flatten()
                .map(|s| ctx.t(format!("did you mean <{s}>?"), format!("是否应为 <{s}>？")))
                .unwrap_or_else(|| ctx.t(
                    format!("declare it in {json_name}: \"usingComponents\": {{\"{name}\": \"/components/{name}/index\"}}"),
                    format!("请在 {json_name} 中声明：\"usingComponents\": {{\"{name}\": \"/components/{name}/index\"}}"),
                ));
            out.push(undeclared(ctx, wxml_path, el, help));
        }
    }
}
