//! The labelled network fixtures (`fixtures/network/<case>`, each with its whitelist in
//! mpcheck.json): every rule enabled, the network findings asserted exactly.

mod common;

use common::{check, name, root, subdirs};
use mpcheck::base::i18n::Lang;
use mpcheck::lint::config::Config;

/// Each case's network findings: rule, location, and `+N` related locations (the call sites
/// of a finding reported where the URL's host is written).
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "absolute-url-guard",
        &[
            "MP300 pages/index/index.js:5:14",
            "MP300 pages/index/index.js:7:15",
            "MP300 utils/http.js:1:14 +2",
        ],
    ),
    ("concatenation", &["MP300 pages/index/index.js:1:14 +1"]),
    (
        "default-export-config",
        &["MP300 config.js:2:9 +1", "MP300 utils/settings.js:2:11 +1"],
    ),
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
    ("global-data", &["MP300 app.js:2:26 +2"]),
    ("http", &["MP301 pages/index/index.js:3:23"]),
    ("import-constant", &["MP300 utils/config.js:1:20 +1"]),
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
            "MP301 utils/config.js:1:31 +1",
            "MP302 utils/config.js:1:31 +1",
        ],
    ),
    ("object-property", &["MP300 config/api.js:1:14 +1"]),
    (
        "one-constant-many-sites",
        &["MP301 config/api.js:1:17 +4", "MP302 config/api.js:1:17 +4"],
    ),
    ("port", &["MP304 pages/index/index.js:3:23"]),
    ("promisified", &["MP300 pages/index/index.js:5:20"]),
    ("require-constant", &["MP300 utils/config.js:1:13 +1"]),
    (
        "runtime-download-template",
        &["MP300 pages/index/index.js:3:28"],
    ),
    (
        "runtime-event-template",
        &["MP300 pages/index/index.js:1:13 +1"],
    ),
    (
        "runtime-ip-port-socket",
        &[
            "MP300 pages/index/index.js:1:16 +1",
            "MP301 pages/index/index.js:4:23",
            "MP302 pages/index/index.js:4:23",
            "MP304 pages/index/index.js:7:23",
            "MP300 pages/index/index.js:10:29",
        ],
    ),
    ("runtime-param-concat", &["MP300 pages/index/index.js:3:23"]),
    ("sdk-setter-called", &[]),
    ("sdk-setter-not-called", &["MP300 utils/api.js:1:16 +1"]),
    ("silent-cloud", &[]),
    ("silent-comment", &[]),
    ("silent-image-cdn", &[]),
    ("silent-runtime", &[]),
    ("silent-unsent-string", &[]),
    (
        "string-methods",
        &[
            "MP300 pages/index/index.js:1:13 +1",
            "MP300 pages/index/index.js:2:16 +1",
            "MP300 pages/index/index.js:3:21 +1",
            "MP300 pages/index/index.js:17:15 +1",
            "MP300 pages/index/index.js:22:23",
        ],
    ),
    ("suppressed-at-definition", &[]),
    ("template", &["MP300 pages/index/index.js:1:14 +1"]),
    (
        "this-and-app-methods",
        &["MP300 app.js:5:25 +3", "MP300 pages/index/index.js:4:16"],
    ),
    ("webview", &["MP300 pages/index/index.wxml:1:16"]),
    ("wrapper", &["MP300 utils/http.js:1:14 +1"]),
    (
        "wrapper-chain",
        &[
            "MP300 pages/index/index.js:5:14",
            "MP300 utils/http.js:1:14 +1",
        ],
    ),
    ("wss", &["MP300 pages/index/index.js:4:29"]),
    (
        "wx-alias-and-frameworks",
        &[
            "MP300 pages/index/index.js:4:22",
            "MP300 pages/index/index.js:5:24",
            "MP300 pages/index/index.js:6:25",
        ],
    ),
    ("api-module-chain", &["MP300 utils/request.js:1:14 +2"]),
    ("block-scoped-const", &[]),
    (
        "callback-in-wrapper",
        &["MP300 pages/index/index.js:1:14 +1"],
    ),
    ("global-data-reassigned", &[]),
    ("nested-function-params", &[]),
    (
        "one-literal-two-hosts",
        &[
            "MP300 pages/index/index.js:1:11 +1",
            "MP300 pages/index/index.js:1:11 +1",
        ],
    ),
    ("regexp-flags", &["MP300 pages/index/index.js:4:21"]),
    ("retry-wrapper", &["MP300 pages/index/index.js:1:14 +3"]),
    ("same-module-chain", &["MP300 pages/index/index.js:1:14 +1"]),
    // A wrapper with more parameters than are searched in order (the URL is the 18th).
    ("many-parameters", &["MP300 pages/index/index.js:1:14 +1"]),
    ("setter-in-callback", &[]),
    ("setter-in-lifecycle", &[]),
    ("top-level-let-reassigned", &[]),
    ("loop-variable", &[]),
    ("setter-passed-by-reference", &[]),
    ("var-redeclared-in-block", &[]),
    ("parameter-reassigned", &[]),
    ("destructuring-assignment", &[]),
    ("property-written", &[]),
    ("index-written", &[]),
    ("object-assign", &[]),
    ("spread-after-key", &[]),
    ("catch-parameter", &[]),
    (
        "parameter-prefixed-with-base",
        &["MP300 pages/index/index.js:1:14 +1"],
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
                let mut s = format!("{} {}:{}:{}", d.rule.code, d.file, start.line, start.column);
                if !d.related.is_empty() {
                    s.push_str(&format!(" +{}", d.related.len()));
                }
                s
            })
            .collect();
        assert_eq!(found, expected, "{case}");
    }
}

