//! MP304: a URL whose host is whitelisted but whose port is not: for request, upload and
//! download domains the port must match the entry exactly (no port in the entry means none in
//! the URL, not even `:443`); business (web-view) domains take no port at all. Socket domains
//! allow any port.

use super::secure_scheme;
use crate::analysis::domains::{Whitelist, port_allowed};
use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::Site;
use crate::syntax::js::url::{Origin, Resolved};

crate::declare_rule! {
    PortNotAllowed, code: "MP304", name: "port-not-allowed", group: Network, severity: Error,
    summary: ["A URL's port differs from the whitelisted domain's", "URL 的端口与合法域名配置的端口不一致"],
    needs: [Sites],
}

/// The whitelist entries for the site's host, when its port is not allowed.
fn refused<'w>(list: &'w Whitelist, site: &Site, o: &Origin) -> Option<Vec<&'w str>> {
    if secure_scheme(site.category).is_some_and(|s| s != o.scheme) {
        return None;
    }
    let entries = list.host_entries(site.category, o);
    (!entries.is_empty() && !port_allowed(site.category, o, &entries))
        .then(|| entries.iter().map(|e| e.raw.as_str()).collect())
}

impl Rule for PortNotAllowed {
    fn check_site(&self, ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let list = ctx.analysis.whitelist.as_ref()?;
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        refused(list, site, o)?;
        Some(SiteFinding::Origin(site.category.key().to_string()))
    }

    fn origin_text(&self, ctx: &Ctx, site: &Site, o: &Origin, calls: &str) -> OriginText {
        let configured = ctx
            .analysis
            .whitelist
            .as_ref()
            .and_then(|list| refused(list, site, o))
            .unwrap_or_default();
        let message = match o.port {
            Some(p) => ctx.t(
                format!(
                    "{}: port {p} is not allowed for {calls} (whitelisted: {})",
                    o.text(),
                    configured.join(", ")
                ),
                format!(
                    "{}：{calls} 不允许使用端口 {p}（已配置：{}）",
                    o.text(),
                    configured.join("、")
                ),
            ),
            None => ctx.t(
                format!(
                    "{} has no port but the whitelisted domain has one ({})",
                    o.text(),
                    configured.join(", ")
                ),
                format!(
                    "{} 未带端口，但合法域名配置了端口（{}）",
                    o.text(),
                    configured.join("、")
                ),
            ),
        };
        OriginText {
                message,
                label: ctx.t("port".into(), "端口".into()),
                help: ctx.t(
                    "the port must match the whitelist entry exactly; without a configured port the URL may not carry one, not even :443".into(),
                    "端口必须与合法域名配置完全一致；未配置端口时 URL 不能带端口（包括 :443）".into(),
                ),
            }
    }
}
