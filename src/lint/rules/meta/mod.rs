//! Findings about mpcheck's own directives and configuration.

pub mod unused_suppression;
