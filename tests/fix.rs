//! `mpcheck check --fix` and `--diff`: each fixable rule on its fixtures (the diff, the file
//! after the fix, a clean second run), bytes outside the edits kept (BOM, CRLF, tabs), the
//! example project, nothing written without `--fix`, overlapping fixes, and files that left
//! the project or changed after the check.

mod common;

use common::{mpcheck, root, stderr, stdout, temp_project};
use mpcheck::lint::config::Config;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A copy of `from` in a new temporary folder.
fn copy(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = dir.path().join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    dir
}

/// Every file under `dir` (links not followed) with its bytes and modification time.
fn files(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let meta = std::fs::symlink_metadata(e.path()).unwrap();
            let bytes = if e.file_type().is_symlink() {
                std::fs::read_link(e.path())
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
                    .into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                (bytes, meta.modified().unwrap()),
            )
        })
        .collect()
}

/// A config (outside the project) that turns every rule off but `codes`.
fn only(codes: &[&str]) -> tempfile::NamedTempFile {
    let rules: serde_json::Map<String, serde_json::Value> = mpcheck::lint::rules::RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| !codes.contains(c))
        .map(|c| (c.to_string(), "off".into()))
        .collect();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        file.path(),
        serde_json::json!({ "rules": rules }).to_string(),
    )
    .unwrap();
    file
}

/// The findings of `code` in a JSON run, and how many of them have a fix.
fn findings(dir: &Path, config: &Path, code: &str) -> (usize, usize) {
    let o = mpcheck(
        dir,
        &["check", "-c", config.to_str().unwrap(), "-f", "json"],
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let of_code: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .collect();
    let fixable = of_code.iter().filter(|d| !d["fix"].is_null()).count();
    (of_code.len(), fixable)
}

struct Case {
    fixture: &'static str,
    code: &'static str,
    diff: &'static str,
    /// The file the fix changes and its content after it.
    after: &'static [(&'static str, &'static str)],
    fixed: &'static str,
    /// Findings of the rule the fix cannot remove.
    left: usize,
}

const CASES: &[Case] = &[
    Case {
        fixture: "MP201/fail-path-format",
        code: "MP201",
        diff: r#"--- a/app.json
+++ b/app.json
@@ -1,4 +1,4 @@
 {
-  "pages": ["pages/index/index", "/pages/a/a", "./pages/b/b", "pages\\c\\c", "pages//d/d", "", " pages/e/e", "pages/../f/f"],
-  "entryPagePath": "/pages/index/index"
+  "pages": ["pages/index/index", "pages/a/a", "./pages/b/b", "pages\\c\\c", "pages//d/d", "", " pages/e/e", "pages/../f/f"],
+  "entryPagePath": "pages/index/index"
 }
"#,
        after: &[(
            "app.json",
            r#"{
  "pages": ["pages/index/index", "pages/a/a", "./pages/b/b", "pages\\c\\c", "pages//d/d", "", " pages/e/e", "pages/../f/f"],
  "entryPagePath": "pages/index/index"
}
"#,
        )],
        fixed: "Fixed 2 findings (1 file)",
        // `./`, `\`, `//`, empty, a leading space, `../`: not mechanical.
        left: 6,
    },
    Case {
        fixture: "MP202/fail-extension",
        code: "MP202",
        diff: r#"--- a/app.json
+++ b/app.json
@@ -1,3 +1,3 @@
 {
-  "pages": ["pages/index/index", "pages/logs/logs.js", "pages/logs/logs.wxml"]
+  "pages": ["pages/index/index", "pages/logs/logs", "pages/logs/logs.wxml"]
 }
"#,
        after: &[(
            "app.json",
            r#"{
  "pages": ["pages/index/index", "pages/logs/logs", "pages/logs/logs.wxml"]
}
"#,
        )],
        fixed: "Fixed 1 finding (1 file)",
        // `pages/logs/logs.wxml` would declare `pages/logs/logs` twice.
        left: 1,
    },
    Case {
        fixture: "MP105/fail-colors",
        code: "MP105",
        diff: r##"--- a/app.json
+++ b/app.json
@@ -1,4 +1,4 @@
 {
   "pages": ["pages/index/index"],
-  "window": {"navigationBarBackgroundColor": "red", "backgroundColor": "fff"}
+  "window": {"navigationBarBackgroundColor": "#ff0000", "backgroundColor": "#fff"}
 }
--- a/pages/index/index.json
+++ b/pages/index/index.json
@@ -1,3 +1,3 @@
 {
-  "navigationBarBackgroundColor": "rgb(255, 0, 0)"
+  "navigationBarBackgroundColor": "#ff0000"
 }
"##,
        after: &[
            (
                "app.json",
                r##"{
  "pages": ["pages/index/index"],
  "window": {"navigationBarBackgroundColor": "#ff0000", "backgroundColor": "#fff"}
}
"##,
            ),
            (
                "pages/index/index.json",
                r##"{
  "navigationBarBackgroundColor": "#ff0000"
}
"##,
            ),
        ],
        fixed: "Fixed 3 findings (2 files)",
        left: 0,
    },
    Case {
        fixture: "MP102/fail-unknown-keys",
        code: "MP102",
        diff: r#"--- a/app.json
+++ b/app.json
@@ -1,6 +1,6 @@
 {
   "pages": ["pages/index/index"],
-  "usingComponent": {},
+  "usingComponents": {},
   "navigationBarTitleText": "Shop",
-  "window": {"navigationBarTitle": "Shop"}
+  "window": {"navigationBarTitleText": "Shop"}
 }
"#,
        after: &[(
            "app.json",
            r#"{
  "pages": ["pages/index/index"],
  "usingComponents": {},
  "navigationBarTitleText": "Shop",
  "window": {"navigationBarTitleText": "Shop"}
}
"#,
        )],
        fixed: "Fixed 2 findings (1 file)",
        // A window key at the top level of app.json, `pages` in a page json: moves, not renames.
        left: 2,
    },
    Case {
        fixture: "MP325/fail-unused",
        code: "MP325",
        diff: r#"--- a/pages/index/index.json
+++ b/pages/index/index.json
@@ -1,6 +1,5 @@
 {
   "usingComponents": {
-    "card": "/components/card/card",
-    "badge": "/components/badge/badge"
+    "card": "/components/card/card"
   }
 }
"#,
        after: &[(
            "pages/index/index.json",
            r#"{
  "usingComponents": {
    "card": "/components/card/card"
  }
}
"#,
        )],
        fixed: "Fixed 1 finding (1 file)",
        left: 0,
    },
    Case {
        fixture: "MP407/fail-compression-off",
        code: "MP407",
        diff: r#"--- a/project.config.json
+++ b/project.config.json
@@ -3,7 +3,8 @@
   "compileType": "miniprogram",
   "setting": {
     "urlCheck": true,
-    "minified": false,
-    "minifyWXML": true
+    "minified": true,
+    "minifyWXML": true,
+    "minifyWXSS": true
   }
 }
