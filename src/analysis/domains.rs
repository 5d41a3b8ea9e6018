//! The account's domain whitelist. It is not stored in the project, so it comes from
//! `mpcheck.json` (`"domains": {"request": [...], ...}`) or from `--domains FILE`, which also
//! accepts the JSON the platform's server-domain API returns (`requestdomain`,
//! `wsrequestdomain`, `uploaddomain`, `downloaddomain`, `udpdomain`, `tcpdomain`,
//! `webviewdomain`).

use crate::base::source::{Source, Span};
use crate::syntax::js::Category;
use crate::syntax::js::Part;
use crate::syntax::js::url::{HostKind, Origin, Resolved, host_kind, origin};
use crate::syntax::json::Json;
use std::collections::BTreeMap;

/// Most entries the platform accepts per category (`modifyServerDomain`); business domains 300.
pub fn limit(category: Category) -> usize {
    if category == Category::WebView {
        300
    } else {
        200
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub raw: String,
    pub origin: Option<Origin>,
    pub span: Span,
}

/// A problem in the whitelist itself: where, and the message in both languages.
#[derive(Debug, Clone)]
pub struct ListProblem {
    pub span: Span,
    pub message: crate::base::i18n::Text,
}

#[derive(Debug, Clone)]
pub struct Whitelist {
    /// The file it came from, as shown in diagnostics.
    pub file: String,
    pub source: Source,
    pub lists: BTreeMap<Category, Vec<Entry>>,
    pub problems: Vec<ListProblem>,
}

fn category_of(key: &str) -> Option<Category> {
    Some(match key {
        "request" | "requestdomain" => Category::Request,
        "socket" | "wsrequestdomain" => Category::Socket,
        "uploadFile" | "uploaddomain" => Category::UploadFile,
        "downloadFile" | "downloaddomain" => Category::DownloadFile,
        "udp" | "udpdomain" => Category::Udp,
        "tcp" | "tcpdomain" => Category::Tcp,
        "webview" | "webviewdomain" => Category::WebView,
        _ => return None,
    })
}

fn expected_scheme(category: Category) -> Option<&'static str> {
    match category {
        Category::Request | Category::UploadFile | Category::DownloadFile | Category::WebView => {
            Some("https")
        }
        Category::Socket => Some("wss"),
        Category::Udp | Category::Tcp => None,
    }
}

impl Whitelist {
    /// Reads the lists in `value` (an object of category → array of strings). `Err` when the
    /// value holds no list at all.
    pub fn from_json(file: String, source: Source, value: &Json) -> Result<Whitelist, String> {
        let Some(members) = value.as_object() else {
            return Err("the domain whitelist must be a JSON object of lists".into());
        };
        let mut lists: BTreeMap<Category, Vec<Entry>> = BTreeMap::new();
        let mut problems = Vec::new();
        for m in members {
            let Some(category) = category_of(&m.key) else {
                continue;
            };
            let Some(items) = m.value.as_array() else {
                return Err(format!("\"{}\" must be an array of domains", m.key));
            };
            let list = lists.entry(category).or_default();
            for item in items {
                let Some(raw) = item.as_str() else {
                    problems.push(ListProblem {
                        span: item.span,
                        message: crate::base::i18n::Text::new(
                            format!("{} entries must be strings", category.key()),
                            format!("{} 的每一项都需为字符串", category.key()),
                        ),
                    });
                    continue;
                };
                let entry = check_entry(category, raw, item.span, &mut problems);
                list.push(entry);
            }
            if items.len() > limit(category) {
                problems.push(ListProblem {
                    span: m.key_span,
                    message: crate::base::i18n::Text::new(
                        format!(
                            "{} has {} domains; the platform accepts at most {}",
                            category.key(),
                            items.len(),
                            limit(category)
                        ),
                        format!(
                            "{} 有 {} 个域名；平台最多允许 {} 个",
                            category.key(),
                            items.len(),
                            limit(category)
                        ),
                    ),
                });
            }
        }
        if lists.is_empty() {
            return Err(
                "no domain list found: expected keys such as \"request\" or \"requestdomain\""
                    .into(),
            );
        }
        Ok(Whitelist {
            file,
            source,
            lists,
            problems,
        })
    }

