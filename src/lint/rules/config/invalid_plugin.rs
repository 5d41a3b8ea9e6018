//! MP116: a plugin declaration whose `version` is not `x.y.z` (each part up to 3 digits),
//! `latest`, `dev-<id>` or (in plugin projects only) `dev`; or the same provider declared
//! twice, or the same alias in the main package and a subpackage.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::{Json, Member};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

crate::declare_rule! {
    InvalidPlugin, code: "MP116", name: "invalid-plugin", group: Config, severity: Error,
    summary: ["A plugin version is malformed, or a plugin provider or alias is declared twice", "插件版本格式错误，或插件 provider、别名重复声明"],
}

static VERSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(latest|dev|dev-[A-Za-z0-9]+|\d{1,3}\.\d{1,3}\.\d{1,3})$").unwrap()
});

/// The finding at a plugin `version` that is not a version.
fn invalid_version(ctx: &Ctx, path: &str, ptr: &str, version: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{ptr}[\"version\"] \"{version}\" field needs to be number.number.number, each part at most 3 digits (or \"latest\", \"dev-<id>\")"),
            format!("{ptr}[\"version\"] \"{version}\" 字段需为 数字.数字.数字，每段数字不超过 3 位"),
        ),
    )
    .label(ctx.t("invalid version".into(), "版本格式错误".into()))
}

/// The finding at a plugin version `dev` outside a plugin project.
fn dev_version(ctx: &Ctx, path: &str, ptr: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{ptr}[\"version\"] cannot be dev\nIf you are developing a plugin, choose the plugin mode"),
            format!("{ptr}[\"version\"] 不能为 dev\n如果正在开发插件，请选择插件模式"),
        ),
    )
    .help(ctx.t(
        "use a released version, or set \"compileType\": \"plugin\" in project.config.json".into(),
        "请使用已发布的版本，或在 project.config.json 中设置 \"compileType\": \"plugin\"".into(),
    ))
}

/// The finding at the `provider` of declaration `ptr`, the same as the earlier one's.
fn same_provider(
    ctx: &Ctx,
    path: &str,
    (earlier_ptr, earlier_span): (&str, Option<Span>),
    (ptr, span): (&str, Option<Span>),
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        span,
        ctx.t(
            format!("{earlier_ptr} and {ptr} have same \"provider\""),
            format!("{earlier_ptr} 和 {ptr} 的 \"provider\" 相同"),
        ),
    )
    .help(ctx.t(
        "declare each plugin once".into(),
        "每个插件只声明一次".into(),
    ))
    .related(
        path,
        earlier_span,
        ctx.t("first declared here".into(), "首次声明于此".into()),
    )
}

/// The finding at the alias of declaration `ptr`, the same as the earlier one's.
fn same_alias(
    ctx: &Ctx,
    path: &str,
    (earlier_ptr, earlier_span): (&str, Span),
    (ptr, span): (&str, Span),
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{earlier_ptr} and {ptr} have same alias"),
            format!("{earlier_ptr} 和 {ptr} 的别名相同"),
        ),
    )
    .help(ctx.t(
        "give the plugins different aliases".into(),
        "请为插件使用不同的别名".into(),
    ))
    .related(
        path,
        Some(earlier_span),
        ctx.t("first declared here".into(), "首次声明于此".into()),
    )
}

impl Rule for InvalidPlugin {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let plugin_project = ctx
            .project
            .project_config()
            .and_then(|c| c.get("compileType"))
            .and_then(Json::as_str)
            == Some("plugin");
        // (pointer of the declaration, member)
        let mut decls: Vec<(String, &Member)> = Vec::new();
        for m in app
            .get("plugins")
            .and_then(Json::as_object)
            .unwrap_or_default()
        {
            decls.push((format!("[\"plugins\"][\"{}\"]", m.key), m));
        }
        let (key, subs) = match app.get("subPackages") {
            Some(s) => ("subPackages", Some(s)),
            None => ("subpackages", app.get("subpackages")),
        };
        for (i, sp) in subs
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            for m in sp
                .get("plugins")
                .and_then(Json::as_object)
                .unwrap_or_default()
            {
                decls.push((format!("[\"{key}\"][{i}][\"plugins\"][\"{}\"]", m.key), m));
            }
        }
        let mut first_provider: HashMap<&str, usize> = HashMap::new();
        let mut first_alias: HashMap<&str, usize> = HashMap::new();
        for (n, (ptr, m)) in decls.iter().enumerate() {
            if let Some(v) = m.value.get("version")
                && let Some(version) = v.as_str()
            {
                if !VERSION.is_match(version) {
                    out.push(invalid_version(ctx, &path, ptr, version, v.span));
                } else if version == "dev" && !plugin_project {
                    out.push(dev_version(ctx, &path, ptr, v.span));
                }
            }
            // Each repeat is reported once, against the first declaration (not every pair).
            let provider = m.value.get("provider").and_then(Json::as_str);
            let dup_provider = provider
                .map(|p| *first_provider.entry(p).or_insert(n))
                .filter(|&j| j != n);
            let dup_alias = Some(*first_alias.entry(m.key.as_str()).or_insert(n))
                .filter(|&k| k != n)
                .filter(|&k| {
                    provider.is_none()
                        || decls[k].1.value.get("provider").and_then(Json::as_str) != provider
                });
            if let Some(j) = dup_provider.or(dup_alias) {
                let (earlier_ptr, earlier) = &decls[j];
                if dup_provider.is_some() {
                    out.push(same_provider(
                        ctx,
                        &path,
                        (earlier_ptr, earlier.value.get("provider").map(|p| p.span)),
                        (ptr, m.value.get("provider").map(|p| p.span)),
                    ));
                } else if earlier.key == m.key {
                    out.push(same_alias(
                        ctx,
                        &path,
                        (earlier_ptr, earlier.key_span),
                        (ptr, m.key_span),
                    ));
                }
            }
        }
    }
}
