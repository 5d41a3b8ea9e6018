//! The project model: where the mini program is, every file in it, each JSON file parsed once,
//! and the app.json model (pages, subpackages) that every rule reads.

pub mod app;
pub mod discover;
pub mod paths;
pub mod text;
pub mod walk;
pub mod wxml;

use crate::base::glob::GlobSet;
use crate::base::source::{Decoded, Source, Span, decode};
use crate::syntax::js::Module;
use crate::syntax::json::{self, Json, ParseError};
pub use app::{AppModel, PageDecl, SubPackage};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
pub use walk::{WalkProblem, WalkProblemKind};

pub const PROJECT_CONFIG: &str = "project.config.json";
pub const PRIVATE_CONFIG: &str = "project.private.config.json";
use text::LazyText;
pub use text::MAX_CODE_BYTES;
/// JSON files larger than this are not read (no mini program package can hold one).
pub const MAX_JSON_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Json,
    Wxml,
    Wxss,
    Wxs,
    Js,
    Ts,
    Image,
    Other,
}

impl FileKind {
    pub fn of(path: &str) -> FileKind {
        let ext = crate::base::relpath::rsplit_once_byte(path, b'.').map_or("", |(_, e)| e);
        // Lowered on the stack: every known extension has at most four letters.
        if ext.len() > 4 {
            return FileKind::Other;
        }
        let mut lower = [0u8; 4];
        lower[..ext.len()].copy_from_slice(ext.as_bytes());
        lower.make_ascii_lowercase();
        match &lower[..ext.len()] {
            b"json" => FileKind::Json,
            b"wxml" => FileKind::Wxml,
            b"wxss" => FileKind::Wxss,
            b"wxs" => FileKind::Wxs,
            b"js" | b"mjs" | b"cjs" => FileKind::Js,
            b"ts" => FileKind::Ts,
            b"png" | b"jpg" | b"jpeg" | b"gif" | b"svg" | b"webp" => FileKind::Image,
            _ => FileKind::Other,
        }
    }
}

/// Why a JSON file has no value.
#[derive(Debug, Clone)]
pub enum JsonProblem {
    Empty,
    NotUtf8 {
        offset: usize,
    },
    Syntax(ParseError),
    /// Not read: missing, not a regular file, too large, a link out of the project, I/O.
    Unreadable(crate::base::fsread::ReadError),
}

/// A JSON file, read and parsed once.
#[derive(Debug)]
pub struct JsonDoc {
    /// Bytes on disk.
    pub size: u64,
    pub source: Source,
    pub had_bom: bool,
    pub value: Result<Json, JsonProblem>,
}

impl JsonDoc {
    pub fn value(&self) -> Option<&Json> {
        self.value.as_ref().ok()
    }
}

#[derive(Debug)]
pub struct ProjectFile {
    /// Relative to the project folder, `/`-separated.
    pub path: String,
    pub kind: FileKind,
    /// Bytes, known for the files that were read; see [`Project::file_size`] for the others.
    pub size: Option<u64>,
    /// Matched by `exclude` in mpcheck.json: known to exist, never read or reported.
    pub excluded: bool,
    /// Boxed: most files are not JSON.
    pub json: Option<Box<JsonDoc>>,
}

/// The role a JSON file plays, which decides the schema it is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonRole {
    App,
    Page,
    Component,
    ProjectConfig,
    PrivateConfig,
    Sitemap,
    Theme,
    Ext,
    Plugin,
}

/// Facts about how the project was found, for the rules that report on it.
#[derive(Debug, Default)]
pub struct Discovery {
    /// `miniprogramRoot` as written, with the span of its value in project.config.json.
    pub miniprogram_root_setting: Option<(String, Span)>,
    /// Folders (relative, with trailing `/`; `""` for the project folder) holding an app.json
    /// when none is in the miniprogram root.
    pub app_json_elsewhere: Vec<String>,
    /// `miniprogramRoot` resolves outside the project folder (`a/../../x`, or a link out of
    /// it): nothing is walked.
    pub root_outside: bool,
}

