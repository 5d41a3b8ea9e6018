//! Rule fixture cases: one text file per case, `fixtures/rules/<CODE>/<pass-|fail->name>.txt`,
//! with its snapshot beside it (`<name>.snap`). The format is described in
//! fixtures/rules/README.md; [`Case::write_to`] turns a case into the project folder it stands
//! for. Used by the tests (through `common`) and by `examples/materialize_fixtures.rs`.
#![allow(dead_code)]

use base64ct::Encoding;
use std::path::{Component, Path, PathBuf};

/// Files every case has unless it gives its own content or says `[absent]`: the content most
/// rule fixtures had.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "project.config.json",
        "{\n  \"appid\": \"wx0000000000000000\",\n  \"compileType\": \"miniprogram\",\n  \"setting\": {\"urlCheck\": true}\n}\n",
    ),
    ("app.json", "{\n  \"pages\": [\"pages/index/index\"]\n}\n"),
    ("app.js", "App({})\n"),
    ("pages/index/index.js", "Page({})\n"),
    ("pages/index/index.wxml", "<view>hello</view>\n"),
];

/// `fixtures/rules` of this crate.
pub fn rules_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules")
}

/// One case file.
#[derive(Clone, Debug)]
pub struct Case {
    /// The rule, e.g. `MP324`.
    pub code: String,
    /// The file name without `.txt`, e.g. `fail-no-key`.
    pub name: String,
    /// The `.txt` file.
    pub path: PathBuf,
}

/// What one section of a case makes.
#[derive(Debug, PartialEq)]
pub enum Entry {
    File(PathBuf, Vec<u8>),
    Dir(PathBuf),
    Symlink(PathBuf, PathBuf),
    /// A default file the case does not have.
    Absent(PathBuf),
}

/// Every case of every rule, sorted by rule then name.
pub fn all() -> Vec<Case> {
    let mut out = Vec::new();
    for code in sorted_entries(&rules_dir()) {
        if !code.is_dir() {
            continue;
        }
        for file in sorted_entries(&code) {
            if file.extension().is_some_and(|e| e == "txt") {
                out.push(Case {
                    code: file_name(&code),
                    name: file_name(&file.with_extension("")),
                    path: file,
                });
            }
        }
    }
    out
}

/// The case `CODE/name`, e.g. `MP604/pass-pkcs1`.
pub fn find(id: &str) -> Case {
    let (code, name) = id.split_once('/').expect("a case is CODE/name");
    let path = rules_dir().join(code).join(format!("{name}.txt"));
    assert!(path.is_file(), "no case {}", path.display());
    Case {
        code: code.into(),
        name: name.into(),
        path,
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    v
}

fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

impl Case {
    /// `CODE/name`: the test's name.
    pub fn id(&self) -> String {
        format!("{}/{}", self.code, self.name)
    }

    /// The snapshot beside the case.
    pub fn snapshot(&self) -> PathBuf {
        self.path.with_extension("snap")
    }

    /// The case's entries, the defaults it does not give included.
    pub fn entries(&self) -> Result<Vec<Entry>, String> {
        let text = std::fs::read_to_string(&self.path)
            .map_err(|e| format!("{}: {e}", self.path.display()))?;
        parse(&text).map_err(|e| format!("{}: {e}", self.path.display()))
    }

    /// The content of the file `rel` of the case (a default included).
    pub fn file(&self, rel: &str) -> Vec<u8> {
        let entries = self.entries().unwrap_or_else(|e| panic!("{e}"));
        entries
            .into_iter()
            .find_map(|e| match e {
                Entry::File(p, bytes) if p == Path::new(rel) => Some(bytes),
                _ => None,
            })
            .unwrap_or_else(|| panic!("{}: no file {rel}", self.id()))
    }

    /// Writes the project folder the case stands for at `dir` (created; it must not exist or be
    /// empty). A section may name a path outside `dir` (`../…`, for a link that leaves the
    /// project): callers put `dir` at `ROOT/fixtures/rules/<CODE>/<name>` of a scratch ROOT.
    pub fn write_to(&self, dir: &Path) {
        let entries = self.entries().unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(dir).unwrap();
        // Links last, so that what they point to exists (Windows makes file and folder links).
        let (links, others): (Vec<Entry>, Vec<Entry>) = entries
            .into_iter()
            .partition(|e| matches!(e, Entry::Symlink(..)));
        for entry in others.into_iter().chain(links) {
            match entry {
                Entry::Absent(_) => {}
                Entry::Dir(p) => std::fs::create_dir_all(dir.join(p)).unwrap(),
                Entry::File(p, bytes) => {
                    let p = dir.join(p);
                    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
                }
                Entry::Symlink(p, target) => {
                    let p = dir.join(p);
                    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                    symlink(&target, &p);
                }
            }
        }
    }

    /// The case written into a fresh scratch folder at `<tmp>/fixtures/rules/<CODE>/<name>`
    /// (removed when the value is dropped), so relative paths and links that climb out of the
    /// project resolve as they did when the cases were folders of this repository.
    pub fn materialize(&self) -> Materialized {
        let root = tempfile::Builder::new()
            .prefix("mpcheck-case-")
            .tempdir()
            .unwrap();
        let dir = root.path().join(self.rel());
        self.write_to(&dir);
        Materialized { root, dir }
    }

    /// `fixtures/rules/<CODE>/<name>`.
    pub fn rel(&self) -> PathBuf {
        Path::new("fixtures/rules")
            .join(&self.code)
            .join(&self.name)
    }
}

/// A case written into a scratch folder.
pub struct Materialized {
    /// The scratch root: the project is at `root/fixtures/rules/<CODE>/<name>`.
    pub root: tempfile::TempDir,
    /// The project folder.
    pub dir: PathBuf,
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

/// Untested: creating links on Windows needs Developer Mode (or administrator rights).
#[cfg(windows)]
fn symlink(target: &Path, link: &Path) {
    let target = PathBuf::from(target.to_string_lossy().replace('/', "\\"));
    let made = if link.parent().unwrap().join(&target).is_dir() {
        std::os::windows::fs::symlink_dir(&target, link)
    } else {
        std::os::windows::fs::symlink_file(&target, link)
    };
    made.unwrap_or_else(|e| panic!("{}: cannot make the link: {e}", link.display()));
}

/// Parses a case file (fixtures/rules/README.md).
pub fn parse(text: &str) -> Result<Vec<Entry>, String> {
    let mut sections: Vec<(String, String, String)> = Vec::new(); // path, options, content
    for line in text.split_inclusive('\n') {
        if let Some(header) = line.strip_prefix("--- ") {
            let header = header.strip_suffix('\n').unwrap_or(header);
            let (path, opts) = match header.split_once(" [") {
                Some((path, rest)) if rest.ends_with(']') => (path, &rest[..rest.len() - 1]),
                _ => (header, ""),
            };
            sections.push((path.to_string(), opts.to_string(), String::new()));
        } else if let Some(last) = sections.last_mut() {
            last.2.push_str(line);
        }
        // Lines before the first section describe the case.
    }
    let mut out = Vec::new();
    let mut given = Vec::new();
    for (path, opts, content) in sections {
        let entry = section(&path, &opts, &content).map_err(|e| format!("--- {path}: {e}"))?;
        if given.contains(&path) {
            return Err(format!("--- {path}: given twice"));
        }
        given.push(path);
        out.push(entry);
    }
    for (path, content) in DEFAULTS {
        if !given.iter().any(|g| g == path) {
            out.push(Entry::File(path.into(), content.as_bytes().to_vec()));
        }
    }
    Ok(out)
}

/// A section's options: `word` or `word=JSON value`, separated by spaces.
fn options(s: &str) -> Result<Vec<(String, serde_json::Value)>, String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        let end = rest.find([' ', '=']).unwrap_or(rest.len());
        let key = rest[..end].to_string();
        rest = &rest[end..];
        if let Some(value) = rest.strip_prefix('=') {
            let mut stream =
                serde_json::Deserializer::from_str(value).into_iter::<serde_json::Value>();
            let v = stream
                .next()
                .ok_or("a value after =")?
                .map_err(|e| format!("{key}=: {e}"))?;
            rest = &value[stream.byte_offset()..];
            out.push((key, v));
        } else {
            out.push((key, serde_json::Value::Bool(true)));
        }
        rest = rest.trim_start();
    }
    Ok(out)
}

