//! Bad input never panics and never hangs: each case gives a clear diagnostic.

mod common;

use std::path::Path;
use std::process::Command;

fn project(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let base: &[(&str, &[u8])] = &[
        (
            "project.config.json",
            b"{\"appid\": \"wx0000000000000000\"}",
        ),
        ("app.json", b"{\"pages\": [\"pages/index/index\"]}"),
        ("pages/index/index.js", b"Page({})"),
        ("pages/index/index.wxml", b"<view/>"),
    ];
    for (path, bytes) in base.iter().chain(files) {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

/// Runs the binary; returns exit code and concise output.
fn run(dir: &Path) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(["check", "-f", "concise"])
        .current_dir(dir)
        .env("LANG", "C")
        .output()
        .unwrap();
    let code = o.status.code().expect("not killed by a signal");
    assert_ne!(code, 101, "panic: {}", String::from_utf8_lossy(&o.stderr));
    (code, String::from_utf8_lossy(&o.stdout).into_owned())
}

fn expect(files: &[(&str, &[u8])], exit: i32, needles: &[&str]) {
    let dir = project(files);
    let (code, out) = run(dir.path());
    assert_eq!(code, exit, "{out}");
    for n in needles {
        assert!(out.contains(n), "missing `{n}` in:\n{out}");
    }
}

#[test]
fn empty_and_whitespace_json() {
    expect(
        &[("app.json", b"")],
        1,
        &["app.json:1:1: error[MP001] empty file"],
    );
    expect(
        &[("pages/index/index.json", b" \n\t")],
        1,
        &["index.json:1:1: error[MP001] empty file"],
    );
}

#[test]
fn binary_and_non_utf8_json() {
    expect(
        &[("app.json", &[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe])],
        1,
        &["app.json:1:1: error[MP001] app.json file is not in UTF-8"],
    );
    expect(
        &[("pages/index/index.json", b"{\"a\": \"\0\"}")],
        1,
        &["error[MP001] invalid JSON: control character"],
    );
}

#[test]
fn byte_order_mark_is_an_error_like_the_official_tool() {
    // Reported once, and the rest of the file is still checked (the colour here).
    let app = b"\xEF\xBB\xBF{\"pages\": [\"pages/index/index\"], \"window\": {\"backgroundColor\": \"red\"}}";
    expect(
        &[("app.json", app)],
        1,
        &[
            "app.json:1:1: error[MP001] invalid JSON: the file starts with a byte-order mark",
            "error[MP105]",
        ],
    );
}

#[test]
fn wrong_shapes_do_not_crash() {
    expect(
        &[("app.json", b"[]")],
        1,
        &["error[MP103] app.json field needs to be object, found array"],
    );
    expect(
        &[(
            "app.json",
            b"{\"pages\": \"pages/index/index\", \"subPackages\": {}}",
        )],
        1,
        &[
            "[\"pages\"] field needs to be array",
            "[\"subPackages\"] field needs to be array",
        ],
    );
    expect(
        &[("pages/index/index.json", b"null")],
        1,
        &["field needs to be object, found null"],
    );
    expect(&[("app.json", b"{\"pages\": [null, 1, {}], \"subPackages\": [{\"root\": 5, \"pages\": \"x\"}], \"entryPagePath\": []}")], 1, &["error[MP103]"]);
}

#[test]
fn deep_nesting_and_large_files() {
    let deep = "[".repeat(200_000);
    // A data file (not configuration): a warning, not an error.
    expect(
        &[("data/deep.json", deep.as_bytes())],
        0,
        &["warning[MP005] invalid JSON: JSON nested too deeply"],
    );
    expect(
        &[("pages/index/index.json", deep.as_bytes())],
        1,
        &["error[MP001] invalid JSON: JSON nested too deeply"],
    );
    let mut big = String::from("{\"items\": [");
    for i in 0..200_000 {
        big.push_str(&format!("{{\"id\": {i}, \"name\": \"item {i}\"}},"));
    }
    big.push_str("{}]}");
    // 7 MB of data nothing uses: read fine, and, ignoreUploadUnusedFiles being unset,
    // uploaded: the package is too large.
    expect(
        &[("data/big.json", big.as_bytes())],
        1,
        &["error[MP400]", "data/big.json:1:1: info[MP410]"],
    );
    let one_line_object: String = format!(
        "{{{}\"z\": 0}}",
        (0..100_000)
            .map(|i| format!("\"k{i}\": {i},"))
            .collect::<String>()
    );
    expect(&[("data/wide.json", one_line_object.as_bytes())], 0, &[]);
}

#[test]
fn paths_that_leave_the_project_are_not_followed() {
    expect(
        &[(
            "app.json",
            b"{\"pages\": [\"pages/index/index\", \"../../../etc/passwd\", \"pages/../../x\"]}",
        )],
        1,
        &[
            "[\"pages\"][1] should not begin with '.'",
            "[\"pages\"][2] should not contain '../'",
        ],
    );
    let dir = project(&[]);
    std::fs::write(
        dir.path().join("project.config.json"),
        b"{\"miniprogramRoot\": \"../../\"}",
    )
    .unwrap();
    let (code, _) = run(dir.path());
    assert_eq!(
        code, 0,
        "../../ is normalised to the project folder, as the official tool does"
    );
}

#[cfg(unix)]
#[test]
fn special_files_and_links() {
    let dir = project(&[]);
    let fifo = dir.path().join("pages/index/pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    std::os::unix::fs::symlink(
        dir.path().join("pages"),
        dir.path().join("pages/index/loop"),
    )
    .unwrap();
    std::os::unix::fs::symlink("/nonexistent/target", dir.path().join("dangling.json")).unwrap();
    use std::os::unix::ffi::OsStrExt;
    let odd = std::ffi::OsStr::from_bytes(b"bad\xffname.json");
    // Some file systems refuse such names; then there is nothing to check.
    let odd_written = std::fs::write(dir.path().join(odd), b"{}").is_ok();
    let (code, out) = run(dir.path());
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("pages/index/pipe.json:1:1: error[MP002] not a regular file"),
        "{out}"
    );
    assert!(
        out.contains("pages/index/loop:1:1: error[MP002] symlink loop"),
        "{out}"
    );
    assert!(
        out.contains("dangling.json:1:1: error[MP002] cannot read"),
        "{out}"
    );
    if odd_written {
        assert!(
            out.contains("error[MP002] file name is not valid UTF-8"),
            "{out}"
        );
    }
}

