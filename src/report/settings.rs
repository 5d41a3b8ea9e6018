//! `mpcheck check --show-settings`: what a check of this project would use, as text or JSON.

use super::common::PathBase;
use crate::base::diagnostic::Severity;
use crate::lint::config::Config;
use crate::project::{PRIVATE_CONFIG, PROJECT_CONFIG, Project};
use std::fmt::Write;
use std::path::Path;

use super::size::human_bytes as size;

struct Settings {
    folder: String,
    absolute: String,
    mp_root: String,
    root_set: bool,
    config_files: Vec<String>,
    domains: Option<String>,
    exclude: Vec<String>,
    ignores: usize,
    limits: (u64, u64),
    checked: Option<Vec<String>>,
    rules: Vec<(&'static str, &'static str, Option<Severity>, bool)>,
}

fn gather(
    project: &Project,
    config: &Config,
    domains_file: Option<&Path>,
    checked: Option<&[String]>,
    base: &PathBase,
) -> Settings {
    let shown_path = |p: &Path| match p
        .canonicalize()
        .ok()
        .and_then(|c| c.strip_prefix(&project.dir).ok().map(Path::to_path_buf))
    {
        Some(rel) => base
            .show(&rel.to_string_lossy().replace('\\', "/"))
            .into_owned(),
        None => p.display().to_string(),
    };
    let mut config_files: Vec<String> = [PROJECT_CONFIG, PRIVATE_CONFIG]
        .into_iter()
        .filter(|f| project.exists(f))
        .map(|f| base.show(f).into_owned())
        .collect();
    if let Some(p) = &config.path {
        config_files.push(shown_path(p));
    }
    let domains = match (domains_file, &config.domains, &config.path) {
        (Some(f), _, _) => Some(format!("{} (--domains)", shown_path(f))),
        (None, Some(_), Some(p)) => Some(format!("\"domains\" in {}", shown_path(p))),
        _ => None,
    };
    let checked = checked.map(|list| list.iter().map(|f| base.show(f).into_owned()).collect());
    Settings {
        folder: base.folder(),
        absolute: project.dir.display().to_string(),
        mp_root: project.mp_root.clone(),
        root_set: project.discovery.miniprogram_root_setting.is_some(),
        config_files,
        domains,
        exclude: config.exclude_patterns.clone(),
        ignores: config.ignores.len(),
        limits: (config.limits.package, config.limits.total),
        checked,
        rules: crate::lint::rules::RULES
            .iter()
            .map(|r| r.meta())
            .map(|m| (m.code, m.name, config.severity(m), config.sets_level(m)))
            .collect(),
    }
}

pub fn render(
    project: &Project,
    config: &Config,
    domains_file: Option<&Path>,
    checked: Option<&[String]>,
    base: &PathBase,
    json: bool,
) -> String {
    let s = gather(project, config, domains_file, checked, base);
    let level = |l: Option<Severity>| l.map_or("off", |s| s.as_str());
    if json {
        let rules: Vec<serde_json::Value> = s
            .rules
            .iter()
            .map(|(code, name, l, set)| {
                serde_json::json!({
                    "code": code,
                    "name": name,
                    "level": level(*l),
                    "from": if *set { "config" } else { "default" },
                })
            })
            .collect();
        let v = serde_json::json!({
            "project": s.folder,
            "project_dir": s.absolute,
            "miniprogram_root": s.mp_root,
            "config_files": s.config_files,
            "domains": s.domains,
            "exclude": s.exclude,
            "ignores": s.ignores,
            "limits": { "package": s.limits.0, "total": s.limits.1 },
            "checked": s.checked,
            "rules": rules,
        });
        return super::json::to_string_pretty(&v) + "\n";
    }
    let mut out = String::new();
    let esc = |t: &str| crate::base::escape::line(t).into_owned();
    let _ = writeln!(
        out,
        "project folder    {} ({})",
        esc(&s.folder),
        esc(&s.absolute)
    );
    let root = match (s.mp_root.as_str(), s.root_set) {
        ("", _) => "the project folder".to_string(),
        (r, true) => format!("{} (\"miniprogramRoot\" in {PROJECT_CONFIG})", esc(r)),
        (r, false) => esc(r),
    };
    let _ = writeln!(out, "miniprogram root  {root}");
    let _ = writeln!(
        out,
        "config files      {}",
        if s.config_files.is_empty() {
            "none".to_string()
        } else {
            s.config_files
                .iter()
                .map(|f| esc(f))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    let _ = writeln!(
        out,
        "domains           {}",
        s.domains.as_deref().map_or_else(
            || "none: request domains are not checked (MP307)".to_string(),
            esc
        )
    );
    let _ = writeln!(
        out,
        "exclude           {}",
        if s.exclude.is_empty() {
            "none".to_string()
        } else {
            s.exclude
                .iter()
                .map(|p| esc(p))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
    let _ = writeln!(out, "ignores           {} entries", s.ignores);
    let _ = writeln!(
        out,
        "limits            package {}, total {}",
        size(s.limits.0),
        size(s.limits.1)
    );
    let _ = writeln!(
        out,
        "checked           {}",
        match &s.checked {
            None => "the whole project".to_string(),
            Some(list) => format!(
                "findings of {}",
                list.iter().map(|f| esc(f)).collect::<Vec<_>>().join(", ")
            ),
        }
    );
    let on = s.rules.iter().filter(|r| r.2.is_some()).count();
    let _ = writeln!(
        out,
        "rules             {} ({on} on, {} off)",
        s.rules.len(),
        s.rules.len() - on
    );
    let name_w = s.rules.iter().map(|r| r.1.len()).max().unwrap_or(0);
    for (code, name, l, set) in &s.rules {
        let from = if *set { "  (config)" } else { "" };
        let line = format!("  {code}  {name:<name_w$}  {:<7}{from}", level(*l));
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}
