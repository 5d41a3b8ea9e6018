//! The machine format other tools rely on (shape fixed, `version` 1). Serialized straight from
//! borrowed structs: a `serde_json::Value` tree for thousands of diagnostics cost more memory
//! (and time) than the check itself.

use super::{Summary, range};
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::source::Span;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    tool: Tool,
    summary: Counts,
    diagnostics: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Counts {
    errors: usize,
    warnings: usize,
    infos: usize,
    files: usize,
}

#[derive(Serialize)]
struct Item<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    file: &'a str,
    range: Range,
    related: Vec<RelatedItem<'a>>,
}

#[derive(Serialize)]
struct RelatedItem<'a> {
    file: &'a str,
    message: &'a str,
    range: Option<Range>,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: u32,
    column: u32,
}

fn range_of(project: &Project, file: &str, span: Option<Span>) -> Range {
    let (start, end) = range(project, file, span);
    Range {
        start: Pos {
            line: start.line,
            column: start.column,
        },
        end: Pos {
            line: end.line,
            column: end.column,
        },
    }
}

pub fn render(project: &Project, diagnostics: &[Diagnostic]) -> String {
    let summary = Summary::of(diagnostics);
    let report = Report {
        version: 1,
        tool: Tool {
            name: "mpcheck",
            version: env!("CARGO_PKG_VERSION"),
        },
        summary: Counts {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
            files: summary.files,
        },
        diagnostics: diagnostics
            .iter()
            .map(|d| Item {
                code: d.rule.code,
                name: d.rule.name,
                severity: d.severity.as_str(),
                message: &d.message,
                help: d.help.as_deref(),
                file: &d.file,
                range: range_of(project, &d.file, d.span),
                related: d
                    .related
                    .iter()
                    .map(|r| RelatedItem {
                        file: &r.file,
                        message: &r.message,
                        range: r.span.map(|s| range_of(project, &r.file, Some(s))),
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}
