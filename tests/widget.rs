//! The search Widget examples: `fixtures/widget-clean` (a correct project with both widget
//! types, test conditions and template data) and `fixtures/widget` (every widget rule fires
//! once, except MP505, which needs a widget compile type with no item of that type and so
//! cannot share a project with both widget types).

mod common;

use common::{check, root};
use mpcheck::base::i18n::Lang;
use mpcheck::lint::config::Config;
use std::process::Command;

fn widget_codes(dir: &str) -> Vec<String> {
    let dir = root().join(dir);
    let config = Config::load(None, &dir).expect("fixture mpcheck.json is valid");
    let (_, diagnostics) = check(&dir, &config, Lang::En);
    let mut codes: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.rule.code.starts_with("MP5") || d.rule.code == "MP126")
        .map(|d| d.rule.code.to_string())
        .collect();
    codes.sort();
    codes
}

#[test]
fn a_correct_widget_project_gives_no_widget_findings() {
    assert_eq!(widget_codes("fixtures/widget-clean"), ["MP126"]);
    let dir = root().join("fixtures/widget-clean");
    let o = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args([
            "widget-data",
            "data/import-0.json",
            "data/import-1.json",
            "data/reply.json",
        ])
        .args([
            "data/funcwidget.json",
            "data/shopping.json",
            "-f",
            "concise",
        ])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

#[test]
fn every_widget_rule_fires_once_in_the_example() {
    let codes = widget_codes("fixtures/widget");
    let expected: Vec<String> = mpcheck::lint::rules::RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| (c.starts_with("MP5") && *c != "MP505") || *c == "MP126")
        .map(str::to_string)
        .collect();
    assert_eq!(codes, expected);
    // The widget's `wx.request` is MP521's; the network rules do not report it again.
    let dir = root().join("fixtures/widget");
    let config = Config::load(None, &dir).unwrap();
    let (_, diagnostics) = check(&dir, &config, Lang::En);
    let network: Vec<&str> = diagnostics
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| c.starts_with("MP3") && *c < "MP320")
        .collect();
    assert!(network.is_empty(), "{network:?}");
}
