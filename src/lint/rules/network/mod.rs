//! Network requests and privacy APIs in JS/TS (and `<web-view src>`), checked against the
//! account's domain whitelist and app.json.

pub mod appsecret_in_code;
pub mod background_location_undeclared;
pub mod domain_not_whitelisted;
pub mod insecure_url;
pub mod invalid_whitelist_entry;
pub mod lan_ip_address;
pub mod local_or_ip_address;
pub mod location_permission_missing;
pub mod port_not_allowed;
pub mod private_info_undeclared;
pub mod private_info_unused;
pub mod unresolved_url;
pub mod weixin_api_from_client;
pub mod whitelist_not_configured;

use crate::analysis::Analysis;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, OriginText};
use crate::project::Project;
use crate::syntax::js::url::{HostKind, Origin, Resolved, host_kind};
use crate::syntax::js::{Category, Loc, Site};
use std::collections::BTreeMap;

/// Call sites whose origin is known.
pub(crate) fn known<'a>(analysis: &'a Analysis) -> impl Iterator<Item = (&'a Site, &'a Origin)> {
    sites(analysis).filter_map(|s| match &s.origin {
        Resolved::Known(o) => Some((s, o)),
        Resolved::Unknown { .. } => None,
    })
}

/// The network call sites, without those in search widget code: no network API exists
/// there, and MP521 reports the call (one cause, one finding). The release checklist lists
/// the same sites.
pub(crate) fn sites<'a>(analysis: &'a Analysis) -> impl Iterator<Item = &'a Site> {
    analysis
        .sites()
        .iter()
        .filter(move |s| analysis.widgets_of(&s.file).next().is_none())
}

/// The scheme a category requires.
pub(crate) fn secure_scheme(category: Category) -> Option<&'static str> {
    match category {
        Category::Request | Category::UploadFile | Category::DownloadFile | Category::WebView => {
            Some("https")
        }
        Category::Socket => Some("wss"),
        Category::Udp | Category::Tcp => None,
    }
}

/// Whether an origin can be put on its category's list at all: the category's scheme, a domain
/// (not an IP address or localhost), not api.weixin.qq.com. The others are the findings of
/// MP301, MP302, MP303 and MP305, not MP300's.
pub(crate) fn configurable(category: Category, o: &Origin) -> bool {
    secure_scheme(category).is_none_or(|s| s == o.scheme)
        && host_kind(&o.host) == HostKind::Domain
        && o.host != "api.weixin.qq.com"
}

/// Reports findings about URL origins once per cause (the engine calls it with the sites for
/// which a rule's [`check_site`](crate::lint::rule::Rule::check_site) returned
/// [`SiteFinding::Origin`](crate::lint::rule::SiteFinding::Origin)). `hits` are the sites a rule flags, each
/// with a key (what else must match for one fix to cover them: the category's whitelist, the
/// required scheme). Sites whose host is written outside their own URL expression (a
/// constant, a config object, a wrapper's base URL) give one diagnostic where it is written,
/// with every site as a related location; a suppression there covers them all. The others
/// are reported at the site. `text` gets the group's first site, its origin and its calls for the
/// message: `wx.request`, or `util.request, wx.request (83 calls)`.
pub(crate) fn by_cause<'a>(
    ctx: &Ctx<'a>,
    meta: &'static crate::lint::rule::RuleMeta,
    hits: Vec<(&'a Site, String)>,
    out: &mut Vec<Diagnostic>,
    text: impl Fn(&'a Site, &'a Origin, &str) -> OriginText,
) {
    let mut groups: BTreeMap<(Loc, String, String), Vec<&'a Site>> = BTreeMap::new();
    for (site, key) in hits {
        let at = site.cause.clone().unwrap_or_else(|| Loc {
            file: site.file.clone(),
            span: site.span,
        });
        // `'https://api.' + name`: one literal, several hosts, one finding each.
        let origin = match &site.origin {
            Resolved::Known(o) => o.text(),
            Resolved::Unknown { .. } => String::new(),
        };
        groups.entry((at, origin, key)).or_default().push(site);
    }
    for ((at, _, _), mut sites) in groups {
        sites.sort_by(|a, b| (&a.file, a.span.start, &a.api).cmp(&(&b.file, b.span.start, &b.api)));
        sites.dedup_by(|a, b| a.file == b.file && a.span == b.span && a.api == b.api);
        let first = sites[0];
        let Resolved::Known(o) = &first.origin else {
            continue;
        };
        // The calls differ by language: the English text with the English calls, the Chinese
        // with the Chinese.
        let calls = calls(ctx, &sites);
        let (en, zh) = (text(first, o, calls.en()), text(first, o, calls.zh()));
        let both = |en: crate::base::i18n::Text, zh: crate::base::i18n::Text| {
            crate::base::i18n::Text::new(en.en(), zh.zh())
        };
        let mut d = Diagnostic::new(meta, &at.file, Some(at.span), both(en.message, zh.message))
            .label(both(en.label, zh.label))
            .help(both(en.help, zh.help));
        if first.cause.is_some() {
            for s in &sites {
                d = d.related(
                    &s.file,
                    Some(s.span),
                    ctx.t(
                        format!("{} sends a request to this URL here", api_name(s)),
                        format!("{} 在此向该 URL 发送请求", api_name(s)),
                    ),
                );
            }
        }
        out.push(d);
    }
}

/// The calls of a group for messages: `wx.request`, `util.request, wx.request (83 calls)`.
fn calls(ctx: &Ctx, sites: &[&Site]) -> crate::base::i18n::Text {
    // Most used first: `util.request, wx.request, …`.
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in sites {
        *counts.entry(api_name(s)).or_default() += 1;
    }
    let mut names: Vec<(String, usize)> = counts.into_iter().collect();
    names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let names: Vec<String> = names.into_iter().map(|(n, _)| n).collect();
    let mut text = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 3 {
        text.push_str(", …");
    }
    if sites.len() > 1 {
        return ctx.t(
            format!("{text}; {} calls", sites.len()),
            format!("{text}；共 {} 处调用", sites.len()),
        );
    }
    text.into()
}

/// The API name for messages: `wx.request`, `tcp.connect`, `<web-view src>`.
pub(crate) fn api_name(site: &Site) -> String {
    site.api_name()
}

/// Location API uses across the code: (API, file, span), sorted by file.
pub(crate) fn location_uses(project: &Project) -> Vec<(&str, &str, crate::base::source::Span)> {
    let mut out = Vec::new();
    for (path, m) in &project.modules {
        for (api, span) in &m.location_apis {
            out.push((api.as_str(), path.as_str(), *span));
        }
    }
    out.sort_by(|a, b| (a.1, a.2.start).cmp(&(b.1, b.2.start)));
    out
}

/// `requiredPrivateInfos` of app.json and ext.json: (file, value, entries).
pub(crate) fn declared_infos(p: &Project) -> Vec<(String, &crate::syntax::json::Json)> {
    [p.app_json_path(), p.in_root("ext.json")]
        .into_iter()
        .filter_map(|f| {
            let v = p.json(&f)?.value()?.get("requiredPrivateInfos")?;
            Some((f, v))
        })
        .collect()
}
