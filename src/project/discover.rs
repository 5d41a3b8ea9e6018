//! Which project a path belongs to, found the way ESLint, ruff and biome find their settings:
//! walking up from the path, the nearest folder whose `project.config.json` has a
//! `miniprogramRoot` that contains the path; else the nearest folder with an `app.json`; else
//! the nearest folder with a `project.config.json` (a path in the project folder but outside
//! its miniprogram root, such as `cloudfunctions/`).

use super::{PROJECT_CONFIG, read_json_inside, resolve_root};
use std::path::{Path, PathBuf};

/// Folders climbed at most (a path deeper than this is not looked up further).
const MAX_DEPTH: usize = 256;

/// A path's project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enclosing {
    /// The project folder (canonical).
    pub dir: PathBuf,
    /// The path relative to `dir`, `/`-separated; `""` for the folder itself.
    pub rel: String,
    /// The path is a folder.
    pub is_dir: bool,
}

/// The project that `path` (a file or folder, which must exist) belongs to, if any.
pub fn enclosing(path: &Path) -> std::io::Result<Option<Enclosing>> {
    let canonical = path.canonicalize()?;
    let is_dir = canonical.is_dir();
    let start = if is_dir {
        canonical.as_path()
    } else {
        canonical.parent().unwrap_or(&canonical)
    };
    let mut nearest_app: Option<&Path> = None;
    let mut nearest_config: Option<&Path> = None;
    let mut containing: Option<&Path> = None;
    for dir in start.ancestors().take(MAX_DEPTH) {
        if dir.join(PROJECT_CONFIG).is_file() {
            nearest_config.get_or_insert(dir);
            // A root without app.json (a source repository whose built app is in `dist/`) does
            // not take the path from a nearer folder with one.
            let root = root_of(dir);
            if canonical.starts_with(&root)
                && (nearest_app.is_none() || root.join("app.json").is_file())
            {
                containing = Some(dir);
                break;
            }
        }
        if nearest_app.is_none() && dir.join("app.json").is_file() {
            nearest_app = Some(dir);
        }
    }
    let Some(dir) = containing.or(nearest_app).or(nearest_config) else {
        return Ok(None);
    };
    let rel = canonical
        .strip_prefix(dir)
        .map(|r| r.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    Ok(Some(Enclosing {
        dir: dir.to_path_buf(),
        rel,
        is_dir,
    }))
}

/// `dir`'s miniprogram root, from its project.config.json: the folder itself when it sets
/// none, cannot be read, or names one that leaves the folder.
fn root_of(dir: &Path) -> PathBuf {
    let doc = read_json_inside(dir, &dir.join(PROJECT_CONFIG));
    let root = doc
        .value()
        .and_then(|c| c.get("miniprogramRoot"))
        .and_then(|r| r.as_str())
        .and_then(|s| resolve_root(dir, s))
        .unwrap_or_default();
    dir.join(root)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn finds_the_config_whose_root_contains_the_path() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().canonicalize().unwrap();
        write(
            &p.join("project.config.json"),
            r#"{"miniprogramRoot": "miniprogram/"}"#,
        );
        write(&p.join("miniprogram/app.json"), "{}");
        write(&p.join("miniprogram/pages/index/index.wxml"), "");
        write(&p.join("cloudfunctions/login/index.js"), "");
        let at = |rel: &str| enclosing(&p.join(rel)).unwrap().unwrap();
        let page = at("miniprogram/pages/index/index.wxml");
        assert_eq!(page.dir, p);
        assert_eq!(page.rel, "miniprogram/pages/index/index.wxml");
        assert!(!page.is_dir);
        assert_eq!(at("miniprogram").dir, p);
        assert_eq!(at("miniprogram").rel, "miniprogram");
        assert_eq!(at("").rel, "");
        // Outside the root: still the project folder (no app.json above it).
        assert_eq!(at("cloudfunctions/login").dir, p);
    }

    #[test]
    fn an_app_json_without_config_and_nothing_at_all() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().canonicalize().unwrap();
        write(&p.join("app/app.json"), "{}");
        write(&p.join("app/pages/a.wxml"), "");
        write(&p.join("other/x.js"), "");
        let found = enclosing(&p.join("app/pages/a.wxml")).unwrap().unwrap();
        assert_eq!(
            (found.dir, found.rel.as_str()),
            (p.join("app"), "pages/a.wxml")
        );
        assert_eq!(enclosing(&p.join("other/x.js")).unwrap(), None);
        assert!(enclosing(&p.join("missing")).is_err());
    }

    #[test]
    fn a_config_whose_root_is_elsewhere_gives_way_to_a_nearer_app_json() {
        // Sources in src/ (with app.json), the build in dist/ (the miniprogram root).
        let t = tempfile::tempdir().unwrap();
        let p = t.path().canonicalize().unwrap();
        write(
            &p.join("project.config.json"),
            r#"{"miniprogramRoot": "dist"}"#,
        );
        write(&p.join("dist/app.json"), "{}");
        write(&p.join("src/app.json"), "{}");
        assert_eq!(
            enclosing(&p.join("src")).unwrap().unwrap().dir,
            p.join("src")
        );
        assert_eq!(enclosing(&p.join("dist")).unwrap().unwrap().dir, p);
    }

    #[test]
    fn a_config_whose_root_has_no_app_json_gives_way_to_a_nearer_app_json() {
        // A component library's repository: its config at the top (no miniprogramRoot, no
        // app.json there), the demo app built into dist/.
        let t = tempfile::tempdir().unwrap();
        let p = t.path().canonicalize().unwrap();
        write(&p.join("project.config.json"), "{}");
        write(&p.join("dist/app.json"), "{}");
        write(&p.join("src/button.js"), "");
        assert_eq!(
            enclosing(&p.join("dist")).unwrap().unwrap().dir,
            p.join("dist")
        );
        // Elsewhere, and at the top, it is still the project (MP100 then says app.json is missing).
        assert_eq!(enclosing(&p.join("src")).unwrap().unwrap().dir, p);
        assert_eq!(enclosing(&p).unwrap().unwrap().dir, p);
    }
}
