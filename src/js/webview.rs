//! `<web-view src="...">` in WXML: the one place a template opens a URL that needs a business
//! domain. A small tag scan (comments skipped); the full WXML parser is a separate concern.

use super::Part;
use crate::source::Span;

/// The `src` values of `<web-view>` tags, with the span of each value.
pub fn scan(text: &str) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(pos) = text[i..].find('<') {
        let start = i + pos;
        if text[start..].starts_with("<!--") {
            i = text[start..]
                .find("-->")
                .map_or(text.len(), |e| start + e + 3);
            continue;
        }
        i = start + 1;
        if !text[start + 1..].starts_with("web-view") {
            continue;
        }
        let after = start + 1 + "web-view".len();
        if bytes
            .get(after)
            .is_some_and(|b| !(b.is_ascii_whitespace() || *b == b'>' || *b == b'/'))
        {
            continue;
        }
        let Some(end) = tag_end(text, after) else {
            break;
        };
        if let Some(found) = attr(text, after, end, "src") {
            out.push(found);
        }
        i = end;
    }
    out
}

/// The index of the `>` closing a tag, skipping quoted values.
fn tag_end(text: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, c) in text[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

fn attr(text: &str, from: usize, end: usize, name: &str) -> Option<(String, Span)> {
    let tag = &text[from..end];
    let mut k = 0;
    while k < tag.len() {
        let rest = &tag[k..];
        let trimmed = rest.trim_start();
        k += rest.len() - trimmed.len();
        if trimmed.is_empty() {
            break;
        }
        let name_len = trimmed
            .find(|c: char| c.is_whitespace() || c == '=' || c == '/')
            .unwrap_or(trimmed.len());
        let attr_name = &trimmed[..name_len];
        k += name_len;
        let rest = &tag[k..];
        let after_ws = rest.trim_start();
        if let Some(v) = after_ws.strip_prefix('=') {
            k += rest.len() - after_ws.len() + 1;
            let v_trim = v.trim_start();
            k += v.len() - v_trim.len();
            let (value, len, offset) = match v_trim.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = v_trim[1..].find(q).map_or(v_trim.len() - 1, |c| c);
                    (&v_trim[1..1 + close], close + 2, 1)
                }
                _ => {
                    let l = v_trim.find(char::is_whitespace).unwrap_or(v_trim.len());
                    (&v_trim[..l], l, 0)
                }
            };
            if attr_name == name {
                let at = from + k + offset;
                return Some((value.to_string(), Span::new(at, at + value.len())));
            }
            k += len;
        } else if name_len == 0 {
            k += 1;
        }
    }
    None
}

/// A `src` value as URL parts: `{{ }}` interpolations are unknown.
pub fn parts(src: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            out.push(Part::Lit(rest[..open].to_string()));
        }
        let close = rest[open..].find("}}").map_or(rest.len(), |c| open + c + 2);
        out.push(Part::Hole(rest[open..close].to_string()));
        rest = &rest[close..];
    }
    if !rest.is_empty() {
        out.push(Part::Lit(rest.to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_webview_src() {
        let text = "<!-- <web-view src=\"https://old.example.com\"/> -->\n<view/><web-view bindmessage=\"m\" src=\"https://h5.example.com/a?x={{id}}\"></web-view>";
        let found = super::scan(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "https://h5.example.com/a?x={{id}}");
        assert_eq!(
            &text[found[0].1.range()],
            "https://h5.example.com/a?x={{id}}"
        );
        assert!(super::scan("<web-viewer src='x'/>").is_empty());
    }
}
