//! What `miniprogram-ci` uploads, per package: the files under the miniprogram root, minus
//! the default ignores, minus `packOptions.ignore` unless `packOptions.include` matches, minus
//! files whose extension the platform does not take (silently dropped), minus
//! `project.private.config.json`. Each shipped file belongs to the main package (`__APP__`) or
//! to the subpackage whose root contains it. Computed once per run and shared by the size
//! rules and `mpcheck size`.

use crate::analysis::components::ComponentUse;
use crate::project::Project;
use crate::project::wxml::RefKind;
use crate::syntax::json::Json;
use crate::syntax::wxs::WxsModule;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

/// The extensions the packer ships (miniprogram-ci's fallback of the server's list).
pub const UPLOAD_EXTENSIONS: &[&str] = &[
    "wxml", "wxss", "wxs", "png", "jpg", "jpeg", "gif", "svg", "js", "json", "cer", "mp3", "aac",
    "m4a", "mp4", "wav", "ogg", "silk", "wasm", "br", "cur", "ico", "skel", "crt", "cert",
];

/// Sources the compiler plugins turn into shipped files (`useCompilerPlugins`).
const PLUGIN_SOURCES: &[(&str, &str)] = &[
    ("ts", "typescript"),
    ("less", "less"),
    ("sass", "sass"),
    ("scss", "sass"),
];

/// The code-quality scan's image and audio extensions (IMAGE_AND_AUDIO_LIMIT).
pub const MEDIA_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "svg", "webp", "gif", "flac", "m4a", "ogg", "ape", "amr", "wma", "wav",
    "mp3", "mp4", "aac", "aiff", "caf",
];

pub const MB: u64 = 1024 * 1024;

/// Upload size limits in bytes: `{"limits": {"package": "2MB", "total": "20MB"}}`. The
/// defaults are the platform's: 2 MB per package (main and each subpackage), 30 MB in all;
/// accounts developed by service providers have 20 MB in all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub package: u64,
    pub total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            package: 2 * 1024 * 1024,
            total: 30 * 1024 * 1024,
        }
    }
}

/// `1.84 MB`, `512.0 KB`, `900 B` (1024-based, as the platform counts).
pub fn human_bytes(n: u64) -> String {
    if n >= MB {
        format!("{:.2} MB", n as f64 / MB as f64)
    } else if n >= 1024 {
        format!("{:.1} KB", n as f64 / 1024.0)
    } else {
        format!("{n} B")
    }
}

/// The folders directly under a package root (files at the root count as `./`), by bytes.
pub fn folders(upload: &Upload, package: usize, mp_root: &str) -> Vec<(String, u64)> {
    let root = &upload.packages[package].root;
    let mut sums: std::collections::BTreeMap<String, u64> = Default::default();
    for f in upload.files.iter().filter(|f| f.package == package) {
        let rel = f
            .path
            .get(mp_root.len()..)
            .unwrap_or(&f.path)
            .strip_prefix(root.as_str())
            .unwrap_or(&f.path);
        let folder = rel
            .split_once('/')
            .map_or("./".to_string(), |(d, _)| format!("{root}{d}/"));
        *sums.entry(folder).or_default() += f.size;
    }
    let mut v: Vec<(String, u64)> = sums.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

/// Why a file under the miniprogram root is not uploaded.
#[derive(Debug, Clone, PartialEq)]
pub enum Dropped {
    /// Its extension is not one the platform takes.
    Extension,
    /// A `packOptions.ignore` rule matched it (and no `include` rule).
    PackIgnore,
    /// `project.private.config.json` never leaves the machine.
    PrivateConfig,
    /// A code file nothing uses, with `ignoreUploadUnusedFiles` on.
    Unused,
}

#[derive(Debug, Clone)]
pub struct UploadFile {
    /// Relative to the project folder.
    pub path: String,
    pub size: u64,
    /// Index into `Upload::packages` (0 is the main package).
    pub package: usize,
}

#[derive(Debug, Clone)]
pub struct Package {
    /// `__APP__` for the main package, else the subpackage root (`pkgA/`), as the official
    /// quality scan names them.
    pub name: String,
    /// The root prefix relative to the miniprogram root (`pkgA/`); empty for the main package.
    pub root: String,
    /// Index in the app model's subpackages.
    pub subpackage: Option<usize>,
    pub independent: bool,
    pub bytes: u64,
    pub files: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Upload {
    /// Code files nothing in the app uses (project-relative, sorted), whether or not the
    /// packer drops them as unused; not those packOptions or the extension whitelist drop.
    pub unused: Vec<String>,
    pub files: Vec<UploadFile>,
    pub dropped: Vec<(String, u64, Dropped)>,
    pub packages: Vec<Package>,
    pub total: u64,
}

impl Upload {
    /// The shipped files of one package, largest first.
    pub fn largest(&self, package: usize, n: usize) -> Vec<&UploadFile> {
        let mut files: Vec<&UploadFile> =
            self.files.iter().filter(|f| f.package == package).collect();
        files.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.path.cmp(&b.path)));
        files.truncate(n);
        files
    }
}

