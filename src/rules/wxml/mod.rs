//! WXML templates, parsed once by `crate::wxml`.

pub mod duplicate_attribute;
pub mod for_without_key;
pub mod orphan_elif_else;
pub mod unused_component;
pub mod wxml_src_not_found;
pub mod wxml_syntax_error;

use crate::rule::Ctx;
use crate::wxml::Document;

/// The parsed WXML files in path order.
pub(crate) fn documents<'a>(ctx: &Ctx<'a>) -> Vec<(&'a str, &'a Document)> {
    let mut docs: Vec<(&str, &Document)> = ctx
        .project
        .wxml
        .iter()
        .map(|(p, d)| (p.as_str(), d))
        .collect();
    docs.sort_by_key(|(p, _)| *p);
    docs
}
