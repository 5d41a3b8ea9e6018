//! What parsing a JS/TS file yields: symbolic values, network calls, wrappers, imports,
//! component constructors, and the URL parts they evaluate to.

use crate::base::source::Span;
use rustc_hash::FxHashMap as HashMap;

/// A symbolic value: what a URL expression is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Sym {
    /// A string and where it is written in the module (`None`: made by mpcheck).
    Str(String, Option<Span>),
    Concat(Vec<Sym>),
    Ident(String),
    /// A variable of a function: its index in [`Module::locals`], and whether its value uses
    /// the function's parameters. (A reference, not a copy: `b = a + a; c = b + b; …` stays
    /// small.)
    Local(usize, bool),
    Member(Box<Sym>, String),
    Object(Vec<(String, Sym, Span)>),
    Array(Vec<(Sym, Span)>),
    /// `getApp()`.
    GetApp,
    /// A parameter: the id of its function (unique in the module), its index, and its name.
    Param(usize, usize, String),
    /// A string method called on a value: `base.concat(path)`, `url.replace('{id}', id)`.
    Method(Box<Sym>, StrMethod, Vec<Sym>),
    /// One of several values, chosen at run time (`c ? a : b`, `a || b`, a variable assigned
    /// in several places): known when every choice gives the same origin; else unknown for
    /// the reason given, with the source text.
    Choice(Vec<Sym>, Why, String),
    /// The value a nested function (a setter) assigns to a variable: a run-time value when
    /// something in the project calls a function of that name, else no value at all (the
    /// assignment never runs). Only meaningful as a [`Sym::Choice`] option.
    SetIn(String, String),
    /// `url` when it is an absolute URL, else the other value: a branch on
    /// `url.indexOf('http') === 0` or `/^https?:/.test(url)` (absolute URLs pass through a
    /// wrapper, paths get its base URL).
    IfAbsolute(Box<Sym>, Box<Sym>),
    /// A value of another module (a `globalData` field set in a page): the module's path.
    In(String, Box<Sym>),
    /// Not statically known: why, and the source text.
    Unknown(Why, String),
}

/// The string methods whose result keeps what is known of the receiver.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StrMethod {
    Concat,
    Replace,
    ReplaceAll,
    Trim,
    TrimStart,
    TrimEnd,
    ToLowerCase,
    /// `toString()`, `valueOf()`: the receiver itself.
    Identity,
}

impl StrMethod {
    pub fn from_name(name: &str) -> Option<StrMethod> {
        Some(match name {
            "concat" => StrMethod::Concat,
            "replace" => StrMethod::Replace,
            "replaceAll" => StrMethod::ReplaceAll,
            "trim" => StrMethod::Trim,
            "trimStart" | "trimLeft" => StrMethod::TrimStart,
            "trimEnd" | "trimRight" => StrMethod::TrimEnd,
            "toLowerCase" => StrMethod::ToLowerCase,
            "toString" | "valueOf" => StrMethod::Identity,
            _ => return None,
        })
    }
}

/// Why part of a URL is not statically known (the census groups unknown sites by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Why {
    /// A parameter of a function no call here reaches (a page method, an event handler, an
    /// exported function nobody in the project calls).
    Parameter,
    /// A property of `this`: page or component state (`this.data.x`), an object's field.
    State,
    /// What a function call returns.
    CallResult,
    /// A name the project does not define (a global, or a module-level `let` never set).
    Unresolved,
    /// An import whose module is not in the project, or does not export the name.
    Import,
    /// A computed property (`obj[key]`).
    Property,
    /// A property the object it is read from does not define (the URL is `undefined`).
    NoSuchProperty,
    /// A `globalData` field not set in `App({ globalData })`.
    AppData,
    /// A variable assigned more than one value.
    Reassigned,
    /// An expression mpcheck does not evaluate (a condition, `||`, arithmetic).
    Expression,
    /// A value defined through too many steps.
    TooIndirect,
}

impl Why {
    pub fn key(self) -> &'static str {
        match self {
            Why::Parameter => "parameter",
            Why::State => "this-state",
            Why::CallResult => "call-result",
            Why::Unresolved => "unresolved-name",
            Why::Import => "unresolved-import",
            Why::Property => "dynamic-property",
            Why::NoSuchProperty => "missing-property",
            Why::AppData => "app-data",
            Why::Reassigned => "reassigned",
            Why::Expression => "expression",
            Why::TooIndirect => "too-indirect",
        }
    }
}

