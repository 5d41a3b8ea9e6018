//! MP215: a component that lives in a subpackage is used from the main package or another
//! subpackage, or an independent subpackage uses a component outside itself. Packages load
//! separately, so the component is not there. A `componentPlaceholder` for the tag (async
//! subpackage loading) makes the use legal.

use super::{describe, owner_in_root};
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    CrossPackageComponent, code: "MP215", name: "cross-package-component", group: Components, severity: Error,
    summary: ["A component is used from a package that cannot load it", "组件被无法加载它的分包或主包引用"],
}

/// The finding at a use of a component in package `to` from package `from`, which cannot load
/// it; `why` says what to do.
fn cross_package(ctx: &Ctx, u: &ComponentUse, to: Text, from: Text, why: Text) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.owner,
        Some(u.span),
        ctx.t(
            format!(
                "{} is in {}, which {} cannot load",
                describe(u),
                to.en(),
                from.en()
            ),
            format!("{} 位于{}，{} 无法加载它", describe(u), to.zh(), from.zh()),
        ),
    )
    .label(ctx.t(
        "component from another package".into(),
        "来自其他包的组件".into(),
    ))
    .help(why)
}

impl Rule for CrossPackageComponent {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(app) = &p.app else { return };
        let name = |pkg: Option<usize>| match pkg {
            None => ctx.t("the main package".into(), "主包".into()),
            Some(i) => {
                let root = app.subpackages[i]
                    .root
                    .as_ref()
                    .map_or("", |(r, _)| r.as_str());
                ctx.t(format!("subpackage \"{root}\""), format!("分包 \"{root}\""))
            }
        };
        for u in &ctx.analysis.component_uses {
            let Resolution::Found(base) = &u.resolution else {
                continue;
            };
            if p.package_can_use(owner_in_root(ctx, u), base) {
                continue;
            }
            let from = p.package_of(owner_in_root(ctx, u));
            let to = p.package_of(base);
            let independent = from.is_some_and(|i| app.subpackages[i].independent);
            let placeholder = p
                .json(&u.owner)
                .and_then(|d| d.value())
                .and_then(|v| v.get("componentPlaceholder"))
                .and_then(|c| c.get(&u.tag))
                .and_then(Json::as_str)
                .is_some();
            if placeholder && to.is_some() {
                continue;
            }
            let why = if independent && to.is_none() {
                ctx.t(
                    "an independent subpackage cannot use the main package's components".into(),
                    "独立分包不能引用主包的组件".into(),
                )
            } else {
                ctx.t(
                    format!("declare a componentPlaceholder for \"{}\" to load it asynchronously, or move the component to the main package", u.tag),
                    format!("请为 \"{}\" 声明 componentPlaceholder 以异步加载，或将组件移到主包", u.tag),
                )
            };
            out.push(cross_package(ctx, u, name(to), name(from), why));
        }
    }
}
