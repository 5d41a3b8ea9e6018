//! `<web-view src="...">` in WXML: the one place a template opens a URL that needs a business
//! domain. The tags come from the WXML parser (`crate::syntax::wxml`).

use super::facts::{Part, Why};

/// A `src` value as URL parts: `{{ }}` interpolations are unknown.
pub fn parts(src: &str) -> Vec<Part> {
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(open) = rest.find("{{") {
        if open > 0 {
            out.push(Part::lit(&rest[..open]));
        }
        let close = rest[open..].find("}}").map_or(rest.len(), |c| open + c + 2);
        out.push(Part::Hole(Why::State, rest[open..close].to_string()));
        rest = &rest[close..];
    }
    if !rest.is_empty() {
        out.push(Part::lit(rest));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn interpolations_are_holes() {
        use super::{Part, parts};
        assert_eq!(
            parts("https://h5.example.com/a?x={{id}}"),
            [
                Part::lit("https://h5.example.com/a?x="),
                Part::Hole(super::super::Why::State, "{{id}}".into())
            ]
        );
    }
}
