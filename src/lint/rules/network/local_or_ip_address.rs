//! MP302: a network URL whose host is `localhost`, a loopback address or a public IP address.
//! The whitelist only takes domain names, so these never work on phones.

use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::Site;
use crate::syntax::js::url::{HostKind, Origin, Resolved, host_kind};

crate::declare_rule! {
    LocalOrIpAddress, code: "MP302", name: "local-or-ip-address", group: Network, severity: Error,
    summary: ["A network URL points at localhost or an IP address", "网络请求指向 localhost 或 IP 地址"],
    needs: [Sites],
}

impl Rule for LocalOrIpAddress {
    fn check_site(&self, _ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        matches!(host_kind(&o.host), HostKind::Localhost | HostKind::PublicIp)
            .then(|| SiteFinding::Origin(String::new()))
    }

    fn origin_text(&self, ctx: &Ctx, _site: &Site, o: &Origin, calls: &str) -> OriginText {
        let message = if host_kind(&o.host) == HostKind::Localhost {
            ctx.t(
                format!(
                    "Cannot send network request to localhost: {} ({calls})",
                    o.text()
                ),
                format!("不能向 localhost 发送网络请求：{}（{calls}）", o.text()),
            )
        } else {
            ctx.t(
                format!(
                    "{} uses an IP address; only domain names can be whitelisted ({calls})",
                    o.text()
                ),
                format!(
                    "{} 使用了 IP 地址；合法域名只能配置域名（{calls}）",
                    o.text()
                ),
            )
        };
        OriginText {
            message,
            label: ctx.t("not a domain".into(), "不是域名".into()),
            help: ctx.t(
                "point the app at your server's public HTTPS domain (an ICP-filed domain in the whitelist); keep the local address for DevTools only".into(),
                "请使用服务器已备案并配置在白名单中的 HTTPS 域名；本地地址仅用于开发者工具调试".into(),
            ),
        }
    }
}
