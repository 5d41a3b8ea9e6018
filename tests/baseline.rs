//! `check --baseline` and `--update-baseline`, end to end on copies of the example project.

mod common;

use common::{copy_dir, mpcheck, root, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::Output;

/// A temporary folder holding `p/`, a copy of fixtures/example.
fn example() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p");
    copy_dir(&root().join("fixtures/example"), &p);
    (dir, p)
}

fn edit(file: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    assert!(text.contains(from), "{} holds {from:?}", file.display());
    std::fs::write(file, text.replacen(from, to, 1)).unwrap();
}

/// The finding lines of concise output (without the summary).
fn findings(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .filter(|l| !l.starts_with("Found ") && !l.starts_with("[*] "))
        .map(str::to_string)
        .collect()
}

/// Writes `p`'s baseline to `file` (relative to the temporary folder): exit 0.
fn write_baseline(cwd: &Path, file: &str) -> String {
    let o = mpcheck(
        cwd,
        &["check", "p", "-f", "concise", "--update-baseline", file],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Found 0 errors, 0 warnings in 0 files\n");
    std::fs::read_to_string(cwd.join(file)).unwrap()
}

fn check_against(cwd: &Path, file: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "p", "--baseline", file];
    if !extra.contains(&"-f") {
        args.extend(["-f", "concise"]);
    }
    args.extend_from_slice(extra);
    mpcheck(cwd, &args)
}

#[test]
fn a_baseline_holds_every_finding_and_then_nothing_is_reported() {
    let (dir, _) = example();
    let before = mpcheck(dir.path(), &["check", "p", "-f", "concise"]);
    assert_eq!(before.status.code(), Some(1));
    assert_eq!(findings(&before).len(), 11);
    let o = mpcheck(
        dir.path(),
        &["check", "p", "--update-baseline", "b.json", "-f", "json"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "mpcheck: wrote 11 findings to b.json\n");
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["diagnostics"].as_array().unwrap().len(), 0);

    let text = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["version"], 1);
    let entries = v["findings"].as_array().unwrap();
    // One entry per finding here (no two share their place: no `count`).
    assert_eq!(entries.len(), 11);
    assert!(entries.iter().all(|e| e.get("count").is_none()));
    let unset = entries.iter().find(|e| e["rule"] == "MP407").unwrap();
    assert_eq!(unset["file"], "project.config.json");
    for e in entries {
        let keys: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert!(
            keys == ["rule", "file", "message", "fingerprint", "context"]
                || keys == ["rule", "file", "message", "fingerprint", "context", "count"],
            "{keys:?}"
        );
        assert_eq!(e["fingerprint"].as_str().unwrap().len(), 16);
        assert_eq!(e["context"].as_str().unwrap().len(), 24);
    }
    // Sorted by file, then rule.
    let order: Vec<(String, String)> = entries
        .iter()
        .map(|e| (e["file"].to_string(), e["rule"].to_string()))
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted);
    assert!(text.ends_with("]\n}\n"));

    let o = check_against(dir.path(), "b.json", &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stdout(&o), "Found 0 errors, 0 warnings in 0 files\n");
    assert_eq!(stderr(&o), "");
}

