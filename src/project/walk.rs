//! One walk over the package folders, in parallel per top-level folder.

use crate::base::glob::GlobSet;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use walkdir::WalkDir;

/// Folders the official packer never uploads and mpcheck never enters.
pub const SKIPPED_DIRS: &[&str] = &["node_modules", ".git", ".svn"];
/// Files the official packer ignores.
pub const SKIPPED_FILES: &[&str] = &[".DS_Store"];

/// A file found by the walk (no `stat`: the directory listing says it is a file).
pub struct WalkedFile {
    /// Relative to the project folder, `/`-separated.
    pub rel: String,
    pub excluded: bool,
}

#[derive(Debug, Clone)]
pub enum WalkProblemKind {
    SymlinkLoop,
    SymlinkOutside(PathBuf),
    NotRegular,
    NonUtf8Name,
    Io(String),
    /// A code file found by the walk that could not be read.
    Read(crate::base::fsread::ReadError),
    /// A code file that is not UTF-8 text (not analysed).
    NotUtf8 {
        encoding: &'static str,
    },
}

#[derive(Debug, Clone)]
pub struct WalkProblem {
    pub rel: String,
    pub kind: WalkProblemKind,
}

#[derive(Default)]
pub struct WalkResult {
    pub files: Vec<WalkedFile>,
    pub dirs: Vec<String>,
    pub problems: Vec<WalkProblem>,
}

impl WalkResult {
    pub fn merge(mut self, other: WalkResult) -> WalkResult {
        self.files.extend(other.files);
        self.dirs.extend(other.dirs);
        self.problems.extend(other.problems);
        self
    }
}

pub fn rel_path(base: &Path, path: &Path) -> String {
    // The walk's paths start with the folder's own text: stripped as bytes (one call per file
    // found; `Path::strip_prefix` compares component by component).
    #[cfg(unix)]
    if let (Some(b), Some(p)) = (base.to_str(), path.to_str())
        && let Some(rest) = p.strip_prefix(b)
        && let Some(rest) = rest.strip_prefix('/')
        && !b.is_empty()
        && !b.ends_with('/')
        && is_plain(rest)
    {
        return rest.to_string();
    }
    let rel = path.strip_prefix(base).unwrap_or(path);
    // Already `/`-separated where the separator is `/` (one call per file found).
    #[cfg(unix)]
    if let Some(s) = rel.to_str()
        && is_plain(s)
    {
        return s.to_string();
    }
    let mut s = String::new();
    for (i, c) in rel.components().enumerate() {
        if i > 0 {
            s.push('/');
        }
        s.push_str(&c.as_os_str().to_string_lossy());
    }
    s
}

/// A relative `/`-separated path whose components are what `Path::components` gives back
/// (no empty or `.` component, no leading or trailing `/`).
#[cfg(unix)]
fn is_plain(s: &str) -> bool {
    // One pass over the bytes (asked for every file and folder found): no segment is empty
    // or `.`.
    s.is_empty() || !crate::base::relpath::any_segment(s, |seg| matches!(seg, b"" | b"."))
}

/// Walks `start` (inside `project_dir`, which must be canonical).
pub fn walk(project_dir: &Path, start: &Path, exclude: &GlobSet) -> WalkResult {
    let mut result = WalkResult::default();
    let entries = match std::fs::read_dir(start) {
        Ok(e) => e,
        Err(e) => {
            result.problems.push(WalkProblem {
                rel: rel_path(project_dir, start),
                kind: WalkProblemKind::Io(e.to_string()),
            });
            return result;
        }
    };
    let mut roots: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    roots.sort();
    let parts: Vec<WalkResult> = roots
        .par_iter()
        .map(|root| walk_one(project_dir, root, exclude))
        .collect();
    if start != project_dir {
        result.dirs.push(rel_path(project_dir, start));
    }
    parts.into_iter().fold(result, WalkResult::merge)
}

enum SymlinkIssue {
    Loop,
    Outside,
}

