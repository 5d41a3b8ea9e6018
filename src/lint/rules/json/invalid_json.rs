//! MP001: a JSON file the toolchain reads as configuration (app.json, page and component json,
//! project config, sitemap, theme, ext, plugin) is empty, not UTF-8, not valid JSON, or starts
//! with a byte-order mark (which the official toolchain's `JSON.parse` rejects). Other JSON
//! files are MP005's.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule, RuleMeta};
use crate::project::{JsonProblem, ProjectFile};
use crate::syntax::json::ParseError;

crate::declare_rule! {
    InvalidJson, code: "MP001", name: "invalid-json", group: Json, severity: Error,
    summary: ["A JSON file is empty, not UTF-8, or not valid JSON", "JSON 文件为空、不是 UTF-8 编码或不是合法的 JSON"],
    needs: [Schemas],
    hooks: [File],
}

/// The finding at a JSON file that starts with a byte-order mark, under `meta`.
fn bom(meta: &'static RuleMeta, ctx: &Ctx, path: &str) -> Diagnostic {
    Diagnostic::new(
        meta,
        path,
        Some(Span::new(0, 0)),
        ctx.t(
            "invalid JSON: the file starts with a byte-order mark (BOM)".into(),
            "JSON 格式错误：文件以字节顺序标记（BOM）开头".into(),
        ),
    )
    .label(ctx.t("BOM here".into(), "此处有 BOM".into()))
    .help(ctx.t(
        "save the file as UTF-8 without BOM; the official compiler rejects it with `Unexpected token`".into(),
        "请保存为不带 BOM 的 UTF-8；官方编译器会报 `Unexpected token` 错误".into(),
    ))
}

/// The finding at an empty JSON file, under `meta`.
fn empty(meta: &'static RuleMeta, ctx: &Ctx, path: &str) -> Diagnostic {
    Diagnostic::new(
        meta,
        path,
        None,
        ctx.t(
            "empty file is not a valid JSON file".into(),
            "空文件不是合法的 JSON 文件".into(),
        ),
    )
    .help(ctx.t(
        "a file with no settings must still contain `{}`".into(),
        "没有任何配置的 JSON 文件也需要写成 `{}`".into(),
    ))
}

/// The finding at the first byte (at `offset`) of a JSON file that is not UTF-8, under `meta`.
fn not_utf8(meta: &'static RuleMeta, ctx: &Ctx, path: &str, offset: usize) -> Diagnostic {
    Diagnostic::new(
        meta,
        path,
        Some(Span::new(offset, offset + 1)),
        ctx.t(
            format!("{path} file is not in UTF-8 encoding"),
            format!("{path} 文件不是 UTF-8 格式"),
        ),
    )
    .label(ctx.t(
        "first byte that is not UTF-8".into(),
        "第一个非 UTF-8 字节".into(),
    ))
    .help(ctx.t(
        "re-save the file as UTF-8 (GBK and other encodings are rejected at compile time)".into(),
        "请将文件另存为 UTF-8 编码（GBK 等编码在编译时会被拒绝）".into(),
    ))
}

/// The finding at a JSON syntax error `e`, under `meta`.
fn syntax_error(meta: &'static RuleMeta, ctx: &Ctx, path: &str, e: &ParseError) -> Diagnostic {
    let help = if e.message.en().contains("trailing comma") {
        Some(ctx.t("remove the comma".into(), "删除这个逗号".into()))
    } else if e.message.en().contains("comments") {
        Some(ctx.t(
            "JSON has no comments: remove it, or move the note to a README".into(),
            "JSON 不支持注释：请删除注释".into(),
        ))
    } else {
        None
    };
    Diagnostic::new(
        meta,
        path,
        Some(Span::new(e.offset, e.offset + e.len)),
        e.message.map(|lang, m| match lang {
            crate::base::i18n::Lang::En => format!("invalid JSON: {m}"),
            crate::base::i18n::Lang::Zh => format!("JSON 格式错误：{m}"),
        }),
    )
    .maybe_help(help)
}

impl Rule for InvalidJson {
    fn check_file(&self, ctx: &Ctx, file: &ProjectFile, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.role(&file.path).is_some() {
            json_problems(&META, ctx, file, out);
        }
    }
}

/// Empty, not UTF-8, BOM, syntax: the findings for one JSON file, under `meta`.
pub(crate) fn json_problems(
    meta: &'static RuleMeta,
    ctx: &Ctx,
    file: &ProjectFile,
    out: &mut Vec<Diagnostic>,
) {
    {
        let Some(doc) = &file.json else { return };
        if doc.had_bom {
            // JSON.parse in the official toolchain fails on it ("Unexpected token"); the rest
            // of the file is still checked.
            out.push(bom(meta, ctx, &file.path));
        }
        let Err(problem) = &doc.value else { return };
        let path = &file.path;
        let d = match problem {
            JsonProblem::Empty => empty(meta, ctx, path),
            JsonProblem::NotUtf8 { offset } => not_utf8(meta, ctx, path, *offset),
            JsonProblem::Syntax(e) => syntax_error(meta, ctx, path, e),
            // Files that cannot be read at all are MP002's.
            JsonProblem::Unreadable(_) => return,
        };
        out.push(d);
    }
}
