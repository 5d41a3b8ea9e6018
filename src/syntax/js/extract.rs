//! Parses one JS/TS file with oxc and keeps what the network and privacy rules need, as owned
//! data: top-level bindings and exports (as symbolic values), network API calls with their URL
//! expression, functions that wrap a network API, calls that may reach such a wrapper,
//! `globalData` fields, location API uses and AppSecret-looking strings.

use super::depth::MAX_VISIT_DEPTH;
use super::facts::{
    Binding, CandidateCall, Category, ImportName, Module, NetCall, SecretCandidate, StrMethod, Sym,
    Unanalysed, Why, Wrapper,
};
use crate::base::source::Span;
use oxc_allocator::Allocator;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator, UnaryOperator};
use oxc_syntax::scope::ScopeFlags;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// The platform objects whose methods are network and location APIs.
const API_OBJECTS: &[&str] = &["wx", "uni", "Taro", "qq"];
pub const LOCATION_APIS: &[&str] = &[
    "getFuzzyLocation",
    "getLocation",
    "onLocationChange",
    "startLocationUpdate",
    "startLocationUpdateBackground",
    "chooseLocation",
    "choosePoi",
    "chooseAddress",
];

fn category(method: &str) -> Option<Category> {
    Some(match method {
        "request" => Category::Request,
        "uploadFile" => Category::UploadFile,
        "downloadFile" => Category::DownloadFile,
        "connectSocket" => Category::Socket,
        _ => return None,
    })
}

pub(super) fn span(s: oxc_span::Span) -> Span {
    Span::new(s.start as usize, s.end as usize)
}

thread_local! {
    /// One arena per worker thread, reset between files: allocating a fresh arena per file
    /// was a large share of the parse time.
    static ARENA: std::cell::RefCell<Allocator> = std::cell::RefCell::new(Allocator::default());
}

pub fn parse(path: &str, text: &str) -> Module {
    with_arena(|arena| parse_in(arena, path, text))
}

/// An arena that grew beyond this for one file is freed afterwards rather than kept for the
/// next (a 15 MB bundle left a few hundred MB per thread for the rest of the run).
const ARENA_KEEP_BYTES: usize = 32 << 20;

/// Runs `f` with this thread's arena, reset first. Not reentrant.
pub fn with_arena<T>(f: impl FnOnce(&Allocator) -> T) -> T {
    ARENA.with(|arena| {
        let mut arena = arena.borrow_mut();
        arena.reset();
        let out = f(&arena);
        if arena.capacity() > ARENA_KEEP_BYTES {
            *arena = Allocator::default();
        }
        out
    })
}

/// Parses `text` (the file at `path`) into `allocator`. `None` when it is not parsed or the
/// parser gave up; why is in `module.unanalysed` (also the first syntax error of a program
/// oxc recovered, which is still analysed).
pub(super) fn parse_program<'a>(
    allocator: &'a Allocator,
    path: &str,
    text: &'a str,
    module: &mut Module,
) -> Option<oxc_parser::ParserReturn<'a>> {
    let source_type = if path.ends_with(".ts") {
        SourceType::ts()
    } else {
        SourceType::unambiguous()
    };
    if let Some(binary) = Unanalysed::binary(text) {
        module.unanalysed = Some(binary);
        return None;
    }
    // oxc recurses once per level with no limit: deeper code is reported, not parsed.
    if let Err(deep) = super::depth::check(text, path.ends_with(".ts")) {
        module.unanalysed = Some(Unanalysed::TooDeep {
            span: Span::new(deep.offset, deep.offset + 1),
            limit: super::depth::MAX_NESTING,
        });
        return None;
    }
    let ret = Parser::new(allocator, text, source_type).parse();
    // A syntax error fails the compile; what oxc recovered is still analysed.
    module.unanalysed = ret.diagnostics.first().map(|d| Unanalysed::Syntax {
        message: d.message.to_string(),
        span: d.labels.first().map_or(Span::new(0, 0), |l| {
            Span::new(l.offset() as usize, (l.offset() + l.len()) as usize)
        }),
    });
    (!ret.panicked).then_some(ret)
}

fn parse_in(allocator: &Allocator, path: &str, text: &str) -> Module {
    let mut module = Module {
        path: path.to_string(),
        ..Module::default()
    };
    let Some(ret) = parse_program(allocator, path, text, &mut module) else {
        return module;
    };
    for c in &ret.program.comments {
        let text = c.span.source_text(text);
        if text.contains("mpcheck-disable")
            && let Some(d) = crate::syntax::suppress::parse(path, text, span(c.span))
        {
            module.directives.push(d);
        }
    }
    let mut ex = Extractor {
        text,
        module: &mut module,
        api_aliases: API_OBJECTS.iter().map(|s| s.to_string()).collect(),
        request_aliases: HashSet::default(),
        tcp_names: HashSet::default(),
        udp_names: HashSet::default(),
        functions: Vec::new(),
        locals: Vec::new(),
        pending_name: None,
        param_owner: std::cell::Cell::new(None),
        next_fid: 1,
        depth: 0,
        too_deep: None,
        called: HashSet::default(),
        guards: Vec::new(),
        block_scoped: false,
        loop_head: false,
        blocks: Vec::new(),
        bound_globals: 0,
    };
    ex.top_level(&ret.program);
    ex.visit_program(&ret.program);
    let bound = ex.bound_globals;
    let mut called: Vec<String> = std::mem::take(&mut ex.called).into_iter().collect();
    called.sort_unstable();
    if let Some(at) = ex.too_deep
        && module.unanalysed.is_none()
    {
        module.unanalysed = Some(Unanalysed::TooDeep {
            span: at,
            limit: MAX_VISIT_DEPTH,
        });
    }
    module.called_names = called;
    // Names the file binds itself are its own, not the platform's.
    if bound & 1 != 0 {
        module.wx_members.clear();
    }
    module
        .framework_refs
        .retain(|(name, _)| bound & global_bit(name) == 0);
    super::component::collect(&ret.program, &mut module);
    keep_reachable_candidates(&mut module);
    module
}

/// Drops the candidate calls that cannot reach a wrapper, by the test `Resolver::wrapper_for`
/// makes: a name imported from another module, or one of this module's own wrappers. A
/// bundle has a call with arguments on every line, and each kept its arguments as values
/// (100 MB for a 15 MB file) for nothing.
fn keep_reachable_candidates(module: &mut Module) {
    // This module's wrappers, and the functions that may be (they pass their parameters on).
    let mut own: HashSet<String> = module.wrappers.iter().map(|w| w.name.clone()).collect();
    own.extend(
        module
            .candidates
            .iter()
            .filter_map(|c| c.forwards_for.clone()),
    );
    let bindings = &module.bindings;
    module.candidates.retain(|c| match c.callee.as_slice() {
        [name] => match bindings.get(name) {
            Some(Binding::Import { .. }) => true,
            _ => own.contains(name.as_str()),
        },
        [obj, method] if obj == "this" => own.contains(method.as_str()),
        [obj, _] if obj == GET_APP => true,
        [obj, method] => match bindings.get(obj) {
            Some(Binding::Import { .. }) | Some(Binding::Value(Sym::GetApp, _)) => true,
            Some(Binding::Value(Sym::Object(_), _)) => own.contains(method.as_str()),
            _ => false,
        },
        _ => false,
    });
    module.candidates.shrink_to_fit();
}

/// The callee object of `getApp().method(...)` in a [`CandidateCall`].
pub const GET_APP: &str = "getApp()";

/// The names a block's `let`/`const` declarations hid: name and the hidden variable's index.
type Hidden = Vec<(String, Option<usize>)>;

/// Names bound by a function's parameters and their values (a later binding of a name wins).
/// Most functions bind a few: those are searched in order, without a hash table per function.
enum Scope {
    Few(Vec<(String, Sym)>),
    Many(HashMap<String, Sym>),
}

impl Scope {
    /// Up to this many bindings are searched in order.
    const FEW: usize = 16;

    fn new(bound: Vec<(String, Sym)>) -> Scope {
        if bound.len() <= Self::FEW {
            Scope::Few(bound)
        } else {
            Scope::Many(bound.into_iter().collect())
        }
    }

    fn get(&self, name: &str) -> Option<&Sym> {
        match self {
            Scope::Few(bound) => bound.iter().rev().find(|(n, _)| n == name).map(|(_, s)| s),
            Scope::Many(map) => map.get(name),
        }
    }

    fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

struct Extractor<'t, 'm> {
    text: &'t str,
    module: &'m mut Module,
    /// `wx` and names bound to it (`const w = wx`).
    api_aliases: HashSet<String>,
    /// Names bound to the request API itself (`const request = promisify(wx.request)`).
    request_aliases: HashSet<String>,
    tcp_names: HashSet<String>,
    udp_names: HashSet<String>,
    /// Enclosing functions: name and parameter bindings.
    functions: Vec<(Option<String>, Scope, usize)>,
    /// The id the next function gets (ids tell [`Sym::Param`]s of different functions apart).
    next_fid: usize,
    /// Local constants of each enclosing function (same depth as `functions`).
    locals: Vec<HashMap<String, usize>>,
    /// The name the next function expression gets (from `const f = () => ...`, `f: function`).
    pending_name: Option<String>,
    /// The innermost function whose parameter the last evaluated expression used.
    param_owner: std::cell::Cell<Option<usize>>,
    /// Expressions and statements the walk is inside.
    depth: usize,
    /// Where the walk stopped going deeper ([`MAX_VISIT_DEPTH`]).
    too_deep: Option<Span>,
    /// Function and method names called.
    called: HashSet<String>,
    /// The `if` branches the walk is in that test whether a value is an absolute URL: the
    /// value, and whether it is one in the branch.
    guards: Vec<(Sym, bool)>,
    /// The declaration being walked is `let`/`const` (scoped to its block).
    block_scoped: bool,
    /// The declaration being walked is the head of a `for … of` / `for … in` loop.
    loop_head: bool,
    /// The blocks the walk is in: the function level they belong to (`locals.len()`), and the
    /// names their `let`/`const` declarations hid, to restore at the end of the block.
    blocks: Vec<(usize, Hidden)>,
    /// The names of [`global_bit`] the file binds somewhere (a declaration, a parameter).
    bound_globals: u8,
}

/// `wx` and the framework globals the search Widget's runtime lacks, as bits (0: other).
fn global_bit(name: &str) -> u8 {
    match name {
        "wx" => 1,
        "App" => 2,
        "Page" => 4,
        "Component" => 8,
        "Behavior" => 16,
        "getApp" => 32,
        _ => 0,
    }
}

/// `value` becomes one of its values or `option`, chosen at run time ([`MAX_CHOICES`] at most).
fn add_choice(value: &mut Sym, option: Sym, name: &str) {
    match value {
        Sym::Choice(options, Why::Reassigned, _) if options.len() < MAX_CHOICES => {
            options.push(option)
        }
        Sym::Choice(_, Why::Reassigned, _) => *value = Sym::Unknown(Why::Reassigned, name.into()),
        other => {
            let first = std::mem::replace(other, Sym::text(""));
            *other = Sym::Choice(vec![first, option], Why::Reassigned, name.into());
        }
    }
}

/// Adds `part` to a concatenation: adjacent strings become one (with a span over both), and
/// past [`MAX_CONCAT`] parts the rest is one unknown part (`'a' + 'b' + …` 50,000 times is one
/// string; `p + p + …` does not make every use of it walk 50,000 references).
fn join(parts: &mut Vec<Sym>, part: Sym) {
    let full = parts.len() >= MAX_CONCAT;
    match (parts.last_mut(), part) {
        (Some(Sym::Str(text, at)), Sym::Str(more, more_at)) => {
            text.push_str(&more);
            *at = match (*at, more_at) {
                (Some(a), Some(b)) if b.end >= a.start => {
                    Some(Span::new(a.start as usize, b.end as usize))
                }
                (a, _) => a,
            };
        }
        (Some(Sym::Unknown(Why::TooIndirect, _)), _) if full => {}
        (_, _) if full => parts.push(Sym::Unknown(Why::TooIndirect, "…".into())),
        (_, part) => parts.push(part),
    }
}

/// The names an assignment pattern assigns (`({ a, b: [c] } = o)` → a, c).
fn target_names(target: &AssignmentTarget, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_SYM_DEPTH {
        return;
    }
    let d = depth + 1;
    let maybe = |m: &AssignmentTargetMaybeDefault, out: &mut Vec<String>| match m {
        AssignmentTargetMaybeDefault::AssignmentTargetWithDefault(w) => {
            target_names(&w.binding, out, d)
        }
        other => {
            if let Some(t) = other.as_assignment_target() {
                target_names(t, out, d)
            }
        }
    };
    match target {
        AssignmentTarget::AssignmentTargetIdentifier(id) => out.push(id.name.as_str().to_string()),
        AssignmentTarget::ObjectAssignmentTarget(o) => {
            for p in &o.properties {
                match p {
                    AssignmentTargetProperty::AssignmentTargetPropertyIdentifier(i) => {
                        out.push(i.binding.name.as_str().to_string())
                    }
                    AssignmentTargetProperty::AssignmentTargetPropertyProperty(p) => {
                        maybe(&p.binding, out)
                    }
                }
            }
            if let Some(rest) = &o.rest {
                target_names(&rest.target, out, d);
            }
        }
        AssignmentTarget::ArrayAssignmentTarget(a) => {
            for el in a.elements.iter().flatten() {
                maybe(el, out);
            }
            if let Some(rest) = &a.rest {
                target_names(&rest.target, out, d);
            }
        }
        _ => {}
    }
}

/// Replaces the variable `index` in `sym` with `with` (`x = y + x` reads the old `x`).
fn substitute(sym: &mut Sym, index: usize, with: &Sym, depth: usize) {
    if depth > MAX_SYM_DEPTH {
        return;
    }
    let d = depth + 1;
    match sym {
        Sym::Local(i, _) if *i == index => *sym = with.clone(),
        Sym::Concat(parts) | Sym::Choice(parts, ..) => {
            parts.iter_mut().for_each(|p| substitute(p, index, with, d))
        }
        Sym::Array(items) => items
            .iter_mut()
            .for_each(|(p, _)| substitute(p, index, with, d)),
        Sym::Object(props) => props
            .iter_mut()
            .for_each(|(_, p, _)| substitute(p, index, with, d)),
        Sym::Member(base, _) => substitute(base, index, with, d),
        Sym::Method(recv, _, args) => {
            substitute(recv, index, with, d);
            args.iter_mut().for_each(|a| substitute(a, index, with, d));
        }
        Sym::IfAbsolute(a, b) => {
            substitute(a, index, with, d);
            substitute(b, index, with, d);
        }
        _ => {}
    }
}

/// `value += more`, in place: flat, and [`MAX_CONCAT`] parts at most (the known start stays,
/// the rest is not followed).
fn append(value: &mut Sym, more: Sym, name: &str) {
    match value {
        Sym::Concat(parts) if parts.len() < MAX_CONCAT => match more {
            Sym::Concat(more) => parts.extend(more),
            other => parts.push(other),
        },
        Sym::Concat(parts) => {
            if !matches!(parts.last(), Some(Sym::Unknown(Why::TooIndirect, _))) {
                parts.push(Sym::Unknown(Why::TooIndirect, name.into()));
            }
        }
        other => {
            let first = std::mem::replace(other, Sym::text(""));
            *other = Sym::Concat(vec![first, more]);
        }
    }
}

/// A variable built with `+=` keeps this many parts at most.
const MAX_CONCAT: usize = 256;

/// Values nested deeper than this are not followed (`Sym` trees stay shallow).
const MAX_SYM_DEPTH: usize = 64;
/// A variable assigned in more places than this is unknown.
pub const MAX_CHOICES: usize = 8;

fn is_this(e: &Expression) -> bool {
    matches!(e.get_inner_expression(), Expression::ThisExpression(_))
}

/// The text a regexp source matches when it has no special characters (escapes of
/// punctuation allowed): `\{id\}` is `{id}`.
fn plain_regexp(source: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let next = chars.next()?;
                if next.is_ascii_alphanumeric() {
                    return None; // \d, \w, \b, \u…
                }
                out.push(next);
            }
            '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|' | '^' | '$' => {
                return None;
            }
            c => out.push(c),
        }
    }
    (!out.is_empty()).then_some(out)
}

fn require_arg<'a>(e: &'a Expression<'a>) -> Option<&'a str> {
    let Expression::CallExpression(call) = e.get_inner_expression() else {
        return None;
    };
    let Expression::Identifier(id) = &call.callee else {
        return None;
    };
    if id.name != "require" {
        return None;
    }
    match call.arguments.first()?.as_expression()? {
        Expression::StringLiteral(s) => Some(s.value.as_str()),
        _ => None,
    }
}

