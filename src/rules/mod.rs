//! The rule registry: every rule, in code order. One file per rule under `<group>/`.

pub mod config;
pub mod json;
pub mod pages;

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[
    &json::invalid_json::InvalidJson,
    &json::unreadable_file::UnreadableFile,
    &json::duplicate_json_key::DuplicateJsonKey,
    &config::app_json_not_found::AppJsonNotFound,
    &config::pages_empty::PagesEmpty,
    &config::unknown_field::UnknownField,
    &config::invalid_field_type::InvalidFieldType,
    &config::invalid_enum_value::InvalidEnumValue,
    &config::invalid_color::InvalidColor,
    &config::missing_required_field::MissingRequiredField,
    &config::page_json_window_wrapper::PageJsonWindowWrapper,
    &pages::missing_page_file::MissingPageFile,
    &pages::invalid_page_path::InvalidPagePath,
    &pages::page_path_has_extension::PagePathHasExtension,
    &pages::duplicate_page::DuplicatePage,
    &pages::main_page_in_subpackage::MainPageInSubpackage,
    &pages::entry_page_not_declared::EntryPageNotDeclared,
];

/// A rule by code (`MP101`, any case) or name (`pages-empty`).
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key)
}
