//! MP133: a `packOptions.ignore` / `include` rule whose `type` is not `folder`, `file`,
//! `suffix`, `prefix`, `regexp` or `glob`, or whose `regexp` value does not compile. Such a
//! rule silently matches nothing, so files you meant to leave out are uploaded.

use super::configs;
use crate::diagnostic::Diagnostic;
use crate::json::Json;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP133",
    "invalid-pack-options",
    Config,
    Error,
    "A packOptions rule has an unknown type or an invalid regexp",
    "packOptions 规则的 type 无效或正则表达式错误"
);

const TYPES: &[&str] = &["folder", "file", "suffix", "prefix", "regexp", "glob"];

pub struct InvalidPackOptions;

impl Rule for InvalidPackOptions {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, cfg) in configs(ctx) {
            let Some(pack) = cfg.get("packOptions") else {
                continue;
            };
            for list in ["ignore", "include"] {
                for (i, item) in pack
                    .get(list)
                    .and_then(Json::as_array)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    let ptr = format!("[\"packOptions\"][\"{list}\"][{i}]");
                    let ty = item.get("type");
                    if let Some(t) = ty
                        && let Some(s) = t.as_str()
                        && !TYPES.contains(&s.to_ascii_lowercase().as_str())
                    {
                        out.push(
                            Diagnostic::new(
                                &META,
                                file,
                                Some(t.span),
                                ctx.t(
                                    format!(
                                        "{ptr}[\"type\"] \"{s}\" must be one of \"{}\"",
                                        TYPES.join("\", \"")
                                    ),
                                    format!(
                                        "{ptr}[\"type\"] \"{s}\" 需为 \"{}\" 之一",
                                        TYPES.join("\"、\"")
                                    ),
                                ),
                            )
                            .label(ctx.t("unknown rule type".into(), "未知的规则类型".into()))
                            .maybe_help(
                                crate::schema::suggest(s, TYPES.iter().copied()).map(|x| {
                                    ctx.t(
                                        format!("did you mean \"{x}\"?"),
                                        format!("是否应为 \"{x}\"？"),
                                    )
                                }),
                            ),
                        );
                    }
                    let is_regexp = ty
                        .and_then(Json::as_str)
                        .is_some_and(|s| s.eq_ignore_ascii_case("regexp"));
                    if is_regexp
                        && let Some(v) = item.get("value")
                        && let Some(pattern) = v.as_str()
                        && let Err(e) = fancy_regex::Regex::new(pattern)
                    {
                        let first = e
                            .to_string()
                            .lines()
                            .last()
                            .unwrap_or("")
                            .trim()
                            .to_string();
                        out.push(
                            Diagnostic::new(
                                &META,
                                file,
                                Some(v.span),
                                ctx.t(
                                    format!("{ptr}[\"value\"] is not a valid regular expression: {first}"),
                                    format!("{ptr}[\"value\"] 不是合法的正则表达式：{first}"),
                                ),
                            )
                            .label(ctx.t("invalid regexp".into(), "正则表达式错误".into())),
                        );
                    }
                }
            }
        }
    }
}
