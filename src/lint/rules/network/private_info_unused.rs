//! MP313: an API declared in `requiredPrivateInfos` that no JS/TS file calls. Declaring
//! location access the app does not use invites questions in review.

use super::{declared_infos, location_uses};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashSet;

crate::declare_rule! {
    PrivateInfoUnused, code: "MP313", name: "private-info-unused", group: Network, severity: Info,
    summary: ["An API declared in requiredPrivateInfos is never called", "requiredPrivateInfos 中声明的接口未被调用"],
}

/// The finding at `api` in `requiredPrivateInfos` of `file`, which no code calls.
fn unused(ctx: &Ctx, file: &str, api: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("\"{api}\" is declared in requiredPrivateInfos but never called"),
            format!("requiredPrivateInfos 中声明了 \"{api}\"，但代码中没有调用"),
        ),
    )
    .label(ctx.t("unused declaration".into(), "未使用的声明".into()))
    .help(
        ctx.t(
            "remove it, unless the call is in code mpcheck cannot see (a plugin, a dynamic call)"
                .into(),
            "如无调用请删除；插件或动态调用等 mpcheck 看不到的情况除外".into(),
        ),
    )
}

impl Rule for PrivateInfoUnused {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // Without code to look at, nothing can be said.
        if ctx.project.modules.is_empty() {
            return;
        }
        let used: HashSet<&str> = location_uses(ctx.project)
            .into_iter()
            .map(|(api, _, _)| api)
            .collect();
        for (file, list) in declared_infos(ctx.project) {
            for item in list.as_array().unwrap_or_default() {
                let Some(api) = item.as_str() else { continue };
                if used.contains(api) {
                    continue;
                }
                out.push(unused(ctx, &file, api, item.span));
            }
        }
    }
}
