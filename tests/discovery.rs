//! Project discovery and what `mpcheck check PATH...` reports: run from inside a project, on
//! files (as pre-commit and lint-staged pass them), on several projects; `--show-settings`.

mod common;

use common::{copy_dir, root};
use std::path::Path;
use std::process::{Command, Output};

/// `fixtures/nested`: project.config.json (TypeScript pages, `miniprogramRoot: miniprogram/`)
/// one level above app.json; findings in project.config.json, app.json, two pages.
fn nested() -> std::path::PathBuf {
    root().join("fixtures/nested")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("MPCHECK_LANG")
        .env("LANG", "C")
        .output()
        .unwrap()
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// (code, file, start line) of each finding in `-f json` output, with its project.
fn findings(o: &Output) -> Vec<(String, String, String, u64)> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("JSON ({e}): {}\n{}", out(o), err(o)));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["project"].as_str().unwrap().to_string(),
                d["code"].as_str().unwrap().to_string(),
                d["file"].as_str().unwrap().to_string(),
                d["range"]["start"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn from_the_miniprogram_root_the_same_findings_as_from_the_project_folder() {
    let from_root = run(&nested(), &["check", "-f", "json"]);
    let from_sub = run(&nested().join("miniprogram"), &["check", "-f", "json"]);
    assert_eq!(from_root.status.code(), Some(1), "{}", err(&from_root));
    assert_eq!(from_sub.status.code(), Some(1), "{}", err(&from_sub));
    let strip = |f: Vec<(String, String, String, u64)>| -> Vec<(String, String, u64)> {
        f.into_iter().map(|(_, c, file, l)| (c, file, l)).collect()
    };
    let (a, b) = (findings(&from_root), findings(&from_sub));
    assert!(a.iter().all(|f| f.0 == "."), "{a:?}");
    assert!(b.iter().all(|f| f.0 == ".."), "{b:?}");
    let expected: Vec<(String, String, u64)> = [
        ("MP128", "miniprogram/app.json", 1),
        ("MP329", "miniprogram/pages/about/about.wxml", 1),
        ("MP103", "miniprogram/pages/index/index.json", 3),
        ("MP103", "project.config.json", 9),
    ]
    .iter()
    .map(|(c, f, l)| (c.to_string(), f.to_string(), *l))
    .collect();
    // The parent's useCompilerPlugins is seen: no `.ts` page is reported as missing its `.js`.
    assert_eq!(strip(a), expected);
    assert_eq!(strip(b), expected);
    // Paths shown relative to where the command runs.
    let concise = out(&run(
        &nested().join("miniprogram"),
        &["check", "-f", "concise"],
    ));
    assert!(
        concise.starts_with("app.json:1:1: warning[MP128]"),
        "{concise}"
    );
    assert!(
        concise.contains("\n../project.config.json:9:17: error[MP103]"),
        "{concise}"
    );
    assert!(
        concise.contains("\npages/index/index.json:3:28: error[MP103]"),
        "{concise}"
    );
    // And from a folder below the root, as given.
    let page = out(&run(
        &nested().join("miniprogram/pages/about"),
        &["check", "-f", "concise", "."],
    ));
    assert_eq!(
        page,
        "about.wxml:1:16: warning[MP329] bindtap=\"onTap\": onTap is not a method of the page's Page({...})\n\
         Found 0 errors, 1 warning in 1 file\n"
    );
}

#[test]
fn files_given_report_only_their_findings() {
    let dir = nested().join("miniprogram");
    let o = run(&dir, &["check", "-f", "concise", "pages/index/index.json"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(
        out(&o),
        "pages/index/index.json:3:28: error[MP103] pages/index/index.json [\"enablePullDownRefresh\"] field needs to be boolean, found string\n\
         Found 1 error, 0 warnings in 1 file\n"
    );
    // A clean file: nothing, exit 0.
    let o = run(&dir, &["check", "-f", "concise", "pages/index/index.wxml"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), "Found 0 errors, 0 warnings in 0 files\n");
    // Several files, from the project folder; the warning alone exits 0.
    let o = run(
        &nested(),
        &[
            "check",
            "-f",
            "concise",
            "miniprogram/pages/about/about.wxml",
            "miniprogram/app.json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    assert!(
        text.starts_with("miniprogram/app.json:1:1: warning[MP128]"),
        "{text}"
    );
    assert!(text.contains("\nminiprogram/pages/about/about.wxml:1:16: warning[MP329]"));
    assert!(
        text.ends_with("Found 0 errors, 2 warnings in 2 files\n"),
        "{text}"
    );
    // A file in the project folder outside the miniprogram root.
    let o = run(
        &nested(),
        &["check", "-f", "concise", "project.config.json"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(out(&o).starts_with("project.config.json:9:17: error[MP103]"));
}

#[test]
fn files_in_no_project_are_left_alone_and_missing_ones_are_an_error() {
    let o = run(&root(), &["check", "README.md"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert_eq!(out(&o), "");
    assert_eq!(
        err(&o),
        "mpcheck: no mini program project holds README.md: nothing to check\n"
    );
    // Beside a file in a project, it is simply not checked.
    let o = run(
        &root(),
        &[
            "check",
            "-f",
            "concise",
            "README.md",
            "fixtures/nested/miniprogram/pages/index/index.json",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).starts_with("fixtures/nested/miniprogram/pages/index/index.json:3:28"),
        "{}",
        out(&o)
    );
    let o = run(&root(), &["check", "fixtures/nested/no-such-file.wxml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("no-such-file.wxml does not exist"),
        "{}",
        err(&o)
    );
    // A folder in no project: where it looked, as before.
    let o = run(&root(), &["check", "src"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("no mini program project found in src"),
        "{}",
        err(&o)
    );
}

#[test]
fn several_projects_in_one_run() {
    let o = run(
        &root(),
        &[
            "check",
            "-f",
            "concise",
            "fixtures/nested",
            "fixtures/example",
        ],
    );
    // The worst exit code; each project's findings together, projects in path order.
    assert_eq!(o.status.code(), Some(1));
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    let first_nested = lines
        .iter()
        .position(|l| l.starts_with("fixtures/nested/"))
        .unwrap();
    assert!(
        lines[..first_nested]
            .iter()
            .all(|l| l.starts_with("fixtures/example/"))
    );
    assert!(
        lines[first_nested..lines.len() - 2]
            .iter()
            .all(|l| l.starts_with("fixtures/nested/")),
        "{text}"
    );
    // One summary: example's 5 errors, 5 warnings, 1 info in 6 files, nested's 2 and 2 in 4.
    assert_eq!(
        &lines[lines.len() - 2..],
        [
            "Found 7 errors, 7 warnings, 1 info in 10 files",
            "[*] 7 fixable with `mpcheck check --fix`"
        ]
    );
    // JSON: one document, each finding with its project.
    let o = run(
        &root(),
        &["check", "-f", "json", "fixtures/example", "fixtures/nested"],
    );
    let f = findings(&o);
    let projects: Vec<&str> = f.iter().map(|f| f.0.as_str()).collect();
    let split = projects
        .iter()
        .position(|p| *p == "fixtures/nested")
        .unwrap();
    assert!(projects[..split].iter().all(|p| *p == "fixtures/example"));
    assert!(projects[split..].iter().all(|p| *p == "fixtures/nested"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["errors"], 7);
    // The same project twice is checked once.
    let o = run(
        &root(),
        &[
            "check",
            "-f",
            "json",
            "fixtures/nested",
            "fixtures/nested/miniprogram",
        ],
    );
    assert_eq!(findings(&o).len(), 4);
    // A baseline belongs to one project.
    let o = run(
        &root(),
        &[
            "check",
            "--baseline",
            "b.json",
            "fixtures/nested",
            "fixtures/example",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("--baseline takes one project; these paths are in 2 projects: fixtures/example, fixtures/nested"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_package_size_finding_is_reported_for_a_file_in_that_package_only() {
    let t = tempfile::tempdir().unwrap();
    let p = t.path();
    let write = |rel: &str, text: &str| {
        std::fs::create_dir_all(p.join(rel).parent().unwrap()).unwrap();
        std::fs::write(p.join(rel), text).unwrap();
    };
    write(
        "app.json",
        r#"{"pages": ["pages/a/a"], "subPackages": [{"root": "shop/", "pages": ["b/b"]}], "sitemapLocation": "sitemap.json", "lazyCodeLoading": "requiredComponents"}"#,
    );
    write(
        "sitemap.json",
        r#"{"rules": [{"action": "allow", "page": "*"}]}"#,
    );
    write("mpcheck.json", r#"{"limits": {"package": "4KB"}}"#);
    for page in ["pages/a/a", "shop/b/b"] {
        write(&format!("{page}.js"), "Page({})\n");
        write(&format!("{page}.wxml"), "<view/>\n");
        write(&format!("{page}.json"), "{}\n");
    }
    write(
        "shop/b/data.js",
        &format!("module.exports = '{}'\n", "x".repeat(6000)),
    );
    write(
        "shop/b/b.js",
        "const d = require('./data.js')\nPage({ d })\n",
    );
    let codes = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "-f", "json", "--config", "mpcheck.json"];
        all.extend_from_slice(args);
        findings(&run(p, &all)).into_iter().map(|f| f.1).collect()
    };
    assert!(
        codes(&[]).contains(&"MP400".to_string()),
        "{:?}",
        codes(&[])
    );
    assert_eq!(codes(&["shop/b/b.wxml"]), ["MP400"]);
    assert_eq!(codes(&["pages/a/a.wxml"]), Vec::<String>::new());
}

#[test]
fn fix_with_files_fixes_only_those_files() {
    let t = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/example"), t.path());
    let before =
        |rel: &str| std::fs::read_to_string(root().join("fixtures/example").join(rel)).unwrap();
    let now = |rel: &str| std::fs::read_to_string(t.path().join(rel)).unwrap();
    let o = run(
        t.path(),
        &["check", "--fix", "-f", "concise", "pages/cart/cart.json"],
    );
    assert!(err(&o).contains("Fixed 1 finding (1 file)"), "{}", err(&o));
    assert_ne!(now("pages/cart/cart.json"), before("pages/cart/cart.json"));
    for untouched in ["app.json", "pages/index/index.json", "project.config.json"] {
        assert_eq!(now(untouched), before(untouched), "{untouched} was changed");
    }
}

#[test]
fn show_settings_prints_what_a_check_would_use() {
    let o = run(&nested().join("miniprogram"), &["check", "--show-settings"]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let text = out(&o);
    let dir = nested().canonicalize().unwrap();
    assert!(
        text.starts_with(&format!("project folder    .. ({})\n", dir.display())),
        "{text}"
    );
    assert!(text.contains(
        "\nminiprogram root  miniprogram/ (\"miniprogramRoot\" in project.config.json)\n"
    ));
    assert!(text.contains("\nconfig files      ../project.config.json\n"));
    assert!(text.contains("\nchecked           the whole project\n"));
    let total = mpcheck::lint::rules::RULES.len();
    assert!(
        text.contains(&format!("\nrules             {total} (")),
        "{text}"
    );
    assert!(text.contains("\n  MP200  missing-page-file"), "{text}");
    // JSON, with a config that turns a rule off and gives domains, on one file.
    let o = run(
        &root(),
        &[
            "check",
            "--show-settings",
            "-f",
            "json",
            "fixtures/network/literal/pages",
        ],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["project"], "fixtures/network/literal");
    assert_eq!(v["rules"].as_array().unwrap().len(), total);
    assert_eq!(
        v["checked"],
        serde_json::json!(["fixtures/network/literal/pages/"])
    );
    assert_eq!(
        v["config_files"].as_array().unwrap().last().unwrap(),
        "fixtures/network/literal/mpcheck.json"
    );
    assert!(
        v["domains"].as_str().unwrap().contains("mpcheck.json"),
        "{v}"
    );
}
