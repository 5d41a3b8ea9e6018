//! JavaScript/TypeScript facts for the network and privacy rules: each file is parsed once
//! (oxc, in parallel), then URL expressions are resolved across modules as far as they are
//! statically known: literals, `+`, template literals, constants, `require`/`import`d
//! constants and object properties, `getApp().globalData` fields set in app.js, and calls
//! through wrapper functions.

pub mod component;
pub mod depth;
pub mod extract;
pub mod url;
pub mod webview;

use crate::source::Span;
use std::collections::{HashMap, HashSet};

/// A symbolic value: what a URL expression is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Sym {
    Str(String),
    Concat(Vec<Sym>),
    Ident(String),
    Member(Box<Sym>, String),
    Object(Vec<(String, Sym, Span)>),
    /// `getApp()`.
    GetApp,
    /// The i-th parameter of the enclosing wrapper function.
    Param(usize),
    /// Not statically known; the text says what.
    Unknown(String),
}

impl Sym {
    pub fn has_param(&self) -> bool {
        match self {
            Sym::Param(_) => true,
            Sym::Concat(p) => p.iter().any(Sym::has_param),
            Sym::Member(b, _) => b.has_param(),
            Sym::Object(props) => props.iter().any(|(_, v, _)| v.has_param()),
            _ => false,
        }
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
    pub category: Category,
    pub api: String,
    pub url: Sym,
}

/// A call that may reach a wrapper: `request(...)`, `http.get(...)`.
#[derive(Debug, Clone)]
pub struct CandidateCall {
    pub callee: Vec<String>,
    pub args: Vec<(Sym, Span)>,
    /// The named function the call is in, if any.
    pub in_function: Option<String>,
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
    pub directives: Vec<crate::suppress::Directive>,
    /// The one top-level `Page({...})` or `Component({...})` call.
    pub constructor: Option<Constructor>,
    /// `Behavior({...})` definitions by local name, `"module.exports"` or `"default"`.
    pub behaviors: Vec<(String, MethodSet)>,
    /// Every module specifier it loads: `require("…")`, `import … from "…"`, `import("…")`,
    /// `export … from "…"`.
    pub requires: Vec<String>,
}

/// Why a code file (JS/TS, WXS or WXML) was not analysed, or only in part (rule MP006).
#[derive(Debug, Clone, PartialEq)]
pub enum Unanalysed {
    /// The parser's first error (JS/TS); what it recovered is still analysed.
    Syntax { message: String, span: Span },
    /// A NUL byte at `offset`: not text; not parsed.
    Binary { offset: usize },
    /// Nested more than `limit` levels deep at `span` ([`depth::MAX_NESTING`] for code that
    /// was not parsed, [`depth::MAX_VISIT_DEPTH`] where a walk stopped, the element limit of
    /// WXML).
    TooDeep { span: Span, limit: usize },
}

impl Unanalysed {
    /// A NUL byte in `text`: a binary file with a code extension.
    pub fn binary(text: &str) -> Option<Unanalysed> {
        text.find('\0').map(|offset| Unanalysed::Binary { offset })
    }

    /// The span to point at.
    pub fn span(&self) -> Span {
        match self {
            Unanalysed::Syntax { span, .. } | Unanalysed::TooDeep { span, .. } => *span,
            Unanalysed::Binary { offset } => Span::new(*offset, *offset + 1),
        }
    }
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

/// A piece of an evaluated URL.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Lit(String),
    Hole(String),
}

/// A network call site with its URL evaluated.
#[derive(Debug, Clone)]
pub struct Site {
    pub file: String,
    pub span: Span,
    pub category: Category,
    pub api: String,
    pub parts: Vec<Part>,
    /// Where the constant that gave the URL its origin was defined, if in another place.
    pub defined_at: Option<(String, Span)>,
    /// The URL's origin, computed once.
    pub origin: url::Resolved,
}

impl Site {
    pub fn new(
        file: String,
        span: Span,
        category: Category,
        api: String,
        parts: Vec<Part>,
        defined_at: Option<(String, Span)>,
    ) -> Site {
        let origin = url::origin(&parts);
        Site {
            file,
            span,
            category,
            api,
            parts,
            defined_at,
            origin,
        }
    }
}

const MAX_DEPTH: usize = 24;

/// Resolves symbolic values across modules.
pub struct Resolver<'a> {
    pub modules: &'a HashMap<String, Module>,
    /// The miniprogram root prefix (`""` or `"dist/"`).
    pub root: &'a str,
    /// app.js's path.
    pub app_js: String,
}

