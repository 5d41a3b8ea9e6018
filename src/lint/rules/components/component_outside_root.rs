//! MP212: a `usingComponents` path climbs out of the miniprogram root. Nothing outside the
//! root is uploaded, so the component is missing on the phone even when the file exists.

use super::describe;
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    ComponentOutsideRoot, code: "MP212", name: "component-outside-root", group: Components, severity: Error,
    summary: ["A component path leaves the miniprogram root (it would not be uploaded)", "组件路径超出了小程序根目录（不会被上传）"],
}

/// The finding at a use whose path leaves the miniprogram root (`root`, as messages name it).
fn outside_root(ctx: &Ctx, u: &ComponentUse, root: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.owner,
        Some(u.span),
        ctx.t(
            format!("{} leaves the miniprogram root", describe(u)),
            format!("{} 超出了小程序根目录", describe(u)),
        ),
    )
    .label(ctx.t("outside the package".into(), "位于代码包之外".into()))
    .help(ctx.t(
        format!("only files inside {root} are uploaded: move the component inside it, or publish it as an npm package"),
        format!("只有 {root} 内的文件会被上传：请将组件移入该目录，或作为 npm 包引入"),
    ))
}

impl Rule for ComponentOutsideRoot {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let root = if ctx.project.mp_root.is_empty() {
            "the project folder".to_string()
        } else {
            ctx.project.mp_root.clone()
        };
        for u in &ctx.analysis.component_uses {
            if !matches!(u.resolution, Resolution::OutsideRoot(_)) {
                continue;
            }
            out.push(outside_root(ctx, u, &root));
        }
    }
}