pub struct Project {
    /// The project folder (canonical).
    pub dir: PathBuf,
    /// The project folder opened, to read the files found in it.
    folder: crate::base::fsread::Folder,
    /// What was gathered of each JS/TS file.
    pub js_facts: JsFacts,
    /// The miniprogram root relative to `dir`: `""` or `"dist/"`.
    pub mp_root: String,
    pub files: Vec<ProjectFile>,
    index: FxHashMap<String, usize>,
    dirs: FxHashSet<String>,
    /// Lower-cased path → file, built on first use (only for help texts).
    lower_index: std::sync::OnceLock<FxHashMap<String, usize>>,
    pub walk_problems: Vec<WalkProblem>,
    pub discovery: Discovery,
    pub app: Option<AppModel>,
    /// `setting.useCompilerPlugins` contains `typescript`.
    pub typescript: bool,
    /// `setting.useCompilerPlugins` (`typescript`, `less`, `sass`).
    pub compiler_plugins: Vec<String>,
    /// Git submodule folders (project-relative) from the nearest `.gitmodules`.
    pub submodules: Vec<String>,
    /// Packages listed in package.json (`dependencies`, `devDependencies`).
    pub npm_dependencies: FxHashSet<String>,
    /// `pluginRoot` of a plugin project, normalised (`"plugin/"`).
    pub plugin_root: Option<String>,
    /// Subpackage root prefix (`"pkgA/"`) → index (the first subpackage with that root).
    subpackage_roots: FxHashMap<String, usize>,
    /// Every JS/TS file parsed once, by path.
    pub modules: crate::syntax::js::Modules,
    /// Text of the JS/TS, WXS and WXML files checked, read again for diagnostics.
    texts: FxHashMap<String, LazyText>,
    /// Inline suppression directives found in JS/TS and `.wxs` comments (the templates' are
    /// in [`Project::wxml`]; [`Project::directives`] has both).
    directives: Vec<crate::syntax::suppress::Directive>,
    /// The templates' facts, once they are parsed.
    wxml: std::sync::OnceLock<wxml::WxmlIndex>,
    /// The rules are reading the templates' trees (see [`Project::parse_templates`]).
    indexing_templates: std::sync::atomic::AtomicBool,
    /// The `.wxs` files' modules, in path order ([`Project::wxs`] adds the inline ones).
    wxs_files: Vec<(String, crate::syntax::wxs::WxsModule)>,
    /// `@import` targets of every style sheet (`.wxss`, `.less`, `.scss`, `.sass`).
    pub style_imports: FxHashMap<String, Vec<String>>,
}

#[derive(Debug)]
pub enum LoadError {
    NotFound {
        path: PathBuf,
        looked_for: Vec<PathBuf>,
        elsewhere: Vec<String>,
    },
    NotADirectory(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl Project {
    pub fn file(&self, rel: &str) -> Option<&ProjectFile> {
        self.index.get(rel).map(|&i| &self.files[i])
    }
    pub fn exists(&self, rel: &str) -> bool {
        self.index.contains_key(rel)
    }
    pub fn is_dir(&self, rel: &str) -> bool {
        self.dirs.contains(rel.trim_end_matches('/'))
    }
    /// The outermost folder of `folder` (relative to the project folder) that does not exist,
    /// below the miniprogram root: `pages/shop` for `pages/shop/list` when `pages/` exists.
    pub fn outermost_missing_dir<'a>(&self, folder: &'a str) -> Option<&'a str> {
        let start = folder
            .strip_prefix(self.mp_root.as_str())
            .map_or(0, |rest| folder.len() - rest.len());
        let mut end = start;
        for part in folder[start..].split('/') {
            end += part.len();
            if !part.is_empty() && !self.is_dir(&folder[..end]) {
                return Some(&folder[..end]);
            }
            end += 1;
        }
        None
    }
    /// A file whose path differs from `rel` only in letter case.
    pub fn case_variant(&self, rel: &str) -> Option<&str> {
        let lower = self.lower_index.get_or_init(|| {
            self.files
                .iter()
                .enumerate()
                .map(|(i, f)| (f.path.to_lowercase(), i))
                .collect()
        });
        let i = *lower.get(&rel.to_lowercase())?;
        let found = &self.files[i].path;
        (found != rel).then_some(found.as_str())
    }
    /// The size of a file in the index: known if it was read, else one `stat`.
    pub fn file_size(&self, rel: &str) -> Option<u64> {
        self.size_of(self.file(rel)?)
    }
    /// Bytes of a file: known if it was read, else from the file system.
    pub fn size_of(&self, f: &ProjectFile) -> Option<u64> {
        let template = || self.wxml.get()?.sizes.get(&f.path).copied();
        f.size.or_else(template).or_else(|| {
            std::fs::metadata(self.dir.join(&f.path))
                .ok()
                .map(|m| m.len())
        })
    }
    /// `<base>.js` exists, or `<base>.ts` with the TypeScript compiler plugin on
    /// (`base` relative to the project folder, without extension).
    pub fn script_exists(&self, base: &str) -> bool {
        self.exists(&format!("{base}.js"))
            || (self.typescript && self.exists(&format!("{base}.ts")))
    }
    /// The text of a file that was read, for rendering diagnostics.
    pub fn source(&self, rel: &str) -> Option<&Source> {
        match self.json(rel) {
            Some(d) => Some(&d.source),
            None => self.texts.get(rel)?.get(&self.dir, rel),
        }
    }

    /// Whether the text of `rel` was (or will be) checked: a JSON, JS/TS, WXS or WXML file.
    pub fn has_text(&self, rel: &str) -> bool {
        self.json(rel).is_some() || self.texts.contains_key(rel)
    }

    /// The line of the first `-----BEGIN … PRIVATE KEY-----` in a file whose text was checked.
    pub fn private_key_line(&self, rel: &str) -> Option<u32> {
        match self.json(rel) {
            Some(d) => text::private_key(&d.source.text).map(|s| text::line_of(&d.source.text, s)),
            None => self.texts.get(rel)?.private_key_line(),
        }
    }

