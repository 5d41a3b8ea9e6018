//! MP303: a request or socket URL whose host is a LAN address (10/8, 172.16/12,
//! 192.168/16). LAN communication works only on the same network, never for users.

use super::{api_name, at_site, known};
use crate::diagnostic::Diagnostic;
use crate::js::Category;
use crate::js::url::{HostKind, host_kind};
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP303",
    "lan-ip-address",
    Network,
    Warning,
    "A request URL points at a LAN IP address",
    "网络请求指向局域网 IP 地址"
);

pub struct LanIpAddress;

impl Rule for LanIpAddress {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (site, o) in known(ctx) {
            // UDP and TCP sockets may talk to LAN devices by design.
            if matches!(site.category, Category::Udp | Category::Tcp)
                || host_kind(&o.host) != HostKind::PrivateIp
            {
                continue;
            }
            out.push(
                at_site(
                    ctx,
                    &META,
                    site,
                    ctx.t(
                        format!(
                            "{} is a LAN address: it only works on the same network ({})",
                            o.text(),
                            api_name(site)
                        ),
                        format!(
                            "{} 是局域网地址：只能在同一局域网内访问（{}）",
                            o.text(),
                            api_name(site)
                        ),
                    ),
                )
                .label(ctx.t("LAN address".into(), "局域网地址".into()))
                .help(ctx.t(
                    "use your server's public HTTPS domain before release".into(),
                    "发布前请改为服务器的公网 HTTPS 域名".into(),
                )),
            );
        }
    }
}