impl Sym {
    pub fn has_param(&self) -> bool {
        match self {
            Sym::Param(..) | Sym::Local(_, true) => true,
            Sym::Concat(p) => p.iter().any(Sym::has_param),
            Sym::Member(b, _) => b.has_param(),
            Sym::Object(props) => props.iter().any(|(_, v, _)| v.has_param()),
            Sym::Array(items) => items.iter().any(|(v, _)| v.has_param()),
            Sym::Method(r, _, args) => r.has_param() || args.iter().any(Sym::has_param),
            Sym::Choice(options, ..) => options.iter().any(Sym::has_param),
            Sym::IfAbsolute(a, b) => a.has_param() || b.has_param(),
            _ => false,
        }
    }

    /// A string made by mpcheck (no source location).
    pub fn text(s: impl Into<String>) -> Sym {
        Sym::Str(s.into(), None)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportName {
    Named(String),
    Default,
    Namespace,
}

#[derive(Debug, Clone)]
pub enum Binding {
    Value(Sym, Span),
    Import { from: String, name: ImportName },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    Request,
    UploadFile,
    DownloadFile,
    Socket,
    Udp,
    Tcp,
    WebView,
}

impl Category {
    /// The name DevTools and mpcheck.json use: `request`, `socket`, ...
    pub fn key(self) -> &'static str {
        match self {
            Category::Request => "request",
            Category::UploadFile => "uploadFile",
            Category::DownloadFile => "downloadFile",
            Category::Socket => "socket",
            Category::Udp => "udp",
            Category::Tcp => "tcp",
            Category::WebView => "webview",
        }
    }
    pub const ALL: [Category; 7] = [
        Category::Request,
        Category::UploadFile,
        Category::DownloadFile,
        Category::Socket,
        Category::Udp,
        Category::Tcp,
        Category::WebView,
    ];
}

/// A call of a governed network API.
#[derive(Debug, Clone)]
pub struct NetCall {
    pub category: Category,
    /// `request`, `uploadFile`, `tcp.connect`, or the wrapper's name.
    pub api: String,
    pub url: Sym,
    /// The URL expression.
    pub span: Span,
}

/// A function whose parameter becomes the URL of a governed call.
#[derive(Debug, Clone)]
pub struct Wrapper {
    pub name: String,
    /// The function's id (its parameters' [`Sym::Param`] id).
    pub fid: usize,
    pub category: Category,
    pub api: String,
    pub url: Sym,
    /// The URL expression in the function (where the call is reported when nothing in the
    /// project calls the function).
    pub span: Span,
}

/// A call that may reach a wrapper: `request(...)`, `http.get(...)`.
#[derive(Debug, Clone)]
pub struct CandidateCall {
    pub callee: Vec<String>,
    pub args: Vec<(Sym, Span)>,
    /// The named function whose parameters the arguments pass on, if any: the call is then
    /// part of that function's body, and the function a wrapper when the call reaches one.
    pub forwards_for: Option<String>,
    /// The id of that function.
    pub owner_fid: usize,
}

#[derive(Debug, Clone)]
pub struct SecretCandidate {
    pub key: String,
    pub span: Span,
}

/// What one JS/TS file contributes.
#[derive(Debug, Default, Clone)]
pub struct Module {
    pub path: String,
    /// Why the file was not (fully) analysed; the facts below are then incomplete.
    pub unanalysed: Option<Unanalysed>,
    pub bindings: HashMap<String, Binding>,
    pub exports: HashMap<String, Sym>,
    pub module_exports: Option<Sym>,
    pub calls: Vec<NetCall>,
    pub wrappers: Vec<Wrapper>,
    pub candidates: Vec<CandidateCall>,
    /// `globalData` fields: name, value, span of the value.
    pub global_data: Vec<(String, Sym, Span)>,
    /// Location APIs called: name and span of the method name.
    pub location_apis: Vec<(String, Span)>,
    pub secrets: Vec<SecretCandidate>,
    /// `mpcheck-disable…` comments.
    pub directives: Vec<crate::syntax::suppress::Directive>,
    /// The one top-level `Page({...})` or `Component({...})` call.
    pub constructor: Option<Constructor>,
    /// `Behavior({...})` definitions by local name, `"module.exports"` or `"default"`.
    pub behaviors: Vec<(String, MethodSet)>,
    /// Every module specifier it loads: `require("…")`, `import … from "…"`, `import("…")`,
    /// `export … from "…"`; with the span of the specifier string.
    pub requires: Vec<(String, Span)>,
    /// `wx.<name>` reads on the global `wx` (the search Widget's whitelist): the property name
    /// and its span.
    pub wx_members: Vec<(String, Span)>,
    /// `Widget(…)` calls (the search Widget's registration).
    pub widget_calls: Vec<WidgetCall>,
    /// References to `App`, `Page`, `Component`, `Behavior` or `getApp` that the file does not
    /// bind itself (not counting `typeof X`): name and span.
    pub framework_refs: Vec<(String, Span)>,
    /// The variables of its functions, by [`Sym::Local`] index: name and value.
    pub locals: Vec<(String, Sym)>,
    /// The names of the functions and methods it calls (`f(…)`, `x.f(…)`), sorted, once each.
    pub called_names: Vec<String>,
}

/// Why a code file (JS/TS, WXS or WXML) was not analysed, or only in part (rule MP006).
#[derive(Debug, Clone, PartialEq)]
pub enum Unanalysed {
    /// The parser's first error (JS/TS); what it recovered is still analysed.
    Syntax { message: String, span: Span },
    /// A NUL byte at `offset`: not text; not parsed.
    Binary { offset: usize },
    /// Nested more than `limit` levels deep at `span` ([`super::depth::MAX_NESTING`] for code that
    /// was not parsed, [`super::depth::MAX_VISIT_DEPTH`] where a walk stopped, the element limit of
    /// WXML).
    TooDeep { span: Span, limit: usize },
}

impl Unanalysed {
    /// A NUL byte in `text`: a binary file with a code extension.
    pub fn binary(text: &str) -> Option<Unanalysed> {
        // memchr's vector search: every code file and template is scanned whole.
        memchr::memchr(0, text.as_bytes()).map(|offset| Unanalysed::Binary { offset })
    }

