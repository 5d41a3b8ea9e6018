//! JUnit XML, for CI servers that show test reports (Jenkins, GitLab's test report, Azure
//! Pipelines, ...), in the shape ruff writes: `<testsuites name="mpcheck">` with one
//! `<testsuite>` per file with findings (its path as `name`), one `<testcase>` per finding
//! (`classname` the path, `name` the rule code and name with the line and column).
//!
//! Errors and warnings are `<failure>`s (`type` the severity, `message` the message, the text
//! `path:line:col: severity[CODE] message` and the help). Info findings never fail a run
//! (the exit code does not count them), so they are passing test cases whose `<system-out>`
//! holds the same text: visible in the report, not counted as failures. A run with no
//! findings is one suite with one passing test case, `no findings`, so a CI server that
//! rejects an empty report, or one without tests, still reads it.
//!
//! Text is escaped for XML 1.0: `&`, `<`, `>`, `"`, `'` as entities; tab, newline and
//! carriage return in attributes as character references (an attribute's whitespace is
//! otherwise normalised away); the chars XML 1.0 cannot hold at all, even as references
//! (C0 controls other than tab, newline and carriage return; U+FFFE, U+FFFF), as visible
//! escapes (`\u{1b}`); the other chars a terminal would act on (DEL, C1 and bidi controls,
//! U+2028/9) as character references, so that they decode unchanged but are not raw in the
//! file.

use super::common::{Options, Run, range};
use crate::base::diagnostic::Severity;
use crate::base::escape;
use std::fmt::Write;

/// Escapes `s` for XML 1.0 text (`attribute` false) or a double-quoted attribute value.
pub fn escape_xml(s: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\t' | '\n' | '\r' if attribute => {
                let _ = write!(out, "&#x{:x};", c as u32);
            }
            '\r' => out.push_str("&#xd;"),
            '\t' | '\n' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => escape::push_escaped(&mut out, c),
            c if escape::is_unsafe(c) => {
                let _ = write!(out, "&#x{:x};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

struct Case {
    name: String,
    classname: String,
    severity: Severity,
    message: String,
    text: String,
}

pub fn render(runs: &[Run], opts: &Options) -> String {
    let lang = opts.lang;
    // Suites in order of first appearance (the findings are sorted by file in each run).
    let mut suites: Vec<(String, Vec<Case>)> = Vec::new();
    for run in runs {
        for d in run.diagnostics {
            let path = run.path(&d.file);
            let (position, location) = if d.is_about_arguments() {
                (String::new(), path.clone())
            } else {
                let (start, _) = range(run.project, &d.file, d.span);
                (
                    format!(" (line {}, column {})", start.line, start.column),
                    format!("{path}:{}:{}", start.line, start.column),
                )
            };
            let mut text = format!(
                "{location}: {}[{}] {}",
                d.severity.as_str(),
                d.rule.code,
                d.message.get(lang)
            );
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {}", help.get(lang)));
            }
            text.push_str(&format!("\ndocs: mpcheck explain {}", d.rule.code));
            let case = Case {
                name: format!("{} {}{position}", d.rule.code, d.rule.name),
                classname: path.clone(),
                severity: d.severity,
                message: d.message.get(lang).to_string(),
                text,
            };
            match suites.iter_mut().find(|(p, _)| *p == path) {
                Some((_, cases)) => cases.push(case),
                None => suites.push((path, vec![case])),
            }
        }
    }
    let failing = |cases: &[Case]| cases.iter().filter(|c| c.severity > Severity::Info).count();
    let tests: usize = suites.iter().map(|(_, c)| c.len()).sum::<usize>().max(1);
    let failures: usize = suites.iter().map(|(_, c)| failing(c)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"mpcheck\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    if suites.is_empty() {
        out.push_str(concat!(
            "  <testsuite name=\"mpcheck\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n",
            "    <testcase name=\"no findings\" classname=\"mpcheck\"/>\n",
            "  </testsuite>\n"
        ));
    }
    for (path, cases) in &suites {
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            escape_xml(path, true),
            cases.len(),
            failing(cases)
        );
        for c in cases {
            let _ = write!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\">",
                escape_xml(&c.name, true),
                escape_xml(&c.classname, true)
            );
            if c.severity == Severity::Info {
                let _ = write!(
                    out,
                    "\n      <system-out>{}</system-out>",
                    escape_xml(&c.text, false)
                );
            } else {
                let _ = write!(
                    out,
                    "\n      <failure type=\"{}\" message=\"{}\">{}</failure>",
                    c.severity.as_str(),
                    escape_xml(&c.message, true),
                    escape_xml(&c.text, false)
                );
            }
            out.push_str("\n    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::escape_xml;

    #[test]
    fn xml_escapes() {
        assert_eq!(
            escape_xml("a<b>&\"'\t\n\r\u{1b}\u{0}\u{fffe}\u{202e}\u{9b}中", false),
            "a&lt;b&gt;&amp;\"'\t\n&#xd;\\u{1b}\\u{0}\\u{fffe}&#x202e;&#x9b;中"
        );
        assert_eq!(
            escape_xml("a\tb\nc\rd\"'", true),
            "a&#x9;b&#xa;c&#xd;d&quot;&apos;"
        );
    }
}
