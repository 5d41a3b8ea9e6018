//! What a rule is: its metadata (declared with [`declare_rule!`](crate::declare_rule)) and
//! the hooks the engine calls (each file, each WXML document, each JS/TS module, each network
//! call site, the project).

use crate::analysis::Analysis;
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::project::{Project, ProjectFile};
use crate::syntax::js::url::Origin;
use crate::syntax::js::{Module, Site};
use crate::syntax::wxml::Document;

/// mpcheck's own config file, looked for in the project folder (read by [`crate::lint::config`]).
pub const CONFIG_FILE: &str = "mpcheck.json";

pub use crate::base::diagnostic::{Group, RuleMeta};

/// What a rule sees: the shared project index and the configuration.
pub struct Ctx<'a> {
    pub project: &'a Project,
    /// The project-wide analyses (component graph, schemas, network sites, upload set).
    pub analysis: &'a Analysis<'a>,
    /// The account's upload size limits (`limits` in mpcheck.json).
    pub limits: crate::analysis::package::Limits,
    /// `widget.data` in mpcheck.json: the template data files to validate.
    pub widget_data: &'a WidgetData,
    /// The findings of validating those files, computed once for the MP550–MP560 rules.
    pub widget_data_findings: std::sync::OnceLock<Vec<Diagnostic>>,
    /// Those globs compiled once (`None` when there are none or they do not compile).
    pub widget_data_set: std::sync::OnceLock<Option<crate::base::glob::GlobSet>>,
    /// `mpcheck release`'s arguments; `None` in `check` (the rules that need them are quiet).
    pub release: Option<&'a ReleaseArgs>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        analysis: &'a Analysis<'a>,
        limits: crate::analysis::package::Limits,
        widget_data: &'a WidgetData,
    ) -> Ctx<'a> {
        Ctx {
            project: analysis.project,
            analysis,
            limits,
            widget_data,
            widget_data_findings: std::sync::OnceLock::new(),
            widget_data_set: std::sync::OnceLock::new(),
            release: None,
        }
    }

    /// Whether `path` is one of the `widget.data` files.
    pub fn is_widget_data(&self, path: &str) -> bool {
        self.widget_data_set
            .get_or_init(|| {
                let globs = &self.widget_data.globs;
                (!globs.is_empty())
                    .then(|| {
                        crate::base::glob::GlobSet::new(globs.iter().map(|(g, _)| g.trim())).ok()
                    })
                    .flatten()
            })
            .as_ref()
            .is_some_and(|set| set.is_match(path))
    }
}

impl Ctx<'_> {
    /// A message in both languages (the report picks one when it renders).
    pub fn t(&self, en: String, zh: String) -> Text {
        Text::new(en, zh)
    }

    /// `did you mean "s"?`: the help of a finding that has a likely spelling.
    pub fn did_you_mean(&self, s: &str) -> Text {
        Text::new(
            format!("did you mean \"{s}\"?"),
            format!("是否应为 \"{s}\"？"),
        )
    }

    /// `help`, after [`Ctx::did_you_mean`] when there is a `suggestion`.
    pub fn did_you_mean_then(&self, suggestion: Option<&str>, help: Text) -> Text {
        match suggestion {
            Some(s) => {
                let hint = self.did_you_mean(s);
                Text::new(
                    format!("{} {}", hint.en(), help.en()),
                    format!("{}{}", hint.zh(), help.zh()),
                )
            }
            None => help,
        }
    }
}

/// What [`declare_rule!`](crate::declare_rule) implements: the rule's metadata.
pub trait Declared {
    fn meta(&self) -> &'static RuleMeta;
}

/// A rule's checks (its metadata comes from [`Declared`]).
pub trait Rule: Declared + Sync {
    /// Called once per indexed file, in parallel, on the rules that declare `hooks: [File]`
    /// (likewise `Wxml` and `Module` below: the other rules' calls are not made).
    fn check_file(&self, _ctx: &Ctx, _file: &ProjectFile, _out: &mut Vec<Diagnostic>) {}
    /// Called once per parsed WXML file (`path` relative to the project folder), in parallel:
    /// the engine visits each document once and hands it to every enabled rule in turn.
    fn check_wxml(&self, _ctx: &Ctx, _path: &str, _doc: &Document, _out: &mut Vec<Diagnostic>) {}
    /// Called once per analysed JS/TS module (its facts: calls, requires, secrets, …), in
    /// parallel.
    fn check_module(&self, _ctx: &Ctx, _module: &Module, _out: &mut Vec<Diagnostic>) {}
    /// Called once per network call site outside search widget code, for the rules that
    /// declare `needs: [Sites]`: what the rule finds at it, if anything.
    fn check_site(&self, _ctx: &Ctx, _site: &Site) -> Option<SiteFinding> {
        None
    }
    /// The words of a [`SiteFinding::Origin`] finding: `first` is the group's first site,
    /// `origin` its URL's origin, `calls` the calls in the group (`wx.request`,
    /// `util.request, wx.request; 83 calls`).
    fn origin_text(&self, _ctx: &Ctx, _first: &Site, origin: &Origin, calls: &str) -> OriginText {
        let m = self.meta();
        OriginText {
            message: Text::new(
                format!("{}: {} ({calls})", m.summary, origin.text()),
                format!("{}：{}（{calls}）", m.summary_zh, origin.text()),
            ),
            label: Text::new(m.name.to_string(), m.name.to_string()),
            help: Text::new(
                format!("see `mpcheck explain {}`", m.code),
                format!("参见 `mpcheck explain {}`", m.code),
            ),
        }
    }
    /// Called once per project, in parallel with other rules.
    fn check_project(&self, _ctx: &Ctx, _out: &mut Vec<Diagnostic>) {}
}

