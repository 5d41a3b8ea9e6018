//! Suppressions: inline directives in code comments, and `ignores` in mpcheck.json for files
//! that cannot carry comments (JSON).
//!
//! ```text
//! // mpcheck-disable-next-line MP300 -- staging host, removed before release
//! wx.request({ url: 'https://staging.example.com' })
//! /* mpcheck-disable-file MP309 -- test fixture */
//! <!-- mpcheck-disable-next-line domain-not-whitelisted -- reason -->
//! ```
//! A directive names rules by code or name (comma- or space-separated); `-- reason` is
//! optional. `mpcheck-disable-line` applies to its own line.

use crate::rules;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The line after the comment.
    NextLine,
    /// The comment's own line.
    Line,
    /// The whole file.
    File,
}

#[derive(Debug, Clone)]
pub struct Directive {
    pub file: String,
    /// The comment.
    pub span: Span,
    pub scope: Scope,
    /// Rule codes it names.
    pub rules: Vec<&'static str>,
    /// Names that are not rules.
    pub unknown: Vec<String>,
}

/// Parses the text of one comment; `None` when it holds no directive.
pub fn parse(file: &str, comment: &str, span: Span) -> Option<Directive> {
    let at = comment.find("mpcheck-disable")?;
    let rest = &comment[at + "mpcheck-disable".len()..];
    let (scope, rest) = if let Some(r) = rest.strip_prefix("-next-line") {
        (Scope::NextLine, r)
    } else if let Some(r) = rest.strip_prefix("-line") {
        (Scope::Line, r)
    } else if let Some(r) = rest.strip_prefix("-file") {
        (Scope::File, r)
    } else {
        return None;
    };
    let list = rest.split("--").next().unwrap_or("");
    let list = list.trim_end_matches("*/").trim_end_matches("-->");
    let mut rules_found = Vec::new();
    let mut unknown = Vec::new();
    for name in list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
    {
        match rules::find(name) {
            Some(r) => rules_found.push(r.meta().code),
            None => unknown.push(name.to_string()),
        }
    }
    if rules_found.is_empty() && unknown.is_empty() {
        unknown.push(String::new());
    }
    Some(Directive {
        file: file.to_string(),
        span,
        scope,
        rules: rules_found,
        unknown,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directives() {
        let d = parse(
            "a.js",
            "// mpcheck-disable-next-line MP300, insecure-url -- staging",
            Span::default(),
        )
        .unwrap();
        assert_eq!(d.scope, Scope::NextLine);
        assert_eq!(d.rules, ["MP300", "MP301"]);
        let d = parse("a.js", "/* mpcheck-disable-file MP999 */", Span::default()).unwrap();
        assert_eq!(
            (d.scope, d.unknown.as_slice()),
            (Scope::File, ["MP999".to_string()].as_slice())
        );
        assert!(parse("a.js", "// nothing here", Span::default()).is_none());
        let w = parse(
            "a.wxml",
            " mpcheck-disable-next-line MP300 ",
            Span::default(),
        )
        .unwrap();
        assert_eq!(w.rules, ["MP300"]);
    }
}
