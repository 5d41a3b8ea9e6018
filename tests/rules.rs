//! Every rule fixture: `fixtures/rules/<CODE>/fail-*` must fire the rule (and only it runs),
//! `pass-*` must stay silent. Human, concise (zh) and JSON output are snapshotted.

mod common;

use common::*;
use mpcheck::config::Config;

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
            let (text, diagnostics) = render_all(&case, &config);
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