struct Frame<'s> {
    module: &'s str,
    /// Wrapper parameters: the caller's module and arguments.
    params: Option<(&'s str, &'s [(Sym, Span)])>,
}

impl<'a> Resolver<'a> {
    /// The module a specifier names, from the module at `from`.
    pub fn resolve_specifier(&self, from: &str, spec: &str) -> Option<&'a str> {
        let dir = from.rsplit_once('/').map_or("", |(d, _)| d);
        let joined = if let Some(abs) = spec.strip_prefix('/') {
            format!("{}{abs}", self.root)
        } else if spec.starts_with("./") || spec.starts_with("../") {
            if dir.is_empty() {
                spec.to_string()
            } else {
                format!("{dir}/{spec}")
            }
        } else {
            // A bare path: the platform tries it next to the file first (`utils/env.js`),
            // then as an npm package.
            let local = if dir.is_empty() {
                spec.to_string()
            } else {
                format!("{dir}/{spec}")
            };
            return self
                .find_module(&local)
                .or_else(|| self.resolve_npm(dir, spec));
        };
        self.find_module(&joined)
    }

    /// The module at `path` (normalised), with `.js`/`.ts`/`/index.js`/`/index.ts` tried.
    fn find_module(&self, path: &str) -> Option<&'a str> {
        let base = crate::project::components::normalize(path)?;
        for candidate in [
            base.clone(),
            format!("{base}.js"),
            format!("{base}.ts"),
            format!("{base}/index.js"),
            format!("{base}/index.ts"),
        ] {
            if let Some((k, _)) = self.modules.get_key_value(&candidate) {
                return Some(k.as_str());
            }
        }
        None
    }

    /// A bare specifier (`apifm-wxapi`, `@vant/weapp/x`): `miniprogram_npm/<spec>` in the
    /// file's folder or the nearest one above it, within the miniprogram root.
    fn resolve_npm(&self, dir: &str, spec: &str) -> Option<&'a str> {
        if spec.is_empty() || spec.contains("..") {
            return None;
        }
        let mut dir = dir.to_string();
        loop {
            let base = if dir.is_empty() {
                format!("miniprogram_npm/{spec}")
            } else {
                format!("{dir}/miniprogram_npm/{spec}")
            };
            for candidate in [
                base.clone(),
                format!("{base}.js"),
                format!("{base}/index.js"),
            ] {
                if let Some((k, _)) = self.modules.get_key_value(&candidate) {
                    return Some(k.as_str());
                }
            }
            let root = self.root.trim_end_matches('/');
            if dir.is_empty() || dir == root {
                return None;
            }
            dir = dir
                .rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string());
        }
    }

    /// Evaluates `sym` in `module`.
    pub fn eval(
        &self,
        module: &str,
        sym: &Sym,
        defined_at: &mut Option<(String, Span)>,
    ) -> Vec<Part> {
        let mut out = Vec::new();
        let frame = Frame {
            module,
            params: None,
        };
        self.eval_into(&frame, sym, 0, &mut out, defined_at);
        out
    }

    /// Evaluates a wrapper's URL with the caller's arguments.
    pub fn eval_call(
        &self,
        wrapper_module: &str,
        url: &Sym,
        caller: &str,
        args: &[(Sym, Span)],
        defined_at: &mut Option<(String, Span)>,
    ) -> Vec<Part> {
        let mut out = Vec::new();
        let frame = Frame {
            module: wrapper_module,
            params: Some((caller, args)),
        };
        self.eval_into(&frame, url, 0, &mut out, defined_at);
        out
    }

    fn eval_into(
        &self,
        f: &Frame,
        sym: &Sym,
        depth: usize,
        out: &mut Vec<Part>,
        def: &mut Option<(String, Span)>,
    ) {
        if depth > MAX_DEPTH {
            out.push(Part::Hole("a value defined too indirectly".into()));
            return;
        }
        match sym {
            Sym::Str(s) => out.push(Part::Lit(s.clone())),
            Sym::Concat(parts) => {
                for p in parts {
                    self.eval_into(f, p, depth + 1, out, def);
                }
            }
            Sym::Param(i) => match f.params.and_then(|(m, args)| Some((m, args.get(*i)?))) {
                Some((caller, (arg, _))) => {
                    let frame = Frame {
                        module: caller,
                        params: None,
                    };
                    self.eval_into(&frame, arg, depth + 1, out, def);
                }
                None => out.push(Part::Hole("a function parameter".into())),
            },
            Sym::Ident(name) => match self.lookup(f.module, name, depth) {
                Some((m, value, at)) => {
                    if def.is_none()
                        && let Some(at) = at
                    {
                        *def = Some((m.to_string(), at));
                    }
                    let frame = Frame {
                        module: m,
                        params: None,
                    };
                    self.eval_into(&frame, &value, depth + 1, out, def);
                }
                None => out.push(Part::Hole(display_name(name))),
            },
            Sym::Member(base, prop) => match self.member(f, base, prop, depth) {
                Some((m, value, at)) => {
                    if def.is_none()
                        && let Some(at) = at
                    {
                        *def = Some((m.to_string(), at));
                    }
                    let frame = Frame {
                        module: m,
                        params: f.params,
                    };
                    self.eval_into(&frame, &value, depth + 1, out, def);
                }
                None => out.push(Part::Hole(format!("{}.{prop}", describe(base)))),
            },
            Sym::GetApp => out.push(Part::Hole("getApp()".into())),
            Sym::Object(_) => out.push(Part::Hole("an object".into())),
            Sym::Unknown(s) => out.push(Part::Hole(s.clone())),
        }
    }

    /// The value bound to `name` in `module`: (module it lives in, value, definition span).
    ///
    /// `depth` counts the steps taken (imports and exports can form a cycle).
    fn lookup(
        &self,
        module: &'a str,
        name: &str,
        depth: usize,
    ) -> Option<(&'a str, Sym, Option<Span>)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        let m = self.modules.get(module)?;
        match m.bindings.get(name)? {
            Binding::Value(v, at) => Some((module, v.clone(), Some(*at))),
            Binding::Import {
                from,
                name: ImportName::Named(n),
            } => {
                let target = self.resolve_specifier(module, from)?;
                self.export(target, n, d)
            }
            Binding::Import { .. } => None,
        }
    }

    /// An export of a module.
    fn export(
        &self,
        module: &'a str,
        name: &str,
        depth: usize,
    ) -> Option<(&'a str, Sym, Option<Span>)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        let m = self.modules.get(module)?;
        if let Some(v) = m.exports.get(name) {
            return match v {
                Sym::Ident(local) => self.lookup(module, local, d),
                other => Some((module, other.clone(), None)),
            };
        }
        match &m.module_exports {
            Some(Sym::Object(props)) => {
                let (_, v, at) = props.iter().find(|(k, _, _)| k == name)?;
                match v {
                    Sym::Ident(local) => {
                        self.lookup(module, local, d)
                            .or(Some((module, v.clone(), Some(*at))))
                    }
                    other => Some((module, other.clone(), Some(*at))),
                }
            }
            Some(Sym::Ident(local)) => {
                let (m2, v, _) = self.lookup(module, local, d)?;
                self.property(m2, &v, name, d)
            }
            _ => None,
        }
    }

    /// A property of an object value.
    fn property(
        &self,
        module: &'a str,
        obj: &Sym,
        name: &str,
        depth: usize,
    ) -> Option<(&'a str, Sym, Option<Span>)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        match obj {
            Sym::Object(props) => {
                let (_, v, at) = props.iter().find(|(k, _, _)| k == name)?;
                Some((module, v.clone(), Some(*at)))
            }
            Sym::Ident(local) => {
                let (m, v, _) = self.lookup(module, local, d)?;
                self.property(m, &v, name, d)
            }
            _ => None,
        }
    }

    /// `base.prop`.
    fn member(
        &self,
        f: &Frame,
        base: &Sym,
        prop: &str,
        depth: usize,
    ) -> Option<(&'a str, Sym, Option<Span>)> {
        if depth > MAX_DEPTH {
            return None;
        }
        let d = depth + 1;
        let module: &'a str = self.modules.get_key_value(f.module)?.0.as_str();
        // `getApp().globalData.x`, `app.globalData.x` with `const app = getApp()`.
        if let Sym::Member(inner, gd) = base
            && gd == "globalData"
            && self.is_app(module, inner)
        {
            return self.global_data(prop);
        }
        match base {
            Sym::Ident(name) => match self.modules.get(module)?.bindings.get(name)? {
                Binding::Import {
                    from,
                    name: ImportName::Namespace | ImportName::Default,
                } => {
                    let target = self.resolve_specifier(module, from)?;
                    self.export(target, prop, d).or_else(|| {
                        let (m, v, _) = self.export(target, "default", d)?;
                        self.property(m, &v, prop, d)
                    })
                }
                _ => {
                    let (m, v, _) = self.lookup(module, name, d)?;
                    self.property(m, &v, prop, d)
                }
            },
            Sym::Member(b, p) => {
                let (m, v, _) = self.member(f, b, p, d)?;
                self.property(m, &v, prop, d)
            }
            Sym::Param(i) => {
                let (caller, args) = f.params?;
                let (arg, _) = args.get(*i)?;
                let caller: &'a str = self.modules.get_key_value(caller)?.0.as_str();
                match arg {
                    Sym::Object(_) => self.property(caller, arg, prop, d),
                    Sym::Ident(n) => {
                        let (m, v, _) = self.lookup(caller, n, d)?;
                        self.property(m, &v, prop, d)
                    }
                    _ => None,
                }
            }
            Sym::Object(_) => self.property(module, base, prop, d),
            _ => None,
        }
    }

    fn is_app(&self, module: &str, sym: &Sym) -> bool {
        match sym {
            Sym::GetApp => true,
            Sym::Ident(name) => matches!(
                self.modules.get(module).and_then(|m| m.bindings.get(name)),
                Some(Binding::Value(Sym::GetApp, _))
            ),
            _ => false,
        }
    }

    /// A `globalData` field: app.js's `App({globalData})` first, then assignments anywhere.
    fn global_data(&self, name: &str) -> Option<(&'a str, Sym, Option<Span>)> {
        if let Some((k, m)) = self.modules.get_key_value(&self.app_js)
            && let Some((_, v, at)) = m.global_data.iter().find(|(n, _, _)| n == name)
        {
            return Some((k.as_str(), v.clone(), Some(*at)));
        }
        None
    }

    /// The wrapper a candidate call reaches, with the module it is defined in.
    pub fn wrapper_for(
        &self,
        module: &'a str,
        callee: &[String],
    ) -> Option<(&'a str, &'a Wrapper)> {
        let m = self.modules.get(module)?;
        let find = |target: &'a str, name: &str| {
            let w = self
                .modules
                .get(target)?
                .wrappers
                .iter()
                .find(|w| w.name == name)?;
            Some((target, w))
        };
        match callee {
            [name] => match m.bindings.get(name) {
                Some(Binding::Import {
                    from,
                    name: ImportName::Named(n),
                }) => find(self.resolve_specifier(module, from)?, n),
                Some(Binding::Import {
                    from,
                    name: ImportName::Default,
                }) => {
                    let target = self.resolve_specifier(module, from)?;
                    find(target, name).or_else(|| {
                        self.modules
                            .get(target)?
                            .wrappers
                            .first()
                            .map(|w| (target, w))
                    })
                }
                _ => find(module, name),
            },
            [obj, method] => match m.bindings.get(obj) {
                Some(Binding::Import { from, .. }) => {
                    find(self.resolve_specifier(module, from)?, method)
                }
                Some(Binding::Value(Sym::Object(_), _)) => find(module, method),
                _ => None,
            },
            _ => None,
        }
    }
}

