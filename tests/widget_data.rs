//! Template data (MP550–MP560): single-field mutations of a valid setdynamicdata body, a valid
//! widget_data reply and valid 购物单 / 功能直达 bodies, each reported by one rule with one
//! message; and bad input (not JSON, a `data` string that is not JSON, a 50 MB file, a glob out
//! of the project, standard input over the cap) gives findings, never a panic.

mod common;

use mpcheck::lint::rules::widget::data::{Input, Pages, validate};
use std::path::Path;
use std::process::Command;

/// The rule fixture case with the valid bodies (in its widget-data/).
const CASE: &str = "MP550/pass-valid-bodies";

fn body(name: &str) -> String {
    let bytes = common::cases::find(CASE).file(&format!("widget-data/{name}"));
    String::from_utf8(bytes).unwrap()
}

fn pages() -> Pages {
    Some(
        [
            "pages/index/index",
            "pages/send/send",
            "pkg/pages/detail/detail",
        ]
        .into_iter()
        .map(String::from)
        .collect(),
    )
}

/// (code, message) of every finding for one body.
fn findings(name: &str, text: &str) -> Vec<(String, String)> {
    let input = Input {
        file: name.into(),
        text,
        size: text.len(),
    };
    validate(&[input], None, &pages())
        .into_iter()
        .map(|d| (d.rule.code.to_string(), d.message.en().to_string()))
        .collect()
}

/// (body, text replaced, replacement, rule, message).
const MUTATIONS: &[(&str, &str, &str, &str, &str)] = &[
    (
        "import.json",
        r#""lifespan": 86400"#,
        r#""lifespan": -1"#,
        "MP555",
        r#""lifespan" is -1; it must be an integer from 0 to 4294967295 (uint32)"#,
    ),
    (
        "import.json",
        r#""lifespan": 86400"#,
        r#""lifespan": "86400""#,
        "MP554",
        r#""lifespan" must be a number, not string"#,
    ),
    (
        "import.json",
        "\"lifespan\": 86400,",
        "",
        "MP553",
        r#""lifespan" is missing; it is required"#,
    ),
    (
        "import.json",
        r#"{\"type\":1}"#,
        r#"{\"type\":\"1\"}"#,
        "MP554",
        r#""query.type" must be a number, not string"#,
    ),
    (
        "import.json",
        r#""{\"type\":1}""#,
        r#""type=1""#,
        "MP550",
        "\"query\" must be a string holding JSON, and it is not: unexpected character `t`, expected a value",
    ),
    (
        "import.json",
        r#""scene": 1"#,
        r#""scene": 2"#,
        "MP555",
        r#""scene" is 2; it must be one of 1 (search data)"#,
    ),
    (
        "import.json",
        r#"\"count\":1"#,
        r#"\"count\":2"#,
        "MP555",
        r#""data.attribute.count" is 2, but data.items has 1 entry: count is the number of items in this POST"#,
    ),
    (
        "import.json",
        r#"\"seq\":0"#,
        r#"\"seq\":1"#,
        "MP558",
        "attribute.seq is 1, but the batch has 1 body: seq runs 0 to 0",
    ),
    (
        "import.json",
        r#"\"totalcount\":1"#,
        r#"\"totalcount\":5"#,
        "MP558",
        "attribute.totalcount is 5, but the counts of the batch's 1 body sum to 1",
    ),
    (
        "import.json",
        r#"\"items\":"#,
        r#"\"itemz\":"#,
        "MP553",
        r#""data.items" is missing; it is required"#,
    ),
    (
        "import.json",
        r#"\"totalcount\":1}"#,
        r#"\"totalcount\":1,}"#,
        "MP550",
        "\"data\" must be a string holding JSON, and it is not: trailing comma is not allowed in JSON",
    ),
    (
        "reply.json",
        r#""MsgType": "widget_data""#,
        r#""MsgType": "text""#,
        "MP555",
        r#""MsgType" is "text"; a reply to an intent push has "widget_data""#,
    ),
    (
        "reply.json",
        r#"err_code\\\":0"#,
        r#"err_code\\\":7"#,
        "MP555",
        r#""Content.data.err_code" is 7; it must be one of 0 OK, -1 无结果, -2 参数不对, -3 系统错误"#,
    ),
    (
        "reply.json",
        r#",\\\"err_msg\\\":\\\"ok\\\""#,
        "",
        "MP553",
        r#""Content.data.err_msg" is missing; it is required"#,
    ),
    (
        "reply.json",
        r#"\"scene\":1"#,
        r#"\"scene\":3"#,
        "MP555",
        r#""Content.scene" is 3; it must be one of 1 (search data)"#,
    ),
    (
        "reply.json",
        r#""Content": "{"#,
        r#""Content": "{{"#,
        "MP550",
        "\"Content\" must be a string holding JSON, and it is not: unexpected character `{`, expected a double-quoted key",
    ),
    (
        "shopping.json",
        r#""status": 1"#,
        r#""status": 3"#,
        "MP555",
        r#""sku_product_list[0].sku_info.status" is 3; it must be one of 1 在售, 2 停售"#,
    ),
    (
        "shopping.json",
        "/pkg/pages/detail/detail?item=A100",
        "/pages/none/none",
        "MP559",
        r#""sku_product_list[0].src_wxapp_path" is "/pages/none/none", which is not a page of the project (app.json pages and subpackage pages)"#,
    ),
    (
        "shopping.json",
        r#""price": 9900"#,
        r#""price": "9900""#,
        "MP554",
        r#""sku_product_list[0].sku_info.price" must be a number, not string"#,
    ),
    (
        "shopping.json",
        r#""user_open_id": "oUser000","#,
        "",
        "MP553",
        r#""user_open_id" is missing; it is required (9009098 请求参数错误 otherwise)"#,
    ),
    (
        "funcwidget.json",
        "pages/index/index?from=widget",
        "pages/send/send?tab=2",
        "MP560",
        r#"grid 1 jumps to "pages/send/send?tab=2", the page grid 0 jumps to; grids may not share a path (9008994 跳转路径有误)"#,
    ),
    (
        "funcwidget.json",
        r#"[{"id1": 1, "id2": 2, "id3": 0}]"#,
        "[]",
        "MP556",
        r#""categorylist" has 0 entries; it takes 1 to 3 categories (9008999 类目个数 <1 或 >3)"#,
    ),
    (
        "funcwidget.json",
        r#""keyword": "查快递""#,
        r#""keyword": 1"#,
        "MP554",
        r#""keyword" must be a string, not number"#,
    ),
    (
        "funcwidget.json",
        r#", "desc": "上门取件""#,
        "",
        "MP553",
        r#""material.items[0].desc" is missing; it is required (9009098 请求参数错误 otherwise)"#,
    ),
    (
        "funcwidget.json",
        r#""iconType": 0"#,
        r#""iconType": 2"#,
        "MP555",
        r#""material.iconType" is 2; it must be one of 0 default, 1 custom"#,
    ),
    (
        "order.json",
        r#""status": 3"#,
        r#""status": 6"#,
        "MP555",
        r#""order_list[0].status" is 6; it must be one of 3 支付完成, 4 已发货, 5 已退款, 100 已完成"#,
    ),
    (
        "order.json",
        "/pages/index/index?order=O1",
        "/pages/order/order",
        "MP559",
        r#""order_list[0].ext_info.order_detail_page.path" is "/pages/order/order", which is not a page of the project (app.json pages and subpackage pages)"#,
    ),
    (
        "order.json",
        r#""payment_method": 1"#,
        r#""payment_method": 3"#,
        "MP555",
        r#""order_list[0].ext_info.payment_method" is 3; it must be one of 0 (unset), 1 WeChat Pay, 2 other"#,
    ),
    (
        "order.json",
        r#""fee": 9900"#,
        r#""fee": 99.5"#,
        "MP555",
        r#""order_list[0].fee" is 99.5; it must be a whole number of fen (分), 0 or more"#,
    ),
];

