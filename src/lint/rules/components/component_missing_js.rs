//! MP214: a component resolves (its `.json` and `.wxml` exist) but has no `.js` nor `.ts`.
//! The compile check passes; the page fails at run time. (`.ts` only: MP217.)

use super::describe;
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashSet;

crate::declare_rule! {
    ComponentMissingJs, code: "MP214", name: "component-missing-js", group: Components, severity: Error,
    summary: ["A used component has no .js file", "被引用的组件缺少 .js 文件"],
}

/// The finding at a use of the component `base`, whose `js` does not exist.
fn missing_js(ctx: &Ctx, u: &ComponentUse, base: &str, js: String) -> Diagnostic {
    let (en, zh) = (
        format!("{}: component {base} has no .js file", describe(u)),
        format!("{}：组件 {base} 缺少 .js 文件", describe(u)),
    );
    let help = ctx.t(
        format!("create {base}.js calling Component({{}})"),
        format!("请创建调用 Component({{}}) 的 {base}.js"),
    );
    Diagnostic::new(&META, &u.owner, Some(u.span), ctx.t(en, zh))
        .label(ctx.t("component without script".into(), "组件缺少脚本".into()))
        .help(help)
        .related(
            js,
            None,
            ctx.t("this file does not exist".into(), "该文件不存在".into()),
        )
}

impl Rule for ComponentMissingJs {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let mut reported = HashSet::new();
        for u in &ctx.analysis.component_uses {
            let Resolution::Found(base) = &u.resolution else {
                continue;
            };
            let js = p.in_root_with(base, ".js");
            let ts = p.in_root_with(base, ".ts");
            // TypeScript-only components are MP217's.
            if p.exists(&js) || p.exists(&ts) || !reported.insert(base.clone()) {
                continue;
            }
            out.push(missing_js(ctx, u, base, js));
        }
    }
}
