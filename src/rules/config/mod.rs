//! Manifest content: app.json, page and component json.

pub mod app_json_not_found;
pub mod invalid_color;
pub mod invalid_enum_value;
pub mod invalid_field_type;
pub mod missing_required_field;
pub mod page_json_window_wrapper;
pub mod pages_empty;
pub mod unknown_field;

use crate::rule::Ctx;
use crate::schema::SchemaIssue;

/// Calls `f` with every schema finding of the project (computed once in the index).
pub(crate) fn schema_issues<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a str, &'a SchemaIssue)> {
    ctx.project
        .schema_issues
        .iter()
        .flat_map(|(file, _, issues)| issues.iter().map(move |i| (file.as_str(), i)))
}

/// The short name of a manifest for messages: `app.json`, `pages/a/a.json`.
pub(crate) fn display_name<'a>(ctx: &Ctx, file: &'a str) -> &'a str {
    file.strip_prefix(ctx.project.mp_root.as_str())
        .unwrap_or(file)
}

/// What a schema finding is about: `app.json ["window"]["x"]`, or just `app.json` at the top.
pub(crate) fn subject(ctx: &Ctx, file: &str, issue: &SchemaIssue) -> String {
    let name = display_name(ctx, file);
    if issue.path.is_empty() {
        name.to_string()
    } else {
        format!("{name} {}", issue.path)
    }
}
