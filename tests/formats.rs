//! The CI formats (`check --format gitlab|junit|sarif`): exact output on the example and a
//! clean project, escaping, determinism, fingerprints, and (#[ignore]d, run by
//! scripts/test.sh after scripts/setup-validators.sh) checks by real validators: xmllint
//! against the Jenkins JUnit schema, Microsoft's SARIF Multitool. The GitLab report (against
//! the documented fields, tests/support/gitlab-codequality.schema.json) and the SARIF output
//! (against the SARIF 2.1.0 JSON schema) are checked in every run: that validator is a crate.

mod common;

use common::{copy_dir, mpcheck, root, stdout};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const FORMATS: [&str; 3] = ["gitlab", "junit", "sarif"];

fn example() -> PathBuf {
    root().join("fixtures/example")
}

fn clean() -> PathBuf {
    root().join("fixtures/clean")
}

/// `mpcheck check -f FORMAT` in `dir` (paths relative to it), stdout with the version redacted.
fn run(dir: &Path, format: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["check", "-f", format];
    args.extend_from_slice(extra);
    let o = mpcheck(dir, &args);
    (
        o.status.code(),
        stdout(&o).replace(env!("CARGO_PKG_VERSION"), "[version]"),
    )
}

/// A copy of the clean fixture whose app.json sets a navigation bar colour of `<&"'中`, an
/// ESC, an emoji and `>`: MP105 quotes it in its message.
fn hostile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&clean(), dir.path());
    std::fs::write(
        dir.path().join("app.json"),
        concat!(
            "{\n",
            "  \"pages\": [\"pages/index/index\"],\n",
            "  \"lazyCodeLoading\": \"requiredComponents\",\n",
            "  \"sitemapLocation\": \"sitemap.json\",\n",
            "  \"window\": { \"navigationBarTitleText\": \"😀\", \"navigationBarBackgroundColor\": \"<&\\\"'中\\u001b😀>\" }\n",
            "}\n"
        ),
    )
    .unwrap();
    dir
}

const HOSTILE_VALUE: &str = "<&\"'中\u{1b}😀>";

#[test]
fn snapshots_on_the_example_and_a_clean_project() {
    for format in FORMATS {
        let (code, out) = run(&example(), format, &[]);
        assert_eq!(code, Some(1), "{format}");
        insta::assert_snapshot!(format!("example_{format}"), out);
        let (code, out) = run(&clean(), format, &[]);
        assert_eq!(code, Some(0), "{format}");
        insta::assert_snapshot!(format!("clean_{format}"), out);
    }
}

