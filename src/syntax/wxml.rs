//! A WXML parser that keeps spans: elements, attributes (valueless ones too), text, comments,
//! `{{ }}` interpolations, and the content of `<wxs>` kept verbatim. It never fails: syntax
//! problems are collected with their positions, in the spirit of the official `wcc` compiler
//! (an unclosed tag, a mismatched end tag, an unterminated `{{`, quote or comment).

use crate::base::source::Span;
use std::sync::Arc;

/// An attribute as stored: spans into the document's text.
#[derive(Debug, Clone, Copy)]
struct AttrData {
    name: Span,
    /// `None` for a valueless attribute (`lazy-load`); the span excludes the quotes.
    value: Option<Span>,
}

#[derive(Debug, Clone, Copy)]
struct ElementData {
    /// The `<name` part of the start tag.
    name_span: Span,
    attrs: (u32, u32),
    children: (u32, u32),
    self_closing: bool,
    /// Which of the attributes the checks look for the element has ([`AttrFlags`]).
    flags: u16,
}

/// Attributes the checks look up on every element, noted per element when it is parsed: an
/// element without one answers at once (most elements have none of them).
struct AttrFlags;

impl AttrFlags {
    const WX_FOR: u16 = 1;
    const WX_KEY: u16 = 1 << 1;
    const WX_IF: u16 = 1 << 2;
    const WX_ELIF: u16 = 1 << 3;
    const WX_ELSE: u16 = 1 << 4;
    const SRC: u16 = 1 << 5;
    const NAME: u16 = 1 << 6;
    const IS: u16 = 1 << 7;
    /// A name starting `generic:`.
    const GENERIC: u16 = 1 << 8;
    /// A name starting `bind`, `catch`, `capture-` or `mut-bind`, as every event binding's.
    const MAYBE_EVENT: u16 = 1 << 9;
    /// A name given twice, or more than [`MAX_FLAGGED_ATTRS`] attributes.
    const MAYBE_REPEATED: u16 = 1 << 10;
    /// The flags that say exactly whether an attribute of that name is there (the others say
    /// "maybe").
    const EXACT: u16 = Self::WX_FOR
        | Self::WX_KEY
        | Self::WX_IF
        | Self::WX_ELIF
        | Self::WX_ELSE
        | Self::SRC
        | Self::NAME
        | Self::IS;
    /// Set when the attributes were not noted (a structure-only parse): every flag is set.
    const NOT_NOTED: u16 = 1 << 15;

    /// The flag of the attribute `name`, if it has one of its own (inlined: a constant for
    /// the names the rules ask for). Decided on the first byte, then compared in place.
    #[inline(always)]
    fn of_name(name: &[u8]) -> u16 {
        let is = same_name;
        let starts = |name: &[u8], word: &[u8]| name.get(..word.len()).is_some_and(|n| is(n, word));
        match name.first() {
            Some(b'w') if starts(name, b"wx:") => {
                let rest = &name[3..];
                if is(rest, b"for") {
                    Self::WX_FOR
                } else if is(rest, b"key") {
                    Self::WX_KEY
                } else if is(rest, b"if") {
                    Self::WX_IF
                } else if is(rest, b"elif") {
                    Self::WX_ELIF
                } else if is(rest, b"else") {
                    Self::WX_ELSE
                } else {
                    0
                }
            }
            Some(b's') if is(name, b"src") => Self::SRC,
            Some(b'n') if is(name, b"name") => Self::NAME,
            Some(b'i') if is(name, b"is") => Self::IS,
            Some(b'b') if starts(name, b"bind") => Self::MAYBE_EVENT,
            Some(b'c') if starts(name, b"catch") || starts(name, b"capture-") => Self::MAYBE_EVENT,
            Some(b'm') if starts(name, b"mut-bind") => Self::MAYBE_EVENT,
            Some(b'g') if starts(name, b"generic:") => Self::GENERIC,
            _ => 0,
        }
    }
}

/// Elements with more attributes are flagged as perhaps repeating one (not compared).
const MAX_FLAGGED_ATTRS: usize = 16;

#[derive(Debug, Clone, Copy)]
enum RawNode {
    Element(u32),
    Text(Span),
    /// The whole comment and its body.
    Comment(Span, Span),
}

/// An attribute of an element.
#[derive(Debug, Clone, Copy)]
pub struct Attr<'a> {
    pub name: &'a str,
    pub name_span: Span,
    /// `None` for a valueless attribute (`lazy-load`).
    pub value: Option<&'a str>,
    /// Span of the value without its quotes.
    pub value_span: Option<Span>,
}

/// An element of a parsed document (a cheap handle).
#[derive(Debug, Clone, Copy)]
pub struct Element<'a> {
    doc: &'a Document,
    data: &'a ElementData,
}

