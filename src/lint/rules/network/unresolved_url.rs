//! MP306 (off by default): a network call whose URL origin is not statically known (it comes
//! from a parameter, a runtime value, another package), so it cannot be checked against the
//! whitelist. Enable it to see which call sites mpcheck could not check.

use super::{api_name, at_site};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::url::Resolved;

crate::declare_rule! {
    UnresolvedUrl, code: "MP306", name: "unresolved-url", group: Network, severity: Info,
    summary: ["A request URL's origin is not statically known (not checked)", "请求 URL 的域名无法静态确定（未检查）"],
    needs: [Sites],
    off_by_default: true,
}

impl Rule for UnresolvedUrl {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for site in super::sites(ctx.analysis) {
            let Resolved::Unknown { prefix, holes } = &site.origin else {
                continue;
            };
            let what = holes.first().cloned().unwrap_or_else(|| prefix.clone());
            let known = if prefix.is_empty() {
                String::new()
            } else {
                format!(" (known part: \"{prefix}\")")
            };
            out.push(
                at_site(
                    ctx,
                    &META,
                    site,
                    ctx.t(
                        format!(
                            "the URL of {} is not statically known: it depends on `{what}`{known}",
                            api_name(site)
                        ),
                        format!("{} 的 URL 无法静态确定：取决于 `{what}`", api_name(site)),
                    ),
                )
                .label(ctx.t("not checked".into(), "未检查".into())),
            );
        }
    }
}
