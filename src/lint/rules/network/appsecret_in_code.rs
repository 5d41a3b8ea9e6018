//! MP309: a 32-hex-digit string assigned to a name containing `secret` (`appSecret`,
//! `APP_SECRET`, `secret:`) in JS/TS, written after `secret=` in a URL in a JS/TS string, or
//! the value of such a key in an uploaded JSON file: the shape of the mini program's
//! AppSecret, which must never ship in client code.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;
use crate::syntax::json::{Json, JsonKind};

/// JSON nesting followed at most this deep.
const MAX_DEPTH: usize = 64;

/// Members whose key contains `secret` and whose value is a 32-hex-digit string.
fn json_secrets(v: &Json, depth: usize, found: &mut impl FnMut(&str, Span)) {
    if depth > MAX_DEPTH {
        return;
    }
    match &v.kind {
        JsonKind::Object(members) => {
            for m in members {
                if crate::base::ascii::contains_ignore_case(&m.key, "secret")
                    && m.value
                        .as_str()
                        .is_some_and(crate::syntax::js::extract::looks_like_secret)
                {
                    found(&m.key, m.value.span);
                }
                json_secrets(&m.value, depth + 1, found);
            }
        }
        JsonKind::Array(items) => {
            for i in items {
                json_secrets(i, depth + 1, found);
            }
        }
        _ => {}
    }
}

crate::declare_rule! {
    AppsecretInCode, code: "MP309", name: "appsecret-in-code", group: Network, severity: Error,
    summary: ["An AppSecret-looking string is in client code", "代码中包含疑似 AppSecret 的字符串"],
    needs: [Upload],
    hooks: [Module],
}

/// The finding at the value of `key` in `path`.
fn secret_in_package(ctx: &Ctx, path: &str, key: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("\"{key}\" holds what looks like an AppSecret"),
            format!("\"{key}\" 的值疑似 AppSecret"),
        ),
    )
    .label(ctx.t("secret in the package".into(), "密钥在代码包中".into()))
    .help(ctx.t(
        "anyone can unpack a mini program: move the secret to your server, and reset it in the admin console (开发管理 → 开发设置) since it has leaked".into(),
        "小程序代码包可被解包：请将密钥移到服务器端，并在管理后台“开发管理 → 开发设置”中重置已泄露的 AppSecret".into(),
    ))
}

impl Rule for AppsecretInCode {
    fn check_module(&self, ctx: &Ctx, module: &Module, out: &mut Vec<Diagnostic>) {
        for s in &module.secrets {
            out.push(secret_in_package(ctx, &module.path, &s.key, s.span));
        }
    }

    /// The uploaded JSON files.
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for f in &ctx.analysis.upload().files {
            if let Some(v) = ctx.project.json(&f.path).and_then(|d| d.value()) {
                json_secrets(v, 0, &mut |key, span| {
                    out.push(secret_in_package(ctx, &f.path, key, span))
                });
            }
        }
    }
}