impl<'a> Element<'a> {
    pub fn name(self) -> &'a str {
        let s = self.data.name_span;
        &self.doc.text[s.start as usize + 1..s.end as usize]
    }

    /// The `<name` part of the start tag.
    pub fn name_span(self) -> Span {
        self.data.name_span
    }

    pub fn self_closing(self) -> bool {
        self.data.self_closing
    }

    pub fn attrs(self) -> impl Iterator<Item = Attr<'a>> {
        self.attrs_where(|_| true)
    }

    /// The attributes whose name's bytes `keep` takes (the others are not sliced: the rules
    /// that look at a few names ask this of every element).
    pub fn attrs_where(self, keep: impl Fn(&[u8]) -> bool) -> impl Iterator<Item = Attr<'a>> {
        let (from, to) = self.data.attrs;
        let doc = self.doc;
        doc.attrs[from as usize..to as usize]
            .iter()
            .filter(move |a| keep(&doc.text.as_bytes()[a.name.start as usize..a.name.end as usize]))
            .map(move |a| Attr {
                name: doc.slice(a.name),
                name_span: a.name,
                value: a.value.map(|v| doc.slice(v)),
                value_span: a.value,
            })
    }

    /// Whether an attribute might be an event binding (a name starting `bind`, `catch`,
    /// `capture-` or `mut-bind`): false when none is.
    pub fn may_bind_events(self) -> bool {
        self.data.flags & AttrFlags::MAYBE_EVENT != 0
    }

    /// Whether an attribute's name starts with `generic:`.
    pub fn has_generic(self) -> bool {
        self.data.flags & AttrFlags::GENERIC != 0
    }

    /// Whether an attribute may be given twice (false: no name repeats).
    pub fn may_repeat_attribute(self) -> bool {
        self.data.flags & AttrFlags::MAYBE_REPEATED != 0
    }

    /// The attribute `name`. Inlined: for a name the checks ask for by its literal, the test
    /// of the parser's note is a constant mask, and an absent attribute costs no call.
    #[inline(always)]
    pub fn attr(self, name: &str) -> Option<Attr<'a>> {
        // A name with a flag of its own is absent when the flag is.
        let flag = AttrFlags::of_name(name.as_bytes());
        if flag != 0 && self.data.flags & flag == 0 {
            return None;
        }
        self.find_attr(name)
    }

    /// Whether the element has the attribute `name` (for a name with a flag of its own, the
    /// parser's note answers).
    #[inline(always)]
    pub fn has_attr(self, name: &str) -> bool {
        let flag = AttrFlags::of_name(name.as_bytes());
        if flag & AttrFlags::EXACT != 0 && self.data.flags & AttrFlags::NOT_NOTED == 0 {
            return self.data.flags & flag != 0;
        }
        self.attr(name).is_some()
    }

    /// Whether the element's name is `name` (compared in place).
    #[inline]
    pub fn is_named(self, name: &str) -> bool {
        let s = self.data.name_span;
        same_name(
            &self.doc.text.as_bytes()[s.start as usize + 1..s.end as usize],
            name.as_bytes(),
        )
    }

    fn find_attr(self, name: &str) -> Option<Attr<'a>> {
        // Names compared on the raw spans first: no value is sliced for the others.
        let (from, to) = self.data.attrs;
        let doc = self.doc;
        doc.attrs[from as usize..to as usize]
            .iter()
            .find(|a| {
                same_name(
                    &doc.text.as_bytes()[a.name.start as usize..a.name.end as usize],
                    name.as_bytes(),
                )
            })
            .map(|a| Attr {
                name: doc.slice(a.name),
                name_span: a.name,
                value: a.value.map(|v| doc.slice(v)),
                value_span: a.value,
            })
    }

    pub fn children(self) -> impl Iterator<Item = Node<'a>> {
        let (from, to) = self.data.children;
        self.doc.nodes(from, to)
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    Element(Element<'a>),
    /// Text (or `<wxs>` content); its span in the file's text.
    Text(Span),
    /// A comment's body and the span of the whole comment.
    Comment(&'a str, Span),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: crate::base::i18n::Text,
}

/// A parsed template. The tree is stored flat (elements in document order, attributes and
/// child lists in shared vectors, names and values as spans into the text): a project has
/// hundreds of thousands of elements, and one allocation each was most of the memory.
#[derive(Debug, Clone)]
pub struct Document {
    text: Arc<str>,
    elements: Vec<ElementData>,
    attrs: Vec<AttrData>,
    nodes: Vec<RawNode>,
    roots: (u32, u32),
    /// The first [`MAX_ERRORS`] syntax errors (`wcc` stops at the first).
    pub errors: Vec<SyntaxError>,
    /// Syntax errors beyond [`MAX_ERRORS`], counted, not kept.
    pub errors_omitted: usize,
    /// Why the template was not (fully) analysed: binary content, elements or a `{{ }}`
    /// expression nested too deep (MP006).
    pub unanalysed: Option<crate::syntax::js::Unanalysed>,
    /// Whether the template has a comment.
    comments: bool,
    /// [`Document::tag_names`], found on first use.
    tag_names: std::sync::OnceLock<Vec<Span>>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            text: Arc::from(""),
            elements: Vec::new(),
            attrs: Vec::new(),
            nodes: Vec::new(),
            roots: (0, 0),
            errors: Vec::new(),
            errors_omitted: 0,
            unanalysed: None,
            comments: false,
            tag_names: std::sync::OnceLock::new(),
        }
    }
}

impl Document {
    fn slice(&self, s: Span) -> &str {
        &self.text[s.start as usize..s.end as usize]
    }

    fn node(&self, raw: &RawNode) -> Node<'_> {
        match *raw {
            RawNode::Element(i) => Node::Element(Element {
                doc: self,
                data: &self.elements[i as usize],
            }),
            RawNode::Text(s) => Node::Text(s),
            RawNode::Comment(whole, body) => Node::Comment(self.slice(body), whole),
        }
    }

    fn nodes(&self, from: u32, to: u32) -> impl Iterator<Item = Node<'_>> {
        self.nodes[from as usize..to as usize]
            .iter()
            .map(move |n| self.node(n))
    }

    /// Whether the template has a comment (a walk looking for them can be skipped).
    pub fn has_comments(&self) -> bool {
        self.comments
    }

    /// The top-level nodes.
    pub fn roots(&self) -> impl Iterator<Item = Node<'_>> {
        self.nodes(self.roots.0, self.roots.1)
    }

    /// Calls `f` on every node, depth first, in document order.
    pub fn visit<'a>(&'a self, f: &mut impl FnMut(Node<'a>)) {
        fn walk<'a>(doc: &'a Document, from: u32, to: u32, f: &mut impl FnMut(Node<'a>)) {
            for raw in &doc.nodes[from as usize..to as usize] {
                let node = doc.node(raw);
                f(node);
                if let Node::Element(e) = node {
                    walk(doc, e.data.children.0, e.data.children.1, f);
                }
            }
        }
        walk(self, self.roots.0, self.roots.1, f);
    }

    /// The element names, each once, in the order they first appear: the rules that look
    /// for a few tags, or check every tag against a list, ask this instead of every element.
    pub fn tag_names(&self) -> impl Iterator<Item = &str> {
        let spans = self.tag_names.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let name = |s: Span| &bytes[s.start as usize + 1..s.end as usize];
            // In order of first appearance; `recent` is the same names, the last one seen first
            // (a template repeats a few tags: the one sought is nearly always near the front).
            let (mut names, mut recent): (Vec<Span>, Vec<Span>) = (Vec::new(), Vec::new());
            // Past a few dozen names, a set answers.
            let mut many: Option<rustc_hash::FxHashSet<&[u8]>> = None;
            for el in &self.elements {
                let n = name(el.name_span);
                let seen = match &mut many {
                    Some(set) => !set.insert(n),
                    None => match recent.iter().position(|&s| same_name(name(s), n)) {
                        Some(0) => true,
                        Some(i) => {
                            recent.swap(0, i);
                            true
                        }
                        None => false,
                    },
                };
                if !seen {
                    names.push(el.name_span);
                    recent.insert(0, el.name_span);
                    if many.is_none() && names.len() > 32 {
                        many = Some(names.iter().map(|&s| name(s)).collect());
                    }
                }
            }
            names
        });
        spans
            .iter()
            .map(|s| &self.text[s.start as usize + 1..s.end as usize])
    }

    /// Every element, depth first, in document order.
    pub fn elements(&self) -> impl Iterator<Item = Element<'_>> {
        self.elements
            .iter()
            .map(move |data| Element { doc: self, data })
    }
}