#[test]
fn valid_bodies_pass() {
    for name in [
        "import.json",
        "reply.json",
        "shopping.json",
        "funcwidget.json",
        "order.json",
    ] {
        assert_eq!(findings(name, &body(name)), vec![], "{name}");
    }
}

#[test]
fn each_mutation_is_reported_by_one_rule() {
    let mut failures = Vec::new();
    for (name, from, to, code, message) in MUTATIONS {
        let base = body(name);
        assert_eq!(base.matches(from).count(), 1, "{name}: {from} occurs once");
        let got = findings(name, &base.replacen(from, to, 1));
        let want = vec![(code.to_string(), message.to_string())];
        if got != want {
            failures.push(format!(
                "{name}: {from} → {to}\n  want {want:?}\n  got  {got:?}"
            ));
        }
        // The table in the final note: mutation | rule | message.
        println!("| `{name}`: `{from}` → `{to}` | {code} | {message} |");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_finding_inside_an_escaped_string_points_into_the_file() {
    // The error is after `\u817e` escapes and `\"`: its column is in the file as written.
    let text = body("import.json").replacen(r#"\"seq\":0"#, r#"\"seq\":x"#, 1);
    let input = Input {
        file: "import.json".into(),
        text: &text,
        size: text.len(),
    };
    let d = validate(&[input], None, &pages());
    assert_eq!(d.len(), 1);
    let span = d[0].span.unwrap();
    assert_eq!(&text[span.range()], "x");
    // Two strings deep: Content → data.
    let text = body("reply.json").replacen(r#"err_code\\\":0"#, r#"err_code\\\":7"#, 1);
    let input = Input {
        file: "reply.json".into(),
        text: &text,
        size: text.len(),
    };
    let d = validate(&[input], None, &pages());
    assert_eq!(&text[d[0].span.unwrap().range()], "7");
}

#[test]
fn a_six_kb_import_body_is_an_error() {
    let padding = format!("\\\"note\\\":\\\"{}\\\",", "x".repeat(6 * 1024));
    let text = body("import.json").replacen(
        r#"\"stock_code\""#,
        &format!("{padding}\\\"stock_code\\\""),
        1,
    );
    let got = findings("import.json", &text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "MP557");
    assert!(got[0].1.starts_with("the body is 6"), "{}", got[0].1);
}

#[test]
fn eleven_products_are_too_many() {
    let base = body("shopping.json");
    let start = base.find("    {").unwrap();
    let end = base.rfind("    }").unwrap() + 5;
    let item = &base[start..end];
    let items = [item; 11].join(",\n");
    let text = format!("{}{}{}", &base[..start], items, &base[end..]);
    assert_eq!(
        findings("shopping.json", &text),
        vec![(
            "MP556".to_string(),
            r#""sku_product_list" has 11 entries; at most 10 per request (9009202 商品数量超过限制)"#.to_string()
        )]
    );
}

fn mpcheck(args: &[&str], dir: &Path, stdin: Option<Vec<u8>>) -> (i32, String) {
    use std::io::Write;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_mpcheck"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("MPCHECK_LANG")
        .env("LANG", "C")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut input = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            let _ = input.write_all(&bytes);
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn widget_data_command_reads_files_and_stdin() {
    let case = common::rule_case(CASE);
    let dir = case.dir.clone();
    let (code, out) = mpcheck(
        &[
            "widget-data",
            "-f",
            "concise",
            "widget-data/import.json",
            "widget-data/reply.json",
            "widget-data/order.json",
        ],
        &dir,
        None,
    );
    assert_eq!(
        (code, out.trim()),
        (0, "Found 0 errors, 0 warnings in 0 files")
    );
    // A body on standard input, its kind given: a page the project does not declare.
    let text = body("funcwidget.json").replace("/pages/send/send", "/pages/post/post");
    let (code, out) = mpcheck(
        &["widget-data", "-f", "concise", "--kind", "func-widget", "-"],
        &dir,
        Some(text.into_bytes()),
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("<stdin>:8:50: error[MP559]"), "{out}");
    // --project from elsewhere; JSON output.
    let file = dir.join("widget-data/reply.json");
    let (code, out) = mpcheck(
        &[
            "widget-data",
            "-f",
            "json",
            "--project",
            dir.to_str().unwrap(),
            file.to_str().unwrap(),
        ],
        Path::new("/"),
        None,
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("\"diagnostics\": []") || out.contains("\"diagnostics\":[]"),
        "{out}"
    );
}

#[test]
fn bad_input_gives_findings_not_panics() {
    let project = common::temp_project(&[
        (
            "mpcheck.json",
            br#"{"widget": {"data": ["data/*.json", "../elsewhere/*.json"]}}"#,
        ),
        ("data/not-json.json", b"lifespan=86400"),
        (
            "data/bad-data.json",
            br#"{"lifespan": 86400, "query": "{\"type\":1}", "scene": 1, "data": "{items:[]}"}"#,
        ),
    ]);
    let dir = project.path();
    let big = std::fs::File::create(dir.join("data/huge.json")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    let (code, out) = mpcheck(&["check", "-f", "concise"], dir, None);
    assert_eq!(code, 1, "{out}");
    for want in [
        "data/not-json.json:1:1: error[MP550] the body is not JSON",
        "data/bad-data.json:1:68: error[MP550] \"data\" must be a string holding JSON, and it is not",
        // Reported once, by the file rule (not again as a data file).
        "data/huge.json:1:1: error[MP002] file is too large to check",
        "mpcheck.json:1:37: error[MP551] widget.data glob \"../elsewhere/*.json\" leaves the project folder",
    ] {
        assert!(out.contains(want), "missing {want}:\n{out}");
    }
    assert!(!out.contains("data/huge.json:1:1: error[MP551]"), "{out}");
    // A data file that is not JSON is MP550's, not also MP005's.
    assert!(!out.contains("MP005"), "{out}");
    // The same files given to the command.
    let (code, out) = mpcheck(
        &[
            "widget-data",
            "-f",
            "concise",
            "data/not-json.json",
            "data/bad-data.json",
            "data/huge.json",
            "data/missing.json",
        ],
        dir,
        None,
    );
    assert_eq!(code, 1, "{out}");
    for want in [
        "data/not-json.json:1:1: error[MP550] the body is not JSON",
        "data/bad-data.json:1:68: error[MP550]",
        "data/huge.json:1:1: error[MP551] data file data/huge.json is too large (52428800 bytes; the limit is 1048576)",
        "data/missing.json:1:1: error[MP551] data file data/missing.json not found",
    ] {
        assert!(out.contains(want), "missing {want}:\n{out}");
    }
    // Standard input is capped too.
    let (code, out) = mpcheck(
        &["widget-data", "-f", "concise", "-"],
        dir,
        Some(vec![b' '; 2 * 1024 * 1024]),
    );
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("<stdin>:1:1: error[MP551] standard input is over 1048576 bytes"),
        "{out}"
    );
}
