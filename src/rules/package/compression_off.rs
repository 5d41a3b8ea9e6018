//! MP407: a compression switch of the upload is off: `setting.minified` (JS),
//! `setting.minifyWXML` or `setting.minifyWXSS` in project.config.json (or
//! project.private.config.json, which overrides it) is false or missing. The code-quality scan
//! requires all three, and without them the package is larger than it needs to be.

use crate::diagnostic::{Diagnostic, Edit};
use crate::fix::NewValue;
use crate::json::Json;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP407",
    "compression-off",
    Package,
    Warning,
    "Upload compression (minified, minifyWXML, minifyWXSS) is off",
    "上传时未开启代码压缩（minified、minifyWXML、minifyWXSS）"
);

const SWITCHES: &[(&str, &str, &str)] = &[
    ("minified", "JS", "JS_COMPRESS_OPEN"),
    ("minifyWXML", "WXML", "WXML_COMPRESS_OPEN"),
    ("minifyWXSS", "WXSS", "WXSS_COMPRESS_OPEN"),
];

fn setting(cfg: Option<&Json>) -> Option<&Json> {
    cfg?.get("setting")
}

pub struct CompressionOff;

impl Rule for CompressionOff {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let config = crate::project::PROJECT_CONFIG;
        let private = crate::project::PRIVATE_CONFIG;
        let Some(project_cfg) = p.project_config() else {
            return;
        };
        let private_cfg = p.json(private).and_then(|d| d.value());
        // The switches set nowhere, added together by one edit (each finding carries the same
        // one; it is applied once).
        let missing: Vec<&str> = SWITCHES
            .iter()
            .map(|(key, _, _)| *key)
            .filter(|key| {
                [setting(private_cfg), setting(Some(project_cfg))]
                    .into_iter()
                    .all(|s| s.and_then(|s| s.member(key)).is_none())
            })
            .collect();
        let text = |file: &str| p.json(file).map(|d| &*d.source.text);
        let add_missing = || -> Option<Edit> {
            let text = text(config)?;
            match project_cfg.get("setting") {
                Some(s) => crate::fix::insert_members(
                    config,
                    text,
                    s,
                    &missing
                        .iter()
                        .map(|k| (*k, NewValue::Raw("true".into())))
                        .collect::<Vec<_>>(),
                ),
                None => crate::fix::insert_members(
                    config,
                    text,
                    project_cfg,
                    &[(
                        "setting",
                        NewValue::Object(
                            missing
                                .iter()
                                .map(|k| ((*k).to_string(), "true".to_string()))
                                .collect(),
                        ),
                    )],
                ),
            }
        };
        for (key, what, item) in SWITCHES {
            // The private config overrides the shared one, key by key.
            let found = [
                (private, setting(private_cfg)),
                (config, setting(Some(project_cfg))),
            ]
            .into_iter()
            .find_map(|(file, s)| s?.member(key).map(|m| (file, m)));
            let (file, span, value) = match found {
                Some((file, m)) => (file, Some(m.value.span), m.value.as_bool()),
                None => (
                    config,
                    project_cfg.member("setting").map(|m| m.key_span),
                    None,
                ),
            };
            if value == Some(true) {
                continue;
            }
            let state = match value {
                Some(false) => ctx.t(format!("\"{key}\" is false"), format!("\"{key}\" 为 false")),
                _ => ctx.t(
                    format!("\"{key}\" is not set"),
                    format!("没有设置 \"{key}\""),
                ),
            };
            let fix = match found {
                // Set where it is set (the private config overrides the shared one).
                Some((file, m)) => Some(Edit::new(file, m.value.span, "true")),
                None => add_missing(),
            };
            out.push(
                Diagnostic::new(
                    &META,
                    file,
                    span,
                    ctx.t(
                        format!(
                            "{what} is uploaded uncompressed: {state} (code-quality item {item})"
                        ),
                        format!("{what} 上传时不压缩：{state}（代码质量项 {item}）"),
                    ),
                )
                .help(ctx.t(
                    format!("set \"setting\": {{\"{key}\": true}} in {config}"),
                    format!("请在 {config} 中设置 \"setting\": {{\"{key}\": true}}"),
                ))
                .fix(fix),
            );
        }
    }
}