"#,
        after: &[(
            "project.config.json",
            r#"{
  "appid": "wx0000000000000000",
  "compileType": "miniprogram",
  "setting": {
    "urlCheck": true,
    "minified": true,
    "minifyWXML": true,
    "minifyWXSS": true
  }
}
"#,
        )],
        fixed: "Fixed 2 findings (1 file)",
        left: 0,
    },
    Case {
        fixture: "MP408/fail-no-lazy-code-loading",
        code: "MP408",
        diff: r#"--- a/app.json
+++ b/app.json
@@ -1,5 +1,6 @@
 {
   "pages": [
     "pages/index/index"
-  ]
+  ],
+  "lazyCodeLoading": "requiredComponents"
 }
"#,
        after: &[(
            "app.json",
            r#"{
  "pages": [
    "pages/index/index"
  ],
  "lazyCodeLoading": "requiredComponents"
}
"#,
        )],
        fixed: "Fixed 1 finding (1 file)",
        left: 0,
    },
    Case {
        fixture: "MP107/fail-window-wrapper",
        code: "MP107",
        diff: r#"--- a/pages/index/index.json
+++ b/pages/index/index.json
@@ -1,6 +1,4 @@
 {
-  "window": {
-    "navigationBarTitleText": "Home",
-    "enablePullDownRefresh": true
-  }
+  "navigationBarTitleText": "Home",
+  "enablePullDownRefresh": true
 }
"#,
        after: &[(
            "pages/index/index.json",
            r#"{
  "navigationBarTitleText": "Home",
  "enablePullDownRefresh": true
}
"#,
        )],
        fixed: "Fixed 1 finding (1 file)",
        left: 0,
    },
    Case {
        fixture: "MP107/fail-component-window-wrapper",
        code: "MP107",
        diff: r#"--- a/components/card/card.json
+++ b/components/card/card.json
@@ -1,4 +1,4 @@
 {
   "component": true,
-  "window": {"navigationBarTitleText": "x"}
+  "navigationBarTitleText": "x"
 }
"#,
        after: &[(
            "components/card/card.json",
            r#"{
  "component": true,
  "navigationBarTitleText": "x"
}
"#,
        )],
        fixed: "Fixed 1 finding (1 file)",
        left: 0,
    },
    Case {
        fixture: "MP003/fail-equal-values",
        code: "MP003",
        diff: r##"--- a/app.json
+++ b/app.json
@@ -1,4 +1,4 @@
 {
   "pages": ["pages/index/index"],
-  "window": {"navigationBarTitleText": "A", "navigationBarTitleText": "A"}
+  "window": {"navigationBarTitleText": "A"}
 }
--- a/pages/index/index.json
+++ b/pages/index/index.json
@@ -1,9 +1,7 @@
 {
   "usingComponents": {
-    "card": "/components/card/card",
     "card": "/components/card/card"
   },
-  "navigationBarTitleText": "Home",
   "enablePullDownRefresh": true,
   "navigationBarTitleText": "Home",
   "backgroundColor": "#ffffff",
"##,
        after: &[
            (
                "app.json",
                r#"{
  "pages": ["pages/index/index"],
  "window": {"navigationBarTitleText": "A"}
}
"#,
            ),
            (
                "pages/index/index.json",
                r##"{
  "usingComponents": {
    "card": "/components/card/card"
  },
  "enablePullDownRefresh": true,
  "navigationBarTitleText": "Home",
  "backgroundColor": "#ffffff",
  "backgroundColor": "#000000"
}
"##,
            ),
        ],
        fixed: "Fixed 3 findings (2 files)",
        // Two different backgroundColor values: which one is meant is not mechanical.
        left: 1,
    },
];

