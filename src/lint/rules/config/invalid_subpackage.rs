//! MP114: a subpackage whose `root` is not an existing folder, is `__APP__`, repeats or nests
//! inside another subpackage's root; a `name` that is `__APP__` or repeated; more than 100
//! subpackages.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashMap;

crate::declare_rule! {
    InvalidSubpackage, code: "MP114", name: "invalid-subpackage", group: Config, severity: Error,
    summary: ["A subpackage root is missing, repeated or nested, or a name is repeated", "分包 root 不存在、重复或嵌套，或分包 name 重复"],
}

/// `MaxSubPackageLimit` in miniprogram-ci.
pub const MAX_SUBPACKAGES: usize = 100;

impl Rule for InvalidSubpackage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(app) = &p.app else { return };
        let file = p.app_json_path();
        let subs = &app.subpackages;
        if subs.len() > MAX_SUBPACKAGES {
            let key = subs[0].key;
            out.push(Diagnostic::new(
                &META,
                &file,
                Some(subs[MAX_SUBPACKAGES].span),
                ctx.t(
                    format!(
                        "[\"{key}\"] exceed limit {MAX_SUBPACKAGES} ({} subpackages)",
                        subs.len()
                    ),
                    format!(
                        "[\"{key}\"] 超过限制 {MAX_SUBPACKAGES}（共 {} 个分包）",
                        subs.len()
                    ),
                ),
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
                let mut push = |en: String, zh: String, help: Option<crate::base::i18n::Text>| {
                    out.push(
                        Diagnostic::new(&META, &file, Some(*span), ctx.t(en, zh))
                            .label(ctx.t("subpackage root".into(), "分包 root".into()))
                            .maybe_help(help),
                    );
                };
                if root.trim_matches('/') == "__APP__" {
                    push(
                        format!("{ptr}[\"root\"] cannot be __APP__"),
                        format!("{ptr}[\"root\"] 不能为 __APP__"),
                        None,
                    );
                } else if !folder.is_empty() && !p.is_dir(&p.in_root(folder)) {
                    let help = if p.exists(&p.in_root(folder)) {
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
                    push(
                        format!(
                            "{ptr}[\"root\"] field needs to be Directory: \"{root}\" is not an existing folder"
                        ),
                        format!("{ptr}[\"root\"] 字段需为 目录：\"{root}\" 不是已存在的目录"),
                        Some(help),
                    );
                }
                if let Some(&j) = first_root.get(prefix.as_str())
                    && j != i
                {
                    push(
                        format!("{ptr} and [\"{}\"][{j}] have same \"root\"", subs[j].key),
                        format!("{ptr} 和 [\"{}\"][{j}] 的 \"root\" 相同", subs[j].key),
                        None,
                    );
                }
            }
            for &(outer, inner) in &nests[i] {
                let span = subs[i].root.as_ref().map(|(_, s)| *s);
                out.push(
                    Diagnostic::new(
                        &META,
                        &file,
                        span,
                        ctx.t(
                            format!(
                                "[\"{0}\"][{outer}][\"root\"] should not contain [\"{0}\"][{inner}][\"root\"]",
                                sp.key
                            ),
                            format!(
                                "[\"{0}\"][{outer}][\"root\"] 不应该包含 [\"{0}\"][{inner}][\"root\"]",
                                sp.key
                            ),
                        ),
                    )
                    .label(ctx.t("subpackage root".into(), "分包 root".into()))
                    .help(ctx.t(
                        "subpackage folders must not nest".into(),
                        "分包目录不能嵌套".into(),
                    )),
                );
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
                    out.push(Diagnostic::new(
                        &META,
                        &file,
                        name_span,
                        ctx.t(
                            format!("{ptr}[\"name\"] cannot be __APP__"),
                            format!("{ptr}[\"name\"] 不能为 __APP__"),
                        ),
                    ));
                } else if let Some(&j) = first_name.get(name.as_str())
                    && j != i
                {
                    out.push(Diagnostic::new(
                        &META,
                        &file,
                        name_span,
                        ctx.t(
                            format!("{ptr} and [\"{}\"][{j}] have same \"name\"", sp.key),
                            format!("{ptr} 和 [\"{}\"][{j}] 的 \"name\" 相同", sp.key),
                        ),
                    ));
                }
            }
        }
    }
}
