//! The origin (`scheme://host[:port]`) of an evaluated URL, and host classification.

use super::facts::Part;
use std::net::{IpAddr, Ipv4Addr};

#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub scheme: String,
    pub host: String,
    pub port: Option<u16>,
}

impl Origin {
    pub fn text(&self) -> String {
        match self.port {
            Some(p) => format!("{}://{}:{p}", self.scheme, self.host),
            None => format!("{}://{}", self.scheme, self.host),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Resolved {
    Known(Origin),
    /// The origin depends on something not statically known.
    Unknown {
        prefix: String,
        holes: Vec<String>,
    },
}

/// Whether a URL's known start can still begin `scheme://`: `https://a.com`, `http`, `` can;
/// `/api/list` and `api.com/x` cannot (a relative path or a host without a scheme).
pub fn can_start_url(prefix: &str) -> bool {
    if prefix.contains("://") {
        return true;
    }
    let scheme_len = prefix
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || b"+-.".contains(b))
        .count();
    let (scheme, tail) = prefix.split_at(scheme_len);
    "://".starts_with(tail) && (!scheme.is_empty() || tail.is_empty())
}

/// The origin of a URL made of `parts`, when its scheme, host and port are all known.
pub fn origin(parts: &[Part]) -> Resolved {
    origin_at(parts).0
}

/// The origin of a URL made of `parts`, and which part the host starts in. The origin is
/// known when the known text before the first run-time part reaches the end of the authority
/// (a `/`, `?` or `#` after the host, or the end of a fully known URL).
pub fn origin_at(parts: &[Part]) -> (Resolved, Option<usize>) {
    let mut prefix = String::new();
    // Where each known part of the prefix starts in it.
    let mut starts = Vec::new();
    let mut holes = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        match p {
            Part::Lit(s, _) if holes.is_empty() => {
                starts.push((prefix.len(), i));
                prefix.push_str(s);
            }
            Part::Lit(..) => {}
            Part::Hole(_, h) | Part::Fork(_, _, h) => holes.push(h.clone()),
        }
    }
    let complete = holes.is_empty();
    let unknown = || {
        (
            Resolved::Unknown {
                prefix: prefix.clone(),
                holes: holes.clone(),
            },
            None,
        )
    };
    // `split_once("://")` and `find(['/', '?', '#'])` by memchr (one call per network site).
    let bytes = prefix.as_bytes();
    let Some(colon) = memchr::memchr_iter(b':', bytes).find(|&i| bytes[i + 1..].starts_with(b"//"))
    else {
        return unknown();
    };
    let (scheme, rest) = (&prefix[..colon], &prefix[colon + 3..]);
    if scheme.is_empty()
        || !scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.')
    {
        return unknown();
    }
    let end = memchr::memchr3(b'/', b'?', b'#', rest.as_bytes());
    if end.is_none() && !complete {
        // `"https://" + host`: the host itself is not known.
        return unknown();
    }
    let authority = &rest[..end.unwrap_or(rest.len())];
    let userinfo = memchr::memrchr(b'@', authority.as_bytes()).map_or(0, |i| i + 1);
    let authority = &authority[userinfo..];
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        match v6.split_once(']') {
            Some((h, p)) => (format!("[{h}]"), p.strip_prefix(':')),
            None => return unknown(),
        }
    } else {
        match crate::base::relpath::rsplit_once_byte(authority, b':') {
            Some((h, p)) => (h.to_string(), Some(p)),
            None => (authority.to_string(), None),
        }
    };
    if host.is_empty() {
        return unknown();
    }
    let port = match port {
        None | Some("") => None,
        Some(p) => match p.parse() {
            Ok(n) => Some(n),
            Err(_) => return unknown(),
        },
    };
    let host_start = scheme.len() + 3 + userinfo;
    let host_part = starts
        .iter()
        .rev()
        .find(|(start, i)| {
            *start <= host_start
                && matches!(&parts[*i], Part::Lit(s, _) if start + s.len() > host_start)
        })
        .map(|(_, i)| *i);
    (
        Resolved::Known(Origin {
            scheme: scheme.to_ascii_lowercase(),
            host: host.to_ascii_lowercase(),
            port,
        }),
        host_part,
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostKind {
    Domain,
    Localhost,
    /// A LAN address (10/8, 172.16/12, 192.168/16, 169.254/16).
    PrivateIp,
    PublicIp,
}

pub fn host_kind(host: &str) -> HostKind {
    let h = host.trim_start_matches('[').trim_end_matches(']');
    if h == "localhost" || h.ends_with(".localhost") {
        return HostKind::Localhost;
    }
    match h.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => v4_kind(ip),
        Ok(IpAddr::V6(ip)) if ip.is_loopback() || ip.is_unspecified() => HostKind::Localhost,
        Ok(IpAddr::V6(ip)) if (ip.segments()[0] & 0xfe00) == 0xfc00 => HostKind::PrivateIp,
        Ok(IpAddr::V6(_)) => HostKind::PublicIp,
        Err(_) => HostKind::Domain,
    }
}

fn v4_kind(ip: Ipv4Addr) -> HostKind {
    if ip.is_loopback() || ip.is_unspecified() {
        HostKind::Localhost
    } else if ip.is_private() || ip.is_link_local() {
        HostKind::PrivateIp
    } else {
        HostKind::PublicIp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Part {
        Part::lit(s)
    }
    fn hole() -> Part {
        Part::Hole(crate::syntax::js::Why::Parameter, "x".into())
    }

    #[test]
    fn origins() {
        let o = |parts: &[Part]| match origin(parts) {
            Resolved::Known(o) => Some(o.text()),
            Resolved::Unknown { .. } => None,
        };
        assert_eq!(
            o(&[lit("https://API.example.com/v1")]).as_deref(),
            Some("https://api.example.com")
        );
        assert_eq!(
            o(&[lit("https://a.com:8443/x"), hole()]).as_deref(),
            Some("https://a.com:8443")
        );
        assert_eq!(
            o(&[lit("https://a.com"), hole()]),
            None,
            "host may continue"
        );
        assert_eq!(o(&[lit("https://a.com")]).as_deref(), Some("https://a.com"));
        assert_eq!(
            o(&[lit("wss://ws.a.com?x=1")]).as_deref(),
            Some("wss://ws.a.com")
        );
        assert_eq!(o(&[hole(), lit("/v1")]), None);
        assert_eq!(o(&[lit("/api/x")]), None);
        assert_eq!(
            o(&[lit("http://[::1]:8080/")]).as_deref(),
            Some("http://[::1]:8080")
        );
    }

    #[test]
    fn url_starts() {
        for yes in [
            "",
            "h",
            "https",
            "https:",
            "https:/",
            "https://a.com/x",
            "wss://",
        ] {
            assert!(can_start_url(yes), "{yes}");
        }
        for no in ["/api/", "/", "api.com/x", "a b", ":/", "?x=1"] {
            assert!(!can_start_url(no), "{no}");
        }
    }

    #[test]
    fn host_part() {
        let at = |parts: &[Part]| origin_at(parts).1;
        assert_eq!(at(&[lit("https://"), lit("a.com/"), hole()]), Some(1));
        assert_eq!(at(&[lit("https://a.com"), lit("/x")]), Some(0));
        assert_eq!(at(&[lit(""), lit("https://u@a.com/")]), Some(1));
        assert_eq!(at(&[lit("https://a.com")]), Some(0));
        assert_eq!(at(&[hole(), lit("https://a.com/")]), None);
    }

    #[test]
    fn hosts() {
        assert_eq!(host_kind("localhost"), HostKind::Localhost);
        assert_eq!(host_kind("127.0.0.1"), HostKind::Localhost);
        assert_eq!(host_kind("192.168.1.3"), HostKind::PrivateIp);
        assert_eq!(host_kind("10.9.233.66"), HostKind::PrivateIp);
        assert_eq!(host_kind("122.51.199.160"), HostKind::PublicIp);
        assert_eq!(host_kind("[::1]"), HostKind::Localhost);
        assert_eq!(host_kind("api.example.com"), HostKind::Domain);
    }
}
