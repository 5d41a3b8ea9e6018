//! MP115: a `preloadRule` key that is not a declared page, or a `packages` entry that is not a
//! subpackage name, a subpackage root or `__APP__`.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidPreloadRule, code: "MP115", name: "invalid-preload-rule", group: Config, severity: Error,
    summary: ["A preloadRule page or package does not exist", "preloadRule 中的页面或分包不存在"],
}

/// The finding at a `preloadRule` key `page` that is not a declared page.
fn unknown_page(
    ctx: &Ctx,
    path: &str,
    page: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("[\"preloadRule\"][\"{page}\"]: page path not found"),
            format!("[\"preloadRule\"][\"{page}\"]: 页面路径 未找到"),
        ),
    )
    .label(ctx.t("not a declared page".into(), "不是已声明的页面".into()))
    .maybe_help(suggestion.map(|s| ctx.did_you_mean(s)))
}

/// The finding at `packages[i]` of `page`'s rule, `name`, which is not a package.
fn unknown_package(
    ctx: &Ctx,
    path: &str,
    page: &str,
    i: usize,
    name: &str,
    span: Span,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("[\"preloadRule\"][\"{page}\"][\"packages\"][{i}]: \"{name}\" not found"),
            format!("[\"preloadRule\"][\"{page}\"][\"packages\"][{i}]: {name} 未找到"),
        ),
    )
    .label(ctx.t("unknown package".into(), "未知的分包".into()))
    .help(ctx.t(
        "use a subpackage's name or root, or \"__APP__\" for the main package".into(),
        "请填写分包的 name 或 root，主包为 \"__APP__\"".into(),
    ))
}

impl Rule for InvalidPreloadRule {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(model) = &ctx.project.app else {
            return;
        };
        let Some(rules) = app.get("preloadRule").and_then(Json::as_object) else {
            return;
        };
        for m in rules {
            let page = m.key.as_str();
            let is_page =
                page.starts_with("__plugin__/") || model.all_pages().any(|p| p.full == page);
            if !is_page {
                let suggestion = crate::analysis::schema::suggest(
                    page,
                    model.all_pages().map(|p| p.full.as_str()),
                );
                out.push(unknown_page(ctx, &path, page, m.key_span, suggestion));
            }
            let packages = m
                .value
                .get("packages")
                .and_then(Json::as_array)
                .unwrap_or_default();
            for (i, pkg) in packages.iter().enumerate() {
                let Some(name) = pkg.as_str() else { continue };
                let known = name == "__APP__"
                    || model.subpackages.iter().any(|sp| {
                        sp.name.as_deref() == Some(name)
                            || sp
                                .root_prefix()
                                .is_some_and(|r| r == format!("{}/", name.trim_matches('/')))
                    });
                if known {
                    continue;
                }
                out.push(unknown_package(ctx, &path, page, i, name, pkg.span));
            }
        }
    }
}
