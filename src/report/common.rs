//! What every output format shares: the options, a project's run, how paths are shown,
//! the summary, finding ranges, fingerprints.

use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::source::Position;
use crate::project::Project;
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

#[derive(Clone)]
pub struct Options {
    pub color: bool,
    /// Terminal width for the human format; `None` lets miette decide.
    pub width: Option<usize>,
    /// How project-relative paths are shown in human, concise and github output, so that they
    /// resolve from the current directory.
    pub base: PathBase,
    /// The language shown: findings carry their text in both, mpcheck's own words (the
    /// summary line, labels) are chosen here too.
    pub lang: crate::base::i18n::Lang,
}

/// One project's findings in a run over one or more projects (`check A B`), in output order.
pub struct Run<'a> {
    pub project: &'a Project,
    pub diagnostics: &'a [Diagnostic],
    /// How this project's paths are shown.
    pub base: PathBase,
}

/// How a project's paths are shown: relative to the current directory, the way the user named
/// the project (`fixtures/example/app.json`, `/abs/app/app.json`; `app.json` and
/// `../project.config.json` when run from `miniprogram/` inside the project).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathBase {
    /// Put before a project-relative path: `""`, `"fixtures/example/"`, `"../"`.
    prefix: String,
    /// The current directory's place in the project (`"miniprogram/"`): paths under it are
    /// shown without it.
    inside: String,
}

impl PathBase {
    /// Paths shown as `prefix` + the project-relative path.
    pub fn prefix(prefix: String) -> PathBase {
        PathBase {
            prefix,
            inside: String::new(),
        }
    }

    /// The text put before paths outside the current directory's part of the project.
    pub fn prefix_str(&self) -> &str {
        &self.prefix
    }

    /// The project folder as shown (`.` for the current directory).
    pub fn folder(&self) -> String {
        let shown = self.show("");
        match shown.trim_end_matches('/') {
            "" => ".".to_string(),
            s => s.to_string(),
        }
    }