#[test]
fn app_json_that_is_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("app.json")).unwrap();
    std::fs::write(dir.path().join("project.config.json"), b"{}").unwrap();
    let (code, out) = run(dir.path());
    assert_eq!(code, 1);
    assert!(out.contains("error[MP100]"), "{out}");
}

#[test]
fn bad_wxs_files() {
    // Binary, non-UTF-8 and empty WXS modules: a diagnostic, no panic. Binary content is
    // not parsed (MP006 says so) rather than reported as WXS syntax.
    expect(
        &[("utils/bin.wxs", &[0x89, b'P', b'N', b'G', 0, 0, 0xff])],
        1,
        &[
            "utils/bin.wxs:1:5: error[MP006] binary content (a NUL byte) in a code file: not analysed",
        ],
    );
    expect(
        &[("utils/latin1.wxs", b"var s = '\xe9';\nlet t = s;")],
        1,
        &["utils/latin1.wxs:2:1: error[MP330] `let` is not supported"],
    );
    expect(&[("utils/empty.wxs", b"")], 0, &[]);
    // An unclosed inline module is a WXML syntax error.
    expect(
        &[(
            "pages/index/index.wxml",
            b"<wxs module=\"m\">var a = () => 1;",
        )],
        1,
        &["error[MP320]"],
    );
}
