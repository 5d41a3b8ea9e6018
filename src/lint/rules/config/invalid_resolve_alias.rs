//! MP122: a `resolveAlias` entry whose key or value does not end with `/*`, contains `//`, or
//! whose value starts with `./`.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidResolveAlias, code: "MP122", name: "invalid-resolve-alias", group: Config, severity: Error,
    summary: ["A resolveAlias key or value is malformed", "resolveAlias 的键或值格式错误"],
}

/// The finding at a malformed `resolveAlias` key or value, with its message (English, Chinese).
fn malformed(ctx: &Ctx, path: &str, span: Span, en: String, zh: String) -> Diagnostic {
    Diagnostic::new(&META, path, Some(span), ctx.t(en, zh))
        .label(ctx.t("alias".into(), "别名".into()))
        .help(ctx.t(
            "write both as folder patterns relative to the miniprogram root, e.g. \"@utils/*\": \"utils/*\"".into(),
            "键和值都应为相对于小程序根目录的目录模式，例如 \"@utils/*\": \"utils/*\"".into(),
        ))
}

impl Rule for InvalidResolveAlias {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        for m in app
            .get("resolveAlias")
            .and_then(Json::as_object)
            .unwrap_or_default()
        {
            let Some(value) = m.value.as_str() else {
                continue;
            };
            let key = m.key.as_str();
            let (en, zh, span) = if key.contains("//") || value.contains("//") {
                (
                    format!(
                        "Invalid \"{key}\" or \"{value}\" in resolveAlias field, contains consecutive \"//\""
                    ),
                    format!(
                        "resolveAlias 配置中 \"{key}\" 或 \"{value}\" 不合法，包含连续的 \"//\""
                    ),
                    m.key_span,
                )
            } else if !key.ends_with("/*") || !value.ends_with("/*") {
                (
                    format!(
                        "The key \"{key}\" or value \"{value}\" in resolveAlias field should end with \"/*\""
                    ),
                    format!("resolveAlias 配置中 \"{key}\" 或 \"{value}\" 需要用 \"/*\" 结尾"),
                    if key.ends_with("/*") {
                        m.value.span
                    } else {
                        m.key_span
                    },
                )
            } else if value.starts_with("./") {
                (
                    format!(
                        "The value \"{value}\" in resolveAlias field should not start with \"./\""
                    ),
                    format!("resolveAlias 配置中 \"{value}\" 不能以 \"./\" 开头"),
                    m.value.span,
                )
            } else {
                continue;
            };
            out.push(malformed(ctx, &path, span, en, zh));
        }
    }
}