    /// Adds the text of a file read outside the index (a `mpcheck widget-data` input), so
    /// findings in it show their excerpt.
    pub fn add_text(&mut self, name: String, source: Source) {
        self.texts.insert(name, LazyText::held(source));
    }

    /// The templates' facts, parsing every template on first use (see
    /// [`Project::parse_templates`], which also hands the trees to the rules).
    pub fn wxml(&self) -> &wxml::WxmlIndex {
        assert!(
            !self
                .indexing_templates
                .load(std::sync::atomic::Ordering::SeqCst),
            "the templates' facts were asked for while the rules read the trees: a rule that \
             reads other templates belongs in check_project"
        );
        self.wxml.get_or_init(|| self.index_templates::<()>(None).0)
    }

    /// The WXML files, in path order.
    pub fn templates(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .filter(|f| f.kind == FileKind::Wxml)
            .map(|f| f.path.as_str())
    }

    /// Parses every template in parallel and calls `each` on each tree while it is alive;
    /// returns what the calls return, in path order. The first pass also keeps the facts
    /// ([`Project::wxml`]); a later one parses again.
    pub fn parse_templates<T: Send>(&self, each: &wxml::EachTemplate<T>) -> Vec<T> {
        if self.wxml.get().is_some() {
            // Read again, not kept (`source` would hold every text for the rest of the run).
            let docs: Vec<&str> = self.templates().collect();
            return docs
                .par_iter()
                .flat_map_iter(|path| {
                    let text = text::read_again(&self.dir, path).text;
                    let doc = text.map(|t| crate::syntax::wxml::parse_shared(t.into()));
                    doc.map(|doc| each(path, &doc)).unwrap_or_default()
                })
                .collect();
        }
        // While the rules look at the trees, the facts are not there yet: `wxml()` from a rule
        // would start a second parse inside this one (and could wait on itself).
        self.indexing_templates
            .store(true, std::sync::atomic::Ordering::SeqCst);
        let (index, out) = self.index_templates(Some(each));
        self.indexing_templates
            .store(false, std::sync::atomic::Ordering::SeqCst);
        // Another thread may have indexed them meanwhile: the same facts either way.
        let _ = self.wxml.set(index);
        out
    }

    fn index_templates<T: Send>(
        &self,
        each: Option<&wxml::EachTemplate<T>>,
    ) -> (wxml::WxmlIndex, Vec<T>) {
        let started = std::time::Instant::now();
        let docs: Vec<&str> = self.templates().collect();
        let excluded = |path: &str| self.file(path).is_some_and(|f| f.excluded);
        let read = |rel: &str| {
            let read = text::read(&self.folder, rel, false);
            if let (Some(text), Some(slot)) = (&read.text, self.texts.get(rel)) {
                slot.check(text);
            }
            read
        };
        // `mpcheck size` reads only what templates load.
        let refs_only = self.js_facts == JsFacts::Imports;
        let indexed = wxml::index(&docs, read, excluded, each, refs_only);
        if crate::base::timing::enabled() {
            crate::base::timing::note(format_args!(
                "templates {:?} ({} read, parse CPU {} ms), {}",
                started.elapsed(),
                docs.len(),
                wxml::PARSE_NS.load(std::sync::atomic::Ordering::Relaxed) / 1_000_000,
                rss()
            ));
        }
        indexed
    }

    /// Every suppression directive: code comments, `.wxs` files, then the templates.
    pub fn directives(&self) -> impl Iterator<Item = &crate::syntax::suppress::Directive> {
        self.directives.iter().chain(&self.wxml().directives)
    }

    /// Every WXS module (`.wxs` files, then inline `<wxs>` bodies), with its file.
    pub fn wxs(&self) -> impl Iterator<Item = &(String, crate::syntax::wxs::WxsModule)> {
        self.wxs_files.iter().chain(&self.wxml().wxs)
    }