fn display_name(name: &str) -> String {
    name.strip_prefix("\u{0}reexport:")
        .unwrap_or(name)
        .to_string()
}

fn describe(sym: &Sym) -> String {
    match sym {
        Sym::Ident(n) => display_name(n),
        Sym::Member(b, p) => format!("{}.{p}", describe(b)),
        Sym::GetApp => "getApp()".into(),
        Sym::Param(_) => "a parameter".into(),
        Sym::Unknown(s) => s.clone(),
        _ => "a value".into(),
    }
}

/// Every network call site of the project, wrappers expanded, in path order (modules are
/// resolved in parallel).
pub fn sites(modules: &HashMap<String, Module>, root: &str) -> Vec<Site> {
    use rayon::prelude::*;
    let resolver = Resolver {
        modules,
        root,
        app_js: format!("{root}app.js"),
    };
    let mut paths: Vec<&String> = modules.keys().collect();
    paths.sort();
    paths
        .par_iter()
        .flat_map_iter(|path| {
            let m = &modules[*path];
            let mut out = Vec::new();
            for c in &m.calls {
                let mut def = None;
                let parts = resolver.eval(path, &c.url, &mut def);
                out.push(Site::new(
                    (*path).clone(),
                    c.span,
                    c.category,
                    c.api.clone(),
                    parts,
                    def,
                ));
            }
            for cand in &m.candidates {
                // Calls made with the enclosing wrapper's own parameters are that wrapper's body.
                if cand.in_function.is_some() && cand.args.iter().any(|(a, _)| a.has_param()) {
                    continue;
                }
                let Some((wmod, wrapper)) = resolver.wrapper_for(path, &cand.callee) else {
                    continue;
                };
                let at = url_arg_span(&wrapper.url, &cand.args).unwrap_or(cand.args[0].1);
                let mut def = None;
                let parts = resolver.eval_call(wmod, &wrapper.url, path, &cand.args, &mut def);
                out.push(Site::new(
                    (*path).clone(),
                    at,
                    wrapper.category,
                    cand.callee.join("."),
                    parts,
                    def,
                ));
            }
            out
        })
        .collect()
}

