//! The machine format other tools rely on (shape fixed, `version` 1). Serialized straight from
//! borrowed structs: a `serde_json::Value` tree for thousands of diagnostics cost more memory
//! (and time) than the check itself.

use super::common::{Summary, range};
use crate::base::source::Span;
use crate::project::Project;
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};
use std::io;

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
    /// The project folder, as given (`.` for the current directory).
    project: &'a str,
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    file: &'a str,
    /// `null` for a finding about a command-line value (`file` is `<release arguments>`).
    range: Option<Range>,
    related: Vec<RelatedItem<'a>>,
    /// The edits `mpcheck check --fix` would make; `null` when the finding has no fix.
    fix: Option<FixItem<'a>>,
}

#[derive(Serialize)]
struct FixItem<'a> {
    edits: Vec<EditItem<'a>>,
}

#[derive(Serialize)]
struct EditItem<'a> {
    file: &'a str,
    range: Range,
    replacement: &'a str,
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

/// The findings of one or more projects in one report; each names its project folder (as
/// given, relative to the current directory) and its file relative to that folder.
pub fn render(runs: &[super::common::Run], lang: crate::base::i18n::Lang) -> String {
    let summary = Summary::of_runs(runs);
    let folders: Vec<String> = runs.iter().map(|r| r.base.folder()).collect();
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
        diagnostics: runs
            .iter()
            .zip(&folders)
            .flat_map(|(run, folder)| {
                run.diagnostics
                    .iter()
                    .map(move |d| (run.project, folder, d))
            })
            .map(|(project, folder, d)| Item {
                project: folder,
                code: d.rule.code,
                name: d.rule.name,
                severity: d.severity.as_str(),
                message: d.message.get(lang),
                help: d.help.as_ref().map(|h| h.get(lang)),
                file: &d.file,
                range: (!d.is_about_arguments()).then(|| range_of(project, &d.file, d.span)),
                related: d
                    .related
                    .iter()
                    .map(|r| RelatedItem {
                        file: &r.file,
                        message: r.message.get(lang),
                        range: r.span.map(|s| range_of(project, &r.file, Some(s))),
                    })
                    .collect(),
                fix: d.fix.as_ref().map(|f| FixItem {
                    edits: f
                        .edits
                        .iter()
                        .map(|e| EditItem {
                            file: &e.file,
                            range: range_of(project, &e.file, Some(e.span)),
                            replacement: &e.replacement,
                        })
                        .collect(),
                }),
            })
            .collect(),
    };
    let mut s = to_string_pretty(&report);
    s.push('\n');
    s
}

/// `serde_json::to_string_pretty`, with the chars serde leaves raw but a terminal, an editor
/// or a CI log would act on (DEL, C1 controls, bidi controls, U+2028/9, the `[` of `##[`)
/// written as `\uXXXX` too: the same JSON to a parser, and safe to print. serde already
/// escapes C0 controls.
pub fn to_string_pretty<T: Serialize>(value: &T) -> String {
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Safe(PrettyFormatter::new()));
    if value.serialize(&mut ser).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

struct Safe<'a>(PrettyFormatter<'a>);

impl Formatter for Safe<'_> {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut from = 0;
        for (i, c) in fragment.char_indices() {
            if crate::base::escape::is_unsafe_at(fragment, i, c) {
                w.write_all(&fragment.as_bytes()[from..i])?;
                write!(w, "\\u{:04x}", c as u32)?;
                from = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[from..])
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_escapes_what_serde_leaves_raw() {
        let v = serde_json::json!({"m": "a\u{1b}b\u{9b}c\u{202e}d\u{2028}e\u{7f}中\n##[x"});
        let s = super::to_string_pretty(&v);
        assert_eq!(
            s,
            "{\n  \"m\": \"a\\u001bb\\u009bc\\u202ed\\u2028e\\u007f中\\n##\\u005bx\"\n}"
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        let normal = serde_json::json!({"a": [1, {"b": "中文 \"q\""}], "c": null});
        assert_eq!(
            super::to_string_pretty(&normal),
            serde_json::to_string_pretty(&normal).unwrap()
        );
    }
}