    /// The entries of `category` whose host covers `o`'s: the same host, or for business
    /// (web-view) domains also a parent domain. Empty: MP300's finding.
    pub fn host_entries(&self, category: Category, o: &Origin) -> Vec<&Entry> {
        self.lists
            .get(&category)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|e| {
                e.origin.as_ref().is_some_and(|x| {
                    x.host == o.host
                        || (category == Category::WebView
                            && o.host.ends_with(&format!(".{}", x.host)))
                })
            })
            .collect()
    }

    /// Whether a URL on `o` works as the list stands: an entry covers its host
    /// ([`Whitelist::host_entries`], MP300) and allows its port ([`port_allowed`], MP304).
    pub fn covers(&self, category: Category, o: &Origin) -> bool {
        let entries = self.host_entries(category, o);
        !entries.is_empty() && port_allowed(category, o, &entries)
    }

    /// Reads `--domains FILE`.
    pub fn load_file(path: &std::path::Path, display: String) -> Result<Whitelist, String> {
        let bytes = crate::base::fsread::read_capped(path, crate::base::fsread::MAX_CONFIG_BYTES)
            .map_err(|e| format!("{} {}", path.display(), e.describe()))?;
        let text =
            String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", path.display()))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
        let value = crate::syntax::json::parse(&text).map_err(|e| {
            let pos = Source::new(text.as_str().into()).position(e.offset as u32);
            format!(
                "{}:{}:{}: invalid JSON: {}",
                path.display(),
                pos.line,
                pos.column,
                e.message.en()
            )
        })?;
        Whitelist::from_json(display, Source::new(text.as_str().into()), &value)
    }
}

/// Whether `o`'s port is allowed by `entries`, the entries covering its host: socket, UDP and
/// TCP domains allow any port, business (web-view) domains none, and request, upload and
/// download domains exactly the entry's (no port in the entry means none in the URL, not even
/// `:443`).
pub fn port_allowed(category: Category, o: &Origin, entries: &[&Entry]) -> bool {
    match category {
        Category::Socket | Category::Udp | Category::Tcp => true,
        Category::WebView => o.port.is_none(),
        Category::Request | Category::UploadFile | Category::DownloadFile => entries
            .iter()
            .filter_map(|e| e.origin.as_ref())
            .any(|x| x.port == o.port),
    }
}

fn check_entry(
    category: Category,
    raw: &str,
    span: Span,
    problems: &mut Vec<ListProblem>,
) -> Entry {
    let key = category.key();
    let mut problem = |en: String, zh: String| {
        problems.push(ListProblem {
            span,
            message: crate::base::i18n::Text::new(en, zh),
        })
    };
    let trimmed = raw.trim();
    if trimmed.contains('*') {
        problem(
            format!(
                "\"{raw}\": wildcards are not allowed in the {key} whitelist; list every sub-domain"
            ),
            format!("\"{raw}\"：{key} 合法域名不支持通配符，请逐个配置子域名"),
        );
    }
    let Resolved::Known(o) = origin(&[Part::lit(trimmed)]) else {
        problem(
            format!("\"{raw}\" is not a scheme://host[:port] domain"),
            format!("\"{raw}\" 不是 协议://域名[:端口] 格式"),
        );
        return Entry {
            raw: raw.to_string(),
            origin: None,
            span,
        };
    };
    let after = &trimmed[trimmed.find("://").map_or(0, |i| i + 3)..];
    if after.contains('/') && !after.ends_with('/') {
        problem(
            format!("\"{raw}\": a domain has no path; the path is ignored"),
            format!("\"{raw}\"：域名不能包含路径"),
        );
    }
    if let Some(scheme) = expected_scheme(category)
        && o.scheme != scheme
    {
        problem(
            format!("\"{raw}\": {key} domains must use {scheme}://"),
            format!("\"{raw}\"：{key} 合法域名需使用 {scheme}:// 协议"),
        );
    }
    match host_kind(&o.host) {
        HostKind::Domain => {}
        HostKind::Localhost | HostKind::PrivateIp | HostKind::PublicIp => problem(
            format!("\"{raw}\": IP addresses and localhost cannot be configured as domains"),
            format!("\"{raw}\"：不能配置 IP 地址或 localhost"),
        ),
    }
    if o.host == "api.weixin.qq.com" {
        problem(
            format!(
                "\"{raw}\": api.weixin.qq.com can never be configured; call it from your server"
            ),
            format!("\"{raw}\"：api.weixin.qq.com 不能被配置，请在服务器端调用"),
        );
    }
    Entry {
        raw: raw.to_string(),
        origin: Some(o),
        span,
    }
}