fn section(path: &str, opts: &str, content: &str) -> Result<Entry, String> {
    let p = PathBuf::from(path);
    if path.is_empty() || p.is_absolute() {
        return Err("a path relative to the project".into());
    }
    // Only leading `..` (a link's target outside the project), at most up to the scratch root.
    let mut depth = 0usize;
    let mut ups = 0usize;
    for c in p.components() {
        match c {
            Component::ParentDir if depth == 0 => ups += 1,
            Component::Normal(_) => depth += 1,
            _ => return Err("`.`, `..` inside the path".into()),
        }
    }
    if ups > 4 {
        return Err("leaves the scratch root".into());
    }
    let mut base64 = false;
    let mut noeol = false;
    let mut bom = false;
    let mut size: Option<usize> = None;
    let mut fill = b"\0".to_vec();
    let mut tail = Vec::new();
    let mut only: Option<Entry> = None;
    for (key, v) in options(opts)? {
        let string = || {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{key} takes a JSON string"))
        };
        match key.as_str() {
            "absent" if DEFAULTS.iter().any(|(d, _)| *d == path) => {
                only = Some(Entry::Absent(p.clone()))
            }
            "absent" => return Err("only a default file can be absent".into()),
            "dir" => only = Some(Entry::Dir(p.clone())),
            "symlink" => only = Some(Entry::Symlink(p.clone(), string()?.into())),
            "base64" => base64 = true,
            "noeol" => noeol = true,
            "bom" => bom = true,
            "size" => {
                size = Some(
                    v.as_u64()
                        .ok_or("size takes a number of bytes")?
                        .try_into()
                        .unwrap(),
                )
            }
            "fill" => fill = string()?.into_bytes(),
            "tail" => tail = string()?.into_bytes(),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if let Some(entry) = only {
        if !content.is_empty() {
            return Err("absent, dir and symlink take no content".into());
        }
        return Ok(entry);
    }
    let mut bytes = if base64 {
        let compact: String = content.split_whitespace().collect();
        base64ct::Base64::decode_vec(&compact).map_err(|e| format!("base64: {e}"))?
    } else {
        content.as_bytes().to_vec()
    };
    if noeol && bytes.pop() != Some(b'\n') {
        return Err("noeol: the content ends with a newline that is then dropped".into());
    }
    if bom {
        bytes.splice(0..0, [0xEF, 0xBB, 0xBF]);
    }
    if let Some(size) = size {
        let n = size
            .checked_sub(bytes.len() + tail.len())
            .ok_or("size is smaller than the content and tail")?;
        if fill.is_empty() {
            return Err("fill is empty".into());
        }
        bytes.extend(fill.iter().cycle().take(n));
        bytes.extend(tail);
    }
    Ok(Entry::File(p, bytes))
}