fn walk_one(project_dir: &Path, root: &Path, exclude: &GlobSet) -> WalkResult {
    let mut out = WalkResult::default();
    let mut outside = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            if e.file_type().is_dir() && SKIPPED_DIRS.contains(&name.as_ref()) {
                return false;
            }
            if !e.file_type().is_dir() && SKIPPED_FILES.contains(&name.as_ref()) {
                return false;
            }
            if e.path_is_symlink()
                && let Ok(target) = e.path().canonicalize()
            {
                if !target.starts_with(project_dir) {
                    outside.push((e.path().to_path_buf(), SymlinkIssue::Outside));
                    return false;
                }
                // A link to a folder that contains it would walk the same files forever.
                let parent = e.path().parent().and_then(|p| p.canonicalize().ok());
                if e.file_type().is_dir() && parent.is_some_and(|p| p.starts_with(&target)) {
                    outside.push((e.path().to_path_buf(), SymlinkIssue::Loop));
                    return false;
                }
            }
            true
        });
    for entry in walker {
        match entry {
            Ok(e) if e.path().to_str().is_none() => out.problems.push(WalkProblem {
                rel: rel_path(project_dir, e.path()),
                kind: WalkProblemKind::NonUtf8Name,
            }),
            Ok(e) => {
                let rel = rel_path(project_dir, e.path());
                let ft = e.file_type();
                if ft.is_dir() {
                    out.dirs.push(rel);
                } else if ft.is_file() {
                    let excluded = exclude.is_match(&rel);
                    out.files.push(WalkedFile { rel, excluded });
                } else {
                    out.problems.push(WalkProblem {
                        rel,
                        kind: WalkProblemKind::NotRegular,
                    });
                }
            }
            Err(e) => {
                let rel = e
                    .path()
                    .map(|p| rel_path(project_dir, p))
                    .unwrap_or_default();
                let kind = if e.loop_ancestor().is_some() {
                    WalkProblemKind::SymlinkLoop
                } else {
                    WalkProblemKind::Io(
                        e.io_error()
                            .map_or_else(|| e.to_string(), ToString::to_string),
                    )
                };
                out.problems.push(WalkProblem { rel, kind });
            }
        }
    }
    // In path order here, on this folder's thread: the project's list of every folder's files
    // is then a few sorted runs, which its (adaptive) sort merges.
    out.files.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    for (path, issue) in outside {
        let kind = match issue {
            SymlinkIssue::Loop => WalkProblemKind::SymlinkLoop,
            // Show the link as written: the resolved path depends on the machine.
            SymlinkIssue::Outside => {
                WalkProblemKind::SymlinkOutside(std::fs::read_link(&path).unwrap_or_default())
            }
        };
        out.problems.push(WalkProblem {
            rel: rel_path(project_dir, &path),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rel_path;
    use std::path::Path;

    /// The one-pass test says what the substring tests it replaced said.
    #[cfg(unix)]
    #[test]
    fn plain_paths_as_the_substring_tests_had_them() {
        let substrings = |s: &str| {
            !s.contains("//")
                && !s.starts_with("./")
                && !s.starts_with('/')
                && !s.contains("/./")
                && !s.ends_with('/')
                && !s.ends_with("/.")
                && s != "."
        };
        for s in [
            "", ".", "..", "/", "//", "./", "a", "a/b", "a//b", "/a", "a/", "a/.", "./a", "a/./b",
            "a/../b", ".a", "a.", "a/.b", "a/b./c", "...", "a/..", "../a",
        ] {
            assert_eq!(super::is_plain(s), substrings(s), "{s:?}");
        }
    }

    #[test]
    fn relative_paths() {
        for (base, path, rel) in [
            ("/p", "/p/pages/a.js", "pages/a.js"),
            ("/p", "/p", ""),
            // Outside the folder (never for a walked file): as `Path::components` has it.
            ("/p", "/pq/a.js", "//pq/a.js"),
            ("/p", "/p/./a.js", "a.js"),
            ("/p", "/p//a//b.js", "a/b.js"),
            ("/p", "/p/a/", "a"),
            ("/", "/a/b", "a/b"),
            ("/p/", "/p/a", "a"),
            ("", "a/b", "a/b"),
            ("/p", "/p/a/.", "a"),
            ("/p", "/p/./", ""),
            ("/p", "/p/a/../b", "a/../b"),
            ("/p", "/p/.a/b.", ".a/b."),
        ] {
            assert_eq!(
                rel_path(Path::new(base), Path::new(path)),
                rel,
                "{base} {path}"
            );
        }
    }
}
