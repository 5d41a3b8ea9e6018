//! The default format: miette's graphical renderer, one frame per finding, the offending text
//! underlined, help and related locations in other files, then the summary line.

use super::common::Options;
use super::excerpt::{Excerpt, Label};
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::base::source::{Source, Span};
use crate::project::Project;
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use std::fmt;

/// A diagnostic (or one of its related locations) in the shape miette renders.
struct Frame {
    message: String,
    code: Option<String>,
    severity: miette::Severity,
    help: Option<String>,
    source: Option<Excerpt>,
    labels: Vec<LabeledSpan>,
    related: Vec<Frame>,
}

impl fmt::Debug for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Frame {}

impl miette::Diagnostic for Frame {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        (!self.labels.is_empty()).then(|| Box::new(self.labels.iter().cloned()) as _)
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        (!self.related.is_empty())
            .then(|| Box::new(self.related.iter().map(|r| r as &dyn miette::Diagnostic)) as _)
    }
}

/// The excerpt of `file` for `labels` (the first is the finding's own span, `None`: the start
/// of the file), or `None` when the file has no text to show.
fn located(
    source: Option<&Source>,
    name: &str,
    labels: Vec<(Option<Span>, Option<String>)>,
) -> (Option<Excerpt>, Vec<LabeledSpan>) {
    let Some(src) = source else {
        return (None, vec![]);
    };
    let labels: Vec<Label> = labels
        .into_iter()
        .enumerate()
        .map(|(i, (span, text))| Label {
            span: span.unwrap_or_default(),
            text,
            primary: i == 0,
        })
        .collect();
    let (excerpt, spans) = Excerpt::new(name, src, &labels);
    (Some(excerpt), spans)
}

/// Related locations drawn in full; more are counted.
const RELATED_SHOWN: usize = 3;

fn frame(project: &Project, d: &Diagnostic, base: &super::common::PathBase, lang: Lang) -> Frame {
    // A finding about a command-line value: no prefix, no excerpt.
    let (path, source) = if d.is_about_arguments() {
        (d.file.clone(), None)
    } else {
        (base.show(&d.file).into_owned(), project.source(&d.file))
    };
    // Related locations: a second label when in the same file, a frame of their own when in
    // another file with text, else a note line (a file that does not exist).
    let mut labels = vec![(d.span, d.label.as_ref().map(|l| l.get(lang).to_string()))];
    let mut notes = Vec::new();
    let mut related = Vec::new();
    // Many related locations (the call sites of one constant): the first few, then a count.
    let shown = if d.related.len() > RELATED_SHOWN + 1 {
        RELATED_SHOWN
    } else {
        d.related.len()
    };
    for r in &d.related[..shown] {
        let rpath = base.show(&r.file).into_owned();
        let rsource = r.span.and(project.source(&r.file));
        match (rsource, r.span) {
            (Some(_), Some(span)) if r.file == d.file && source.is_some() => {
                labels.push((Some(span), Some(r.message.get(lang).to_string())));
            }
            (Some(src), _) => {
                let (named, labels) = located(
                    Some(src),
                    &rpath,
                    vec![(r.span, Some(r.message.get(lang).to_string()))],
                );
                related.push(Frame {
                    message: escape::text(r.message.get(lang)).into_owned(),
                    code: None,
                    severity: miette::Severity::Advice,
                    help: None,
                    source: named,
                    labels,
                    related: vec![],
                });
            }
            (None, _) => notes.push(format!(
                "{}{}{}",
                escape::line(&rpath),
                lang.pick(": ", "："),
                r.message.get(lang)
            )),
        }
    }
    if shown < d.related.len() {
        let more = d.related.len() - shown;
        notes.push(match lang {
            Lang::En => {
                format!("… and {more} more related locations (all of them in --format json)")
            }
            Lang::Zh => format!("…… 另有 {more} 处相关位置（--format json 列出全部）"),
        });
    }
    let (named, labels) = located(source, &path, labels);
    let message = if named.is_none() {
        format!(
            "{}: {}",
            escape::line(&path),
            escape::text(d.message.get(lang))
        )
    } else {
        escape::text(d.message.get(lang)).into_owned()
    };
    let mut help = d
        .help
        .as_ref()
        .map_or_else(String::new, |h| h.get(lang).to_string());
    for note in notes {
        if !help.is_empty() {
            help.push('\n');
        }
        help.push_str(lang.pick("note: ", "注："));
        help.push_str(&note);
    }
    if !help.is_empty() {
        help.push('\n');
    }
    help.push_str(lang.pick("docs: ", "文档："));
    help.push_str(&format!("mpcheck explain {}", d.rule.code));
    Frame {
        message,
        code: Some(format!("{}({})", d.rule.code, d.rule.name)),
        severity: match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        },
        help: Some(escape::text(&help).into_owned()),
        source: named,
        labels,
        related,
    }
}

