//! MP303: a request or socket URL whose host is a LAN address (10/8, 172.16/12,
//! 192.168/16). LAN communication works only on the same network, never for users.

use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::url::{HostKind, Origin, Resolved, host_kind};
use crate::syntax::js::{Category, Site};

crate::declare_rule! {
    LanIpAddress, code: "MP303", name: "lan-ip-address", group: Network, severity: Warning,
    summary: ["A request URL points at a LAN IP address", "网络请求指向局域网 IP 地址"],
    needs: [Sites],
}

impl Rule for LanIpAddress {
    fn check_site(&self, _ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        // UDP and TCP sockets may talk to LAN devices by design.
        (!matches!(site.category, Category::Udp | Category::Tcp)
            && host_kind(&o.host) == HostKind::PrivateIp)
            .then(|| SiteFinding::Origin(String::new()))
    }

    fn origin_text(&self, ctx: &Ctx, _site: &Site, o: &Origin, calls: &str) -> OriginText {
        OriginText {
            message: ctx.t(
                format!(
                    "{} is a LAN address: it only works on the same network ({calls})",
                    o.text()
                ),
                format!(
                    "{} 是局域网地址：只能在同一局域网内访问（{calls}）",
                    o.text()
                ),
            ),
            label: ctx.t("LAN address".into(), "局域网地址".into()),
            help: ctx.t(
                "use your server's public HTTPS domain before release".into(),
                "发布前请改为服务器的公网 HTTPS 域名".into(),
            ),
        }
    }
}