/// One `packOptions` rule: `{"type": "folder", "value": "docs"}`.
#[derive(Debug, Clone)]
pub struct PackRule {
    kind: PackKind,
    pub value: String,
    regex: Option<fancy_regex::Regex>,
    glob: Option<crate::base::glob::Minimatch>,
}

/// A packOptions rule's `type` (one the packer does not know matches nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PackKind {
    Prefix,
    Suffix,
    Folder,
    File,
    Glob,
    Regexp,
    Unknown,
}

impl PackRule {
    fn from_json(item: &Json) -> Option<PackRule> {
        let kind = match item.get("type")?.as_str()? {
            "prefix" => PackKind::Prefix,
            "suffix" => PackKind::Suffix,
            "folder" => PackKind::Folder,
            "file" => PackKind::File,
            "glob" => PackKind::Glob,
            "regexp" => PackKind::Regexp,
            _ => PackKind::Unknown,
        };
        // miniprogram-ci lower-cases the value and the path (utils/filerules.js).
        let value = item.get("value")?.as_str()?.to_lowercase();
        let regex = (kind == PackKind::Regexp)
            .then(|| js_regexp(&value).ok())
            .flatten();
        let glob = (kind == PackKind::Glob).then(|| crate::base::glob::Minimatch::new(&value));
        Some(PackRule {
            kind,
            value,
            regex,
            glob,
        })
    }

    /// Whether the rule matches `path` (relative to the miniprogram root, `/`-separated), as
    /// miniprogram-ci's `doRule` decides: case-insensitive; `prefix`/`suffix` test the file
    /// name; `folder` a leading path (sub-folders too); `file` the whole path; `glob` and
    /// `regexp` the path with or without a leading `/`.
    pub fn matches(&self, path: &str) -> bool {
        // Asked for every file and rule: no allocation for a lower-case ASCII path.
        let path: std::borrow::Cow<str> = if path
            .bytes()
            .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
        {
            path.to_lowercase().into()
        } else {
            path.into()
        };
        let path = &*path;
        let name = crate::base::relpath::file_name(path);
        // `lead(s)` is `s` with a leading `/` added when it has none: `/` + `unlead(s)`.
        let lead = |s: &str| format!("/{}", unlead(s));
        let value = self.value.as_str();
        match self.kind {
            PackKind::Prefix => name.starts_with(value),
            PackKind::Suffix => name.ends_with(value),
            // `lead(path)` starts with `lead(value)` ending in `/`.
            PackKind::Folder => {
                let (folder, rest) = (unlead(value), unlead(path));
                folder.is_empty()
                    || (rest.starts_with(folder)
                        && (folder.ends_with('/') || rest[folder.len()..].starts_with('/')))
            }
            PackKind::File => unlead(path) == unlead(value),
            PackKind::Glob => self
                .glob
                .as_ref()
                .is_some_and(|g| g.is_match(path) || g.is_match(&lead(path))),
            // A match that runs past the backtracking budget is no match; `compute` and MP133
            // drop a rule that does that on any path (`runaway`), so it matches nothing.
            PackKind::Regexp => self.regex.as_ref().is_some_and(|r| {
                r.is_match(path).unwrap_or(false) || r.is_match(&lead(path)).unwrap_or(false)
            }),
            PackKind::Unknown => false,
        }
    }
}