/// `a == b` for the short names of tags and attributes, compared in place: a `memcmp` call
/// costs more than comparing a few bytes, and the rules ask for every element.
#[inline]
fn same_name(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// An ASCII whitespace byte, as `char::is_whitespace` has them (`u8::is_ascii_whitespace`
/// without 0x0B).
fn is_ascii_blank(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// The length of the run of ASCII whitespace at the start of `b`.
fn blank_prefix(b: &[u8]) -> usize {
    b.iter()
        .position(|&c| !is_ascii_blank(c))
        .unwrap_or(b.len())
}

/// `text.trim().is_empty()`, deciding on bytes while they are ASCII (text between tags is
/// mostly indentation).
fn is_blank(text: &str) -> bool {
    let i = blank_prefix(text.as_bytes());
    i == text.len() || (text.as_bytes()[i] >= 0x80 && text[i..].trim().is_empty())
}

/// The first index of the two-byte ASCII pattern `[a, b]` in `hay` (a `memchr` for `a`, then
/// a look at the next byte: cheaper than building a substring searcher per call, and the
/// parser calls this for every text and attribute value).
fn find2(hay: &str, a: u8, b: u8) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(a, &bytes[from..]) {
        let at = from + i;
        if bytes.get(at + 1) == Some(&b) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// At most this many syntax errors are kept per template: 50,000 stray end tags made as many
/// findings, each rendered with its (long) line.
pub const MAX_ERRORS: usize = 100;

/// Deeper nesting is reported and flattened, so every walk over the tree stays shallow.
const MAX_DEPTH: usize = 256;

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &["wxs"];

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    errors: Vec<SyntaxError>,
    elements: Vec<ElementData>,
    attrs: Vec<AttrData>,
    nodes: Vec<RawNode>,
    /// Children of the open elements, innermost last; each open element's start index is on
    /// the stack.
    pending: Vec<RawNode>,
    /// The first place nested too deep to analyse.
    unanalysed: Option<crate::syntax::js::Unanalysed>,
    errors_omitted: usize,
    /// `{{ }}` contents are checked (not when only the structure is wanted).
    expressions: bool,
    /// A comment was seen.
    comments: bool,
    /// The current element's attribute names, as bits ([`Parser::push_attr`]).
    name_bits: u64,
}

/// Parses a template (the text is copied; see `parse_shared`).
pub fn parse(text: &str) -> Document {
    parse_shared(Arc::from(text))
}

/// Parses a template whose text the caller shares with the document.
pub fn parse_shared(text: Arc<str>) -> Document {
    parse_with(text, true)
}

/// [`parse_shared`] for what only reads elements and attributes: `{{ }}` contents are not
/// checked (their syntax errors and nesting are not reported), the tree is the same.
pub fn parse_structure(text: Arc<str>) -> Document {
    parse_with(text, false)
}

fn parse_with(text: Arc<str>, expressions: bool) -> Document {
    if let Some(binary) = crate::syntax::js::Unanalysed::binary(&text) {
        return Document {
            text,
            unanalysed: Some(binary),
            ..Document::default()
        };
    }
    // Sized for typical markup (an element per ~70 bytes, two attributes each), so that the
    // vectors rarely grow; a tree lives only while the rules look at it (no shrinking).
    let n = text.len();
    let mut p = Parser {
        text: &text,
        pos: 0,
        errors: Vec::new(),
        elements: Vec::with_capacity(n / 64 + 4),
        attrs: Vec::with_capacity(n / 32 + 4),
        nodes: Vec::with_capacity(n / 48 + 4),
        pending: Vec::with_capacity(32),
        unanalysed: None,
        errors_omitted: 0,
        expressions,
        comments: false,
        name_bits: 0,
    };
    let roots = p.run();
    let Parser {
        errors,
        elements,
        attrs,
        nodes,
        unanalysed,
        errors_omitted,
        comments,
        ..
    } = p;
    Document {
        text: text.clone(),
        elements,
        attrs,
        nodes,
        roots,
        errors,
        errors_omitted,
        unanalysed,
        comments,
        tag_names: std::sync::OnceLock::new(),
    }
}

impl Parser<'_> {
    fn name_of(&self, idx: u32) -> &str {
        let s = self.elements[idx as usize].name_span;
        &self.text[s.start as usize + 1..s.end as usize]
    }

    /// [`Parser::name_of`] as bytes (compared, not shown).
    fn name_bytes(&self, idx: u32) -> &[u8] {
        let s = self.elements[idx as usize].name_span;
        &self.text.as_bytes()[s.start as usize + 1..s.end as usize]
    }

    /// Ends the element `idx` whose children start at `pending[from..]`, and adds it to its
    /// parent's children.
    fn close(&mut self, idx: u32, from: usize) {
        let start = self.nodes.len() as u32;
        if from < self.pending.len() {
            self.nodes.extend_from_slice(&self.pending[from..]);
            self.pending.truncate(from);
        }
        self.elements[idx as usize].children = (start, self.nodes.len() as u32);
        self.pending.push(RawNode::Element(idx));
    }

    /// Parses the whole text; returns the range of the top-level nodes.
    fn run(&mut self) -> (u32, u32) {
        let text = self.text;
        let bytes = text.as_bytes();
        // Open elements: index and where their children start in `pending`.
        let mut stack: Vec<(u32, usize)> = Vec::new();
        // Start tags beyond MAX_DEPTH, kept as siblings, whose end tags are still to come.
        let mut flattened = 0usize;
        while self.pos < text.len() {
            let at = self.pos;
            let next = bytes.get(at + 1).copied();
            if bytes[at] == b'<' && next == Some(b'!') && bytes[at..].starts_with(b"<!--") {
                let start = self.pos;
                // An unclosed comment runs to the end of the file; wcc accepts that.
                let end = memchr::memmem::find(&bytes[at + 4..], b"-->")
                    .map_or(text.len(), |e| self.pos + 4 + e);
                let body = Span::new(self.pos + 4, end);
                self.pos = (end + 3).min(text.len());
                self.comments = true;
                self.pending
                    .push(RawNode::Comment(Span::new(start, self.pos), body));
            } else if bytes[at] == b'<' && next == Some(b'/') {
                self.end_tag(&mut stack, &mut flattened);
            } else if bytes[at] == b'<' && next.is_some_and(|c| c.is_ascii_alphabetic()) {
                let idx = self.start_tag();
                let el = &self.elements[idx as usize];
                let mut self_closing = el.self_closing;
                if stack.len() >= MAX_DEPTH && !self_closing {
                    // Not a syntax error (the compiler may take it), but not analysed in full:
                    // deeper elements are kept as siblings.
                    let span = el.name_span;
                    self.unanalysed
                        .get_or_insert(crate::syntax::js::Unanalysed::TooDeep {
                            span,
                            limit: MAX_DEPTH,
                        });
                    self.elements[idx as usize].self_closing = true;
                    self_closing = true;
                    flattened += 1;
                }
                let from = self.pending.len();
                if self_closing {
                    self.close(idx, from);
                } else if RAW_TEXT
                    .iter()
                    .any(|r| same_name(r.as_bytes(), self.name_bytes(idx)))
                {
                    let close = format!("</{}", self.name_of(idx));
                    let start = self.pos;
                    let end = text[self.pos..]
                        .find(&close)
                        .map_or(text.len(), |i| self.pos + i);
                    if end > start {
                        self.pending.push(RawNode::Text(Span::new(start, end)));
                    }
                    self.pos = end;
                    stack.push((idx, from));
                } else {
                    stack.push((idx, from));
                }
            } else {
                let start = self.pos;
                // Indentation between tags (most text nodes): no node, no search for `<`.
                let after_ws = start + blank_prefix(&bytes[start..]);
                if after_ws > start && (after_ws == text.len() || bytes[after_ws] == b'<') {
                    self.pos = after_ws;
                    continue;
                }
                let first = if bytes[start] < 0x80 {
                    1
                } else {
                    text[start..].chars().next().map_or(1, char::len_utf8)
                };
                let end = memchr::memchr(b'<', &bytes[start + first..])
                    .map_or(text.len(), |i| start + first + i);
                self.pos = end;
                let body = &text[start..end];
                // Whitespace between tags is not kept.
                if !is_blank(body) {
                    self.interpolations(body, start);
                    self.pending.push(RawNode::Text(Span::new(start, end)));
                }
            }
        }
        while let Some((open, from)) = stack.pop() {
            self.close_unclosed(open, from, |open| {
                (
                    format!("`<{open}>` is not closed (unexpected end of file)"),
                    format!("`<{open}>` 没有闭合（文件意外结束）"),
                )
            });
        }
        let start = self.nodes.len() as u32;
        self.nodes.append(&mut self.pending);
        (start, self.nodes.len() as u32)
    }

    /// Ends the element `open` (children from `pending[from..]`), which was never closed, and
    /// reports it with the message `message` makes of its name.
    fn close_unclosed(
        &mut self,
        open: u32,
        from: usize,
        message: impl Fn(&str) -> (String, String),
    ) {
        let span = self.elements[open as usize].name_span;
        let (en, zh) = message(self.name_of(open));
        self.error(span.start as usize, span.end as usize, &en, &zh);
        self.close(open, from);
    }

    /// An end tag at `pos`: closes its element (and the ones opened inside it and never
    /// closed), or reports it.
    fn end_tag(&mut self, stack: &mut Vec<(u32, usize)>, flattened: &mut usize) {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        let name_start = self.pos + 2;
        let name_end = name_start + scan_to(&text[name_start..], |c, _| c == b'>');
        let name = &text[name_start..name_end];
        let close = if bytes.get(name_end) == Some(&b'>') {
            Some(name_end + 1)
        } else {
            memchr::memchr(b'>', &text.as_bytes()[name_end..]).map(|i| name_end + i + 1)
        };
        self.pos = close.unwrap_or(text.len());
        let span = Span::new(start, self.pos);
        if close.is_none() {
            self.error(
                start,
                name_end,
                "unclosed end tag: missing `>`",
                "结束标签缺少 `>`",
            );
        }
        let found = stack
            .iter()
            .rposition(|&(e, _)| same_name(self.name_bytes(e), name.as_bytes()));
        match found {
            Some(i) => {
                // Elements opened inside and never closed end here, as errors.
                while stack.len() > i + 1 {
                    let (open, from) = stack.pop().unwrap_or_else(|| unreachable!());
                    self.close_unclosed(open, from, |open| {
                        (
                            format!("`<{open}>` is not closed before `</{name}>`"),
                            format!("`<{open}>` 在 `</{name}>` 之前没有闭合"),
                        )
                    });
                }
                let (done, from) = stack.pop().unwrap_or_else(|| unreachable!());
                self.close(done, from);
            }
            // The end tag of an element that was too deep to nest.
            None if *flattened > 0 => *flattened -= 1,
            None => self.error(
                span.start as usize,
                span.end as usize,
                &format!("end tag `</{name}>` has no matching start tag"),
                &format!("结束标签 `</{name}>` 没有对应的开始标签"),
            ),
        }
    }
}

impl Parser<'_> {
    fn error(&mut self, start: usize, end: usize, en: &str, zh: &str) {
        if self.errors.len() >= MAX_ERRORS {
            self.errors_omitted += 1;
            return;
        }
        self.errors.push(SyntaxError {
            span: Span::new(start, end),
            message: crate::base::i18n::Text::new(en, zh),
        });
    }

    /// `{{` without `}}`, and `{{ }}` contents that are not an expression, in text or
    /// attribute values.
    fn interpolations(&mut self, s: &str, offset: usize) {
        if !self.expressions {
            return;
        }
        let mut i = 0;
        while let Some(open) = find2(&s[i..], b'{', b'{') {
            let at = i + open;
            match find2(&s[at + 2..], b'}', b'}') {
                Some(close) => {
                    let inner = &s[at + 2..at + 2 + close];
                    // Too deep for the expression parser: reported once, not parsed.
                    let deep = crate::syntax::js::depth::check(inner, false).err();
                    if let Some(d) = deep {
                        let at = offset + at + 2 + d.offset;
                        self.unanalysed
                            .get_or_insert(crate::syntax::js::Unanalysed::TooDeep {
                                span: Span::new(at, at + 1),
                                limit: crate::syntax::js::depth::MAX_NESTING,
                            });
                    } else if !is_expression(inner) {
                        let snippet: String = inner.trim().chars().take(30).collect();
                        self.error(
                            offset + at,
                            offset + at + 2 + close + 2,
                            &format!("`{{{{{snippet}}}}}` is not a valid expression"),
                            &format!("`{{{{{snippet}}}}}` 不是合法的表达式"),
                        );
                    }
                    i = at + 2 + close + 2;
                }
                None => {
                    self.error(
                        offset + at,
                        offset + at + 2,
                        "`{{` is not closed by `}}`",
                        "`{{` 没有对应的 `}}`",
                    );
                    return;
                }
            }
        }
    }

    /// The error at a start tag (`start..name_end`) that the text or the next tag ends before
    /// its `>`.
    fn start_tag_not_closed(&mut self, start: usize, name_end: usize, el_name: &str) {
        self.error(
            start,
            name_end,
            &format!("`<{el_name}` start tag is not closed with `>`"),
            &format!("开始标签 `<{el_name}` 缺少 `>`"),
        );
    }

    /// Parses a start tag at `pos`; returns the new element's index.
    fn start_tag(&mut self) -> u32 {
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.pos;
        let name_start = start + 1;
        let plain = name_start + name_bytes_prefix(&bytes[name_start..]);
        let name_end = plain + scan_to(&text[plain..], |c, _| c == b'>' || c == b'/');
        let idx = self.elements.len() as u32;
        let attrs_start = self.attrs.len() as u32;
        self.elements.push(ElementData {
            name_span: Span::new(start, name_end),
            attrs: (attrs_start, attrs_start),
            children: (0, 0),
            self_closing: false,
            // Only what the rules read needs them: a structure-only parse says "look" for all.
            flags: if self.expressions { 0 } else { u16::MAX },
        });
        let el_name = &text[name_start..name_end];
        let finish = |p: &mut Self, self_closing: bool| {
            let el = &mut p.elements[idx as usize];
            el.attrs.1 = p.attrs.len() as u32;
            el.self_closing = self_closing;
            idx
        };
        self.pos = name_end;
        loop {
            let at = skip_blanks(text, self.pos);
            self.pos = at;
            match bytes.get(at) {
                None => {
                    self.start_tag_not_closed(start, name_end, el_name);
                    self.pos = text.len();
                    return finish(self, false);
                }
                Some(b'/') if bytes.get(at + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return finish(self, true);
                }
                Some(b'>') => {
                    self.pos += 1;
                    return finish(self, false);
                }
                Some(b'<') => {
                    self.start_tag_not_closed(start, name_end, el_name);
                    return finish(self, false);
                }
                Some(_) => {}
            }
            // An attribute name runs to whitespace, `=`, `>` or `/>`; whether it is made of
            // what `wcc` takes (ASCII letters, digits not first, `_`, `:`, `-`) is decided on
            // the way.
            let n_start = at;
            let mut end = at + name_bytes_prefix(&bytes[at..]);
            let mut ascii_ok = !bytes[at].is_ascii_digit();
            while end < bytes.len() {
                let c = bytes[end];
                if c >= 0x80 {
                    let ch = text[end..].chars().next().unwrap_or(' ');
                    if ch.is_whitespace() {
                        break;
                    }
                    ascii_ok = false;
                    end += ch.len_utf8();
                    continue;
                }
                if is_ascii_blank(c)
                    || c == b'='
                    || c == b'>'
                    || (c == b'/' && bytes.get(end + 1) == Some(&b'>'))
                {
                    break;
                }
                ascii_ok &= c.is_ascii_alphabetic()
                    || matches!(c, b'_' | b':' | b'-')
                    || (end > n_start && c.is_ascii_digit());
                end += 1;
            }
            let len = end - n_start;
            if len == 0 {
                // A stray character such as a lone quote.
                let ch_len = text[n_start..].chars().next().map_or(1, char::len_utf8);
                self.error(
                    n_start,
                    n_start + ch_len,
                    "unexpected character in tag",
                    "标签中有意外的字符",
                );
                self.pos += ch_len;
                continue;
            }
            let bad_name = !ascii_ok && self.bad_attr_name(&text[n_start..end], n_start);
            self.pos = end;
            let mut attr = AttrData {
                name: Span::new(n_start, end),
                value: None,
            };
            let eq = skip_blanks(text, end);
            if bytes.get(eq) == Some(&b'=') {
                let v = skip_blanks(text, eq + 1);
                self.pos = v;
                match bytes.get(v) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let v_start = v + 1;
                        let (close, special) = quoted_value(&bytes[v_start..], q);
                        match close {
                            Some(close) => {
                                let value = &text[v_start..v_start + close];
                                if special {
                                    self.line_break_in_value(value, v_start);
                                    self.interpolations(value, v_start);
                                }
                                attr.value = Some(Span::new(v_start, v_start + close));
                                self.pos = v_start + close + 1;
                            }
                            None => {
                                self.error(
                                    self.pos,
                                    self.pos + 1,
                                    "attribute value has no closing quote",
                                    "属性值缺少结束引号",
                                );
                                self.pos = text.len();
                                self.push_attr(idx, attr);
                                return finish(self, false);
                            }
                        }
                    }
                    _ => {
                        // Unquoted value: `wcc` reads it up to the next `"` (spaces and `>`
                        // included), so `a=x>` runs on and a line break on the way is an error.
                        let v_start = v;
                        let Some(len) = memchr::memchr(b'"', &bytes[v_start..]) else {
                            self.error(
                                v_start,
                                v_start + text[v_start..].chars().next().map_or(0, char::len_utf8),
                                "unquoted attribute value: the WXML compiler reads it up to the next `\"` and there is none; quote the value",
                                "属性值没有引号：WXML 编译器会一直读到下一个 `\"`，但后面没有；请给属性值加上引号",
                            );
                            self.pos = text.len();
                            self.push_attr(idx, attr);
                            return finish(self, false);
                        };
                        let value = &text[v_start..v_start + len];
                        if !self.line_break_in_value(value, v_start) && !value.is_empty() {
                            self.interpolations(value, v_start);
                        }
                        attr.value = Some(Span::new(v_start, v_start + len));
                        self.pos = v_start + len + 1;
                    }
                }
            }
            if !bad_name {
                self.push_attr(idx, attr);
            }
        }
    }

    /// Reports the first character of the attribute name `name` (at byte `at`) that `wcc`
    /// does not take; false if there is none.
    #[cold]
    fn bad_attr_name(&mut self, name: &str, at: usize) -> bool {
        let name_ok = |i: usize, c: char| {
            c.is_ascii_alphabetic() || matches!(c, '_' | ':' | '-') || (i > 0 && c.is_ascii_digit())
        };
        let Some((i, c)) = name.char_indices().find(|&(i, c)| !name_ok(i, c)) else {
            return false;
        };
        // A stray quote or `{` here usually means a quote is missing earlier.
        self.error(
            at + i,
            at + i + c.len_utf8(),
            &format!(
                "unexpected character `{c}` in attribute name `{name}` (a missing quote before it?)"
            ),
            &format!("属性名 `{name}` 中有意外的字符 `{c}`（前面是否缺少引号？）"),
        );
        true
    }

    /// Adds an attribute to the element `idx` (the last one), noting its [`AttrFlags`].
    fn push_attr(&mut self, idx: u32, attr: AttrData) {
        if self.expressions {
            let bytes = self.text.as_bytes();
            let el = &mut self.elements[idx as usize];
            let before = &self.attrs[el.attrs.0 as usize..];
            let name = &bytes[attr.name.start as usize..attr.name.end as usize];
            el.flags |= AttrFlags::of_name(name);
            // A bit per (length, first byte, last byte) of the names so far: names are
            // compared only when theirs was seen.
            let bit = 1u64
                << ((name.len() * 7 + name[0] as usize * 3 + name[name.len() - 1] as usize) & 63);
            if before.is_empty() {
                self.name_bits = 0;
            }
            if before.len() >= MAX_FLAGGED_ATTRS {
                el.flags |= AttrFlags::MAYBE_REPEATED;
            } else if el.flags & AttrFlags::MAYBE_REPEATED == 0 && self.name_bits & bit != 0 {
                // Names of another length are not compared.
                let len = attr.name.end - attr.name.start;
                if before.iter().any(|b| {
                    b.name.end - b.name.start == len
                        && same_name(name, &bytes[b.name.start as usize..b.name.end as usize])
                }) {
                    el.flags |= AttrFlags::MAYBE_REPEATED;
                }
            }
            self.name_bits |= bit;
        }
        self.attrs.push(attr);
    }
}

