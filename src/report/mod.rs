//! Output formats. Each takes the sorted diagnostics and returns what goes to stdout.

pub mod concise;
pub mod escape;
pub mod excerpt;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod network;
pub mod sarif;
pub mod size;
pub mod size_html;

use crate::diagnostic::{Diagnostic, Severity};
use crate::project::Project;
use crate::source::Position;
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source excerpts with the underlined text, help and docs (for people).
    Human,
    /// `path:line:col: severity[CODE] message`, one per line.
    Concise,
    /// GitHub Actions workflow commands (annotations in the job log and the diff).
    Github,
    /// GitLab Code Quality report (`artifacts:reports:codequality`).
    Gitlab,
    /// mpcheck's own JSON (version 1).
    Json,
    /// JUnit XML: a test suite per file, a failing test case per error or warning.
    Junit,
    /// SARIF 2.1.0 (GitHub code scanning, VS Code's SARIF viewer, ...).
    Sarif,
}

pub struct Options {
    pub color: bool,
    /// Terminal width for the human format; `None` lets miette decide.
    pub width: Option<usize>,
    /// Prepended to project-relative paths in human, concise and github output, so they
    /// resolve from the current directory (`""` when it is the project folder).
    pub path_prefix: String,
    /// The language of mpcheck's own words (the summary line); findings carry their own.
    pub lang: crate::i18n::Lang,
}

/// One project's findings in a run over one or more projects (`check A B`), in output order.
pub struct Run<'a> {
    pub project: &'a Project,
    pub diagnostics: &'a [Diagnostic],
    /// Prepended to the project-relative paths of this project's findings so that they resolve
    /// from the current directory (`""` when it is the project folder).
    pub path_prefix: String,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Files with at least one diagnostic.
    pub files: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        let files: BTreeSet<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            files: files.len(),
        }
    }

    /// `Found 2 errors, 1 warning in 2 files` (`发现 2 个错误、1 个警告，涉及 2 个文件`).
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        if lang == crate::i18n::Lang::Zh {
            let mut parts = vec![
                format!("{} 个错误", self.errors),
                format!("{} 个警告", self.warnings),
            ];
            if self.infos > 0 {
                parts.push(format!("{} 个提示", self.infos));
            }
            return format!("发现 {}，涉及 {} 个文件", parts.join("、"), self.files);
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut parts = vec![
            plural(self.errors, "error"),
            plural(self.warnings, "warning"),
        ];
        if self.infos > 0 {
            parts.push(plural(self.infos, "info"));
        }
        format!(
            "Found {} in {}",
            parts.join(", "),
            plural(self.files, "file")
        )
    }
}

/// The start and end (exclusive) of a diagnostic's span; 1:1 when it has none.
pub fn range(
    project: &Project,
    file: &str,
    span: Option<crate::source::Span>,
) -> (Position, Position) {
    let start = Position { line: 1, column: 1 };
    match (span, project.source(file)) {
        (Some(s), Some(src)) => (src.position(s.start), src.position(s.end)),
        _ => (start, start),
    }
}

pub fn render(
    project: &Project,
    diagnostics: &[Diagnostic],
    format: Format,
    opts: &Options,
) -> String {
    // Human and concise output end with how many findings `--fix` can fix, if any.
    let note = || crate::fix::fixable_note(diagnostics, opts.lang).unwrap_or_default();
    match format {
        Format::Human => human::render(project, diagnostics, opts) + &note(),
        Format::Concise => concise::render(project, diagnostics, opts) + &note(),
        Format::Github => github::render(project, diagnostics, opts),
        Format::Json => json::render(project, diagnostics),
        Format::Gitlab | Format::Junit | Format::Sarif => {
            let runs = [Run {
                project,
                diagnostics,
                path_prefix: opts.path_prefix.clone(),
            }];
            match format {
                Format::Gitlab => gitlab::render(&runs, opts),
                Format::Junit => junit::render(&runs, opts),
                _ => sarif::render(&runs, opts),
            }
        }
    }
}

impl Run<'_> {
    /// The path a report names for `file` of this run: from the current directory, `/`
    /// separators; the pseudo-file of a finding about a command-line value as it is.
    pub fn path(&self, file: &str) -> String {
        if file == crate::diagnostic::ARGUMENTS {
            file.to_string()
        } else {
            format!("{}{file}", self.path_prefix)
        }
    }
}

/// Fingerprints for the CI formats (gitlab, sarif): stable across edits elsewhere in the file
/// (no line numbers, see [`crate::baseline::report_fingerprint`]), and unique within a report:
/// the n-th finding with the same fingerprint, in output order, gets it salted with n, as ruff
/// does. The same findings give the same bytes at any thread count (the order is fixed).
#[derive(Default)]
pub struct Fingerprints {
    seen: std::collections::HashSet<u64>,
}

impl Fingerprints {
    /// The fingerprint of `d` of `run`, as 16 hex digits.
    pub fn next(&mut self, run: &Run, d: &Diagnostic) -> String {
        let base = crate::baseline::report_fingerprint(run.project, d, &run.path(&d.file));
        let mut salt = 0;
        loop {
            let fp = crate::baseline::salted(base, salt);
            if self.seen.insert(fp) {
                return format!("{fp:016x}");
            }
            salt += 1;
        }
    }
}

/// `check --statistics`: how many findings each rule has (of `min` severity and above), most
/// frequent first, then by code; as text or JSON.
pub fn statistics(
    diagnostics: &[Diagnostic],
    min: crate::diagnostic::Severity,
    json: bool,
    lang: crate::i18n::Lang,
) -> String {
    let mut counts: Vec<(
        &'static crate::rule::RuleMeta,
        crate::diagnostic::Severity,
        usize,
    )> = Vec::new();
    for d in diagnostics.iter().filter(|d| d.severity >= min) {
        match counts
            .iter_mut()
            .find(|(r, s, _)| r.code == d.rule.code && *s == d.severity)
        {
            Some(c) => c.2 += 1,
            None => counts.push((d.rule, d.severity, 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.code.cmp(b.0.code)));
    if json {
        let rules: Vec<serde_json::Value> = counts
            .iter()
            .map(|(r, sev, n)| {
                serde_json::json!({
                    "code": r.code,
                    "name": r.name,
                    "severity": sev.as_str(),
                    "count": n,
                })
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&serde_json::json!({ "statistics": rules }))
            .unwrap_or_default();
        s.push('\n');
        return s;
    }
    let width = counts
        .iter()
        .map(|c| c.2.to_string().len())
        .max()
        .unwrap_or(1);
    let name_w = counts.iter().map(|c| c.0.name.len()).max().unwrap_or(0);
    let mut s = String::new();
    for (r, sev, n) in &counts {
        s.push_str(&format!(
            "{n:>width$}  {}  {:<name_w$}  {:<7}  {}\n",
            r.code,
            r.name,
            sev.as_str(),
            r.summary(lang)
        ));
    }
    let total: usize = counts.iter().map(|c| c.2).sum();
    s.push_str(&match lang {
        crate::i18n::Lang::En => format!("{total} finding(s) from {} rule(s)\n", counts.len()),
        crate::i18n::Lang::Zh => format!("共 {total} 个问题，来自 {} 条规则\n", counts.len()),
    });
    s
}