#[test]
fn paths_are_relative_to_the_current_directory() {
    let (_, out) = run(&root(), "gitlab", &["fixtures/example"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for issue in v.as_array().unwrap() {
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(path.starts_with("fixtures/example/"), "{path}");
        assert!(root().join(path).exists(), "{path}");
    }
    let (_, out) = run(&root(), "sarif", &["fixtures/example"]);
    assert!(out.contains("\"uri\": \"fixtures/example/app.json\""));
    let (_, out) = run(&root(), "junit", &["fixtures/example"]);
    assert!(out.contains("<testsuite name=\"fixtures/example/app.json\""));
}

#[test]
fn every_thread_count_gives_the_same_bytes() {
    for format in FORMATS {
        for dir in [example(), root().join("fixtures/release-app")] {
            let one = mpcheck(&dir, &["check", "-f", format, "--threads", "1"]);
            let four = mpcheck(&dir, &["check", "-f", format, "--threads", "4"]);
            assert_eq!(one.stdout, four.stdout, "{format} {}", dir.display());
            let again = mpcheck(&dir, &["check", "-f", format, "--threads", "4"]);
            assert_eq!(one.stdout, again.stdout, "{format} {}", dir.display());
        }
    }
}

#[test]
fn hostile_text_is_escaped_and_decodes_unchanged() {
    let dir = hostile();
    // gitlab and sarif: JSON whose strings decode to the value, with no raw ESC in the bytes.
    let (code, out) = run(dir.path(), "gitlab", &[]);
    assert_eq!(code, Some(1));
    assert!(!out.contains('\u{1b}'));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v[0]["description"]
            .as_str()
            .unwrap()
            .contains(HOSTILE_VALUE)
    );
    let (_, out) = run(dir.path(), "sarif", &[]);
    assert!(!out.contains('\u{1b}'));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let result = &v["runs"][0]["results"][0];
    assert!(
        result["message"]["text"]
            .as_str()
            .unwrap()
            .contains(HOSTILE_VALUE)
    );
    // Columns in UTF-16 units: the value starts after one emoji (2 units, 1 char) on its line
    // and holds another.
    let region = &result["locations"][0]["physicalLocation"]["region"];
    let line =
        "  \"window\": { \"navigationBarTitleText\": \"😀\", \"navigationBarBackgroundColor\": ";
    let start = line.encode_utf16().count() as u64 + 1;
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], start);
    let value = "\"<&\\\"'中\\u001b😀>\"";
    assert_eq!(
        region["endColumn"],
        start + value.encode_utf16().count() as u64
    );
    // junit: entities, and the ESC (which XML 1.0 cannot hold) made visible.
    let (_, out) = run(dir.path(), "junit", &[]);
    assert!(!out.contains('\u{1b}'));
    assert!(
        out.contains("message=\"app.json [&quot;window&quot;][&quot;navigationBarBackgroundColor&quot;]: &quot;&lt;&amp;&quot;&apos;中\\u{1b}😀&gt;&quot; is not hexColor\""),
        "{out}"
    );
    assert!(out.contains(": \"&lt;&amp;\"'中\\u{1b}😀&gt;\" is not hexColor\nhelp:"));
}

fn gitlab_fingerprints(dir: &Path) -> Vec<(String, String, u64)> {
    let (_, out) = run(dir, "gitlab", &[]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["fingerprint"].as_str().unwrap().to_string(),
                i["check_name"].as_str().unwrap().to_string(),
                i["location"]["positions"]["begin"]["line"]
                    .as_u64()
                    .unwrap(),
            )
        })
        .collect()
}