#[test]
fn entries_survive_lines_inserted_above_and_edits_elsewhere() {
    let (dir, p) = example();
    write_baseline(dir.path(), "b.json");
    let app = p.join("app.json");
    // Lines inserted at the top (every finding in app.json moves down two lines), one right
    // above a finding (its neighbourhood changes) and an edit to a line elsewhere.
    edit(
        &app,
        "{\n",
        "{\n  \"entryPagePath\": \"pages/index/index\",\n\n",
    );
    edit(
        &app,
        "    \"navigationBarBackgroundColor\": \"red\",",
        "    \"backgroundTextStyle\": \"light\",\n    \"navigationBarBackgroundColor\": \"red\",",
    );
    edit(
        &app,
        "\"navigationBarTitleText\": \"Example Shop\"",
        "\"navigationBarTitleText\": \"Example Shop 2\"",
    );
    // Reformatting the offending text itself (whitespace) keeps it too.
    let detail = p.join("pkgShop/goods/detail.json");
    let text = std::fs::read_to_string(&detail).unwrap();
    std::fs::write(&detail, format!("\n\n{}", text.replace(": ", ":   "))).unwrap();
    let plain = mpcheck(dir.path(), &["check", "p", "-f", "concise"]);
    assert_eq!(findings(&plain).len(), 11, "{}", stdout(&plain));
    let o = check_against(dir.path(), "b.json", &[]);
    assert_eq!(stdout(&o), "Found 0 errors, 0 warnings in 0 files\n");
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn only_the_new_defect_is_reported() {
    let (dir, p) = example();
    write_baseline(dir.path(), "b.json");
    edit(
        &p.join("app.json"),
        "  \"pages\": [\n",
        "  \"pages\": [\n    \"pages/missing/missing\",\n",
    );
    let o = check_against(dir.path(), "b.json", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        findings(&o),
        [
            "p/app.json:3:5: error[MP200] [\"pages\"][0] could not find the corresponding file: \"pages/missing/missing.wxml\", \"pages/missing/missing.js\""
        ]
    );
    assert!(stdout(&o).ends_with("Found 1 error, 0 warnings in 1 file\n"));
    // The statistics count the same.
    let o = check_against(dir.path(), "b.json", &["--statistics"]);
    assert!(
        stdout(&o).contains("1 finding(s) from 1 rule(s)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_new_copy_of_an_old_defect_is_reported() {
    let (dir, p) = example();
    let wxml = p.join("pages/index/index.wxml");
    std::fs::write(
        &wxml,
        "<view class=\"index\">{{title}}</view>\n<view wx:for=\"{{list}}\">{{item}}</view>\n<text>end</text>\n",
    )
    .unwrap();
    write_baseline(dir.path(), "b.json");
    // The same text again, first in the file, and a line inserted right above the old one:
    // the old one keeps more of its neighbourhood, so the copy is the new finding.
    std::fs::write(
        &wxml,
        "<view wx:for=\"{{list}}\">{{item}}</view>\n<view class=\"index\">{{title}}</view>\n<!-- the list -->\n<view wx:for=\"{{list}}\">{{item}}</view>\n<text>end</text>\n",
    )
    .unwrap();
    let o = check_against(dir.path(), "b.json", &[]);
    assert_eq!(
        findings(&o),
        ["p/pages/index/index.wxml:1:7: info[MP324] <view> has wx:for but no wx:key"]
    );
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn identical_findings_are_counted() {
    let (dir, p) = example();
    let wxml = p.join("pages/index/index.wxml");
    let line = "<view wx:for=\"{{a}}\">{{item}}</view>";
    std::fs::write(&wxml, format!("<view>{{{{title}}}}</view>\n{line}{line}\n")).unwrap();
    let text = write_baseline(dir.path(), "b.json");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let e = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["rule"] == "MP324")
        .unwrap()
        .clone();
    assert_eq!(e["count"], 2);
    assert_eq!(e["file"], "pages/index/index.wxml");
    // A third on the same line: one more than the count.
    std::fs::write(
        &wxml,
        format!("<view>{{{{title}}}}</view>\n{line}{line}{line}\n"),
    )
    .unwrap();
    let o = check_against(dir.path(), "b.json", &[]);
    let lines = findings(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("info[MP324]"));
    // One left: the entry reports the one that is gone.
    std::fs::write(&wxml, format!("<view>{{{{title}}}}</view>\n{line}\n")).unwrap();
    let o = check_against(dir.path(), "b.json", &[]);
    let lines = findings(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].ends_with(
            "warning[MP004] stale baseline entry: 1 of its 2 MP324 findings in pages/index/index.wxml no longer occur"
        ),
        "{}",
        lines[0]
    );
}

#[test]
fn a_fixed_finding_leaves_a_stale_entry() {
    let (dir, p) = example();
    write_baseline(dir.path(), "p/mpcheck-baseline.json");
    edit(
        &p.join("app.json"),
        "\"/pages/order/order\"",
        "\"pages/order/order\"",
    );
    let o = check_against(dir.path(), "p/mpcheck-baseline.json", &[]);
    let lines = findings(&o);
    // The order page is declared now: its folder is no longer unused either. One command
    // drops both entries: one finding, the second entry a related location.
    let stale = "p/mpcheck-baseline.json:28:18: warning[MP004] 2 stale baseline entries; the first: no MP201 finding in app.json matches it";
    assert_eq!(lines, [stale], "{lines:?}");
    let json = check_against(dir.path(), "p/mpcheck-baseline.json", &["-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let related = &v["diagnostics"][0]["related"];
    assert_eq!(related.as_array().unwrap().len(), 1, "{v}");
    assert_eq!(
        related[0]["message"],
        "stale baseline entry: no MP410 finding in pages/order/order.js matches it"
    );
    assert_eq!(related[0]["file"], "mpcheck-baseline.json");
    // Warnings only: exit 0, unless --max-warnings says otherwise.
    assert_eq!(o.status.code(), Some(0));
    let o = check_against(
        dir.path(),
        "p/mpcheck-baseline.json",
        &["--max-warnings", "0"],
    );
    assert_eq!(o.status.code(), Some(1));

    let text = std::fs::read_to_string(p.join("mpcheck-baseline.json")).unwrap();
    let line28 = text.lines().nth(27).unwrap();
    assert_eq!(
        line28,
        "      \"message\": \"[\\\"pages\\\"][3] should not begin with '/'\","
    );

    // JSON: located in the baseline file, with a range; the help names the command.
    let o = check_against(dir.path(), "p/mpcheck-baseline.json", &["-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let d = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("MP201"))
        .unwrap()
        .clone();
    assert_eq!(d["code"], "MP004");
    assert_eq!(d["file"], "mpcheck-baseline.json");
    assert_eq!(d["range"]["start"]["line"], 28);
    assert_eq!(
        d["help"],
        "run `mpcheck check --baseline p/mpcheck-baseline.json --update-baseline p/mpcheck-baseline.json` to drop them"
    );
    // Human output shows the entry.
    let o = mpcheck(
        dir.path(),
        &["check", "p", "--baseline", "p/mpcheck-baseline.json"],
    );
    let human = stdout(&o);
    assert!(
        human.contains("[\\\"pages\\\"][3] should not begin with '/'"),
        "{human}"
    );
    // In Chinese.
    let o = check_against(dir.path(), "p/mpcheck-baseline.json", &["--lang", "zh"]);
    assert!(
        stdout(&o).contains("2 个过期的基线条目；第一个：app.json 中没有与之匹配的 MP201 问题"),
        "{}",
        stdout(&o)
    );
    // MP004 off: stale entries are not reported.
    std::fs::write(
        dir.path().join("cfg.json"),
        r#"{"rules": {"MP004": "off"}}"#,
    )
    .unwrap();
    let o = check_against(dir.path(), "p/mpcheck-baseline.json", &["-c", "cfg.json"]);
    assert_eq!(stdout(&o), "Found 0 errors, 0 warnings in 0 files\n");
}

#[test]
fn pruning_drops_stale_entries_and_adds_no_new_finding() {
    let (dir, p) = example();
    write_baseline(dir.path(), "b.json");
    edit(
        &p.join("app.json"),
        "\"/pages/order/order\"",
        "\"pages/order/order\"",
    );
    edit(
        &p.join("app.json"),
        "  \"pages\": [\n",
        "  \"pages\": [\n    \"pages/missing/missing\",\n",
    );
    let o = check_against(dir.path(), "b.json", &["--update-baseline", "b.json"]);
    // The new finding is still reported (and decides the exit code); no stale entry is.
    assert_eq!(o.status.code(), Some(1));
    let lines = findings(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("error[MP200]") && lines[0].contains("pages/missing/missing"));
    // 11 findings, 2 fixed (MP201 and the unused order folder).
    assert_eq!(stderr(&o), "mpcheck: wrote 9 findings to b.json\n");
    let text = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(!text.contains("MP201") && !text.contains("pages/missing/missing"));
    let o = check_against(dir.path(), "b.json", &[]);
    assert_eq!(findings(&o), lines);
    // An entry of a rule that is off is kept (it was not judged).
    std::fs::write(
        dir.path().join("cfg.json"),
        r#"{"rules": {"MP105": "off"}}"#,
    )
    .unwrap();
    let o = check_against(
        dir.path(),
        "b.json",
        &["--update-baseline", "b.json", "-c", "cfg.json"],
    );
    assert_eq!(stderr(&o), "mpcheck: wrote 9 findings to b.json\n");
    let text = std::fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(text.contains("\"MP105\""));
}

#[test]
fn a_baseline_outside_the_project() {
    let (dir, p) = example();
    write_baseline(dir.path(), "b.json");
    edit(
        &p.join("app.json"),
        "\"/pages/order/order\"",
        "\"pages/order/order\"",
    );
    let o = check_against(dir.path(), "b.json", &[]);
    // Relative to the project folder, so every format's path resolves from where it ran.
    assert!(
        findings(&o).contains(
            &"p/../b.json:28:18: warning[MP004] 2 stale baseline entries; the first: no MP201 finding in app.json matches it"
                .to_string()
        ),
        "{}",
        stdout(&o)
    );
    let o = check_against(dir.path(), "b.json", &["-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["file"], "../b.json");
    assert_eq!(v["diagnostics"][0]["range"]["start"]["line"], 28);
    for format in ["human", "github"] {
        let o = check_against(dir.path(), "b.json", &["-f", format]);
        assert_eq!(o.status.code(), Some(0), "{format}");
        assert!(stdout(&o).contains("b.json"), "{format}");
    }
    let o = mpcheck(
        dir.path(),
        &["check", "p", "--baseline", "b.json", "-f", "human"],
    );
    assert!(
        stdout(&o).contains("should not begin with"),
        "{}",
        stdout(&o)
    );
    // From inside the project, with an absolute path.
    let abs = dir.path().join("b.json");
    let o = mpcheck(
        &p,
        &[
            "check",
            "-f",
            "concise",
            "--baseline",
            abs.to_str().unwrap(),
        ],
    );
    assert!(
        stdout(&o).contains("../b.json:28:18: warning[MP004]"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_baseline_inside_the_root_is_not_an_unused_file() {
    let (dir, p) = example();
    write_baseline(dir.path(), "p/mpcheck-baseline.json");
    // Without --baseline it is an ordinary data file (and uploaded).
    let o = mpcheck(dir.path(), &["check", "p", "-f", "concise"]);
    assert!(stdout(&o).contains("p/mpcheck-baseline.json:1:1: info[MP410]"));
    let o = check_against(dir.path(), "p/mpcheck-baseline.json", &[]);
    assert_eq!(stdout(&o), "Found 0 errors, 0 warnings in 0 files\n");
    // Rewriting it while it is in the project does not record it either.
    let again = write_baseline(dir.path(), "p/mpcheck-baseline.json");
    assert!(!again.contains("\"file\": \"mpcheck-baseline.json\""));
    let _ = p;
}

#[test]
fn bad_baselines_exit_2_naming_the_file() {
    let (dir, _) = example();
    let cases: &[(&str, &[u8], &str)] = &[
        (
            "syntax",
            b"{\"version\": 1,",
            "invalid baseline b.json:1:15:",
        ),
        ("empty", b"", "invalid baseline b.json:1:1:"),
        (
            "version",
            b"{\"version\": 2, \"findings\": []}",
            "baseline b.json:1:13 has version 2; this mpcheck reads version 1",
        ),
        (
            "array",
            b"[]",
            "invalid baseline b.json:1:1: expected an object",
        ),
        (
            "entry",
            b"{\"version\": 1, \"findings\": [{\"rule\": \"MP100\"}]}",
            "invalid baseline b.json:1:29: a finding without \"file\"",
        ),
        (
            "utf8",
            b"{\"version\": 1, \"findings\": [\xff]}",
            "not UTF-8",
        ),
    ];
    for (name, bytes, message) in cases {
        std::fs::write(dir.path().join("b.json"), bytes).unwrap();
        let o = check_against(dir.path(), "b.json", &[]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stderr(&o).contains(message), "{name}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{name}");
    }
    let o = check_against(dir.path(), "missing.json", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(
            "baseline missing.json not found (write it with `mpcheck check --update-baseline missing.json`)"
        ),
        "{}",
        stderr(&o)
    );
    let o = check_against(dir.path(), "p", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("baseline p is a folder"),
        "{}",
        stderr(&o)
    );
    // A file that cannot be written: exit 2, said on stderr.
    let o = mpcheck(
        dir.path(),
        &["check", "p", "--update-baseline", "nope/b.json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot write the baseline nope/b.json"));
    // --update-baseline alone rewrites even a corrupt file.
    std::fs::write(dir.path().join("b.json"), b"{").unwrap();
    write_baseline(dir.path(), "b.json");
}

#[test]
fn hostile_entries_are_reported_not_obeyed() {
    let (dir, _) = example();
    let text = write_baseline(dir.path(), "b.json");
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list = v["findings"].as_array_mut().unwrap();
    list.push(serde_json::json!({
        "rule": "MP999", "file": "../../etc/passwd\u{1b}[31m", "message": "\u{202e}x",
        "fingerprint": "ffffffffffffffff", "context": "000000000000000000000000",
        "count": 4294967295u64
    }));
    list.push(serde_json::json!({
        "rule": "MP\n201", "file": "app.json",
        "fingerprint": "0000000000000000", "context": "ffffffffffffffffffffffff"
    }));
    std::fs::write(
        dir.path().join("b.json"),
        serde_json::to_string(&v).unwrap(),
    )
    .unwrap();
    for format in ["human", "concise", "github", "json"] {
        let o = check_against(dir.path(), "b.json", &["-f", format]);
        assert_eq!(o.status.code(), Some(0), "{format}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(!out.contains('\u{1b}'), "{format}: {out}");
        assert!(out.contains("MP999"), "{format}");
    }
    let o = check_against(dir.path(), "b.json", &[]);
    let lines = findings(&o);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains(
        "2 stale baseline entries; the first: 4294967295 of its 4294967295 MP999 findings in ../../etc/passwd\\u{1b}[31m no longer occur"
    ), "{lines:?}");
}

#[test]
fn the_file_is_the_same_at_any_thread_count() {
    let (dir, _) = example();
    let mut files = Vec::new();
    for threads in ["1", "2", "1"] {
        let o = mpcheck(
            dir.path(),
            &[
                "check",
                "p",
                "--threads",
                threads,
                "--update-baseline",
                "b.json",
            ],
        );
        assert_eq!(o.status.code(), Some(0));
        files.push(std::fs::read(dir.path().join("b.json")).unwrap());
    }
    assert_eq!(files[0], files[1]);
    assert_eq!(files[0], files[2]);
    // Pruning an up-to-date baseline changes nothing.
    let o = check_against(dir.path(), "b.json", &["--update-baseline", "b.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(std::fs::read(dir.path().join("b.json")).unwrap(), files[0]);
}

#[test]
fn options_that_do_not_go_together() {
    let (dir, _) = example();
    let o = mpcheck(
        dir.path(),
        &["check", "p", "--explain-network", "--baseline", "b.json"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cannot be used with"), "{}", stderr(&o));
}

/// While app.json cannot be parsed, what is a page or a component is unknown: the entries of
/// the rules built on that are not judged stale (no cascade of MP004 for one syntax error).
#[test]
fn a_broken_app_json_leaves_no_stale_entries() {
    let (dir, p) = example();
    write_baseline(dir.path(), "b.json");
    edit(&p.join("app.json"), "\"pages\": [", "\"pages\": [,");
    let o = check_against(dir.path(), "b.json", &[]);
    let lines = findings(&o);
    assert!(lines.iter().all(|l| !l.contains("[MP004]")), "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("error[MP001]")),
        "{lines:?}"
    );
    assert_eq!(o.status.code(), Some(1));
}
