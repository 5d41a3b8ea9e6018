//! MP114: a subpackage whose `root` is not an existing folder, is `__APP__`, repeats or nests
//! inside another subpackage's root; a `name` that is `__APP__` or repeated; more than 100
//! subpackages.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashMap;

crate::declare_rule! {
    InvalidSubpackage, code: "MP114", name: "invalid-subpackage", group: Config, severity: Error,
    summary: ["A subpackage root is missing, repeated or nested, or a name is repeated", "分包 root 不存在、重复或嵌套，或分包 name 重复"],
}

/// `MaxSubPackageLimit` in miniprogram-ci.
pub const MAX_SUBPACKAGES: usize = 100;

/// The finding at the first subpackage past the limit, of `count` in `[key]`.
fn too_many(ctx: &Ctx, file: &str, key: &str, count: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("[\"{key}\"] exceed limit {MAX_SUBPACKAGES} ({count} subpackages)"),
            format!("[\"{key}\"] 超过限制 {MAX_SUBPACKAGES}（共 {count} 个分包）"),
        ),
    )
}

/// The finding at the root of subpackage `ptr`, which is `__APP__`.
fn root_is_app(ctx: &Ctx, file: &str, ptr: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("{ptr}[\"root\"] cannot be __APP__"),
            format!("{ptr}[\"root\"] 不能为 __APP__"),
        ),
    )
    .label(ctx.t("subpackage root".into(), "分包 root".into()))
}

/// The finding at the root of subpackage `ptr`, which is not an existing folder (`is_file`:
/// a file of that name exists).
fn root_not_folder(
    ctx: &Ctx,
    file: &str,
    ptr: &str,
    root: &str,
    folder: &str,
    is_file: bool,
    span: Span,
) -> Diagnostic {
    let help = if is_file {
        ctx.t(
            format!("\"{root}\" is a file; root names a folder"),
            format!("\"{root}\" 是文件；root 需为目录"),
        )
    } else {
        ctx.t(
            format!("create the folder {folder} with the subpackage's pages, or fix the root"),
            format!("请创建包含分包页面的目录 {folder}，或修正 root"),
        )
    };
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!(
                "{ptr}[\"root\"] field needs to be Directory: \"{root}\" is not an existing folder"
            ),
            format!("{ptr}[\"root\"] 字段需为 目录：\"{root}\" 不是已存在的目录"),
        ),
    )
    .label(ctx.t("subpackage root".into(), "分包 root".into()))
    .help(help)
}

/// The finding at the root of subpackage `ptr`, the same as that of `[key][j]`.
fn same_root(ctx: &Ctx, file: &str, ptr: &str, key: &str, j: usize, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("{ptr} and [\"{key}\"][{j}] have same \"root\""),
            format!("{ptr} 和 [\"{key}\"][{j}] 的 \"root\" 相同"),
        ),
    )
    .label(ctx.t("subpackage root".into(), "分包 root".into()))
}

/// The finding at the root of subpackage `inner`, inside that of `outer`.
fn nested_root(
    ctx: &Ctx,
    file: &str,
    key: &str,
    outer: usize,
    inner: usize,
    span: Option<Span>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            format!(
                "[\"{0}\"][{outer}][\"root\"] should not contain [\"{0}\"][{inner}][\"root\"]",
                key
            ),
            format!(
                "[\"{0}\"][{outer}][\"root\"] 不应该包含 [\"{0}\"][{inner}][\"root\"]",
                key
            ),
        ),
    )
    .label(ctx.t("subpackage root".into(), "分包 root".into()))
    .help(ctx.t(
        "subpackage folders must not nest".into(),
        "分包目录不能嵌套".into(),
    ))
}

/// The finding at the name of subpackage `ptr`, which is `__APP__`.
fn name_is_app(ctx: &Ctx, file: &str, ptr: &str, span: Option<Span>) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            format!("{ptr}[\"name\"] cannot be __APP__"),
            format!("{ptr}[\"name\"] 不能为 __APP__"),
        ),
    )
}

/// The finding at the name of subpackage `ptr`, the same as that of `[key][j]`.
fn same_name(
    ctx: &Ctx,
    file: &str,
    ptr: &str,
    key: &str,
    j: usize,
    span: Option<Span>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            format!("{ptr} and [\"{key}\"][{j}] have same \"name\""),
            format!("{ptr} 和 [\"{key}\"][{j}] 的 \"name\" 相同"),
        ),
    )
}

impl Rule for InvalidSubpackage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(app) = &p.app else { return };
        let file = p.app_json_path();
        let subs = &app.subpackages;
        if subs.len() > MAX_SUBPACKAGES {
            let key = subs[0].key;
            out.push(too_many(
                ctx,
                &file,
                key,
                subs.len(),
                subs[MAX_SUBPACKAGES].span,
            ));
        }
        // Each repeated root or name is reported once, against its first occurrence, and each
        // nested root once, against the closest root that contains it (linear, not pairwise).
        let prefixes: Vec<Option<String>> = subs.iter().map(|sp| sp.root_prefix()).collect();
        let mut first_root: HashMap<&str, usize> = HashMap::new();
        for (i, prefix) in prefixes.iter().enumerate() {
            if let Some(prefix) = prefix {
                first_root.entry(prefix.as_str()).or_insert(i);
            }
        }
        let mut nests: Vec<Vec<(usize, usize)>> = vec![Vec::new(); subs.len()];
        for (i, prefix) in prefixes.iter().enumerate() {
            let Some(prefix) = prefix else { continue };
            if first_root[prefix.as_str()] != i {
                continue;
            }
            let outer = prefix[..prefix.len() - 1]
                .rmatch_indices('/')
                .find_map(|(k, _)| first_root.get(&prefix[..=k]).copied());
            if let Some(j) = outer {
                nests[i.max(j)].push((j, i));
            }
        }
        let mut first_name: HashMap<&str, usize> = HashMap::new();
        for (i, sp) in subs.iter().enumerate() {
            let ptr = format!("[\"{}\"][{i}]", sp.key);
            if let Some((root, span)) = &sp.root {
                let prefix = sp.root_prefix().unwrap_or_default();
                let folder = prefix.trim_end_matches('/');
                if root.trim_matches('/') == "__APP__" {
                    out.push(root_is_app(ctx, &file, &ptr, *span));
                } else if !folder.is_empty() && !p.is_dir(&p.in_root(folder)) {
                    let is_file = p.exists(&p.in_root(folder));
                    out.push(root_not_folder(
                        ctx, &file, &ptr, root, folder, is_file, *span,
                    ));
                }
                if let Some(&j) = first_root.get(prefix.as_str())
                    && j != i
                {
                    out.push(same_root(ctx, &file, &ptr, subs[j].key, j, *span));
                }
            }
            for &(outer, inner) in &nests[i] {
                let span = subs[i].root.as_ref().map(|(_, s)| *s);
                out.push(nested_root(ctx, &file, sp.key, outer, inner, span));
            }
            if let Some(name) = &sp.name {
                first_name.entry(name.as_str()).or_insert(i);
                let name_span = p
                    .json(&file)
                    .and_then(|d| d.value())
                    .and_then(|a| a.get(sp.key))
                    .and_then(|s| s.as_array())
                    .and_then(|a| a.get(i))
                    .and_then(|s| s.get("name"))
                    .map(|n| n.span);
                if name == "__APP__" {
                    out.push(name_is_app(ctx, &file, &ptr, name_span));
                } else if let Some(&j) = first_name.get(name.as_str())
                    && j != i
                {
                    out.push(same_name(ctx, &file, &ptr, sp.key, j, name_span));
                }
            }
        }
    }
}
