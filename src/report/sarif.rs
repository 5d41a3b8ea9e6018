//! SARIF 2.1.0 (OASIS), for GitHub code scanning, VS Code's SARIF viewer and other tools:
//! one run whose `tool.driver.rules` are the rules reported (sorted by code; each result's
//! `ruleIndex` points into them) with their summary, their documentation as help, and their
//! default level; one result per finding with its level, message (and help), location,
//! related locations, a stable fingerprint (the gitlab format's, under
//! `partialFingerprints["mpcheck/v1"]`) and, for a fixable finding, the fix's edits as
//! `fixes` (replacements of regions, columns as below).
//!
//! Paths are relative to the current directory (the repository root in CI) with
//! `uriBaseId` `%SRCROOT%`, as GitHub expects. Columns are counted in UTF-16 code units,
//! SARIF's default `columnKind` (written out too): mpcheck's own positions count chars, so
//! a column after an astral char (an emoji) is one more here than in the other formats.
//! `endColumn` is the column after the last char. A finding with no span (about the whole
//! file) has the region of the file's lines. The driver has no `informationUri` (nor the
//! rules a `helpUri`): mpcheck has no stable public address yet; each rule's help is its
//! whole documentation (`mpcheck explain CODE`).

use super::common::{Fingerprints, Options, Run};
use crate::base::diagnostic::Severity;
use crate::base::source::Span;
use crate::lint::rule::RuleMeta;
use crate::project::Project;
use serde::Serialize;
use std::collections::BTreeMap;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [SarifRun<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifRun<'a> {
    tool: Tool<'a>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'static str,
    name: &'static str,
    short_description: Text<'a>,
    full_description: Text<'a>,
    help: Help<'a>,
    default_configuration: DefaultConfiguration,
    properties: RuleProperties,
}

#[derive(Serialize)]
struct RuleProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
struct Text<'a> {
    text: std::borrow::Cow<'a, str>,
}

#[derive(Serialize)]
struct Help<'a> {
    text: &'a str,
    markdown: &'a str,
}

#[derive(Serialize)]
struct DefaultConfiguration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    /// The edits `mpcheck check --fix` would make.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<Fix<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fix<'a> {
    description: Text<'a>,
    artifact_changes: Vec<ArtifactChange<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange<'a> {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement<'a> {
    deleted_region: Region,
    inserted_content: Text<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<Region>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_column: Option<u32>,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a relative URI reference: each segment percent-encoded where RFC 3986 needs it
/// (spaces, `%`, `#`, `?`, non-ASCII as UTF-8 bytes), `/` kept.
fn uri(path: &str) -> String {
    use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
    const SEGMENT: &AsciiSet = &CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'#')
        .add(b'%')
        .add(b'<')
        .add(b'>')
        .add(b'?')
        .add(b'[')
        .add(b'\\')
        .add(b']')
        .add(b'^')
        .add(b'`')
        .add(b'{')
        .add(b'|')
        .add(b'}');
    utf8_percent_encode(path, SEGMENT).to_string()
}

/// 1-based line and 1-based column in UTF-16 code units of a byte offset of `file`.
fn utf16_position(project: &Project, file: &str, offset: u32) -> Option<(u32, u32)> {
    let src = project.source(file)?;
    let offset = src.clamp(offset as usize);
    let line = src.line_of(offset);
    let start = src.line_range(line).start;
    let column = src.text[start..offset].encode_utf16().count() + 1;
    Some((line as u32 + 1, column as u32))
}

/// The region of a span; for a finding about a whole file (no span), its lines (SARIF's
/// whole-artifact form: `startLine` 1, `endLine` the last line); none for a file mpcheck has
/// not read (a missing file a related location names).
fn region(project: &Project, file: &str, span: Option<Span>) -> Option<Region> {
    let Some(span) = span else {
        let lines = project.source(file)?.line_count().max(1) as u32;
        return Some(Region {
            start_line: 1,
            start_column: None,
            end_line: lines,
            end_column: None,
        });
    };
    let (start_line, start_column) = utf16_position(project, file, span.start)?;
    let (end_line, end_column) = utf16_position(project, file, span.end.max(span.start))?;
    Some(Region {
        start_line,
        start_column: Some(start_column),
        end_line,
        end_column: Some(end_column),
    })
}

