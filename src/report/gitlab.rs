//! GitLab Code Quality report: the JSON array GitLab reads from a job's
//! `artifacts:reports:codequality` file (a subset of the Code Climate issue format) and shows
//! in merge requests. One object per finding with the fields GitLab requires: `description`,
//! `check_name`, `fingerprint`, `severity` and `location.path` with
//! `location.positions.begin.line` (and `end`, both with a 1-based column).
//!
//! Severities: error → `major`, warning → `minor`, info → `info`. GitLab's scale is info,
//! minor, major, critical, blocker; an mpcheck error is something the platform refuses or
//! mishandles (a missing page file, a domain not on the whitelist), the level of a failing
//! build, which Code Climate engines and ruff report as `major`; `critical` and `blocker` are
//! left for security problems and crashes, which mpcheck does not judge.

use super::common::{Fingerprints, Options, Run, range};
use crate::base::diagnostic::Severity;
use serde::Serialize;

#[derive(Serialize)]
struct Issue<'a> {
    check_name: &'static str,
    description: String,
    severity: &'static str,
    fingerprint: String,
    location: Location,
    /// Not read by GitLab (Code Climate's field): the rule's name and help, for people.
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<Content<'a>>,
}

#[derive(Serialize)]
struct Content<'a> {
    body: &'a str,
}

#[derive(Serialize)]
struct Location {
    path: String,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    line: u32,
    column: u32,
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

pub fn render(runs: &[Run], opts: &Options) -> String {
    let lang = opts.lang;
    let mut fingerprints = Fingerprints::new(lang);
    let mut issues = Vec::new();
    for run in runs {
        for d in run.diagnostics {
            let (start, end) = if d.is_about_arguments() {
                let p = crate::base::source::Position { line: 1, column: 1 };
                (p, p)
            } else {
                range(run.project, &d.file, d.span)
            };
            let description = if d.is_about_arguments() {
                format!(
                    "{} ({}): {}: {}",
                    d.rule.code,
                    d.rule.name,
                    d.file,
                    d.message.get(lang)
                )
            } else {
                format!("{} ({}): {}", d.rule.code, d.rule.name, d.message.get(lang))
            };
            issues.push(Issue {
                check_name: d.rule.code,
                description,
                severity: severity(d.severity),
                fingerprint: fingerprints.next(run, d),
                location: Location {
                    path: run.path(&d.file),
                    positions: Positions {
                        begin: Pos {
                            line: start.line,
                            column: start.column,
                        },
                        end: Pos {
                            line: end.line,
                            column: end.column,
                        },
                    },
                },
                content: d.help.as_ref().map(|h| Content { body: h.get(lang) }),
            });
        }
    }
    let mut s = super::json::to_string_pretty(&issues);
    s.push('\n');
    s
}
