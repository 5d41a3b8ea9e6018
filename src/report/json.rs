//! The machine format other tools rely on (shape fixed, `version` 1).

use super::{Summary, range};
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::source::Span;
use serde_json::{Value, json};

fn range_json(project: &Project, file: &str, span: Option<Span>) -> Value {
    let (start, end) = range(project, file, span);
    json!({
        "start": {"line": start.line, "column": start.column},
        "end": {"line": end.line, "column": end.column},
    })
}

pub fn render(project: &Project, diagnostics: &[Diagnostic]) -> String {
    let summary = Summary::of(diagnostics);
    let items: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|r| {
                    json!({
                        "file": r.file,
                        "message": r.message,
                        "range": r.span.map(|s| range_json(project, &r.file, Some(s))),
                    })
                })
                .collect();
            json!({
                "code": d.rule.code,
                "name": d.rule.name,
                "severity": d.severity.as_str(),
                "message": d.message,
                "help": d.help,
                "file": d.file,
                "range": range_json(project, &d.file, d.span),
                "related": related,
            })
        })
        .collect();
    let doc = json!({
        "version": 1,
        "tool": {"name": "mpcheck", "version": env!("CARGO_PKG_VERSION")},
        "summary": {
            "errors": summary.errors,
            "warnings": summary.warnings,
            "infos": summary.infos,
            "files": summary.files,
        },
        "diagnostics": items,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
