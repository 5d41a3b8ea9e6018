//! MP006: a JS/TS, WXS or WXML file mpcheck could not analyse, in full or in part: a JS/TS
//! syntax error (the parser's first message; what it recovered is still checked), a binary
//! file with a code extension, or code nested deeper than mpcheck's limit (oxc's parser
//! recurses once per level: deeper input is reported here instead of crashing the check).
//! WXML and WXS syntax errors are MP320 and MP330's.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::{Module, Unanalysed};
use crate::syntax::wxml::Document;

crate::declare_rule! {
    CodeNotAnalysed, code: "MP006", name: "code-not-analysed", group: Json, severity: Error,
    summary: ["A code file could not be parsed or is too deep to analyse; checks of its contents are incomplete", "代码文件无法解析或嵌套过深，对其内容的检查不完整"],
    hooks: [Wxml, Module],
}

/// The finding at a file mpcheck could not analyse (`problem` says why).
fn not_analysed(ctx: &Ctx, path: &str, problem: &Unanalysed) -> Diagnostic {
    let (message, label, help) = match problem {
        Unanalysed::Syntax { message, .. } => (
            ctx.t(
                format!("syntax error: {message}"),
                format!("语法错误：{message}"),
            ),
            ctx.t("here".into(), "此处".into()),
            ctx.t(
                "the DevTools compile fails on it; mpcheck checks only what the parser recovered (network calls, handlers, requires after the error may be missed)".into(),
                "开发者工具编译会失败；mpcheck 只检查解析器恢复出的部分（错误之后的网络请求、事件处理函数、require 可能被漏掉）".into(),
            ),
        ),
        Unanalysed::Binary { .. } => (
            ctx.t(
                "binary content (a NUL byte) in a code file: not analysed".into(),
                "代码文件中含有二进制内容（NUL 字节），未做分析".into(),
            ),
            ctx.t("NUL byte".into(), "NUL 字节".into()),
            ctx.t(
                "a code file must be text; rename or remove the file, the compiler cannot take it".into(),
                "代码文件必须是文本；请重命名或删除该文件，编译器无法处理它".into(),
            ),
        ),
        Unanalysed::TooDeep { limit, .. } => (
            ctx.t(
                format!("nested more than {limit} levels deep: too deep to analyse"),
                format!("嵌套超过 {limit} 层，过深，无法分析"),
            ),
            ctx.t("too deep".into(), "嵌套过深".into()),
            ctx.t(
                "mpcheck does not check code nested this deep (its parser would run out of stack); flatten the nesting, or exclude the file if it is generated".into(),
                "mpcheck 不检查嵌套这么深的代码（解析器会耗尽栈空间）；请减少嵌套，若是生成的文件可将其排除".into(),
            ),
        ),
    };
    Diagnostic::new(&META, path, Some(problem.span()), message)
        .label(label)
        .help(help)
}

impl Rule for CodeNotAnalysed {
    fn check_module(&self, ctx: &Ctx, module: &Module, out: &mut Vec<Diagnostic>) {
        if let Some(problem) = &module.unanalysed {
            out.push(not_analysed(ctx, &module.path, problem));
        }
    }

    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        if let Some(problem) = &doc.unanalysed {
            out.push(not_analysed(ctx, path, problem));
        }
    }

    /// The WXS modules.
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (path, m) in ctx.project.wxs() {
            if let Some(problem) = &m.unanalysed {
                out.push(not_analysed(ctx, path, problem));
            }
        }
    }
}
