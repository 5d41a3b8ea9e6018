//! The labelled network fixtures (`fixtures/network/<case>`, each with its whitelist in
//! mpcheck.json): every rule enabled, the network findings asserted exactly.

mod common;

use common::{check, name, root, subdirs};
use mpcheck::config::Config;
use mpcheck::i18n::Lang;

const EXPECTED: &[(&str, &[&str])] = &[
    ("concatenation", &["MP300 pages/index/index.js:4:23"]),
    (
        "each-api",
        &[
            "MP300 pages/index/index.js:3:26",
            "MP300 pages/index/index.js:4:28",
            "MP300 pages/index/index.js:5:29",
            "MP300 pages/index/index.js:7:28",
            "MP300 pages/index/index.js:9:25",
        ],
    ),
    (
        "global-data",
        &[
            "MP300 pages/index/index.js:4:23",
            "MP300 pages/index/index.js:5:23",
        ],
    ),
    ("http", &["MP301 pages/index/index.js:3:23"]),
    ("import-constant", &["MP300 pages/index/index.js:4:23"]),
    (
        "ip",
        &[
            "MP302 pages/index/index.js:3:23",
            "MP303 pages/index/index.js:4:23",
        ],
    ),
    ("literal", &["MP300 pages/index/index.js:3:23"]),
    (
        "localhost",
        &[
            "MP301 pages/index/index.js:4:23",
            "MP302 pages/index/index.js:4:23",
        ],
    ),
    ("object-property", &["MP300 pages/index/index.js:4:23"]),
    ("port", &["MP304 pages/index/index.js:3:23"]),
    ("promisified", &["MP300 pages/index/index.js:5:20"]),
    ("require-constant", &["MP300 pages/index/index.js:4:23"]),
    ("silent-cloud", &[]),
    ("silent-comment", &[]),
    ("silent-image-cdn", &[]),
    ("silent-unsent-string", &[]),
    ("template", &["MP300 pages/index/index.js:4:23"]),
    ("webview", &["MP300 pages/index/index.wxml:1:16"]),
    ("wrapper", &["MP300 pages/index/index.js:4:18"]),
    ("wss", &["MP300 pages/index/index.js:4:29"]),
    (
        "wx-alias-and-frameworks",
        &[
            "MP300 pages/index/index.js:4:22",
            "MP300 pages/index/index.js:5:24",
            "MP300 pages/index/index.js:6:25",
        ],
    ),
];

#[test]
fn labelled_network_cases() {
    let cases = subdirs(&root().join("fixtures/network"));
    assert_eq!(cases.len(), EXPECTED.len(), "every case has an expectation");
    for dir in cases {
        let case = name(&dir);
        let expected = EXPECTED
            .iter()
            .find(|(c, _)| *c == case)
            .unwrap_or_else(|| panic!("no expectation for {case}"))
            .1;
        let (project, diagnostics) = check(&dir, &Config::default(), Lang::En);
        let found: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.rule.code.starts_with("MP3"))
            .map(|d| {
                let (start, _) = mpcheck::report::range(&project, &d.file, d.span);
                format!("{} {}:{}:{}", d.rule.code, d.file, start.line, start.column)
            })
            .collect();
        assert_eq!(found, expected, "{case}");
    }
}

#[test]
fn constants_from_other_files_are_related_locations() {
    let dir = root().join("fixtures/network/require-constant");
    let (_, diagnostics) = check(&dir, &Config::default(), Lang::En);
    let d = diagnostics.iter().find(|d| d.rule.code == "MP300").unwrap();
    assert_eq!(d.related.len(), 1);
    assert_eq!(d.related[0].file, "utils/config.js");
    assert!(d.related[0].span.is_some());
}
