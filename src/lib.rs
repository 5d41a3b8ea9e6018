//! mpcheck: a fast checker for WeChat Mini Program projects.
//!
//! Layout: `project` builds the shared index (files, parsed JSON, app.json model), `engine`
//! runs the rules of `rules` over it in parallel, `report` renders the sorted diagnostics.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod domains;
pub mod engine;
pub mod fingerprint;
pub mod fix;
pub mod fsread;
pub mod glob;
pub mod i18n;
pub mod js;
pub mod json;
pub mod json_edit;
pub mod package;
pub mod project;
pub mod release;
pub mod relpath;
pub mod report;
pub mod rule;
pub mod rules;
pub mod schema;
pub mod source;
pub mod suppress;
pub mod targets;
pub mod widget_data;
pub mod wxml;
pub mod wxs;
