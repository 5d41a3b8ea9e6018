//! Output under hostile input: findings past display column 65,535 render in every format
//! (the excerpt is a window of the line), many findings cost linear time, text from project
//! files cannot inject terminal escapes or GitHub workflow commands, `size -o` never writes
//! through a link, and output is the same at any thread count.

mod common;
use common::temp_project as project;
use std::path::Path;
use std::process::{Command, Output};

const FORMATS: [&str; 4] = ["human", "concise", "github", "json"];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let o: Output = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .env_remove("MPCHECK_LANG")
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let code = o.status.code().expect("not killed by a signal");
    let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_ne!(code, 101, "panic: {stderr}");
    Run {
        code,
        stdout: String::from_utf8(o.stdout).expect("output is UTF-8"),
        stderr,
    }
}

/// `mpcheck check -f FORMAT --color never` in the project folder.
fn check(dir: &Path, format: &str) -> Run {
    run_in(dir, &["check", "-f", format, "--color", "never"])
}

/// The JSON report's diagnostics with one code.
fn json_findings(out: &str, code: &str) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(out).expect("valid JSON");
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == code)
        .cloned()
        .collect()
}

/// `mpcheck size` (text and JSON) on a project whose files hold the wide lines: it exits 0
/// and counts every byte.
fn size_counts_everything(dir: &Path) {
    let bytes: u64 = [
        "project.config.json",
        "app.json",
        "pages/index/index.js",
        "pages/index/index.wxml",
    ]
    .iter()
    .map(|f| std::fs::metadata(dir.join(f)).unwrap().len())
    .sum();
    let r = run_in(dir, &["size", "-f", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["total"], bytes);
    assert_eq!(v["packages"][0]["files"], 4);
    let r = run_in(dir, &["size"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Package   Files"), "{}", r.stdout);
    assert!(r.stdout.contains("\n__APP__       4 "), "{}", r.stdout);
}

/// No line an output could put in a CI log may be read as a workflow command, and nothing may
/// reach the terminal raw.
fn assert_inert(out: &str, format: &str) {
    for line in out.lines() {
        if format != "github" {
            assert!(
                !line.trim_start().starts_with("::"),
                "workflow command in {format} output: {line:?}"
            );
        }
    }
    for c in out.chars() {
        assert!(
            c == '\n' || c == '\t' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
            "raw {c:?} in {format} output:\n{out}"
        );
    }
}

/// Each human frame for `code` at `file:line:col`, and the source line it shows there.
fn human_frame<'a>(out: &'a str, code: &str, at: &str) -> &'a str {
    let start = out
        .find(&format!("[{at}]"))
        .unwrap_or_else(|| panic!("no frame at {at} in:\n{}", &out[..out.len().min(4000)]));
    let frame_start = out[..start].rfind(code).expect("frame has its code");
    let end = out[start..].find("docs: mpcheck explain").unwrap() + start;
    &out[frame_start..end]
}

/// A source line as miette prints it: tabs to the next multiple of 4, CJK 2 columns wide.
fn expand(s: &str) -> (String, usize) {
    let (mut out, mut width) = (String::new(), 0);
    for c in s.chars() {
        match c {
            '\t' => {
                let n = 4 - width % 4;
                out.push_str(&" ".repeat(n));
                width += n;
            }
            '中' => {
                out.push(c);
                width += 2;
            }
            c => {
                out.push(c);
                width += 1;
            }
        }
    }
    (out, width)
}

/// A JSON syntax error after a wide prefix, in every format: right line and column, a short
/// window of the line with `…`, the `x` underlined.
fn wide_json_error(app: String, column: usize, shown_before: &str) {
    let dir = project(&[("app.json", app.as_bytes())]);
    size_counts_everything(dir.path());
    let message = "invalid JSON: unexpected character `x`, expected a double-quoted key";
    for format in FORMATS {
        let r = check(dir.path(), format);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        match format {
            "human" => {
                let frame = human_frame(&r.stdout, "MP001", &format!("app.json:1:{column}"));
                assert!(frame.contains(message), "{frame}");
                let lines: Vec<&str> = frame.lines().collect();
                let src = lines.iter().position(|l| l.starts_with(" 1 │ ")).unwrap();
                let (shown, _) = expand(&format!("…{shown_before}x}}"));
                assert_eq!(lines[src], format!(" 1 │ {shown}"));
                // The underline sits under the `x`.
                let (_, x_col) = expand(&format!("…{shown_before}"));
                let x_col = x_col + " 1 │ ".chars().count();
                let under = lines[src + 1];
                assert_eq!(under.chars().position(|c| c == '─'), Some(x_col), "{frame}");
                assert!(frame.len() < 2000, "excerpt not windowed: {} bytes", frame.len());
            }
            "concise" => assert!(
                r.stdout
                    .contains(&format!("app.json:1:{column}: error[MP001] {message}\n")),
                "{}",
                r.stdout
            ),
            "github" => assert!(
                r.stdout.contains(&format!(
                    "::error file=app.json,line=1,endLine=1,col={column},endColumn={},title=mpcheck MP001 (invalid-json)::{message}",
                    column + 1
                )),
                "{}",
                r.stdout
            ),
            _ => {
                let found = json_findings(&r.stdout, "MP001");
                assert_eq!(found.len(), 1);
                assert_eq!(found[0]["message"], message);
                assert_eq!(found[0]["range"]["start"]["column"], column);
                assert_eq!(found[0]["range"]["end"]["column"], column + 1);
            }
        }
    }
}

#[test]
fn json_error_after_65536_spaces() {
    wide_json_error(
        format!("{{{}x}}", " ".repeat(65_536)),
        65_538,
        &" ".repeat(60),
    );
}

#[test]
fn json_error_after_17000_tabs() {
    wide_json_error(
        format!("{{{}x}}", "\t".repeat(17_000)),
        17_002,
        &"\t".repeat(15),
    );
}

#[test]
fn json_error_after_33000_cjk_chars() {
    wide_json_error(
        format!("{{\"a\":\"{}\",x}}", "中".repeat(33_000)),
        33_009,
        &format!("{}\",", "中".repeat(29)),
    );
}

#[test]
fn request_url_at_the_end_of_a_minified_line() {
    let js = format!(
        "{}wx.request({{url:'http://bad.example.com/x'}});Page({{}})\n",
        "var a=1;".repeat(12_500)
    );
    let dir = project(&[("pages/index/index.js", js.as_bytes())]);
    size_counts_everything(dir.path());
    let column = 100_000 + "wx.request({url:".len() + 1; // the string literal
    let message = "http://bad.example.com uses http://, but https:// is required (wx.request)";
    for format in FORMATS {
        let r = check(dir.path(), format);
        assert_eq!(r.code, 1, "{format}: {}", r.stderr);
        match format {
            "human" => {
                let at = format!("pages/index/index.js:1:{column}");
                let frame = human_frame(&r.stdout, "MP301", &at);
                assert!(frame.contains(message), "{frame}");
                let src = frame.lines().find(|l| l.starts_with(" 1 │ ")).unwrap();
                assert!(src.starts_with(" 1 │ …a=1;var a=1;"), "{src}");
                assert!(
                    src.ends_with("wx.request({url:'http://bad.example.com/x'});Page({})"),
                    "{src}"
                );
                assert!(src.chars().count() < 200, "{src}");
            }
            "concise" => assert!(
                r.stdout.contains(&format!(
                    "pages/index/index.js:1:{column}: error[MP301] {message}\n"
                )),
                "{}",
                r.stdout
            ),
            "github" => assert!(
                r.stdout.contains(&format!(
                    "::error file=pages/index/index.js,line=1,endLine=1,col={column},"
                )),
                "{}",
                r.stdout
            ),
            _ => {
                let found = json_findings(&r.stdout, "MP301");
                assert_eq!(found.len(), 1);
                assert_eq!(found[0]["message"], message);
                assert_eq!(found[0]["range"]["start"]["line"], 1);
                assert_eq!(found[0]["range"]["start"]["column"], column);
            }
        }
    }
}

#[test]
fn config_error_past_column_65535_in_every_format_and_in_size() {
    let config = format!("{{{}x}}", " ".repeat(65_536));
    let dir = project(&[("mpcheck.json", config.as_bytes())]);
    let mut runs: Vec<Run> = FORMATS.iter().map(|f| check(dir.path(), f)).collect();
    runs.push(run_in(dir.path(), &["size"]));
    runs.push(run_in(dir.path(), &["size", "-f", "json"]));
    for r in runs {
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert_eq!(r.stdout, "");
        assert!(
            r.stderr
                .contains("invalid config ./mpcheck.json: invalid JSON in config file"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains("╭─[./mpcheck.json:1:65538]"),
            "{}",
            r.stderr
        );
        assert!(
            r.stderr.contains(&format!(" 1 │ …{}x}}\n", " ".repeat(60))),
            "{}",
            r.stderr
        );
        assert!(r.stderr.len() < 1000, "{}", r.stderr.len());
    }
}

#[test]
fn twenty_thousand_findings_on_one_line() {
    // 20,000 handlers that do not exist (MP329) in one 440 KB line: each frame shows a window
    // of the line at the right column; the whole run is linear (20,000 unmatched `</a>` took
    // 20 s and 3 GB in release builds; MP320 now stops at 100 errors per file).
    let wxml = "<view bindtap=\"nope\"/>".repeat(20_000);
    let dir = project(&[("pages/index/index.wxml", wxml.as_bytes())]);
    let r = check(dir.path(), "human");
    assert_eq!(
        r.stdout.matches("MP329(event-handler-not-found)").count(),
        20_000
    );
    for i in [0usize, 1, 9_999, 19_999] {
        let at = format!("pages/index/index.wxml:1:{}", 22 * i + 16);
        let frame = human_frame(&r.stdout, "MP329", &at);
        let src = frame.lines().find(|l| l.starts_with(" 1 │ ")).unwrap();
        assert!(src.chars().count() < 140, "{src}");
        assert_eq!(src.starts_with(" 1 │ …"), i > 2, "{src}");
        assert_eq!(src.ends_with('…'), i < 19_997, "{src}");
    }
    assert!(r.stdout.len() < 20_000 * 1000, "{} bytes", r.stdout.len());

    for format in ["concise", "github", "json"] {
        let r = check(dir.path(), format);
        let n = if format == "json" {
            json_findings(&r.stdout, "MP329").len()
        } else {
            r.stdout.matches("MP329").count()
        };
        assert_eq!(n, 20_000, "{format}");
        if format == "concise" {
            assert!(
                r.stdout
                    .contains("pages/index/index.wxml:1:439994: warning[MP329]")
            );
        }
    }
}

#[test]
fn columns_on_a_long_line_cost_no_rescan() {
    // 50,000 positions near the end of a 1 MB line: counting from the line start each time
    // is 50 GB of scanning; with checkpoints it is instant.
    let line = format!("{}中x", "a".repeat(1 << 20));
    let source = mpcheck::base::source::Source::new(line.into());
    for i in 0..50_000u32 {
        let offset = (1 << 20) - 25_000 + i;
        let p = source.position(offset);
        let at = offset.min((1 << 20) + 4);
        let expected = if at >= (1 << 20) + 3 {
            at - 2 + 1
        } else if at > 1 << 20 {
            (1 << 20) + 1 // inside 中
        } else {
            at + 1
        };
        assert_eq!((p.line, p.column), (1, expected), "offset {offset}");
    }
}

#[test]
fn many_findings_in_a_long_file() {
    let wxml: Vec<String> = (0..20_000)
        .map(|_| "<view wx:for=\"{{l}}\">x</view>".to_string())
        .collect();
    let dir = project(&[("pages/index/index.wxml", wxml.join("\n").as_bytes())]);
    let r = check(dir.path(), "human");
    assert_eq!(r.stdout.matches("MP324(").count(), 20_000);
    let frame = human_frame(&r.stdout, "MP324", "pages/index/index.wxml:20000:7");
    assert!(
        frame.contains("19999 │ <view wx:for=\"{{l}}\">x</view>"),
        "{frame}"
    );
    assert!(
        frame.contains("20000 │ <view wx:for=\"{{l}}\">x</view>"),
        "{frame}"
    );
    let frame = human_frame(&r.stdout, "MP324", "pages/index/index.wxml:1:7");
    assert!(frame.contains(" 1 │ <view"), "{frame}");
    assert!(frame.contains(" 2 │ <view"), "{frame}");
    assert!(!frame.contains(" 3 │"), "{frame}");
}

#[test]
fn newline_in_a_folder_name_is_not_a_workflow_command() {
    let dir = project(&[("x\n::error file=app.json::INJECTED/a.js", b"Page({})")]);
    for format in FORMATS {
        let r = check(dir.path(), format);
        assert_inert(&r.stdout, format);
        match format {
            "human" => assert!(
                r.stdout
                    .contains("╭─[x\\n::error file=app.json::INJECTED/a.js:1:1]"),
                "{}",
                r.stdout
            ),
            "concise" => assert!(
                r.stdout.contains(
                    "x\\n::error file=app.json::INJECTED/a.js:1:1: info[MP410] nothing in the app uses this file"
                ),
                "{}",
                r.stdout
            ),
            "github" => {
                assert!(
                    r.stdout.contains(
                        "::notice file=x%0A%3A%3Aerror file=app.json%3A%3AINJECTED/a.js,line=1,"
                    ),
                    "{}",
                    r.stdout
                );
                // One command per line, each one of ours.
                for line in r.stdout.lines() {
                    assert!(line.starts_with("::"), "{line}");
                    assert!(!line.contains("INJECTED") || line.contains("MP410"), "{line}");
                }
            }
            _ => {
                let found = json_findings(&r.stdout, "MP410");
                assert!(
                    found
                        .iter()
                        .any(|d| d["file"] == "x\n::error file=app.json::INJECTED/a.js"),
                    "{}",
                    r.stdout
                );
            }
        }
    }
}

#[test]
fn legacy_workflow_commands_are_broken_up() {
    // The runner acts on `##[command]` anywhere in a line; `##[stop-commands]` would switch off
    // every later annotation. Outside the github format (whose lines are parsed as `::`
    // commands first) the `[` is escaped, in JSON as \u005b.
    let dir = project(&[("##[stop-commands]tok.js", b"var x = 1;")]);
    for format in FORMATS {
        let r = check(dir.path(), format);
        assert!(r.stdout.contains("MP410"), "{format}");
        if format == "github" {
            assert!(
                r.stdout
                    .contains("::notice file=##[stop-commands]tok.js,line=1,")
            );
            continue;
        }
        assert!(!r.stdout.contains("##["), "{format}:\n{}", r.stdout);
        let expected = match format {
            "json" => "\"file\": \"##\\u005bstop-commands]tok.js\"",
            "human" => "╭─[##\\u{5b}stop-commands]tok.js:1:1]",
            _ => "##\\u{5b}stop-commands]tok.js:1:1: info[MP410]",
        };
        assert!(r.stdout.contains(expected), "{format}:\n{}", r.stdout);
        if format == "json" {
            assert_eq!(
                json_findings(&r.stdout, "MP410")[0]["file"],
                "##[stop-commands]tok.js"
            );
        }
    }
}

#[test]
fn escapes_and_bidi_from_project_files_are_shown_escaped() {
    // A page path with ESC, CSI (C1) and RLO, quoted in MP200's message; a file name with
    // RLO; a raw ESC inside a JSON string (MP005), shown in the excerpt.
    let dir = project(&[
        (
            "app.json",
            b"{\"pages\": [\"pages/index/index\", \"pages/\\u001b[31mred\\u009b2J\\u202eevil\"]}",
        ),
        ("b\u{202e}gpj.js", b"var x = 1;"),
        ("pages/index/esc.json", b"{\"a\": \"\x1b[2J\"}"),
    ]);
    let shown = "pages/\\u{1b}[31mred\\u{9b}2J\\u{202e}evil";
    for format in FORMATS {
        let r = check(dir.path(), format);
        assert_eq!(r.code, 1);
        assert_inert(&r.stdout, format);
        match format {
            "human" => {
                let frame = human_frame(&r.stdout, "MP200", "app.json:1:33");
                assert!(
                    frame.contains(&format!("note: {shown}.wxml: this file does not exist")),
                    "{frame}"
                );
                assert!(
                    r.stdout.contains("╭─[b\\u{202e}gpj.js:1:1]"),
                    "{}",
                    r.stdout
                );
                let frame = human_frame(&r.stdout, "MP005", "pages/index/esc.json:1:8");
                let lines: Vec<&str> = frame.lines().collect();
                let src = lines.iter().position(|l| l.starts_with(" 1 │ ")).unwrap();
                assert_eq!(lines[src], " 1 │ {\"a\": \"\\u{1b}[2J\"}");
                // The escape is underlined whole.
                assert_eq!(lines[src + 1], "   ·        ──────");
            }
            "concise" => {
                assert!(
                    r.stdout.contains(&format!(
                        "app.json:1:33: error[MP200] [\"pages\"][1] could not find the corresponding file: \"{shown}.wxml\""
                    )),
                    "{}",
                    r.stdout
                );
                assert!(r.stdout.contains("b\\u{202e}gpj.js:1:1: info[MP410]"));
                assert!(
                    r.stdout
                        .contains("pages/index/esc.json:1:8: warning[MP005]")
                );
            }
            "github" => {
                assert!(
                    r.stdout.contains(&format!("\"{shown}.wxml\"")),
                    "{}",
                    r.stdout
                );
                assert!(r.stdout.contains("file=b\\u{202e}gpj.js,"), "{}", r.stdout);
            }
            _ => {
                // Lossless: the JSON string decodes to the real text, written with \u escapes.
                assert!(r.stdout.contains("\\u001b[31mred\\u009b2J\\u202eevil"));
                assert!(r.stdout.contains("\"file\": \"b\\u202egpj.js\""));
                let found = json_findings(&r.stdout, "MP200");
                assert!(
                    found[0]["message"]
                        .as_str()
                        .unwrap()
                        .contains("pages/\u{1b}[31mred\u{9b}2J\u{202e}evil.wxml")
                );
            }
        }
    }
}

#[test]
fn normal_text_is_not_escaped() {
    // Tabs, CJK, emoji and line breaks in messages are left alone.
    let dir = project(&[(
        "app.json",
        "{\"pages\": [\"pages/index/index\", \"pages/中文/页面😀\"]}".as_bytes(),
    )]);
    let r = check(dir.path(), "concise");
    assert!(
        r.stdout
            .contains("could not find the corresponding file: \"pages/中文/页面😀.wxml\""),
        "{}",
        r.stdout
    );
    let r = check(dir.path(), "human");
    assert!(
        r.stdout
            .contains(" 1 │ {\"pages\": [\"pages/index/index\", \"pages/中文/页面😀\"]}")
    );
}

#[test]
fn size_text_escapes_names_and_survives_huge_ones() {
    let long = "p".repeat(70_000);
    let app = format!(
        "{{\"pages\": [\"pages/index/index\"], \"subPackages\": [{{\"root\": \"{long}\", \"pages\": [\"a\"]}}, {{\"root\": \"sub\\u001b[2J\", \"pages\": [\"a\"]}}]}}"
    );
    let dir = project(&[("app.json", app.as_bytes())]);
    let r = run_in(dir.path(), &["size"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_inert(&r.stdout, "size");
    assert!(r.stdout.contains("sub\\u{1b}[2J/"), "{}", r.stdout);
    assert!(r.stdout.contains(&format!("{long}/")));
    let r = run_in(dir.path(), &["size", "-f", "json"]);
    assert!(
        r.stdout.contains("\"name\": \"sub\\u001b[2J/\""),
        "{}",
        r.stdout
    );
}

#[cfg(unix)]
#[test]
fn size_output_replaces_a_symlink_instead_of_writing_through_it() {
    let dir = project(&[]);
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let out = dir.path().join("out.json");
    std::os::unix::fs::symlink(&victim, &out).unwrap();
    let r = run_in(dir.path(), &["size", "-f", "json", "-o", "out.json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let meta = std::fs::symlink_metadata(&out).unwrap();
    assert!(meta.file_type().is_file(), "the link was followed");
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.starts_with("{\n  \"packages\": ["), "{written}");
    let v: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(v["packages"][0]["name"], "__APP__");

    // A dangling link, a link to a folder and an existing file are replaced too; no temporary
    // file is left behind.
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere/x"), &dangling).unwrap();
    let to_dir = dir.path().join("to_dir.txt");
    std::os::unix::fs::symlink(dir.path().join("pages"), &to_dir).unwrap();
    for name in ["dangling.txt", "to_dir.txt", "out.json"] {
        let r = run_in(dir.path(), &["size", "-o", name]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with("Package"), "{name}: {text}");
    }
    assert!(!dir.path().join("nowhere").exists());
    assert_eq!(
        std::fs::read_dir(dir.path().join("pages")).unwrap().count(),
        1
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mpcheck-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Devices are written to, not replaced: /dev/null itself and a link to it.
    let to_null = dir.path().join("null.txt");
    std::os::unix::fs::symlink("/dev/null", &to_null).unwrap();
    for path in ["/dev/null", "null.txt"] {
        let r = run_in(dir.path(), &["size", "-o", path]);
        assert_eq!(r.code, 0, "{path}: {}", r.stderr);
    }
    assert!(
        std::fs::symlink_metadata(&to_null)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_link(&to_null).unwrap(),
        Path::new("/dev/null")
    );
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());

    // stdout redirected to a file, written through its /proc link (the case of
    // `-o /dev/stdout > report.txt`; /proc is used here so that a regression cannot replace
    // the machine's /dev/stdout).
    let report = dir.path().join("report.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(["size", "-f", "json", "-o", "/proc/self/fd/1"])
        .current_dir(dir.path())
        .stdout(std::fs::File::create(&report).unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.starts_with("{\n  \"packages\": ["), "{text}");

    // A folder at the path is an error (exit 2), not a write into it.
    let r = run_in(dir.path(), &["size", "-o", "pages"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot write pages: is a folder"),
        "{}",
        r.stderr
    );
}

#[test]
fn output_is_identical_at_any_thread_count() {
    let wxml = format!(
        "{}\n{}",
        "</a>".repeat(2_000),
        "<view wx:for=\"{{l}}\"/>\n".repeat(500)
    );
    let dir = project(&[
        ("pages/index/index.wxml", wxml.as_bytes()),
        ("x\u{1b}y/a.js", b"Page({})"),
    ]);
    for format in FORMATS {
        let one = run_in(dir.path(), &["check", "-f", format, "--threads", "1"]);
        let four = run_in(dir.path(), &["check", "-f", format, "--threads", "4"]);
        assert!(one.stdout.contains("MP320"), "{format}");
        assert!(
            one.stdout == four.stdout,
            "{format} differs at 1 and 4 threads"
        );
    }
}