    /// Indexes the code read in the parallel pass.
    fn index_code(&mut self, code: Vec<CodeFile>) {
        // Sorted into one list per table, then the tables built at the same time (this runs
        // between two parallel passes).
        let (mut modules, mut texts, mut styles) = (Vec::new(), Vec::new(), Vec::new());
        for c in code {
            self.walk_problems.extend(c.problem);
            if let Some(m) = c.wxs {
                self.directives.extend(m.directives.iter().cloned());
                self.wxs_files.push((c.path.clone(), m));
            }
            if let Some(m) = c.module {
                self.directives.extend(m.directives.iter().cloned());
                modules.push((c.path.clone(), m));
            }
            if let Some(imports) = c.style_imports {
                styles.push((c.path.clone(), imports));
            }
            if let Some(text) = c.text {
                texts.push((c.path, text));
            }
        }
        // The upload set shows no text: none is kept (nor hashed, nor searched for keys).
        if self.js_facts == JsFacts::All {
            let templates = self.files.iter().filter(|f| f.kind == FileKind::Wxml);
            texts.extend(templates.map(|f| (f.path.clone(), LazyText::unread())));
        }
        // `extend` sizes each table once: growing one keeps the old table until the new is full.
        rayon::join(
            || self.modules.extend(modules),
            || {
                rayon::join(
                    || self.texts.extend(texts),
                    || self.style_imports.extend(styles),
                )
            },
        );
        // Excluded files are read for the analyses (what is reached, what is uploaded), but
        // the rules do not see their suppression directives (nor their network calls).
        let (files, index) = (&self.files, &self.index);
        let excluded = |file: &str| index.get(file).is_some_and(|&i| files[i].excluded);
        self.directives.retain(|d| !excluded(&d.file));
    }
    /// `setting.ignoreUploadUnusedFiles` is true: the packer leaves out code files nothing
    /// uses. miniprogram-ci reads the setting with `Boolean(...)`, so unset means off (DevTools
    /// writes `true` into new projects).
    pub fn upload_unused_files_dropped(&self) -> bool {
        self.project_config()
            .and_then(|c| c.get("setting"))
            .and_then(|s| s.get("ignoreUploadUnusedFiles"))
            .and_then(Json::as_bool)
            == Some(true)
    }