impl Parser<'_> {
    /// `wcc` rejects a line break inside an attribute value. Reports the first one in `value`
    /// (which starts at byte `start`); true if there was one.
    fn line_break_in_value(&mut self, value: &str, start: usize) -> bool {
        let Some(i) = memchr::memchr2(b'\n', b'\r', value.as_bytes()) else {
            return false;
        };
        self.error(
            start + i,
            start + i + 1,
            "line break inside an attribute value: the WXML compiler rejects it; keep the value on one line",
            "属性值中有换行：WXML 编译器不接受；请把属性值写在一行内",
        );
        true
    }
}

/// The length of the run of bytes at the start of `b` that every tag and attribute name may
/// hold (ASCII letters and digits, `_`, `:`, `-`): none of them ends a name, so the general
/// scan starts after it.
#[inline]
fn name_bytes_prefix(b: &[u8]) -> usize {
    static NAME_BYTE: [bool; 256] = {
        let mut table = [false; 256];
        let mut c = 0;
        while c < 256 {
            let b = c as u8;
            table[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b':' || b == b'-';
            c += 1;
        }
        table
    };
    b.iter()
        .position(|&c| !NAME_BYTE[c as usize])
        .unwrap_or(b.len())
}

/// Where the quote `q` closing the attribute value `b` is, and whether the value holds a
/// line break or `{` (what the value checks look for; most values have neither). A short
/// value is tested byte by byte: cheaper than setting up a vector search.
#[inline]
fn quoted_value(b: &[u8], q: u8) -> (Option<usize>, bool) {
    let close = memchr::memchr(q, b);
    let value = &b[..close.unwrap_or(b.len())];
    let special = if value.len() <= 32 {
        value.iter().any(|&c| matches!(c, b'\n' | b'\r' | b'{'))
    } else {
        memchr::memchr3(b'\n', b'\r', b'{', value).is_some()
    };
    (close, special)
}

/// The length of the longest prefix of `s` with no whitespace (as `char::is_whitespace`) and
/// no ASCII byte for which `stop(byte, offset)` holds: ASCII is tested byte by byte, other
/// characters are decoded only to ask whether they are whitespace (U+3000 and the like).
fn scan_to(s: &str, stop: impl Fn(u8, usize) -> bool) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_whitespace() || c == 0x0B || stop(c, i) {
                return i;
            }
            i += 1;
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() {
                return i;
            }
            i += ch.len_utf8();
        }
    }
    b.len()
}

