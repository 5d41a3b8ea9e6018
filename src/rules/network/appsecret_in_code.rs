//! MP309: a 32-hex-digit string assigned to a name containing `secret` (`appSecret`,
//! `APP_SECRET`, `secret:`): the shape of the mini program's AppSecret, which must never ship
//! in client code.

use crate::diagnostic::Diagnostic;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP309",
    "appsecret-in-code",
    Network,
    Error,
    "An AppSecret-looking string is in client code",
    "代码中包含疑似 AppSecret 的字符串"
);

pub struct AppsecretInCode;

impl Rule for AppsecretInCode {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let mut paths: Vec<&String> = ctx.project.modules.keys().collect();
        paths.sort();
        for path in paths {
            for s in &ctx.project.modules[path].secrets {
                out.push(
                    Diagnostic::new(
                        &META,
                        path,
                        Some(s.span),
                        ctx.t(
                            format!("\"{}\" holds what looks like an AppSecret", s.key),
                            format!("\"{}\" 的值疑似 AppSecret", s.key),
                        ),
                    )
                    .label(ctx.t("secret in the package".into(), "密钥在代码包中".into()))
                    .help(ctx.t(
                        "anyone can unpack a mini program: move the secret to your server, and reset it in the admin console (开发管理 → 开发设置) since it has leaked".into(),
                        "小程序代码包可被解包：请将密钥移到服务器端，并在管理后台“开发管理 → 开发设置”中重置已泄露的 AppSecret".into(),
                    )),
                );
            }
        }
    }
}