    /// The span to point at.
    pub fn span(&self) -> Span {
        match self {
            Unanalysed::Syntax { span, .. } | Unanalysed::TooDeep { span, .. } => *span,
            Unanalysed::Binary { offset } => Span::new(*offset, *offset + 1),
        }
    }
}

/// A `Widget(…)` call: the callee's span, and the keys of its object argument when it is an
/// object literal (`None` otherwise).
#[derive(Debug, Clone)]
pub struct WidgetCall {
    pub span: Span,
    pub keys: Option<Vec<(String, Span)>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstructorKind {
    Page,
    Component,
}

/// A `Page`/`Component` registration: the callee's span and what it defines.
#[derive(Debug, Clone)]
pub struct Constructor {
    pub kind: ConstructorKind,
    pub span: Span,
    pub set: MethodSet,
}

/// The method names a registration or behavior defines.
#[derive(Debug, Clone, Default)]
pub struct MethodSet {
    pub methods: Vec<String>,
    pub behaviors: Vec<BehaviorRef>,
    /// Component: top-level keys, which are options, not methods.
    pub outside_methods: Vec<String>,
    /// Some methods come from somewhere not statically known (a spread, a variable).
    pub open: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BehaviorRef {
    /// A `wx://…` built-in behavior: adds no methods.
    BuiltIn,
    /// A name bound in the module (a local `Behavior({...})`, an import or `require`).
    Local(String),
    Unknown,
}

/// Where a string was written: a file of the project and a span in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub file: String,
    pub span: Span,
}

/// A piece of an evaluated URL.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Known text, and where it was written (`None`: made by mpcheck or not in a script).
    Lit(String, Option<Loc>),
    /// Text known only at run time: why, and the expression.
    Hole(Why, String),
    /// One of several texts, chosen at run time (a [`Sym::Choice`]): resolved for the whole
    /// URL by [`resolve_forks`].
    Fork(Vec<Vec<Part>>, Why, String),
}

impl Part {
    pub fn lit(s: impl Into<String>) -> Part {
        Part::Lit(s.into(), None)
    }
}