#[test]
fn each_fixable_rule_on_its_fixture() {
    for case in CASES {
        let name = case.fixture;
        let dir = tempfile::tempdir().unwrap();
        common::cases::find(case.fixture).write_to(dir.path());
        let config = only(&[case.code]);
        let c = config.path().to_str().unwrap();
        let before = files(dir.path());
        let (count, fixable) = findings(dir.path(), config.path(), case.code);
        assert!(fixable > 0 && count == fixable + case.left, "{name}");

        let diff = mpcheck(dir.path(), &["check", "-c", c, "--diff"]);
        assert_eq!(diff.status.code(), Some(1), "{name}: --diff exits 1");
        assert_eq!(stdout(&diff), case.diff, "{name}: the diff");
        let would = case.fixed.replace("Fixed", "Would fix");
        assert!(stderr(&diff).contains(&would), "{name}: {}", stderr(&diff));
        assert_eq!(files(dir.path()), before, "{name}: --diff writes nothing");

        let fix = mpcheck(dir.path(), &["check", "-c", c, "--fix", "-f", "concise"]);
        assert!(
            stderr(&fix).contains(case.fixed),
            "{name}: {}",
            stderr(&fix)
        );
        let after = files(dir.path());
        for (path, (bytes, _)) in &before {
            let now = &after[path].0;
            match case.after.iter().find(|(f, _)| Path::new(f) == path) {
                Some((_, expected)) => {
                    assert_eq!(String::from_utf8_lossy(now), *expected, "{name}: {path:?}")
                }
                None => assert_eq!(now, bytes, "{name}: {path:?} untouched"),
            }
        }
        assert_eq!(after.len(), before.len(), "{name}: no file added");
        // What is left is reported as usual; the exit code is that of the remaining findings.
        let left = stdout(&fix);
        assert_eq!(
            left.lines().filter(|l| l.contains(case.code)).count(),
            case.left,
            "{name}: {left}"
        );
        assert!(!left.contains("fixable"), "{name}: {left}");

        assert_eq!(
            findings(dir.path(), config.path(), case.code),
            (case.left, 0),
            "{name}: a second run has nothing of the rule left to fix"
        );
        let again = mpcheck(dir.path(), &["check", "-c", c, "--diff"]);
        assert_eq!(
            (again.status.code(), stdout(&again)),
            (Some(0), String::new()),
            "{name}"
        );
    }
}