/// `s` without one leading `/`.
fn unlead(s: &str) -> &str {
    s.strip_prefix('/').unwrap_or(s)
}

/// Backtracking steps one match of a packOptions regexp may take (`(a|a)+(?!b)c` on a long
/// name took 50 ms per path at fancy-regex's default of 1,000,000).
pub const REGEXP_BACKTRACK_LIMIT: usize = 100_000;
/// Bytes the compiled automata of one packOptions regexp may take.
pub const REGEXP_SIZE_LIMIT: usize = 4 << 20;
/// The highest group number a packOptions regexp may refer to (`\g99999999999` made
/// fancy-regex allocate for that many groups: 125 TB).
pub const MAX_GROUP_NUMBER: u64 = 999;

/// A packOptions `regexp` value as miniprogram-ci compiles it (`new RegExp(value, "igm")`).
/// fancy-regex, because JavaScript patterns use look-around and backreferences, which the
/// regex crate does not have; within mpcheck's budgets (group numbers, automaton size,
/// backtracking steps). The error says why it does not compile.
pub fn js_regexp(value: &str) -> Result<fancy_regex::Regex, String> {
    let value = &js_escapes(value);
    if let Some(n) = repetition_over(value, MAX_REPETITION) {
        return Err(format!(
            "it repeats {n} times; mpcheck takes repetition counts up to {MAX_REPETITION}"
        ));
    }
    if let Some(n) = group_reference_over(value, MAX_GROUP_NUMBER) {
        return Err(format!(
            "it refers to group {n}; mpcheck takes group numbers up to {MAX_GROUP_NUMBER}"
        ));
    }
    fancy_regex::RegexBuilder::new(value)
        .case_insensitive(true)
        .multi_line(true)
        .backtrack_limit(REGEXP_BACKTRACK_LIMIT)
        .delegate_size_limit(REGEXP_SIZE_LIMIT)
        .delegate_dfa_size_limit(REGEXP_SIZE_LIMIT)
        .build()
        .map_err(|e| {
            e.to_string()
                .lines()
                .last()
                .unwrap_or("")
                .trim()
                .to_string()
        })
}

/// A JavaScript pattern (no `u` flag) in fancy-regex's syntax: a backslash before a letter
/// JavaScript gives no meaning is the letter itself (`\g` is `g`, `\A` is `A`), where
/// fancy-regex would read a subroutine call (`\g<-1>`, inlined exponentially at compile time),
/// an anchor or a keep-out; `\k` is a named backreference only when the pattern names a group.
fn js_escapes(pattern: &str) -> std::borrow::Cow<'_, str> {
    if !pattern.contains('\\') {
        return pattern.into();
    }
    let named_groups = pattern
        .match_indices("(?<")
        .any(|(i, _)| !matches!(pattern.as_bytes().get(i + 3), Some(b'=' | b'!')));
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(e)
                if e.is_ascii_alphabetic()
                    && !"dDwWsSbBnrtvfcxu".contains(e)
                    && !(e == 'k' && named_groups) =>
            {
                out.push(e)
            }
            Some(e) => {
                out.push('\\');
                out.push(e);
            }
            None => out.push('\\'),
        }
    }
    out.into()
}

/// Repetition counts above this (`a{100000}`) are beyond mpcheck's budget: JavaScript takes
/// any count, the regex engine at most about four billion, and large ones build huge automata.
pub const MAX_REPETITION: u64 = 65_535;

