//! The syntax layer: parsers for JSON, WXML, WXS, JS/TS and style sheet imports, suppression comments, JSON edits.

pub mod js;
pub mod json;
pub mod json_edit;
pub mod suppress;
pub mod wxml;
pub mod wxs;
pub mod wxss;
