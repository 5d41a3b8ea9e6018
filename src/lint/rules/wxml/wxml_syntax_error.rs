//! MP320: a WXML syntax error: a tag that is never closed, an end tag that closes the wrong
//! element or none, a `{{` without `}}`, a `{{ }}` that is not an expression, an attribute
//! value without its closing quote. The official compile step does not parse WXML; the WXML
//! compiler (`wcc`) then fails, or the page breaks at run time.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::{Document, SyntaxError};

crate::declare_rule! {
    WxmlSyntaxError, code: "MP320", name: "wxml-syntax-error", group: Wxml, severity: Error,
    summary: ["A WXML template has a syntax error", "WXML 模板存在语法错误"],
    hooks: [Wxml],
}

/// The finding at a WXML syntax error `e`.
fn syntax_error(ctx: &Ctx, path: &str, e: &SyntaxError) -> Diagnostic {
    Diagnostic::new(&META, path, Some(e.span), e.message.clone())
        .label(ctx.t("here".into(), "此处".into()))
        .help(ctx.t(
            "the WXML compiler (wcc) rejects this template; fix the markup before upload".into(),
            "WXML 编译器（wcc）会拒绝该模板，请在上传前修正".into(),
        ))
}

/// The finding at the last listed error (at `span`): `n` more are not listed.
fn more_errors(ctx: &Ctx, path: &str, span: Span, n: usize) -> Diagnostic {
    let max = crate::syntax::wxml::MAX_ERRORS;
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{n} more syntax errors after this one are not listed (only the first {max} of a file are)"),
            format!("此后还有 {n} 个语法错误未列出（每个文件只列出前 {max} 个）"),
        ),
    )
    .help(ctx.t(
        "fix the errors above first; wcc stops at the first one".into(),
        "请先修正上面的错误；wcc 遇到第一个错误即停止".into(),
    ))
}

impl Rule for WxmlSyntaxError {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        for e in &doc.errors {
            out.push(syntax_error(ctx, path, e));
        }
        if let (Some(last), n @ 1..) = (doc.errors.last(), doc.errors_omitted) {
            out.push(more_errors(ctx, path, last.span, n));
        }
    }
}