/// A `{n}`, `{n,}` or `{n,m}` count above `max` (digits read with saturation).
fn repetition_over(pattern: &str, max: u64) -> Option<u64> {
    let b = pattern.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'{' => {
                let mut j = i + 1;
                let mut biggest = 0u64;
                let mut n = 0u64;
                while j < b.len() && (b[j].is_ascii_digit() || b[j] == b',') {
                    if b[j] == b',' {
                        n = 0;
                    } else {
                        n = n.saturating_mul(10).saturating_add(u64::from(b[j] - b'0'));
                        biggest = biggest.max(n);
                    }
                    j += 1;
                }
                if b.get(j) == Some(&b'}') && biggest > max {
                    return Some(biggest);
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// A group number above `max` referred to by `\1`, `\g1`, `\g<1>`, `\g'1'`, `\g{1}`, `\k<1>`
/// and the like (digits read with saturation, so 30 digits cost nothing).
fn group_reference_over(pattern: &str, max: u64) -> Option<u64> {
    let b = pattern.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'g' | b'k')) {
            j += 1;
            if matches!(b.get(j), Some(b'<' | b'\'' | b'{')) {
                j += 1;
            }
            if matches!(b.get(j), Some(b'+' | b'-')) {
                j += 1;
            }
        }
        let mut n: u64 = 0;
        let start = j;
        while let Some(d) = b.get(j).filter(|d| d.is_ascii_digit()) {
            n = n.saturating_mul(10).saturating_add(u64::from(d - b'0'));
            j += 1;
        }
        if j > start && n > max {
            return Some(n);
        }
        i = j.max(i + 2);
    }
    None
}

/// The first of `paths` (relative to the miniprogram root) on which `rule`'s regexp runs past
/// its backtracking budget, as [`PackRule::matches`] tries it (with and without a leading `/`).
pub fn regexp_runaway<'p>(regex: &fancy_regex::Regex, paths: &[&'p str]) -> Option<&'p str> {
    paths
        .par_iter()
        .find_first(|path| {
            let path = path.to_lowercase();
            regex.is_match(&path).is_err() || regex.is_match(&format!("/{path}")).is_err()
        })
        .copied()
}

/// The `packOptions` rules of the project config (`ignore`, `include`).
pub fn pack_rules(p: &Project) -> (Vec<PackRule>, Vec<PackRule>) {
    let rules = |list: &str| -> Vec<PackRule> {
        p.project_config()
            .and_then(|c| c.get("packOptions"))
            .and_then(|o| o.get(list))
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .filter_map(PackRule::from_json)
            .collect()
    };
    (rules("ignore"), rules("include"))
}

fn extension(path: &str) -> std::borrow::Cow<'_, str> {
    let name = crate::base::relpath::file_name(path);
    match crate::base::relpath::rsplit_once_byte(name, b'.') {
        Some((_, e)) if e.bytes().any(|b| b.is_ascii_uppercase()) => e.to_ascii_lowercase().into(),
        Some((_, e)) => e.into(),
        None => "".into(),
    }
}

/// Whether `path`'s extension is one the platform takes (with the compiler plugins on, their
/// sources too).
pub fn uploadable(p: &Project, path: &str) -> bool {
    // Type declarations compile to nothing.
    if crate::base::ascii::ends_with_ignore_case(path, ".d.ts") {
        return false;
    }
    // The packer compares extensions case-sensitively: `LOGO.PNG` is dropped.
    let name = crate::base::relpath::file_name(path);
    let ext = crate::base::relpath::rsplit_once_byte(name, b'.').map_or("", |(_, e)| e);
    UPLOAD_EXTENSIONS.contains(&ext)
        || PLUGIN_SOURCES
            .iter()
            .any(|(e, plugin)| *e == ext && p.compiler_plugins.iter().any(|c| c == plugin))
}

pub fn is_media(path: &str) -> bool {
    MEDIA_EXTENSIONS.contains(&&*extension(path))
}

/// [`pack_rules`] as the upload set applies them: a regexp that runs past its backtracking
/// budget on any path of the project matches nothing, on every path (MP133 says which).
pub fn pack_rules_in_budget(p: &Project) -> (Vec<PackRule>, Vec<PackRule>) {
    let (mut ignore, mut include) = pack_rules(p);
    let in_root: Vec<&str> = p
        .files
        .iter()
        .filter_map(|f| f.path.strip_prefix(p.mp_root.as_str()))
        .collect();
    for rule in ignore.iter_mut().chain(include.iter_mut()) {
        if rule
            .regex
            .as_ref()
            .is_some_and(|r| regexp_runaway(r, &in_root).is_some())
        {
            rule.regex = None;
        }
    }
    (ignore, include)
}

