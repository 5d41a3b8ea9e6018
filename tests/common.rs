//! Shared test helpers: run mpcheck on a fixture project in-process.
#![allow(dead_code)]

use mpcheck::analysis::Analysis;
use mpcheck::base::diagnostic::Diagnostic;
use mpcheck::base::i18n::Lang;
use mpcheck::lint::config::Config;
use mpcheck::lint::engine;
use mpcheck::lint::rules::release::{Given, ReleaseArgs};
use mpcheck::project::Project;
use mpcheck::report::{self, Format, Options};
use std::path::{Path, PathBuf};

/// Rule fixture cases (fixtures/rules/<CODE>/<name>.txt).
#[path = "support/cases.rs"]
pub mod cases;

/// The rule fixture case `CODE/name` (e.g. `MP400/pass-under-limit`) written into a fresh
/// scratch folder, removed when the value is dropped: the project is its `dir`.
pub fn rule_case(id: &str) -> cases::Materialized {
    cases::find(id).materialize()
}

/// The file `rel` of the rule fixture case `id`, written to (and kept in) Cargo's scratch
/// folder for integration tests: `target/tmp/cases/<CODE>/<name>/<rel>`. For a test that needs
/// one file by path, e.g. `case_file("MP604/pass-pkcs1", "key.pem")`.
pub fn case_file(id: &str, rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cases")
        .join(id)
        .join(rel);
    let bytes = cases::find(id).file(rel);
    if std::fs::read(&path).ok().as_ref() != Some(&bytes) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // Tests run in parallel: write aside, then rename over.
        let aside = tempfile::NamedTempFile::new_in(path.parent().unwrap()).unwrap();
        std::fs::write(aside.path(), &bytes).unwrap();
        aside.persist(&path).unwrap();
    }
    path
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn opts() -> Options {
    Options {
        color: false,
        width: Some(100),
        base: Default::default(),
        lang: Lang::En,
    }
}

/// Loads `dir` and runs the rules `config` enables, the findings in the order they are shown
/// in `lang` (they carry both languages). A fixture's own mpcheck.json supplies its domain
/// whitelist.
pub fn check(dir: &Path, config: &Config, lang: Lang) -> (Project, Vec<Diagnostic>) {
    check_with(dir, config, lang, None)
}

/// [`check`] as `mpcheck release` runs it, with `release`'s arguments.
pub fn check_with(
    dir: &Path,
    config: &Config,
    lang: Lang,
    release: Option<&ReleaseArgs>,
) -> (Project, Vec<Diagnostic>) {
    let (project, mut diagnostics) = run_once(dir, config, release);
    engine::sort_in(&mut diagnostics, lang);
    (project, diagnostics)
}

/// [`check_with`] before the findings are put in a language's order (see `engine::sort_in`).
fn run_once(
    dir: &Path,
    config: &Config,
    release: Option<&ReleaseArgs>,
) -> (Project, Vec<Diagnostic>) {
    let mut project = Project::load(dir, &config.exclude).expect("fixture project loads");
    let mut whitelist = None;
    if dir.join("mpcheck.json").is_file() {
        let own = Config::load(None, dir).expect("fixture mpcheck.json is valid");
        whitelist = own.whitelist(None, &project.dir).expect("valid domains");
    }
    if let Some(w) = &whitelist {
        project.add_text(w.file.clone(), w.source.clone());
    }
    let analysis = Analysis::new(&project, whitelist);
    let diagnostics = engine::run_with(&analysis, config, release);
    assert!(
        !analysis.computed_late(),
        "{}: an enabled rule reads an analysis it does not name in `needs`",
        dir.display()
    );
    drop(analysis);
    (project, diagnostics)
}

/// Human (en), concise (zh) and JSON (en) output of one run, with the version redacted.
pub fn render_all(dir: &Path, config: &Config) -> (String, Vec<Diagnostic>) {
    render_all_with(dir, config, None)
}

/// [`render_all`] with `mpcheck release`'s arguments.
pub fn render_all_with(
    dir: &Path,
    config: &Config,
    release: Option<&ReleaseArgs>,
) -> (String, Vec<Diagnostic>) {
    // One run, shown in each language in that language's order.
    let (project, mut en) = run_once(dir, config, release);
    let mut zh = en.clone();
    engine::sort_in(&mut en, Lang::En);
    engine::sort_in(&mut zh, Lang::Zh);
    let human = report::render(&project, &en, Format::Human, &opts());
    let zh_opts = Options {
        lang: Lang::Zh,
        ..opts()
    };
    let concise = report::render(&project, &zh, Format::Concise, &zh_opts);
    let json = report::render(&project, &en, Format::Json, &opts())
        .replace(env!("CARGO_PKG_VERSION"), "[version]");
    let text =
        format!("--- human ---\n{human}\n--- concise (zh) ---\n{concise}\n--- json ---\n{json}");
    (text, en)
}

/// Sub-folders of `dir`, sorted.
pub fn subdirs(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

pub fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// A minimal valid project in a temporary folder, plus `files` (path, bytes).
pub fn temp_project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base: &[(&str, &[u8])] = &[
        (
            "project.config.json",
            b"{\"appid\": \"wx0000000000000000\"}",
        ),
        ("app.json", b"{\"pages\": [\"pages/index/index\"]}"),
        ("pages/index/index.js", b"Page({})"),
        ("pages/index/index.wxml", b"<view/>"),
    ];
    for (path, bytes) in base.iter().chain(files) {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

/// A rule fixture's `release.json` as `mpcheck release`'s arguments (`None` without one):
/// `{"version", "desc", "appid", "key", "robot"}`, plus `"desc_from": "git-head"` and
/// `"key_from": "env"` for where a value came from. Absent: version `1.0.0`, desc `None`,
/// appid from project.config.json (as the command does), key `None`, robot `"1"`. `key` is
/// relative to the fixture folder and given relative to the working folder when it is under it
/// (tests/rules.rs works in the scratch root its cases are written to), so messages show a
/// portable path such as `fixtures/rules/MP604/fail-truncated/key.pem`.
pub fn release_args(dir: &Path) -> Option<ReleaseArgs> {
    let text = std::fs::read_to_string(dir.join("release.json")).ok()?;
    let v: serde_json::Value = serde_json::from_str(&text).expect("release.json is JSON");
    let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
    let appid = match s("appid") {
        Some(a) => Some((a, Given::Option)),
        None => std::fs::read_to_string(dir.join("project.config.json"))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .and_then(|c| c.get("appid").and_then(|a| a.as_str()).map(str::to_string))
            .map(|a| (a, Given::ProjectConfig)),
    };
    let cwd = std::env::current_dir().expect("a working folder");
    Some(ReleaseArgs {
        version: s("version").unwrap_or_else(|| "1.0.0".into()),
        desc: s("desc").map(|d| {
            let given = if s("desc_from").as_deref() == Some("git-head") {
                Given::GitHead
            } else {
                Given::Option
            };
            (d, given)
        }),
        appid,
        key: s("key").map(|k| {
            let given = if s("key_from").as_deref() == Some("env") {
                Given::Env
            } else {
                Given::Option
            };
            let key = dir.join(k);
            let shown = key.strip_prefix(&cwd).map(Path::to_path_buf).unwrap_or(key);
            (shown, given)
        }),
        robot: s("robot").unwrap_or_else(|| "1".into()),
    })
}

/// Runs the mpcheck binary in `dir`: no colour, 100 columns, English.
pub fn mpcheck(dir: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("MPCHECK_LANG")
        .env("LANG", "C")
        .output()
        .expect("mpcheck runs")
}

pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Copies the folder `from` to `to`, created as needed.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
