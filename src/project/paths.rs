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