/// Computes the upload set of `p`.
pub fn compute(p: &Project, uses: &[ComponentUse], deps: &HashMap<String, Vec<String>>) -> Upload {
    let (ignore, include) = pack_rules_in_budget(p);
    let t = std::time::Instant::now();
    let unused = unused_code_files(p, uses, deps, &include);
    crate::base::timing::note(format_args!("unused-file analysis {:?}", t.elapsed()));
    let drop_unused = p.upload_unused_files_dropped();
    let mut packages = vec![Package {
        name: "__APP__".into(),
        root: String::new(),
        subpackage: None,
        independent: false,
        bytes: 0,
        files: 0,
    }];
    if let Some(app) = &p.app {
        for sp in &app.subpackages {
            let Some(prefix) = sp.root_prefix() else {
                continue;
            };
            packages.push(Package {
                name: prefix.clone(),
                root: prefix,
                subpackage: Some(sp.index),
                independent: sp.independent,
                bytes: 0,
                files: 0,
            });
        }
    }
    let candidates: Vec<&crate::project::ProjectFile> = p
        .files
        .iter()
        .filter(|f| f.path.starts_with(p.mp_root.as_str()))
        .collect();
    let sized: Vec<(String, u64, Option<Dropped>)> = candidates
        .par_iter()
        .map(|f| {
            let size = p.size_of(f).unwrap_or(0);
            let in_root = &f.path[p.mp_root.len()..];
            let dropped = if in_root == "project.private.config.json" {
                Some(Dropped::PrivateConfig)
            } else if ignore.iter().any(|r| r.matches(in_root))
                && !include.iter().any(|r| r.matches(in_root))
            {
                Some(Dropped::PackIgnore)
            } else if !uploadable(p, &f.path) {
                Some(Dropped::Extension)
            } else if drop_unused && unused.binary_search(&f.path).is_ok() {
                Some(Dropped::Unused)
            } else {
                None
            };
            (f.path.clone(), size, dropped)
        })
        .collect();
    // Unused files that packOptions or the extension whitelist leave out anyway are not
    // reported: they were left out on purpose (mpcheck.json, say) or are MP403's business.
    let excluded: rustc_hash::FxHashSet<&str> = sized
        .iter()
        .filter(|(_, _, why)| matches!(why, Some(Dropped::PackIgnore | Dropped::Extension)))
        .map(|(path, _, _)| path.as_str())
        .collect();
    let unused = unused
        .into_iter()
        .filter(|u| !excluded.contains(u.as_str()))
        .collect();
    let mut upload = Upload {
        packages,
        unused,
        ..Upload::default()
    };
    for (path, size, dropped) in sized {
        match dropped {
            Some(why) => upload.dropped.push((path, size, why)),
            None => {
                let in_root = &path[p.mp_root.len()..];
                let package = p
                    .package_of(in_root)
                    .and_then(|sp| {
                        upload
                            .packages
                            .iter()
                            .position(|pk| pk.subpackage == Some(sp))
                    })
                    .unwrap_or(0);
                upload.packages[package].bytes += size;
                upload.packages[package].files += 1;
                upload.total += size;
                upload.files.push(UploadFile {
                    path,
                    size,
                    package,
                });
            }
        }
    }
    upload
}

/// Extensions of the files the packer's dependency analysis judges (`isCodeFile`).
pub const CODE_EXTENSIONS: &[&str] = &[
    "json", "wxml", "wxss", "js", "wxs", "ts", "less", "sass", "scss",
];

