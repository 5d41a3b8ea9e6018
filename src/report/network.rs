//! `mpcheck check --explain-network`: every network call site with its URL as mpcheck reads
//! it, the origin when it is known, and why when it is not.

use crate::analysis::Analysis;
use crate::base::escape;
use crate::syntax::js::url::Resolved;
use crate::syntax::js::{Part, Site};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Why a site's origin is not known: a reason key and the expression or text it is about.
pub fn unknown_reason(site: &Site) -> Option<(&'static str, String)> {
    let Resolved::Unknown { prefix, .. } = &site.origin else {
        return None;
    };
    // Known text that cannot begin a URL with a host (a relative path, a bare host): no
    // run-time part can give it an origin.
    let url_start = crate::syntax::js::url::can_start_url(prefix);
    let hole = site.parts.iter().find_map(|p| match p {
        Part::Hole(why, text) | Part::Fork(_, why, text) => Some((why.key(), text.clone())),
        Part::Lit(..) => None,
    });
    match hole {
        Some(found) if url_start => Some(found),
        _ => Some(("not-a-url", prefix.clone())),
    }
}

fn sorted<'a>(analysis: &'a Analysis) -> Vec<&'a Site> {
    let mut sites: Vec<&Site> = analysis.sites().iter().collect();
    sites.sort_by(|a, b| {
        (&a.file, a.span.start, &a.api, a.category).cmp(&(
            &b.file,
            b.span.start,
            &b.api,
            b.category,
        ))
    });
    sites
}

/// The census as text: one line per site, then the totals by reason.
pub fn text(analysis: &Analysis, base: &super::common::PathBase) -> String {
    let project = analysis.project;
    let sites = sorted(analysis);
    let mut out = String::new();
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    let mut known = 0;
    for s in &sites {
        let (start, _) = super::common::range(project, &s.file, Some(s.span));
        let url = window(&s.symbolic());
        let url = escape::line(&url);
        let verdict = match (&s.origin, unknown_reason(s)) {
            (Resolved::Known(o), _) => {
                known += 1;
                format!("origin {}", o.text())
            }
            (_, Some((key, text))) => {
                *reasons.entry(key).or_default() += 1;
                let text = window(&text);
                format!("unknown: {key} `{}`", escape::line(&text))
            }
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{}:{}:{}: {} {} {url} -> {verdict}",
            escape::line(&base.show(&s.file)),
            start.line,
            start.column,
            s.category.key(),
            escape::line(&s.api_name()),
        );
    }
    let vendored = sites
        .iter()
        .filter(|s| crate::syntax::js::is_vendored(&s.file))
        .count();
    let _ = write!(
        out,
        "{} network call sites ({vendored} in npm packages): origin known {known}, unknown {}",
        sites.len(),
        sites.len() - known
    );
    if !reasons.is_empty() {
        let by: Vec<String> = reasons.iter().map(|(k, n)| format!("{k} {n}")).collect();
        let _ = write!(out, " ({})", by.join(", "));
    }
    out.push('\n');
    out
}

/// The census as JSON: `{"sites": [...], "summary": {...}}`.
pub fn json(analysis: &Analysis) -> String {
    let project = analysis.project;
    let sites = sorted(analysis);
    let mut reasons: BTreeMap<&str, usize> = BTreeMap::new();
    let items: Vec<serde_json::Value> = sites
        .iter()
        .map(|s| {
            let (start, end) = super::common::range(project, &s.file, Some(s.span));
            let mut v = serde_json::json!({
                "file": s.file,
                "line": start.line,
                "column": start.column,
                "end_line": end.line,
                "end_column": end.column,
                "category": s.category.key(),
                "api": s.api_name(),
                "url": s.symbolic(),
            });
            match (&s.origin, unknown_reason(s)) {
                (Resolved::Known(o), _) => {
                    v["origin"] = o.text().into();
                    if let Some(c) = &s.cause {
                        let (at, _) = super::common::range(project, &c.file, Some(c.span));
                        v["origin_written_at"] = serde_json::json!({
                            "file": c.file, "line": at.line, "column": at.column
                        });
                    }
                }
                (_, Some((key, text))) => {
                    *reasons.entry(key).or_default() += 1;
                    v["unknown"] = serde_json::json!({ "reason": key, "expression": text });
                }
                _ => {}
            }
            v
        })
        .collect();
    let known = items.iter().filter(|v| v.get("origin").is_some()).count();
    let out = serde_json::json!({
        "sites": items,
        "summary": {
            "sites": sites.len(),
            "in_npm_packages": sites.iter().filter(|s| crate::syntax::js::is_vendored(&s.file)).count(),
            "origin_known": known,
            "unknown": reasons,
        }
    });
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}

/// At most 120 characters of a URL or expression.
fn window(s: &str) -> String {
    if s.chars().count() <= 120 {
        return s.to_string();
    }
    let head: String = s.chars().take(119).collect();
    format!("{head}…")
}
