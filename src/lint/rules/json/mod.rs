//! Reading files and JSON syntax.

pub mod analyses_skipped;
pub mod code_not_analysed;
pub mod duplicate_json_key;
pub mod invalid_data_json;
pub mod invalid_json;
pub mod unreadable_file;
