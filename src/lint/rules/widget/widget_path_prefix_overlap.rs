//! MP507: another folder whose name starts with a `widgets[].path` (`widget` and
//! `widgetLib/`): the widget loader also injects its JS files, since it matches by string
//! prefix (inferred, spec Part 2 item 3).

use super::{WidgetDecl, declarations, item_name, manifest_name, path_trap};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::FileKind;
use std::collections::BTreeSet;

crate::declare_rule! {
    WidgetPathPrefixOverlap, code: "MP507", name: "widget-path-prefix-overlap", group: Widget, severity: Warning,
    summary: ["Another folder's name starts with a widgets[] path, so the widget also loads its JS files", "其他目录名以 widgets 中的 path 开头，widget 会一并加载其中的 JS 文件"],
}

/// The finding at the `path` of the declaration `d`, a string prefix of the folders `others`
/// (not empty) that hold JS files.
fn prefix_overlap(ctx: &Ctx, d: &WidgetDecl, path: &str, others: &[&str]) -> Diagnostic {
    let p = ctx.project;
    let first = others[0];
    let (f, item) = (manifest_name(&d.file), item_name(d));
    let more = others.len() - 1;
    let (also_en, also_zh) = if more > 0 {
        (
            format!(
                " (and {more} more folder{})",
                if more > 1 { "s" } else { "" }
            ),
            format!("（及另外 {more} 个目录）"),
        )
    } else {
        (String::new(), String::new())
    };
    let span = d.item.get("path").map_or(d.item.span, |v| v.span);
    Diagnostic::new(
        &META,
        &d.file,
        Some(span),
        ctx.t(
            format!("{item}.path of {f} \"{path}\" is also a prefix of \"{first}/\"{also_en}: the widget loader injects the JS files there too"),
            format!("{f} 的 {item}.path \"{path}\" 也是 \"{first}/\" 的前缀{also_zh}：widget 会一并注入其中的 JS 文件"),
        ),
    )
    .label(ctx.t("prefix of another folder".into(), "是其他目录的前缀".into()))
    .related(
        p.in_root(first),
        None,
        ctx.t("loaded into the widget".into(), "会被加载到 widget 中".into()),
    )
    .help(ctx.t(
        format!("rename \"{first}\" (or the widget folder) so that neither name starts with the other"),
        format!("请重命名 \"{first}\"（或 widget 目录），使两者名称互不为前缀"),
    ))
}

impl Rule for WidgetPathPrefixOverlap {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let decls = declarations(ctx.project);
        if decls.is_empty() {
            return;
        }
        // The folder (relative to the miniprogram root) of every JS file in the root.
        let js_dirs: BTreeSet<&str> = p
            .files
            .iter()
            .filter(|f| f.kind == FileKind::Js)
            .filter_map(|f| f.path.strip_prefix(p.mp_root.as_str()))
            .map(|r| r.rsplit_once('/').map_or("", |(dir, _)| dir))
            .collect();
        for d in decls {
            // Paths with a trap are MP506's.
            let Some(path) = d.path.filter(|s| !s.is_empty() && path_trap(s).is_none()) else {
                continue;
            };
            let own = format!("{path}/");
            let others: Vec<&str> = js_dirs
                .iter()
                .copied()
                .filter(|dir| dir.starts_with(path) && *dir != path && !dir.starts_with(&own))
                .collect();
            if others.is_empty() {
                continue;
            }
            out.push(prefix_overlap(ctx, &d, path, &others));
        }
    }
}