/// The position of the first non-whitespace character of `text` at or after `at` (what
/// `trim_start` leaves), with ASCII whitespace skipped byte by byte.
#[inline]
fn skip_blanks(text: &str, at: usize) -> usize {
    let at = at + blank_prefix(&text.as_bytes()[at..]);
    if text.as_bytes().get(at).is_some_and(|&c| c >= 0x80) {
        text.len() - text[at..].trim_start().len()
    } else {
        at
    }
}

/// Whether `{{ inner }}` holds a data-binding expression: a JS expression, or the body of an
/// object literal (`{{a: 1, ...rest}}`, as `<template data>` takes).
pub fn is_expression(inner: &str) -> bool {
    if ascii_data_path(inner.as_bytes()) {
        return true;
    }
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return true;
    }
    // Data paths (`item.title`, `list[0].name`) are by far the most common: no parser needed.
    if is_data_path(trimmed) && !is_keyword(trimmed) {
        return true;
    }
    let parses = |src: &str| {
        crate::syntax::js::extract::with_arena(|arena| {
            oxc_parser::Parser::new(arena, src, oxc_span::SourceType::mjs())
                .parse_expression()
                .is_ok()
        })
    };
    if parses(trimmed) || parses(&format!("({{{trimmed}}})")) {
        return true;
    }
    // WXML data paths may use JavaScript keywords as names (`{{class}}` in tdesign templates,
    // accepted by wcc): retry with them renamed.
    let renamed = rename_keywords(trimmed);
    renamed != trimmed && (parses(&renamed) || parses(&format!("({{{renamed}}})")))
}

