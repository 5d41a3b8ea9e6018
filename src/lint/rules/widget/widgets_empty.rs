//! MP500: `widgets` in app.json (game.json) is present but empty (a falsy value or `[]`), or
//! is missing while project.config.json's `compileType` selects a widget mode
//! (DevTools JSON_WIDGETS_EMPTY).

use super::{CONFIG, is_falsy, manifest_name, manifests, primary_manifest, widget_compile_type};
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetsEmpty, code: "MP500", name: "widgets-empty", group: Widget, severity: Error,
    summary: ["The widgets field of app.json (game.json) is empty", "app.json（game.json）的 widgets 字段为空"],
}

/// The message of both findings: the `widgets` of `file` is empty.
fn message(ctx: &Ctx, file: &str) -> Text {
    let f = manifest_name(file);
    ctx.t(
        format!("Widgets field of {f} is empty"),
        format!("{f} 的 widgets 字段为空"),
    )
}

/// The help of both findings.
fn declare_help(ctx: &Ctx) -> Text {
    ctx.t(
        "declare the widget: \"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}], or remove the field".into(),
        "请声明 widget：\"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}]，或删除该字段".into(),
    )
}

/// The finding at the empty or falsy `widgets` value (`span`) of `file`.
fn empty_widgets(ctx: &Ctx, file: &str, span: Span) -> Diagnostic {
    Diagnostic::new(&META, file, Some(span), message(ctx, file))
        .label(ctx.t("empty".into(), "为空".into()))
        .help(declare_help(ctx))
}

/// The finding at `file`, without `widgets` while the widget compile type `kind` is set (at
/// `span` in project.config.json).
fn no_widgets(ctx: &Ctx, file: &str, kind: &str, span: Span) -> Diagnostic {
    Diagnostic::new(&META, file, None, message(ctx, file))
        .related(
            CONFIG,
            Some(span),
            ctx.t(
                format!("compileType \"{kind}\" runs the widget"),
                format!("compileType \"{kind}\" 会运行 widget"),
            ),
        )
        .help(declare_help(ctx))
}

impl Rule for WidgetsEmpty {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, manifest) in manifests(ctx.project) {
            let Some(m) = manifest.member("widgets") else {
                continue;
            };
            let empty = is_falsy(&m.value) || m.value.as_array().is_some_and(<[_]>::is_empty);
            if empty {
                out.push(empty_widgets(ctx, &file, m.value.span));
            }
        }
        // A widget compile type with no `widgets` key in the manifest DevTools validates.
        if let Some((kind, span)) = widget_compile_type(ctx)
            && let Some((file, manifest)) = primary_manifest(ctx)
            && manifest.member("widgets").is_none()
        {
            out.push(no_widgets(ctx, &file, kind, span));
        }
    }
}
