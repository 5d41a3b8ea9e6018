//! MP306 (off by default): a network call whose URL origin is not statically known (it comes
//! from a parameter, a runtime value, another package), so it cannot be checked against the
//! whitelist. Enable it to see which call sites mpcheck could not check.

use super::api_name;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule, SiteFinding};
use crate::syntax::js::Site;
use crate::syntax::js::url::Resolved;

crate::declare_rule! {
    UnresolvedUrl, code: "MP306", name: "unresolved-url", group: Network, severity: Info,
    summary: ["A request URL's origin is not statically known (not checked)", "请求 URL 的域名无法静态确定（未检查）"],
    needs: [Sites],
    off_by_default: true,
}

/// The finding at a call whose URL depends on `what`; `prefix` is the part that is known.
fn unresolved(ctx: &Ctx, site: &Site, what: &str, prefix: &str) -> Diagnostic {
    let known = if prefix.is_empty() {
        String::new()
    } else {
        format!(" (known part: \"{prefix}\")")
    };
    Diagnostic::new(
        &META,
        &site.file,
        Some(site.span),
        ctx.t(
            format!(
                "the URL of {} is not statically known: it depends on `{what}`{known}",
                api_name(site)
            ),
            format!("{} 的 URL 无法静态确定：取决于 `{what}`", api_name(site)),
        ),
    )
    .label(ctx.t("not checked".into(), "未检查".into()))
}

impl Rule for UnresolvedUrl {
    fn check_site(&self, ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let Resolved::Unknown { prefix, holes } = &site.origin else {
            return None;
        };
        let what = holes.first().unwrap_or(prefix);
        Some(SiteFinding::AtCall(unresolved(ctx, site, what, prefix)))
    }
}
