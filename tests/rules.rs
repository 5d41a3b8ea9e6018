//! Every rule fixture: `fixtures/rules/<CODE>/fail-*` must fire the rule (and only it runs),
//! `pass-*` must stay silent. Human, concise (zh) and JSON output are snapshotted. A fixture
//! with a `release.json` runs as `mpcheck release` with those arguments (see
//! [`common::release_args`]).

mod common;

use common::*;
use mpcheck::lint::config::Config;

#[test]
fn rule_fixtures() {
    let mut checked = 0;
    for rule_dir in subdirs(&root().join("fixtures/rules")) {
        let code = name(&rule_dir);
        for case in subdirs(&rule_dir) {
            let case_name = name(&case);
            // A fixture may carry an mpcheck.json (for `limits`); only the rule itself runs.
            let config = Config::load(None, &case)
                .unwrap_or_else(|e| panic!("{code}/{case_name}: {}", e.message))
                .restricted_to(&code);
            let release = release_args(&case);
            let (text, diagnostics) = render_all_with(&case, &config, release.as_ref());
            assert!(
                diagnostics.iter().all(|d| d.rule.code == code),
                "{code}/{case_name}: only {code} runs"
            );
            if case_name.starts_with("fail-") {
                assert!(
                    !diagnostics.is_empty(),
                    "{code}/{case_name} must fire {code}"
                );
            } else if case_name.starts_with("pass-") {
                assert!(
                    diagnostics.is_empty(),
                    "{code}/{case_name} must be silent:\n{text}"
                );
            } else {
                panic!("{code}/{case_name}: fixture names start with pass- or fail-");
            }
            insta::assert_snapshot!(format!("{code}__{case_name}"), text);
            checked += 1;
        }
    }
    assert!(checked > 0);
}

/// No output format of any MP604 finding shows a line of a key's base64 body (the fixtures'
/// keys are read by the rule; CI logs are often public).
#[test]
fn upload_key_findings_never_show_the_key() {
    use mpcheck::base::i18n::Lang;
    use mpcheck::report::{self, Format};
    let mut seen = 0;
    for case in subdirs(&root().join("fixtures/rules/MP604")) {
        let Some(args) = release_args(&case) else {
            continue;
        };
        let config = Config::default().restricted_to("MP604");
        let mut body_lines: Vec<String> = Vec::new();
        if let Some((path, _)) = &args.key
            && let Ok(text) = std::fs::read_to_string(path)
        {
            body_lines = text
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with("-----") && !l.contains(':'))
                .map(str::to_string)
                .collect();
        }
        for lang in [Lang::En, Lang::Zh] {
            let (project, diagnostics) = check_with(&case, &config, lang, Some(&args));
            for format in [Format::Human, Format::Concise, Format::Json, Format::Github] {
                let out = report::render(&project, &diagnostics, format, &opts());
                for line in &body_lines {
                    // Short lines (a garbage body) could match ordinary words; key lines are long.
                    if line.len() >= 16 {
                        assert!(
                            !out.contains(line.as_str()),
                            "{}: {format:?} shows a line of the key",
                            name(&case)
                        );
                    }
                }
            }
        }
        seen += body_lines.len();
    }
    assert!(seen > 50, "the fixtures hold keys");
}

/// Under `mpcheck release`, MP130 is quiet: MP603 reports the appid (as an error).
#[test]
fn invalid_appid_is_quiet_under_release() {
    let case = root().join("fixtures/rules/MP130/fail-tourist");
    let config = Config::default().restricted_to("MP130");
    let (_, plain) = check(&case, &config, mpcheck::base::i18n::Lang::En);
    assert!(plain.iter().any(|d| d.rule.code == "MP130"));
    use mpcheck::lint::rules::release::{Given, ReleaseArgs};
    let args = ReleaseArgs {
        appid: Some(("touristappid".into(), Given::ProjectConfig)),
        ..ReleaseArgs::default()
    };
    let (_, release) = check_with(&case, &config, mpcheck::base::i18n::Lang::En, Some(&args));
    assert!(release.is_empty(), "{release:?}");
    let both = Config::default();
    let (_, all) = check_with(&case, &both, mpcheck::base::i18n::Lang::En, Some(&args));
    let appid: Vec<&str> = all
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| ["MP130", "MP603"].contains(c))
        .collect();
    assert_eq!(appid, ["MP603"]);
}

/// A finding about a command-line value renders in every format without a file excerpt,
/// line or column, path prefix or file annotation.
#[test]
fn argument_findings_have_no_location() {
    use mpcheck::base::i18n::Lang;
    use mpcheck::report::{self, Format, Options};
    let case = root().join("fixtures/rules/MP605/fail-31");
    let args = release_args(&case).unwrap();
    let config = Config::default().restricted_to("MP605");
    let (project, diagnostics) = check_with(&case, &config, Lang::En, Some(&args));
    assert_eq!(diagnostics.len(), 1);
    let opts = Options {
        base: report::PathBase::prefix("../proj/".into()),
        ..opts()
    };
    let render = |f| report::render(&project, &diagnostics, f, &opts);
    assert_eq!(
        render(Format::Concise).lines().next().unwrap(),
        "<release arguments>: error[MP605] --robot \"31\" is not a whole number from 1 to 30"
    );
    let github = render(Format::Github);
    assert!(
        github.starts_with(
            "::error title=mpcheck MP605 (invalid-robot)::<release arguments>: --robot"
        ),
        "{github}"
    );
    assert!(!github.contains("file=") && !github.contains("line="));
    let human = render(Format::Human);
    assert!(human.contains("× <release arguments>: --robot"), "{human}");
    assert!(!human.contains("../proj/") && !human.contains("╭─["));
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["file"], "<release arguments>");
    assert!(d["range"].is_null());
}
