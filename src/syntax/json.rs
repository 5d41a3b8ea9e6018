//! A strict JSON parser (the grammar of JavaScript's `JSON.parse`, which the official toolchain
//! uses) that keeps the byte span of every key and value, so diagnostics can point at them.
//! serde_json has no spans; this replaces it for reading project files.

use crate::base::source::Span;

#[derive(Debug, Clone)]
pub struct Json {
    pub kind: JsonKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum JsonKind {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<Member>),
}

#[derive(Debug, Clone)]
pub struct Member {
    pub key: String,
    pub key_span: Span,
    pub value: Json,
}

/// A syntax error at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub offset: usize,
    pub len: usize,
    pub message: crate::base::i18n::Text,
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            JsonKind::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            JsonKind::Bool(b) => Some(b),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.kind {
            JsonKind::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            JsonKind::Object(o) => Some(o),
            _ => None,
        }
    }
    /// The value of `key`; like `JSON.parse`, the last of duplicate keys wins.
    pub fn get(&self, key: &str) -> Option<&Json> {
        self.member(key).map(|m| &m.value)
    }
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }
    /// The JSON type name used in messages.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            JsonKind::Null => "null",
            JsonKind::Bool(_) => "boolean",
            JsonKind::Number(_) => "number",
            JsonKind::String(_) => "string",
            JsonKind::Array(_) => "array",
            JsonKind::Object(_) => "object",
        }
    }
}

/// Parses `text` (already decoded, BOM removed by the caller).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.pos < p.s.len() {
        return Err(p.err_here(
            "unexpected content after the JSON value",
            "JSON 值之后有多余的内容",
        ));
    }
    Ok(v)
}