impl<'t> Extractor<'t, '_> {
    fn snippet(&self, s: oxc_span::Span) -> String {
        // Only the start is shown: never copy a whole (possibly huge) expression.
        let (start, mut end) = (
            s.start as usize,
            (s.end as usize).min(s.start as usize + 240),
        );
        while end > start && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        collapsed_snippet(self.text.get(start..end).unwrap_or("?"))
    }

    /// The symbolic value of an expression.
    fn sym(&self, e: &Expression) -> Sym {
        self.sym_at(e, 0)
    }

    fn sym_at(&self, e: &Expression, depth: usize) -> Sym {
        let e = e.get_inner_expression();
        if depth > MAX_SYM_DEPTH {
            return Sym::Unknown(Why::TooIndirect, self.snippet(e.span()));
        }
        let d = depth + 1;
        match e {
            Expression::StringLiteral(s) => {
                Sym::Str(s.value.as_str().to_string(), Some(span(s.span)))
            }
            Expression::NumericLiteral(n) => Sym::Str(
                n.raw.map_or_else(|| n.value.to_string(), |r| r.to_string()),
                Some(span(n.span)),
            ),
            Expression::TemplateLiteral(t) => {
                let mut parts = Vec::new();
                for (i, q) in t.quasis.iter().enumerate() {
                    let cooked = q
                        .value
                        .cooked
                        .as_ref()
                        .map_or(q.value.raw.as_str(), |c| c.as_str());
                    if !cooked.is_empty() {
                        join(&mut parts, Sym::Str(cooked.to_string(), Some(span(q.span))));
                    }
                    if let Some(x) = t.expressions.get(i) {
                        join(&mut parts, self.sym_at(x, d));
                    }
                }
                Sym::Concat(parts)
            }
            Expression::BinaryExpression(b) if b.operator == BinaryOperator::Addition => {
                // `a + b + c` is left-deep: follow the left spine in a loop, not by recursion.
                let mut rights = vec![&b.right];
                let mut left = &b.left;
                while let Expression::BinaryExpression(l) = left.get_inner_expression()
                    && l.operator == BinaryOperator::Addition
                {
                    rights.push(&l.right);
                    left = &l.left;
                }
                let mut parts = Vec::new();
                for side in std::iter::once(left).chain(rights.into_iter().rev()) {
                    match self.sym_at(side, d) {
                        Sym::Concat(inner) => inner.into_iter().for_each(|p| join(&mut parts, p)),
                        other => join(&mut parts, other),
                    }
                }
                Sym::Concat(parts)
            }
            Expression::Identifier(id) => {
                let name = id.name.as_str();
                // A local constant or a parameter of an enclosing function (innermost first);
                // remember which function owns a parameter.
                for (depth, (_, params, _)) in self.functions.iter().enumerate().rev() {
                    if let Some(&index) = self.locals.get(depth).and_then(|l| l.get(name)) {
                        // A local made from the function's parameters uses them.
                        let uses_params = self.module.locals[index].1.has_param();
                        if uses_params {
                            self.uses_params_of(depth);
                        }
                        return Sym::Local(index, uses_params);
                    }
                    if let Some(p) = params.get(name) {
                        self.uses_params_of(depth);
                        return p.clone();
                    }
                }
                Sym::Ident(name.to_string())
            }
            Expression::StaticMemberExpression(m) => {
                if is_this(&m.object) {
                    return Sym::Unknown(Why::State, self.snippet(m.span));
                }
                Sym::Member(
                    Box::new(self.sym_at(&m.object, d)),
                    m.property.name.as_str().to_string(),
                )
            }
            Expression::ComputedMemberExpression(m) => {
                if is_this(&m.object) {
                    return Sym::Unknown(Why::State, self.snippet(m.span));
                }
                let key = match m.expression.get_inner_expression() {
                    Expression::StringLiteral(s) => s.value.as_str().to_string(),
                    Expression::NumericLiteral(n) if n.value.fract() == 0.0 && n.value >= 0.0 => {
                        format!("{}", n.value as u64)
                    }
                    _ => return Sym::Unknown(Why::Property, self.snippet(m.span)),
                };
                Sym::Member(Box::new(self.sym_at(&m.object, d)), key)
            }
            Expression::CallExpression(c) => self.call_sym(c, d),
            Expression::ArrayExpression(a) => Sym::Array(
                a.elements
                    .iter()
                    .map(|el| match el.as_expression() {
                        Some(x) => (self.sym_at(x, d), span(x.span())),
                        None => (Sym::Unknown(Why::Expression, "…".into()), span(el.span())),
                    })
                    .collect(),
            ),
            Expression::ObjectExpression(o) => {
                let mut props: Vec<(String, Sym, Span)> = Vec::new();
                for p in &o.properties {
                    match p {
                        ObjectPropertyKind::ObjectProperty(p) => {
                            if let Some(key) = p.key.static_name() {
                                props.push((
                                    key.to_string(),
                                    self.sym_at(&p.value, d),
                                    span(p.value.span()),
                                ));
                            }
                        }
                        // `{ base: '…', ...overrides }`: the spread may set any key before it.
                        ObjectPropertyKind::SpreadProperty(sp) => {
                            let text = self.snippet(sp.span);
                            for (_, v, _) in props.iter_mut() {
                                let known = std::mem::replace(v, Sym::text(""));
                                *v = Sym::Choice(
                                    vec![known, Sym::Unknown(Why::Expression, text.clone())],
                                    Why::Expression,
                                    text.clone(),
                                );
                            }
                        }
                    }
                }
                Sym::Object(props)
            }
            Expression::ThisExpression(t) => Sym::Unknown(Why::State, self.snippet(t.span)),
            Expression::ConditionalExpression(c) => {
                let (yes, no) = (self.sym_at(&c.consequent, d), self.sym_at(&c.alternate, d));
                // `/^https?:/.test(url) ? url : BASE + url`
                match self.absolute_test(&c.test) {
                    Some((tested, true)) if tested == yes => {
                        Sym::IfAbsolute(Box::new(yes), Box::new(no))
                    }
                    Some((tested, false)) if tested == no => {
                        Sym::IfAbsolute(Box::new(no), Box::new(yes))
                    }
                    _ => Sym::Choice(vec![yes, no], Why::Expression, self.snippet(c.span)),
                }
            }
            Expression::LogicalExpression(l) => Sym::Choice(
                vec![self.sym_at(&l.left, d), self.sym_at(&l.right, d)],
                Why::Expression,
                self.snippet(l.span),
            ),
            _ => Sym::Unknown(Why::Expression, self.snippet(e.span())),
        }
    }

    /// A test of whether a value is an absolute URL: the value, and whether the test is true
    /// for one. `url.indexOf('http') === 0`, `url.startsWith('http')`, `/^https?:/.test(url)`,
    /// and their negations.
    fn absolute_test(&self, test: &Expression) -> Option<(Sym, bool)> {
        let http = |e: Option<&Expression>| matches!(e.map(|e| e.get_inner_expression()), Some(Expression::StringLiteral(s)) if s.value.starts_with("http"));
        match test.get_inner_expression() {
            Expression::UnaryExpression(u) if u.operator == UnaryOperator::LogicalNot => {
                self.absolute_test(&u.argument).map(|(s, yes)| (s, !yes))
            }
            Expression::CallExpression(c) => {
                let Expression::StaticMemberExpression(m) = c.callee.get_inner_expression() else {
                    return None;
                };
                let arg = c.arguments.first().and_then(|a| a.as_expression());
                match (m.property.name.as_str(), m.object.get_inner_expression()) {
                    ("startsWith", _) if http(arg) => Some((self.sym(&m.object), true)),
                    ("test", Expression::RegExpLiteral(re))
                        if re.regex.pattern.text.starts_with("^http") =>
                    {
                        Some((self.sym(arg?), true))
                    }
                    _ => None,
                }
            }
            Expression::BinaryExpression(b) => {
                let Expression::CallExpression(c) = b.left.get_inner_expression() else {
                    return None;
                };
                let Expression::StaticMemberExpression(m) = c.callee.get_inner_expression() else {
                    return None;
                };
                let zero = matches!(b.right.get_inner_expression(), Expression::NumericLiteral(n) if n.value == 0.0);
                if m.property.name != "indexOf"
                    || !http(c.arguments.first().and_then(|a| a.as_expression()))
                    || !zero
                {
                    return None;
                }
                let yes = match b.operator {
                    BinaryOperator::StrictEquality | BinaryOperator::Equality => true,
                    BinaryOperator::StrictInequality | BinaryOperator::Inequality => false,
                    _ => return None,
                };
                Some((self.sym(&m.object), yes))
            }
            _ => None,
        }
    }

    /// A call's value: `getApp()`, `String(x)`, a string method on a value, else unknown.
    fn call_sym(&self, c: &CallExpression, d: usize) -> Sym {
        let args: Vec<&Expression> = c
            .arguments
            .iter()
            .filter_map(|a| a.as_expression())
            .collect();
        let all_args = args.len() == c.arguments.len();
        match c.callee.get_inner_expression() {
            Expression::Identifier(id) if id.name == "getApp" => return Sym::GetApp,
            Expression::Identifier(id) if id.name == "String" && args.len() == 1 && all_args => {
                return self.sym_at(args[0], d);
            }
            Expression::StaticMemberExpression(m) if all_args => {
                if let Some(mut method) = StrMethod::from_name(m.property.name.as_str()) {
                    let mut values: Vec<Sym> = args.iter().map(|a| self.sym_at(a, d)).collect();
                    if matches!(method, StrMethod::Replace | StrMethod::ReplaceAll)
                        && let Some(Expression::RegExpLiteral(re)) =
                            args.first().map(|a| a.get_inner_expression())
                    {
                        // `/\{id\}/g`: a regexp that is plain text is a text pattern.
                        // Only the `g` flag keeps a plain regexp plain text (`/dev/i` is not).
                        let plain = (re.regex.flags - RegExpFlags::G).is_empty();
                        values[0] = match plain_regexp(re.regex.pattern.text.as_str()) {
                            Some(text) if plain => Sym::text(text),
                            _ => Sym::Unknown(Why::Expression, self.snippet(re.span)),
                        };
                        if re.regex.flags.contains(RegExpFlags::G) {
                            method = StrMethod::ReplaceAll;
                        }
                    }
                    return Sym::Method(Box::new(self.sym_at(&m.object, d)), method, values);
                }
            }
            _ => {}
        }
        Sym::Unknown(Why::CallResult, self.snippet(c.span))
    }

    fn bind(&mut self, name: &str, binding: Binding) {
        self.module.bindings.insert(name.to_string(), binding);
    }

    /// Bindings from one declarator at the top level.
    fn declarator(&mut self, d: &VariableDeclarator, export: bool) {
        let Some(init) = &d.init else {
            // `let base;`: set later.
            if let BindingPattern::BindingIdentifier(id) = &d.id {
                self.bind(&id.name, Binding::Value(Sym::text(""), span(id.span)));
            }
            return;
        };
        match &d.id {
            BindingPattern::BindingIdentifier(id) => {
                let name = id.name.as_str().to_string();
                if let Some(from) = require_arg(init) {
                    self.bind(
                        &name,
                        Binding::Import {
                            from: from.to_string(),
                            name: ImportName::Namespace,
                        },
                    );
                } else if let Expression::StaticMemberExpression(m) = init.get_inner_expression()
                    && let Some(from) = require_arg(&m.object)
                {
                    let imported = ImportName::Named(m.property.name.as_str().to_string());
                    self.bind(
                        &name,
                        Binding::Import {
                            from: from.to_string(),
                            name: imported,
                        },
                    );
                } else {
                    let value = self.sym(init);
                    self.bind(&name, Binding::Value(value, span(init.span())));
                }
                if export {
                    self.module.exports.insert(name.clone(), Sym::Ident(name));
                }
            }
            BindingPattern::ObjectPattern(pattern) => {
                let from = require_arg(init);
                let base = self.sym(init);
                for p in &pattern.properties {
                    let (Some(key), BindingPattern::BindingIdentifier(local)) =
                        (p.key.static_name(), &p.value)
                    else {
                        continue;
                    };
                    let binding = match from {
                        Some(f) => Binding::Import {
                            from: f.to_string(),
                            name: ImportName::Named(key.to_string()),
                        },
                        None => Binding::Value(
                            Sym::Member(Box::new(base.clone()), key.to_string()),
                            span(p.span),
                        ),
                    };
                    self.bind(&local.name, binding);
                    if export {
                        self.module.exports.insert(
                            local.name.as_str().to_string(),
                            Sym::Ident(local.name.as_str().to_string()),
                        );
                    }
                }
            }
            _ => {}
        }
    }

    /// Top-level declarations, imports and exports.
    fn top_level(&mut self, program: &Program) {
        for stmt in &program.body {
            match stmt {
                Statement::VariableDeclaration(v) => {
                    for d in &v.declarations {
                        self.declarator(d, false);
                    }
                }
                Statement::ImportDeclaration(imp) => {
                    let from = imp.source.value.as_str().to_string();
                    for s in imp.specifiers.iter().flatten() {
                        let (local, name) = match s {
                            ImportDeclarationSpecifier::ImportSpecifier(s) => {
                                // `import { setBase as cfg }`: calls of `cfg` call `setBase`.
                                self.call(&s.imported.name());
                                (
                                    s.local.name.as_str().to_string(),
                                    ImportName::Named(s.imported.name().to_string()),
                                )
                            }
                            ImportDeclarationSpecifier::ImportDefaultSpecifier(s) => {
                                (s.local.name.as_str().to_string(), ImportName::Default)
                            }
                            ImportDeclarationSpecifier::ImportNamespaceSpecifier(s) => {
                                (s.local.name.as_str().to_string(), ImportName::Namespace)
                            }
                        };
                        self.bind(
                            &local,
                            Binding::Import {
                                from: from.clone(),
                                name,
                            },
                        );
                    }
                }
                Statement::ExportDeclaration(e) => {
                    if let Declaration::VariableDeclaration(v) = &e.declaration {
                        for d in &v.declarations {
                            self.declarator(d, true);
                        }
                    }
                }
                Statement::ExportNamedDeclaration(e) => {
                    for s in &e.specifiers {
                        let exported = s.exported.name().to_string();
                        self.module
                            .exports
                            .insert(exported, Sym::Ident(s.local.name().to_string()));
                    }
                }
                Statement::ExportFromDeclaration(e) => {
                    for s in &e.specifiers {
                        let exported = s.exported.name().to_string();
                        let alias = format!("\u{0}reexport:{exported}");
                        let name = ImportName::Named(s.local.name().to_string());
                        self.bind(
                            &alias,
                            Binding::Import {
                                from: e.source.value.as_str().to_string(),
                                name,
                            },
                        );
                        self.module.exports.insert(exported, Sym::Ident(alias));
                    }
                }
                Statement::ExportDefaultDeclaration(e) => {
                    if let Some(expr) = e.declaration.as_expression() {
                        let value = self.sym(expr);
                        self.module.exports.insert("default".into(), value);
                    }
                }
                Statement::ExpressionStatement(s) => self.top_expression(&s.expression),
                _ => {}
            }
        }
    }

    fn top_expression(&mut self, e: &Expression) {
        match e.get_inner_expression() {
            Expression::AssignmentExpression(a) => {
                let Some(target) = a
                    .left
                    .as_simple_assignment_target()
                    .and_then(|t| t.as_member_expression())
                else {
                    return;
                };
                let value = self.sym(&a.right);
                if target.is_specific_member_access("module", "exports") {
                    self.module.module_exports = Some(value);
                } else if let Some(name) = target.static_property_name() {
                    let obj = target.object();
                    let is_exports = matches!(obj.get_inner_expression(), Expression::Identifier(id) if id.name == "exports")
                        || obj.is_specific_member_access("module", "exports");
                    if is_exports {
                        self.module.exports.insert(name.to_string(), value);
                    }
                }
            }
            Expression::CallExpression(c) => {
                // App({ globalData: { ... } })
                if matches!(&c.callee, Expression::Identifier(id) if id.name == "App")
                    && let Some(Sym::Object(props)) = c
                        .arguments
                        .first()
                        .and_then(|a| a.as_expression())
                        .map(|a| self.sym(a))
                    && let Some((_, data, _)) = props.iter().find(|(k, _, _)| k == "globalData")
                {
                    // `globalData: { … }`, or a constant: `App({ globalData })`.
                    let fields = match data {
                        Sym::Object(fields) => fields.clone(),
                        Sym::Ident(n) => match self.module.bindings.get(n) {
                            Some(Binding::Value(Sym::Object(fields), _)) => fields.clone(),
                            _ => Vec::new(),
                        },
                        _ => Vec::new(),
                    };
                    for (k, v, s) in fields {
                        self.module.global_data.push((k, v, s));
                    }
                }
            }
            _ => {}
        }
    }

    fn is_api_object(&self, e: &Expression) -> bool {
        matches!(e.get_inner_expression(), Expression::Identifier(id) if self.api_aliases.contains(id.name.as_str()))
    }

    /// `wx.request` (or an alias's) as an expression.
    fn is_request_member(&self, e: &Expression) -> bool {
        matches!(e.get_inner_expression(), Expression::StaticMemberExpression(m) if m.property.name == "request" && self.is_api_object(&m.object))
    }

    /// The `url` option of a call's first argument, with its span.
    fn url_option(&self, call: &CallExpression) -> Option<(Sym, Span)> {
        let arg = call.arguments.first()?.as_expression()?;
        match arg.get_inner_expression() {
            Expression::ObjectExpression(o) => {
                // The last `url:` or spread (`{ ...options, success }`) sets the URL.
                o.properties.iter().rev().find_map(|p| match p {
                    ObjectPropertyKind::ObjectProperty(p)
                        if p.key.static_name().as_deref() == Some("url") =>
                    {
                        Some((self.sym(&p.value), span(p.value.span())))
                    }
                    ObjectPropertyKind::SpreadProperty(sp) => Some((
                        Sym::Member(Box::new(self.sym(&sp.argument)), "url".into()),
                        span(sp.argument.span()),
                    )),
                    _ => None,
                })
            }
            // `wx.request(options)`: the url is a field of a value we may know.
            other => Some((
                Sym::Member(Box::new(self.sym(other)), "url".into()),
                span(other.span()),
            )),
        }
    }

    /// `{address, port}` of a TCP `connect` or UDP `send` call, as `scheme://address:port`.
    fn socket_target(&self, call: &CallExpression, scheme: &str) -> Option<(Sym, Span)> {
        let arg = call.arguments.first()?.as_expression()?;
        let Expression::ObjectExpression(o) = arg.get_inner_expression() else {
            return None;
        };
        let mut address = None;
        let mut port = None;
        for p in &o.properties {
            if let ObjectPropertyKind::ObjectProperty(p) = p {
                match p.key.static_name().as_deref() {
                    Some("address") => address = Some((self.sym(&p.value), span(p.value.span()))),
                    Some("port") => port = Some(self.sym(&p.value)),
                    _ => {}
                }
            }
        }
        let (address, at) = address?;
        let mut parts = vec![Sym::text(format!("{scheme}://")), address];
        if let Some(port) = port {
            parts.push(Sym::text(":"));
            parts.push(port);
        }
        Some((Sym::Concat(parts), at))
    }

    /// The value being evaluated uses the parameters of the function at `depth`: the innermost
    /// named one is the owner (a wrapper); an unnamed callback's parameters are run-time values.
    fn uses_params_of(&self, depth: usize) {
        if self
            .functions
            .get(depth)
            .is_some_and(|(n, _, _)| n.is_some())
        {
            let owner = self.param_owner.get().map_or(depth, |d| d.max(depth));
            self.param_owner.set(Some(owner));
        }
    }

    /// Records a governed call. When a parameter of a named function flows into the URL, that
    /// function is a wrapper and its callers are the real call sites.
    fn record(
        &mut self,
        category: Category,
        api: String,
        url: Sym,
        at: Span,
        owner: Option<usize>,
    ) {
        if url.has_param()
            && let Some((Some(name), _, fid)) = owner.and_then(|d| self.functions.get(d))
        {
            self.module.wrappers.push(Wrapper {
                name: name.clone(),
                fid: *fid,
                category,
                api,
                url,
                span: at,
            });
            return;
        }
        self.module.calls.push(NetCall {
            category,
            api,
            url,
            span: at,
        });
    }

    /// Evaluates `f` and returns which function's parameter it used, if any.
    fn with_owner<T>(&self, f: impl FnOnce(&Self) -> T) -> (T, Option<usize>) {
        self.param_owner.set(None);
        let value = f(self);
        (value, self.param_owner.take())
    }

    fn enter_function(&mut self, params: &FormalParameters) {
        let name = self.pending_name.take();
        let fid = self.next_fid;
        self.next_fid += 1;
        let mut bound = Vec::new();
        for (i, p) in params.items.iter().enumerate() {
            match &p.pattern {
                BindingPattern::BindingIdentifier(id) => bound.push((
                    id.name.as_str().to_string(),
                    Sym::Param(fid, i, id.name.as_str().to_string()),
                )),
                BindingPattern::ObjectPattern(o) => {
                    let whole = Sym::Param(fid, i, self.snippet(o.span));
                    for bp in &o.properties {
                        if let (Some(key), BindingPattern::BindingIdentifier(local)) =
                            (bp.key.static_name(), &bp.value)
                        {
                            bound.push((
                                local.name.as_str().to_string(),
                                Sym::Member(Box::new(whole.clone()), key.to_string()),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
        self.functions.push((name, Scope::new(bound), fid));
        self.locals.push(HashMap::default());
    }

    fn leave_function(&mut self) {
        self.functions.pop();
        self.locals.pop();
    }

    /// `secret=<32 hex>` in a string: an AppSecret written into a URL.
    fn query_secret(&mut self, text: &str, at: oxc_span::Span, quote: u32) {
        if let Some(r) = secret_in_query(text) {
            // The value's own span when the text is the source text (no escapes before it).
            let offset = quote + r.start as u32;
            let whole = span(at);
            let value = Span::new(
                (whole.start + offset).min(whole.end) as usize,
                (whole.start + offset + 32).min(whole.end) as usize,
            );
            self.module.secrets.push(SecretCandidate {
                key: "secret".into(),
                span: value,
            });
        }
    }

    fn secret_check(&mut self, key: &str, value: &Expression) {
        if !crate::base::ascii::contains_ignore_case(key, "secret") {
            return;
        }
        if let Expression::StringLiteral(s) = value.get_inner_expression()
            && looks_like_secret(&s.value)
        {
            self.module.secrets.push(SecretCandidate {
                key: key.to_string(),
                span: span(s.span),
            });
        }
    }
}

/// `t` with each run of whitespace made one space (none at either end), cut to 39 characters
/// and `…` when longer than 40: in one pass that stops at the 41st character.
fn collapsed_snippet(t: &str) -> String {
    let mut out = String::with_capacity(t.len().min(64));
    let (mut chars, mut space, mut cut_at) = (0usize, false, 0usize);
    for c in t.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        for c in [' ', c].into_iter().skip(usize::from(!space)) {
            chars += 1;
            if chars == 40 {
                cut_at = out.len();
            }
            if chars > 40 {
                out.truncate(cut_at);
                out.push('…');
                return out;
            }
            out.push(c);
        }
        space = false;
    }
    out
}

/// 32 hexadecimal characters: the shape of an AppSecret.
pub fn looks_like_secret(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The byte range of an AppSecret in a URL query written in the text: `secret=` followed by
/// exactly 32 hexadecimal characters (`…/sns/jscode2session?appid=…&secret=…`).
pub fn secret_in_query(text: &str) -> Option<std::ops::Range<usize>> {
    // Found from each `=` (most strings have none; a substring searcher built per string
    // literal cost more than the search).
    let bytes = text.as_bytes();
    for eq in memchr::memchr_iter(b'=', bytes) {
        let Some(at) = eq.checked_sub(6) else {
            continue;
        };
        if &bytes[at..eq] != b"secret" {
            continue;
        }
        let start = eq + 1;
        let hex = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        let before = bytes[..at].last();
        if hex == 32 && matches!(before, None | Some(b'?' | b'&')) {
            return Some(start..start + 32);
        }
    }
    None
}

/// The overrides every walk over a parsed JS/TS file shares (the facts walk here, the
/// imports-only walk of `imports.rs`), so that each sees the same nodes: a depth limit on
/// expressions and statements (`depth`, `too_deep` fields), left-deep binary spines walked in a
/// loop, types and `typeof X` feature tests not walked. It names, from the module it is used
/// in: `oxc_ast::ast::*`, `walk`, `GetSpan`, `UnaryOperator`, `MAX_VISIT_DEPTH` and `Span`.
macro_rules! shared_walk {
    ($a:lifetime) => {
        // Every nesting goes through an expression or a statement: the walk stops at
        // MAX_VISIT_DEPTH and the file is reported as not fully analysed.
        fn visit_expression(&mut self, it: &Expression<$a>) {
            if self.depth >= MAX_VISIT_DEPTH {
                let at = it.span().start as usize;
                self.too_deep.get_or_insert(Span::new(at, at + 1));
                return;
            }
            self.depth += 1;
            walk::walk_expression(self, it);
            self.depth -= 1;
        }

        fn visit_statement(&mut self, it: &Statement<$a>) {
            if self.depth >= MAX_VISIT_DEPTH {
                let at = it.span().start as usize;
                self.too_deep.get_or_insert(Span::new(at, at + 1));
                return;
            }
            self.depth += 1;
            walk::walk_statement(self, it);
            self.depth -= 1;
        }

        /// `a + b + c + …` is left-deep: its spine is walked in a loop, so a long chain is
        /// not deep.
        fn visit_binary_expression(&mut self, it: &BinaryExpression<$a>) {
            let mut rights = vec![&it.right];
            let mut left = &it.left;
            while let Expression::BinaryExpression(b) = left {
                rights.push(&b.right);
                left = &b.left;
            }
            self.visit_expression(left);
            for r in rights.into_iter().rev() {
                self.visit_expression(r);
            }
        }

        /// Type names (`x: Page`, `typeof getApp` in a type) are not run-time references.
        fn visit_ts_type_reference(&mut self, _: &TSTypeReference<$a>) {}

        fn visit_ts_type_query(&mut self, _: &TSTypeQuery<$a>) {}

        /// `typeof App` does not throw when `App` is not defined.
        fn visit_unary_expression(&mut self, it: &UnaryExpression<$a>) {
            // `typeof X`, `typeof wx.request`: feature tests, which never throw.
            if it.operator == UnaryOperator::Typeof
                && matches!(
                    it.argument.get_inner_expression(),
                    Expression::Identifier(_) | Expression::StaticMemberExpression(_)
                )
            {
                return;
            }
            walk::walk_unary_expression(self, it);
        }
    };
}
pub(super) use shared_walk;

impl<'a> Visit<'a> for Extractor<'_, '_> {
    shared_walk!('a);

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&it.id, &it.init) {
            let name = id.name.as_str().to_string();
            let inner = init.get_inner_expression();
            match inner {
                Expression::Identifier(src) if self.api_aliases.contains(src.name.as_str()) => {
                    self.api_aliases.insert(name.clone());
                }
                Expression::CallExpression(c) => {
                    if let Expression::StaticMemberExpression(m) = &c.callee
                        && self.is_api_object(&m.object)
                    {
                        match m.property.name.as_str() {
                            "createTCPSocket" => _ = self.tcp_names.insert(name.clone()),
                            "createUDPSocket" => _ = self.udp_names.insert(name.clone()),
                            _ => {}
                        }
                    }
                    // promisify(wx.request) and the like
                    if c.arguments
                        .iter()
                        .any(|a| a.as_expression().is_some_and(|e| self.is_request_member(e)))
                    {
                        self.request_aliases.insert(name.clone());
                    }
                }
                _ if self.is_request_member(inner) => {
                    self.request_aliases.insert(name.clone());
                }
                Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_) => {
                    self.pending_name = Some(name.clone());
                }
                _ => {}
            }
            self.secret_check(&name, init);
            // A constant inside a function: known for the rest of it.
            if !self.functions.is_empty()
                && !matches!(
                    inner,
                    Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
                )
            {
                let value = self.sym(init);
                self.declare_local(&name, value);
            }
        } else if !self.functions.is_empty() {
            match (&it.id, &it.init) {
                // `for (const h of hosts)`: each value at run time.
                (BindingPattern::BindingIdentifier(id), None) if self.loop_head => {
                    let value = Sym::Unknown(Why::Reassigned, id.name.as_str().to_string());
                    self.bind_local(&id.name, value);
                }
                // `let url;`: set later.
                (BindingPattern::BindingIdentifier(id), None) => {
                    self.bind_local(&id.name, Sym::text(""));
                }
                // `const { host } = config`, `const [a, b] = hosts`.
                (BindingPattern::ObjectPattern(o), Some(init)) => {
                    let base = self.sym(init);
                    for p in &o.properties {
                        if let (Some(key), BindingPattern::BindingIdentifier(local)) =
                            (p.key.static_name(), &p.value)
                        {
                            let v = Sym::Member(Box::new(base.clone()), key.to_string());
                            self.bind_local(&local.name, v);
                        }
                    }
                }
                (BindingPattern::ArrayPattern(a), Some(init)) => {
                    let base = self.sym(init);
                    for (i, el) in a.elements.iter().enumerate() {
                        if let Some(BindingPattern::BindingIdentifier(local)) = el {
                            let v = Sym::Member(Box::new(base.clone()), i.to_string());
                            self.bind_local(&local.name, v);
                        }
                    }
                }
                _ => {}
            }
            // Names the cases above do not give a value (nested patterns, defaults, rest,
            // loop heads) hide outer names: run-time values.
            if !matches!(it.id, BindingPattern::BindingIdentifier(_)) {
                let known: Vec<String> = match (&it.id, &it.init) {
                    (BindingPattern::ObjectPattern(o), Some(_)) => o
                        .properties
                        .iter()
                        .filter_map(|p| match (&p.key.static_name(), &p.value) {
                            (Some(_), BindingPattern::BindingIdentifier(l)) => {
                                Some(l.name.as_str().to_string())
                            }
                            _ => None,
                        })
                        .collect(),
                    (BindingPattern::ArrayPattern(a), Some(_)) => a
                        .elements
                        .iter()
                        .filter_map(|el| match el {
                            Some(BindingPattern::BindingIdentifier(l)) => {
                                Some(l.name.as_str().to_string())
                            }
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                for id in it.id.get_binding_identifiers() {
                    if !known.iter().any(|k| k == id.name.as_str()) {
                        let value = Sym::Unknown(Why::Reassigned, id.name.as_str().to_string());
                        self.bind_local(&id.name, value);
                    }
                }
            }
        }
        walk::walk_variable_declarator(self, it);
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        if let Some(key) = it.key.static_name() {
            // Methods of top-level objects (`module.exports = { get(url) {...} }`) can be
            // wrappers; `success: (res) => ...` callbacks inside functions are not.
            if self.functions.is_empty()
                && matches!(
                    it.value.get_inner_expression(),
                    Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
                )
            {
                self.pending_name = Some(key.to_string());
            }
            self.secret_check(&key, &it.value);
        }
        walk::walk_object_property(self, it);
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        // A function passed by reference (`x.onChange = setHost`) may be called.
        if let Expression::Identifier(f) = it.right.get_inner_expression() {
            self.call(&f.name);
        }
        // `({ u } = o)`, `[u] = list`: the names get run-time values.
        if let AssignmentTarget::ObjectAssignmentTarget(_)
        | AssignmentTarget::ArrayAssignmentTarget(_) = &it.left
        {
            let mut names = Vec::new();
            target_names(&it.left, &mut names, 0);
            for name in names {
                self.reassigned(&name);
            }
        }
        // `cfg.base = …`, `hosts[0] = …` on a known object or array: that property is one of
        // its values (any other key: the whole value is not known).
        if let Some(target) = it
            .left
            .as_simple_assignment_target()
            .and_then(|t| t.as_member_expression())
            && let Expression::Identifier(obj) = target.object().get_inner_expression()
        {
            let key = match target {
                MemberExpression::ComputedMemberExpression(c) => {
                    match c.expression.get_inner_expression() {
                        Expression::StringLiteral(s) => Some(s.value.as_str().to_string()),
                        Expression::NumericLiteral(n)
                            if n.value.fract() == 0.0 && n.value >= 0.0 =>
                        {
                            Some(format!("{}", n.value as u64))
                        }
                        _ => None,
                    }
                }
                other => other.static_property_name().map(str::to_string),
            };
            match key {
                Some(key) => {
                    let right = self.sym(&it.right);
                    self.set_property(obj.name.as_str(), &key, right, it.operator);
                }
                None => self.reassigned(obj.name.as_str()),
            }
        }
        // `u = …` on a parameter: from here on it is a variable like the others.
        let right_first = match &it.left {
            AssignmentTarget::AssignmentTargetIdentifier(id)
                if self.find_local(&id.name).is_none() =>
            {
                let right = self.sym(&it.right);
                self.param_to_local(&id.name).map(|_| right)
            }
            _ => None,
        };
        // `url += '?id=' + id` and `url = …` on a function's local.
        if let AssignmentTarget::AssignmentTargetIdentifier(id) = &it.left
            && let Some(depth) = self.find_local(&id.name)
            && let Some(&index) = self.locals[depth].get(id.name.as_str())
        {
            let name = id.name.as_str().to_string();
            let mut right = match right_first {
                Some(right) => right,
                None => self.sym(&it.right),
            };
            let mut operator = it.operator;
            // `url = url + x` appends like `url += x`.
            if operator == AssignmentOperator::Assign
                && let Sym::Concat(parts) = &mut right
                && matches!(parts.first(), Some(Sym::Local(i, _)) if *i == index)
            {
                parts.remove(0);
                operator = AssignmentOperator::Addition;
            }
            // `x = y + x`: the right side's `x` is the value before.
            if operator == AssignmentOperator::Assign {
                let old = self.module.locals[index].1.clone();
                substitute(&mut right, index, &old, 0);
            }
            let guarded = self
                .guards
                .last()
                .is_some_and(|(g, yes)| *yes && *g == right);
            // Assigned in a nested function (a setter, a callback): it may run at any time, if
            // it runs at all.
            let closure = depth + 1 != self.functions.len();
            let setter = self.functions.last().and_then(|(n, _, _)| n.clone());
            let old = &mut self.module.locals[index].1;
            match (operator, setter) {
                (AssignmentOperator::Assign, Some(setter)) if closure => {
                    add_choice(old, Sym::SetIn(setter, name.clone()), &name);
                }
                _ if closure => *old = Sym::Unknown(Why::Reassigned, name),
                (AssignmentOperator::Addition, _) => append(old, right, &name),
                (AssignmentOperator::Assign, _) if matches!(old, Sym::Str(s, _) if s.is_empty()) => {
                    *old = right;
                }
                // `if (url.indexOf('http') === 0) { _url = url }`
                // (On a plain value only: guarded assignments in turn with others would nest
                // the value without limit.)
                (AssignmentOperator::Assign, _)
                    if guarded && !matches!(old, Sym::IfAbsolute(..) | Sym::Choice(..)) =>
                {
                    let otherwise = std::mem::replace(old, Sym::text(""));
                    *old = Sym::IfAbsolute(Box::new(right), Box::new(otherwise));
                }
                // Assigned in several places: one of the values, chosen at run time.
                (AssignmentOperator::Assign, _) => add_choice(old, right, &name),
                _ => *old = Sym::Unknown(Why::Reassigned, name),
            }
        } else if let AssignmentTarget::AssignmentTargetIdentifier(id) = &it.left
            && !self
                .functions
                .iter()
                .any(|(_, params, _)| params.contains_key(id.name.as_str()))
            && matches!(
                self.module.bindings.get(id.name.as_str()),
                Some(Binding::Value(..))
            )
        {
            let name = id.name.as_str().to_string();
            let in_function = !self.functions.is_empty();
            let setter = self.functions.last().and_then(|(n, _, _)| n.clone());
            let right = (!in_function).then(|| self.sym(&it.right));
            if let Some(Binding::Value(old, _)) = self.module.bindings.get_mut(&name) {
                match (right, setter, it.operator) {
                    // Set in a function (`setBaseUrl(b) { BASE = b }`): a run-time value if
                    // something calls that function.
                    (None, Some(setter), _) => {
                        add_choice(old, Sym::SetIn(setter, name.clone()), &name)
                    }
                    (None, None, _) => *old = Sym::Unknown(Why::Reassigned, name),
                    // At the top level (`if (release) BASE = '…'`): one of the values.
                    (Some(right), _, AssignmentOperator::Assign) => {
                        if matches!(old, Sym::Str(s, _) if s.is_empty()) {
                            *old = right;
                        } else {
                            add_choice(old, right, &name);
                        }
                    }
                    (Some(right), _, AssignmentOperator::Addition) => append(old, right, &name),
                    _ => *old = Sym::Unknown(Why::Reassigned, name),
                }
            }
        }
        if let Some(target) = it
            .left
            .as_simple_assignment_target()
            .and_then(|t| t.as_member_expression())
            && let Some(name) = target.static_property_name()
        {
            if matches!(
                it.right.get_inner_expression(),
                Expression::ArrowFunctionExpression(_) | Expression::FunctionExpression(_)
            ) {
                self.pending_name = Some(name.to_string());
            }
            // `getApp().globalData.x = ...` / `app.globalData.x = ...`
            if let Some(obj) = target.object().as_member_expression()
                && obj.static_property_name() == Some("globalData")
            {
                let value = self.sym(&it.right);
                self.module
                    .global_data
                    .push((name.to_string(), value, span(it.right.span())));
            }
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        if let Expression::StringLiteral(spec) = &it.source {
            self.module
                .requires
                .push((spec.value.as_str().to_string(), span(spec.span)));
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        self.module
            .requires
            .push((it.source.value.as_str().to_string(), span(it.source.span)));
        // `import * as wx from …`, `import { Page } from …` bind those names here.
        for s in it.specifiers.iter().flatten() {
            self.bound_globals |= global_bit(s.local().name.as_str());
        }
    }

    fn visit_export_from_declaration(&mut self, it: &ExportFromDeclaration<'a>) {
        self.module
            .requires
            .push((it.source.value.as_str().to_string(), span(it.source.span)));
    }

    fn visit_export_all_declaration(&mut self, it: &ExportAllDeclaration<'a>) {
        self.module
            .requires
            .push((it.source.value.as_str().to_string(), span(it.source.span)));
    }

    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        let outer = self.block_scoped;
        self.block_scoped = it.kind != VariableDeclarationKind::Var;
        walk::walk_variable_declaration(self, it);
        self.block_scoped = outer;
    }

    /// `{ const BASE = …; }` hides an outer `BASE` only inside the block.
    fn visit_block_statement(&mut self, it: &BlockStatement<'a>) {
        self.blocks.push((self.locals.len(), Vec::new()));
        walk::walk_block_statement(self, it);
        self.leave_block();
    }

    /// `catch (e) { … }`: `e` is a run-time value, only in the clause.
    fn visit_catch_clause(&mut self, it: &CatchClause<'a>) {
        self.blocks.push((self.locals.len(), Vec::new()));
        if let Some(param) = &it.param {
            let outer = self.block_scoped;
            self.block_scoped = true;
            for id in param.pattern.get_binding_identifiers() {
                let value = Sym::Unknown(Why::Reassigned, id.name.as_str().to_string());
                self.bind_local(&id.name, value);
            }
            self.block_scoped = outer;
        }
        walk::walk_catch_clause(self, it);
        self.leave_block();
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        self.blocks.push((self.locals.len(), Vec::new()));
        self.loop_left(&it.left);
        self.visit_expression(&it.right);
        self.visit_statement(&it.body);
        self.leave_block();
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        self.blocks.push((self.locals.len(), Vec::new()));
        self.loop_left(&it.left);
        self.visit_expression(&it.right);
        self.visit_statement(&it.body);
        self.leave_block();
    }

    /// A class method is named like an object method (`this.load(url)` reaches it).
    fn visit_method_definition(&mut self, it: &MethodDefinition<'a>) {
        if let Some(name) = it.key.static_name() {
            self.pending_name = Some(name.to_string());
        }
        walk::walk_method_definition(self, it);
    }

    /// `if (url.indexOf('http') === 0) { _url = url }`: the branch knows `url` is absolute.
    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        let Some((tested, yes)) = self.absolute_test(&it.test) else {
            return walk::walk_if_statement(self, it);
        };
        self.visit_expression(&it.test);
        self.guards.push((tested.clone(), yes));
        self.visit_statement(&it.consequent);
        self.guards.pop();
        if let Some(alternate) = &it.alternate {
            self.guards.push((tested, !yes));
            self.visit_statement(alternate);
            self.guards.pop();
        }
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        // `const set = function apply() {}` is called as `set`: the binding's name first.
        if let Some(id) = &it.id
            && self.pending_name.is_none()
        {
            self.pending_name = Some(id.name.as_str().to_string());
        }
        self.enter_function(&it.params);
        walk::walk_function(self, it, flags);
        self.leave_function();
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.enter_function(&it.params);
        walk::walk_arrow_function_expression(self, it);
        self.leave_function();
    }

    fn visit_binding_identifier(&mut self, it: &BindingIdentifier<'a>) {
        self.bound_globals |= global_bit(&it.name);
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        if global_bit(&it.name) > 1 {
            self.module
                .framework_refs
                .push((it.name.as_str().to_string(), span(it.span)));
        }
    }

    fn visit_string_literal(&mut self, it: &StringLiteral<'a>) {
        self.query_secret(&it.value, it.span, 1);
    }

    fn visit_template_element(&mut self, it: &TemplateElement<'a>) {
        self.query_secret(&it.value.raw, it.span, 0);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if matches!(&it.object, Expression::Identifier(o) if o.name == "wx") {
            self.module.wx_members.push((
                it.property.name.as_str().to_string(),
                span(it.property.span),
            ));
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_computed_member_expression(&mut self, it: &ComputedMemberExpression<'a>) {
        if let (Expression::Identifier(o), Expression::StringLiteral(p)) =
            (&it.object, &it.expression)
            && o.name == "wx"
        {
            self.module
                .wx_members
                .push((p.value.as_str().to_string(), span(p.span)));
        }
        walk::walk_computed_member_expression(self, it);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        self.pending_name = None;
        let framework = match it.callee.get_inner_expression() {
            Expression::Identifier(id) => {
                self.call(&id.name);
                matches!(id.name.as_str(), "App" | "Page" | "Component" | "Behavior")
            }
            Expression::StaticMemberExpression(m) => {
                self.call(&m.property.name);
                false
            }
            _ => false,
        };
        // `Object.assign(cfg, …)` may set any property of `cfg`.
        if let Expression::StaticMemberExpression(m) = it.callee.get_inner_expression()
            && m.property.name == "assign"
            && matches!(m.object.get_inner_expression(), Expression::Identifier(o) if o.name == "Object")
            && let Some(Expression::Identifier(target)) = it
                .arguments
                .first()
                .and_then(|a| a.as_expression())
                .map(|e| e.get_inner_expression())
            && it.arguments.len() > 1
        {
            self.reassigned(target.name.as_str());
        }
        // Functions handed to a call are called by it: callbacks, `success(res) {…}`, and
        // every method of App/Page/Component/Behavior (lifecycles, event handlers).
        for a in &it.arguments {
            if let Some(e) = a.as_expression() {
                self.mark_called(e, if framework { 8 } else { 1 });
            }
        }
        if let Expression::Identifier(id) = &it.callee
            && id.name == "require"
            && let Some(Expression::StringLiteral(spec)) =
                it.arguments.first().and_then(|a| a.as_expression())
        {
            self.module
                .requires
                .push((spec.value.as_str().to_string(), span(spec.span)));
        }
        if let Expression::Identifier(id) = &it.callee
            && id.name == "Widget"
        {
            self.widget_call(it);
        }
        match &it.callee {
            Expression::StaticMemberExpression(m) if self.is_api_object(&m.object) => {
                let method = m.property.name.as_str();
                if let Some(cat) = category(method) {
                    let (found, owner) = self.with_owner(|s| s.url_option(it));
                    if let Some((url, at)) = found {
                        self.record(cat, method.to_string(), url, at, owner);
                    }
                }
                if LOCATION_APIS.contains(&method) {
                    self.module
                        .location_apis
                        .push((method.to_string(), span(m.property.span)));
                }
            }
            Expression::StaticMemberExpression(m) => {
                let owner = match m.object.get_inner_expression() {
                    Expression::Identifier(id) => Some(id.name.as_str().to_string()),
                    Expression::StaticMemberExpression(inner)
                        if matches!(inner.object, Expression::ThisExpression(_)) =>
                    {
                        Some(inner.property.name.as_str().to_string())
                    }
                    _ => None,
                };
                let method = m.property.name.as_str();
                if let Some(owner) = &owner {
                    let (target, param_fn) = self.with_owner(|s| {
                        if s.tcp_names.contains(owner) && method == "connect" {
                            s.socket_target(it, "tcp").map(|t| (Category::Tcp, t))
                        } else if s.udp_names.contains(owner)
                            && (method == "send" || method == "connect")
                        {
                            s.socket_target(it, "udp").map(|t| (Category::Udp, t))
                        } else {
                            None
                        }
                    });
                    if let Some((cat, (url, at))) = target {
                        self.record(cat, format!("{owner}.{method}"), url, at, param_fn);
                    } else if let Expression::Identifier(_) = m.object.get_inner_expression() {
                        self.candidate(vec![owner.clone(), method.to_string()], it);
                    }
                } else if is_this(&m.object) {
                    // `this.fetch(url)`: a method of the same page or component.
                    self.candidate(vec!["this".into(), method.to_string()], it);
                } else if let Expression::CallExpression(c) = m.object.get_inner_expression()
                    && matches!(&c.callee, Expression::Identifier(id) if id.name == "getApp")
                {
                    // `getApp().request(url)`: a method of `App({...})` in app.js.
                    self.candidate(vec![GET_APP.into(), method.to_string()], it);
                }
            }
            Expression::Identifier(id) => {
                let name = id.name.as_str().to_string();
                if self.request_aliases.contains(&name) {
                    let (found, owner) = self.with_owner(|s| s.url_option(it));
                    if let Some((url, at)) = found {
                        self.record(Category::Request, name, url, at, owner);
                    }
                } else if !matches!(
                    name.as_str(),
                    "require" | "getApp" | "App" | "Page" | "Component" | "Behavior"
                ) {
                    self.candidate(vec![name], it);
                }
            }
            _ => {}
        }
        walk::walk_call_expression(self, it);
    }
}

impl Extractor<'_, '_> {
    /// A `Widget(…)` call: where, and the keys of its object argument.
    fn widget_call(&mut self, it: &CallExpression) {
        let keys = match it
            .arguments
            .first()
            .and_then(|a| a.as_expression())
            .map(|e| e.get_inner_expression())
        {
            Some(Expression::ObjectExpression(o)) => Some(
                o.properties
                    .iter()
                    .filter_map(|p| match p {
                        ObjectPropertyKind::ObjectProperty(p) => p
                            .key
                            .static_name()
                            .map(|k| (k.to_string(), span(p.key.span()))),
                        ObjectPropertyKind::SpreadProperty(_) => None,
                    })
                    .collect(),
            ),
            _ => None,
        };
        self.module.widget_calls.push(super::facts::WidgetCall {
            span: span(it.callee.span()),
            keys,
        });
    }

    /// Records `name` as called (copied only the first time).
    fn call(&mut self, name: &str) {
        if !self.called.contains(name) {
            self.called.insert(name.to_string());
        }
    }

    /// Records the names of the functions in `e` (in object literals down to `levels` deep)
    /// as called.
    fn mark_called(&mut self, e: &Expression, levels: usize) {
        match e.get_inner_expression() {
            // `success: setHost`, `wx.onNetworkStatusChange(update)`.
            Expression::Identifier(id) => {
                self.call(&id.name);
            }
            Expression::FunctionExpression(f) => {
                if let Some(id) = &f.id {
                    self.call(&id.name);
                }
            }
            Expression::ObjectExpression(o) if levels > 0 => {
                for p in &o.properties {
                    if let ObjectPropertyKind::ObjectProperty(p) = p {
                        if matches!(
                            p.value.get_inner_expression(),
                            Expression::FunctionExpression(_)
                                | Expression::ArrowFunctionExpression(_)
                        ) && let Some(key) = p.key.static_name()
                        {
                            self.call(&key);
                        }
                        self.mark_called(&p.value, levels - 1);
                    }
                }
            }
            _ => {}
        }
    }

    fn candidate(&mut self, mut callee: Vec<String>, call: &CallExpression) {
        if call.arguments.is_empty() {
            return;
        }
        // `const app = getApp()` inside a function: `app.request(...)` is App's method.
        if callee.len() == 2
            && let Some(depth) = self.find_local(&callee[0])
            && let Some(&index) = self.locals[depth].get(&callee[0])
            && self.module.locals[index].1 == Sym::GetApp
        {
            callee[0] = GET_APP.into();
        }
        let (args, owner): (Vec<(Sym, Span)>, _) = self.with_owner(|s| {
            call.arguments
                .iter()
                .map(|a| match a.as_expression() {
                    Some(e) => (s.sym(e), span(e.span())),
                    None => (
                        Sym::Unknown(Why::Expression, s.snippet(a.span())),
                        span(a.span()),
                    ),
                })
                .collect()
        });
        // Arguments made from a named function's parameters: the call is part of that
        // function's body.
        let owner = owner
            .filter(|_| args.iter().any(|(a, _)| a.has_param()))
            .and_then(|d| self.functions.get(d));
        let (forwards_for, owner_fid) = match owner {
            Some((Some(name), _, fid)) => (Some(name.clone()), *fid),
            _ => (None, 0),
        };
        self.module.candidates.push(CandidateCall {
            callee,
            args,
            forwards_for,
            owner_fid,
        });
    }

    /// The head of a `for … of` / `for … in` loop: each of its names gets run-time values.
    fn loop_left(&mut self, left: &ForStatementLeft) {
        match left {
            ForStatementLeft::VariableDeclaration(v) => {
                self.loop_head = true;
                self.visit_variable_declaration(v);
                self.loop_head = false;
            }
            other => {
                if let Some(target) = other.as_assignment_target() {
                    let mut names = Vec::new();
                    target_names(target, &mut names, 0);
                    for name in names {
                        self.reassigned(&name);
                    }
                }
            }
        }
    }

    /// The end of a block: the names its `let`/`const` hid are visible again.
    fn leave_block(&mut self) {
        if let Some((level, hid)) = self.blocks.pop()
            && let Some(frame) = level.checked_sub(1).and_then(|i| self.locals.get_mut(i))
        {
            for (name, hidden) in hid.into_iter().rev() {
                match hidden {
                    Some(index) => frame.insert(name, index),
                    None => frame.remove(&name),
                };
            }
        }
    }

    /// `var x = …` again in the same function is an assignment; otherwise a new variable.
    fn declare_local(&mut self, name: &str, value: Sym) {
        if !self.block_scoped
            && let Some(&index) = self.locals.last().and_then(|l| l.get(name))
        {
            add_choice(&mut self.module.locals[index].1, value, name);
            return;
        }
        self.bind_local(name, value);
    }

    /// Binds a function-local name (innermost function).
    fn bind_local(&mut self, name: &str, value: Sym) {
        let level = self.locals.len();
        if let Some(frame) = self.locals.last_mut() {
            let hidden = frame.insert(name.to_string(), self.module.locals.len());
            self.module.locals.push((name.to_string(), value));
            if self.block_scoped
                && let Some((block_level, hid)) = self.blocks.last_mut()
                && *block_level == level
            {
                hid.push((name.to_string(), hidden));
            }
        }
    }

    /// The parameter `name` of the innermost function that has one (and no local of that
    /// name in a function inside it) becomes a local with the parameter as its value: its
    /// index.
    fn param_to_local(&mut self, name: &str) -> Option<usize> {
        let depth = self
            .functions
            .iter()
            .rposition(|(_, params, _)| params.contains_key(name))?;
        if self.locals[depth + 1..]
            .iter()
            .any(|l| l.contains_key(name))
        {
            return None;
        }
        let value = self.functions[depth].1.get(name)?.clone();
        let index = self.module.locals.len();
        self.module.locals.push((name.to_string(), value));
        self.locals[depth].insert(name.to_string(), index);
        Some(index)
    }

    /// `name` gets a value not known here: a local, a parameter or a module-level variable.
    fn reassigned(&mut self, name: &str) {
        let unknown = Sym::Unknown(Why::Reassigned, name.to_string());
        if let Some(depth) = self.find_local(name) {
            if let Some(&index) = self.locals[depth].get(name) {
                self.module.locals[index].1 = unknown;
            }
        } else if let Some(index) = self.param_to_local(name) {
            self.module.locals[index].1 = unknown;
        } else if let Some(Binding::Value(v, _)) = self.module.bindings.get_mut(name) {
            *v = unknown;
        }
    }

    /// `obj.key = value` (or `+=`) on a variable whose value is an object literal.
    fn set_property(&mut self, obj: &str, key: &str, value: Sym, operator: AssignmentOperator) {
        let target = match self.find_local(obj) {
            Some(depth) => match self.locals[depth].get(obj) {
                Some(&index) => &mut self.module.locals[index].1,
                None => return,
            },
            None if self.functions.iter().any(|(_, p, _)| p.contains_key(obj)) => return,
            None => match self.module.bindings.get_mut(obj) {
                Some(Binding::Value(v, _)) => v,
                _ => return,
            },
        };
        let slot = match target {
            Sym::Object(props) => match props.iter_mut().rev().find(|(k, _, _)| k == key) {
                Some((_, v, _)) => Some(v),
                None => {
                    // A new property: set at run time, maybe after its use.
                    let unknown = Sym::Unknown(Why::Reassigned, key.to_string());
                    props.push((key.to_string(), unknown, Span::new(0, 0)));
                    None
                }
            },
            Sym::Array(items) => match key.parse::<usize>().ok().and_then(|i| items.get_mut(i)) {
                Some((v, _)) => Some(v),
                None => {
                    *target = Sym::Unknown(Why::Reassigned, obj.to_string());
                    None
                }
            },
            _ => None,
        };
        let Some(v) = slot else { return };
        match operator {
            AssignmentOperator::Assign => add_choice(v, value, key),
            AssignmentOperator::Addition => append(v, value, key),
            _ => *v = Sym::Unknown(Why::Reassigned, key.to_string()),
        }
    }

    /// The enclosing function (by depth) whose local constant or variable `name` is.
    fn find_local(&self, name: &str) -> Option<usize> {
        for (depth, (_, params, _)) in self.functions.iter().enumerate().rev() {
            if self.locals.get(depth).is_some_and(|l| l.contains_key(name)) {
                return Some(depth);
            }
            if params.contains_key(name) {
                return None;
            }
        }
        None
    }
}

#[cfg(test)]
mod widget_facts {
    use super::parse;

    fn names(v: &[(String, crate::base::source::Span)]) -> Vec<&str> {
        v.iter().map(|(n, _)| n.as_str()).collect()
    }

    #[test]
    fn wx_members_static_and_computed() {
        let m = parse(
            "w.js",
            "wx.request({}); wx['getStorageSync']('k'); w.x; uni.y",
        );
        assert_eq!(names(&m.wx_members), ["request", "getStorageSync"]);
        assert_eq!(m.wx_members[0].1.start, 3);
    }

    #[test]
    fn own_wx_is_not_the_platform() {
        let m = parse("w.js", "function f(wx) { wx.request() }");
        assert!(m.wx_members.is_empty());
    }

    #[test]
    fn framework_refs_skip_typeof_and_own_bindings() {
        let m = parse(
            "w.js",
            "if (typeof getApp === 'function') {}\nconst a = getApp()\nfunction Page() {}\nPage({})\nComponent({})\nx.App",
        );
        assert_eq!(names(&m.framework_refs), ["getApp", "Component"]);
    }

    #[test]
    fn type_names_are_not_references() {
        let m = parse(
            "w.ts",
            "let p: Page<D> = null as any; let g: typeof getApp; App({})",
        );
        assert_eq!(names(&m.framework_refs), ["App"]);
    }

    #[test]
    fn widget_calls_with_keys() {
        let m = parse(
            "w.js",
            "Widget({ onLoad() {}, 'getContext': 1, ...o, [k]: 2 })",
        );
        assert_eq!(m.widget_calls.len(), 1);
        let keys = m.widget_calls[0].keys.as_ref().unwrap();
        assert_eq!(names(keys), ["onLoad", "getContext"]);
        let m = parse("w.js", "Widget(options)");
        assert!(m.widget_calls[0].keys.is_none());
    }

    #[test]
    fn requires_have_spans() {
        let m = parse("w.js", "const a = require('./a')\nimport b from 'b'");
        assert_eq!(names(&m.requires), ["./a", "b"]);
        assert_eq!(m.requires[0].1.start, 18);
    }
}

#[cfg(test)]
mod secrets {
    use super::{parse, secret_in_query};

    #[test]
    fn secret_in_a_url_query() {
        let hex = "0123456789abcdef0123456789abcdef";
        assert_eq!(secret_in_query(&format!("a?secret={hex}")), Some(9..41));
        assert_eq!(secret_in_query(&format!("secret={hex}&x=1")), Some(7..39));
        assert_eq!(
            secret_in_query(&format!("a?x=1&secret={hex}")),
            Some(13..45)
        );
        assert_eq!(secret_in_query(&format!("a?clientsecret={hex}")), None);
        assert_eq!(secret_in_query(&format!("a?secret={hex}0")), None);
        assert_eq!(secret_in_query(&format!("a?secret={}", &hex[1..])), None);
        assert_eq!(secret_in_query("secret=secret=secret="), None);
    }

    #[test]
    fn secrets_in_strings_and_templates() {
        let src = "const a = 'u?secret=0123456789abcdef0123456789abcdef';\nconst b = `u?x=${y}&secret=fedcba9876543210fedcba9876543210`;\n";
        let m = parse("s.js", src);
        let found: Vec<&str> = m
            .secrets
            .iter()
            .map(|s| &src[s.span.start as usize..s.span.end as usize])
            .collect();
        assert_eq!(
            found,
            [
                "0123456789abcdef0123456789abcdef",
                "fedcba9876543210fedcba9876543210"
            ]
        );
    }
}

#[cfg(test)]
mod snippets {
    /// What `collapsed_snippet` replaced: collapse the whole text, then count and cut.
    fn reference(t: &str) -> String {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.chars().count() > 40 {
            format!("{}…", t.chars().take(39).collect::<String>())
        } else {
            t
        }
    }

    #[test]
    fn one_pass_snippet_equals_collapse_then_cut() {
        let pieces = [
            "a", "bc", " ", "  ", "\n\t", "\u{3000}", "名", "😀", "x.y(", ")", "…",
        ];
        let mut rng = crate::base::test_support::Rng(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let s = rng.pieces(&pieces, 60).concat();
            assert_eq!(super::collapsed_snippet(&s), reference(&s), "{s:?}");
        }
    }
}
