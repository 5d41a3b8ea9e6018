//! The binary end to end: formats, exit codes, config, commands.

mod common;

use common::{copy_dir, mpcheck, root, stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

fn example() -> std::path::PathBuf {
    root().join("fixtures/example")
}

fn snapshot_run(name: &str, dir: &Path, args: &[&str]) -> Output {
    let o = mpcheck(dir, args);
    let text = format!(
        "args: {args:?}\nexit: {:?}\n--- stdout ---\n{}--- stderr ---\n{}",
        o.status.code(),
        stdout(&o).replace(env!("CARGO_PKG_VERSION"), "[version]"),
        stderr(&o)
    );
    insta::assert_snapshot!(name, text);
    o
}

#[test]
fn every_format_on_the_example() {
    for format in ["human", "concise", "github", "json"] {
        let o = snapshot_run(
            &format!("example_{format}"),
            &example(),
            &["check", "--format", format],
        );
        assert_eq!(o.status.code(), Some(1), "{format}");
    }
}

#[test]
fn json_output_has_the_documented_shape() {
    let o = mpcheck(&example(), &["check", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is only JSON");
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "mpcheck");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let summary = &v["summary"];
    for key in ["errors", "warnings", "infos", "files"] {
        assert!(summary[key].is_u64(), "summary.{key}");
    }
    let diags = v["diagnostics"].as_array().unwrap();
    assert_eq!(
        diags.len() as u64,
        summary["errors"].as_u64().unwrap()
            + summary["warnings"].as_u64().unwrap()
            + summary["infos"].as_u64().unwrap()
    );
    let keys = [
        "project", "code", "name", "severity", "message", "help", "file", "range", "related", "fix",
    ];
    let mut fixable = 0;
    for d in diags {
        let obj = d.as_object().unwrap();
        assert_eq!(obj.keys().collect::<Vec<_>>(), keys, "key order and set");
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        assert!(!d["file"].as_str().unwrap().contains('\\'));
        for end in ["start", "end"] {
            assert!(d["range"][end]["line"].as_u64().unwrap() >= 1);
            assert!(d["range"][end]["column"].as_u64().unwrap() >= 1);
        }
        for r in d["related"].as_array().unwrap() {
            assert!(r["file"].is_string() && r["message"].is_string());
            assert!(r["range"].is_null() || r["range"]["start"]["line"].is_u64());
        }
        if d["fix"].is_null() {
            continue;
        }
        fixable += 1;
        for e in d["fix"]["edits"].as_array().unwrap() {
            assert!(e["file"].is_string() && e["replacement"].is_string());
            assert!(e["range"]["start"]["line"].as_u64().unwrap() >= 1);
            assert!(e["range"]["end"]["column"].as_u64().unwrap() >= 1);
        }
    }
    // The example's leading `/`, `red`, `usingComponent`, `window` wrapper, unused component,
    // two compression switches (one finding) and lazyCodeLoading.
    assert_eq!(fixable, 7);
}

#[test]
fn output_is_identical_at_any_thread_count() {
    for format in ["json", "human"] {
        let one = mpcheck(&example(), &["check", "-f", format, "--threads", "1"]);
        for n in ["2", "8"] {
            let many = mpcheck(&example(), &["check", "-f", format, "--threads", n]);
            assert_eq!(one.stdout, many.stdout, "{format} at {n} threads");
        }
    }
}

#[test]
fn exit_codes() {
    let clean_case = common::rule_case("MP200/pass-subpackages");
    let clean = clean_case.dir.clone();
    assert_eq!(mpcheck(&clean, &["check"]).status.code(), Some(0));
    // Warnings only: 0, unless --max-warnings is exceeded.
    let warn_case = common::rule_case("MP107/fail-window-wrapper");
    let warn = warn_case.dir.clone();
    assert_eq!(mpcheck(&warn, &["check"]).status.code(), Some(0));
    assert_eq!(
        mpcheck(&warn, &["check", "--max-warnings", "6"])
            .status
            .code(),
        Some(0)
    );
    let over = mpcheck(&warn, &["check", "--max-warnings", "0"]);
    assert_eq!(over.status.code(), Some(1));
    assert!(stderr(&over).contains("exceed --max-warnings 0"));
    // Usage problems: 2.
    assert_eq!(
        mpcheck(&clean, &["check", "--threads", "0"]).status.code(),
        Some(2)
    );
    assert_eq!(
        mpcheck(&clean, &["check", "--format", "xml"]).status.code(),
        Some(2)
    );
    assert_eq!(mpcheck(&clean, &["frobnicate"]).status.code(), Some(2));
    let missing = mpcheck(&clean, &["check", "no/such/folder"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("does not exist"));
}

#[test]
fn no_project_found_says_where_it_looked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("dist")).unwrap();
    std::fs::write(dir.path().join("dist/app.json"), r#"{"pages":[]}"#).unwrap();
    let o = mpcheck(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("no mini program project found"), "{err}");
    assert!(
        err.contains("project.config.json") && err.contains("app.json"),
        "{err}"
    );
    assert!(
        err.contains("mpcheck check ./dist") || err.contains("dist"),
        "{err}"
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn config_sets_severity_and_excludes() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("cfg.json");
    std::fs::write(
        &cfg,
        r#"{"rules": {"MP105": "off", "unknown-field": "error", "MP107": "info"}, "exclude": ["pkgShop"]}"#,
    )
    .unwrap();
    let o = mpcheck(
        &example(),
        &["check", "-f", "json", "--config", cfg.to_str().unwrap()],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(!codes.contains(&"MP105"), "off: {codes:?}");
    assert!(!codes.contains(&"MP103"), "pkgShop excluded: {codes:?}");
    let sev = |code: &str| diags.iter().find(|d| d["code"] == code).unwrap()["severity"].clone();
    assert_eq!(sev("MP102"), "error");
    assert_eq!(sev("MP107"), "info");
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn config_in_project_folder_is_found() {
    let dir = tempfile::tempdir().unwrap();
    common::cases::find("MP107/fail-window-wrapper").write_to(dir.path());
    std::fs::write(
        dir.path().join("mpcheck.json"),
        r#"{"rules": {"page-json-window-wrapper": "error"}}"#,
    )
    .unwrap();
    assert_eq!(mpcheck(dir.path(), &["check"]).status.code(), Some(1));
}

#[test]
fn bad_config_points_into_the_file_and_exits_2() {
    let cases = [
        ("unknown_rule", r#"{"rules": {"MP999": "off", "x": "y"}}"#),
        ("bad_level", r#"{"rules": {"MP105": "loud"}}"#),
        ("unknown_key", r#"{"rule": {}}"#),
        ("syntax", "{\"rules\": {},}"),
        ("bad_glob", r#"{"exclude": ["a[b"]}"#),
    ];
    for (name, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        common::cases::find("MP200/pass-subpackages").write_to(dir.path());
        std::fs::write(dir.path().join("mpcheck.json"), text).unwrap();
        let o = mpcheck(dir.path(), &["check"]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stdout(&o).is_empty(), "{name}");
        insta::assert_snapshot!(format!("bad_config_{name}"), stderr(&o));
    }
}

#[test]
fn languages() {
    let zh = mpcheck(&example(), &["check", "-f", "concise", "--lang", "zh"]);
    assert!(stdout(&zh).contains("未找到 [\"pages\"][2] 对应的 pages/profile/profile.wxml 文件"));
    let env_zh = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(["check", "-f", "concise"])
        .current_dir(example())
        .env("MPCHECK_LANG", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert_eq!(env_zh.stdout, zh.stdout);
    let en = mpcheck(&example(), &["check", "-f", "concise"]);
    assert!(stdout(&en).contains("could not find the corresponding file"));
}

#[test]
fn rules_explain_and_version() {
    let o = mpcheck(&root(), &["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = v["rules"].as_array().unwrap();
    assert_eq!(rules.len(), mpcheck::lint::rules::RULES.len());
    for r in rules {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["code", "name", "group", "severity", "summary"]);
    }
    let text = stdout(&mpcheck(&root(), &["rules"]));
    assert!(text.contains("MP200  missing-page-file"));
    let by_code = mpcheck(&root(), &["explain", "MP200"]);
    let by_name = mpcheck(&root(), &["explain", "missing-page-file"]);
    assert_eq!(by_code.status.code(), Some(0));
    assert!(stdout(&by_code).starts_with("# MP200 missing-page-file"));
    assert_eq!(by_code.stdout, by_name.stdout);
    let unknown = mpcheck(&root(), &["explain", "missing-page-files"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("did you mean missing-page-file"));
    let version = mpcheck(&root(), &["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("mpcheck {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn domains_file_in_the_api_shape() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/network/literal"), dir.path());
    std::fs::remove_file(dir.path().join("mpcheck.json")).unwrap();
    let api = dir.path().join("api.json");
    // What the server-domain API returns, passed as is.
    std::fs::write(
        &api,
        r#"{"errcode": 0, "errmsg": "ok", "requestdomain": ["https://api.shop.com"], "wsrequestdomain": [], "uploaddomain": [], "downloaddomain": []}"#,
    )
    .unwrap();
    let o = mpcheck(
        dir.path(),
        &["check", "-f", "concise", "--domains", api.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o)
            .contains("error[MP300] https://api.other.com is not in the request legal domain list"),
        "{}",
        stdout(&o)
    );
    // Allowed once the host is listed.
    std::fs::write(
        &api,
        r#"{"requestdomain": ["https://api.shop.com", "https://api.other.com"]}"#,
    )
    .unwrap();
    let o = mpcheck(
        dir.path(),
        &["check", "-f", "concise", "--domains", api.to_str().unwrap()],
    );
    assert!(!stdout(&o).contains("MP300"), "{}", stdout(&o));
    // Unusable files are a usage problem.
    std::fs::write(&api, "{not json").unwrap();
    let bad = mpcheck(dir.path(), &["check", "--domains", api.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("invalid JSON"), "{}", stderr(&bad));
    std::fs::write(&api, r#"{"errcode": 0}"#).unwrap();
    let empty = mpcheck(dir.path(), &["check", "--domains", api.to_str().unwrap()]);
    assert_eq!(empty.status.code(), Some(2));
    assert!(
        stderr(&empty).contains("no domain list found"),
        "{}",
        stderr(&empty)
    );
    let missing = mpcheck(dir.path(), &["check", "--domains", "nope.json"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn suppressions() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/network/literal"), dir.path());
    let page = dir.path().join("pages/index/index.js");
    let run = |d: &Path| stdout(&mpcheck(d, &["check", "-f", "concise"]));
    assert!(run(dir.path()).contains("error[MP300]"));
    // An inline directive on the line before the finding suppresses it.
    std::fs::write(
        &page,
        "Page({\n  onLoad() {\n    // mpcheck-disable-next-line MP300 -- staging only\n    wx.request({ url: 'https://api.other.com/v1' })\n  },\n})\n",
    )
    .unwrap();
    let out = run(dir.path());
    assert!(!out.contains("MP300") && !out.contains("MP004"), "{out}");
    // A directive that suppresses nothing is reported.
    std::fs::write(
        &page,
        "// mpcheck-disable-next-line insecure-url\nPage({})\n",
    )
    .unwrap();
    assert!(run(dir.path()).contains(
        "pages/index/index.js:1:1: warning[MP004] unused suppression: no MP301 finding here"
    ));
    // `ignores` in mpcheck.json for files without comments (JSON), with a reason.
    std::fs::write(
        dir.path().join("app.json"),
        r#"{"pages": ["pages/index/index"], "debug": "yes"}"#,
    )
    .unwrap();
    assert!(run(dir.path()).contains("error[MP103]"));
    let config = |ignores: &str| {
        let domains = r#""domains": {"request": ["https://api.shop.com"]}"#;
        std::fs::write(
            dir.path().join("mpcheck.json"),
            format!("{{{domains}, \"ignores\": {ignores}}}"),
        )
        .unwrap();
    };
    config(r#"[{"rule": "MP103", "path": "app.json", "reason": "fixed in the next release"}]"#);
    let out = run(dir.path());
    assert!(!out.contains("MP103"), "{out}");
    config(r#"[{"rule": "invalid-color", "path": "app.json", "reason": "legacy"}]"#);
    assert!(
        run(dir.path()).contains("mpcheck.json:1:"),
        "unused ignore points into mpcheck.json"
    );
    config(r#"[{"rule": "MP103", "path": "app.json"}]"#);
    let o = mpcheck(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("needs a \"reason\""));
}

#[test]
fn size_command() {
    let project_case = common::rule_case("MP400/fail-over-configured-limit");
    let project = project_case.dir.clone();
    let o = mpcheck(&project, &["size", "-f", "json"]);
    // Over the configured limit: exit 1.
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    // mpcheck.json there sets "limits": {"package": "8KB"}.
    let packages = v["packages"].as_array().unwrap();
    let names: Vec<&str> = packages
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["__APP__", "pkgA/", "pkgB/"]);
    assert!(packages.iter().all(|p| p["limit"] == 8192));
    let bytes: u64 = packages.iter().map(|p| p["bytes"].as_u64().unwrap()).sum();
    assert_eq!(v["total"].as_u64(), Some(bytes));
    // The sizes are the files' bytes: app.js, app.json, project.config.json, the pages,
    // utils/big.js (9,000, required by app.js) and images/logo.png (1,216) in the main
    // package, and mpcheck.json: nothing uses it, but ignoreUploadUnusedFiles is not set, so
    // the packer uploads it.
    let main: u64 = [
        "app.js",
        "app.json",
        "mpcheck.json",
        "project.config.json",
        "pages/index/index.js",
        "pages/index/index.wxml",
        "utils/big.js",
        "images/logo.png",
    ]
    .iter()
    .map(|f| std::fs::metadata(project.join(f)).unwrap().len())
    .sum();
    assert_eq!(packages[0]["bytes"].as_u64(), Some(main));
    let pkg_a: u64 = [
        "pkgA/pages/a/a.js",
        "pkgA/pages/a/a.wxml",
        "pkgA/data/table.js",
    ]
    .iter()
    .map(|f| std::fs::metadata(project.join(f)).unwrap().len())
    .sum();
    assert_eq!(packages[1]["bytes"].as_u64(), Some(pkg_a));
    let text = stdout(&mpcheck(&project, &["size"]));
    assert!(text.starts_with("Package"), "{text}");
    assert!(text.contains("utils/big.js"), "{text}");
    // Usage problems exit 2.
    let missing = mpcheck(&project, &["size", "no/such/dir"]);
    assert_eq!(missing.status.code(), Some(2));
}

/// `--explain-network`: every call site with its URL as read, its origin or why it is unknown.
#[test]
fn explain_network_lists_every_call_site() {
    let dir = root().join("fixtures/network/silent-runtime");
    let o = mpcheck(&dir, &["check", ".", "--explain-network"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "pages/index/index.js:4:23: request wx.request https://api.shop.com/items/{id} -> origin https://api.shop.com\n\
         pages/index/index.js:8:23: request wx.request {this.data.host}/x -> unknown: this-state `this.data.host`\n\
         pages/index/index.js:9:23: request wx.request https://{id}/x -> unknown: parameter `id`\n\
         pages/index/index.js:10:23: request wx.request https://api.shop.com{id} -> unknown: parameter `id`\n\
         4 network call sites (0 in npm packages): origin known 1, unknown 3 (parameter 2, this-state 1)\n"
    );
    let o = mpcheck(&dir, &["check", ".", "--explain-network", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["summary"]["sites"], 4);
    assert_eq!(v["summary"]["origin_known"], 1);
    assert_eq!(v["summary"]["unknown"]["parameter"], 2);
    assert_eq!(v["sites"][1]["unknown"]["reason"], "this-state");
    assert_eq!(v["sites"][1]["unknown"]["expression"], "this.data.host");
    // Where the origin is written, when not at the call.
    let dir = root().join("fixtures/network/one-constant-many-sites");
    let o = mpcheck(&dir, &["check", ".", "--explain-network", "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["sites"][0]["origin"], "http://localhost:8080");
    assert_eq!(v["sites"][0]["origin_written_at"]["file"], "config/api.js");
}

/// Grouped network findings and the census are byte-identical at any thread count.
#[test]
fn network_output_is_the_same_at_any_thread_count() {
    for case in [
        "one-constant-many-sites",
        "wrapper-chain",
        "absolute-url-guard",
    ] {
        let dir = root().join("fixtures/network").join(case);
        for args in [
            &["check", ".", "-f", "json"][..],
            &["check", ".", "--explain-network"][..],
        ] {
            let one = mpcheck(&dir, &[args, &["--threads", "1"]].concat());
            for n in ["2", "8"] {
                let many = mpcheck(&dir, &[args, &["--threads", n]].concat());
                assert_eq!(stdout(&one), stdout(&many), "{case} {args:?} --threads {n}");
            }
        }
    }
}

/// mpcheck with its stdout a pipe whose reader has already gone (`mpcheck … | head -0`).
fn into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("mpcheck runs")
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    for (args, code) in [
        (&["rules"][..], 0),
        (&["explain", "MP200"][..], 0),
        (&["check", "fixtures/example"][..], 1),
        (&["check", "fixtures/example", "--explain-network"][..], 0),
        (&["size", "fixtures/example"][..], 0),
        (
            &[
                "widget-data",
                "fixtures/widget-clean/data/reply.json",
                "--project",
                "fixtures/widget-clean",
            ][..],
            0,
        ),
    ] {
        let o = into_closed_pipe(args);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}: quiet");
    }
}

#[test]
#[cfg_attr(not(target_os = "linux"), ignore = "needs /dev/full (Linux)")]
fn a_full_disk_is_an_error_with_a_message() {
    for args in [
        &["rules"][..],
        &["explain", "MP200"][..],
        &["check", "fixtures/example"][..],
        &["size", "fixtures/example"][..],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
            .args(args)
            .current_dir(root())
            .stdout(full)
            .output()
            .expect("mpcheck runs");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with("mpcheck: error: cannot write the output:"),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

/// The widest line of `mpcheck check fixtures/example` run in a terminal of `cols` columns
/// (util-linux `script` gives it a pseudo-terminal), with no `COLUMNS`.
fn widest_line_in_a_terminal(cols: usize) -> usize {
    let bin = env!("CARGO_BIN_EXE_mpcheck");
    let o = Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "stty rows 40 cols {cols}; {bin} check fixtures/example --color never"
        ))
        .arg("/dev/null")
        .current_dir(root())
        .env_remove("COLUMNS")
        .output()
        .expect("script (util-linux) runs");
    String::from_utf8_lossy(&o.stdout)
        .replace('\r', "")
        .lines()
        .filter(|l| l.trim_start().starts_with("help:") || l.contains('×') || l.contains('⚠'))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
#[cfg_attr(
    not(target_os = "linux"),
    ignore = "needs util-linux `script` (Linux; BSD script takes other arguments)"
)]
fn human_output_wraps_at_the_terminals_width() {
    assert!(widest_line_in_a_terminal(60) <= 60);
    assert!(widest_line_in_a_terminal(160) > 100);
}

#[test]
fn the_rules_table_has_aligned_columns() {
    let o = mpcheck(&root(), &["rules"]);
    let text = stdout(&o);
    // Every column starts where it does on the first line.
    let starts = |l: &str| -> Vec<usize> {
        let mut v = Vec::new();
        let mut prev_space = false;
        for (i, c) in l.char_indices().take(60) {
            if c != ' ' && prev_space {
                v.push(i);
            }
            prev_space = c == ' ';
        }
        v.truncate(4);
        v
    };
    let first = starts(text.lines().next().unwrap());
    for line in text.lines() {
        assert_eq!(starts(line), first, "{line}");
    }
}

#[test]
fn quiet_and_min_severity_select_what_is_shown_not_the_exit_code() {
    let all = stdout(&mpcheck(&example(), &["check", "-f", "concise"]));
    assert!(all.contains(": info[") && all.contains(": warning["));
    let o = mpcheck(&example(), &["check", "-f", "concise", "-q"]);
    assert_eq!(o.status.code(), Some(1));
    let quiet = stdout(&o);
    assert!(
        quiet.contains(": error[") && !quiet.contains(": warning[") && !quiet.contains(": info[")
    );
    let o = mpcheck(
        &example(),
        &["check", "-f", "json", "--min-severity", "warning"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let sevs: std::collections::BTreeSet<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(sevs.into_iter().collect::<Vec<_>>(), ["error", "warning"]);
    // Showing errors only still fails on warnings over --max-warnings, and says so.
    let o = mpcheck(
        &example(),
        &["check", "-q", "-f", "json", "--max-warnings", "0"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("warnings exceed --max-warnings 0"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn statistics_count_findings_per_rule() {
    let o = mpcheck(&example(), &["check", "--statistics"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("1  MP102  unknown-field"), "{text}");
    assert!(text.ends_with("11 finding(s) from 11 rule(s)\n"), "{text}");
    let o = mpcheck(&example(), &["check", "--statistics", "-f", "json", "-q"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["statistics"].as_array().unwrap();
    assert!(
        rows.iter()
            .all(|r| r["severity"] == "error" && r["count"] == 1)
    );
    assert_eq!(rows.len(), 5);
}

#[test]
fn check_writes_its_output_to_a_file_with_o() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("findings.json");
    let o = mpcheck(
        &example(),
        &["check", "-f", "json", "-o", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["summary"]["errors"], 5);
    let o = mpcheck(&example(), &["check", "-o", "/nonexistent/dir/x.txt"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn size_exits_1_when_a_package_is_over_its_limit() {
    let over_case = common::rule_case("MP400/fail-over-configured-limit");
    let over = over_case.dir.clone();
    let o = mpcheck(&over, &["size"]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let under_case = common::rule_case("MP400/pass-under-limit");
    let under = under_case.dir.clone();
    assert_eq!(mpcheck(&under, &["size"]).status.code(), Some(0));
}

#[test]
fn exclude_hides_findings_but_not_what_is_uploaded() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("app");
    copy_dir(&example(), &project);
    // Unused files are left out of the upload: what is unused must not depend on `exclude`.
    let config = std::fs::read_to_string(project.join("project.config.json")).unwrap();
    std::fs::write(
        project.join("project.config.json"),
        config.replace(
            "\"minified\": true",
            "\"minified\": true, \"ignoreUploadUnusedFiles\": true",
        ),
    )
    .unwrap();
    // Reached only through the excluded component; and an unused file in the excluded folder.
    std::fs::write(project.join("format.js"), "module.exports = 1\n").unwrap();
    std::fs::write(
        project.join("components/price/price.js"),
        "require('../../format.js')\nComponent({ properties: { value: Number } })\n",
    )
    .unwrap();
    std::fs::write(
        project.join("components/old.js"),
        "// nothing uses this\n".repeat(50),
    )
    .unwrap();
    let cfg = dir.path().join("cfg.json");
    std::fs::write(&cfg, r#"{"exclude": ["components", "pkgShop/**"]}"#).unwrap();
    let cfg = cfg.to_str().unwrap();
    let plain = mpcheck(&project, &["size", "-f", "json"]);
    let excluded = mpcheck(&project, &["size", "-f", "json", "--config", cfg]);
    assert_eq!(
        stdout(&plain),
        stdout(&excluded),
        "exclude changed the upload set"
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&plain)).unwrap();
    assert!(v["total"].as_u64().unwrap() > 0);

    let o = mpcheck(&project, &["check", "-f", "json", "--config", cfg]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let diags = v["diagnostics"].as_array().unwrap();
    let files: Vec<&str> = diags.iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert!(!files.is_empty());
    assert!(
        files
            .iter()
            .all(|f| !f.starts_with("components/") && !f.starts_with("pkgShop/")),
        "{files:?}"
    );
    // What only the excluded component uses is still used; the components are still found.
    let codes: Vec<&str> = diags.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(!files.contains(&"format.js"), "{files:?}");
    assert!(!codes.contains(&"MP210"), "{codes:?}");
}