/// A fix as SARIF: its edits grouped by file, in order; `None` when an edit's file was not
/// read (no region can be given).
fn fix<'a>(run: &Run, f: &'a crate::base::diagnostic::Fix) -> Option<Fix<'a>> {
    let mut changes: Vec<ArtifactChange> = Vec::new();
    for e in &f.edits {
        let replacement = Replacement {
            deleted_region: region(run.project, &e.file, Some(e.span))?,
            inserted_content: Text {
                text: e.replacement.as_str().into(),
            },
        };
        let uri = uri(&run.path(&e.file));
        match changes.iter_mut().find(|c| c.artifact_location.uri == uri) {
            Some(c) => c.replacements.push(replacement),
            None => changes.push(ArtifactChange {
                artifact_location: ArtifactLocation {
                    uri,
                    uri_base_id: "%SRCROOT%",
                },
                replacements: vec![replacement],
            }),
        }
    }
    Some(Fix {
        description: Text {
            text: "the fix `mpcheck check --fix` applies".into(),
        },
        artifact_changes: changes,
    })
}

/// The first paragraph of a rule's doc after its title (its one-line description).
fn first_paragraph(doc: &str) -> Option<String> {
    let body = doc
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty());
    let para: Vec<&str> = body.take_while(|l| !l.trim().is_empty()).collect();
    (!para.is_empty()).then(|| para.join(" "))
}

pub fn render(runs: &[Run], opts: &Options) -> String {
    let lang = opts.lang;
    // The rules reported, sorted by code.
    let mut reported: BTreeMap<&'static str, &'static RuleMeta> = BTreeMap::new();
    for run in runs {
        for d in run.diagnostics {
            reported.insert(d.rule.code, d.rule);
        }
    }
    let index: BTreeMap<&str, usize> = reported.keys().enumerate().map(|(i, c)| (*c, i)).collect();
    // Each rule's page as `mpcheck explain` prints it (the doc with its generated parts).
    let pages: BTreeMap<&str, String> = reported
        .values()
        .map(|r| {
            (
                r.code,
                super::rule_doc::page(r, crate::base::i18n::Lang::En),
            )
        })
        .collect();
    let rules = reported
        .values()
        .map(|r| Rule {
            id: r.code,
            name: r.name,
            short_description: Text {
                text: r.summary.into(),
            },
            full_description: Text {
                text: first_paragraph(&pages[r.code]).map_or(r.summary.into(), Into::into),
            },
            help: Help {
                text: &pages[r.code],
                markdown: &pages[r.code],
            },
            default_configuration: DefaultConfiguration {
                level: level(r.severity),
            },
            properties: RuleProperties {
                tags: [r.group.as_str()],
            },
        })
        .collect();
    let mut fingerprints = Fingerprints::new(lang);
    let mut results = Vec::new();
    for run in runs {
        for d in run.diagnostics {
            let message = super::common::message_with_help(d, lang);
            let locations = if d.is_about_arguments() {
                Vec::new()
            } else {
                vec![Location {
                    id: None,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&run.path(&d.file)),
                            uri_base_id: "%SRCROOT%",
                        },
                        region: region(run.project, &d.file, d.span),
                    },
                    message: None,
                }]
            };
            let related_locations = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| Location {
                    id: Some(i),
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: uri(&run.path(&r.file)),
                            uri_base_id: "%SRCROOT%",
                        },
                        region: region(run.project, &r.file, r.span),
                    },
                    message: Some(Text {
                        text: r.message.get(lang).into(),
                    }),
                })
                .collect();
            let fixes = d
                .fix
                .as_ref()
                .and_then(|f| fix(run, f))
                .into_iter()
                .collect();
            let mut partial_fingerprints = BTreeMap::new();
            partial_fingerprints.insert("mpcheck/v1", fingerprints.next(run, d));
            results.push(SarifResult {
                rule_id: d.rule.code,
                rule_index: index[d.rule.code],
                level: level(d.severity),
                message: Text {
                    text: message.into(),
                },
                locations,
                related_locations,
                partial_fingerprints,
                fixes,
            });
        }
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [SarifRun {
            tool: Tool {
                driver: Driver {
                    name: "mpcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules,
                },
            },
            column_kind: "utf16CodeUnits",
            results,
        }],
    };
    let mut s = super::json::to_string_pretty(&log);
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_encoded() {
        assert_eq!(
            super::uri("pages/a b/中#?.json"),
            "pages/a%20b/%E4%B8%AD%23%3F.json"
        );
        assert_eq!(super::uri("../x/app.json"), "../x/app.json");
    }
}
