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
//! optional. `mpcheck-disable-line` applies to its own line. The names are kept as written: the
//! engine resolves them against the rule registry (this module sits below the rules).

use crate::base::source::Span;

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
    /// The rule codes or names it lists, as written (none: `[""]`).
    pub names: Vec<String>,
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
    let mut names: Vec<String> = list
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect();
    if names.is_empty() {
        names.push(String::new());
    }
    Some(Directive {
        file: file.to_string(),
        span,
        scope,
        names,
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
        assert_eq!(d.names, ["MP300", "insecure-url"]);
        let d = parse("a.js", "/* mpcheck-disable-file MP999 */", Span::default()).unwrap();
        assert_eq!(
            (d.scope, d.names.as_slice()),
            (Scope::File, ["MP999".to_string()].as_slice())
        );
        let d = parse("a.js", "// mpcheck-disable-line -- why", Span::default()).unwrap();
        assert_eq!(d.names, [""]);
        assert!(parse("a.js", "// nothing here", Span::default()).is_none());
        let w = parse(
            "a.wxml",
            " mpcheck-disable-next-line MP300 ",
            Span::default(),
        )
        .unwrap();
        assert_eq!(w.names, ["MP300"]);
    }
}
