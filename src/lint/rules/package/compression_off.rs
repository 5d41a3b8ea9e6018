//! MP407: a compression switch of the upload is off: `setting.minified` (JS),
//! `setting.minifyWXML` or `setting.minifyWXSS` in project.config.json (or
//! project.private.config.json, which overrides it) is false or missing. The code-quality scan
//! requires all three, and without them the package is larger than it needs to be. The
//! switches set nowhere are one finding (one edit adds them); one set to false is its own.

use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;
use crate::syntax::json_edit::NewValue;

crate::declare_rule! {
    CompressionOff, code: "MP407", name: "compression-off", group: Package, severity: Warning,
    summary: ["Upload compression (minified, minifyWXML, minifyWXSS) is off", "上传时未开启代码压缩（minified、minifyWXML、minifyWXSS）"],
}

const SWITCHES: &[(&str, &str, &str)] = &[
    ("minified", "JS", "JS_COMPRESS_OPEN"),
    ("minifyWXML", "WXML", "WXML_COMPRESS_OPEN"),
    ("minifyWXSS", "WXSS", "WXSS_COMPRESS_OPEN"),
];

fn setting(cfg: Option<&Json>) -> Option<&Json> {
    cfg?.get("setting")
}

/// `JS, WXML and WXSS`.
fn join_and(words: &[&str]) -> String {
    match words {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The finding at the switch (`key`, what it compresses, its code-quality item) whose
/// `value` in `file` is not true.
fn switch_off(
    ctx: &Ctx,
    file: &str,
    (key, what, item): (&str, &str, &str),
    value: &Json,
) -> Diagnostic {
    let state = match value.as_bool() {
        Some(false) => ctx.t(format!("\"{key}\" is false"), format!("\"{key}\" 为 false")),
        _ => ctx.t(
            format!("\"{key}\" is not true"),
            format!("\"{key}\" 不为 true"),
        ),
    };
    let (state_en, state_zh) = (state.en(), state.zh());
    Diagnostic::new(
        &META,
        file,
        Some(value.span),
        ctx.t(
            format!("{what} is uploaded uncompressed: {state_en} (code-quality item {item})"),
            format!("{what} 上传时不压缩：{state_zh}（代码质量项 {item}）"),
        ),
    )
    .help(ctx.t(
        format!("set \"setting\": {{\"{key}\": true}} in {file}"),
        format!("请在 {file} 中设置 \"setting\": {{\"{key}\": true}}"),
    ))
}

/// The finding at `setting` (`span`) of `config` for the switches set nowhere (`unset`: key,
/// what it compresses, code-quality item; not empty).
fn unset_switches(
    ctx: &Ctx,
    config: &str,
    span: Option<Span>,
    unset: &[(&str, &str, &str)],
) -> Diagnostic {
    let whats: Vec<&str> = unset.iter().map(|u| u.1).collect();
    let keys: Vec<String> = unset.iter().map(|u| format!("\"{}\"", u.0)).collect();
    let items: Vec<&str> = unset.iter().map(|u| u.2).collect();
    let (verb, verb_zh) = if unset.len() == 1 {
        ("is not set", "没有设置")
    } else {
        ("are not set", "都没有设置")
    };
    let (item_en, item_zh) = if unset.len() == 1 {
        ("item", "项")
    } else {
        ("items", "项")
    };
    let settings: Vec<String> = unset.iter().map(|u| format!("\"{}\": true", u.0)).collect();
    Diagnostic::new(
        &META,
        config,
        span,
        ctx.t(
            format!(
                "{} uploaded uncompressed: {} {verb} (code-quality {item_en} {})",
                if whats.len() == 1 {
                    format!("{} is", whats[0])
                } else {
                    format!("{} are", join_and(&whats))
                },
                keys.join(", "),
                items.join(", ")
            ),
            format!(
                "{} 上传时不压缩：{verb_zh} {}（代码质量{item_zh} {}）",
                whats.join("、"),
                keys.join("、"),
                items.join("、")
            ),
        ),
    )
    .help(ctx.t(
        format!("set \"setting\": {{{}}} in {config}", settings.join(", ")),
        format!(
            "请在 {config} 中设置 \"setting\": {{{}}}",
            settings.join(", ")
        ),
    ))
}

impl Rule for CompressionOff {
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
                Some(s) => crate::syntax::json_edit::insert_members(
                    config,
                    text,
                    s,
                    &missing
                        .iter()
                        .map(|k| (*k, NewValue::Raw("true".into())))
                        .collect::<Vec<_>>(),
                ),
                None => crate::syntax::json_edit::insert_members(
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
        let mut unset: Vec<(&str, &str, &str)> = Vec::new();
        for &(key, what, item) in SWITCHES {
            // The private config overrides the shared one, key by key.
            let found = [
                (private, setting(private_cfg)),
                (config, setting(Some(project_cfg))),
            ]
            .into_iter()
            .find_map(|(file, s)| s?.member(key).map(|m| (file, m)));
            let Some((file, m)) = found else {
                unset.push((key, what, item));
                continue;
            };
            if m.value.as_bool() == Some(true) {
                continue;
            }
            out.push(
                switch_off(ctx, file, (key, what, item), &m.value)
                    // Set where it is set (the private config overrides the shared one).
                    .fix(Some(Edit::new(file, m.value.span, "true"))),
            );
        }
        if unset.is_empty() {
            return;
        }
        out.push(
            unset_switches(
                ctx,
                config,
                project_cfg.member("setting").map(|m| m.key_span),
                &unset,
            )
            .fix(add_missing()),
        );
    }
}
