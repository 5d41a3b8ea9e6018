//! The base layer: source texts and spans, diagnostics, globs, capped file reading, languages.

pub mod ascii;
pub mod diagnostic;
pub mod escape;
pub mod fsread;
pub mod glob;
pub mod i18n;
pub mod relpath;
pub mod source;
#[cfg(test)]
pub mod test_support;
pub mod timing;
