//! Shared test helpers: run mpcheck on a fixture project in-process.
#![allow(dead_code)]

use mpcheck::config::Config;
use mpcheck::diagnostic::Diagnostic;
use mpcheck::engine;
use mpcheck::i18n::Lang;
use mpcheck::project::Project;
use mpcheck::report::{self, Format, Options};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn opts() -> Options {
    Options {
        color: false,
        width: Some(100),
        path_prefix: String::new(),
    }
}

/// Loads `dir` and runs the rules `config` enables.
/// A fixture's own mpcheck.json supplies its domain whitelist.
pub fn check(dir: &Path, config: &Config, lang: Lang) -> (Project, Vec<Diagnostic>) {
    let mut project = Project::load(dir, &config.exclude).expect("fixture project loads");
    if dir.join("mpcheck.json").is_file() {
        let own = Config::load(None, dir).expect("fixture mpcheck.json is valid");
        project.whitelist =
            mpcheck::domains::configured(None, &own, &project.dir).expect("valid domains");
    }
    let diagnostics = engine::run(&project, config, lang);
    (project, diagnostics)
}

/// Human (en), concise (zh) and JSON (en) output, with the version redacted.
pub fn render_all(dir: &Path, config: &Config) -> (String, Vec<Diagnostic>) {
    let (project, en) = check(dir, config, Lang::En);
    let (_, zh) = check(dir, config, Lang::Zh);
    let human = report::render(&project, &en, Format::Human, &opts());
    let concise = report::render(&project, &zh, Format::Concise, &opts());
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
