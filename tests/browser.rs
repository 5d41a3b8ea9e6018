//! `mpcheck size --format html` opened in headless Chromium (Debian `chromium`, installed by
//! `scripts/setup-browser.sh`, which `scripts/test.sh` and CI run): the page renders with no
//! network, and the numbers it shows match `--format json`.

mod common;

use common::root;
use std::path::Path;
use std::process::Command;

fn chromium() -> String {
    if let Ok(c) = std::env::var("MPCHECK_CHROMIUM") {
        return c;
    }
    for c in ["chromium", "chromium-browser", "google-chrome"] {
        if Command::new("which")
            .arg(c)
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return c.to_string();
        }
    }
    panic!(
        "no Chromium found: run scripts/setup-browser.sh (installs Debian chromium) or set MPCHECK_CHROMIUM"
    );
}

fn mpcheck(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .output()
        .unwrap()
}

/// The DOM after the page's script ran.
fn rendered_dom(html: &Path, profile: &Path) -> String {
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Package name and bytes.
type Sizes = Vec<(String, u64)>;

/// `(data-package, data-bytes)` of the table rows, and the `data-bytes` of every treemap leaf
/// per map, in document order.
fn numbers(dom: &str) -> (Sizes, Sizes) {
    let row = regex::Regex::new(r#"<tr data-package="([^"]+)" data-bytes="(\d+)""#).unwrap();
    let rows = row
        .captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].parse().unwrap()))
        .collect();
    let map = regex::Regex::new(
        r#"<div class="map" data-package="([^"]+)"(.*?)</div></div>(?:<div class="legend"|$)"#,
    )
    .unwrap();
    let leaf = regex::Regex::new(r#"class="leaf" data-path="[^"]*" data-bytes="(\d+)""#).unwrap();
    let maps = map
        .captures_iter(dom)
        .map(|c| {
            let sum = leaf
                .captures_iter(&c[0])
                .map(|l| l[1].parse::<u64>().unwrap())
                .sum();
            (c[1].to_string(), sum)
        })
        .collect();
    (rows, maps)
}

fn check(project: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let p = project.to_str().unwrap();
    let o = mpcheck(&["size", p, "--format", "html", "-o", html.to_str().unwrap()]);
    // 1: a package is over its limit (the report is written all the same).
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    // Self-contained: nothing is fetched.
    for needle in ["src=\"http", "href=\"http", "<link", "@import", "fetch("] {
        assert!(!page.contains(needle), "the report references {needle}");
    }
    let json: serde_json::Value =
        serde_json::from_slice(&mpcheck(&["size", p, "--format", "json"]).stdout).unwrap();
    let expected: Vec<(String, u64)> = json["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap().to_string(),
                p["bytes"].as_u64().unwrap(),
            )
        })
        .collect();
    let dom = rendered_dom(&html, &dir.path().join("profile"));
    assert!(
        dom.contains("data-rendered=\"true\""),
        "the script did not finish"
    );
    let (rows, maps) = numbers(&dom);
    assert_eq!(rows, expected, "table rows");
    let total = regex::Regex::new(r#"<tr id="total" data-bytes="(\d+)""#).unwrap();
    assert_eq!(
        total.captures(&dom).map(|c| c[1].parse::<u64>().unwrap()),
        json["total"].as_u64()
    );
    // Every non-empty package has a treemap whose leaves add up to its bytes.
    let non_empty: Vec<(String, u64)> = expected.into_iter().filter(|(_, b)| *b > 0).collect();
    assert_eq!(maps, non_empty, "treemap leaves");
}

#[test]
fn html_report_renders_and_matches_json() {
    check(&root().join("fixtures/rules/MP400/fail-over-configured-limit"));
    check(&root().join("fixtures/example"));
}

#[test]
#[ignore = "needs ../shared (the project generator); scripts/test.sh runs it when ../shared exists"]
fn html_report_of_the_large_generated_project() {
    let shared = root().join("../shared");
    assert!(
        shared.is_dir(),
        "../shared not found next to the repository"
    );
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("big");
    let status = Command::new("python3")
        .arg(shared.join("bench/gen_miniprogram.py"))
        .arg(&project)
        .args([
            "--pages",
            "2000",
            "--subpackages",
            "60",
            "--components",
            "1000",
            "--images",
            "1000",
            "--npm",
        ])
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    check(&project);
}