/// The argument a wrapper's URL comes from (`Param(i)` or `Param(i).url`).
fn url_arg_span(url: &Sym, args: &[(Sym, Span)]) -> Option<Span> {
    fn first_param(s: &Sym) -> Option<(usize, Option<&str>)> {
        match s {
            Sym::Param(i) => Some((*i, None)),
            Sym::Member(b, p) if matches!(**b, Sym::Param(_)) => match **b {
                Sym::Param(i) => Some((i, Some(p.as_str()))),
                _ => None,
            },
            Sym::Concat(parts) => parts.iter().find_map(first_param),
            Sym::Member(b, _) => first_param(b),
            _ => None,
        }
    }
    let (i, field) = first_param(url)?;
    let (arg, at) = args.get(i)?;
    match (field, arg) {
        (Some(f), Sym::Object(props)) => props
            .iter()
            .find(|(k, _, _)| k == f)
            .map(|(_, _, s)| *s)
            .or(Some(*at)),
        _ => Some(*at),
    }
}

impl<'a> Resolver<'a> {
    /// The names a template's event handlers may use with the script at `path`: its
    /// registration and every method it defines or mixes in through behaviors. `None` when
    /// that is not statically known (no single registration, a spread, an unresolved behavior).
    pub fn handler_names(&self, path: &str) -> Option<(&'a Constructor, HashSet<&'a str>)> {
        let module = self.modules.get(path)?;
        let constructor = module.constructor.as_ref()?;
        let mut names = HashSet::new();
        self.add_methods(module, &constructor.set, &mut names, 0)
            .then_some((constructor, names))
    }

