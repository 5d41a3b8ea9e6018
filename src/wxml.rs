//! A WXML parser that keeps spans: elements, attributes (valueless ones too), text, comments,
//! `{{ }}` interpolations, and the content of `<wxs>` kept verbatim. It never fails: syntax
//! problems are collected with their positions, in the spirit of the official `wcc` compiler
//! (an unclosed tag, a mismatched end tag, an unterminated `{{`, quote or comment).

use crate::source::Span;
use compact_str::CompactString;

#[derive(Debug, Clone)]
pub struct Attr {
    /// Names and short values are stored inline (most are under 24 bytes), which keeps the
    /// parser from allocating per attribute.
    pub name: CompactString,
    pub name_span: Span,
    /// `None` for a valueless attribute (`lazy-load`).
    pub value: Option<CompactString>,
    /// Span of the value without its quotes.
    pub value_span: Option<Span>,
}

#[derive(Debug, Clone)]
pub struct Element {
    pub name: CompactString,
    /// The `<name` part of the start tag.
    pub name_span: Span,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
    pub self_closing: bool,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&Attr> {
        self.attrs.iter().find(|a| a.name == name)
    }
}

#[derive(Debug, Clone)]
pub enum Node {
    Element(Element),
    /// Text (or `<wxs>` content); its span in the file's text.
    Text(Span),
    Comment(String, Span),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
    pub message_zh: String,
}

#[derive(Debug, Clone, Default)]
pub struct Document {
    pub nodes: Vec<Node>,
    pub errors: Vec<SyntaxError>,
}

impl Document {
    /// Calls `f` on every node, depth first, in document order.
    pub fn visit(&self, f: &mut impl FnMut(&Node)) {
        fn walk(nodes: &[Node], f: &mut impl FnMut(&Node)) {
            for n in nodes {
                f(n);
                if let Node::Element(e) = n {
                    walk(&e.children, f);
                }
            }
        }
        walk(&self.nodes, f);
    }

