//! MP133: a `packOptions.ignore` / `include` rule whose `type` is not `folder`, `file`,
//! `suffix`, `prefix`, `regexp` or `glob`, or whose `regexp` value does not compile. Such a
//! rule silently matches nothing, so files you meant to leave out are uploaded.

use super::configs;
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidPackOptions, code: "MP133", name: "invalid-pack-options", group: Config, severity: Error,
    summary: ["A packOptions rule has an unknown type or an invalid regexp", "packOptions 规则的 type 无效或正则表达式错误"],
}

const TYPES: &[&str] = &["folder", "file", "suffix", "prefix", "regexp", "glob"];

/// The finding at rule `ptr`'s `type` `s`, which is not a rule type.
fn unknown_type(
    ctx: &Ctx,
    file: &str,
    ptr: &str,
    s: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
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
    .maybe_help(suggestion.map(|x| {
        ctx.t(
            format!("did you mean \"{x}\"?"),
            format!("是否应为 \"{x}\"？"),
        )
    }))
}

/// The finding at rule `ptr`'s `value`, which matches nothing (`message`: why, after the
/// pointer).
fn matches_nothing(file: &str, ptr: &str, span: Span, message: Text, label: Text) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        message.map(|_, m| format!("{ptr}[\"value\"] {m}")),
    )
    .label(label)
}

impl Rule for InvalidPackOptions {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        // The paths a regexp is tried on, as the upload set tries them (computed once).
        let in_root = std::sync::OnceLock::new();
        let paths = || -> Vec<&str> {
            in_root
                .get_or_init(|| {
                    p.files
                        .iter()
                        .filter_map(|f| f.path.strip_prefix(p.mp_root.as_str()))
                        .collect::<Vec<&str>>()
                })
                .clone()
        };
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
                        let suggestion = crate::analysis::schema::suggest(s, TYPES.iter().copied());
                        out.push(unknown_type(ctx, file, &ptr, s, t.span, suggestion));
                    }
                    let kind = ty.and_then(Json::as_str).map(str::to_ascii_lowercase);
                    let Some(v) = item.get("value") else { continue };
                    let Some(pattern) = v.as_str() else { continue };
                    // As the packer reads it (lower-cased; see `package::PackRule`).
                    let value = pattern.to_lowercase();
                    let problem = match kind.as_deref() {
                        Some("regexp") => regexp_problem(ctx, &value, &paths()),
                        Some("glob") if crate::base::glob::Minimatch::new(&value).over_budget() => {
                            Some((ctx.t(
                                format!(
                                    "is a glob beyond mpcheck's budget ({} levels of `{{`, {} bytes of patterns after brace expansion, {} bytes between two `/`); it matches nothing in the upload set",
                                    crate::base::glob::MAX_BRACE_DEPTH,
                                    crate::base::glob::MAX_EXPANDED_BYTES,
                                    crate::base::glob::MAX_SEGMENT_BYTES
                                ),
                                format!(
                                    "是超出 mpcheck 上限（{} 层 `{{`，展开后 {} 字节，两个 `/` 之间 {} 字节）的 glob；它在上传文件中不匹配任何文件",
                                    crate::base::glob::MAX_BRACE_DEPTH,
                                    crate::base::glob::MAX_EXPANDED_BYTES,
                                    crate::base::glob::MAX_SEGMENT_BYTES
                                ),
                            ), nothing(ctx)))
                        }
                        _ => None,
                    };
                    if let Some((message, label)) = problem {
                        out.push(matches_nothing(file, &ptr, v.span, message, label));
                    }
                }
            }
        }
    }
}

/// Why a `regexp` value (lower-cased) matches nothing: it does not compile, goes beyond a
/// compile budget, or runs past the backtracking budget on one of `paths`.
fn regexp_problem(ctx: &Ctx, value: &str, paths: &[&str]) -> Option<(Text, Text)> {
    use crate::analysis::package::{REGEXP_BACKTRACK_LIMIT, js_regexp, regexp_runaway};
    match js_regexp(value) {
        Err(e) if e.contains("size limit") || e.contains("refers to group") || e.contains("repetition counts") => Some((ctx.t(
            format!("is a regular expression beyond mpcheck's compile budget ({e}); it matches nothing in the upload set"),
            format!("是超出 mpcheck 编译上限的正则表达式（{e}）；它在上传文件中不匹配任何文件"),
        ), nothing(ctx))),
        Err(e) => Some((ctx.t(
            format!("is not a valid regular expression: {e}"),
            format!("不是合法的正则表达式：{e}"),
        ), ctx.t("invalid regexp".into(), "正则表达式错误".into()))),
        Ok(regex) => regexp_runaway(&regex, paths).map(|path| {
            (ctx.t(
                format!("is a regular expression that takes more than {REGEXP_BACKTRACK_LIMIT} backtracking steps on \"{path}\" (catastrophic backtracking; the packer's JavaScript RegExp backtracks the same way); mpcheck lets it match nothing in the upload set"),
                format!("是在 \"{path}\" 上回溯超过 {REGEXP_BACKTRACK_LIMIT} 步的正则表达式（灾难性回溯，打包工具的 JavaScript RegExp 同样会回溯）；mpcheck 视其在上传文件中不匹配任何文件"),
            ), nothing(ctx))
        }),
    }
}

fn nothing(ctx: &Ctx) -> Text {
    ctx.t("matches nothing".into(), "不匹配任何文件".into())
}