/// The code files under the root that nothing in the app reaches (paths relative to the
/// project folder, sorted): the packer leaves them out when `ignoreUploadUnusedFiles` is true. Reached are app.json/app.js/app.wxss, the sitemap, theme and project
/// configs, every declared page and every component reached through `usingComponents` (all
/// their files), `custom-tab-bar`, `app-bar` (with `appBar`), subpackage `entry` scripts, the
/// `workers` folder, the JS of declared search widgets, and from those, recursively, JS
/// `require`/`import`, WXML `import`/`include`/`wxs src`, WXS `require` and WXSS `@import`.
/// Files an `include` rule (as the upload set compiled it) keeps are never unused.
pub fn unused_code_files(
    p: &Project,
    uses: &[ComponentUse],
    deps: &HashMap<String, Vec<String>>,
    include: &[PackRule],
) -> Vec<String> {
    use std::collections::BTreeSet;
    let root = p.mp_root.as_str();
    // The code files of `base` (one per page or component: one buffer, not a string per
    // extension tried).
    let variants = |base: &str| -> Vec<String> {
        let mut path = format!("{root}{base}.");
        let stem = path.len();
        let mut found = Vec::new();
        for e in CODE_EXTENSIONS {
            path.truncate(stem);
            path.push_str(e);
            if p.exists(&path) {
                found.push(path.clone());
            }
        }
        found
    };
    let mut seeds: Vec<String> = Vec::new();
    for base in ["app", "custom-tab-bar/index"] {
        seeds.extend(variants(base));
    }
    for f in [
        "project.config.json",
        "project.private.config.json",
        "ext.json",
    ] {
        seeds.push(format!("{root}{f}"));
    }
    seeds.extend(p.sitemap_path());
    seeds.extend(p.theme_path());
    if p.app_json().is_some_and(|a| a.get("appBar").is_some()) {
        seeds.extend(variants("app-bar/index"));
    }
    if let Some(app) = &p.app {
        let pages: Vec<_> = app.all_pages().collect();
        seeds.par_extend(pages.par_iter().flat_map_iter(|page| variants(&page.full)));
    }
    // A subpackage's `entry` script runs when the subpackage loads.
    let subpackages = p
        .app_json()
        .and_then(|a| a.get("subpackages").or_else(|| a.get("subPackages")))
        .and_then(crate::syntax::json::Json::as_array)
        .unwrap_or_default();
    for sp in subpackages {
        if let (Some(sp_root), Some(entry)) = (
            sp.get("root").and_then(crate::syntax::json::Json::as_str),
            sp.get("entry").and_then(crate::syntax::json::Json::as_str),
        ) {
            let sp_root = sp_root.trim_matches('/');
            seeds.push(format!(
                "{root}{sp_root}/{}",
                entry.trim_start_matches("./")
            ));
        }
    }
    let components: Vec<&str> = uses
        .iter()
        .filter_map(|u| match &u.resolution {
            crate::analysis::components::Resolution::Found(base) => Some(base.as_str()),
            _ => None,
        })
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect();
    seeds.par_extend(components.par_iter().flat_map_iter(|base| variants(base)));
    if let Some(workers) = p
        .app_json()
        .and_then(|a| a.get("workers"))
        .and_then(|w| w.as_str().or_else(|| w.get("path")?.as_str()))
    {
        let prefix = format!("{root}{}/", workers.trim_matches('/'));
        seeds.extend(
            p.files
                .iter()
                .filter(|f| f.path.starts_with(&prefix))
                .map(|f| f.path.clone()),
        );
    }
    // The search widget's loader runs every JS file whose folder starts with a
    // `widgets[].path` of app.json or game.json (forms with `./`, `/` or a trailing `/` are
    // reported by the widget rules; here they count as meant).
    let game_json = format!("{root}game.json");
    for manifest in [p.app_json(), p.json(&game_json).and_then(|j| j.value())]
        .into_iter()
        .flatten()
    {
        let widgets = manifest
            .get("widgets")
            .and_then(crate::syntax::json::Json::as_array);
        for path in widgets
            .unwrap_or_default()
            .iter()
            .filter_map(|w| w.get("path")?.as_str())
        {
            // As meant: `./w/`, `w//x` and `w/./x` name the folder the widget rules report.
            let Some(rel) =
                crate::base::relpath::normalize(&path.replace('\\', "/")).filter(|r| !r.is_empty())
            else {
                continue;
            };
            let prefix = format!("{root}{rel}");
            let inside = format!("{prefix}/");
            seeds.extend(
                p.files
                    .iter()
                    .filter(|f| {
                        let js = (f.path.ends_with(".js") || f.path.ends_with(".ts"))
                            && crate::base::relpath::rsplit_once_byte(&f.path, b'/')
                                .is_some_and(|(d, _)| d.starts_with(&prefix));
                        // Other files in the widget folder are MP526's (never loaded).
                        js || f.path.starts_with(&inside)
                    })
                    .map(|f| f.path.clone()),
            );
        }
    }
    let mut wxs_by_file: std::collections::HashMap<&str, Vec<&WxsModule>> =
        std::collections::HashMap::default();
    for (path, module) in p.wxs() {
        wxs_by_file.entry(path.as_str()).or_default().push(module);
    }
    let templates = p.wxml();
    // What `file` loads (paths relative to the project folder; they may not exist).
    let loads = |file: &str| -> Vec<String> {
        let dir = crate::project::paths::template_dir(p, file);
        let mut next: Vec<String> = Vec::new();
        if let Some(deps) = deps.get(file) {
            next.extend(deps.iter().cloned());
        }
        if let Some(facts) = templates.docs.get(file) {
            for (kind, src) in &facts.refs {
                let ext = match kind {
                    RefKind::Import | RefKind::Include => "wxml",
                    RefKind::Wxs => "wxs",
                };
                if !src.contains("{{") {
                    next.push(p.in_root(&crate::project::paths::resolve_src(dir, src, ext)));
                }
            }
        }
        for module in wxs_by_file.get(file).into_iter().flatten() {
            for (spec, _) in &module.requires {
                next.push(p.in_root(&crate::project::paths::resolve_src(dir, spec, "wxs")));
            }
        }
        if let Some(imports) = p.style_imports.get(file) {
            let ext = extension(file);
            for spec in imports {
                let with_ext = if spec.rsplit('/').next().is_some_and(|n| n.contains('.')) {
                    crate::project::paths::resolve_src(dir, spec, "")
                } else {
                    crate::project::paths::resolve_src(dir, spec, &ext)
                };
                next.push(p.in_root(&with_ext));
            }
        }
        next
    };
    // Breadth first, each level's files read in parallel (the reached set is the same in any
    // order).
    let mut reached: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    let mut level: Vec<String> = Vec::new();
    let mut add = |found: Vec<String>, level: &mut Vec<String>| {
        for file in found {
            if p.exists(&file) && reached.insert(file.clone()) {
                level.push(file);
            }
        }
    };
    add(seeds, &mut level);
    while !level.is_empty() {
        let found: Vec<String> = level.par_iter().flat_map_iter(|f| loads(f)).collect();
        level.clear();
        add(found, &mut level);
    }
    p.files
        .par_iter()
        .filter(|f| f.path.starts_with(root) && is_judged(&f.path))
        .filter(|f| !reached.contains(&f.path))
        .filter(|f| !include.iter().any(|r| r.matches(&f.path[root.len()..])))
        .map(|f| f.path.clone())
        .collect()
}

