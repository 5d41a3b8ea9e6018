//! WXML templates, parsed once by `crate::wxml`.

pub mod duplicate_attribute;
pub mod event_handler_not_found;
pub mod for_without_key;
pub mod media_src_not_found;
pub mod orphan_elif_else;
pub mod template_not_found;
pub mod undeclared_component;
pub mod unused_component;
pub mod wxml_src_not_found;
pub mod wxml_syntax_error;

use crate::rule::Ctx;
use crate::wxml::Document;

/// The parsed WXML files in path order.
pub(crate) fn documents<'a>(ctx: &Ctx<'a>) -> Vec<(&'a str, &'a Document)> {
    let mut docs: Vec<(&str, &Document)> = ctx
        .project
        .wxml
        .iter()
        .map(|(p, d)| (p.as_str(), d))
        .collect();
    docs.sort_by_key(|(p, _)| *p);
    docs
}

/// The folder of template `path` (project-relative), relative to the miniprogram root.
pub(crate) fn template_dir<'a>(project: &crate::project::Project, path: &'a str) -> &'a str {
    let in_root = path.strip_prefix(project.mp_root.as_str()).unwrap_or(path);
    in_root.rsplit_once('/').map_or("", |(d, _)| d)
}

/// A `src` from a template in `dir` (relative to the miniprogram root) as a root-relative path:
/// a leading `/` means the root, `../` above the root stays at the root, and `ext` is appended
/// when the path lacks it (`""` for none).
pub(crate) fn resolve_src(dir: &str, src: &str, ext: &str) -> String {
    let joined = match src.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None if dir.is_empty() => src.to_string(),
        None => format!("{dir}/{src}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    let path = parts.join("/");
    if ext.is_empty() || path.ends_with(&format!(".{ext}")) {
        path
    } else {
        format!("{path}.{ext}")
    }
}