/// The diff applies with `git apply` and gives what `--fix` writes.
#[test]
fn the_diff_applies_and_matches_the_fix() {
    let example = root().join("fixtures/example");
    let fixed = copy(&example);
    let patched = copy(&example);
    let diff = mpcheck(fixed.path(), &["check", "--diff"]);
    assert_eq!(diff.status.code(), Some(1));
    let mut git = Command::new("git")
        .args(["apply", "-"])
        .current_dir(patched.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("git runs (this test applies the diff with `git apply`)");
    use std::io::Write;
    git.stdin.take().unwrap().write_all(&diff.stdout).unwrap();
    assert!(git.wait().unwrap().success(), "{}", stdout(&diff));
    mpcheck(fixed.path(), &["check", "--fix"]);
    let contents = |d: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        files(d).into_iter().map(|(p, (b, _))| (p, b)).collect()
    };
    assert_eq!(contents(fixed.path()), contents(patched.path()));
}

/// The example, every rule on: the fixable findings go, the fixes change only their lines,
/// and a second run has nothing left to fix.
#[test]
fn the_example_is_fixed_and_stays_fixed() {
    let example = root().join("fixtures/example");
    let dir = copy(&example);
    let before = files(dir.path());
    let o = mpcheck(dir.path(), &["check", "--fix", "-f", "concise"]);
    assert_eq!(o.status.code(), Some(1), "errors are left");
    assert_eq!(stderr(&o), "Fixed 7 findings (4 files)\n");
    let out = stdout(&o);
    for code in [
        "MP201", "MP105", "MP102", "MP107", "MP325", "MP407", "MP408",
    ] {
        assert!(!out.contains(code), "{code} left:\n{out}");
    }
    // Not fixable: a missing page file, an npm package not built, a string for a boolean.
    for code in ["MP200", "MP211", "MP103"] {
        assert!(out.contains(code), "{code} is still reported:\n{out}");
    }
    let read = |p: &str| std::fs::read_to_string(example.join(p)).unwrap();
    let expected: BTreeMap<&str, String> = BTreeMap::from([
        (
            "app.json",
            read("app.json")
                .replace("\"/pages/order/order\"", "\"pages/order/order\"")
                .replace("\"red\"", "\"#ff0000\"")
                .replace("\"usingComponent\"", "\"usingComponents\"")
                .replace(
                    "\"sitemapLocation\": \"sitemap.json\"\n",
                    "\"sitemapLocation\": \"sitemap.json\",\n  \"lazyCodeLoading\": \"requiredComponents\"\n",
                ),
        ),
        (
            "pages/cart/cart.json",
            read("pages/cart/cart.json").replace(
                "\"window\": {\n    \"navigationBarTitleText\": \"Cart\"\n  },",
                "\"navigationBarTitleText\": \"Cart\",",
            ),
        ),
        (
            "pages/index/index.json",
            read("pages/index/index.json").replace(
                "{\n    \"price\": \"/components/price/price\"\n  }",
                "{}",
            ),
        ),
        (
            "project.config.json",
            read("project.config.json").replace(
                "\"minified\": true\n",
                "\"minified\": true,\n    \"minifyWXML\": true,\n    \"minifyWXSS\": true\n",
            ),
        ),
    ]);
    let after = files(dir.path());
    for (path, (bytes, _)) in &before {
        let now = String::from_utf8_lossy(&after[path].0).into_owned();
        match expected.get(path.to_str().unwrap()) {
            Some(e) => {
                assert_ne!(&now.as_bytes(), bytes, "{path:?} changed");
                assert_eq!(&now, e, "{path:?}");
            }
            None => assert_eq!(now.as_bytes(), bytes, "{path:?} untouched"),
        }
    }
    assert_eq!(after.len(), before.len());
    let again = mpcheck(dir.path(), &["check", "--fix", "-f", "json"]);
    assert_eq!(stderr(&again), "Fixed 0 findings (0 files)\n");
    let v: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["fix"].is_null())
    );
    let zh = mpcheck(
        copy(&example).path(),
        &["--lang", "zh", "check", "--fix", "-q"],
    );
    assert_eq!(stderr(&zh), "已修复 7 个问题（4 个文件）\n");
}

