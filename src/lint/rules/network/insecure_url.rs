//! MP301: a request, upload, download or web-view URL over `http://`, or a socket over
//! `ws://`. Only `https://` and `wss://` work on phones.

use super::secure_scheme;
use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::Site;
use crate::syntax::js::url::{Origin, Resolved};

crate::declare_rule! {
    InsecureUrl, code: "MP301", name: "insecure-url", group: Network, severity: Error,
    summary: ["A network URL uses http:// or ws:// instead of https:// or wss://", "网络请求使用了 http:// 或 ws://，需使用 https:// 或 wss://"],
    needs: [Sites],
}

impl Rule for InsecureUrl {
    fn check_site(&self, _ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        let required = secure_scheme(site.category)?;
        (o.scheme != required).then(|| SiteFinding::Origin(required.to_string()))
    }

    fn origin_text(&self, ctx: &Ctx, site: &Site, o: &Origin, calls: &str) -> OriginText {
        let required = secure_scheme(site.category).unwrap_or("https");
        OriginText {
            message: ctx.t(
                format!("{} uses {}://, but {required}:// is required ({calls})", o.text(), o.scheme),
                format!("{} 使用了 {}:// 协议，但必须使用 {required}://（{calls}）", o.text(), o.scheme),
            ),
            label: format!("{}://", o.scheme).into(),
            help: ctx.t(
                format!("serve the API over {required}:// with a valid certificate; {}:// only works in DevTools with the domain check off", o.scheme),
                format!("请通过 {required}:// 提供服务并使用有效证书；{}:// 只在开发者工具关闭域名校验时可用", o.scheme),
            ),
        }
    }
}
