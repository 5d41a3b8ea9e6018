//! MP217: a used component exists only as TypeScript (`.ts`, no `.js`) while the
//! `typescript` compiler plugin is off in project.config.json. Either an external build
//! compiles it (then check the build output instead), or the component has no script on the
//! phone. The official compile step does not check component scripts. One setting fixes
//! every such component: one finding, at the first use, with the others related.

use super::describe;
use crate::analysis::components::{ComponentUse, Resolution};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashSet;

crate::declare_rule! {
    TypescriptNotCompiled, code: "MP217", name: "typescript-not-compiled", group: Components, severity: Warning,
    summary: ["A used component exists only as .ts and the TypeScript compiler plugin is off", "组件只有 .ts 文件，且未开启 TypeScript 编译插件"],
}

/// The finding at the first of `uses` (sorted, not empty: each use, its component's base
/// path and `.ts`); the others are related locations.
fn typescript_only(ctx: &Ctx, uses: &[(&ComponentUse, &String, String)]) -> Diagnostic {
    let (first, base, ts) = &uses[0];
    let n = uses.len();
    let message = if n == 1 {
        ctx.t(
            format!("{}: component {base} exists only as TypeScript ({base}.ts) and the TypeScript compiler plugin is off", describe(first)),
            format!("{}：组件 {base} 只有 TypeScript 文件（{base}.ts），且未开启 TypeScript 编译插件", describe(first)),
        )
    } else {
        ctx.t(
            format!("{n} used components exist only as TypeScript and the TypeScript compiler plugin is off (first: {}: {base}.ts)", describe(first)),
            format!("{n} 个被使用的组件只有 TypeScript 文件，且未开启 TypeScript 编译插件（第一个：{}：{base}.ts）", describe(first)),
        )
    };
    let mut d = Diagnostic::new(&META, &first.owner, Some(first.span), message)
        .label(ctx.t("TypeScript only".into(), "只有 TypeScript".into()))
        .help(ctx.t(
            "add \"typescript\" to setting.useCompilerPlugins in project.config.json, or run mpcheck on your build output".into(),
            "请在 project.config.json 的 setting.useCompilerPlugins 中加入 \"typescript\"，或对构建产物运行 mpcheck".into(),
        ))
        .related(ts.clone(), None, ctx.t("the only script".into(), "唯一的脚本文件".into()));
    for (u, base, _) in &uses[1..] {
        d = d.related(
            u.owner.clone(),
            Some(u.span),
            ctx.t(
                format!("{base} is TypeScript only too"),
                format!("{base} 同样只有 TypeScript"),
            ),
        );
    }
    d
}

impl Rule for TypescriptNotCompiled {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        if p.typescript {
            return;
        }
        let mut reported = HashSet::new();
        let mut uses = Vec::new();
        for u in &ctx.analysis.component_uses {
            let Resolution::Found(base) = &u.resolution else {
                continue;
            };
            let js = p.in_root_with(base, ".js");
            let ts = p.in_root_with(base, ".ts");
            if p.exists(&js) || !p.exists(&ts) || !reported.insert(base.clone()) {
                continue;
            }
            uses.push((u, base, ts));
        }
        uses.sort_by(|a, b| (&a.0.owner, a.0.span.start).cmp(&(&b.0.owner, b.0.span.start)));
        if uses.is_empty() {
            return;
        }
        out.push(typescript_only(ctx, &uses));
    }
}
