//! Text that comes from project files (paths, values quoted in messages, source lines) must
//! not reach a terminal or a CI log raw: an escape sequence can rewrite the screen, a newline
//! in a file name can start a GitHub Actions workflow command (`::error …`), a bidi override
//! can make a line read differently from what it is. Such chars are shown as Rust-style
//! escapes (`\u{1b}`, `\n`, `\r`); everything else, including tabs and all printable Unicode,
//! is left alone, so normal output is unchanged.

use std::borrow::Cow;
use std::fmt::Write;

/// C0 controls other than tab and newline, DEL, C1 controls, the bidi controls (U+061C,
/// U+200E/F, U+202A–E, U+2066–9) and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `c` at byte `i` of `s` must be escaped: an unsafe char, or the `[` of `##[`, which the
/// GitHub Actions runner reads anywhere in a line as a legacy workflow command (`##[error]`,
/// `##[stop-commands]`, which would switch off the annotations of the github format).
pub fn is_unsafe_at(s: &str, i: usize, c: char) -> bool {
    is_unsafe(c) || (c == '[' && s[..i].ends_with("##"))
}

/// Appends the visible form of `c`.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

fn escape_where(s: &str, bad: impl Fn(&str, usize, char) -> bool) -> Cow<'_, str> {
    let mut chars = s.char_indices();
    let Some(first) = chars.by_ref().find(|&(i, c)| bad(s, i, c)).map(|(i, _)| i) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for (i, c) in s[first..].char_indices() {
        if bad(s, first + i, c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// For one-line fields (paths, file names): what [`is_unsafe_at`] names and every newline
/// escaped.
pub fn line(s: &str) -> Cow<'_, str> {
    escape_where(s, |s, i, c| c == '\n' || is_unsafe_at(s, i, c))
}

/// For messages, labels and help, where rules break lines on purpose: what [`is_unsafe_at`]
/// names escaped, and a newline too when the next line would start (after blanks) with `::`, which GitHub
/// Actions reads as a workflow command wherever the line is printed.
pub fn text(s: &str) -> Cow<'_, str> {
    escape_where(s, |s, i, c| {
        is_unsafe_at(s, i, c) || (c == '\n' && s[i + 1..].trim_start().starts_with("::"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_text_is_borrowed_unchanged() {
        for s in ["", "pages/index/index.wxml", "中文 \t tab", "a\nb", "é😀"] {
            assert!(matches!(text(s), Cow::Borrowed(_)), "{s}");
        }
        assert!(matches!(line("中文/x.json"), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_and_bidi_are_escaped() {
        assert_eq!(
            line("x\n::error file=app.json::INJECTED"),
            "x\\n::error file=app.json::INJECTED"
        );
        assert_eq!(line("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(line("\u{202e}txt.exe"), "\\u{202e}txt.exe");
        assert_eq!(line("c1\u{9b}2J\r"), "c1\\u{9b}2J\\r");
        assert_eq!(line("\u{2028}\u{0}\u{7f}"), "\\u{2028}\\u{0}\\u{7f}");
    }

    #[test]
    fn text_keeps_line_breaks_but_not_workflow_commands() {
        assert_eq!(text("first\nsecond"), "first\nsecond");
        assert_eq!(text("a\n::error::x"), "a\\n::error::x");
        assert_eq!(text("a\n  \t::warning::x\nb"), "a\\n  \t::warning::x\nb");
        assert_eq!(text("a\r\nb"), "a\\r\nb");
        assert_eq!(text("\u{1b}]0;title\u{7}"), "\\u{1b}]0;title\\u{7}");
        assert_eq!(text("x ##[error]y #[z] ##x"), "x ##\\u{5b}error]y #[z] ##x");
        assert_eq!(line("##[stop-commands]t"), "##\\u{5b}stop-commands]t");
    }
}