    pub fn json(&self, rel: &str) -> Option<&JsonDoc> {
        self.file(rel)?.json.as_deref()
    }
    /// A path inside the miniprogram root, relative to the project folder.
    pub fn in_root(&self, path: &str) -> String {
        [self.mp_root.as_str(), path].concat()
    }
    /// [`Project::in_root`] of `base` followed by `ext` (`.json`), in one allocation.
    pub fn in_root_with(&self, base: &str, ext: &str) -> String {
        [self.mp_root.as_str(), base, ext].concat()
    }
    /// `path` (relative to the project folder) as seen from the miniprogram root, as messages
    /// name files; unchanged when it is outside the root.
    pub fn from_root<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(self.mp_root.as_str()).unwrap_or(path)
    }
    pub fn app_json_path(&self) -> String {
        self.in_root("app.json")
    }
    /// The parsed app.json, if it exists and is valid.
    pub fn app_json(&self) -> Option<&Json> {
        self.json(&self.app_json_path())?.value()
    }
    /// sitemap.json: `sitemapLocation` of app.json, else `sitemap.json` in the root.
    pub fn sitemap_path(&self) -> Option<String> {
        match self.app_json()?.get("sitemapLocation") {
            Some(v) => v.as_str().map(|s| self.in_root(s.trim_start_matches('/'))),
            None => Some(self.in_root("sitemap.json")),
        }
    }
    /// theme.json: `themeLocation` of app.json.
    pub fn theme_path(&self) -> Option<String> {
        let loc = self.app_json()?.get("themeLocation")?.as_str()?;
        Some(self.in_root(loc.trim_start_matches('/')))
    }
    /// The subpackage a path (relative to the miniprogram root) belongs to; `None` is main.
    pub fn package_of(&self, path: &str) -> Option<usize> {
        // The longest root that is a folder prefix of the path: look up each folder prefix,
        // longest first (linear in the path, whatever the number of subpackages).
        if self.subpackage_roots.is_empty() {
            return None;
        }
        crate::base::relpath::slashes_from_end(path)
            .find_map(|k| self.subpackage_roots.get(&path[..=k]).copied())
    }
    /// Whether code at `from` may use the file at `to` (both relative to the miniprogram
    /// root): same package, or the main package from a subpackage that is not independent.
    pub fn package_can_use(&self, from: &str, to: &str) -> bool {
        let (from, to) = (self.package_of(from), self.package_of(to));
        let independent = from.is_some_and(|i| {
            self.app
                .as_ref()
                .is_some_and(|a| a.subpackages.get(i).is_some_and(|s| s.independent))
        });
        from == to || (to.is_none() && !independent)
    }
    fn read_npm_dependencies(&self, problems: &mut Vec<WalkProblem>) -> FxHashSet<String> {
        let mut deps = FxHashSet::default();
        let mut docs = vec![];
        if let Some(d) = self.json(&self.in_root("package.json")) {
            docs.push(d.value.as_ref().ok().cloned());
        }
        if !self.mp_root.is_empty() {
            let p = self.dir.join("package.json");
            if crate::base::fsread::is_present(&p) {
                match read_json_inside(&self.dir, &p).value {
                    Ok(v) => docs.push(Some(v)),
                    // Not a file or leaving the project: MP002 (a syntax error there is the
                    // build tool's business, not the mini program's).
                    Err(JsonProblem::Unreadable(e)) => problems.push(WalkProblem {
                        rel: "package.json".into(),
                        kind: WalkProblemKind::Read(e),
                    }),
                    Err(_) => {}
                }
            }
        }
        for doc in docs.into_iter().flatten() {
            for key in ["dependencies", "devDependencies"] {
                for m in doc.get(key).and_then(Json::as_object).unwrap_or_default() {
                    deps.insert(m.key.clone());
                }
            }
        }
        deps
    }
    /// The parsed project.config.json, if it exists and is valid.
    pub fn project_config(&self) -> Option<&Json> {
        self.json(PROJECT_CONFIG)?.value()
    }

    /// Finds the project at `path` and builds the index.
    pub fn load(path: &Path, exclude: &GlobSet) -> Result<Project, LoadError> {
        Self::load_with(path, exclude, JsFacts::All)
    }

    /// [`Project::load`] for what reads only the upload set (`mpcheck size`): of each JS/TS
    /// file only its imports are kept (the rules' facts are not gathered), and only the
    /// templates that may load something are parsed.
    pub fn load_for_upload(path: &Path, exclude: &GlobSet) -> Result<Project, LoadError> {
        Self::load_with(path, exclude, JsFacts::Imports)
    }

    fn load_with(path: &Path, exclude: &GlobSet, facts: JsFacts) -> Result<Project, LoadError> {
        if !path.exists() {
            return Err(LoadError::NotFound {
                path: path.to_path_buf(),
                looked_for: vec![],
                elsewhere: vec![],
            });
        }
        if !path.is_dir() {
            return Err(LoadError::NotADirectory(path.to_path_buf()));
        }
        let dir = path
            .canonicalize()
            .map_err(|e| LoadError::Io(path.to_path_buf(), e))?;
        let config_path = dir.join(PROJECT_CONFIG);
        // Present as anything (a folder, a pipe, a link out of the project): read with the
        // boundary and the cap, and MP002 says why it has no value.
        let has_config = crate::base::fsread::is_present(&config_path);
        let config_doc = has_config.then(|| read_json_inside(&dir, &config_path));

        let mut discovery = Discovery::default();
        let mut mp_root = String::new();
        if let Some(cfg) = config_doc.as_ref().and_then(JsonDoc::value)
            && let Some(m) = cfg.member("miniprogramRoot")
            && let Some(s) = m.value.as_str()
        {
            match resolve_root(&dir, s) {
                Some(root) => mp_root = root,
                None => {
                    mp_root = normalize_root(s);
                    discovery.root_outside = true;
                }
            }
            discovery.miniprogram_root_setting = Some((s.to_string(), m.value.span));
        }
        // A pluginRoot that climbs out is MP132's warning; one that links out is MP002's.
        let mut root_problems = Vec::new();
        let plugin_root = config_doc
            .as_ref()
            .and_then(JsonDoc::value)
            .and_then(|c| c.get("pluginRoot"))
            .and_then(Json::as_str)
            .and_then(|r| {
                let root = resolve_root(&dir, r);
                if root.is_none()
                    && let Some(lexical) = resolve_root(Path::new(""), r)
                {
                    root_problems.push(WalkProblem {
                        rel: lexical.trim_end_matches('/').to_string(),
                        kind: WalkProblemKind::Read(crate::base::fsread::ReadError::Outside),
                    });
                }
                root
            })
            .filter(|r| !r.is_empty());
        let root_dir = (!discovery.root_outside).then(|| dir.join(&mp_root));
        let app_at_root = root_dir
            .as_ref()
            .is_some_and(|r| r.join("app.json").is_file());
        if !app_at_root {
            discovery.app_json_elsewhere = find_app_json(&dir);
            if !has_config {
                return Err(LoadError::NotFound {
                    path: path.to_path_buf(),
                    looked_for: vec![dir.join(PROJECT_CONFIG), dir.join("app.json")],
                    elsewhere: discovery.app_json_elsewhere,
                });
            }
        }

        // A miniprogramRoot that does not exist leaves the index empty; app-json-not-found says why.
        let timings = crate::base::timing::enabled();
        let t0 = std::time::Instant::now();
        let mut walked = match &root_dir {
            Some(r) if r.is_dir() => walk::walk(&dir, r, exclude),
            _ => walk::WalkResult::default(),
        };
        walked.problems.extend(root_problems);
        // A plugin project's plugin folder, when it is not inside the miniprogram root.
        if let Some(pr) = &plugin_root
            && !pr.starts_with(mp_root.as_str())
            && !mp_root.is_empty()
            && dir.join(pr).is_dir()
        {
            walked = walked.merge(walk::walk(&dir, &dir.join(pr), exclude));
        }
        let mut files: Vec<ProjectFile> = walked
            .files
            .into_iter()
            .map(|w| ProjectFile {
                kind: FileKind::of(&w.rel),
                path: w.rel,
                size: None,
                excluded: w.excluded,
                json: None,
            })
            .collect();
        // The project config files sit in the project folder, outside a miniprogram root; and
        // one that is not a readable file is still listed, so that MP002 reports it.
        for name in [PROJECT_CONFIG, PRIVATE_CONFIG] {
            let present = crate::base::fsread::is_present(&dir.join(name));
            let walked = files.iter().any(|f| f.path == name)
                || walked.problems.iter().any(|p| p.rel == name);
            if present && !walked && (!mp_root.is_empty() || name == PROJECT_CONFIG) {
                files.push(ProjectFile {
                    path: name.to_string(),
                    kind: FileKind::Json,
                    size: None,
                    excluded: false,
                    json: None,
                });
            }
        }
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files.dedup_by(|a, b| a.path == b.path);

        // Read and parse every JSON file once, in parallel.
        let mut config_doc = config_doc;
        if timings {
            crate::base::timing::note(format_args!("walk {:?}, {}", t0.elapsed(), rss()));
        }
        let t1 = std::time::Instant::now();
        // Read every file once, in one parallel pass: JSON parsed into the index, JS/TS parsed
        // into module facts, WXML kept as text (parsed once the rules can look at each tree).
        let folder = crate::base::fsread::Folder::open(&dir);
        let code: Vec<CodeFile> = files
            .par_iter_mut()
            .filter_map(|f| {
                if f.kind == FileKind::Json && f.path != PROJECT_CONFIG {
                    // The private config may sit outside the walked root: keep the boundary.
                    let doc = if f.path == PRIVATE_CONFIG {
                        read_json_inside(&dir, &dir.join(&f.path))
                    } else {
                        json_doc(folder.read_capped(&f.path, MAX_JSON_BYTES))
                    };
                    f.size = Some(doc.size);
                    f.json = Some(Box::new(doc));
                    return None;
                }
                read_code_file(&folder, f, facts)
            })
            .collect();
        if timings {
            let ms = |c: &std::sync::atomic::AtomicU64| {
                c.load(std::sync::atomic::Ordering::Relaxed) / 1_000_000
            };
            crate::base::timing::note(format_args!(
                "read and parse {:?} (CPU: JS/TS parse {} ms), {}",
                t1.elapsed(),
                ms(&PARSE_JS_NS),
                rss()
            ));
        }
        if let Some(f) = files.iter_mut().find(|f| f.path == PROJECT_CONFIG) {
            f.json = config_doc.take().map(Box::new);
        }

        // Both tables at once (between two parallel passes).
        let walked_dirs = walked.dirs;
        let (index, mut dirs): (FxHashMap<String, usize>, FxHashSet<String>) = rayon::join(
            || {
                files
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (f.path.clone(), i))
                    .collect()
            },
            || walked_dirs.into_iter().collect(),
        );
        if root_dir.as_ref().is_some_and(|r| r.is_dir()) {
            dirs.insert(mp_root.trim_end_matches('/').to_string());
        }

        let mut project = Project {
            dir,
            folder,
            js_facts: facts,
            mp_root,
            files,
            index,
            dirs,
            lower_index: std::sync::OnceLock::new(),
            walk_problems: walked.problems,
            discovery,
            app: None,
            typescript: false,
            compiler_plugins: Vec::new(),
            submodules: Vec::new(),
            npm_dependencies: FxHashSet::default(),
            plugin_root,
            subpackage_roots: FxHashMap::default(),
            modules: Default::default(),
            texts: FxHashMap::default(),
            directives: Vec::new(),
            wxml: std::sync::OnceLock::new(),
            indexing_templates: std::sync::atomic::AtomicBool::new(false),
            wxs_files: Vec::new(),
            style_imports: FxHashMap::default(),
        };
        project.submodules = read_submodules(&project.dir);
        let mut problems = Vec::new();
        project.npm_dependencies = project.read_npm_dependencies(&mut problems);
        project.walk_problems.extend(problems);
        project.compiler_plugins = project
            .project_config()
            .and_then(|c| c.get("setting"))
            .and_then(|s| s.get("useCompilerPlugins"))
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.as_str().map(str::to_string))
            .collect();
        project.typescript = project.compiler_plugins.iter().any(|p| p == "typescript");
        project.app = project
            .json(&project.app_json_path())
            .and_then(JsonDoc::value)
            .map(AppModel::from_json);
        if let Some(app) = &project.app {
            let mut roots = FxHashMap::default();
            for sp in &app.subpackages {
                if let Some(prefix) = sp.root_prefix() {
                    roots.entry(prefix).or_insert(sp.index);
                }
            }
            project.subpackage_roots = roots;
        }
        crate::base::timing::note(format_args!("files indexed"));
        project.index_code(code);
        Ok(project)
    }
}

