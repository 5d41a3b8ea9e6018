//! MP134: `setting.urlCheck` is false: DevTools stops checking request domains, web-view
//! domains, TLS versions and HTTPS certificates, so a request to a host missing from the
//! whitelist works locally and fails on every phone.

use super::configs;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    UrlCheckDisabled, code: "MP134", name: "url-check-disabled", group: Config, severity: Info,
    summary: ["setting.urlCheck is off: DevTools does not check request domains", "setting.urlCheck 已关闭：开发者工具不校验合法域名"],
}

/// The finding at `urlCheck: false`.
fn check_off(ctx: &Ctx, file: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            "urlCheck is false: DevTools does not check legal domains, web-view (business) domains, TLS versions or HTTPS certificates".into(),
            "urlCheck 为 false：不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书".into(),
        ),
    )
    .label(ctx.t("domain check off".into(), "域名校验已关闭".into()))
    .help(ctx.t(
        "requests to hosts outside the server-domain whitelist will work here and fail on phones; configure the whitelist for mpcheck's domain rules".into(),
        "不在服务器域名白名单中的请求在这里能成功，但在手机上会失败；请为 mpcheck 的域名规则配置白名单".into(),
    ))
}

impl Rule for UrlCheckDisabled {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, cfg) in configs(ctx) {
            let Some(v) = cfg.get("setting").and_then(|s| s.get("urlCheck")) else {
                continue;
            };
            if v.as_bool() != Some(false) {
                continue;
            }
            out.push(check_off(ctx, file, v.span));
        }
    }
}
