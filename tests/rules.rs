//! Every rule fixture case, one test each, named `<CODE>/<name>` (so
//! `cargo test --release --test rules -- MP324/fail-no-key` runs one): a case is the text file
//! `fixtures/rules/<CODE>/<name>.txt` (format: fixtures/rules/README.md), written into a fresh
//! scratch folder for the test. `fail-*` must fire the rule (and only it runs), `pass-*` must
//! stay silent. Human, concise (zh) and JSON output are compared with the snapshot beside the
//! case, `<name>.snap` (insta: `INSTA_UPDATE=always` rewrites it). A case with a `release.json`
//! runs as `mpcheck release` with those arguments (see [`common::release_args`]).
//!
//! A custom harness (libtest-mimic, `harness = false`): one test per case file, found at run
//! time, with libtest's filters and output, which `#[test]` functions cannot give.

mod common;

use common::*;
use mpcheck::lint::config::Config;

use common::cases::{self, Case};
use libtest_mimic::{Arguments, Failed, Trial};
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn main() {
    let args = Arguments::from_args();
    // Cases are written to <scratch>/fixtures/rules/<CODE>/<name>, and <scratch> is the working
    // folder: a release.json key then shows as fixtures/rules/<CODE>/<name>/key.pem, as when the
    // cases were folders of this repository, and a link that climbs out of a case
    // (../../../../src) stays inside <scratch>.
    let scratch = tempfile::Builder::new()
        .prefix("mpcheck-rules-")
        .tempdir()
        .unwrap();
    let base = Arc::new(scratch.path().canonicalize().unwrap());
    std::env::set_current_dir(base.as_path()).unwrap();
    let mut trials: Vec<Trial> = cases::all()
        .into_iter()
        .map(|case| {
            let base = Arc::clone(&base);
            Trial::test(case.id(), move || rule_case(&base, &case))
        })
        .collect();
    assert!(!trials.is_empty(), "no cases under fixtures/rules");
    let others: [(&str, Check); 3] = [
        (
            "upload_key_findings_never_show_the_key",
            upload_key_findings_never_show_the_key,
        ),
        (
            "invalid_appid_is_quiet_under_release",
            invalid_appid_is_quiet_under_release,
        ),
        (
            "argument_findings_have_no_location",
            argument_findings_have_no_location,
        ),
    ];
    for (name, f) in others {
        let base = Arc::clone(&base);
        trials.push(Trial::test(name, move || f(&base)));
    }
    let conclusion = libtest_mimic::run(&args, trials);
    std::env::set_current_dir(root()).unwrap();
    drop(scratch);
    conclusion.exit();
}

/// A test besides the cases: it writes the cases it needs under the scratch root it is given.
type Check = fn(&Path) -> Result<(), Failed>;

/// A case written under `base` for one test, removed when dropped (also when the test fails).
struct Written(PathBuf);

impl Written {
    fn new(base: &Path, case: &Case) -> Written {
        let dir = base.join(case.rel());
        case.write_to(&dir);
        Written(dir)
    }
}

impl Drop for Written {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn rule_case(base: &Path, case: &Case) -> Result<(), Failed> {
    let written = Written::new(base, case);
    let dir = &written.0;
    let (code, case_name) = (&case.code, &case.name);
    // A case may carry an mpcheck.json (for `limits`); only the rule itself runs.
    let config = Config::load(None, dir)
        .map_err(|e| format!("{code}/{case_name}: {}", e.message))?
        .restricted_to(code);
    let release = release_args(dir);
    let (text, diagnostics) = render_all_with(dir, &config, release.as_ref());
    if !diagnostics.iter().all(|d| d.rule.code == code) {
        return Err(format!("{code}/{case_name}: only {code} runs").into());
    }
    if case_name.starts_with("fail-") {
        if diagnostics.is_empty() {
            return Err(format!("{code}/{case_name} must fire {code}").into());
        }
    } else if case_name.starts_with("pass-") {
        if !diagnostics.is_empty() {
            return Err(format!("{code}/{case_name} must be silent:\n{text}").into());
        }
    } else {
        return Err(format!("{code}/{case_name}: case names start with pass- or fail-").into());
    }
    insta::with_settings!({
        snapshot_path => case.path.parent().unwrap(),
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(case_name.as_str(), text);
    });
    Ok(())
}

/// No output format of any MP604 finding shows a line of a key's base64 body (the fixtures'
/// keys are read by the rule; CI logs are often public).
fn upload_key_findings_never_show_the_key(base: &Path) -> Result<(), Failed> {
    use mpcheck::base::i18n::Lang;
    use mpcheck::report::{self, Format};
    let mut seen = 0;
    for case in cases::all().into_iter().filter(|c| c.code == "MP604") {
        let written = Written::new(base, &case);
        let Some(args) = release_args(&written.0) else {
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
            let (project, diagnostics) = check_with(&written.0, &config, lang, Some(&args));
            for format in [Format::Human, Format::Concise, Format::Json, Format::Github] {
                let out = report::render(&project, &diagnostics, format, &opts());
                for line in &body_lines {
                    // Short lines (a garbage body) could match ordinary words; key lines are long.
                    if line.len() >= 16 {
                        assert!(
                            !out.contains(line.as_str()),
                            "{}: {format:?} shows a line of the key",
                            case.id()
                        );
                    }
                }
            }
        }
        seen += body_lines.len();
    }
    assert!(seen > 50, "the fixtures hold keys");
    Ok(())
}

/// Under `mpcheck release`, MP130 is quiet: MP603 reports the appid (as an error).
fn invalid_appid_is_quiet_under_release(base: &Path) -> Result<(), Failed> {
    let written = Written::new(base, &cases::find("MP130/fail-tourist"));
    let case = &written.0;
    let config = Config::default().restricted_to("MP130");
    let (_, plain) = check(case, &config, mpcheck::base::i18n::Lang::En);
    assert!(plain.iter().any(|d| d.rule.code == "MP130"));
    use mpcheck::lint::rules::release::{Given, ReleaseArgs};
    let args = ReleaseArgs {
        appid: Some(("touristappid".into(), Given::ProjectConfig)),
        ..ReleaseArgs::default()
    };
    let (_, release) = check_with(case, &config, mpcheck::base::i18n::Lang::En, Some(&args));
    assert!(release.is_empty(), "{release:?}");
    let both = Config::default();
    let (_, all) = check_with(case, &both, mpcheck::base::i18n::Lang::En, Some(&args));
    let appid: Vec<&str> = all
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| ["MP130", "MP603"].contains(c))
        .collect();
    assert_eq!(appid, ["MP603"]);
    Ok(())
}

/// A finding about a command-line value renders in every format without a file excerpt,
/// line or column, path prefix or file annotation.
fn argument_findings_have_no_location(base: &Path) -> Result<(), Failed> {
    use mpcheck::base::i18n::Lang;
    use mpcheck::report::{self, Format, Options};
    let written = Written::new(base, &cases::find("MP605/fail-31"));
    let case = &written.0;
    let args = release_args(case).unwrap();
    let config = Config::default().restricted_to("MP605");
    let (project, diagnostics) = check_with(case, &config, Lang::En, Some(&args));
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
    Ok(())
}