/// Resident memory, and the anonymous part of it (the heap and stacks: what fresh pages cost),
/// as `RSS 38 MB (anon 31)` (for MPCHECK_TIMINGS; 0 where /proc is missing).
pub fn rss() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let mb = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    format!("RSS {} MB (anon {})", mb("VmRSS:"), mb("RssAnon:"))
}

/// Time spent parsing JS/TS, summed over threads (for MPCHECK_TIMINGS).
pub static PARSE_JS_NS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// What is gathered of each JS/TS file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsFacts {
    /// Everything the rules read.
    All,
    /// Its imports only (the upload set).
    Imports,
}

/// A JS/TS, WXS, WXML or style file read in the parallel pass.
struct CodeFile {
    path: String,
    /// What is kept of the text checked (the text itself is read again if a diagnostic
    /// needs it).
    text: Option<LazyText>,
    /// JS/TS facts. Boxed: the pass collects one `CodeFile` per code file, and most hold
    /// none.
    module: Option<Box<Module>>,
    /// The `.wxs` file's module.
    wxs: Option<crate::syntax::wxs::WxsModule>,
    /// A style sheet's `@import` targets (style sheets keep no text).
    style_imports: Option<Vec<String>>,
    /// Why the file was not analysed (unreadable, too large, not UTF-8).
    problem: Option<WalkProblem>,
}

