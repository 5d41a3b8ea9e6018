//! Chinese where asked (`--lang zh`): the `size` table aligned for double-width characters,
//! the human output's labels, `mpcheck explain`. (The HTML size report in Chinese is checked
//! in tests/browser.rs, where Chromium renders it.)

mod common;

use common::root;
use mpcheck::base::i18n::Lang;
use mpcheck::lint::rules::RULES;
use std::path::Path;
use std::process::{Command, Output};
use unicode_width::UnicodeWidthChar;

fn mpcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mpcheck"))
        .current_dir(dir)
        .args(args)
        .env_remove("MPCHECK_LANG")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .env("COLUMNS", "100")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A project with a subpackage and folders named in Chinese.
fn chinese_project(dir: &Path) {
    let write = |path: &str, text: &str| {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    };
    write(
        "app.json",
        r#"{"pages":["pages/index/index"],"subpackages":[{"root":"分包/","pages":["页面/首页"]}]}"#,
    );
    write("project.config.json", r#"{"compileType":"miniprogram"}"#);
    write("app.js", "App({})\n");
    write("pages/index/index.js", "Page({})\n");
    write("pages/index/index.wxml", "<view/>\n");
    write(
        "分包/页面/首页.js",
        &format!("Page({{}})\n{}", "//\n".repeat(900)),
    );
    write("分包/页面/首页.wxml", "<view>你好</view>\n");
    write("分包/图片/很长的图片文件名.png", &"x".repeat(5000));
}

/// The display columns at which each field of a table line ends (fields are separated by two
/// or more spaces; a size such as `2.00 MB` has one).
fn field_ends(line: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut col = 0;
    let mut end = 0;
    let mut spaces = 0;
    for c in line.chars() {
        if c == ' ' {
            spaces += 1;
        } else {
            if spaces >= 2 && end > 0 {
                ends.push(end);
            }
            spaces = 0;
        }
        col += UnicodeWidthChar::width(c).unwrap_or(0);
        if c != ' ' {
            end = col;
        }
    }
    ends.push(end);
    ends
}

#[test]
fn the_size_table_is_aligned_by_display_width() {
    let dir = tempfile::tempdir().unwrap();
    chinese_project(dir.path());
    for lang in ["zh", "en"] {
        let o = mpcheck(dir.path(), &["size", "--lang", lang]);
        assert_eq!(o.status.code(), Some(0));
        let text = stdout(&o);
        let table: Vec<&str> = text.lines().take_while(|l| !l.is_empty()).collect();
        assert_eq!(table.len(), 4, "{text}");
        if lang == "zh" {
            assert!(table[0].starts_with("包 "), "{text}");
            assert!(table[2].starts_with("分包/ "), "{text}");
            assert!(table[3].starts_with("总计 "), "{text}");
        } else {
            assert!(table[0].starts_with("Package "), "{text}");
        }
        // The name column is as wide as its widest entry, the numbers right-aligned under
        // their headers: every field ends at the same display column on every line.
        let header = field_ends(table[0]);
        assert_eq!(header.len(), 5, "{}", table[0]);
        for line in &table[1..] {
            assert_eq!(field_ends(line)[1..5], header[1..5], "{lang}:\n{text}");
        }
        // In characters, the CJK lines would be shorter: the alignment is by width.
        let chars = |l: &str| l.chars().take_while(|c| *c != '%').count();
        if lang == "zh" {
            assert_ne!(chars(table[1]), chars(table[2]), "{text}");
        }
        assert!(
            text.contains("  分包/图片/很长的图片文件名.png\n"),
            "{text}"
        );
    }
    let zh = stdout(&mpcheck(dir.path(), &["size", "--lang", "zh"]));
    assert!(
        zh.contains("\n分包/（7.5 KB）中最大的目录和文件：\n"),
        "{zh}"
    );
}

#[test]
fn human_labels_in_chinese() {
    let example = root().join("fixtures/example");
    let zh = stdout(&mpcheck(&example, &["check", "--lang", "zh"]));
    assert!(
        zh.contains(
            "  帮助：pages/profile/profile.js 存在但 pages/profile/profile.wxml 不存在：页面两者都需要\n        \
             注：pages/profile/profile.wxml：该文件不存在\n        \
             文档：mpcheck explain MP200\n"
        ),
        "{zh}"
    );
    for english in ["help:", "note:", "docs:"] {
        assert!(!zh.contains(english), "{english} in\n{zh}");
    }
    // Every finding has its docs line.
    assert_eq!(
        zh.matches("文档：mpcheck explain MP").count(),
        zh.matches("\n  帮助：").count()
    );
    // In colour, the label is inside the colour codes.
    let colour = stdout(&mpcheck(
        &example,
        &["check", "--lang", "zh", "--color", "always"],
    ));
    assert!(colour.contains("  帮助：\u{1b}["), "{colour:?}");
    assert!(!colour.contains("help:"));
    // English is as it was.
    let en = stdout(&mpcheck(&example, &["check", "--lang", "en"]));
    assert!(
        en.contains(
            "\n  help: pages/profile/profile.js exists but pages/profile/profile.wxml does not: a page needs both\n        \
             note: pages/profile/profile.wxml: this file does not exist\n        \
             docs: mpcheck explain MP200\n"
        ),
        "{en}"
    );
}

#[test]
fn explain_in_chinese() {
    let o = mpcheck(&root(), &["explain", "MP400", "--lang", "zh"]);
    assert_eq!(o.status.code(), Some(0));
    let zh = stdout(&o);
    assert!(
        zh.starts_with(
            "# MP400 package-too-large\n\n\
             代码包超过 2 MB 的上传上限。\n\n\
             分组 `package`（代码包），默认级别**错误**。\n\n\
             > 本规则的正文暂无中文翻译，以下为英文原文。\n\n\
             ## 检查内容（What it checks）\n\
             The main package and each subpackage must stay within the upload limit."
        ),
        "{zh}"
    );
    // The flag works before the subcommand too, and English is the page as written, with the
    // parts generated from the rule's metadata.
    let before = mpcheck(&root(), &["--lang", "zh", "explain", "package-too-large"]);
    assert_eq!(stdout(&before), zh);
    let en = stdout(&mpcheck(&root(), &["explain", "MP400"]));
    let doc = std::fs::read_to_string(root().join("rules/MP400.md")).unwrap();
    assert!(en.starts_with("# MP400 package-too-large\n"), "{en}");
    assert!(en.contains(doc.trim_end()), "{en}");
    let off = stdout(&mpcheck(&root(), &["explain", "MP306", "--lang", "zh"]));
    assert!(
        off.contains("默认级别**提示**，默认关闭（在 mpcheck.json 中设置级别后运行）。"),
        "{off}"
    );
}

#[test]
fn every_rule_page_has_its_headings_translated_and_its_body_kept() {
    let zh_headings = [
        "## 检查内容（What it checks）",
        "## 为什么重要（Why it matters）",
        "## 示例（Example）",
        "## 修复（Fix）",
        "## 配置（Configuration）",
        "## 抑制（Suppressing）",
    ];
    for rule in RULES {
        let m = rule.meta();
        let zh = mpcheck::cli::explain_text(m, Lang::Zh);
        let headings: Vec<&str> = zh.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(headings, zh_headings, "{}", m.code);
        assert!(zh.contains(m.summary_zh), "{}", m.code);
        assert!(zh.contains("本规则的正文暂无中文翻译"), "{}", m.code);
        // Apart from the headings, the body is the English page's, line for line.
        let body = |s: &str| -> Vec<String> {
            s.lines()
                .skip_while(|l| !l.starts_with("## "))
                .filter(|l| !l.starts_with("## "))
                .map(str::to_string)
                .collect()
        };
        let en = mpcheck::cli::explain_text(m, Lang::En);
        assert_eq!(body(&zh), body(&en), "{}", m.code);
    }
}
