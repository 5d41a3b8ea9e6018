//! The official "path value" rules (miniprogram-ci `checkPath`), shared by every rule that
//! reads a path from a manifest.

/// Why a path value is malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathProblem {
    Empty,
    Backslash,
    DoubleSlash,
    LeadingDot,
    LeadingSlash,
    LeadingSpace,
    ParentDir,
}

/// The first problem of `path` in the order the official tool checks them.
pub fn check_path(path: &str) -> Option<PathProblem> {
    if path.is_empty() {
        Some(PathProblem::Empty)
    } else if path.contains('\\') {
        Some(PathProblem::Backslash)
    } else if path.contains("//") {
        Some(PathProblem::DoubleSlash)
    } else if path.starts_with('.') {
        Some(PathProblem::LeadingDot)
    } else if path.starts_with('/') {
        Some(PathProblem::LeadingSlash)
    } else if path.starts_with(' ') {
        Some(PathProblem::LeadingSpace)
    } else if path.contains("../") || path.ends_with("/..") {
        Some(PathProblem::ParentDir)
    } else {
        None
    }
}

/// Source-file extensions that must not be written in a page path.
pub const PAGE_EXTENSIONS: &[&str] = &[".js", ".ts", ".wxml", ".json", ".wxss", ".html"];

/// The extension a page path wrongly ends with.
pub fn page_extension(path: &str) -> Option<&'static str> {
    PAGE_EXTENSIONS.iter().copied().find(|e| path.ends_with(e))
}

/// The folder of template `path` (project-relative), relative to the miniprogram root.
pub fn template_dir<'a>(project: &super::Project, path: &'a str) -> &'a str {
    let in_root = path.strip_prefix(project.mp_root.as_str()).unwrap_or(path);
    in_root.rsplit_once('/').map_or("", |(d, _)| d)
}

/// A `src` from a template in `dir` (relative to the miniprogram root) as a root-relative path:
/// a leading `/` means the root, `../` above the root stays at the root, and `ext` is appended
/// when the path lacks it (`""` for none).
pub fn resolve_src(dir: &str, src: &str, ext: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_order() {
        assert_eq!(check_path(""), Some(PathProblem::Empty));
        assert_eq!(check_path("./a\\b"), Some(PathProblem::Backslash));
        assert_eq!(check_path("/a//b"), Some(PathProblem::DoubleSlash));
        assert_eq!(check_path("/pages/a"), Some(PathProblem::LeadingSlash));
        assert_eq!(check_path("../a"), Some(PathProblem::LeadingDot));
        assert_eq!(check_path(" a"), Some(PathProblem::LeadingSpace));
        assert_eq!(check_path("a/../b"), Some(PathProblem::ParentDir));
        assert_eq!(check_path("a/b.c"), None);
        assert_eq!(page_extension("pages/a/a.js"), Some(".js"));
        assert_eq!(page_extension("pages/a/a"), None);
    }
}
