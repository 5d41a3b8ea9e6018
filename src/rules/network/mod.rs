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

use crate::diagnostic::Diagnostic;
use crate::js::url::{Origin, Resolved};
use crate::js::{Category, Site};
use crate::rule::Ctx;

/// Call sites whose origin is known.
pub(crate) fn known<'a>(ctx: &Ctx<'a>) -> impl Iterator<Item = (&'a Site, &'a Origin)> + 'a {
    ctx.project.sites.iter().filter_map(|s| match &s.origin {
        Resolved::Known(o) => Some((s, o)),
        Resolved::Unknown { .. } => None,
    })
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

/// A diagnostic at a call site, with the constant that gave its origin as a related location.
pub(crate) fn at_site(
    ctx: &Ctx,
    meta: &'static crate::rule::RuleMeta,
    site: &Site,
    message: String,
) -> Diagnostic {
    let mut d = Diagnostic::new(meta, &site.file, Some(site.span), message);
    if let Some((file, span)) = &site.defined_at
        && !(file == &site.file && span.start >= site.span.start && span.end <= site.span.end)
    {
        d = d.related(
            file,
            Some(*span),
            ctx.t(
                "the URL's value comes from here".into(),
                "URL 的值来自这里".into(),
            ),
        );
    }
    d
}

/// The API name for messages: `wx.request`, `tcp.connect`, `<web-view src>`.
pub(crate) fn api_name(site: &Site) -> String {
    match site.category {
        Category::WebView => "<web-view src>".into(),
        _ if site.api.contains('.') => site.api.clone(),
        _ if ["request", "uploadFile", "downloadFile", "connectSocket"]
            .contains(&site.api.as_str()) =>
        {
            format!("wx.{}", site.api)
        }
        _ => format!("{}()", site.api),
    }
}

/// Location API uses across the code: (API, file, span), sorted by file.
pub(crate) fn location_uses<'a>(ctx: &Ctx<'a>) -> Vec<(&'a str, &'a str, crate::source::Span)> {
    let mut out = Vec::new();
    for (path, m) in &ctx.project.modules {
        for (api, span) in &m.location_apis {
            out.push((api.as_str(), path.as_str(), *span));
        }
    }
    out.sort_by(|a, b| (a.1, a.2.start).cmp(&(b.1, b.2.start)));
    out
}

/// `requiredPrivateInfos` of app.json and ext.json: (file, value, entries).
pub(crate) fn declared_infos<'a>(ctx: &Ctx<'a>) -> Vec<(String, &'a crate::json::Json)> {
    let p = ctx.project;
    [p.app_json_path(), p.in_root("ext.json")]
        .into_iter()
        .filter_map(|f| {
            let v = p.json(&f)?.value()?.get("requiredPrivateInfos")?;
            Some((f, v))
        })
        .collect()
}
