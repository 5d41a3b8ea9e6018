//! MP500: `widgets` in app.json (game.json) is present but empty (a falsy value or `[]`), or
//! is missing while project.config.json's `compileType` selects a widget mode
//! (DevTools JSON_WIDGETS_EMPTY).

use super::{CONFIG, is_falsy, manifest_name, manifests, primary_manifest, widget_compile_type};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetsEmpty, code: "MP500", name: "widgets-empty", group: Widget, severity: Error,
    summary: ["The widgets field of app.json (game.json) is empty", "app.json（game.json）的 widgets 字段为空"],
}

impl Rule for WidgetsEmpty {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let message = |file: &str| {
            let f = manifest_name(file);
            ctx.t(
                format!("Widgets field of {f} is empty"),
                format!("{f} 的 widgets 字段为空"),
            )
        };
        let help = ctx.t(
            "declare the widget: \"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}], or remove the field".into(),
            "请声明 widget：\"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}]，或删除该字段".into(),
        );
        for (file, manifest) in manifests(ctx.project) {
            let Some(m) = manifest.member("widgets") else {
                continue;
            };
            let empty = is_falsy(&m.value) || m.value.as_array().is_some_and(<[_]>::is_empty);
            if empty {
                out.push(
                    Diagnostic::new(&META, &file, Some(m.value.span), message(&file))
                        .label(ctx.t("empty".into(), "为空".into()))
                        .help(help.clone()),
                );
            }
        }
        // A widget compile type with no `widgets` key in the manifest DevTools validates.
        if let Some((kind, span)) = widget_compile_type(ctx)
            && let Some((file, manifest)) = primary_manifest(ctx)
            && manifest.member("widgets").is_none()
        {
            out.push(
                Diagnostic::new(&META, &file, None, message(&file))
                    .related(
                        CONFIG,
                        Some(span),
                        ctx.t(
                            format!("compileType \"{kind}\" runs the widget"),
                            format!("compileType \"{kind}\" 会运行 widget"),
                        ),
                    )
                    .help(help),
            );
        }
    }
}
