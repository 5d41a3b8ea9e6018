//! Hostile projects (issue 11): the project folder is a boundary, nothing is lost in silence,
//! configuration is read within a budget, and repeated declarations give one finding each.
//! `scripts/bad_inputs.py` runs the larger matrix on the release binary.

use std::path::Path;
use std::process::Command;

const SECRET: &str = "SECRET-OUTSIDE-THE-PROJECT";

/// A project in `<tmp>/p`, with `<tmp>/outside/` next to it holding a secret and an app.json.
fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let base: &[(&str, &[u8])] = &[
        (
            "p/project.config.json",
            b"{\"appid\": \"wx0000000000000000\"}",
        ),
        (
            "p/app.json",
            b"{\"pages\": [\"pages/index/index\"], \"sitemapLocation\": \"sitemap.json\", \"lazyCodeLoading\": \"requiredComponents\"}",
        ),
        ("p/sitemap.json", b"{\"rules\": []}"),
        ("p/pages/index/index.js", b"Page({})"),
        ("p/pages/index/index.wxml", b"<view/>"),
        ("outside/secret.json", SECRET.as_bytes()),
        (
            "outside/app.json",
            b"{\"pages\": [\"SECRET-OUTSIDE-THE-PROJECT\"]}",
        ),
    ];
    for (path, bytes) in base.iter().chain(files) {
        let p = tmp.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    tmp
}

fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

fn link(tmp: &Path, target: &str, at: &str) {
    let at = tmp.join("p").join(at);
    let _ = std::fs::remove_file(&at);
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// Runs the binary in `<tmp>/p`; returns exit code and stdout + stderr.
fn run(tmp: &Path, args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(tmp.join("p"))
        .env("LANG", "C")
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    let code = o.status.code().expect("not killed by a signal");
    let out = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert_ne!(code, 101, "panic: {out}");
    assert!(
        !out.contains(SECRET),
        "leaked a file outside the project:\n{out}"
    );
    (code, out)
}

fn check(tmp: &Path) -> (i32, String) {
    run(tmp, &["check", "-f", "concise"])
}

fn assert_has(out: &str, needles: &[&str]) {
    for n in needles {
        assert!(out.contains(n), "missing `{n}` in:\n{out}");
    }
}

#[test]
fn miniprogram_root_that_climbs_out_is_not_walked() {
    let tmp = project(&[(
        "p/project.config.json",
        b"{\"appid\": \"wx0000000000000000\", \"miniprogramRoot\": \"a/../../outside\"}",
    )]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[
            "project.config.json:1:52: error[MP100] miniprogramRoot \"a/../../outside\" resolves outside the project folder; mpcheck reads nothing outside it, so app.json cannot be found",
        ],
    );
    // One cause, one finding: MP132 leaves this miniprogramRoot to MP100.
    assert!(!out.contains("MP132"), "{out}");
    // `..` that stays inside is resolved, as path.join does.
    let tmp = project(&[
        (
            "p/project.config.json",
            b"{\"appid\": \"wx0000000000000000\", \"miniprogramRoot\": \"x/../mp\"}",
        ),
        ("p/mp/app.json", b"{\"pages\": [\"pages/a\"]}"),
    ]);
    let (_, out) = check(tmp.path());
    assert_has(
        &out,
        &[
            "mp/app.json:1:12: error[MP200] [\"pages\"][0] could not find the corresponding file: \"pages/a.wxml\"",
        ],
    );
}

#[test]
fn miniprogram_root_that_links_out_is_not_walked() {
    let tmp = project(&[(
        "p/project.config.json",
        b"{\"appid\": \"wx0000000000000000\", \"miniprogramRoot\": \"dist\", \"pluginRoot\": \"plug\"}",
    )]);
    link(tmp.path(), "../outside", "dist");
    link(tmp.path(), "../outside", "plug");
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[
            "error[MP100] miniprogramRoot \"dist\" resolves outside the project folder",
            "plug:1:1: error[MP002] symlink leaves the project; not read",
        ],
    );
    assert!(!out.contains("outside/"), "{out}");
}

#[test]
fn config_files_that_link_out_are_not_read() {
    for name in [
        "project.config.json",
        "project.private.config.json",
        "package.json",
        "sitemap.json",
    ] {
        let tmp = project(&[]);
        link(tmp.path(), "../outside/secret.json", name);
        let (code, out) = check(tmp.path());
        assert_eq!(code, 1, "{name}: {out}");
        assert_has(
            &out,
            &[&format!(
                "{name}:1:1: error[MP002] symlink leaves the project"
            )],
        );
    }
    // The same files in a miniprogram root below the project folder.
    for name in ["project.private.config.json", "package.json"] {
        let tmp = project(&[
            (
                "p/project.config.json",
                b"{\"appid\": \"wx0000000000000000\", \"miniprogramRoot\": \"mp\"}",
            ),
            ("p/mp/app.json", b"{\"pages\": [\"pages/index/index\"]}"),
            ("p/mp/pages/index/index.js", b"Page({})"),
            ("p/mp/pages/index/index.wxml", b"<view/>"),
        ]);
        link(tmp.path(), "../outside/secret.json", name);
        let (_, out) = check(tmp.path());
        assert_has(
            &out,
            &[&format!(
                "{name}:1:1: error[MP002] symlink leaves the project; not read"
            )],
        );
    }
}

