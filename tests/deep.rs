//! Hostile input (issue 11): code nested thousands of levels deep, huge chains, absurd
//! packOptions patterns and quadratic-looking inputs. Each case runs the binary and checks the
//! finding it must give: no crash (a stack overflow aborts with no output at all), no hang,
//! and the same output at any thread count.

mod common;
use common::temp_project as project;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// A project config with one packOptions rule.
fn pack_config(kind: &str, value: &str) -> Vec<u8> {
    serde_json::json!({
        "appid": "wx0000000000000000",
        "packOptions": {"ignore": [{"type": kind, "value": value}]}
    })
    .to_string()
    .into_bytes()
}

fn mpcheck(dir: &Path, args: &[&str]) -> Output {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .args(args)
        .current_dir(dir)
        .env("LANG", "C")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            r.read_to_end(&mut buf).unwrap();
            buf
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    // A watchdog against hangs (not a speed test: the benchmark measures speed).
    let deadline = Instant::now() + Duration::from_secs(300);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("mpcheck {args:?} did not finish in 300 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let o = Output {
        status,
        stdout: stdout.join().unwrap(),
        stderr: stderr.join().unwrap(),
    };
    let code = o.status.code().unwrap_or_else(|| {
        panic!(
            "killed by a signal (stack overflow?): {}",
            String::from_utf8_lossy(&o.stderr)
        )
    });
    assert_ne!(code, 101, "panic: {}", String::from_utf8_lossy(&o.stderr));
    o
}