/// What a rule finds at a network call site ([`Rule::check_site`]).
pub enum SiteFinding {
    /// A finding at the call itself.
    AtCall(Diagnostic),
    /// A finding about the URL's origin, with a key: what else must match for one fix to
    /// cover several sites (the category's whitelist, the required scheme). The sites with one
    /// key whose host is written in one place are one finding (a host written outside the
    /// call, in a constant or a wrapper's base URL, is reported there with every call as a
    /// related location), worded by [`Rule::origin_text`].
    Origin(String),
}

/// The texts of a finding about a URL origin.
pub struct OriginText {
    pub message: Text,
    pub label: Text,
    pub help: Text,
}

/// Declares a rule: its unit struct (named as the rule, `for-without-key` is
/// `ForWithoutKey`; a meta test checks), its metadata as `pub static META` with the doc from
/// `rules/<code>.md`, and [`Declared`] for it.
///
/// ```ignore
/// crate::declare_rule! {
///     ForWithoutKey, code: "MP324", name: "for-without-key", group: Wxml, severity: Info,
///     summary: ["wx:for has no wx:key", "wx:for 没有指定 wx:key"],
/// }
/// ```
/// After the summary, `needs: [Upload, Sites, Schemas],` names the analyses the rule reads
/// (computed before the rules run; the tests fail when a rule reads one it does not name), and
/// `off_by_default: true,` makes a rule opt-in.
#[macro_export]
macro_rules! declare_rule {
    ($(#[$attr:meta])* $ty:ident, code: $code:literal, name: $name:literal, group: $group:ident,
        severity: $sev:ident, summary: [$summary:literal, $summary_zh:literal]
        $(, needs: [$($need:ident),* $(,)?])? $(, hooks: [$($hook:ident),* $(,)?])?
        $(, off_by_default: $off:literal)? $(,)?
    ) => {
        $(#[$attr])*
        pub struct $ty;

        pub static META: $crate::lint::rule::RuleMeta = $crate::lint::rule::RuleMeta {
            code: $code,
            name: $name,
            type_name: stringify!($ty),
            group: $crate::lint::rule::Group::$group,
            severity: $crate::base::diagnostic::Severity::$sev,
            summary: $summary,
            summary_zh: $summary_zh,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $code, ".md")),
            off_by_default: false $(|| $off)?,
            needs: &[$($($crate::base::diagnostic::Need::$need),*)?],
            hooks: &[$($($crate::base::diagnostic::Hook::$hook),*)?],
        };

        impl $crate::lint::rule::Declared for $ty {
            fn meta(&self) -> &'static $crate::lint::rule::RuleMeta {
                &META
            }
        }
    };
}

/// Where a release argument's value came from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// A command-line option.
    Option,
    /// An environment variable (`MPCHECK_UPLOAD_KEY`).
    Env,
    /// `project.config.json` (the appid).
    ProjectConfig,
    /// The subject of the git HEAD commit (the description).
    GitHead,
}

/// `mpcheck release`'s arguments, as given (validated by the MP6xx rules).
#[derive(Debug, Clone, Default)]
pub struct ReleaseArgs {
    /// `--version`, as typed.
    pub version: String,
    /// The description and where it came from (`--desc`, else the git HEAD subject); `None`
    /// when neither exists (miniprogram-ci then writes its own).
    pub desc: Option<(String, Given)>,
    /// `--appid`, else project.config.json's `appid` (`None` when neither is a string).
    pub appid: Option<(String, Given)>,
    /// `--key`, else `$MPCHECK_UPLOAD_KEY`: the key file's path (`None`: neither is set).
    pub key: Option<(std::path::PathBuf, Given)>,
    /// `--robot`, as typed (default `"1"`).
    pub robot: String,
}

impl Given {
    pub fn describe(self) -> &'static str {
        match self {
            Given::Option => "the command line",
            Given::Env => "MPCHECK_UPLOAD_KEY",
            Given::ProjectConfig => "project.config.json",
            Given::GitHead => "the git HEAD commit's subject",
        }
    }

    /// [`describe`](Given::describe) in Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Given::Option => "命令行",
            Given::Env => "MPCHECK_UPLOAD_KEY",
            Given::ProjectConfig => "project.config.json",
            Given::GitHead => "git HEAD 提交的标题",
        }
    }
}

/// `widget.data` in mpcheck.json: globs (relative to the project folder) naming the template
/// data files `mpcheck check` validates (MP550–MP560).
#[derive(Debug, Clone, Default)]
pub struct WidgetData {
    /// Each pattern with the span of its string in the config file.
    pub globs: Vec<(String, crate::base::source::Span)>,
    /// The config file the globs come from.
    pub config: Option<std::path::PathBuf>,
}