/// Whether the packer's dependency analysis judges `path` (used or unused): a code file, but
/// not a compiler-plugin source (judged by its compiled output, which the packer reports in
/// its place) nor a `.d.ts`.
pub fn is_judged(path: &str) -> bool {
    let ext = extension(path);
    CODE_EXTENSIONS.contains(&&*ext)
        && !PLUGIN_SOURCES.iter().any(|(e, _)| *e == ext)
        && !(path.len() >= 5 && path.as_bytes()[path.len() - 5..].eq_ignore_ascii_case(b".d.ts"))
}

#[cfg(test)]
mod tests {
    use super::PackRule;

    /// JavaScript (no `u` flag) reads a backslash before a letter it gives no meaning as the
    /// letter; fancy-regex would read `\g<-1>` as a subroutine call and inline it
    /// exponentially (found by the fuzzer: 43 bytes asked for 2.5 GB).
    #[test]
    fn javascript_identity_escapes() {
        assert_eq!(super::js_escapes(r"a\gb\Ac\d\k"), r"agbAc\dk");
        assert_eq!(super::js_escapes(r"(?<n>x)\k<n>"), r"(?<n>x)\k<n>");
        assert_eq!(super::js_escapes(r"(?<=x)\k"), r"(?<=x)k");
        assert_eq!(super::js_escapes(r"\\g"), r"\\g");
        let blowup = r"^(at/acs|design\g<-1>\g<-1>\g<-1>\g<-1>)/";
        let re = super::js_regexp(blowup).unwrap();
        assert!(!re.is_match("design/").unwrap());
        assert!(re.is_match("designg<-1>g<-1>g<-1>g<-1>/").unwrap());
        assert!(rule("regexp", r"\.Ma\p").matches("a.map"));
        let e = super::js_regexp(r"a\g{99999999999}").unwrap_err();
        assert_eq!(
            e,
            "it repeats 99999999999 times; mpcheck takes repetition counts up to 65535"
        );
        assert!(super::js_regexp(r"a{2,500}").is_ok());
    }

