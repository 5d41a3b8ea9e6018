//! JavaScript/TypeScript facts for the network and privacy rules: each file is parsed once
//! (oxc, in parallel), then URL expressions are resolved across modules as far as they are
//! statically known: literals, `+`, template literals, constants, `require`/`import`d
//! constants and object properties, `getApp().globalData` fields set in app.js, and calls
//! through wrapper functions.

pub mod component;
pub mod depth;
pub mod extract;
pub mod facts;
pub mod imports;
pub mod url;
pub mod webview;

pub use facts::*;

/// The project's JS/TS modules by path (FxHash, like the file index: the keys are the project's
/// own paths).
pub type Modules = rustc_hash::FxHashMap<String, Box<Module>>;

use crate::base::source::Span;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// A network call site with its URL evaluated.
#[derive(Debug, Clone)]
pub struct Site {
    pub file: String,
    pub span: Span,
    pub category: Category,
    pub api: String,
    pub parts: Vec<Part>,
    /// The URL's origin, computed once.
    pub origin: url::Resolved,
    /// Where the text naming the URL's host is written, when that is outside the site's own
    /// URL expression (a constant, a config object, a wrapper's base URL): findings about the
    /// origin are reported there, once for every site that uses it.
    pub cause: Option<Loc>,
}

impl Site {
    pub fn new(
        file: String,
        span: Span,
        category: Category,
        api: String,
        parts: Vec<Part>,
    ) -> Site {
        let parts = resolve_forks(parts);
        let (origin, host_part) = url::origin_at(&parts);
        let cause = match host_part.and_then(|i| parts.get(i)) {
            Some(Part::Lit(_, Some(loc)))
                if !(loc.file == file
                    && loc.span.start >= span.start
                    && loc.span.end <= span.end) =>
            {
                Some(loc.clone())
            }
            _ => None,
        };
        Site {
            file,
            span,
            category,
            api,
            parts,
            origin,
            cause,
        }
    }

    /// The API name for messages: `wx.request`, `tcp.connect`, `<web-view src>`, `http.get`.
    pub fn api_name(&self) -> String {
        match self.category {
            Category::WebView => "<web-view src>".into(),
            _ if self.api.contains('.') || self.api.ends_with("()") => self.api.clone(),
            _ if ["request", "uploadFile", "downloadFile", "connectSocket"]
                .contains(&self.api.as_str()) =>
            {
                format!("wx.{}", self.api)
            }
            _ => format!("{}()", self.api),
        }
    }

    /// The URL as text, with `{…}` for the parts known only at run time.
    pub fn symbolic(&self) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(s, _) => out.push_str(s),
                Part::Hole(_, h) | Part::Fork(_, _, h) => {
                    out.push('{');
                    out.push_str(h);
                    out.push('}');
                }
            }
        }
        out
    }
}

const MAX_DEPTH: usize = 24;
/// Calls are followed through at most this many wrapper functions.
const MAX_HOPS: usize = 8;
/// A call through wrappers stands for this many governed calls at most.
const MAX_CALLS_PER_SITE: usize = 16;
/// An evaluated URL has this many parts at most (further known text joins the last); the
/// rest is one run-time part.
const MAX_PARTS: usize = 512;
/// An evaluated URL has this many bytes of known text at most.
const MAX_TEXT: usize = 64 << 10;

/// Resolves symbolic values across modules.
pub struct Resolver<'a> {
    pub modules: &'a Modules,
    /// Every function or method name some module calls (built when first needed).
    called_names: std::sync::OnceLock<HashSet<&'a str>>,
    /// Every value assigned to each `globalData` field: app.js's first, then other modules'
    /// in path order (built when first needed).
    global_fields: std::sync::OnceLock<GlobalFields<'a>>,
    /// The miniprogram root prefix (`""` or `"dist/"`).
    pub root: &'a str,
    /// app.js's path.
    pub app_js: String,
}

/// `globalData` fields: name, then (module, value) for each assignment.
type GlobalFields<'a> = HashMap<&'a str, Vec<(&'a str, &'a Sym)>>;

/// Where a value is evaluated: its module and, in a function's body followed from a call,
/// that call's arguments and the frame they are evaluated in.
#[derive(Clone, Copy)]
struct Frame<'s> {
    module: &'s str,
    call: Option<(&'s [(Sym, Span)], &'s Frame<'s>)>,
    /// The function `call` calls (whose [`Sym::Param`]s the arguments are).
    fid: usize,
}

impl<'s> Frame<'s> {
    fn top(module: &'s str) -> Frame<'s> {
        Frame {
            module,
            call: None,
            fid: 0,
        }
    }
}

/// What an evaluation noticed on the way.
struct Trace {
    /// The argument of the outermost call that the URL took a parameter from.
    outer_arg: Option<Span>,
    /// References followed so far ([`MAX_STEPS`]: `a = b + b; b = c + c; …` doubles them at
    /// each step).
    steps: usize,
    /// Bytes of known text so far ([`MAX_TEXT`]).
    text: usize,
    /// Values visited so far ([`MAX_NODES`]).
    nodes: usize,
    /// Values the module's call sites may still visit ([`MODULE_NODES`]).
    budget: usize,
    /// A budget ran out: the rest of the URL is one run-time part already.
    truncated: bool,
}

impl Trace {
    fn within(budget: usize) -> Trace {
        Trace {
            outer_arg: None,
            steps: 0,
            text: 0,
            nodes: 0,
            budget,
            truncated: false,
        }
    }
}

/// Values visited for one URL at most.
const MAX_NODES: usize = 20_000;
/// Values visited for all the call sites of one module at most (sites past it are unknown:
/// each site is cheap, but a 16 MB file can hold a million of them).
const MODULE_NODES: usize = 4_000_000;

/// References followed for one URL at most.
const MAX_STEPS: usize = 4096;

type Found<'s> = Result<(Frame<'s>, Sym), Why>;