const MAX_DEPTH: usize = 512;

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while let Some(&c) = self.s.get(self.pos) {
            if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn char_len_at(&self, pos: usize) -> usize {
        self.text[pos..].chars().next().map_or(0, char::len_utf8)
    }

    fn err_at(&self, offset: usize, en: &str, zh: &str) -> ParseError {
        ParseError {
            offset,
            len: if offset < self.s.len() {
                self.char_len_at(offset)
            } else {
                0
            },
            message: crate::base::i18n::Text::new(en, zh),
        }
    }

    fn err_here(&self, en: &str, zh: &str) -> ParseError {
        self.err_at(self.pos, en, zh)
    }

    /// Points at the comma before the closing bracket at the current position.
    fn trailing_comma(&self) -> ParseError {
        let comma = self.s[..self.pos]
            .iter()
            .rposition(|&b| b == b',')
            .unwrap_or(self.pos);
        self.err_at(
            comma,
            "trailing comma is not allowed in JSON",
            "JSON 中不允许尾随逗号",
        )
    }

    fn unexpected(&self, expected_en: &str, expected_zh: &str) -> ParseError {
        match self.s.get(self.pos) {
            None => self.err_here(
                &format!("unexpected end of file, expected {expected_en}"),
                &format!("文件意外结束，应为{expected_zh}"),
            ),
            Some(b'/') if matches!(self.s.get(self.pos + 1), Some(b'/' | b'*')) => {
                self.err_here("comments are not allowed in JSON", "JSON 中不允许注释")
            }
            Some(_) => {
                let ch = self.text[self.pos..].chars().next().unwrap_or('?');
                self.err_here(
                    &format!("unexpected character `{ch}`, expected {expected_en}"),
                    &format!("意外的字符 `{ch}`，应为{expected_zh}"),
                )
            }
        }
    }

    fn value(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        let kind = match self.s.get(self.pos) {
            Some(b'{') => return self.object(),
            Some(b'[') => return self.array(),
            Some(b'"') => JsonKind::String(self.string()?),
            Some(b't') => self.keyword("true", JsonKind::Bool(true))?,
            Some(b'f') => self.keyword("false", JsonKind::Bool(false))?,
            Some(b'n') => self.keyword("null", JsonKind::Null)?,
            Some(b'-' | b'0'..=b'9') => JsonKind::Number(self.number()?),
            Some(b'\'') => {
                return Err(self.err_here(
                    "strings must use double quotes in JSON",
                    "JSON 字符串必须使用双引号",
                ));
            }
            _ => return Err(self.unexpected("a value", "一个值")),
        };
        Ok(Json {
            kind,
            span: Span::new(start, self.pos),
        })
    }

    fn keyword(&mut self, word: &str, kind: JsonKind) -> Result<JsonKind, ParseError> {
        if self.s[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(kind)
        } else {
            Err(self.unexpected("a value", "一个值"))
        }
    }

    fn enter(&mut self) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err_here(
                "JSON nested too deeply (more than 512 levels)",
                "JSON 嵌套层数过深（超过 512 层）",
            ));
        }
        Ok(())
    }

    fn object(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.pos) == Some(&b'}') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                if self.s.get(self.pos) != Some(&b'"') {
                    if self.s.get(self.pos) == Some(&b'}') && !members.is_empty() {
                        return Err(self.trailing_comma());
                    }
                    return Err(self.unexpected("a double-quoted key", "双引号括起的键名"));
                }
                let key_start = self.pos;
                let key = self.string()?;
                let key_span = Span::new(key_start, self.pos);
                self.ws();
                if self.s.get(self.pos) != Some(&b':') {
                    return Err(self.unexpected("`:` after the key", "键名后的 `:`"));
                }
                self.pos += 1;
                self.ws();
                let value = self.value()?;
                members.push(Member {
                    key,
                    key_span,
                    value,
                });
                self.ws();
                match self.s.get(self.pos) {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("`,` or `}`", "`,` 或 `}`")),
                }
            }
        }
        self.depth -= 1;
        Ok(Json {
            kind: JsonKind::Object(members),
            span: Span::new(start, self.pos),
        })
    }

    fn array(&mut self) -> Result<Json, ParseError> {
        let start = self.pos;
        self.enter()?;
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.pos) == Some(&b']') {
            self.pos += 1;
        } else {
            loop {
                self.ws();
                if self.s.get(self.pos) == Some(&b']') {
                    return Err(self.trailing_comma());
                }
                items.push(self.value()?);
                self.ws();
                match self.s.get(self.pos) {
                    Some(b',') => self.pos += 1,
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.unexpected("`,` or `]`", "`,` 或 `]`")),
                }
            }
        }
        self.depth -= 1;
        Ok(Json {
            kind: JsonKind::Array(items),
            span: Span::new(start, self.pos),
        })
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(&c) = self.s.get(self.pos) else {
                return Err(self.err_at(open, "unterminated string", "字符串没有结束引号"));
            };
            match c {
                b'"' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.text[run..self.pos]);
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                0..=0x1f => {
                    return Err(self.err_here(
                        "control character (such as a raw line break) inside a string",
                        "字符串中含有控制字符（例如未转义的换行）",
                    ));
                }
                _ => self.pos += 1,
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let at = self.pos;
        self.pos += 1;
        let c = *self
            .s
            .get(self.pos)
            .ok_or_else(|| self.err_at(at, "unterminated string", "字符串没有结束引号"))?;
        self.pos += 1;
        let ch = match c {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4(at)?;
                if (0xD800..0xDC00).contains(&hi)
                    && self.s.get(self.pos) == Some(&b'\\')
                    && self.s.get(self.pos + 1) == Some(&b'u')
                {
                    let save = self.pos;
                    self.pos += 2;
                    let lo = self.hex4(at)?;
                    if (0xDC00..0xE000).contains(&lo) {
                        let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                        out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                        return Ok(());
                    }
                    self.pos = save;
                }
                // Lone surrogates are legal in JSON.parse; keep a replacement char.
                char::from_u32(hi).unwrap_or('\u{FFFD}')
            }
            _ => {
                return Err(self.err_at(
                    at,
                    "invalid escape sequence in string",
                    "字符串中的转义序列无效",
                ));
            }
        };
        out.push(ch);
        Ok(())
    }

    fn hex4(&mut self, at: usize) -> Result<u32, ParseError> {
        let digits = self.s.get(self.pos..self.pos + 4);
        let v = digits
            .filter(|d| d.iter().all(u8::is_ascii_hexdigit))
            .and_then(|d| u32::from_str_radix(std::str::from_utf8(d).ok()?, 16).ok())
            .ok_or_else(|| {
                self.err_at(
                    at,
                    "invalid \\u escape in string",
                    "字符串中的 \\u 转义无效",
                )
            })?;
        self.pos += 4;
        Ok(v)
    }

    fn number(&mut self) -> Result<f64, ParseError> {
        let start = self.pos;
        if self.s[self.pos] == b'-' {
            self.pos += 1;
        }
        let bad = |p: &Self| p.err_at(start, "invalid number", "数字格式无效");
        match self.s.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
                    return Err(self.err_at(
                        start,
                        "numbers must not have leading zeros in JSON",
                        "JSON 数字不能有前导零",
                    ));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(bad(self)),
        }
        if self.s.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
                return Err(bad(self));
            }
            self.digits();
        }
        if matches!(self.s.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.s.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
                return Err(bad(self));
            }
            self.digits();
        }
        self.text[start..self.pos].parse().map_err(|_| bad(self))
    }

    fn digits(&mut self) {
        while self.s.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_keys_and_values() {
        let text = r#"{ "pages": ["a/b", "c"], "x": {"y": -1.5e2} }"#;
        let v = parse(text).unwrap();
        let pages = v.member("pages").unwrap();
        assert_eq!(&text[pages.key_span.range()], "\"pages\"");
        let second = &pages.value.as_array().unwrap()[1];
        assert_eq!(&text[second.span.range()], "\"c\"");
        let y = v.get("x").unwrap().get("y").unwrap();
        assert!(matches!(y.kind, JsonKind::Number(n) if n == -150.0));
    }

    #[test]
    fn last_duplicate_key_wins() {
        let v = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        assert!(matches!(v.get("a").unwrap().kind, JsonKind::Number(n) if n == 2.0));
    }

    #[test]
    fn strict_errors() {
        let cases = [
            (r#"{"a": [1,],}"#, 8, "trailing comma"),
            (r#"{"a": 1,}"#, 7, "trailing comma"),
            ("{\"a\": 'x'}", 6, "double quotes"),
            ("{// c\n}", 1, "comments"),
            ("{\"a\": 01}", 6, "leading zeros"),
            ("{\"a\": \"x\ny\"}", 8, "control character"),
            ("{\"a\": 1} x", 9, "after the JSON value"),
            ("{\"a\" 1}", 5, "`:`"),
            ("[", 1, "end of file"),
            ("{\"a\": \"\\x\"}", 7, "escape"),
        ];
        for (text, offset, needle) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.offset, offset, "{text}: {e:?}");
            assert!(
                e.message.en().contains(needle),
                "{text}: {}",
                e.message.en()
            );
        }
    }

    #[test]
    fn unicode_escapes_and_surrogates() {
        let v = parse(r#""\u4e2d\ud83d\ude00\u0041""#).unwrap();
        assert_eq!(v.as_str(), Some("中😀A"));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(parse(&text).unwrap_err().message.en().contains("deeply"));
    }
}
