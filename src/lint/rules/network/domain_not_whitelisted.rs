//! MP300: a network call (`wx.request`, `uploadFile`, `downloadFile`, `connectSocket`, UDP/TCP
//! sockets, and calls through wrappers) or a `<web-view src>` whose origin is not in the
//! whitelist for its category. It works in DevTools with the domain check off and fails on
//! every phone with `url not in domain list`.

use super::configurable;
use crate::lint::rule::{Ctx, OriginText, Rule, SiteFinding};
use crate::syntax::js::url::{Origin, Resolved};
use crate::syntax::js::{Category, Site};

crate::declare_rule! {
    DomainNotWhitelisted, code: "MP300", name: "domain-not-whitelisted", group: Network, severity: Error,
    summary: ["A request URL's domain is not in the configured whitelist", "请求的域名不在配置的合法域名列表中"],
    needs: [Sites],
}

impl Rule for DomainNotWhitelisted {
    fn check_site(&self, ctx: &Ctx, site: &Site) -> Option<SiteFinding> {
        let list = ctx.analysis.whitelist.as_ref()?;
        let Resolved::Known(o) = &site.origin else {
            return None;
        };
        // Other rules own wrong schemes, IPs, localhost and api.weixin.qq.com; a port
        // difference is MP304's.
        (configurable(site.category, o) && list.host_entries(site.category, o).is_empty())
            .then(|| SiteFinding::Origin(site.category.key().to_string()))
    }

    fn origin_text(&self, ctx: &Ctx, site: &Site, o: &Origin, calls: &str) -> OriginText {
        // Without a whitelist `check_site` flags nothing, so this is never asked for.
        let Some(list) = &ctx.analysis.whitelist else {
            return OriginText {
                message: o.text().into(),
                label: o.text().into(),
                help: o.text().into(),
            };
        };
        let entries = |c: Category| list.lists.get(&c).map(Vec::as_slice).unwrap_or_default();
        let entries = entries(site.category);
        let key = site.category.key();
        let shown: Vec<&str> = entries.iter().take(8).map(|e| e.raw.as_str()).collect();
        let listed = if shown.is_empty() {
            ctx.t(
                format!("no {key} domains are configured"),
                format!("未配置任何 {key} 合法域名"),
            )
        } else {
            let more = entries.len().saturating_sub(8);
            let tail = if more > 0 {
                format!(" (+{more})")
            } else {
                String::new()
            };
            ctx.t(
                format!("configured {key} domains: {}{tail}", shown.join(", ")),
                format!("已配置的 {key} 合法域名：{}{tail}", shown.join("、")),
            )
        };
        let setting = if site.category == Category::WebView {
            "业务域名"
        } else {
            "服务器域名"
        };
        let (category_en, category_zh) = if site.category == Category::WebView {
            ("business (web-view)".to_string(), "业务".to_string())
        } else {
            (format!("{key} legal"), format!("{key} 合法"))
        };
        OriginText {
            message: ctx.t(
                format!(
                    "{} is not in the {category_en} domain list ({calls})",
                    o.text()
                ),
                format!("{} 不在以下 {category_zh}域名列表中（{calls}）", o.text()),
            ),
            label: ctx.t(
                format!("{} is not whitelisted", o.host),
                format!("{} 未在白名单中", o.host),
            ),
            help: listed.map(|lang, listed| {
                format!(
                    "{listed}\n{}",
                    ctx.t(
                        format!(
                            "add {} in the admin console (开发管理 → 开发设置 → {}) and to {}",
                            o.text(),
                            setting,
                            list.file
                        ),
                        format!(
                            "请在管理后台“开发管理 → 开发设置 → {}”中添加 {}，并同步到 {}",
                            setting,
                            o.text(),
                            list.file
                        ),
                    )
                    .get(lang)
                )
            }),
        }
    }
}
