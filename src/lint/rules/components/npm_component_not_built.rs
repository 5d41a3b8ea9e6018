//! MP211: a `usingComponents` path names an npm package listed in package.json, but
//! `miniprogram_npm` has not been built, so the component does not exist yet. One finding per
//! package, with every other entry that needs it as a related location.

use super::describe;
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::BTreeMap;

crate::declare_rule! {
    NpmComponentNotBuilt, code: "MP211", name: "npm-component-not-built", group: Components, severity: Error,
    summary: ["A component comes from an npm package that has not been built into miniprogram_npm", "组件来自尚未构建到 miniprogram_npm 的 npm 包"],
}

/// The finding at the first of `uses` (sorted), which need the unbuilt npm `package`; the
/// others are related locations.
fn not_built(ctx: &Ctx, package: &str, uses: &[&ComponentUse]) -> Diagnostic {
    let first = uses[0];
    let more = match uses.len() {
        1 => (String::new(), String::new()),
        n => (
            format!(" ({n} usingComponents entries need it)"),
            format!("（共 {n} 处 usingComponents 需要它）"),
        ),
    };
    let mut d = Diagnostic::new(
        &META,
        &first.owner,
        Some(first.span),
        ctx.t(
            format!("{}: npm package \"{package}\" has not been built (no miniprogram_npm/{package}){}", describe(first), more.0),
            format!("{}：npm 包 \"{package}\" 尚未构建（没有 miniprogram_npm/{package}）{}", describe(first), more.1),
        ),
    )
    .label(ctx.t("not built yet".into(), "尚未构建".into()))
    .help(ctx.t(
        "run `npm install`, then Build npm in DevTools (工具 → 构建 npm) or `miniprogram-ci pack-npm`".into(),
        "请先运行 `npm install`，再在开发者工具中执行“工具 → 构建 npm”，或运行 `miniprogram-ci pack-npm`".into(),
    ));
    for u in &uses[1..] {
        d = d.related(
            &u.owner,
            Some(u.span),
            ctx.t(
                format!("{} needs it too", describe(u)),
                format!("{} 也需要它", describe(u)),
            ),
        );
    }
    d
}

impl Rule for NpmComponentNotBuilt {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // One finding per package: one build fixes every component that comes from it. The
        // first use (by file and position) carries it; the others are related locations.
        let mut by_package: BTreeMap<&str, Vec<&ComponentUse>> = BTreeMap::new();
        for u in &ctx.analysis.component_uses {
            if let Resolution::NotFound {
                npm_unbuilt: Some(package),
                ..
            } = &u.resolution
            {
                by_package.entry(package.as_str()).or_default().push(u);
            }
        }
        for (package, mut uses) in by_package {
            uses.sort_by(|a, b| (&a.owner, a.span.start).cmp(&(&b.owner, b.span.start)));
            out.push(not_built(ctx, package, &uses));
        }
    }
}