#[test]
fn gitmodules_is_read_within_a_cap() {
    // Read for submodule paths only; a link to a device that never ends is not opened.
    let tmp = project(&[]);
    link(tmp.path(), "/dev/zero", ".gitmodules");
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[".gitmodules:1:1: error[MP002] symlink leaves the project (points to /dev/zero)"],
    );
}

#[test]
fn mpcheck_json_that_links_out_is_refused() {
    let tmp = project(&[]);
    link(tmp.path(), "../outside/secret.json", "mpcheck.json");
    let (code, out) = check(tmp.path());
    assert_eq!(code, 2, "{out}");
    assert_has(
        &out,
        &[
            "mpcheck.json is a link to a place outside the project folder",
            "mpcheck.json must be a regular file inside the project folder",
        ],
    );
    // /proc/self/environ would print the process's environment.
    link(tmp.path(), "/proc/self/environ", "mpcheck.json");
    let o = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(["check", "-f", "json"])
        .current_dir(tmp.path().join("p"))
        .env("MPCHECK_TEST_SECRET", SECRET)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!all.contains(SECRET), "{all}");
}

#[test]
fn configs_that_are_not_files() {
    // mpcheck.json as a folder or a pipe: exit 2, never silently ignored, never blocking.
    let tmp = project(&[]);
    std::fs::create_dir(tmp.path().join("p/mpcheck.json")).unwrap();
    let (code, out) = check(tmp.path());
    assert_eq!(code, 2, "{out}");
    assert_has(
        &out,
        &["config file ./mpcheck.json is a folder, not a file"],
    );

    let tmp = project(&[]);
    let fifo = tmp.path().join("p/mpcheck.json");
    mkfifo(&fifo);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 2, "{out}");
    assert_has(&out, &["is not a regular file (a pipe, socket or device)"]);

    // project.config.json as a folder: reported, and the app is still checked.
    let tmp = project(&[(
        "p/pages/index/index.json",
        b"{\"navigationBarTextStyle\": \"red\"}",
    )]);
    std::fs::remove_file(tmp.path().join("p/project.config.json")).unwrap();
    std::fs::create_dir(tmp.path().join("p/project.config.json")).unwrap();
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[
            "project.config.json:1:1: error[MP002] is a folder where a file is expected; not read",
            "error[MP104]",
        ],
    );
}

#[test]
fn config_and_whitelist_reads_are_capped() {
    let tmp = project(&[]);
    for args in [
        ["check", "-c", "/dev/zero"],
        ["check", "--domains", "/dev/zero"],
    ] {
        let (code, out) = run(tmp.path(), &args);
        assert_eq!(code, 2, "{out}");
        assert_has(&out, &["/dev/zero is not a regular file"]);
    }
    let big = format!("{{{}}}", " ".repeat(5 << 20));
    std::fs::write(tmp.path().join("p/big.json"), &big).unwrap();
    let (code, out) = run(tmp.path(), &["check", "-c", "big.json"]);
    assert_eq!(code, 2, "{out}");
    assert_has(
        &out,
        &["big.json is too large (5242882 bytes; the limit is 4194304)"],
    );
    let (code, out) = run(tmp.path(), &["check", "--domains", "big.json"]);
    assert_eq!(code, 2, "{out}");
    assert_has(
        &out,
        &["big.json is too large (5242882 bytes; the limit is 4194304)"],
    );
}

#[test]
fn code_files_that_cannot_be_read_as_text_are_reported() {
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "<view>{{a}}</view>".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let tmp = project(&[
        ("p/pages/index/index.wxml", &utf16),
        (
            "p/pages/index/index.js",
            b"Page({data: {t: '\xd6\xd0\xce\xc4'}})\nwx.request({url: 'http://x.example.com'})",
        ),
    ]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[
            "pages/index/index.wxml:1:1: error[MP002] not UTF-8 text (it looks like UTF-16); its contents are not checked",
            "pages/index/index.js:1:1: error[MP002] not UTF-8 text (it looks like GBK or another legacy encoding); checked with the other characters replaced",
            // GBK keeps the ASCII syntax: the request is still checked.
            "pages/index/index.js:2:",
        ],
    );
}

#[test]
fn oversize_templates_are_reported() {
    let big = "<view/>".repeat((16 << 20) / 7 + 1);
    let tmp = project(&[("p/pages/index/index.wxml", big.as_bytes())]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &[
            "pages/index/index.wxml:1:1: error[MP002] file is too large to check (16777222 bytes, limit 16777216)",
        ],
    );
}

#[test]
fn special_files_among_the_code_are_reported() {
    let tmp = project(&[]);
    let fifo = tmp.path().join("p/pages/index/pipe.js");
    mkfifo(&fifo);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(
        &out,
        &["pages/index/pipe.js:1:1: error[MP002] not a regular file"],
    );
}

