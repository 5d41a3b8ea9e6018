//! MP303: a request or socket URL whose host is a LAN address (10/8, 172.16/12,
//! 192.168/16). LAN communication works only on the same network, never for users.

use super::{Text, by_cause, known};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Category;
use crate::syntax::js::url::{HostKind, host_kind};

crate::declare_rule! {
    LanIpAddress, code: "MP303", name: "lan-ip-address", group: Network, severity: Warning,
    summary: ["A request URL points at a LAN IP address", "网络请求指向局域网 IP 地址"],
    needs: [Sites],
}

impl Rule for LanIpAddress {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // UDP and TCP sockets may talk to LAN devices by design.
        let hits = known(ctx.analysis)
            .filter(|(site, o)| {
                !matches!(site.category, Category::Udp | Category::Tcp)
                    && host_kind(&o.host) == HostKind::PrivateIp
            })
            .map(|(site, _)| (site, String::new()))
            .collect();
        by_cause(ctx, &META, hits, out, |_, o, calls| Text {
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
        });
    }
}
