//! MP308: an entry of the configured domain whitelist that the platform would not accept: not
//! `scheme://host[:port]`, the wrong scheme for its category, a wildcard, an IP address or
//! localhost, `api.weixin.qq.com`, or more entries than the category allows.

use crate::analysis::domains::ListProblem;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidWhitelistEntry, code: "MP308", name: "invalid-whitelist-entry", group: Network, severity: Warning,
    summary: ["A configured whitelist entry is not a valid server domain", "配置的合法域名格式无效"],
}

/// The finding at an entry of the whitelist in `file` that the platform would not accept.
fn invalid_entry(ctx: &Ctx, file: &str, p: &ListProblem) -> Diagnostic {
    Diagnostic::new(&META, file, Some(p.span), p.message.clone())
        .label(ctx.t("invalid entry".into(), "无效的配置".into()))
}

impl Rule for InvalidWhitelistEntry {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(list) = &ctx.analysis.whitelist else {
            return;
        };
        for p in &list.problems {
            out.push(invalid_entry(ctx, &list.file, p));
        }
    }
}
