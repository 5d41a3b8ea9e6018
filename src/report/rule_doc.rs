//! A rule's page, as `mpcheck explain` prints it: `rules/<CODE>.md` holds what a person writes
//! (what the rule checks, why, an example, the fix, notes); the parts that only restate the
//! rule's metadata are generated here from its [`RuleMeta`], so that they cannot drift from it:
//!
//! - the title `# CODE name`, the summary in English and Chinese, and the line with the group,
//!   the default severity and, for an opt-in rule, that it is off by default. Text of the doc
//!   before its first section continues that line (e.g. where a rule runs);
//! - `## Configuration`: the default severity and how to change it by code or by name. A
//!   `## Configuration` section in the doc adds its paragraphs after the generated ones;
//! - `## Suppressing`: the comment forms, `ignores` and `exclude`, as they apply to a rule
//!   reported in JS, TS, WXML and JSON files. A rule whose findings cannot be suppressed that way
//!   (JSON manifests only, values given on the command line, …) has its own `## Suppressing`
//!   section in the doc, which replaces the generated one.
//!
//! In Chinese the header is Chinese (summary, group, severity, a note that the body is not
//! translated yet) and the body is the English one under translated headings.

use crate::base::diagnostic::{Group, RuleMeta, Severity};
use crate::base::i18n::Lang;

/// The sections of a page, in order; a doc has the first four and may have the last two.
pub const HEADINGS: [&str; 6] = [
    "## What it checks",
    "## Why it matters",
    "## Example",
    "## Fix",
    "## Configuration",
    "## Suppressing",
];

const CONFIGURATION: &str = "## Configuration";
const SUPPRESSING: &str = "## Suppressing";

/// The whole page of `m` in `lang`.
pub fn page(m: &RuleMeta, lang: Lang) -> String {
    let (intro, sections) = split(m.doc);
    let mut body: Vec<(&str, String)> = Vec::new();
    let mut configured = false;
    for (heading, text) in &sections {
        if *heading == SUPPRESSING && !configured {
            body.push((CONFIGURATION, configuration(m)));
            configured = true;
        }
        if *heading == CONFIGURATION {
            body.push((CONFIGURATION, format!("{}\n\n{text}", configuration(m))));
            configured = true;
        } else {
            body.push((heading, text.to_string()));
        }
    }
    if !configured {
        body.push((CONFIGURATION, configuration(m)));
    }
    if !sections.iter().any(|(h, _)| *h == SUPPRESSING) {
        body.push((SUPPRESSING, suppressing(m)));
    }
    let mut out = match lang {
        Lang::En => header_en(m, intro),
        Lang::Zh => header_zh(m),
    };
    for (heading, text) in body {
        let heading = match lang {
            Lang::En => heading,
            Lang::Zh => heading_zh(heading),
        };
        out.push('\n');
        out.push_str(heading);
        out.push('\n');
        out.push_str(&text);
        out.push('\n');
    }
    out
}

/// The doc's text before its first section, and its sections as (heading, text), each text
/// without the blank lines around it.
pub fn split(doc: &str) -> (&str, Vec<(&str, &str)>) {
    let mut starts: Vec<usize> = Vec::new();
    let mut at = 0;
    for line in doc.split_inclusive('\n') {
        if line.starts_with("## ") {
            starts.push(at);
        }
        at += line.len();
    }
    let intro = doc[..starts.first().copied().unwrap_or(doc.len())].trim();
    let sections = starts
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let end = starts.get(i + 1).copied().unwrap_or(doc.len());
            let section = &doc[s..end];
            let (heading, text) = section.split_once('\n').unwrap_or((section, ""));
            (heading.trim_end(), text.trim_matches('\n').trim_end())
        })
        .collect();
    (intro, sections)
}

fn header_en(m: &RuleMeta, intro: &str) -> String {
    let mut out = format!(
        "# {} {}\n\n{} {}\n\nGroup `{}`, default severity **{}**",
        m.code,
        m.name,
        ending(m.summary, &['.', '?', '!'], '.'),
        ending(m.summary_zh, &['。', '？', '！'], '。'),
        m.group.as_str(),
        m.severity.as_str(),
    );
    if m.off_by_default {
        out.push_str(", off by default: set a level to run it");
    }
    out.push('.');
    if !intro.is_empty() {
        out.push(' ');
        out.push_str(intro);
    }
    out.push('\n');
    out
}

fn header_zh(m: &RuleMeta) -> String {
    let severity = match m.severity {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    };
    let group = match m.group {
        Group::Json => "JSON 文件",
        Group::Config => "配置",
        Group::Pages => "页面",
        Group::Network => "网络",
        Group::Meta => "mpcheck 自身",
        Group::Wxml => "WXML 模板",
        Group::Components => "组件",
        Group::Package => "代码包",
        Group::Widget => "搜索 Widget",
        Group::Release => "发布",
    };
    format!(
        "# {} {}\n\n{}\n\n分组 `{}`（{group}），默认级别**{severity}**{}。\n\n> 本规则的正文暂无中文翻译，以下为英文原文。\n",
        m.code,
        m.name,
        ending(m.summary_zh, &['。', '）', '！', '？'], '。'),
        m.group.as_str(),
        if m.off_by_default {
            "，默认关闭（在 mpcheck.json 中设置级别后运行）"
        } else {
            ""
        }
    )
}

fn heading_zh(heading: &str) -> &str {
    match heading {
        "## What it checks" => "## 检查内容（What it checks）",
        "## Why it matters" => "## 为什么重要（Why it matters）",
        "## Example" => "## 示例（Example）",
        "## Fix" => "## 修复（Fix）",
        "## Configuration" => "## 配置（Configuration）",
        "## Suppressing" => "## 抑制（Suppressing）",
        other => other,
    }
}

/// `text`, with `end` added unless it already ends with one of `ends`.
fn ending(text: &str, ends: &[char], end: char) -> String {
    if text.ends_with(ends) {
        text.to_string()
    } else {
        format!("{text}{end}")
    }
}

/// The generated `## Configuration` text: the default level and how to change it.
pub fn configuration(m: &RuleMeta) -> String {
    let example = if m.severity == Severity::Warning {
        "error"
    } else {
        "warning"
    };
    format!(
        "Default severity: `{}`. Change it, or turn the rule off, in `mpcheck.json` by code\n\
         or by name:\n\n\
         ```json\n{{ \"rules\": {{ \"{}\": \"{example}\" }} }}\n```\n\n\
         `{{ \"rules\": {{ \"{}\": \"{example}\" }} }}` means the same.\n\
         Levels are `off`, `info`, `warning` and `error`.",
        m.severity.as_str(),
        m.code,
        m.name
    )
}

/// The generated `## Suppressing` text, for a rule reported in JS, TS, WXML and JSON files.
pub fn suppressing(m: &RuleMeta) -> String {
    format!(
        "In JS, TS and WXML files a comment silences a finding, with an optional reason after `--`:\n\
         `// mpcheck-disable-next-line {code} -- reason` (`<!-- ... -->` in WXML; `mpcheck-disable-line`\n\
         for its own line, `mpcheck-disable-file` for the whole file). JSON files cannot carry comments:\n\
         list the accepted finding under `ignores` in `mpcheck.json`\n\
         (`{{\"ignores\": [{{\"rule\": \"{code}\", \"path\": \"pages/legacy/**\", \"reason\": \"...\"}}]}}`); an entry\n\
         that matches nothing is reported (MP004). To skip paths entirely, use `exclude` globs\n\
         (`{{\"exclude\": [\"pages/legacy/**\"]}}`): nothing is reported in excluded files.",
        code = m.code
    )
}