#[test]
fn constants_from_other_files_are_reported_where_written() {
    let dir = root().join("fixtures/network/require-constant");
    let (_, diagnostics) = check(&dir, &Config::default(), Lang::En);
    let d = diagnostics.iter().find(|d| d.rule.code == "MP300").unwrap();
    assert_eq!(d.file, "utils/config.js");
    assert_eq!(d.related.len(), 1);
    assert_eq!(d.related[0].file, "pages/index/index.js");
    assert_eq!(
        d.related[0].message.en(),
        "wx.request sends a request to this URL here"
    );
}

/// One constant behind many call sites: one finding per rule at the constant, every call site
/// a related location (litemall-wx's `WxApiRoot`).
#[test]
fn one_constant_is_one_finding_with_every_call_site() {
    let dir = root().join("fixtures/network/one-constant-many-sites");
    let (project, diagnostics) = check(&dir, &Config::default(), Lang::En);
    let network: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.rule.code.starts_with("MP3"))
        .collect();
    assert_eq!(network.len(), 2, "{network:#?}");
    assert_eq!(
        network[0].message.en(),
        "http://localhost:8080 uses http://, but https:// is required (util.request; 4 calls)"
    );
    assert_eq!(
        network[1].message.en(),
        "Cannot send network request to localhost: http://localhost:8080 (util.request; 4 calls)"
    );
    let sites: Vec<String> = network[0]
        .related
        .iter()
        .map(|r| {
            let (start, _) = mpcheck::report::range(&project, &r.file, r.span);
            format!("{}:{}:{}", r.file, start.line, start.column)
        })
        .collect();
    assert_eq!(
        sites,
        [
            "pages/cart/cart.js:5:18",
            "pages/index/index.js:5:18",
            "pages/index/index.js:6:18",
            "pages/index/index.js:9:18",
        ]
    );
}

/// A suppression at the constant covers the finding, and is not reported unused (MP004).
#[test]
fn a_suppression_at_the_constant_covers_every_call_site() {
    let dir = root().join("fixtures/network/suppressed-at-definition");
    let (_, diagnostics) = check(&dir, &Config::default(), Lang::En);
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d.rule.code)
        .filter(|c| c.starts_with("MP3") || *c == "MP004")
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
}
