//! MP216: a `plugin://alias/component` path whose alias is not declared in `plugins` of the
//! package that uses it (app.json for the main package, the subpackage's own `plugins`).

use super::{describe, owner_in_root};
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    PluginComponentUndeclared, code: "MP216", name: "plugin-component-undeclared", group: Components, severity: Error,
    summary: ["A plugin:// component names a plugin that its package does not declare", "plugin:// 组件引用的插件未在所在包中声明"],
}

/// The finding at a `plugin://` use whose `alias` its package does not declare.
fn undeclared_plugin(ctx: &Ctx, u: &ComponentUse, alias: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.owner,
        Some(u.span),
        ctx.t(
            format!("{}: plugin \"{alias}\" is not declared in \"plugins\"", describe(u)),
            format!("{}：插件 \"{alias}\" 未在 \"plugins\" 中声明", describe(u)),
        ),
    )
    .label(ctx.t("undeclared plugin".into(), "未声明的插件".into()))
    .help(ctx.t(
        format!("add \"{alias}\": {{\"provider\": \"wx…\", \"version\": \"…\"}} to \"plugins\" in app.json (or in this subpackage)"),
        format!("请在 app.json（或该分包）的 \"plugins\" 中添加 \"{alias}\": {{\"provider\": \"wx…\", \"version\": \"…\"}}"),
    ))
}

impl Rule for PluginComponentUndeclared {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(app) = p.app_json() else { return };
        let subs = app
            .get("subPackages")
            .or_else(|| app.get("subpackages"))
            .and_then(Json::as_array)
            .unwrap_or_default();
        let declared = |pkg: Option<usize>, alias: &str| {
            let in_main = app.get("plugins").and_then(|pl| pl.get(alias)).is_some();
            match pkg {
                None => in_main,
                Some(i) => {
                    let sub = subs.get(i);
                    let independent = sub
                        .and_then(|s| s.get("independent"))
                        .and_then(Json::as_bool)
                        == Some(true);
                    sub.and_then(|s| s.get("plugins"))
                        .and_then(|pl| pl.get(alias))
                        .is_some()
                        || (in_main && !independent)
                }
            }
        };
        for u in &ctx.analysis.component_uses {
            let Resolution::Plugin {
                alias,
                private: false,
            } = &u.resolution
            else {
                continue;
            };
            let pkg = p.package_of(owner_in_root(ctx, u));
            if declared(pkg, alias) {
                continue;
            }
            out.push(undeclared_plugin(ctx, u, alias));
        }
    }
}