    /// Every element, depth first, in document order.
    pub fn elements(&self) -> Vec<&Element> {
        fn walk<'a>(nodes: &'a [Node], out: &mut Vec<&'a Element>) {
            for n in nodes {
                if let Node::Element(e) = n {
                    out.push(e);
                    walk(&e.children, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }
}

/// The first index of the two-byte ASCII pattern `[a, b]` in `hay` (no searcher set-up: the
/// haystacks are short and searched often).
fn find2(hay: &str, a: u8, b: u8) -> Option<usize> {
    let bytes = hay.as_bytes();
    let mut from = 0;
    while let Some(i) = bytes[from..].iter().position(|&c| c == a) {
        let at = from + i;
        if bytes.get(at + 1) == Some(&b) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Deeper nesting is reported and flattened, so every walk over the tree stays shallow.
const MAX_DEPTH: usize = 256;

/// Elements whose content is not markup.
const RAW_TEXT: &[&str] = &["wxs"];

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    errors: Vec<SyntaxError>,
}

pub fn parse(text: &str) -> Document {
    let mut p = Parser {
        text,
        pos: 0,
        errors: Vec::new(),
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut roots: Vec<Node> = Vec::new();
    fn push(stack: &mut [Element], roots: &mut Vec<Node>, node: Node) {
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => roots.push(node),
        }
    }
    while p.pos < text.len() {
        let rest = &text[p.pos..];
        if let Some(after) = rest.strip_prefix("<!--") {
            let start = p.pos;
            // An unclosed comment runs to the end of the file; wcc accepts that.
            let end = after.find("-->").map_or(text.len(), |e| p.pos + 4 + e);
            let body = text[p.pos + 4..end].to_string();
            p.pos = (end + 3).min(text.len());
            push(
                &mut stack,
                &mut roots,
                Node::Comment(body, Span::new(start, p.pos)),
            );
        } else if let Some(after) = rest.strip_prefix("</") {
            let start = p.pos;
            let name_start = p.pos + 2;
            let name_end = name_start
                + after
                    .find(|c: char| c == '>' || c.is_whitespace())
                    .unwrap_or(after.len());
            let name = text[name_start..name_end].to_string();
            let close = text[name_end..].find('>').map(|i| name_end + i + 1);
            p.pos = close.unwrap_or(text.len());
            let span = Span::new(start, p.pos);
            if close.is_none() {
                p.error(
                    start,
                    name_end,
                    "unclosed end tag: missing `>`",
                    "结束标签缺少 `>`",
                );
            }
            match stack.iter().rposition(|e| e.name == name) {
                Some(i) => {
                    // Elements opened inside and never closed end here, as errors.
                    while stack.len() > i + 1 {
                        let open = stack.pop().unwrap_or_else(|| unreachable!());
                        p.error(
                            open.name_span.start as usize,
                            open.name_span.end as usize,
                            &format!("`<{}>` is not closed before `</{name}>`", open.name),
                            &format!("`<{}>` 在 `</{name}>` 之前没有闭合", open.name),
                        );
                        push(&mut stack, &mut roots, Node::Element(open));
                    }
                    let done = stack.pop().unwrap_or_else(|| unreachable!());
                    push(&mut stack, &mut roots, Node::Element(done));
                }
                None => p.error(
                    span.start as usize,
                    span.end as usize,
                    &format!("end tag `</{name}>` has no matching start tag"),
                    &format!("结束标签 `</{name}>` 没有对应的开始标签"),
                ),
            }
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            let mut element = p.start_tag();
            if stack.len() >= MAX_DEPTH && !element.self_closing {
                if !p
                    .errors
                    .iter()
                    .any(|e| e.message.starts_with("elements nested"))
                {
                    p.error(
                        element.name_span.start as usize,
                        element.name_span.end as usize,
                        &format!("elements nested more than {MAX_DEPTH} levels deep"),
                        &format!("元素嵌套超过 {MAX_DEPTH} 层"),
                    );
                }
                element.self_closing = true;
            }
            if element.self_closing {
                push(&mut stack, &mut roots, Node::Element(element));
            } else if RAW_TEXT.contains(&element.name.as_str()) {
                let close = format!("</{}", element.name);
                let start = p.pos;
                let end = text[p.pos..].find(&close).map_or(text.len(), |i| p.pos + i);
                let mut el = element;
                if end > start {
                    el.children.push(Node::Text(Span::new(start, end)));
                }
                p.pos = end;
                stack.push(el);
            } else {
                stack.push(element);
            }
        } else {
            let start = p.pos;
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = text[p.pos + first..]
                .find('<')
                .map_or(text.len(), |i| p.pos + first + i);
            p.pos = end;
            let body = &text[start..end];
            // Whitespace between tags is not kept.
            if !body.trim().is_empty() {
                p.interpolations(body, start);
                push(&mut stack, &mut roots, Node::Text(Span::new(start, end)));
            }
        }
    }
    while let Some(open) = stack.pop() {
        p.error(
            open.name_span.start as usize,
            open.name_span.end as usize,
            &format!("`<{}>` is not closed (unexpected end of file)", open.name),
            &format!("`<{}>` 没有闭合（文件意外结束）", open.name),
        );
        push(&mut stack, &mut roots, Node::Element(open));
    }
    Document {
        nodes: roots,
        errors: p.errors,
    }
}

impl Parser<'_> {
    fn error(&mut self, start: usize, end: usize, en: &str, zh: &str) {
        self.errors.push(SyntaxError {
            span: Span::new(start, end),
            message: en.to_string(),
            message_zh: zh.to_string(),
        });
    }

    /// `{{` without `}}`, and `{{ }}` contents that are not an expression, in text or
    /// attribute values.
    fn interpolations(&mut self, s: &str, offset: usize) {
        let mut i = 0;
        while let Some(open) = find2(&s[i..], b'{', b'{') {
            let at = i + open;
            match find2(&s[at + 2..], b'}', b'}') {
                Some(close) => {
                    let inner = &s[at + 2..at + 2 + close];
                    if !is_expression(inner) {
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

    fn start_tag(&mut self) -> Element {
        let text = self.text;
        let start = self.pos;
        let name_start = start + 1;
        let name_end = name_start
            + text[name_start..]
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(text.len() - name_start);
        let mut el = Element {
            name: CompactString::from(&text[name_start..name_end]),
            name_span: Span::new(start, name_end),
            attrs: Vec::new(),
            children: Vec::new(),
            self_closing: false,
        };
        self.pos = name_end;
        loop {
            let rest = &text[self.pos..];
            let trimmed = rest.trim_start();
            self.pos += rest.len() - trimmed.len();
            if trimmed.is_empty() {
                self.error(
                    start,
                    name_end,
                    &format!("`<{}` start tag is not closed with `>`", el.name),
                    &format!("开始标签 `<{}` 缺少 `>`", el.name),
                );
                self.pos = text.len();
                return el;
            }
            if trimmed.starts_with("/>") {
                self.pos += 2;
                el.self_closing = true;
                return el;
            }
            if trimmed.starts_with('>') {
                self.pos += 1;
                return el;
            }
            if trimmed.starts_with('<') {
                self.error(
                    start,
                    name_end,
                    &format!("`<{}` start tag is not closed with `>`", el.name),
                    &format!("开始标签 `<{}` 缺少 `>`", el.name),
                );
                return el;
            }
            // An attribute name runs to whitespace, `=`, `>` or `/>`.
            let n_start = self.pos;
            let len = trimmed
                .char_indices()
                .find(|&(i, c)| {
                    c.is_whitespace()
                        || c == '='
                        || c == '>'
                        || (c == '/' && trimmed[i..].starts_with("/>"))
                })
                .map_or(trimmed.len(), |(i, _)| i);
            if len == 0 {
                // A stray character such as a lone quote.
                let ch_len = trimmed.chars().next().map_or(1, char::len_utf8);
                self.error(
                    n_start,
                    n_start + ch_len,
                    "unexpected character in tag",
                    "标签中有意外的字符",
                );
                self.pos += ch_len;
                continue;
            }
            let raw_name = &text[n_start..n_start + len];
            let bad_name = if let Some((i, c)) = raw_name.char_indices().find(|&(i, c)| {
                !(c.is_ascii_alphabetic()
                    || matches!(c, '_' | ':' | '-')
                    || (i > 0 && c.is_ascii_digit()))
            }) {
                // `wcc` takes names of ASCII letters, digits (not first), `_`, `:` and `-`;
                // a stray quote or `{` here usually means a quote is missing earlier.
                self.error(
                    n_start + i,
                    n_start + i + c.len_utf8(),
                    &format!("unexpected character `{c}` in attribute name `{raw_name}` (a missing quote before it?)"),
                    &format!("属性名 `{raw_name}` 中有意外的字符 `{c}`（前面是否缺少引号？）"),
                );
                true
            } else {
                false
            };
            let name = CompactString::from(raw_name);
            self.pos += len;
            let after = &text[self.pos..];
            let after_ws = after.trim_start();
            let mut attr = Attr {
                name,
                name_span: Span::new(n_start, n_start + len),
                value: None,
                value_span: None,
            };
            if let Some(v) = after_ws.strip_prefix('=') {
                self.pos += after.len() - after_ws.len() + 1;
                let v_trim = v.trim_start();
                self.pos += v.len() - v_trim.len();
                match v_trim.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let v_start = self.pos + 1;
                        match text[v_start..].find(q) {
                            Some(close) => {
                                let value = &text[v_start..v_start + close];
                                self.line_break_in_value(value, v_start);
                                self.interpolations(value, v_start);
                                attr.value = Some(CompactString::from(value));
                                attr.value_span = Some(Span::new(v_start, v_start + close));
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
                                el.attrs.push(attr);
                                return el;
                            }
                        }
                    }
                    _ => {
                        // Unquoted value: `wcc` reads it up to the next `"` (spaces and `>`
                        // included), so `a=x>` runs on and a line break on the way is an error.
                        let v_start = self.pos;
                        let Some(len) = v_trim.find('"') else {
                            self.error(
                                v_start,
                                v_start + v_trim.chars().next().map_or(0, char::len_utf8),
                                "unquoted attribute value: the WXML compiler reads it up to the next `\"` and there is none; quote the value",
                                "属性值没有引号：WXML 编译器会一直读到下一个 `\"`，但后面没有；请给属性值加上引号",
                            );
                            self.pos = text.len();
                            el.attrs.push(attr);
                            return el;
                        };
                        let value = &text[v_start..v_start + len];
                        if !self.line_break_in_value(value, v_start) && !value.is_empty() {
                            self.interpolations(value, v_start);
                        }
                        attr.value = Some(CompactString::from(value));
                        attr.value_span = Some(Span::new(v_start, v_start + len));
                        self.pos = v_start + len + 1;
                    }
                }
            }
            if !bad_name {
                el.attrs.push(attr);
            }
        }
    }
}

impl Parser<'_> {
    /// `wcc` rejects a line break inside an attribute value. Reports the first one in `value`
    /// (which starts at byte `start`); true if there was one.
    fn line_break_in_value(&mut self, value: &str, start: usize) -> bool {
        let Some(i) = value.find(['\n', '\r']) else {
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

/// Whether `{{ inner }}` holds a data-binding expression: a JS expression, or the body of an
/// object literal (`{{a: 1, ...rest}}`, as `<template data>` takes).
pub fn is_expression(inner: &str) -> bool {
    let trimmed = inner.trim();
    if trimmed.is_empty() {
        return true;
    }
    // Data paths (`item.title`, `list[0].name`) are by far the most common: no parser needed.
    let simple = trimmed
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '.' | '[' | ']'))
        && !trimmed.starts_with(|c: char| c.is_ascii_digit() || c == '.')
        && trimmed.matches('[').count() == trimmed.matches(']').count();
    if simple && !KEYWORDS.contains(&trimmed) {
        return true;
    }
    let parses = |src: &str| {
        crate::js::extract::with_arena(|arena| {
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
    use super::*;

    #[test]
    fn parses_elements_and_attributes() {
        let text = "<view class=\"a\" lazy-load bindtap='onTap'>\n  <text>{{msg}}</text>\n  <image src=\"/a.png\"/>\n</view>";
        let doc = parse(text);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let els = doc.elements();
        assert_eq!(
            els.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            ["view", "text", "image"]
        );
        let view = els[0];
        assert_eq!(view.attrs.len(), 3);
        assert_eq!(view.attrs[1].name, "lazy-load");
        assert!(view.attrs[1].value.is_none());
        let tap = view.attr("bindtap").unwrap();
        assert_eq!(&text[tap.value_span.unwrap().range()], "onTap");
        assert!(els[2].self_closing);
    }

    /// Each case was run through wcc 0.2.3 (`../shared/tools/official-check.sh --wxml`).
    #[test]
    fn attribute_rules_follow_wcc() {
        let errs = |t: &str| parse(t).errors;
        // A line break inside a value, quoted or not, is an error at the break.
        let e = errs("<view class=\"a\nb\"></view>");
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].span.start, 14);
        assert!(e[0].message.contains("line break"));
        assert!(!errs("<view a=\"{{\n x }}\"></view>").is_empty());
        assert!(errs("<view\n a=\"x\"\n b=\"y\"></view>").is_empty());
        // An unquoted value runs to the next `"`: `a=x"` is fine, `a=x>` never ends.
        let ok = parse("<view a=x y\" b=\"z\"></view>");
        assert!(ok.errors.is_empty(), "{:?}", ok.errors);
        assert_eq!(
            ok.elements()[0].attr("a").unwrap().value.as_deref(),
            Some("x y")
        );
        assert!(errs("<view a=x></view>")[0].message.contains("unquoted"));
        // Names: ASCII letters, digits (not first), `_`, `:`, `-`.
        for bad in ["a.b", "@tap", "1a", "a{b", "\"b\"", "中"] {
            let e = errs(&format!("<view {bad}=\"1\"></view>"));
            assert!(
                e.iter().any(|e| e.message.contains("attribute name")),
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
        assert!(e[0].message.contains("`\"`"), "{e:?}");
    }

    #[test]
    fn syntax_errors() {
        let errs = |t: &str| {
            parse(t)
                .errors
                .into_iter()
                .map(|e| e.message)
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
