//! MP301: a request, upload, download or web-view URL over `http://`, or a socket over
//! `ws://`. Only `https://` and `wss://` work on phones.

use super::{api_name, at_site, known, secure_scheme};
use crate::diagnostic::Diagnostic;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP301",
    "insecure-url",
    Network,
    Error,
    "A network URL uses http:// or ws:// instead of https:// or wss://",
    "网络请求使用了 http:// 或 ws://，需使用 https:// 或 wss://"
);

pub struct InsecureUrl;

impl Rule for InsecureUrl {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (site, o) in known(ctx) {
            let Some(required) = secure_scheme(site.category) else {
                continue;
            };
            if o.scheme == required {
                continue;
            }
            out.push(
                at_site(
                    ctx,
                    &META,
                    site,
                    ctx.t(
                        format!("{} uses {}://; {} needs {required}://", o.text(), o.scheme, api_name(site)),
                        format!("{} 使用了 {}:// 协议；{} 需使用 {required}://", o.text(), o.scheme, api_name(site)),
                    ),
                )
                .label(ctx.t(format!("{}://", o.scheme), format!("{}://", o.scheme)))
                .help(ctx.t(
                    format!("serve the API over {required}:// with a valid certificate; {}:// only works in DevTools with the domain check off", o.scheme),
                    format!("请通过 {required}:// 提供服务并使用有效证书；{}:// 只在开发者工具关闭域名校验时可用", o.scheme),
                )),
            );
        }
    }
}
