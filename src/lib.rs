//! mpcheck: a fast checker for WeChat Mini Program projects.
//!
//! Layers, each a folder, importing only downward (`tests/layers.rs` enforces it):
//! `base` (sources, spans, diagnostics, globs, file reading) → `syntax` (JSON, WXML, WXS, JS/TS,
//! suppression comments) → `project` (walk, index, app model, paths) → `analysis` (schemas,
//! component graph, network sites, upload set, whitelist) → `lint` (rules, registry, engine,
//! config) → `report` (output formats) → `cli` (commands, baseline, fixes, release).

pub mod analysis;
pub mod base;
pub mod cli;
pub mod lint;
pub mod project;
pub mod report;
pub mod syntax;