impl<'a> Resolver<'a> {
    pub fn new(modules: &'a Modules, root: &'a str) -> Resolver<'a> {
        Resolver {
            modules,
            called_names: std::sync::OnceLock::new(),
            global_fields: std::sync::OnceLock::new(),
            root,
            app_js: format!("{root}app.js"),
        }
    }

    /// The module a specifier names, from the module at `from`.
    /// The module a specifier names, from the module at `from`.
    pub fn resolve_specifier(&self, from: &str, spec: &str) -> Option<&'a str> {
        let dir = crate::base::relpath::rsplit_once_byte(from, b'/').map_or("", |(d, _)| d);
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
        let base = crate::base::relpath::normalize(path)?;
        // One buffer for the candidates: this runs for every import of every module.
        let mut candidate = base;
        let stem = candidate.len();
        for suffix in ["", ".js", ".ts", "/index.js", "/index.ts"] {
            candidate.truncate(stem);
            candidate.push_str(suffix);
            if let Some((k, _)) = self.modules.get_key_value(candidate.as_str()) {
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
            dir = crate::base::relpath::rsplit_once_byte(&dir, b'/')
                .map_or(String::new(), |(d, _)| d.to_string());
        }
    }

    /// Evaluates `sym` in `module` (parameters are unknown), taking the values it visits
    /// from `budget`.
    fn eval_within(&self, module: &str, sym: &Sym, budget: &mut usize) -> Vec<Part> {
        let mut out = Vec::new();
        let mut t = Trace::within(*budget);
        self.eval_into(Frame::top(module), sym, 0, &mut out, &mut t);
        *budget = t.budget;
        out
    }

    fn eval_into(&self, f: Frame, sym: &Sym, depth: usize, out: &mut Vec<Part>, t: &mut Trace) {
        t.nodes += 1;
        t.budget = t.budget.saturating_sub(1);
        if matches!(
            sym,
            Sym::Ident(_)
                | Sym::Local(..)
                | Sym::Member(..)
                | Sym::Param(..)
                | Sym::Choice(..)
                | Sym::In(..)
        ) {
            t.steps += 1;
        }
        if t.truncated {
            return;
        }
        // Past the budgets the known start stays; the rest is one run-time part.
        let full = out.len() >= MAX_PARTS
            && !matches!(
                sym,
                Sym::Str(..)
                    | Sym::Concat(_)
                    | Sym::Ident(_)
                    | Sym::Local(..)
                    | Sym::Member(..)
                    | Sym::Param(..)
                    | Sym::In(..)
            );
        let long = matches!(sym, Sym::Str(s, _) if t.text + s.len() > MAX_TEXT);
        let spent = t.steps > MAX_STEPS || t.nodes > MAX_NODES || t.budget == 0;
        if depth > MAX_DEPTH || spent || full || long {
            if !matches!(out.last(), Some(Part::Hole(Why::TooIndirect, _))) {
                out.push(Part::Hole(Why::TooIndirect, "…".into()));
            }
            t.truncated |= full || long || spent;
            return;
        }
        let d = depth + 1;
        match sym {
            Sym::Str(s, at) => {
                t.text += s.len();
                let many = out.len() >= MAX_PARTS;
                match out.last_mut() {
                    // Many parts: further text joins the last known part.
                    Some(Part::Lit(last, _)) if many => last.push_str(s),
                    _ => out.push(Part::Lit(
                        s.clone(),
                        at.map(|span| Loc {
                            file: f.module.to_string(),
                            span,
                        }),
                    )),
                }
            }
            Sym::Concat(parts) => {
                for p in parts {
                    self.eval_into(f, p, d, out, t);
                }
            }
            Sym::Ident(_) | Sym::Local(..) | Sym::Member(..) | Sym::Param(..) | Sym::In(..) => {
                match self.value(f, sym, d, t) {
                    Ok((frame, value)) => self.eval_into(frame, &value, d, out, t),
                    Err(why) => {
                        let hole = Part::Hole(why, self.describe(f.module, sym));
                        if out.len() >= MAX_PARTS {
                            out.push(Part::Hole(Why::TooIndirect, "…".into()));
                            t.truncated = true;
                        } else if out.last() != Some(&hole) {
                            // `a + a + …` past the depth limit: one hole for the run.
                            out.push(hole);
                        }
                    }
                }
            }
            Sym::GetApp => out.push(Part::Hole(Why::CallResult, "getApp()".into())),
            Sym::Object(_) => out.push(Part::Hole(Why::Expression, "an object".into())),
            Sym::Array(_) => out.push(Part::Hole(Why::Expression, "an array".into())),
            Sym::Method(recv, method, args) => self.eval_method(f, recv, *method, args, d, out, t),
            Sym::Choice(options, why, text) => {
                // A setter's value is no choice when nothing calls the setter.
                let options: Vec<&Sym> = options
                    .iter()
                    .filter(|o| !matches!(o, Sym::SetIn(function, _) if !self.is_called(function)))
                    .collect();
                if let [only] = options[..] {
                    return self.eval_into(f, only, d, out, t);
                }
                let forks = options
                    .iter()
                    .map(|o| {
                        let mut parts = Vec::new();
                        self.eval_into(f, o, d, &mut parts, t);
                        parts
                    })
                    .collect();
                out.push(Part::Fork(forks, *why, text.clone()));
            }
            Sym::SetIn(_, name) => out.push(Part::Hole(Why::Reassigned, name.clone())),
            Sym::IfAbsolute(url, otherwise) => {
                let mut parts = Vec::new();
                self.eval_into(f, url, d, &mut parts, t);
                let mut start = String::new();
                for p in &parts {
                    match p {
                        Part::Lit(s, _) if start.len() < 4 => start.push_str(s),
                        _ => break,
                    }
                }
                let start: String = start.to_ascii_lowercase().chars().take(4).collect();
                if start == "http" {
                    out.extend(parts);
                } else if !"http".starts_with(&start) {
                    self.eval_into(f, otherwise, d, out, t);
                } else {
                    let mut other = Vec::new();
                    self.eval_into(f, otherwise, d, &mut other, t);
                    out.push(Part::Fork(
                        vec![parts, other],
                        Why::Expression,
                        self.describe(f.module, url),
                    ));
                }
            }
            Sym::Unknown(why, s) => out.push(Part::Hole(*why, s.clone())),
        }
    }

    /// A string method: what stays known of the receiver, then the rest as run-time text.
    #[allow(clippy::too_many_arguments)]
    fn eval_method(
        &self,
        f: Frame,
        recv: &Sym,
        method: StrMethod,
        args: &[Sym],
        d: usize,
        out: &mut Vec<Part>,
        t: &mut Trace,
    ) {
        let mut r = Vec::new();
        self.eval_into(f, recv, d, &mut r, t);
        match method {
            StrMethod::Identity => out.extend(r),
            StrMethod::Concat => {
                out.extend(r);
                for a in args {
                    self.eval_into(f, a, d, out, t);
                }
            }
            StrMethod::ToLowerCase => out.extend(r.into_iter().map(|p| match p {
                Part::Lit(s, at) => Part::Lit(s.to_lowercase(), at),
                hole => hole,
            })),
            StrMethod::Trim | StrMethod::TrimStart | StrMethod::TrimEnd => {
                if method != StrMethod::TrimEnd {
                    for p in r.iter_mut() {
                        match p {
                            Part::Lit(s, _) => {
                                *s = s.trim_start().to_string();
                                if !s.is_empty() {
                                    break;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                if method != StrMethod::TrimStart {
                    for p in r.iter_mut().rev() {
                        match p {
                            Part::Lit(s, _) => {
                                *s = s.trim_end().to_string();
                                if !s.is_empty() {
                                    break;
                                }
                            }
                            _ => break,
                        }
                    }
                }
                out.extend(
                    r.into_iter()
                        .filter(|p| !matches!(p, Part::Lit(s, _) if s.is_empty())),
                );
            }
            StrMethod::Replace | StrMethod::ReplaceAll => {
                let pattern = match args.first() {
                    Some(Sym::Str(p, _)) if !p.is_empty() => p.as_str(),
                    _ => {
                        out.push(Part::Hole(
                            Why::Expression,
                            format!("{}.replace(…)", self.describe(f.module, recv)),
                        ));
                        return;
                    }
                };
                replace(
                    r,
                    pattern,
                    method == StrMethod::ReplaceAll,
                    out,
                    |out| match args.get(1) {
                        // `$&`, `` $` ``, `$1`: text from the match, not known here.
                        Some(Sym::Str(with, _)) if with.contains('$') => {
                            out.push(Part::Hole(Why::Expression, with.clone()))
                        }
                        Some(with) => self.eval_into(f, with, d, out, t),
                        None => out.push(Part::lit("undefined")),
                    },
                );
            }
        }
    }

    /// What a name, a member or a parameter stands for, and the frame to evaluate it in.
    fn value<'s>(&self, f: Frame<'s>, sym: &Sym, depth: usize, t: &mut Trace) -> Found<'s>
    where
        'a: 's,
    {
        if depth > MAX_DEPTH {
            return Err(Why::TooIndirect);
        }
        let d = depth + 1;
        match sym {
            Sym::Ident(name) => {
                let (m, v) = self.lookup(f.module, name, d)?;
                Ok((Frame::top(m), v))
            }
            Sym::Local(index, _) => {
                let m = self.modules.get(f.module).ok_or(Why::Unresolved)?;
                let (_, v) = m.locals.get(*index).ok_or(Why::Unresolved)?;
                Ok((f, v.clone()))
            }
            Sym::Member(base, prop) => self.member(f, base, prop, d, t),
            Sym::Param(fid, i, _) => {
                // Another function's parameter (an outer function's, a callback's): not bound
                // by this call.
                let Some((args, parent)) = f.call.filter(|_| f.fid == *fid) else {
                    return Err(Why::Parameter);
                };
                let Some((arg, at)) = args.get(*i) else {
                    return Err(Why::Parameter);
                };
                if parent.call.is_none() {
                    t.outer_arg.get_or_insert(*at);
                }
                Ok((*parent, arg.clone()))
            }
            Sym::Unknown(why, _) => Err(*why),
            Sym::GetApp => Err(Why::CallResult),
            Sym::In(module, v) => {
                let (m, _) = self.modules.get_key_value(module).ok_or(Why::Unresolved)?;
                Ok((Frame::top(m), (**v).clone()))
            }
            other => Ok((f, other.clone())),
        }
    }

    /// The value bound to `name` in `module`, and the module it lives in.
    ///
    /// `depth` counts the steps taken (imports and exports can form a cycle).
    fn lookup(&self, module: &str, name: &str, depth: usize) -> Result<(&'a str, Sym), Why> {
        if depth > MAX_DEPTH {
            return Err(Why::TooIndirect);
        }
        let d = depth + 1;
        let (module, m) = self.modules.get_key_value(module).ok_or(Why::Unresolved)?;
        let module = module.as_str();
        match m.bindings.get(name).ok_or(Why::Unresolved)? {
            Binding::Value(v, _) => Ok((module, v.clone())),
            Binding::Import { from, name } => {
                let target = self.resolve_specifier(module, from).ok_or(Why::Import)?;
                match name {
                    ImportName::Named(n) => self.export(target, n, d),
                    // `import base from './base'`: the default export, or what a CommonJS
                    // module assigns to `module.exports`.
                    ImportName::Default => self
                        .export(target, "default", d)
                        .or_else(|_| self.module_exports(target)),
                    // `const base = require('./base')`.
                    ImportName::Namespace => self.module_exports(target),
                }
                .map_err(|_| Why::Import)
            }
        }
    }

    fn module_exports(&self, module: &'a str) -> Result<(&'a str, Sym), Why> {
        let v = self
            .modules
            .get(module)
            .and_then(|m| m.module_exports.clone());
        v.map(|v| (module, v)).ok_or(Why::Import)
    }

    /// An export of a module.
    fn export(&self, module: &'a str, name: &str, depth: usize) -> Result<(&'a str, Sym), Why> {
        if depth > MAX_DEPTH {
            return Err(Why::TooIndirect);
        }
        let d = depth + 1;
        let m = self.modules.get(module).ok_or(Why::Import)?;
        if let Some(v) = m.exports.get(name) {
            return match v {
                Sym::Ident(local) => self.lookup(module, local, d),
                other => Ok((module, other.clone())),
            };
        }
        let Some(exports) = &m.module_exports else {
            return Err(Why::Import);
        };
        let (f, v) =
            self.value_property(Frame::top(module), exports, name, d, &mut Trace::within(0))?;
        Ok((f.module, v))
    }

    /// A property of a value.
    fn value_property<'s>(
        &self,
        f: Frame<'s>,
        obj: &Sym,
        name: &str,
        depth: usize,
        t: &mut Trace,
    ) -> Found<'s>
    where
        'a: 's,
    {
        if depth > MAX_DEPTH {
            return Err(Why::TooIndirect);
        }
        let d = depth + 1;
        match obj {
            Sym::Object(props) => props
                .iter()
                .rev()
                .find(|(k, _, _)| k == name)
                .map(|(_, v, _)| (f, v.clone()))
                .ok_or(Why::NoSuchProperty),
            Sym::Array(items) => name
                .parse::<usize>()
                .ok()
                .and_then(|i| items.get(i))
                .map(|(v, _)| (f, v.clone()))
                .ok_or(Why::NoSuchProperty),
            Sym::Ident(_) | Sym::Local(..) | Sym::Member(..) | Sym::Param(..) | Sym::In(..) => {
                let (f2, v) = self.value(f, obj, d, t)?;
                self.value_property(f2, &v, name, d, t)
            }
            Sym::Unknown(why, _) => Err(*why),
            Sym::GetApp => Err(Why::AppData),
            _ => Err(Why::Property),
        }
    }

    /// `base.prop`.
    fn member<'s>(
        &self,
        f: Frame<'s>,
        base: &Sym,
        prop: &str,
        depth: usize,
        t: &mut Trace,
    ) -> Found<'s>
    where
        'a: 's,
    {
        if depth > MAX_DEPTH {
            return Err(Why::TooIndirect);
        }
        let d = depth + 1;
        // `getApp().globalData.x`, `app.globalData.x` with `const app = getApp()`.
        if let Sym::Member(inner, gd) = base
            && gd == "globalData"
            && self.is_app(f.module, inner)
        {
            return self.global_data(prop).map(|(m, v)| (Frame::top(m), v));
        }
        if let Sym::Ident(name) = base
            && let Some(Binding::Import {
                from,
                name: ImportName::Namespace | ImportName::Default,
            }) = self
                .modules
                .get(f.module)
                .and_then(|m| m.bindings.get(name))
        {
            // `config.host` with `import config from` / `require(...)`: a named export, a
            // property of the default export, or of `module.exports`.
            let target = self.resolve_specifier(f.module, from).ok_or(Why::Import)?;
            return self
                .export(target, prop, d)
                .or_else(|_| {
                    let (m, v) = self.export(target, "default", d)?;
                    let (f2, v) = self.value_property(Frame::top(m), &v, prop, d, t)?;
                    Ok((f2.module, v))
                })
                .map(|(m, v)| (Frame::top(m), v));
        }
        let (f2, v) = self.value(f, base, d, t)?;
        self.value_property(f2, &v, prop, d, t)
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

    /// Whether some module calls a function or method of this name.
    fn is_called(&self, name: &str) -> bool {
        let modules: &'a Modules = self.modules;
        self.called_names
            .get_or_init(|| {
                modules
                    .values()
                    .flat_map(|m| m.called_names.iter().map(String::as_str))
                    .collect()
            })
            .contains(name)
    }

    /// app.js's module key.
    fn app_module(&self) -> Option<&'a str> {
        let modules: &'a Modules = self.modules;
        modules.get_key_value(&self.app_js).map(|(k, _)| k.as_str())
    }

    /// A `globalData` field: its value in app.js's `App({ globalData })`, or one of the
    /// values assigned to it anywhere (`this.globalData.host = …` in `onLaunch`).
    fn global_data(&self, name: &str) -> Result<(&'a str, Sym), Why> {
        let modules: &'a Modules = self.modules;
        let fields = self.global_fields.get_or_init(|| {
            let mut paths: Vec<&'a String> = modules.keys().collect();
            paths.sort_by_key(|p| (**p != self.app_js, p.as_str()));
            let mut fields: GlobalFields<'a> = HashMap::default();
            for path in paths {
                for (field, value, _) in &modules[path.as_str()].global_data {
                    fields.entry(field).or_default().push((path, value));
                }
            }
            fields
        });
        let app = self.app_module().ok_or(Why::AppData)?;
        match fields.get(name).map(Vec::as_slice) {
            Some([(m, v)]) if *m == app => Ok((m, (*v).clone())),
            Some(values @ [(m, _), ..]) if *m == app && values.len() <= extract::MAX_CHOICES => {
                let options = values
                    .iter()
                    .map(|(m, v)| Sym::In(m.to_string(), Box::new((*v).clone())))
                    .collect();
                let text = format!("globalData.{name}");
                Ok((app, Sym::Choice(options, Why::AppData, text)))
            }
            _ => Err(Why::AppData),
        }
    }

    /// The function a call reaches, by module and name, when it is a wrapper.
    fn target(
        &self,
        module: &'a str,
        callee: &'a [String],
        wrappers: &Wrappers<'a>,
    ) -> Option<(&'a str, &'a str)> {
        let modules: &'a Modules = self.modules;
        let m = modules.get(module)?;
        let find = |target: &'a str, name: &'a str| {
            let (k, _) = wrappers.get_key_value(&(target, name))?;
            Some(*k)
        };
        match callee {
            [name] => match m.bindings.get(name) {
                Some(Binding::Import {
                    from,
                    name: ImportName::Named(n),
                }) => find(self.resolve_specifier(module, from)?, n),
                Some(Binding::Import {
                    from,
                    name: ImportName::Default | ImportName::Namespace,
                }) => {
                    // `export default function request(...)`, `module.exports = request`,
                    // `module.exports = function (url) {...}`, or a module with one wrapper.
                    let target = self.resolve_specifier(module, from)?;
                    let t = modules.get(target)?;
                    let named = match (t.exports.get("default"), &t.module_exports) {
                        (Some(Sym::Ident(n)), _) | (_, Some(Sym::Ident(n))) => find(target, n),
                        _ => None,
                    };
                    named
                        .or_else(|| find(target, "exports"))
                        .or_else(|| find(target, name))
                        .or_else(|| {
                            let first = t.wrappers.first()?;
                            find(target, &first.name)
                        })
                }
                _ => find(module, name),
            },
            [obj, method] if obj == "this" => find(module, method),
            [obj, method] if obj == extract::GET_APP => find(self.app_module()?, method),
            [obj, method] => match m.bindings.get(obj) {
                Some(Binding::Import { from, .. }) => {
                    let target = self.resolve_specifier(module, from)?;
                    find(target, method).or_else(|| {
                        // `module.exports = { get: request }`, `exports.get = request`.
                        let t = modules.get(target)?;
                        let alias = match (&t.module_exports, t.exports.get(method.as_str())) {
                            (_, Some(Sym::Ident(n))) => n,
                            (Some(Sym::Object(props)), _) => {
                                match props.iter().find(|(k, _, _)| k == method) {
                                    Some((_, Sym::Ident(n), _)) => n,
                                    _ => return None,
                                }
                            }
                            _ => return None,
                        };
                        find(target, alias)
                    })
                }
                Some(Binding::Value(Sym::Object(_), _)) => find(module, method),
                // `const app = getApp(); app.request(url)`.
                Some(Binding::Value(Sym::GetApp, _)) => find(self.app_module()?, method),
                _ => None,
            },
            _ => None,
        }
    }
}

/// `parts.replace(pattern, …)`: the known prefix up to the first place the pattern can be,
/// the replacement, then the rest (unknown where the pattern may occur again).
fn replace(
    parts: Vec<Part>,
    pattern: &str,
    all: bool,
    out: &mut Vec<Part>,
    mut replacement: impl FnMut(&mut Vec<Part>),
) {
    // The leading known text, as (part index, text).
    let mut prefix = String::new();
    let mut known = 0;
    for p in &parts {
        match p {
            Part::Lit(s, _) => {
                prefix.push_str(s);
                known += 1;
            }
            _ => break,
        }
    }
    let complete = known == parts.len();
    let found = prefix.find(pattern);
    // Where the known text stops being certain.
    let keep = match found {
        Some(i) => i,
        None if complete => {
            out.extend(parts);
            return;
        }
        // The match may start in the last bytes of the prefix and go on into a hole.
        None => {
            let mut k = prefix.len().saturating_sub(pattern.len() - 1);
            while !prefix.is_char_boundary(k) {
                k -= 1;
            }
            k
        }
    };
    let mut taken = 0;
    for p in &parts[..known] {
        let Part::Lit(s, at) = p else { break };
        if taken >= keep {
            break;
        }
        let n = s.len().min(keep - taken);
        out.push(Part::Lit(s[..n].to_string(), at.clone()));
        taken += s.len();
    }
    let Some(i) = found else {
        out.push(Part::Hole(
            Why::Expression,
            "the rest of a replaced string".into(),
        ));
        return;
    };
    replacement(out);
    let rest = &prefix[i + pattern.len()..];
    if all && (rest.contains(pattern) || !complete) {
        out.push(Part::Hole(
            Why::Expression,
            "the rest of a replaced string".into(),
        ));
        return;
    }
    if !rest.is_empty() {
        out.push(Part::lit(rest));
    }
    out.extend(parts.into_iter().skip(known));
}

/// Alternatives of a URL with forks at most; more are not told apart.
const MAX_ALTERNATIVES: usize = 16;

/// A URL with run-time choices ([`Part::Fork`]) as one list of parts: the alternative that
/// stands for all when every alternative that can be a URL has the same origin (one that
/// starts like `'/shop/list' + id`, behind `if (url.indexOf('http') == 0)`, cannot be
/// requested and is passed over); else the parts before the first choice and that choice as
/// a run-time part.
pub fn resolve_forks(parts: Vec<Part>) -> Vec<Part> {
    let Some(first_fork) = parts.iter().position(|p| matches!(p, Part::Fork(..))) else {
        return parts;
    };
    let unknown = |mut parts: Vec<Part>| {
        if let Part::Fork(_, why, text) = parts[first_fork].clone() {
            parts.truncate(first_fork);
            parts.push(Part::Hole(why, text));
        }
        parts
    };
    let Some(alternatives) = alternatives(&parts) else {
        return unknown(parts);
    };
    let mut chosen: Option<(usize, url::Origin)> = None;
    for (i, a) in alternatives.iter().enumerate() {
        match url::origin(a) {
            url::Resolved::Known(o) => match &chosen {
                None => chosen = Some((i, o)),
                Some((_, first)) if *first != o => return unknown(parts),
                Some(_) => {}
            },
            url::Resolved::Unknown { prefix, .. } => {
                if url::can_start_url(&prefix) {
                    return unknown(parts);
                }
            }
        }
    }
    match chosen {
        Some((i, _)) => alternatives.into_iter().nth(i).unwrap_or_default(),
        None => unknown(parts),
    }
}

/// Every full list of parts a URL with forks can be, or `None` past [`MAX_ALTERNATIVES`].
fn alternatives(parts: &[Part]) -> Option<Vec<Vec<Part>>> {
    let mut alts: Vec<Vec<Part>> = vec![Vec::new()];
    for p in parts {
        match p {
            Part::Fork(options, ..) => {
                let mut next = Vec::new();
                for o in options {
                    for tail in alternatives(o)? {
                        for head in &alts {
                            if next.len() == MAX_ALTERNATIVES {
                                return None;
                            }
                            let mut a = head.clone();
                            a.extend(tail.iter().cloned());
                            next.push(a);
                        }
                    }
                }
                alts = next;
            }
            other => alts.iter_mut().for_each(|a| a.push(other.clone())),
        }
    }
    Some(alts)
}

/// The functions that are wrappers, by module and name, with what their body does.
type Wrappers<'a> = HashMap<(&'a str, &'a str), Vec<Body<'a>>>;

#[derive(Clone, Copy)]
enum Body<'a> {
    /// A governed call with the function's parameters in its URL.
    Direct(&'a Wrapper),
    /// A call of another wrapper with the function's parameters as arguments.
    Forward(&'a CandidateCall),
}

fn display_name(name: &str) -> String {
    name.strip_prefix("\u{0}reexport:")
        .unwrap_or(name)
        .to_string()
}

impl Resolver<'_> {
    /// What a value is called in the source, for messages: `config.host`, `url`.
    fn describe(&self, module: &str, sym: &Sym) -> String {
        match sym {
            Sym::Local(index, _) => self
                .modules
                .get(module)
                .and_then(|m| m.locals.get(*index))
                .map_or_else(|| "a variable".into(), |(name, _)| name.clone()),
            Sym::Member(b, p) => format!("{}.{p}", self.describe(module, b)),
            other => describe(other),
        }
    }
}

fn describe(sym: &Sym) -> String {
    match sym {
        Sym::Ident(n) => display_name(n),
        Sym::Local(..) => "a variable".into(),
        Sym::Member(b, p) => format!("{}.{p}", describe(b)),
        Sym::GetApp => "getApp()".into(),
        Sym::Param(_, _, name) => name.clone(),
        Sym::Unknown(_, s) => s.clone(),
        Sym::Str(s, _) => format!("{s:?}"),
        _ => "a value".into(),
    }
}

/// Every network call site of the project in path order (modules are resolved in parallel).
///
/// Calls through wrapper functions are followed to the call that passes the URL; a function
/// nothing in the project calls (a page method, an event handler, an export used elsewhere)
/// is reported where it makes the call, its parameters being unknown text.
pub fn sites(modules: &Modules, root: &str) -> Vec<Site> {
    use rayon::prelude::*;
    let resolver = Resolver::new(modules, root);
    let mut paths: Vec<&str> = modules.keys().map(String::as_str).collect();
    paths.sort_unstable();
    let wrappers = wrappers(&resolver, &paths);
    // The wrappers some call in the project reaches.
    let called: HashSet<(&str, &str)> = paths
        .par_iter()
        .flat_map_iter(|path| {
            modules[*path]
                .candidates
                .iter()
                .filter_map(|c| resolver.target(path, &c.callee, &wrappers))
                .collect::<Vec<_>>()
        })
        .collect();
    paths
        .par_iter()
        .flat_map_iter(|path| {
            let path: &str = path;
            let m = &modules[path];
            let mut out = Vec::new();
            let mut budget = MODULE_NODES;
            let site = |span, category, api: &str, parts| {
                Site::new(path.to_string(), span, category, api.to_string(), parts)
            };
            for c in &m.calls {
                out.push(site(
                    c.span,
                    c.category,
                    &c.api,
                    resolver.eval_within(path, &c.url, &mut budget),
                ));
            }
            // A wrapper no call reaches: its own call, parameters unknown. (Not in an npm
            // package: the app does not call what it does not use.)
            let vendored = is_vendored(path);
            for w in &m.wrappers {
                if !vendored && !called.contains(&(path, w.name.as_str())) {
                    out.push(site(
                        w.span,
                        w.category,
                        &w.api,
                        resolver.eval_within(path, &w.url, &mut budget),
                    ));
                }
            }
            for cand in &m.candidates {
                if let Some(owner) = &cand.forwards_for
                    && wrappers.contains_key(&(path, owner.as_str()))
                    && (vendored || called.contains(&(path, owner.as_str())))
                {
                    continue; // followed from the calls of `owner`
                }
                let Some(target) = resolver.target(path, &cand.callee, &wrappers) else {
                    continue;
                };
                let root = Frame::top(path);
                let frame = Frame {
                    module: target.0,
                    call: Some((&cand.args, &root)),
                    fid: 0,
                };
                let mut found = Vec::new();
                resolver.expand(
                    target,
                    frame,
                    &wrappers,
                    &mut Vec::new(),
                    &mut budget,
                    &mut found,
                );
                // `util.request`, or `request()` for a bare name (not `wx.request`).
                let api = match &cand.callee[..] {
                    [name] => format!("{name}()"),
                    path => path.join("."),
                };
                for (category, parts, outer) in found {
                    let at = outer.or_else(|| cand.args.first().map(|a| a.1));
                    if let Some(at) = at {
                        out.push(site(at, category, &api, parts));
                    }
                }
            }
            out
        })
        .collect()
}

/// A module of an npm package (`miniprogram_npm/`, `node_modules/`).
pub fn is_vendored(path: &str) -> bool {
    path.starts_with("miniprogram_npm/")
        || path.starts_with("node_modules/")
        || path.contains("/miniprogram_npm/")
        || path.contains("/node_modules/")
}

/// Which functions are wrappers: those with a governed call using their parameters, then
/// (to a fixed point, at most [`MAX_HOPS`] rounds) those that pass their parameters to one.
fn wrappers<'a>(resolver: &Resolver<'a>, paths: &[&'a str]) -> Wrappers<'a> {
    let mut map: Wrappers<'a> = HashMap::default();
    for path in paths {
        for w in &resolver.modules[*path].wrappers {
            map.entry((path, w.name.as_str()))
                .or_default()
                .push(Body::Direct(w));
        }
    }
    let mut done: HashSet<*const CandidateCall> = HashSet::default();
    for _ in 0..MAX_HOPS {
        let mut added = Vec::new();
        for path in paths {
            for c in &resolver.modules[*path].candidates {
                let Some(owner) = &c.forwards_for else {
                    continue;
                };
                if done.contains(&(c as *const _)) {
                    continue;
                }
                if resolver.target(path, &c.callee, &map).is_some() {
                    added.push(((*path, owner.as_str()), c));
                }
            }
        }
        if added.is_empty() {
            break;
        }
        for (key, c) in added {
            done.insert(c as *const _);
            map.entry(key).or_default().push(Body::Forward(c));
        }
    }
    map
}

impl<'a> Resolver<'a> {
    /// The governed calls a call of wrapper `target` makes, with `frame` holding its
    /// arguments: (category, URL, the outermost argument the URL took a parameter from).
    ///
    /// A wrapper already on the path (a retry calling `request` again) is not entered again,
    /// and one call yields [`MAX_CALLS_PER_SITE`] distinct calls at most.
    fn expand(
        &self,
        target: (&'a str, &'a str),
        frame: Frame,
        wrappers: &Wrappers<'a>,
        path: &mut Vec<(&'a str, &'a str)>,
        budget: &mut usize,
        out: &mut Vec<(Category, Vec<Part>, Option<Span>)>,
    ) {
        if path.len() > MAX_HOPS || path.contains(&target) {
            return;
        }
        path.push(target);
        for body in wrappers.get(&target).map(Vec::as_slice).unwrap_or_default() {
            if out.len() >= MAX_CALLS_PER_SITE {
                break;
            }
            match body {
                Body::Direct(w) => {
                    let mut parts = Vec::new();
                    let mut t = Trace::within(*budget);
                    let frame = Frame {
                        fid: w.fid,
                        ..frame
                    };
                    self.eval_into(frame, &w.url, 0, &mut parts, &mut t);
                    *budget = t.budget;
                    let found = (w.category, parts, t.outer_arg);
                    if !out.contains(&found) {
                        out.push(found);
                    }
                }
                Body::Forward(c) => {
                    let Some(next) = self.target(target.0, &c.callee, wrappers) else {
                        continue;
                    };
                    let owner = Frame {
                        fid: c.owner_fid,
                        ..frame
                    };
                    let inner = Frame {
                        module: next.0,
                        call: Some((&c.args, &owner)),
                        fid: 0,
                    };
                    self.expand(next, inner, wrappers, path, budget, out);
                }
            }
        }
        path.pop();
    }
}

impl<'a> Resolver<'a> {
    /// The names a template's event handlers may use with the script at `path`: its
    /// registration and every method it defines or mixes in through behaviors. `None` when
    /// that is not statically known (no single registration, a spread, an unresolved behavior).
    pub fn handler_names(&self, path: &str) -> Option<(&'a Constructor, HashSet<&'a str>)> {
        let module = self.modules.get(path)?;
        let constructor = module.constructor.as_ref()?;
        let mut names = HashSet::default();
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

#[cfg(test)]
mod tests {
    use super::*;

    fn eval(code: &str) -> String {
        let mut modules = Modules::default();
        modules.insert("a.js".to_string(), Box::new(extract::parse("a.js", code)));
        let sites = sites(&modules, "");
        sites
            .iter()
            .map(Site::symbolic)
            .collect::<Vec<_>>()
            .join(" | ")
    }

    #[test]
    fn string_methods_keep_the_known_start() {
        assert_eq!(
            eval(
                "function f(id) { wx.request({ url: 'https://a.com/x/{id}/y'.replace('{id}', id) }) }"
            ),
            "https://a.com/x/{id}/y"
        );
        // The pattern may be in the run-time part: what follows is unknown.
        assert_eq!(
            eval("function f(p) { wx.request({ url: ('https://a.com/' + p).replace('/', '-') }) }"),
            "https:-/a.com/{p}"
        );
        assert_eq!(
            eval(
                "function f(p) { wx.request({ url: ('https://a.com/ab' + p).replace('bc', '') }) }"
            ),
            "https://a.com/a{the rest of a replaced string}"
        );
        assert_eq!(
            eval("function f(p) { wx.request({ url: 'https://a.com/:a/:a'.replace(/:a/g, p) }) }"),
            "https://a.com/{p}{the rest of a replaced string}"
        );
        assert_eq!(
            eval("const B = '  https://a.com  '; wx.request({ url: B.trim().concat('/x') })"),
            "https://a.com/x"
        );
    }

    #[test]
    fn choices_with_one_origin_are_known() {
        assert_eq!(
            eval(
                "function f(d) { wx.request({ url: d ? 'https://a.com/x' : 'https://a.com/y' }) }"
            ),
            "https://a.com/x"
        );
        assert_eq!(
            eval(
                "function f(d) { wx.request({ url: d ? 'https://a.com/x' : 'https://b.com/y' }) }"
            ),
            "{d ? 'https://a.com/x' : 'https://b.com/…}"
        );
    }

    #[test]
    fn doubling_definitions_stop_at_the_budget() {
        let mut code = String::from("const a0 = 'x'\n");
        for i in 1..40 {
            code.push_str(&format!("const a{i} = a{} + a{}\n", i - 1, i - 1));
        }
        code.push_str("wx.request({ url: 'https://a.com/' + a39 })");
        let url = eval(&code);
        assert!(url.starts_with("https://a.com/"), "{url}");
        assert!(url.len() < 20_000, "{}", url.len());
    }
}