pub fn handler(opts: &Options) -> GraphicalReportHandler {
    let theme = if opts.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let mut h = GraphicalReportHandler::new_themed(theme).without_syntax_highlighting();
    if let Some(w) = opts.width {
        h = h.with_width(w);
    }
    h.with_links(false)
}

pub fn render(project: &Project, diagnostics: &[Diagnostic], opts: &Options) -> String {
    use rayon::prelude::*;
    let handler = handler(opts);
    // Drawing a snippet is the costly part of a report: draw them in parallel, join in order,
    // a chunk at a time (so the frames in flight never double the output in memory).
    let mut out = String::new();
    for chunk in diagnostics.chunks(1024) {
        let parts: Vec<String> = chunk
            .par_iter()
            .map(|d| {
                let mut part = String::new();
                let f = frame(project, d, &opts.base, opts.lang);
                if handler.render_report(&mut part, &f).is_err() {
                    part.push_str(&format!(
                        "{}: {}\n",
                        escape::line(&d.file),
                        escape::text(d.message.get(opts.lang))
                    ));
                }
                part.push('\n');
                localize_help_label(part, opts.lang)
            })
            .collect();
        for part in parts {
            out.push_str(&part);
        }
    }
    out
}

/// Renders a standalone error (a bad mpcheck.json) the same way.
pub fn render_error(
    opts: &Options,
    message: String,
    help: Option<String>,
    file: Option<(String, &Source, Option<Span>)>,
) -> String {
    let (source, labels) = match file {
        Some((name, src, span)) => located(Some(src), &name, vec![(span, None)]),
        None => (None, vec![]),
    };
    let f = Frame {
        message: escape::text(&message).into_owned(),
        code: None,
        severity: miette::Severity::Error,
        help: help.map(|h| escape::text(&h).into_owned()),
        source,
        labels,
        related: vec![],
    };
    let mut out = String::new();
    let _ = handler(opts).render_report(&mut out, &f);
    localize_help_label(out, opts.lang)
}

/// miette writes the help label itself, `  help: ` at the start of a line (inside colour
/// codes when in colour), and has no option to change it: in Chinese it is replaced by
/// `  帮助：`, as wide in a terminal (8 columns), so the wrapped lines under it still align.
/// No other line of a report starts so: a message's lines go on after `  │ `, the help's
/// after eight spaces, an excerpt's after its line number.
fn localize_help_label(report: String, lang: Lang) -> String {
    const LABEL: &str = "  help: ";
    if lang == Lang::En || !report.contains(LABEL) {
        return report;
    }
    let mut out = String::with_capacity(report.len() + 8);
    for line in report.split_inclusive('\n') {
        let start = ansi_prefix_len(line);
        match line[start..].strip_prefix(LABEL) {
            Some(rest) => {
                out.push_str(&line[..start]);
                out.push_str("  帮助：");
                out.push_str(rest);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The length of the SGR sequences (`\x1b[…m`) at the start of `line`.
fn ansi_prefix_len(line: &str) -> usize {
    let mut at = 0;
    while let Some(rest) = line[at..].strip_prefix("\x1b[") {
        match rest.find('m') {
            Some(m) if rest[..m].bytes().all(|b| b.is_ascii_digit() || b == b';') => {
                at += 2 + m + 1;
            }
            _ => break,
        }
    }
    at
}