    fn rule(kind: &str, value: &str) -> PackRule {
        let value = serde_json::to_string(value).unwrap();
        let json =
            crate::syntax::json::parse(&format!("{{\"type\": \"{kind}\", \"value\": {value}}}"))
                .unwrap();
        PackRule::from_json(&json).unwrap()
    }

    /// The cases follow miniprogram-ci 2.1.42 `utils/filerules.js` `doRule`.
    #[test]
    fn pack_rules_match_like_miniprogram_ci() {
        assert!(rule("folder", "docs").matches("docs/a.md"));
        assert!(rule("folder", "docs/").matches("Docs/a.md"));
        assert!(rule("folder", "").matches("a.md"));
        assert!(rule("folder", "/").matches("pages/a.md"));
        assert!(!rule("folder", "docs").matches("docs"));
        assert!(!rule("folder", "docs").matches("docsa/b.md"));
        assert!(rule("file", "a.js").matches("/a.js"));
        assert!(rule("folder", "/docs/").matches("docs/deep/a.md"));
        assert!(!rule("folder", "docs").matches("mydocs/a.md"));
        assert!(!rule("folder", "docs").matches("pages/docs/a.md"));
        assert!(rule("file", "utils/a.js").matches("utils/a.js"));
        assert!(rule("file", "/Utils/A.js").matches("utils/a.js"));
        assert!(!rule("file", "a.js").matches("utils/a.js"));
        assert!(rule("suffix", ".md").matches("docs/readme.md"));
        assert!(rule("suffix", "ME.MD").matches("docs/readme.md"));
        assert!(rule("prefix", "test-").matches("pages/test-a.js"));
        assert!(!rule("prefix", "pages").matches("pages/a.js"));
        assert!(rule("glob", "**/*.map").matches("utils/a.js.map"));
        assert!(rule("glob", "*.map").matches("a.js.map"));
        assert!(!rule("glob", "*.map").matches("utils/a.js.map"));
        assert!(rule("glob", "/Design/**").matches("design/a.png"));
        assert!(!rule("glob", "design/**").matches("design/.exports/a.png"));
        assert!(rule("glob", "design/.exports/*").matches("design/.exports/a.png"));
        assert!(rule("regexp", "\\.test\\.js$").matches("utils/a.test.js"));
        assert!(rule("regexp", "^/mock").matches("mock/a.js"));
        assert!(rule("regexp", "^(?!keep).*\\.md$").matches("docs/a.md"));
        // true through the "/keep.md" form, as in JavaScript
        assert!(rule("regexp", "^(?!keep).*\\.md$").matches("keep.md"));
        assert!(rule("regexp", "(?<!\\.min)\\.js$").matches("lib/a.js"));
        assert!(!rule("regexp", "(?<!\\.min)\\.js$").matches("lib/a.min.js"));
        assert!(rule("regexp", "\\/mock\\/").matches("pages/mock/a.js"));
        assert!(rule("regexp", "(copy)\\1").matches("copycopy.js"));
    }
}
