//! Declared pages: their paths and their files.

pub mod duplicate_page;
pub mod entry_page_not_declared;
pub mod invalid_page_path;
pub mod main_page_in_subpackage;
pub mod missing_page_file;
pub mod page_path_has_extension;