    /// A project-relative path as shown (a path outside the project, such as a `--config`
    /// file, is absolute and shown as it is).
    pub fn show<'a>(&self, file: &'a str) -> std::borrow::Cow<'a, str> {
        if std::path::Path::new(file).is_absolute() {
            return std::borrow::Cow::Borrowed(file);
        }
        if !self.inside.is_empty()
            && let Some(rest) = file.strip_prefix(self.inside.as_str())
        {
            return std::borrow::Cow::Borrowed(rest);
        }
        if self.prefix.is_empty() {
            std::borrow::Cow::Borrowed(file)
        } else {
            std::borrow::Cow::Owned(format!("{}{file}", self.prefix))
        }
    }

    /// The base for a project found from `typed` (a path as the user typed it, which is `rel`
    /// in the project at `dir`): the typed path's own spelling when it ends with `rel`, else
    /// relative to the current directory, else absolute.
    pub fn from_typed(typed: &std::path::Path, rel: &str, dir: &std::path::Path) -> PathBase {
        use std::path::Component;
        let typed_parts: Vec<Component> = typed
            .components()
            .filter(|c| *c != Component::CurDir)
            .collect();
        let rel_parts: Vec<&str> = rel.split('/').filter(|p| !p.is_empty()).collect();
        let slashed = |s: String| {
            let s = s.replace('\\', "/");
            if s.is_empty() || s.ends_with('/') {
                s
            } else {
                format!("{s}/")
            }
        };
        let plain = typed_parts
            .iter()
            .all(|c| matches!(c, Component::Normal(_)));
        let ends_with = |n: usize| {
            typed_parts[typed_parts.len() - n..]
                .iter()
                .zip(&rel_parts[rel_parts.len() - n..])
                .all(|(t, r)| t.as_os_str() == std::ffi::OsStr::new(r))
        };
        if typed_parts.len() >= rel_parts.len()
            && ends_with(rel_parts.len())
            && typed_parts[typed_parts.len() - rel_parts.len()..]
                .iter()
                .all(|c| matches!(c, Component::Normal(_)))
        {
            let head: std::path::PathBuf = typed_parts[..typed_parts.len() - rel_parts.len()]
                .iter()
                .collect();
            return PathBase::prefix(slashed(head.to_string_lossy().into_owned()));
        }
        if plain && ends_with(typed_parts.len()) {
            let up = rel_parts.len() - typed_parts.len();
            return PathBase {
                prefix: "../".repeat(up),
                inside: slashed(rel_parts[..up].join("/")),
            };
        }
        let cwd = std::env::current_dir()
            .and_then(|d| d.canonicalize())
            .unwrap_or_default();
        if let Ok(below) = dir.strip_prefix(&cwd) {
            return PathBase::prefix(slashed(below.to_string_lossy().into_owned()));
        }
        if let Ok(inside) = cwd.strip_prefix(dir) {
            let inside = inside.to_string_lossy().replace('\\', "/");
            let depth = inside.split('/').filter(|p| !p.is_empty()).count();
            return PathBase {
                prefix: "../".repeat(depth),
                inside: slashed(inside),
            };
        }
        PathBase::prefix(slashed(dir.to_string_lossy().into_owned()))
    }
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

    /// The counts of several projects' findings together.
    pub fn of_runs(runs: &[Run]) -> Summary {
        runs.iter()
            .map(|r| Summary::of(r.diagnostics))
            .fold(Summary::default(), |a, b| Summary {
                errors: a.errors + b.errors,
                warnings: a.warnings + b.warnings,
                infos: a.infos + b.infos,
                files: a.files + b.files,
            })
    }

    /// `Found 2 errors, 1 warning in 2 files` (`发现 2 个错误、1 个警告，涉及 2 个文件`).
    pub fn line(&self, lang: crate::base::i18n::Lang) -> String {
        if lang == crate::base::i18n::Lang::Zh {
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

/// The line after the human and concise output when findings can be fixed.
pub fn fixable_note(n: usize, lang: crate::base::i18n::Lang) -> Option<String> {
    (n > 0).then(|| match lang {
        crate::base::i18n::Lang::Zh => {
            format!("[*] 其中 {n} 个问题可用 `mpcheck check --fix` 自动修复\n")
        }
        crate::base::i18n::Lang::En => format!("[*] {n} fixable with `mpcheck check --fix`\n"),
    })
}

/// A finding's message and help as one text, for formats with one message field (github,
/// sarif); a finding about a command-line value names it first.
pub fn message_with_help(d: &Diagnostic, lang: crate::base::i18n::Lang) -> String {
    let mut message = if d.is_about_arguments() {
        format!("{}: {}", d.file, d.message.get(lang))
    } else {
        d.message.get(lang).to_string()
    };
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {}", help.get(lang)));
    }
    message
}

/// The start and end (exclusive) of a diagnostic's span; 1:1 when it has none.
pub fn range(
    project: &Project,
    file: &str,
    span: Option<crate::base::source::Span>,
) -> (Position, Position) {
    let start = Position { line: 1, column: 1 };
    match (span, project.source(file)) {
        (Some(s), Some(src)) => (src.position(s.start), src.position(s.end)),
        _ => (start, start),
    }
}

impl Run<'_> {
    /// The path a report names for `file` of this run: from the current directory, `/`
    /// separators; the pseudo-file of a finding about a command-line value as it is.
    pub fn path(&self, file: &str) -> String {
        if file == crate::base::diagnostic::ARGUMENTS {
            file.to_string()
        } else {
            self.base.show(file).into_owned()
        }
    }
}

/// Fingerprints for the CI formats (gitlab, sarif): stable across edits elsewhere in the file
/// (no line numbers, see [`crate::report::fingerprint::report_fingerprint`]), and unique within a report:
/// the n-th finding with the same fingerprint, in output order, gets it salted with n, as ruff
/// does. The same findings give the same bytes at any thread count (the order is fixed).
pub struct Fingerprints {
    seen: std::collections::HashSet<u64>,
    /// The language of the messages in the report (they are part of the fingerprint).
    lang: crate::base::i18n::Lang,
}

impl Fingerprints {
    pub fn new(lang: crate::base::i18n::Lang) -> Fingerprints {
        Fingerprints {
            seen: Default::default(),
            lang,
        }
    }

    /// The fingerprint of `d` of `run`, as 16 hex digits.
    pub fn next(&mut self, run: &Run, d: &Diagnostic) -> String {
        let base = crate::report::fingerprint::report_fingerprint(
            run.project,
            d,
            &run.path(&d.file),
            self.lang,
        );
        let mut salt = 0;
        loop {
            let fp = crate::report::fingerprint::salted(base, salt);
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
    min: crate::base::diagnostic::Severity,
    json: bool,
    lang: crate::base::i18n::Lang,
) -> String {
    let mut counts: Vec<(
        &'static crate::lint::rule::RuleMeta,
        crate::base::diagnostic::Severity,
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
        crate::base::i18n::Lang::En => {
            format!("{total} finding(s) from {} rule(s)\n", counts.len())
        }
        crate::base::i18n::Lang::Zh => format!("共 {total} 个问题，来自 {} 条规则\n", counts.len()),
    });
    s
}