impl CodeFile {
    fn empty(path: String) -> CodeFile {
        CodeFile {
            path,
            text: None,
            module: None,
            wxs: None,
            style_imports: None,
            problem: None,
        }
    }
}

fn read_code_file(
    folder: &crate::base::fsread::Folder,
    f: &mut ProjectFile,
    facts: JsFacts,
) -> Option<CodeFile> {
    let is_style = f.kind == FileKind::Wxss
        || [".less", ".scss", ".sass"]
            .iter()
            .any(|e| crate::base::ascii::ends_with_ignore_case(&f.path, e));
    // Templates are read later, each parsed once the rules can look at its tree (`wxml`).
    let is_code = (is_style || matches!(f.kind, FileKind::Js | FileKind::Ts | FileKind::Wxs))
        && !f.path.ends_with(".d.ts");
    if !is_code {
        return None;
    }
    let read = text::read(folder, &f.path, is_style);
    f.size = read.size;
    let problem = read.problem.map(|kind| WalkProblem {
        rel: f.path.clone(),
        kind,
    });
    let Some(text) = read.text else {
        return Some(CodeFile {
            problem,
            ..CodeFile::empty(f.path.clone())
        });
    };
    if is_style {
        // Style sheets are not checked; only their `@import`s are kept (for the upload set).
        return Some(CodeFile {
            style_imports: Some(crate::syntax::wxss::style_imports(&text)),
            ..CodeFile::empty(f.path.clone())
        });
    }
    let t = std::time::Instant::now();
    let (module, wxs) = if f.kind == FileKind::Wxs {
        (None, Some(crate::syntax::wxs::check(&f.path, &text, 0)))
    } else {
        let module = match facts {
            JsFacts::All => crate::syntax::js::extract::parse(&f.path, &text),
            JsFacts::Imports => crate::syntax::js::imports::parse(&f.path, &text),
        };
        (Some(Box::new(module)), None)
    };
    PARSE_JS_NS.fetch_add(
        t.elapsed().as_nanos() as u64,
        std::sync::atomic::Ordering::Relaxed,
    );
    Some(CodeFile {
        path: f.path.clone(),
        text: (facts == JsFacts::All).then(|| LazyText::checked(&text)),
        module,
        wxs,
        style_imports: None,
        problem,
    })
}

/// `miniprogramRoot` as the official tool normalises it: leading `/`, `./`, `../` removed,
/// trailing `/` added; empty stays empty.
pub fn normalize_root(s: &str) -> String {
    let mut r = s.trim().replace('\\', "/");
    loop {
        let before = r.len();
        for prefix in ["../", "./", "/"] {
            while let Some(rest) = r.strip_prefix(prefix) {
                r = rest.to_string();
            }
        }
        if r.len() == before {
            break;
        }
    }
    if r == "." || r == ".." {
        r.clear();
    }
    if !r.is_empty() && !r.ends_with('/') {
        r.push('/');
    }
    r
}

/// A root setting (`miniprogramRoot`, `pluginRoot`) normalised like the official tool
/// (leading `/`, `./`, `../` removed), then with `..` resolved: `None` when it climbs out of
/// the project folder `dir` or is a link that leads out of it. An empty `dir` resolves `..`
/// only (no file system access).
pub fn resolve_root(dir: &Path, setting: &str) -> Option<String> {
    let root = normalize_root(setting);
    let mut parts: Vec<&str> = Vec::new();
    for part in root.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." {
            parts.pop()?;
        } else {
            parts.push(part);
        }
    }
    let mut clean = parts.join("/");
    if !clean.is_empty() {
        clean.push('/');
        let full = dir.join(&clean);
        if dir.as_os_str().is_empty() {
            return Some(clean);
        }
        if crate::base::fsread::check_inside(dir, &full)
            == Err(crate::base::fsread::ReadError::Outside)
        {
            return None;
        }
    }
    Some(clean)
}

/// Folders in `dir` (down to four levels; `""` for `dir` itself) that hold an app.json.
fn find_app_json(dir: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .max_depth(5)
        .into_iter()
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            !(e.file_type().is_dir()
                && (walk::SKIPPED_DIRS.contains(&n.as_ref()) || n == "miniprogram_npm"))
        })
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() == "app.json")
        .filter_map(|e| {
            let parent = walk::rel_path(dir, e.path().parent()?);
            Some(if parent.is_empty() {
                parent
            } else {
                format!("{parent}/")
            })
        })
        .collect();
    // Shallow first, and the usual build-output folders before sources.
    let rank = |p: &str| {
        let name = p.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        ["", "miniprogram", "dist", "build"]
            .iter()
            .position(|n| *n == name)
            .unwrap_or(4)
    };
    found.sort_by_key(|p| (p.matches('/').count(), rank(p), p.clone()));
    found
}