/// An ASCII `inner` that is blank, or a data path ([`is_data_path`]) that is not a keyword,
/// once trimmed: decided in one pass over the bytes (every `{{ }}` of a project asks). False
/// means "not decided here".
fn ascii_data_path(b: &[u8]) -> bool {
    let start = blank_prefix(b);
    let end = b
        .iter()
        .rposition(|&c| !is_ascii_blank(c))
        .map_or(start, |i| i + 1);
    let t = &b[start..end];
    let Some(&first) = t.first() else {
        return true;
    };
    if first.is_ascii_digit() || first == b'.' {
        return false;
    }
    let (mut open, mut close, mut lower) = (0usize, 0usize, true);
    for &c in t {
        match c {
            b'a'..=b'z' => {}
            b'[' => open += 1,
            b']' => close += 1,
            b'_' | b'$' | b'.' | b'A'..=b'Z' | b'0'..=b'9' => lower = false,
            _ => return false,
        }
    }
    // Keywords are lower-case letters only.
    open == close && (!lower || !is_keyword_bytes(t))
}

/// Letters, digits, `_`, `$`, `.` and as many `[` as `]`, not starting with a digit or `.`
/// (decided on bytes when the text is ASCII: every `{{ }}` of a project comes here).
fn is_data_path(t: &str) -> bool {
    let first_ok = !t.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if t.is_ascii() {
        let (mut open, mut close) = (0usize, 0usize);
        for &c in t.as_bytes() {
            match c {
                b'[' => open += 1,
                b']' => close += 1,
                b'_' | b'$' | b'.' => {}
                _ if c.is_ascii_alphanumeric() => {}
                _ => return false,
            }
        }
        return first_ok && open == close;
    }
    t.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '.' | '[' | ']'))
        && first_ok
        && t.matches('[').count() == t.matches(']').count()
}

/// `t` is one of [`KEYWORDS`] (all lower-case ASCII letters, at most 10): compared by length
/// first (every `{{ }}` data path of a project asks).
fn is_keyword(t: &str) -> bool {
    is_keyword_bytes(t.as_bytes())
}

/// [`is_keyword`] of bytes (an ASCII data path need not be checked as UTF-8 first).
fn is_keyword_bytes(t: &[u8]) -> bool {
    match t.len() {
        2 => matches!(t, b"do" | b"if"),
        3 => matches!(t, b"for" | b"let" | b"try" | b"var"),
        4 => matches!(t, b"case" | b"else" | b"enum" | b"with"),
        5 => matches!(
            t,
            b"break" | b"catch" | b"class" | b"const" | b"super" | b"throw" | b"while" | b"yield"
        ),
        6 => matches!(
            t,
            b"export" | b"import" | b"public" | b"return" | b"static" | b"switch"
        ),
        7 => matches!(
            t,
            b"default" | b"extends" | b"finally" | b"package" | b"private"
        ),
        8 => matches!(t, b"continue" | b"debugger" | b"function"),
        9 => matches!(t, b"interface" | b"protected"),
        10 => matches!(t, b"implements"),
        _ => false,
    }
}

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "interface",
    "let",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "static",
    "super",
    "switch",
    "throw",
    "try",
    "var",
    "while",
    "with",
    "yield",
];

