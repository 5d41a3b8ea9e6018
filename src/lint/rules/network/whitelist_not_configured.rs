//! MP307: the project makes network calls but no domain whitelist is configured, so the
//! whitelist rule was skipped. Reported once.

use super::known;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Site;

crate::declare_rule! {
    WhitelistNotConfigured, code: "MP307", name: "whitelist-not-configured", group: Network, severity: Info,
    summary: ["No domain whitelist is configured: request domains were not checked", "未配置合法域名列表：未检查请求域名"],
    needs: [Sites],
}

/// The finding at the `first` of `n` network sites, with no whitelist to check them against.
fn not_configured(ctx: &Ctx, first: &Site, n: usize) -> Diagnostic {
    Diagnostic::new(
        &META,
        &first.file,
        Some(first.span),
        ctx.t(
            format!("no domain whitelist configured: {} network URL{} not checked against it", n, if n == 1 { " was" } else { "s were" }),
            format!("未配置合法域名列表：{} 个网络请求 URL 未做白名单检查", n),
        ),
    )
    .help(ctx.t(
        "add \"domains\": {\"request\": [\"https://api.example.com\"], ...} to mpcheck.json, or pass --domains FILE (the server-domain API's JSON works as is)".into(),
        "请在 mpcheck.json 中添加 \"domains\": {\"request\": [\"https://api.example.com\"], ...}，或使用 --domains FILE（可直接使用服务器域名接口返回的 JSON）".into(),
    ))
}

impl Rule for WhitelistNotConfigured {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.whitelist.is_some() {
            return;
        }
        let sites: Vec<_> = known(ctx.analysis).collect();
        let Some((first, _)) = sites.first() else {
            return;
        };
        out.push(not_configured(ctx, first, sites.len()));
    }
}