/// Bytes outside the edits stay as they were: the BOM, CRLF line ends, tabs.
#[test]
fn bom_crlf_and_tabs_are_kept() {
    let app = b"\xEF\xBB\xBF{\r\n\t\"pages\": [\"/pages/index/index\"],\r\n\t\"window\": {\"navigationBarBackgroundColor\": \"red\"}\r\n}\r\n";
    let dir = temp_project(&[("app.json", app)]);
    let config = only(&["MP201", "MP105", "MP408"]);
    let c = config.path().to_str().unwrap();
    let diff = mpcheck(dir.path(), &["check", "-c", c, "--diff"]);
    assert_eq!(
        stdout(&diff),
        "--- a/app.json\n+++ b/app.json\n@@ -1,4 +1,5 @@\n \u{feff}{\r\n\
         -\t\"pages\": [\"/pages/index/index\"],\r\n\
         -\t\"window\": {\"navigationBarBackgroundColor\": \"red\"}\r\n\
         +\t\"pages\": [\"pages/index/index\"],\r\n\
         +\t\"window\": {\"navigationBarBackgroundColor\": \"#ff0000\"},\r\n\
         +\t\"lazyCodeLoading\": \"requiredComponents\"\r\n }\r\n"
    );
    assert_eq!(std::fs::read(dir.path().join("app.json")).unwrap(), app);
    let o = mpcheck(dir.path(), &["check", "-c", c, "--fix"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert_eq!(stderr(&o), "Fixed 3 findings (1 file)\n");
    assert_eq!(
        std::fs::read(dir.path().join("app.json")).unwrap(),
        b"\xEF\xBB\xBF{\r\n\t\"pages\": [\"pages/index/index\"],\r\n\t\"window\": {\"navigationBarBackgroundColor\": \"#ff0000\"},\r\n\t\"lazyCodeLoading\": \"requiredComponents\"\r\n}\r\n"
    );
}

/// Without --fix nothing is written: not by any format, --statistics, --diff or -o.
#[test]
fn nothing_is_written_without_fix() {
    let dir = copy(&root().join("fixtures/example"));
    let before = files(dir.path());
    for args in [
        &["check"][..],
        &["check", "-f", "json"],
        &["check", "-f", "concise"],
        &["check", "--statistics"],
        &["check", "--diff"],
        &["check", "--diff", "-f", "json"],
    ] {
        let o = mpcheck(dir.path(), args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        assert_eq!(files(dir.path()), before, "{args:?}");
    }
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("diff.txt");
    let o = mpcheck(
        dir.path(),
        &["check", "--diff", "-o", file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .starts_with("--- a/app.json\n")
    );
    assert_eq!(files(dir.path()), before);
    let both = mpcheck(dir.path(), &["check", "--fix", "--diff"]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "--fix with --diff is a usage error"
    );
    assert_eq!(files(dir.path()), before);
}

/// Two fixes of one key: the duplicate's removal is taken, the rename of the same key waits
/// and is then not needed; the other copy is renamed. Two passes, valid JSON, nothing left.
#[test]
fn overlapping_fixes_wait_for_the_next_pass() {
    let app = b"{\n  \"pages\": [\"pages/index/index\"],\n  \"usingComponent\": {},\n  \"usingComponent\": {}\n}\n";
    let dir = temp_project(&[("app.json", app)]);
    let config = only(&["MP003", "MP102"]);
    let c = config.path().to_str().unwrap();
    let json = mpcheck(dir.path(), &["check", "-c", c, "-f", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let fixable = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["fix"].is_null())
        .count();
    assert_eq!(
        fixable, 3,
        "MP003 and MP102 on the first key, MP102 on the second"
    );
    let diff = mpcheck(dir.path(), &["check", "-c", c, "--diff"]);
    assert_eq!(
        stdout(&diff),
        "--- a/app.json\n+++ b/app.json\n@@ -1,5 +1,4 @@\n {\n   \"pages\": [\"pages/index/index\"],\n\
         -  \"usingComponent\": {},\n\
         -  \"usingComponent\": {}\n\
         +  \"usingComponents\": {}\n }\n"
    );
    assert!(stderr(&diff).contains("Would fix 2 findings (1 file)"));
    let o = mpcheck(dir.path(), &["check", "-c", c, "--fix"]);
    assert_eq!(stderr(&o), "Fixed 2 findings (1 file)\n");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("app.json")).unwrap(),
        "{\n  \"pages\": [\"pages/index/index\"],\n  \"usingComponents\": {}\n}\n"
    );
    assert_eq!(findings(dir.path(), config.path(), "MP003"), (0, 0));
    assert_eq!(findings(dir.path(), config.path(), "MP102"), (0, 0));
}

/// The planner on its own: an edit overlapping one taken before it is left, the same edit
/// twice is applied once, an insertion where a deletion ends is fine.
#[test]
fn plan_skips_overlaps_and_merges_identical_edits() {
    use mpcheck::base::diagnostic::{Diagnostic, Edit};
    use mpcheck::base::source::Span;
    let dir = temp_project(&[]);
    let project = mpcheck::project::Project::load(dir.path(), &Config::default().exclude).unwrap();
    // {"pages": ["pages/index/index"]}
    let rule = &mpcheck::lint::rules::json::duplicate_json_key::META;
    let edit = |s: usize, e: usize, r: &str| Edit::new("app.json", Span::new(s, e), r);
    let d = |edits: Vec<Edit>| Diagnostic::new(rule, "app.json", None, String::new()).fix(edits);
    let diagnostics = vec![
        d(vec![edit(2, 7, "PAGES")]),
        d(vec![edit(5, 9, "x")]),                      // overlaps the first
        d(vec![edit(2, 7, "PAGES")]),                  // the same as the first
        d(vec![edit(7, 7, "_")]),                      // inserts where the first ends
        d(vec![edit(7, 7, "-")]),                      // a second insertion at that point
        d(vec![edit(12, 13, "P")]),                    // fine
        d(vec![edit(30, 30, "")]),                     // changes nothing
        d(vec![edit(12, 99, "")]),                     // past the end
        d(vec![edit(14, 15, "Y"), edit(13, 16, "Z")]), // overlaps itself
    ];
    let plan = mpcheck::cli::fix::plan(&project, &diagnostics);
    assert_eq!(plan.fixes, vec![0, 2, 3, 5]);
    let text = &project.source("app.json").unwrap().text;
    let edits = &plan.files["app.json"];
    assert_eq!(
        mpcheck::cli::fix::apply(text, edits),
        "{\"PAGES_\": [\"Pages/index/index\"]}"
    );
}

/// A file swapped for a link out of the project after the check, or changed after it, is not
/// written; the link's target is untouched.
#[test]
fn links_out_and_changed_files_are_not_written() {
    let outside = tempfile::tempdir().unwrap();
    let app = b"{\"pages\": [\"/pages/index/index\"]}";
    let dir = temp_project(&[("app.json", app)]);
    let config = Config::default().restricted_to("MP201");
    let project = mpcheck::project::Project::load(dir.path(), &config.exclude).unwrap();
    let diagnostics =
        mpcheck::lint::engine::run(&mpcheck::analysis::Analysis::new(&project, None), &config);
    assert!(diagnostics.iter().any(|d| d.fix.is_some()));
    // A link to a copy outside.
    let target = outside.path().join("app.json");
    std::fs::write(&target, app).unwrap();
    let app_path = dir.path().join("app.json");
    std::fs::remove_file(&app_path).unwrap();
    std::os::unix::fs::symlink(&target, &app_path).unwrap();
    let outcome = mpcheck::cli::fix::write(&project, &diagnostics);
    assert_eq!((outcome.fixed, outcome.files.len()), (0, 0));
    assert_eq!(std::fs::read(&target).unwrap(), app);
    assert!(std::fs::symlink_metadata(&app_path).unwrap().is_symlink());
    // Changed since the check.
    std::fs::remove_file(&app_path).unwrap();
    let edited = b"{\"pages\": [\"/pages/index/index\"], \"debug\": true}";
    std::fs::write(&app_path, edited).unwrap();
    let outcome = mpcheck::cli::fix::write(&project, &diagnostics);
    assert_eq!(outcome.fixed, 0);
    assert_eq!(std::fs::read(&app_path).unwrap(), edited);
    // Unchanged: written.
    std::fs::write(&app_path, app).unwrap();
    let outcome = mpcheck::cli::fix::write(&project, &diagnostics);
    assert_eq!(outcome.fixed, 1);
    assert_eq!(
        std::fs::read(&app_path).unwrap(),
        b"{\"pages\": [\"pages/index/index\"]}"
    );
}

/// A page json that is a link to a file outside the project is neither read nor written,
/// through the binary.
#[test]
fn a_json_linked_from_outside_is_not_written() {
    let outside = tempfile::tempdir().unwrap();
    let page = b"{\n  \"window\": {\n    \"navigationBarTitleText\": \"x\"\n  }\n}\n";
    let target = outside.path().join("index.json");
    std::fs::write(&target, page).unwrap();
    let dir = temp_project(&[]);
    std::os::unix::fs::symlink(&target, dir.path().join("pages/index/index.json")).unwrap();
    let o = mpcheck(dir.path(), &["check", "--fix"]);
    assert_eq!(std::fs::read(&target).unwrap(), page);
    assert!(
        std::fs::symlink_metadata(dir.path().join("pages/index/index.json"))
            .unwrap()
            .is_symlink()
    );
    assert!(!stdout(&o).contains("MP107"), "{}", stdout(&o));
}
