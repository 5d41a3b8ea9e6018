//! The lint layer: the rule trait, the rules and their registry, mpcheck.json, the engine.

pub mod config;
pub mod engine;
pub mod rule;
pub mod rules;