/// Submodule paths from the `.gitmodules` of `dir` or its nearest ancestor that has one,
/// relative to `dir`.
fn read_submodules(dir: &Path) -> Vec<String> {
    for base in dir.ancestors().take(6) {
        // The enclosing repository's .gitmodules may sit above the project folder: only the
        // submodule paths below the project are used, nothing of it is shown, and it is read
        // as a regular file of at most 1 MB.
        let Some(text) = crate::base::fsread::read_capped(&base.join(".gitmodules"), 1 << 20)
            .ok()
            .and_then(|b| String::from_utf8(b).ok())
        else {
            if base.join(".git").exists() {
                break;
            }
            continue;
        };
        let prefix = walk::rel_path(base, dir);
        return text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("path")?.trim().strip_prefix('='))
            .map(|p| p.trim().trim_end_matches('/').to_string())
            .filter_map(|p| {
                if prefix.is_empty() {
                    Some(p)
                } else {
                    p.strip_prefix(&format!("{prefix}/")).map(str::to_string)
                }
            })
            .collect();
    }
    Vec::new()
}

/// Reads and parses a JSON file the project config names (project.config.json,
/// package.json…); never fails, the problem is kept instead. Not followed through a link that
/// leaves the canonical project folder `root`.
pub fn read_json_inside(root: &Path, path: &Path) -> JsonDoc {
    json_doc(crate::base::fsread::read_inside(root, path, MAX_JSON_BYTES))
}

fn json_doc(read: Result<Vec<u8>, crate::base::fsread::ReadError>) -> JsonDoc {
    let bytes = match read {
        Ok(b) => b,
        Err(e) => {
            let size = match e {
                crate::base::fsread::ReadError::TooLarge { size, .. } => size,
                _ => 0,
            };
            return JsonDoc {
                size,
                source: Source::new(Arc::from("")),
                had_bom: false,
                value: Err(JsonProblem::Unreadable(e)),
            };
        }
    };
    let size = bytes.len() as u64;
    match decode(bytes) {
        Decoded::NotUtf8 { valid_up_to, lossy } => JsonDoc {
            size,
            source: Source::new(Arc::from(lossy)),
            had_bom: false,
            value: Err(JsonProblem::NotUtf8 {
                offset: valid_up_to,
            }),
        },
        Decoded::Text { text, had_bom } => {
            let value = if text.trim().is_empty() {
                Err(JsonProblem::Empty)
            } else {
                json::parse(&text).map_err(JsonProblem::Syntax)
            };
            JsonDoc {
                size,
                source: Source::new(Arc::from(text)),
                had_bom,
                value,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_kinds_ignore_extension_case() {
        for (path, kind) in [
            ("a/b.JSON", FileKind::Json),
            ("index.wxml", FileKind::Wxml),
            ("x.WxSs", FileKind::Wxss),
            ("m.wxs", FileKind::Wxs),
            ("a.mjs", FileKind::Js),
            ("a.CJS", FileKind::Js),
            ("a.d.ts", FileKind::Ts),
            ("logo.JPEG", FileKind::Image),
            ("logo.webp", FileKind::Image),
            ("a.jsonc", FileKind::Other),
            ("a.jpegx", FileKind::Other),
            ("README", FileKind::Other),
            ("a.", FileKind::Other),
            ("a.é", FileKind::Other),
        ] {
            assert_eq!(FileKind::of(path), kind, "{path}");
        }
    }

    /// A code file the walk listed but that cannot be read (gone, or unreadable: as root a
    /// mode-000 file is readable, so the failing open is simulated by a missing file).
    #[test]
    fn unreadable_code_files_are_reported_not_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let mut f = ProjectFile {
            path: "pages/gone.js".into(),
            kind: FileKind::Js,
            size: None,
            excluded: false,
            json: None,
        };
        let folder = crate::base::fsread::Folder::open(dir.path());
        let code =
            read_code_file(&folder, &mut f, JsFacts::All).expect("a diagnostic, not silence");
        assert!(code.module.is_none());
        let problem = code.problem.expect("problem recorded");
        assert_eq!(problem.rel, "pages/gone.js");
        assert!(matches!(
            problem.kind,
            WalkProblemKind::Read(crate::base::fsread::ReadError::NotFound)
        ));
    }

    #[test]
    fn roots_are_normalised_like_the_official_tool() {
        assert_eq!(normalize_root(""), "");
        assert_eq!(normalize_root("./"), "");
        assert_eq!(normalize_root("miniprogram"), "miniprogram/");
        assert_eq!(normalize_root("/dist/"), "dist/");
        assert_eq!(normalize_root("../src"), "src/");
    }
}