#[test]
fn empty_app_json_reports_only_its_own_error() {
    let tmp = project(&[
        ("p/app.json", b""),
        (
            "p/pages/index/index.js",
            b"Page({ onLoad() { wx.getLocation({}) } })",
        ),
    ]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1, "{out}");
    assert_has(&out, &["app.json:1:1: error[MP001] empty file"]);
    assert!(!out.contains("MP310"), "{out}");
}

#[test]
fn a_repeated_plugin_provider_is_one_finding_per_repeat() {
    let n = 2000;
    let plugins: Vec<String> = (0..n)
        .map(|i| {
            format!("\"p{i}\": {{\"version\": \"1.0.0\", \"provider\": \"wx1234567890abcdef\"}}")
        })
        .collect();
    let app = format!(
        "{{\"pages\": [\"pages/index/index\"], \"plugins\": {{{}}}}}",
        plugins.join(",")
    );
    let tmp = project(&[("p/app.json", app.as_bytes())]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 1);
    // Each repeat against the first declaration: n - 1 findings, not n * (n - 1) / 2.
    assert_eq!(
        out.matches("error[MP116]").count(),
        n - 1,
        "{}",
        &out[..2000.min(out.len())]
    );
    assert_has(
        &out,
        &["[\"plugins\"][\"p0\"] and [\"plugins\"][\"p1999\"] have same \"provider\""],
    );
}

#[test]
fn repeated_and_nested_subpackage_roots_are_one_finding_each() {
    let mut subs: Vec<String> = (0..300)
        .map(|_| "{\"root\": \"pkg\", \"pages\": [\"a\"]}".to_string())
        .collect();
    subs.push("{\"root\": \"pkg/inner\", \"pages\": [\"b\"]}".into());
    subs.push("{\"root\": \"pkg/inner/deeper\", \"pages\": [\"c\"]}".into());
    let app = format!(
        "{{\"pages\": [\"pages/index/index\"], \"subPackages\": [{}]}}",
        subs.join(",")
    );
    let tmp = project(&[
        ("p/app.json", app.as_bytes()),
        ("p/pkg/a.js", b"Page({})"),
        ("p/pkg/a.wxml", b"<view/>"),
        ("p/pkg/inner/b.js", b"Page({})"),
        ("p/pkg/inner/b.wxml", b"<view/>"),
        ("p/pkg/inner/deeper/c.js", b"Page({})"),
        ("p/pkg/inner/deeper/c.wxml", b"<view/>"),
    ]);
    let (_, out) = check(tmp.path());
    assert_eq!(out.matches("have same \"root\"").count(), 299, "{out}");
    assert_has(
        &out,
        &[
            "[\"subPackages\"][299] and [\"subPackages\"][0] have same \"root\"",
            // Each nested root once, against the closest root that contains it.
            "[\"subPackages\"][0][\"root\"] should not contain [\"subPackages\"][300][\"root\"]",
            "[\"subPackages\"][300][\"root\"] should not contain [\"subPackages\"][301][\"root\"]",
        ],
    );
    assert_eq!(out.matches("should not contain").count(), 2, "{out}");
}

#[test]
fn many_suppressions_are_matched_by_line() {
    // 20,000 directives, each covering one finding, and one that covers nothing.
    let mut wxml =
        "<!-- mpcheck-disable-next-line MP329 -->\n<view bindtap=\"nope\"/>\n".repeat(20_000);
    wxml.push_str("<!-- mpcheck-disable-next-line MP329 -->\n<view/>\n");
    let tmp = project(&[("p/pages/index/index.wxml", wxml.as_bytes())]);
    let (code, out) = check(tmp.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        !out.contains("error[MP329]") && !out.contains("warning[MP329]"),
        "{out}"
    );
    assert_eq!(out.matches("[MP004]").count(), 1, "{out}");
    assert_has(&out, &["pages/index/index.wxml:40001:"]);
}

#[test]
fn a_repeated_attribute_is_one_finding_per_name() {
    // One edit (deleting the extras) fixes all repeats of a name: one finding with the count;
    // a generated 50,000-character tag name is shortened in the message.
    let long = "v".repeat(50_000);
    let wxml = format!(
        "<view x=\"1\" x=\"2\" x=\"3\" y=\"1\" y=\"1\"/>\n<{long} {}/>",
        "z=\"1\" ".repeat(5_000)
    );
    let tmp = project(&[("p/pages/index/index.wxml", wxml.as_bytes())]);
    let (_, out) = check(tmp.path());
    assert_eq!(
        out.matches("[MP321]").count(),
        3,
        "{}",
        &out[..out.len().min(3000)]
    );
    assert_has(
        &out,
        &[
            "pages/index/index.wxml:1:13: warning[MP321] `x` is repeated on <view> (3 times)",
            "pages/index/index.wxml:1:31: warning[MP321] `y` is repeated on <view>\n",
            &format!(
                "warning[MP321] `z` is repeated on <{}…> (5000 times)",
                "v".repeat(64)
            ),
        ],
    );
}