/// `check -f concise`: exit code and stdout.
fn check(dir: &Path, extra: &[&str]) -> (i32, String) {
    let mut args = vec!["check", "-f", "concise"];
    args.extend(extra);
    let o = mpcheck(dir, &args);
    (
        o.status.code().unwrap(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

fn expect(files: &[(&str, &[u8])], exit: i32, needles: &[&str]) -> String {
    let dir = project(files);
    let (code, out) = check(dir.path(), &[]);
    for n in needles {
        assert!(out.contains(n), "missing `{n}` in:\n{out}");
    }
    assert_eq!(code, exit, "{out}");
    // `size` reads and parses the same files.
    let size = mpcheck(dir.path(), &["size", "--format", "json"]);
    // 1 when a package is over its limit (a huge generated file).
    assert!(matches!(size.status.code(), Some(0 | 1)), "{size:?}");
    let v: serde_json::Value = serde_json::from_slice(&size.stdout).expect("size prints JSON");
    let over = v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["bytes"].as_u64() > p["limit"].as_u64());
    assert_eq!(size.status.code(), Some(i32::from(over)));
    out
}

/// `prefix` then `open` n times, `inner`, `close` n times.
fn nested(prefix: &str, open: &str, inner: &str, close: &str, n: usize) -> Vec<u8> {
    format!("{prefix}{}{inner}{}", open.repeat(n), close.repeat(n)).into_bytes()
}

const TOO_DEEP: &str = "error[MP006] nested more than 500 levels deep: too deep to analyse";

#[test]
fn deeply_nested_js_is_reported_not_a_crash() {
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("parens", nested("var x = ", "(", "1", ")", 1300), "1:508:"),
        ("brackets", nested("", "[", "1", "]", 1300), "1:501:"),
        (
            "objects",
            nested("var x = ", "{a:", "1", "}", 1300),
            "1:1506:",
        ),
        (
            "functions",
            nested("", "x(function(){", "", "})", 1300),
            "1:",
        ),
        ("calls", nested("", "f(", "1", ")", 1300), "1:1002:"),
        ("templates", nested("x = ", "`${", "1", "}`", 1100), "1:"),
        ("blocks", nested("", "{", "", "}", 3840), "1:501:"),
        (
            "ternaries",
            format!("var x = {}1;", "a?b:".repeat(20_000)).into_bytes(),
            "1:",
        ),
        (
            "else-if",
            format!("if(a)b();{}", "else if(a)b();".repeat(20_000)).into_bytes(),
            "1:",
        ),
        (
            "unary",
            format!("var x = {}1;", "!".repeat(100_000)).into_bytes(),
            "1:508:",
        ),
        (
            "assignments",
            format!("a{};", "=a".repeat(20_000)).into_bytes(),
            "1:",
        ),
        (
            "arrows",
            format!("var f = {}1;", "a=>".repeat(20_000)).into_bytes(),
            "1:",
        ),
    ];
    for (what, code, at) in cases {
        let needle = format!("pages/index/index.js:{at}");
        let out = expect(&[("pages/index/index.js", &code)], 1, &[TOO_DEEP, &needle]);
        assert_eq!(out.matches("MP006").count(), 1, "{what}: {out}");
    }
}

#[test]
fn long_chains_are_analysed_or_reported() {
    // A 6,600-term `+` chain is not deep: its URL is evaluated.
    let url = format!(
        "wx.request({{url: 'http://' + {} + '.example.com/x'}})",
        vec!["'a'"; 6600].join("+")
    );
    let out = expect(
        &[("pages/index/index.js", url.as_bytes())],
        1,
        &["index.js:1:18: error[MP301] http://aaaaaaaaaa"],
    );
    assert!(!out.contains("MP006"), "{out}");
    // A 6,600-step member chain is deeper than the walk goes.
    let chain = format!("var x = a{};", ".b".repeat(6600));
    expect(
        &[("pages/index/index.js", chain.as_bytes())],
        1,
        &["index.js:1:9: error[MP006] nested more than 1000 levels deep: too deep to analyse"],
    );
}

#[test]
fn deep_wxs_and_wxml_are_reported() {
    expect(
        &[("utils/a.wxs", &nested("var x = ", "(", "1", ")", 1300))],
        1,
        &["utils/a.wxs:1:508: error[MP006] nested more than 500 levels deep"],
    );
    expect(
        &[("utils/a.wxs", &nested("var x = ", "`${", "1", "}`", 1100))],
        1,
        &["utils/a.wxs:1:", TOO_DEEP],
    );
    // Inline <wxs>: the span is in the WXML file.
    let inline = [
        b"<wxs module=\"m\">\n".as_slice(),
        &nested("var x = ", "[", "1", "]", 1300),
        b"</wxs><view/>",
    ]
    .concat();
    expect(
        &[("pages/index/index.wxml", &inline)],
        1,
        &["pages/index/index.wxml:2:", TOO_DEEP],
    );
    let expr = [
        b"<view>{{".as_slice(),
        &nested("", "(", "1", ")", 1300),
        b"}}</view>",
    ]
    .concat();
    expect(
        &[("pages/index/index.wxml", &expr)],
        1,
        &["pages/index/index.wxml:1:509: ", TOO_DEEP],
    );
    let tmpl = [
        b"<view>{{".as_slice(),
        &nested("", "`${", "1", "}`", 1100),
        b"}}</view>",
    ]
    .concat();
    expect(&[("pages/index/index.wxml", &tmpl)], 1, &[TOO_DEEP]);
}

#[test]
fn deep_wxml_elements_are_flattened_and_reported() {
    let views = "<view>".repeat(100_000);
    let out = expect(
        &[("pages/index/index.wxml", views.as_bytes())],
        1,
        &["index.wxml:1:1537: error[MP006] nested more than 256 levels deep: too deep to analyse"],
    );
    assert_eq!(out.matches("MP006").count(), 1);
    // Closed properly, the deep elements' end tags are not "unmatched".
    let closed = format!("{}{}", "<view>".repeat(1000), "</view>".repeat(1000));
    let out = expect(
        &[("pages/index/index.wxml", closed.as_bytes())],
        1,
        &["error[MP006] nested more than 256 levels deep"],
    );
    assert!(!out.contains("MP320"), "{out}");
}

#[test]
fn deep_json_is_bounded() {
    let deep = "[".repeat(100_000);
    expect(
        &[("pages/index/index.json", deep.as_bytes())],
        1,
        &[
            "index.json:1:513: error[MP001] invalid JSON: JSON nested too deeply (more than 512 levels)",
        ],
    );
    // project.config.json is read first, on the main thread.
    let config = format!("{{\"appid\": {}", "{\"a\":".repeat(100_000));
    expect(
        &[("project.config.json", config.as_bytes())],
        1,
        &[
            "project.config.json:1:",
            "JSON nested too deeply (more than 512 levels)",
        ],
    );
}

#[test]
fn binary_and_broken_code_files_are_reported() {
    expect(
        &[("utils/logo.js", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")],
        1,
        &[
            "utils/logo.js:3:1: error[MP006] binary content (a NUL byte) in a code file: not analysed",
        ],
    );
    expect(
        &[("pages/index/index.wxml", b"<view>\0</view>")],
        1,
        &["index.wxml:1:7: error[MP006] binary content (a NUL byte)"],
    );
    expect(
        &[("utils/a.wxs", b"var a = 1;\0")],
        1,
        &["utils/a.wxs:1:11: error[MP006] binary content"],
    );
    // A syntax error is reported, and what the parser recovered is still checked.
    expect(
        &[(
            "pages/index/index.js",
            b"wx.request({url: 'http://api.example.com/x'});\nfunction(){}\n",
        )],
        1,
        &[
            "index.js:2:9: error[MP006] syntax error: Expected function name",
            "index.js:1:18: error[MP301] http://api.example.com uses http://",
        ],
    );
}

#[test]
fn pack_option_patterns_have_budgets() {
    let glob = "{".repeat(10_000);
    let budget = "[\"packOptions\"][\"ignore\"][0][\"value\"] is a glob beyond mpcheck's budget (64 levels of `{`, 1048576 bytes of patterns after brace expansion, 4096 bytes between two `/`); it matches nothing in the upload set";
    expect(
        &[("project.config.json", &pack_config("glob", &glob))],
        1,
        &[budget],
    );
    // A 262 KB segment (`[^[^[^…`, from the fuzzer) is not compiled: it took 4 s.
    let long = format!("pa{}", "[^".repeat(100_000));
    expect(
        &[("project.config.json", &pack_config("glob", &long))],
        1,
        &[budget],
    );
    // A dozen {a,b} and a long tail: 4,096 long patterns (6 GB before the byte budget).
    let tail = format!("{}{}", "{a,b}".repeat(12), "x".repeat(100_000));
    expect(
        &[("project.config.json", &pack_config("glob", &tail))],
        1,
        &[budget],
    );
    // Within budget, braces still expand.
    expect(
        &[(
            "project.config.json",
            &pack_config("glob", "{docs,mock}/**"),
        )],
        0,
        &[],
    );
    expect(
        &[(
            "project.config.json",
            &pack_config("regexp", "(a)\\99999999999"),
        )],
        1,
        &[
            "error[MP133] [\"packOptions\"][\"ignore\"][0][\"value\"] is a regular expression beyond mpcheck's compile budget (it refers to group 99999999999; mpcheck takes group numbers up to 999); it matches nothing in the upload set",
        ],
    );
    // JavaScript reads `\g` as `g`: `\g99999999999` is a plain pattern (fancy-regex's group
    // reference asked for 125 TB), and `\g<-1>` no subroutine call (inlined exponentially).
    expect(
        &[(
            "project.config.json",
            &pack_config(
                "regexp",
                "\\g99999999999|^(a|b\\g<-1>\\g<-1>\\g<-1>\\g<-1>\\g<-1>)/",
            ),
        )],
        0,
        &[],
    );
    expect(
        &[(
            "project.config.json",
            &pack_config("regexp", "a\\g{99999999999}"),
        )],
        1,
        &[
            "is a regular expression beyond mpcheck's compile budget (it repeats 99999999999 times; mpcheck takes repetition counts up to 65535)",
        ],
    );
    expect(
        &[(
            "project.config.json",
            &pack_config("regexp", "(?<n>a)\\k<123456789012>"),
        )],
        1,
        &["it refers to group 123456789012"],
    );
    expect(
        &[("project.config.json", &pack_config("regexp", "(a"))],
        1,
        &["is not a valid regular expression"],
    );
}

#[test]
fn a_runaway_regexp_matches_nothing_everywhere() {
    let long = format!("assets/{}b/x.png", "a".repeat(28));
    let files: Vec<(&str, &[u8])> = vec![
        ("project.config.json", b""),
        ("assets/aac.png", b"x"),
        (long.as_str(), b"x"),
    ];
    let size_files = |config: Vec<u8>| {
        let mut f = files.clone();
        f[0].1 = &config;
        let dir = project(&f);
        let o = mpcheck(dir.path(), &["size", "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let (code, out) = check(dir.path(), &[]);
        (v["packages"][0]["files"].as_u64().unwrap(), code, out)
    };
    // `(a|a)+c` leaves aac.png out of the upload.
    let (uploaded, _, out) = size_files(pack_config("regexp", "(a|a)+c"));
    assert!(!out.contains("MP133"), "{out}");
    // `(a|a)+(?!b)c` would too, but backtracks past the budget on the long name: it
    // matches nothing, so aac.png is uploaded, and MP133 names the path.
    let (runaway, code, out) = size_files(pack_config("regexp", "(a|a)+(?!b)c"));
    assert_eq!(runaway, uploaded + 1);
    assert_eq!(code, 1);
    assert!(
        out.contains(&format!(
            "is a regular expression that takes more than 100000 backtracking steps on \"{long}\""
        )),
        "{out}"
    );
}

#[test]
fn many_unmatched_tags_and_big_inputs_stay_linear() {
    // 50,000 end tags with no start tag, then 50,000 start tags (each beyond the depth limit
    // used to scan every error so far).
    let tags = format!("{}{}", "</a>\n".repeat(50_000), "<view>".repeat(50_000));
    expect(
        &[("pages/index/index.wxml", tags.as_bytes())],
        1,
        &[
            "index.wxml:1:1: error[MP320] end tag `</a>` has no matching start tag",
            "error[MP006] nested more than 256 levels deep",
            // wcc stops at the first error; 50,256 findings (each rendered with its line in
            // human output) are cut to the first 100.
            "index.wxml:100:1: error[MP320] 50156 more syntax errors after this one are not listed (only the first 100 of a file are)",
        ],
    );
    // An element with 50,000 attributes: the duplicate check compared each with all before it.
    let attrs: Vec<String> = (0..50_000).map(|i| format!("a{i}=\"1\"")).collect();
    let view = format!("<view {} a7=\"2\"/>", attrs.join(" "));
    expect(
        &[("pages/index/index.wxml", view.as_bytes())],
        0,
        &["index.wxml:1:", "warning[MP321] `a7` is repeated on <view>"],
    );
    // WXS with 50,000 statements: the checker's lookups were linear scans per node.
    let wxs = format!("var a = 1;\n{}", "a = a + 1 + a * 2;\n".repeat(50_000));
    let out = expect(&[("utils/a.wxs", wxs.as_bytes())], 0, &[]);
    assert!(!out.contains("MP330"), "{out}");
    // 50,000 `let`s: the first 100 findings, then the count of the rest.
    let lets = "let a = 1;\n".repeat(50_000);
    let out = expect(
        &[("utils/a.wxs", lets.as_bytes())],
        1,
        &[
            "utils/a.wxs:100:1: error[MP330] 49900 more WXS errors after this one are not listed (only the first 100 of a module are)",
        ],
    );
    assert_eq!(out.matches("MP330").count(), 101);
}

#[test]
fn threads_are_capped_and_output_is_the_same_at_any_count() {
    let files: Vec<(&str, Vec<u8>)> = vec![
        (
            "pages/index/index.js",
            nested("var x = ", "(", "1", ")", 1300),
        ),
        (
            "utils/a.js",
            b"wx.request({url: 'http://a.example.com'})".to_vec(),
        ),
        ("utils/b.wxs", nested("var y = ", "[", "1", "]", 600)),
        ("pages/index/index.wxml", "<view>".repeat(300).into_bytes()),
    ];
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (*p, b.as_slice())).collect();
    let dir = project(&refs);
    let (_, one) = check(dir.path(), &["--threads", "1"]);
    let (_, four) = check(dir.path(), &["--threads", "4"]);
    assert_eq!(one, four);
    assert_eq!(one.matches("MP006").count(), 3, "{one}");
    let o = mpcheck(
        dir.path(),
        &["check", "-f", "concise", "--threads", "100000"],
    );
    assert_eq!(String::from_utf8_lossy(&o.stdout), one);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("mpcheck: --threads 100000 is more than 256; using 256"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

#[test]
fn import_cycles_end() {
    // `x` is re-exported around a cycle: following it used to recurse until the stack ran out.
    expect(
        &[
            (
                "utils/a.js",
                b"import {x} from './b'\nexport {x}\nwx.request({url: 'http://h.example.com/' + x})\n",
            ),
            ("utils/b.js", b"import {x} from './a'\nexport {x}\n"),
        ],
        1,
        &["utils/a.js:3:18: error[MP301] http://h.example.com uses http://, but https:// is required (wx.request)"],
    );
}

#[test]
fn templates_that_import_themselves_stay_linear() {
    // Imports were followed depth first without remembering the files seen: 300 self-imports
    // were 300^4 walks (a hang).
    let page = "<import src=\"./index.wxml\"/>".repeat(300);
    expect(
        &[
            ("pages/index/index.wxml", page.as_bytes()),
            (
                "pages/index/index.json",
                b"{\"usingComponents\": {\"c\": \"./c\"}}",
            ),
        ],
        1,
        &[
            "pages/index/index.json:1:22: warning[MP325] component \"c\" is declared but never used in pages/index/index.wxml",
        ],
    );
    // 20,000 templates defined and 20,000 unknown ones used, with the defining file imported
    // 20,000 times: one read of the import, and no "did you mean" among 20,000 names.
    let defs: String = (0..20_000)
        .map(|i| format!("<template name=\"t{i}\"><view/></template>"))
        .collect();
    let uses: String = (0..20_000)
        .map(|i| format!("<import src=\"./defs.wxml\"/><template is=\"u{i}\"/>\n"))
        .collect();
    expect(
        &[
            ("pages/index/defs.wxml", defs.as_bytes()),
            ("pages/index/index.wxml", uses.as_bytes()),
        ],
        0,
        &["index.wxml:1:42: warning[MP326] template \"u0\" is not defined or imported"],
    );
}

/// Variables built from each other are shared, not copied: 40 doublings (2^40 parts if each
/// copied the last, which ran out of memory) and 40,000 `+=` appends stay small.
#[test]
fn variables_built_from_variables_stay_small() {
    let doubling = format!(
        "function f() {{ var a0 = 'https://a.example.com/'; {} wx.request({{ url: a39 }}) }}",
        (1..40)
            .map(|i| format!("var a{i} = a{} + a{};", i - 1, i - 1))
            .collect::<String>()
    );
    expect(&[("pages/index/index.js", doubling.as_bytes())], 0, &[]);
    let appends = format!(
        "function g() {{ var u = 'http://b.example.com/'; {} wx.request({{ url: u }}) }}\n\
         function h() {{ var v = 'http://c.example.com/'; {} wx.request({{ url: v }}) }}",
        (0..40_000)
            .map(|i| format!("u += 'x{i}';"))
            .collect::<String>(),
        (0..40_000)
            .map(|i| format!("v = v + 'y{i}';"))
            .collect::<String>()
    );
    expect(
        &[("pages/index/index.js", appends.as_bytes())],
        1,
        &[
            "index.js:1:24: error[MP301] http://b.example.com uses http://",
            "index.js:2:24: error[MP301] http://c.example.com uses http://",
        ],
    );
}

/// A variable assigned under an absolute-URL test again and again (100,000 times) keeps a
/// small value: the value nested once per assignment overflowed the stack when cloned.
#[test]
fn repeated_guarded_assignments_stay_small() {
    let code = format!(
        "function f(u) {{ var x = 'https://a.example.com' + u; {} wx.request({{ url: x }}) }}",
        " if (u.indexOf('http') === 0) { x = u }".repeat(100_000)
    );
    // The 3.7 MB file is over the upload limit (MP400): the run itself must end normally.
    expect(
        &[("pages/index/index.js", code.as_bytes())],
        1,
        &["error[MP400]"],
    );
}

/// A long `+` chain used many times (100,000 parts, then 4,000 references to it, at 2,000
/// call sites): each use does not walk the whole chain again (it took over 20 s).
#[test]
fn long_chains_used_many_times_stay_fast() {
    let code = format!(
        "const p = 'http://api.example.com/'{};\nconst q = p{};\n{}",
        " + ''".repeat(100_000),
        " + p".repeat(4_000),
        "wx.request({url: q})\n".repeat(2_000)
    );
    expect(
        &[("pages/index/index.js", code.as_bytes())],
        1,
        &["index.js:1:11: error[MP301] http://api.example.com uses http://"],
    );
}
