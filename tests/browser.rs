//! `mpcheck size --format html` opened in headless Chromium (Debian `chromium`, installed by
//! `scripts/setup-browser.sh`, which `scripts/test.sh` and CI run; every test here is
//! `#[ignore]`d with that reason, and `scripts/test.sh` runs them with `--ignored` when Chromium
//! is there, or says loudly that they were not run): the page renders with no
//! network, the numbers it shows match `--format json`, every package's area in the treemap is
//! in proportion to its bytes, folders are labelled, and the files that push a package over
//! its limit are marked.

mod common;
#[path = "support/gen.rs"]
mod generator;

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
    for app in [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ] {
        if Path::new(app).is_file() {
            return app.to_string();
        }
    }
    panic!(
        "no Chromium found: run scripts/setup-browser.sh (installs Debian chromium) or set \
         MPCHECK_CHROMIUM to its path (macOS: brew install --cask chromium, or \
         MPCHECK_CHROMIUM=\"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome\")"
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

/// One package of the treemap: its name, bytes, rectangle (x, y, w, h) and everything drawn
/// inside it.
struct Drawn {
    name: String,
    bytes: u64,
    rect: [f64; 4],
    body: String,
}

fn drawn(dom: &str) -> Vec<Drawn> {
    let g = regex::Regex::new(
        r#"(?s)<g class="package[^"]*" data-package="([^"]+)"><rect class="pkg" data-bytes="(\d+)" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)">(.*?)</g>"#,
    )
    .unwrap();
    g.captures_iter(dom)
        .map(|c| Drawn {
            name: c[1].to_string(),
            bytes: c[2].parse().unwrap(),
            rect: [3, 4, 5, 6].map(|i| c[i].parse().unwrap()),
            body: c[7].to_string(),
        })
        .collect()
}

/// `(data-path, data-bytes, class)` of the leaves in `body`.
fn leaves(body: &str) -> Vec<(String, u64, String)> {
    let leaf =
        regex::Regex::new(r#"class="(leaf[^"]*)" data-path="([^"]*)" data-bytes="(\d+)""#).unwrap();
    leaf.captures_iter(body)
        .map(|c| (c[2].to_string(), c[3].parse().unwrap(), c[1].to_string()))
        .collect()
}

/// `(data-package, data-bytes)` of the table rows, and the sum of the `data-bytes` of every
/// treemap leaf per package, in order of size.
fn numbers(dom: &str) -> (Sizes, Sizes) {
    let row = regex::Regex::new(r#"<tr data-package="([^"]+)" data-bytes="(\d+)""#).unwrap();
    let rows = row
        .captures_iter(dom)
        .map(|c| (c[1].to_string(), c[2].parse().unwrap()))
        .collect();
    let maps = drawn(dom)
        .into_iter()
        .map(|d| (d.name, leaves(&d.body).iter().map(|l| l.1).sum()))
        .collect();
    (rows, maps)
}

/// The report of `project` (with `args`), and the DOM Chromium makes of it.
fn report(project: &Path, args: &[&str], dir: &Path) -> (String, String) {
    let html = dir.join("report.html");
    let p = project.to_str().unwrap();
    let mut all = vec!["size", p, "--format", "html", "-o", html.to_str().unwrap()];
    all.extend_from_slice(args);
    let o = mpcheck(&all);
    // 1: a package is over its limit (the report is written all the same).
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let page = std::fs::read_to_string(&html).unwrap();
    // Self-contained: nothing is fetched, nothing runs.
    for needle in [
        "src=\"http",
        "href=\"http",
        "<link",
        "@import",
        "<script",
        "url(http",
    ] {
        assert!(!page.contains(needle), "the report references {needle}");
    }
    let dom = rendered_dom(&html, &dir.join("profile"));
    (page, dom)
}

/// The page and its DOM.
fn check(project: &Path) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = project.to_str().unwrap();
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
    let (page, dom) = report(project, &[], dir.path());
    let (rows, maps) = numbers(&dom);
    assert_eq!(rows, expected, "table rows");
    let total = regex::Regex::new(r#"<tr id="total" data-bytes="(\d+)""#).unwrap();
    assert_eq!(
        total.captures(&dom).map(|c| c[1].parse::<u64>().unwrap()),
        json["total"].as_u64()
    );
    // Every non-empty package is drawn, largest first, and its leaves add up to its bytes.
    let mut non_empty: Vec<(String, u64)> = expected.into_iter().filter(|(_, b)| *b > 0).collect();
    non_empty.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    assert_eq!(maps, non_empty, "treemap leaves");
    // The packages tile the map, each with an area in proportion to its bytes.
    let packages = drawn(&dom);
    let area: f64 = packages.iter().map(|d| d.rect[2] * d.rect[3]).sum();
    assert!((area - 1200.0 * 680.0).abs() < 5.0, "{area}");
    let total_bytes: u64 = packages.iter().map(|d| d.bytes).sum();
    for d in &packages {
        let share = d.rect[2] * d.rect[3] / area;
        let expected = d.bytes as f64 / total_bytes as f64;
        // Coordinates are rounded to 0.01: a few units of area.
        assert!(
            (share - expected).abs() * area < 0.02 * (d.rect[2] + d.rect[3]) + 0.01,
            "{}: {share} of the map for {expected} of the bytes",
            d.name
        );
    }
    (page, dom)
}

/// A PNG of the page as Chromium draws it at 1400×1000: its width and height.
fn screenshot(html: &Path, png: &Path, profile: &Path) -> (u32, u32) {
    let out = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(png).unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
#[ignore = "needs Chromium: scripts/test.sh installs it (or set MPCHECK_CHROMIUM) and runs this with --ignored"]
fn html_report_renders_and_matches_json() {
    check(&common::rule_case("MP400/fail-over-configured-limit").dir);
    let (_, dom) = check(&root().join("fixtures/example"));
    // Folders are named inside the map, the package in its band.
    assert!(dom.contains(">pages/ 693 B</text>"), "{dom}");
    assert!(
        dom.contains(">__APP__ 1.6 KB · 0.1% of 2.00 MB</text>"),
        "{dom}"
    );
    // Nothing is marked in a small project, and the legend still says what a mark would be.
    assert!(!dom.contains("cut-limit\" data-path"));
    assert!(dom.contains("id=\"cut-legend\""));
}

/// A project over the 2 MB limit: 800, 700, 600 and 300 KB of random bytes in the main
/// package, a 25 KB subpackage.
fn over_the_limit(dir: &Path) {
    let write = |path: &str, bytes: Vec<u8>| {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    };
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut random = |n: usize| -> Vec<u8> {
        (0..n)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed as u8
            })
            .collect()
    };
    write(
        "app.json",
        br#"{"pages":["pages/index/index"],"subpackages":[{"root":"pkgA/","pages":["pages/a/a"]}]}"#
            .to_vec(),
    );
    write(
        "project.config.json",
        br#"{"compileType":"miniprogram","appid":"wx0123456789abcdef"}"#.to_vec(),
    );
    write("app.js", b"App({})\n".to_vec());
    for page in ["pages/index/index", "pkgA/pages/a/a"] {
        write(&format!("{page}.js"), b"Page({})\n".to_vec());
        write(&format!("{page}.wxml"), b"<view>hi</view>\n".to_vec());
        write(&format!("{page}.json"), b"{}".to_vec());
    }
    write("pkgA/utils/table.js", vec![b' '; 25 * 1024]);
    write("images/banners/hero.png", random(800 * 1024));
    write("images/banners/promo.png", random(700 * 1024));
    write("images/bg.jpg", random(600 * 1024));
    // A hostile name, and a double-width one.
    write("assets/图片/<b>x&amp;.png", random(300 * 1024));
}

#[test]
#[ignore = "needs Chromium: scripts/test.sh installs it (or set MPCHECK_CHROMIUM) and runs this with --ignored"]
fn a_package_over_its_limit_has_the_files_to_move_out_marked() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("over");
    over_the_limit(&project);
    let (page, dom) = check(&project);
    let packages = drawn(&dom);
    let names: Vec<&str> = packages.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["__APP__", "pkgA/"]);
    // The 25 KB subpackage is drawn about 1/96 the size of the 2.34 MB main package.
    let area = |d: &Drawn| d.rect[2] * d.rect[3];
    let (main, sub) = (&packages[0], &packages[1]);
    let drawn_ratio = area(main) / area(sub);
    let byte_ratio = main.bytes as f64 / sub.bytes as f64;
    assert!(
        (drawn_ratio / byte_ratio - 1.0).abs() < 0.02,
        "{drawn_ratio} {byte_ratio}"
    );
    assert!(byte_ratio > 90.0, "{byte_ratio}");
    // Without hero.png (800 KB) the package is under 2 MB; without promo.png too, under 1.5 MB.
    let marked: Vec<(String, String)> = leaves(&main.body)
        .into_iter()
        .filter(|l| l.2.contains("cut-"))
        .map(|l| (l.0, l.2))
        .collect();
    assert_eq!(
        marked,
        [
            (
                "images/banners/hero.png".to_string(),
                "leaf img cut-limit".to_string()
            ),
            (
                "images/banners/promo.png".to_string(),
                "leaf img cut-warn".to_string()
            ),
        ]
    );
    assert!(dom.contains(
        "__APP__ is 2.34 MB, over its 2.00 MB limit: moving out these files, largest first, brings it under"
    ));
    let listed = regex::Regex::new(r#"<li class="(cut-[a-z]+)" data-path="([^"]+)""#).unwrap();
    let listed: Vec<(String, String)> = listed
        .captures_iter(&dom)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect();
    assert_eq!(
        listed,
        [
            (
                "cut-limit".to_string(),
                "images/banners/hero.png".to_string()
            ),
            (
                "cut-warn".to_string(),
                "images/banners/promo.png".to_string()
            ),
        ]
    );
    // Folders are labelled; the hostile name is text, not markup.
    assert!(dom.contains(">images/ 2.05 MB</text>"), "{dom}");
    assert!(dom.contains(">banners/ 1.46 MB</text>"), "{dom}");
    assert!(dom.contains("图片/"));
    assert!(dom.contains("&lt;b&gt;x&amp;amp;.png"));
    assert!(!page.contains("<b>") && !dom.contains("</b>"));
    // Chromium draws it.
    let html = dir.path().join("report.html");
    std::fs::write(&html, &page).unwrap();
    let (w, h) = screenshot(
        &html,
        &dir.path().join("shot.png"),
        &dir.path().join("profile"),
    );
    assert_eq!((w, h), (1400, 1000));
}

#[test]
#[ignore = "needs Chromium: scripts/test.sh installs it (or set MPCHECK_CHROMIUM) and runs this with --ignored"]
fn html_report_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("over");
    over_the_limit(&project);
    let out = tempfile::tempdir().unwrap();
    let (page, dom) = report(&project, &["--lang", "zh"], out.path());
    assert!(page.contains("<html lang=\"zh-CN\">"));
    for text in [
        "将要上传的内容：",
        "上传内容分布图",
        "各包大小",
        "<th>文件数</th>",
        "总计",
        "__APP__ 为 2.34 MB，超过 2.00 MB 上限",
        "（为满足上传上限）",
        "包超过 2.00 MB 上限时，按从大到小依次移出、可使其降到上限以下的最大文件",
        ">images/ 2.05 MB</text>",
        // A tooltip.
        "images/banners/hero.png — 800.0 KB (819200 字节) — 已标记：移出后该包可降到上传上限以下</title>",
    ] {
        assert!(dom.contains(text), "{text}");
    }
    for english in ["What will be uploaded", "Total", " bytes", "Package"] {
        assert!(!dom.contains(english), "{english}");
    }
}

#[test]
#[ignore = "needs Chromium: scripts/test.sh installs it (or set MPCHECK_CHROMIUM) and runs this with --ignored"]
fn html_report_of_the_large_generated_project() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("big");
    // The benchmark's project (scripts/bench.sh): about 15,000 files, the main package over
    // its limit.
    let options = generator::Options {
        pages: 2000,
        subpackages: 60,
        components: 1000,
        images: 1000,
        npm: true,
        seed: 1,
    };
    generator::project(&project, &options).unwrap();
    check(&project);
}
