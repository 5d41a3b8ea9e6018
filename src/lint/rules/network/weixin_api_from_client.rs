//! MP305: client code calls `api.weixin.qq.com`. That host can never be whitelisted, and its
//! APIs need the AppSecret or access_token, which must stay on your server.

use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::Site;
use crate::syntax::js::url::{Origin, Resolved};

crate::declare_rule! {
    WeixinApiFromClient, code: "MP305", name: "weixin-api-from-client", group: Network, severity: Error,
    summary: ["Client code calls api.weixin.qq.com, which only servers may call", "小程序端直接调用了 api.weixin.qq.com（只能由服务器调用）"],
    needs: [Sites],
}

impl Rule for WeixinApiFromClient {
    fn check_site(&self, _ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        (o.host == "api.weixin.qq.com").then(|| SiteFinding::Origin(String::new()))
    }

    fn origin_text(&self, ctx: &Ctx, _site: &Site, _o: &Origin, calls: &str) -> OriginText {
        OriginText {
            message: ctx.t(
                format!("api.weixin.qq.com is called from the client ({calls})"),
                format!("在小程序端调用了 api.weixin.qq.com（{calls}）"),
            ),
            label: ctx.t("server-only API".into(), "仅限服务器调用".into()),
            help: ctx.t(
                "api.weixin.qq.com cannot be whitelisted and needs the AppSecret: call it from your server (e.g. code2Session after wx.login)".into(),
                "api.weixin.qq.com 不能配置为合法域名且需要 AppSecret：请在服务器端调用（例如 wx.login 后由服务器调用 code2Session）".into(),
            ),
        }
    }
}