    fn add_methods(
        &self,
        module: &'a Module,
        set: &'a MethodSet,
        names: &mut HashSet<&'a str>,
        depth: usize,
    ) -> bool {
        if set.open || depth > MAX_DEPTH {
            return false;
        }
        names.extend(set.methods.iter().map(String::as_str));
        set.behaviors.iter().all(|b| match b {
            BehaviorRef::BuiltIn => true,
            BehaviorRef::Unknown => false,
            BehaviorRef::Local(name) => self
                .behavior(module, name)
                .is_some_and(|(m, s)| self.add_methods(m, s, names, depth + 1)),
        })
    }

    /// The behavior a name in `module` is bound to, and the module that defines it.
    fn behavior(&self, module: &'a Module, name: &str) -> Option<(&'a Module, &'a MethodSet)> {
        let find = |m: &'a Module, key: &str| {
            m.behaviors
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, s)| (m, s))
        };
        if let Some(found) = find(module, name) {
            return Some(found);
        }
        let Some(Binding::Import {
            from,
            name: imported,
        }) = module.bindings.get(name)
        else {
            return None;
        };
        let target = self
            .modules
            .get(self.resolve_specifier(&module.path, from)?)?;
        match imported {
            ImportName::Named(n) => find(target, n),
            ImportName::Default | ImportName::Namespace => {
                find(target, "default").or_else(|| find(target, "module.exports"))
            }
        }
    }
}
