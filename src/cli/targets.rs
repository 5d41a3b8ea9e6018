//! What `mpcheck check PATH...` covers: the projects the paths belong to (found upward from
//! each path, see [`crate::project::discover`]) and, in each, the part the paths name: the
//! whole project for its folder, its miniprogram root or a folder above that root; else the
//! files and folders given (what pre-commit and lint-staged pass).

use crate::analysis::package::Upload;
use crate::base::diagnostic::Diagnostic;
use crate::project::Project;
use crate::project::discover::{self, Enclosing};
use crate::report::PathBase;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// One project of a run.
#[derive(Debug)]
pub struct Target {
    /// The project folder (canonical).
    pub dir: PathBuf,
    /// How its paths are shown (from the first path given for it).
    pub base: PathBase,
    /// The paths given in it: relative to `dir`, and whether each is a folder.
    picks: Vec<(String, bool)>,
}

/// A path given that is not usable.
#[derive(Debug)]
pub enum TargetError {
    /// It does not exist.
    Missing(PathBuf),
    /// A folder that is in no project (the usual "no project found").
    NoProject(PathBuf),
    Io(PathBuf, std::io::Error),
}

/// The projects of `paths` (sorted by folder, each once), and the files given that belong to
/// no project (left alone: pre-commit passes every staged file).
pub fn find(paths: &[PathBuf]) -> Result<(Vec<Target>, Vec<PathBuf>), TargetError> {
    let mut targets: Vec<Target> = Vec::new();
    let mut outside = Vec::new();
    for path in paths {
        if !crate::base::fsread::is_present(path) {
            return Err(TargetError::Missing(path.clone()));
        }
        let found = discover::enclosing(path).map_err(|e| TargetError::Io(path.clone(), e))?;
        let Some(Enclosing { dir, rel, is_dir }) = found else {
            if path.is_dir() {
                return Err(TargetError::NoProject(path.clone()));
            }
            outside.push(path.clone());
            continue;
        };
        match targets.iter_mut().find(|t| t.dir == dir) {
            Some(t) => t.picks.push((rel, is_dir)),
            None => targets.push(Target {
                base: PathBase::from_typed(path, &rel, &dir),
                dir,
                picks: vec![(rel, is_dir)],
            }),
        }
    }
    targets.sort_by(|a, b| a.dir.cmp(&b.dir));
    Ok((targets, outside))
}

impl Target {
    /// The part of the project the paths name, once its miniprogram root is known.
    pub fn selection(&self, mp_root: &str) -> Selection {
        let mut files = BTreeSet::new();
        let mut dirs = Vec::new();
        for (rel, is_dir) in &self.picks {
            if !is_dir {
                files.insert(rel.clone());
                continue;
            }
            let folder = format!("{rel}/");
            if rel.is_empty() || mp_root.starts_with(&folder) {
                return Selection::Whole;
            }
            dirs.push(folder);
        }
        Selection::Part { files, dirs }
    }
}

/// The findings a run reports for one project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    Whole,
    /// Findings in these files (or under these folders, `"pages/"`), in a related location
    /// there, or about the size of a package one of them is uploaded in.
    Part {
        files: BTreeSet<String>,
        dirs: Vec<String>,
    },
}

/// Findings about one package's size (located at the package in app.json): caused by every
/// file in that package.
const PACKAGE_SIZE_RULES: &[&str] = &["MP400", "MP401"];
/// Findings about the whole upload's size: caused by every file uploaded.
const UPLOAD_SIZE_RULES: &[&str] = &["MP402"];
/// Findings about the images' and audio's total size: caused by each of them.
const MEDIA_SIZE_RULES: &[&str] = &["MP405"];

impl Selection {
    fn picked(&self, file: &str) -> bool {
        match self {
            Selection::Whole => true,
            Selection::Part { files, dirs } => {
                files.contains(file) || dirs.iter().any(|d| file.starts_with(d.as_str()))
            }
        }
    }

    /// `d` is reported.
    /// `upload` is the project's upload set (needed for a [`Selection::Part`]: without it,
    /// only findings located in a picked file are kept).
    pub fn keeps(&self, project: &Project, upload: Option<&Upload>, d: &Diagnostic) -> bool {
        if self.picked(&d.file) || d.related.iter().any(|r| self.picked(&r.file)) {
            return true;
        }
        let code = d.rule.code;
        let Some(upload) = upload else {
            return false;
        };
        let mut picked = upload.files.iter().filter(|f| self.picked(&f.path));
        if UPLOAD_SIZE_RULES.contains(&code) {
            return picked.next().is_some();
        }
        if MEDIA_SIZE_RULES.contains(&code) {
            return picked.any(|f| crate::analysis::package::is_media(&f.path));
        }
        if !PACKAGE_SIZE_RULES.contains(&code) {
            return false;
        }
        picked.any(|f| {
            let (file, span) =
                crate::lint::rules::package::package_location(project, upload, f.package);
            file == d.file && span == d.span
        })
    }
}