fn rename_keywords(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if KEYWORDS.contains(&word.as_str()) {
            out.push_str("__");
        }
        out.push_str(word);
        word.clear();
    };
    for c in s.chars() {
        if c.is_alphanumeric() || c == '_' || c == '$' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn data_paths_and_keywords() {
        use super::{KEYWORDS, is_data_path, is_keyword};
        assert!(
            KEYWORDS
                .iter()
                .all(|k| k.len() <= 10 && k.bytes().all(|c| c.is_ascii_lowercase()))
        );
        assert!(KEYWORDS.iter().all(|k| is_keyword(k)));
        // Nothing else: every keyword's neighbours are keywords only if listed.
        for k in KEYWORDS {
            for other in [
                &k[1..],
                &k[..k.len() - 1],
                &format!("{k}s"),
                &k.to_uppercase(),
            ] {
                assert_eq!(is_keyword(other), KEYWORDS.contains(&other), "{other}");
            }
        }
        for (t, path) in [
            ("item.title", true),
            ("list[0].name", true),
            ("$a_b", true),
            ("数据.名称", true),
            ("a[b", false),
            ("0a", false),
            (".a", false),
            ("a + 1", false),
            ("a-b", false),
            ("名称 ", false),
        ] {
            assert_eq!(is_data_path(t), path, "{t}");
        }
        assert!(is_keyword("class") && is_keyword("implements") && !is_keyword("Class"));
        assert!(!is_keyword("classes") && !is_keyword("item"));
    }

    /// The per-element notes agree with the attributes: `attr` finds what a search of the
    /// names finds, and each predicate is false only when no attribute is of its kind.
    #[test]
    fn attribute_flags_agree_with_the_attributes() {
        use super::parse;
        let names = [
            "wx:for",
            "wx:key",
            "wx:if",
            "wx:elif",
            "wx:else",
            "src",
            "name",
            "is",
            "class",
            "bindtap",
            "bind:tap",
            "catchtap",
            "capture-bind:tap",
            "mut-bind:tap",
            "mode",
            "generic:x",
            "generic",
            "wx:fo",
            "srcs",
            "b",
            "c",
            "m",
            "data-x",
            "catc",
            "bin",
        ];
        let mut rng = crate::base::test_support::Rng(0x1234_5678_9abc_def1);
        for round in 0..3_000u32 {
            // Up to 19 attributes: past 16, a repeat is not looked for (flagged as maybe).
            let attrs = rng.pieces(&names, 20);
            let text: String = attrs.iter().map(|a| format!(" {a}=\"v\"")).collect();
            let doc = parse(&format!("<view{text}/>"));
            let el = doc.elements().next().unwrap();
            // A structure-only parse notes nothing: its answers come from the search.
            let structure = super::parse_structure(format!("<view{text}/>").into());
            let plain = structure.elements().next().unwrap();
            assert!(el.is_named("view") && !el.is_named("vie") && !el.is_named("views"));
            for name in names {
                let found = el.attr(name).map(|a| a.name_span);
                let searched = el.attrs().find(|a| a.name == name).map(|a| a.name_span);
                assert_eq!(found, searched, "{round} {attrs:?} {name}");
                assert_eq!(el.has_attr(name), searched.is_some(), "{attrs:?} {name}");
                assert_eq!(plain.has_attr(name), searched.is_some(), "{attrs:?} {name}");
                assert_eq!(plain.attr(name).map(|a| a.name_span), searched, "{name}");
            }
            // Every event binding's name starts so (MP329's `event_of`).
            let bind = attrs.iter().any(|a| {
                ["bind", "catch", "capture-", "mut-bind"]
                    .iter()
                    .any(|p| a.len() > p.len() && a.starts_with(p))
            });
            assert!(el.may_bind_events() || !bind, "{attrs:?}");
            let generic = attrs.iter().any(|a| a.starts_with("generic:"));
            assert_eq!(el.has_generic(), generic, "{attrs:?}");
            let repeated = attrs
                .iter()
                .enumerate()
                .any(|(i, a)| attrs[..i].contains(a));
            assert!(el.may_repeat_attribute() || !repeated, "{attrs:?}");
            if attrs.len() <= 16 {
                assert_eq!(el.may_repeat_attribute(), repeated, "{attrs:?}");
            }
        }
    }

    #[test]
    fn tag_names_once_in_order() {
        use super::parse;
        let doc = parse("<a><b/><a/><c><b/></c></a><d/>");
        assert_eq!(doc.tag_names().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        // Past 32 names, a set answers: the same list.
        let many: String = (0..100)
            .map(|i| format!("<t{}/><t{}/>", i % 40, i % 7))
            .collect();
        let doc = parse(&many);
        let mut expected: Vec<String> = Vec::new();
        for i in 0..100 {
            for t in [format!("t{}", i % 40), format!("t{}", i % 7)] {
                if !expected.contains(&t) {
                    expected.push(t);
                }
            }
        }
        assert_eq!(doc.tag_names().collect::<Vec<_>>(), expected);
    }

    /// The one-pass fast path decides exactly what the general test decides, for ASCII; for
    /// other text it leaves the decision to the general test.
    #[test]
    fn ascii_data_path_agrees_with_the_general_test() {
        use super::{ascii_data_path, is_data_path, is_keyword};
        let general = |s: &str| {
            let t = s.trim();
            t.is_empty() || (is_data_path(t) && !is_keyword(t))
        };
        let pieces = [
            "a", "item", ".", "title", "[", "]", "0", "9", "_", "$", " ", "\t", "\n", "\r",
            "\u{b}", "\u{c}", "\u{3000}", "名", "-", "+", "(", "class", "if", "Z", "é",
        ];
        let mut rng = crate::base::test_support::Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let s = rng.pieces(&pieces, 6).concat();
            let fast = ascii_data_path(s.as_bytes());
            if s.is_ascii() {
                assert_eq!(fast, general(&s), "{s:?}");
            } else {
                assert!(!fast || general(&s), "{s:?}");
            }
        }
    }

    #[test]
    fn blank_text_is_unicode_whitespace() {
        for (text, blank) in [
            ("", true),
            (" \t\n\r\u{b}\u{c}", true),
            ("\n  \u{3000}\u{a0}\u{2028} ", true),
            ("  x ", false),
            (" \u{3000}x", false),
            ("\u{200b}", false),
            ("\u{1c}", false),
        ] {
            assert_eq!(is_blank(text), blank, "{text:?}");
            assert_eq!(is_blank(text), text.trim().is_empty(), "{text:?}");
        }
    }

    #[test]
    fn byte_scans_agree_with_the_char_functions() {
        let samples = [
            "",
            "a",
            "  a",
            "\u{3000}a b",
            "\u{A0}x",
            "\u{b}v",
            "\u{1c}x",
            "名字 = 1",
            "a\u{2028}b",
            "x/>",
            "x/y",
            "é>",
            "\t\r\n>",
            "abc",
            "a=\"1\"",
            "a=b/c",
            "a/=b",
            "wx:for={{x}}",
            "x\u{c}y",
            "/",
            "=",
            "wx:key-2_x\"",
            "a{{b}}\" c",
            "a\nb\"",
            "0123456789012345678901234567890123{\"",
            "0123456789012345678901234567890123\"{",
            "0123456789012345678901234567890123\r",
            "01234567890123456789012345678901",
            "0123456789012345678901234567890{",
        ];
        for s in samples {
            assert_eq!(&s[super::skip_blanks(s, 0)..], s.trim_start(), "{s:?}");
            let by_chars = s
                .char_indices()
                .find(|&(i, c)| {
                    c.is_whitespace()
                        || c == '='
                        || c == '>'
                        || (c == '/' && s[i..].starts_with("/>"))
                })
                .map_or(s.len(), |(i, _)| i);
            let b = s.as_bytes();
            let by_bytes = super::scan_to(s, |c, i| {
                c == b'=' || c == b'>' || (c == b'/' && b.get(i + 1) == Some(&b'>'))
            });
            assert_eq!(by_bytes, by_chars, "{s:?}");
            // The run the scans skip first holds no byte that ends a name.
            assert!(super::name_bytes_prefix(b) <= by_bytes, "{s:?}");
            let close = s.find('"');
            let value = &s[..close.unwrap_or(s.len())];
            let special = value.contains(['\n', '\r', '{']);
            assert_eq!(super::quoted_value(b, b'"'), (close, special), "{s:?}");
        }
    }

    use super::*;

    #[test]
    fn parses_elements_and_attributes() {
        let text = "<view class=\"a\" lazy-load bindtap='onTap'>\n  <text>{{msg}}</text>\n  <image src=\"/a.png\"/>\n</view>";
        let doc = parse(text);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let els: Vec<Element> = doc.elements().collect();
        assert_eq!(
            els.iter().map(|e| e.name()).collect::<Vec<_>>(),
            ["view", "text", "image"]
        );
        let view = els[0];
        let attrs: Vec<Attr> = view.attrs().collect();
        assert_eq!(attrs.len(), 3);
        assert_eq!(attrs[1].name, "lazy-load");
        assert!(attrs[1].value.is_none());
        let tap = view.attr("bindtap").unwrap();
        assert_eq!(&text[tap.value_span.unwrap().range()], "onTap");
        assert_eq!(tap.value, Some("onTap"));
        assert!(els[2].self_closing());
        // The tree: <view> holds <text> and <image>, and <text> its text.
        let kids: Vec<&str> = view
            .children()
            .filter_map(|n| match n {
                Node::Element(e) => Some(e.name()),
                _ => None,
            })
            .collect();
        assert_eq!(kids, ["text", "image"]);
        assert_eq!(doc.roots().count(), 1);
        assert!(matches!(els[1].children().next(), Some(Node::Text(_))));
    }

    #[test]
    fn unclosed_elements_keep_their_children() {
        let doc = parse("<view><text>a</view><block><image/>");
        let names: Vec<&str> = doc.elements().map(|e| e.name()).collect();
        assert_eq!(names, ["view", "text", "block", "image"]);
        let roots: Vec<&str> = doc
            .roots()
            .filter_map(|n| match n {
                Node::Element(e) => Some(e.name()),
                _ => None,
            })
            .collect();
        assert_eq!(roots, ["view", "block"]);
        let block = doc.elements().nth(2).unwrap();
        assert_eq!(block.children().count(), 1);
    }

    /// Each case was run through wcc 0.2.3 (`../shared/tools/official-check.sh --wxml`).
    #[test]
    fn attribute_rules_follow_wcc() {
        let errs = |t: &str| parse(t).errors;
        // A line break inside a value, quoted or not, is an error at the break.
        let e = errs("<view class=\"a\nb\"></view>");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].span.start, 14);
        assert!(e[0].message.en().contains("line break"));
        assert!(!errs("<view a=\"{{\n x }}\"></view>").is_empty());
        assert!(errs("<view\n a=\"x\"\n b=\"y\"></view>").is_empty());
        // An unquoted value runs to the next `"`: `a=x"` is fine, `a=x>` never ends.
        let ok = parse("<view a=x y\" b=\"z\"></view>");
        assert!(ok.errors.is_empty(), "{:?}", ok.errors);
        assert_eq!(
            ok.elements().next().unwrap().attr("a").unwrap().value,
            Some("x y")
        );
        assert!(
            errs("<view a=x></view>")[0]
                .message
                .en()
                .contains("unquoted")
        );
        // Names: ASCII letters, digits (not first), `_`, `:`, `-`.
        for bad in ["a.b", "@tap", "1a", "a{b", "\"b\"", "中"] {
            let e = errs(&format!("<view {bad}=\"1\"></view>"));
            assert!(
                e.iter().any(|e| e.message.en().contains("attribute name")),
                "{bad}: {e:?}"
            );
        }
        for good in ["_a", "-a", ":a", "a1-b_c:d", "wx:if", "model:value"] {
            assert!(
                errs(&format!("<view {good}=\"1\"></view>")).is_empty(),
                "{good}"
            );
        }
        // A missing closing quote shows up at the next attribute's name.
        let e = errs("<wxs src=\"../u.wxs module=\"utils\" />");
        assert!(e[0].message.en().contains("`\"`"), "{e:?}");
    }

    #[test]
    fn syntax_errors() {
        let errs = |t: &str| {
            parse(t)
                .errors
                .into_iter()
                .map(|e| e.message.en().to_string())
                .collect::<Vec<_>>()
        };
        assert!(errs("<view><text>{{a</view>")[0].contains("`{{` is not closed"));
        assert!(
            errs("<view>\n<text>hi</text>\n")
                .iter()
                .any(|m| m.contains("`<view>` is not closed"))
        );
        assert!(
            errs("<view></text></view>")
                .iter()
                .any(|m| m.contains("no matching start tag"))
        );
        assert!(
            errs("<view a=\"1></view>")
                .iter()
                .any(|m| m.contains("closing quote"))
        );
        assert!(
            errs("<view/><!-- x").is_empty(),
            "wcc accepts an unclosed comment"
        );
        assert!(errs("<view>{{ a + }}</view>")[0].contains("not a valid expression"));
        assert!(
            errs("<view class=\"{{class || ''}}\">{{default}}</view>").is_empty(),
            "keywords as names"
        );
        assert!(errs("<template is=\"t\" data=\"{{a: 1, ...b}}\"/><view hidden=\"{{!x && y > 1 ? 'a' : [1, 2]}}\"/>").is_empty());
        assert!(
            errs("<wxs module=\"m\">var a = '<view>'; module.exports = {};</wxs><view/>")
                .is_empty()
        );
        assert!(errs("中文<view>文字</view>").is_empty());
    }
}
