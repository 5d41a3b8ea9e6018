//! MP135: project.private.config.json sets a build or upload setting (minification, ES6,
//! compiler plugins, packOptions, ...) that project.config.json does not have or sets
//! differently. DevTools uses the private value; miniprogram-ci reads only
//! project.config.json, so a CI upload is built differently from what you tested.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::{PRIVATE_CONFIG, PROJECT_CONFIG};
use crate::syntax::json::Json;

crate::declare_rule! {
    PrivateOnlySetting, code: "MP135", name: "private-only-setting", group: Config, severity: Info,
    summary: ["A build setting exists only in project.private.config.json, which CI uploads ignore", "构建相关设置只在 project.private.config.json 中，CI 上传时会被忽略"],
}

const TOP: &[&str] = &[
    "appid",
    "compileType",
    "miniprogramRoot",
    "pluginRoot",
    "packOptions",
];
const SETTING: &[&str] = &[
    "es6",
    "enhance",
    "postcss",
    "minified",
    "minifyWXSS",
    "minifyWXML",
    "uglifyFileName",
    "ignoreUploadUnusedFiles",
    "useCompilerPlugins",
    "uploadWithSourceMap",
    "babelSetting",
    "disableUseStrict",
    "packNpmManually",
    "packNpmRelationList",
];

/// Structural equality of two values (spans ignored).
fn same(a: &Json, b: &Json) -> bool {
    use crate::syntax::json::JsonKind::*;
    match (&a.kind, &b.kind) {
        (Null, Null) => true,
        (Bool(x), Bool(y)) => x == y,
        (Number(x), Number(y)) => x == y,
        (String(x), String(y)) => x == y,
        (Array(x), Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Object(x), Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|m| b.get(&m.key).is_some_and(|v| same(&m.value, v)))
        }
        _ => false,
    }
}

/// The finding at `key` (at `pointer`) in project.private.config.json.
fn local_only(ctx: &Ctx, key: &str, pointer: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        PRIVATE_CONFIG,
        Some(span),
        ctx.t(
            format!("{pointer} is set only in {PRIVATE_CONFIG}: miniprogram-ci uploads ignore it"),
            format!("{pointer} 只在 {PRIVATE_CONFIG} 中设置：miniprogram-ci 上传时会忽略它"),
        ),
    )
    .label(ctx.t("local only".into(), "仅本地生效".into()))
    .help(ctx.t(
        format!("move \"{key}\" to {PROJECT_CONFIG} so DevTools and CI build the same package"),
        format!("请将 \"{key}\" 移到 {PROJECT_CONFIG}，使开发者工具和 CI 构建出相同的代码包"),
    ))
}

impl Rule for PrivateOnlySetting {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(private) = p.json(PRIVATE_CONFIG).and_then(|d| d.value()) else {
            return;
        };
        let public = p.project_config();
        let mut check = |key: &str, pointer: String, value: &Json, shared: Option<&Json>| {
            if shared.is_some_and(|s| same(s, value)) {
                return;
            }
            out.push(local_only(ctx, key, &pointer, value.span));
        };
        for key in TOP {
            if let Some(v) = private.get(key) {
                check(
                    key,
                    format!("[\"{key}\"]"),
                    v,
                    public.and_then(|c| c.get(key)),
                );
            }
        }
        if let Some(setting) = private.get("setting") {
            for key in SETTING {
                if let Some(v) = setting.get(key) {
                    let shared = public
                        .and_then(|c| c.get("setting"))
                        .and_then(|s| s.get(key));
                    check(key, format!("[\"setting\"][\"{key}\"]"), v, shared);
                }
            }
        }
    }
}
