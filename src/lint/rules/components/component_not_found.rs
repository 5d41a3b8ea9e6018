//! MP210: a `usingComponents` path (app.json, page or component json, or a
//! `componentGenerics` default) that resolves to no component: no `.json` + `.wxml` pair at
//! the path, its `index`, or in `miniprogram_npm` up the tree. Entries that point into one
//! missing folder (a build output such as `dist/` that is not there) are one finding at the
//! first entry, the others as related locations.

use super::describe;
use crate::analysis::components::ComponentUse;
use crate::analysis::components::Resolution;
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};
use std::collections::BTreeMap;

crate::declare_rule! {
    ComponentNotFound, code: "MP210", name: "component-not-found", group: Components, severity: Error,
    summary: ["A usingComponents path does not resolve to a component", "usingComponents 中的路径找不到组件"],
}

/// The finding at the first of `uses` (sorted, two or more), which all point into the missing
/// folder `shown`; the others are related locations.
fn folder_missing(ctx: &Ctx, shown: &str, uses: &[&ComponentUse]) -> Diagnostic {
    let n = uses.len();
    let mut d = Diagnostic::new(
        &META,
        &uses[0].owner,
        Some(uses[0].span),
        ctx.t(
            format!("{n} usingComponents entries point into the folder {shown}, which does not exist (first: {})", describe(uses[0])),
            format!("{n} 个 usingComponents 条目指向不存在的目录 {shown}（第一个：{}）", describe(uses[0])),
        ),
    )
    .label(ctx.t(
        format!("{shown} does not exist"),
        format!("{shown} 不存在"),
    ))
    .help(ctx.t(
        format!("build or add {shown} (is it a build output that was not generated?), or fix the paths"),
        format!("请生成或补上 {shown}（是否为未生成的构建产物？），或修正这些路径"),
    ));
    for u in &uses[1..] {
        d = d.related(
            u.owner.clone(),
            Some(u.span),
            ctx.t("also points into it".into(), "同样指向该目录".into()),
        );
    }
    d
}

/// The finding at a use that resolves to no component; `help` names a near miss and what
/// was searched.
fn not_found(ctx: &Ctx, u: &ComponentUse, help: Text) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.owner,
        Some(u.span),
        ctx.t(
            format!("{}, component not found", describe(u)),
            format!("{}，未找到组件", describe(u)),
        ),
    )
    .label(ctx.t("no component here".into(), "找不到组件".into()))
    .help(help)
}

impl Rule for ComponentNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let mut by_folder: BTreeMap<String, Vec<&ComponentUse>> = BTreeMap::new();
        let mut single = Vec::new();
        for u in &ctx.analysis.component_uses {
            let Resolution::NotFound {
                searched,
                npm_unbuilt: None,
            } = &u.resolution
            else {
                continue;
            };
            match searched.first().and_then(|c| missing_folder(ctx, c)) {
                Some(folder) => by_folder.entry(folder).or_default().push(u),
                None => single.push(u),
            }
        }
        for (folder, mut uses) in by_folder {
            if uses.len() == 1 {
                single.extend(uses);
                continue;
            }
            uses.sort_by(|a, b| (&a.owner, a.span.start).cmp(&(&b.owner, b.span.start)));
            let shown = p.from_root(&folder);
            out.push(folder_missing(ctx, shown, &uses));
        }
        for u in single {
            let Resolution::NotFound { searched, .. } = &u.resolution else {
                continue;
            };
            let shown: Vec<&str> = searched.iter().take(4).map(String::as_str).collect();
            let more = searched.len().saturating_sub(4);
            let list = if more > 0 {
                format!("{} (+{more} more)", shown.join(", "))
            } else {
                shown.join(", ")
            };
            // The most useful hint: a near miss on disk.
            let near = searched.iter().find_map(|c| {
                for ext in ["json", "wxml"] {
                    if let Some(found) = p.case_variant(&p.in_root(&format!("{c}.{ext}"))) {
                        return Some(ctx.t(
                            format!("found {found}: paths are case-sensitive on the phone"),
                            format!("找到了 {found}：手机上路径区分大小写"),
                        ));
                    }
                }
                let has = |ext: &str| p.exists(&p.in_root(&format!("{c}.{ext}")));
                match (has("json"), has("wxml"), has("js")) {
                    (false, false, false) => None,
                    (true, false, _) => Some(ctx.t(
                        format!("{c}.json exists but {c}.wxml does not"),
                        format!("{c}.json 存在但 {c}.wxml 不存在"),
                    )),
                    (false, _, _) => Some(ctx.t(
                        format!(
                            "{c} has no .json: a component needs {c}.json with \"component\": true"
                        ),
                        format!("{c} 缺少 .json：组件需要包含 \"component\": true 的 {c}.json"),
                    )),
                    _ => None,
                }
            });
            let searched_line = ctx.t(
                format!("searched {list}; a component needs .json and .wxml (and .js)"),
                format!("已查找 {list}；组件需要 .json 和 .wxml（以及 .js）"),
            );
            let help = match near {
                Some(n) => n.map(|l, n| format!("{n}\n{}", searched_line.get(l))),
                None => searched_line,
            };
            out.push(not_found(ctx, u, help));
        }
    }
}

/// The outermost missing folder on the way to `candidate` (a component path from the
/// miniprogram root).
fn missing_folder(ctx: &Ctx, candidate: &str) -> Option<String> {
    let path = ctx.project.in_root(candidate);
    let folder = path.rsplit_once('/')?.0;
    ctx.project
        .outermost_missing_dir(folder)
        .map(str::to_string)
}
