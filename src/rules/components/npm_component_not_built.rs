//! MP211: a `usingComponents` path names an npm package listed in package.json, but
//! `miniprogram_npm` has not been built, so the component does not exist yet.

use super::describe;
use crate::diagnostic::Diagnostic;
use crate::project::Resolution;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP211",
    "npm-component-not-built",
    Components,
    Error,
    "A component comes from an npm package that has not been built into miniprogram_npm",
    "组件来自尚未构建到 miniprogram_npm 的 npm 包"
);

pub struct NpmComponentNotBuilt;

impl Rule for NpmComponentNotBuilt {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for u in &ctx.project.component_uses {
            let Resolution::NotFound {
                npm_unbuilt: Some(package),
                ..
            } = &u.resolution
            else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    &META,
                    &u.owner,
                    Some(u.span),
                    ctx.t(
                        format!("{}: npm package \"{package}\" has not been built (no miniprogram_npm/{package})", describe(u)),
                        format!("{}：npm 包 \"{package}\" 尚未构建（没有 miniprogram_npm/{package}）", describe(u)),
                    ),
                )
                .label(ctx.t("not built yet".into(), "尚未构建".into()))
                .help(ctx.t(
                    "run `npm install`, then Build npm in DevTools (工具 → 构建 npm) or `miniprogram-ci pack-npm`".into(),
                    "请先运行 `npm install`，再在开发者工具中执行“工具 → 构建 npm”，或运行 `miniprogram-ci pack-npm`".into(),
                )),
            );
        }
    }
}
