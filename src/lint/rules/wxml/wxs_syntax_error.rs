//! MP330: WXS code the official compiler rejects: a syntax error, ES6 syntax (WXS is ES5
//! only), or one of the ES5 constructs `wcc` does not support (`new`, `this`, regular
//! expression literals, `try`, `for…in`, …). Both `.wxs` files and inline `<wxs>` modules.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::SyntaxError;

crate::declare_rule! {
    WxsSyntaxError, code: "MP330", name: "wxs-syntax-error", group: Wxml, severity: Error,
    summary: ["WXS code the WXML compiler rejects (syntax error or unsupported syntax)", "WXML 编译器不接受的 WXS 代码（语法错误或不支持的语法）"],
}

/// The finding at a WXS syntax error `e` (of an inline `<wxs>` when `inline`).
fn syntax_error(ctx: &Ctx, path: &str, e: &SyntaxError, inline: bool) -> Diagnostic {
    let message = if inline {
        ctx.t(
            format!("inline <wxs>: {}", e.message.en()),
            format!("内联 <wxs>：{}", e.message.zh()),
        )
    } else {
        e.message.clone()
    };
    Diagnostic::new(&META, path, Some(e.span), message)
        .label(ctx.t("not WXS".into(), "不是合法的 WXS".into()))
        .help(ctx.t(
            "WXS is compiled by wcc, which accepts a subset of ES5: var, function, literals, if/for/while/switch; see https://developers.weixin.qq.com/miniprogram/dev/reference/wxs/".into(),
            "WXS 由 wcc 编译，只支持 ES5 的子集：var、function、字面量、if/for/while/switch；参见 https://developers.weixin.qq.com/miniprogram/dev/reference/wxs/".into(),
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
            format!("{n} more WXS errors after this one are not listed (only the first {max} of a module are)"),
            format!("此后还有 {n} 个 WXS 错误未列出（每个模块只列出前 {max} 个）"),
        ),
    )
}

impl Rule for WxsSyntaxError {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (path, module) in ctx.project.wxs() {
            let inline = !path.ends_with(".wxs");
            for e in &module.errors {
                out.push(syntax_error(ctx, path, e, inline));
            }
            if let (Some(last), n @ 1..) = (module.errors.last(), module.errors_omitted) {
                out.push(more_errors(ctx, path, last.span, n));
            }
        }
    }
}
