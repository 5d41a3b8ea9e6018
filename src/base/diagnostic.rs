//! The diagnostic every rule produces, independent of how it is rendered.

use crate::base::i18n::Text;
use crate::base::source::Span;

/// A project-wide analysis a rule reads, computed before the rules run when an enabled rule
/// needs it (see `crate::analysis::Analysis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// The upload set (what miniprogram-ci uploads, per package).
    Upload,
    /// The network call sites with their URLs evaluated.
    Sites,
    /// The config files' roles and schema findings.
    Schemas,
}

/// A per-item check a rule has besides its project check (`Rule::check_file`, `check_wxml`,
/// `check_module`): the engine calls each only on the rules that declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hook {
    /// `check_file`: every file of the project.
    File,
    /// `check_wxml`: every template's tree.
    Wxml,
    /// `check_module`: every JS/TS module.
    Module,
}

/// The groups rules are listed and configured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    /// File reading and JSON syntax.
    Json,
    /// Manifest content: app.json, page/component json, project and other config files.
    Config,
    /// Declared pages and their files.
    Pages,
    /// Network requests and privacy APIs in code.
    Network,
    /// mpcheck's own suppressions.
    Meta,
    /// WXML templates.
    Wxml,
    /// `usingComponents` resolution.
    Components,
    /// What is uploaded and how big it is.
    Package,
    /// The search Widget: its declaration, its canvas-only code, its test configuration and
    /// its template data.
    Widget,
    /// Releasing: what must hold before the code is uploaded.
    Release,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Json => "json",
            Group::Config => "config",
            Group::Pages => "pages",
            Group::Network => "network",
            Group::Meta => "meta",
            Group::Wxml => "wxml",
            Group::Components => "components",
            Group::Package => "package",
            Group::Widget => "widget",
            Group::Release => "release",
        }
    }
}

/// A rule's metadata (declared with `declare_rule!` in [`crate::lint::rule`]); every finding points at
/// its rule's.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable code, `MP` + three digits. Never reused.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    /// The rule's type (`ForWithoutKey`): its name in CamelCase.
    pub type_name: &'static str,
    pub group: Group,
    pub severity: Severity,
    pub summary: &'static str,
    pub summary_zh: &'static str,
    /// `rules/<code>.md`, embedded.
    pub doc: &'static str,
    /// Runs only when enabled in mpcheck.json.
    pub off_by_default: bool,
    /// The analyses the rule reads.
    pub needs: &'static [Need],
    /// The per-item checks it has.
    pub hooks: &'static [Hook],
}

impl RuleMeta {
    pub fn summary(&self, lang: crate::base::i18n::Lang) -> &'static str {
        lang.pick(self.summary, self.summary_zh)
    }
}
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A location in another file that explains the finding (the file an app.json entry names,
/// the definition of a constant, ...). `span` is `None` when the file does not exist.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub file: String,
    pub span: Option<Span>,
    pub message: Text,
}

/// The pseudo-file of findings about a command-line value (`mpcheck release`'s arguments):
/// not a project file, so renderers show it as is, with no excerpt, line or column, and no
/// path prefix.
pub const ARGUMENTS: &str = "<release arguments>";

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static RuleMeta,
    pub severity: Severity,
    /// Path relative to the project folder, with `/` separators, or [`ARGUMENTS`].
    pub file: String,
    /// Byte span in `file`; `None` points at the start of the file.
    pub span: Option<Span>,
    /// What mpcheck says, in both languages (each output format picks one).
    pub message: Text,
    pub label: Option<Text>,
    pub help: Option<Text>,
    pub related: Vec<Related>,
    /// A mechanical fix (`mpcheck check --fix` applies it, `--diff` shows it).
    pub fix: Option<Fix>,
}

/// A fix: edits that together make the finding go away. Applied all or nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
}

/// Replace the bytes of `span` in `file` with `replacement` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Path relative to the project folder, with `/` separators.
    pub file: String,
    /// Byte span in the file's text as the rules see it (after a BOM).
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(file: impl Into<String>, span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            file: file.into(),
            span,
            replacement: replacement.into(),
        }
    }
}

impl Diagnostic {
    pub fn new(
        rule: &'static RuleMeta,
        file: impl Into<String>,
        span: Option<Span>,
        message: impl Into<Text>,
    ) -> Diagnostic {
        Diagnostic {
            rule,
            severity: rule.severity,
            file: file.into(),
            span,
            message: message.into(),
            label: None,
            help: None,
            related: Vec::new(),
            fix: None,
        }
    }
    /// Whether the finding is about a command-line value ([`ARGUMENTS`]), not a file.
    pub fn is_about_arguments(&self) -> bool {
        self.file == ARGUMENTS
    }
    pub fn label(mut self, label: impl Into<Text>) -> Self {
        self.label = Some(label.into());
        self
    }
    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }
    pub fn maybe_help(mut self, help: Option<Text>) -> Self {
        self.help = help;
        self
    }
    /// Attaches a fix of one or more edits (none: no fix).
    pub fn fix(mut self, edits: impl IntoIterator<Item = Edit>) -> Self {
        let edits: Vec<Edit> = edits.into_iter().collect();
        self.fix = (!edits.is_empty()).then_some(Fix { edits });
        self
    }
    pub fn related(
        mut self,
        file: impl Into<String>,
        span: Option<Span>,
        message: impl Into<Text>,
    ) -> Self {
        self.related.push(Related {
            file: file.into(),
            span,
            message: message.into(),
        });
        self
    }
}