#[test]
fn fingerprints_survive_edits_above_and_are_unique() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&example(), dir.path());
    let before = gitlab_fingerprints(dir.path());
    let unique: HashSet<&String> = before.iter().map(|(f, _, _)| f).collect();
    assert_eq!(unique.len(), before.len());
    // Three blank lines at the top of every JSON file move every finding down.
    for entry in walkdir::WalkDir::new(dir.path()) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            std::fs::write(entry.path(), format!("\n\n\n{text}")).unwrap();
        }
    }
    let after = gitlab_fingerprints(dir.path());
    assert_eq!(before.len(), after.len());
    let moved = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| a.2 == b.2 + 3)
        .count();
    assert!(moved > 3, "the edit moves findings");
    let set = |v: &[(String, String, u64)]| -> HashSet<(String, String)> {
        v.iter().map(|(f, c, _)| (f.clone(), c.clone())).collect()
    };
    assert_eq!(set(&before), set(&after));
    // sarif carries the same fingerprints.
    let (_, out) = run(dir.path(), "sarif", &[]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let sarif: HashSet<String> = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["partialFingerprints"]["mpcheck/v1"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(sarif, after.iter().map(|(f, _, _)| f.clone()).collect());
}

#[test]
fn identical_findings_get_distinct_fingerprints_in_a_fixed_order() {
    // The same misplaced page twice: two MP201 findings whose messages differ only in an index.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&clean(), dir.path());
    std::fs::write(
        dir.path().join("app.json"),
        "{\"pages\": [\"pages/index/index\", \"/pages/index/index\", \"/pages/index/index\"], \"lazyCodeLoading\": \"requiredComponents\", \"sitemapLocation\": \"sitemap.json\"}",
    )
    .unwrap();
    let first = gitlab_fingerprints(dir.path());
    let mp201: Vec<&String> = first
        .iter()
        .filter(|(_, c, _)| c == "MP201")
        .map(|(f, _, _)| f)
        .collect();
    assert_eq!(mp201.len(), 2, "{first:?}");
    assert_ne!(mp201[0], mp201[1]);
    let unique: HashSet<&String> = first.iter().map(|(f, _, _)| f).collect();
    assert_eq!(unique.len(), first.len());
    assert_eq!(first, gitlab_fingerprints(dir.path()));
}

#[test]
fn gitlab_reports_have_the_documented_fields() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/support/gitlab-codequality.schema.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = hostile();
    for d in [example(), clean(), dir.path().to_path_buf()] {
        let (_, out) = run(&d, "gitlab", &[]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", d.display());
    }
    // The schema is not vacuous.
    let bad = serde_json::json!([{"description": "x", "check_name": "MP1", "fingerprint": "f",
        "severity": "error", "location": {"path": "a"}}]);
    assert!(!validator.is_valid(&bad));
}

#[test]
fn sarif_validates_against_the_sarif_schema() {
    // The SARIF 2.1.0 schema (its last release candidate, rtm.5, as Microsoft's
    // @microsoft/jest-sarif ships it): the Multitool below checks required properties and its
    // own rules but lets wrong enum values and ranges through; this catches those.
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/support/sarif-2.1.0-rtm.5.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let dir = hostile();
    for d in [example(), clean(), dir.path().to_path_buf()] {
        let (_, out) = run(&d, "sarif", &[]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", d.display());
        // Not vacuous: a wrong level and a line 0 are refused.
        let mut bad = v.clone();
        if let Some(r) = bad["runs"][0]["results"].get_mut(0) {
            r["level"] = "fatal".into();
            assert!(!validator.is_valid(&bad));
            let mut bad = v.clone();
            bad["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
                0.into();
            assert!(!validator.is_valid(&bad));
        }
    }
}

/// The fixtures the validators read: the example, the clean project, the hostile one.
fn validator_inputs(format: &str) -> Vec<(String, String)> {
    let dir = hostile();
    [
        ("example", example()),
        ("clean", clean()),
        ("hostile", dir.path().to_path_buf()),
    ]
    .into_iter()
    .map(|(name, d)| {
        (
            name.to_string(),
            stdout(&mpcheck(&d, &["check", "-f", format])),
        )
    })
    .collect()
}

fn cache() -> PathBuf {
    if let Some(d) = std::env::var_os("MPCHECK_CACHE_DIR") {
        return PathBuf::from(d);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cache"));
    base.join("mpcheck")
}

#[test]
#[ignore = "needs xmllint: scripts/test.sh installs it and runs this with --ignored"]
fn junit_validates_against_the_jenkins_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let xsd = root().join("tests/support/junit-10.xsd");
    for (name, xml) in validator_inputs("junit") {
        let file = tmp.path().join(format!("{name}.xml"));
        std::fs::write(&file, &xml).unwrap();
        let o = std::process::Command::new("xmllint")
            .arg("--noout")
            .arg("--schema")
            .arg(&xsd)
            .arg(&file)
            .output()
            .expect("xmllint runs (scripts/setup-validators.sh installs it)");
        assert!(
            o.status.success(),
            "{name}: {}\n{xml}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
#[ignore = "needs the SARIF Multitool: scripts/test.sh installs it and runs this with --ignored"]
fn sarif_validates_with_the_sarif_multitool() {
    let tool = cache().join(
        "validators/sarif-multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool",
    );
    let tmp = tempfile::tempdir().unwrap();
    for (name, sarif) in validator_inputs("sarif") {
        let file = tmp.path().join(format!("{name}.sarif"));
        let log = tmp.path().join(format!("{name}.validation.sarif"));
        std::fs::write(&file, &sarif).unwrap();
        let o = std::process::Command::new(&tool)
            .arg("validate")
            .arg(&file)
            .arg("-o")
            .arg(&log)
            .args(["--log", "ForceOverwrite"])
            .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
            .output()
            .expect("the SARIF Multitool runs (scripts/setup-validators.sh installs it)");
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{name}: {text}");
        // It exits 0 with schema errors too: its log holds them as results. The one thing it
        // may say is that the driver has no informationUri (SARIF2005): mpcheck has no stable
        // public address.
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&log).unwrap()).unwrap();
        let findings: Vec<String> = v["runs"][0]["results"]
            .as_array()
            .map(|r| {
                r.iter()
                    .filter(|r| r["ruleId"] != "SARIF2005")
                    .map(|r| r.to_string())
                    .collect()
            })
            .unwrap_or_default();
        assert!(findings.is_empty(), "{name}: {findings:#?}\n{text}");
        assert!(text.contains("Analysis completed successfully"), "{text}");
        // Errors (JSON schema violations) are also printed as `error`.
        assert!(!text.contains(": error "), "{name}: {text}");
    }
}

#[test]
fn several_runs_make_one_report() {
    use mpcheck::report::{Run, gitlab, junit, sarif};
    let config = mpcheck::lint::config::Config::default();
    let (project, diagnostics) = common::check(&example(), &config, mpcheck::base::i18n::Lang::En);
    let runs = [
        Run {
            project: &project,
            diagnostics: &diagnostics,
            base: mpcheck::report::PathBase::prefix("a/".into()),
        },
        Run {
            project: &project,
            diagnostics: &diagnostics,
            base: mpcheck::report::PathBase::prefix("b/".into()),
        },
    ];
    let opts = common::opts();
    let v: serde_json::Value = serde_json::from_str(&gitlab::render(&runs, &opts)).unwrap();
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 2 * diagnostics.len());
    let fps: HashSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fps.len(), issues.len());
    assert!(
        issues[0]["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("a/")
    );
    assert!(
        issues.last().unwrap()["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("b/")
    );
    let v: serde_json::Value = serde_json::from_str(&sarif::render(&runs, &opts)).unwrap();
    assert_eq!(v["runs"].as_array().unwrap().len(), 1);
    assert_eq!(
        v["runs"][0]["results"].as_array().unwrap().len(),
        2 * diagnostics.len()
    );
    let xml = junit::render(&runs, &opts);
    assert!(xml.contains("<testsuite name=\"a/app.json\""));
    assert!(xml.contains("<testsuite name=\"b/app.json\""));
    let failing = diagnostics
        .iter()
        .filter(|d| d.severity > mpcheck::base::diagnostic::Severity::Info)
        .count();
    assert!(xml.contains(&format!(
        "tests=\"{}\" failures=\"{}\"",
        2 * diagnostics.len(),
        2 * failing
    )));
}

#[test]
fn sarif_fixes_are_the_json_formats_edits() {
    // fixtures/example is ASCII, so UTF-16 and char columns agree.
    let (_, json) = run(&example(), "json", &[]);
    let (_, sarif) = run(&example(), "sarif", &[]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let edits = |d: &serde_json::Value| -> Vec<(String, [u64; 4], String)> {
        d["fix"]["edits"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let r = &e["range"];
                (
                    e["file"].as_str().unwrap().to_string(),
                    [
                        r["start"]["line"].as_u64().unwrap(),
                        r["start"]["column"].as_u64().unwrap(),
                        r["end"]["line"].as_u64().unwrap(),
                        r["end"]["column"].as_u64().unwrap(),
                    ],
                    e["replacement"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let replacements = |r: &serde_json::Value| -> Vec<(String, [u64; 4], String)> {
        let mut out = Vec::new();
        for change in r["fixes"][0]["artifactChanges"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let file = change["artifactLocation"]["uri"].as_str().unwrap();
            for rep in change["replacements"].as_array().unwrap() {
                let g = &rep["deletedRegion"];
                let n = |k: &str| g[k].as_u64().unwrap();
                out.push((
                    file.to_string(),
                    [
                        n("startLine"),
                        n("startColumn"),
                        n("endLine"),
                        n("endColumn"),
                    ],
                    rep["insertedContent"]["text"].as_str().unwrap().to_string(),
                ));
            }
        }
        out
    };
    let diags = json["diagnostics"].as_array().unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(diags.len(), results.len());
    let mut fixable = 0;
    for (d, r) in diags.iter().zip(results) {
        let mut a = edits(d);
        let mut b = replacements(r);
        a.sort();
        b.sort();
        assert_eq!(a, b, "{d}");
        fixable += usize::from(!a.is_empty());
    }
    assert!(fixable >= 3, "{fixable}");
}
