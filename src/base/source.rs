//! Source text, byte spans and line/column positions.

use std::ops::Range;
use std::sync::Arc;

/// A byte range in one file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    /// Bytes covered; 0 for a reversed span (never an overflow).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

/// A 1-based line and column; columns count Unicode scalar values, as ruff does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// Bytes per column checkpoint: a position costs a binary search over the lines and at most
/// two blocks of counting, however long its line is.
const BLOCK: usize = 256;

/// Where lines start, and how many chars precede every `BLOCK`-th byte.
#[derive(Debug, Default)]
struct Index {
    line_starts: Vec<u32>,
    /// `chars_before[k]`: chars (UTF-8 lead bytes) in `text[..k * BLOCK]`.
    chars_before: Vec<u32>,
}

/// A byte that starts a char (every byte that is not a UTF-8 continuation byte).
fn is_lead(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// The text of a file that diagnostics can point into. The line and column index is built on
/// first use (only files with findings need it).
#[derive(Debug, Clone)]
pub struct Source {
    pub text: Arc<str>,
    index: Arc<std::sync::OnceLock<Index>>,
}

impl Source {
    pub fn new(text: Arc<str>) -> Source {
        Source {
            text,
            index: Arc::new(std::sync::OnceLock::new()),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let bytes = self.text.as_bytes();
            let mut line_starts = vec![0u32];
            line_starts.extend(memchr_newlines(bytes).into_iter().map(|i| (i + 1) as u32));
            let mut chars_before = Vec::with_capacity(bytes.len() / BLOCK + 1);
            let mut count = 0u32;
            for block in bytes.chunks(BLOCK) {
                chars_before.push(count);
                count += block.iter().filter(|&&b| is_lead(b)).count() as u32;
            }
            chars_before.push(count);
            Index {
                line_starts,
                chars_before,
            }
        })
    }

    /// The offset clamped to the text and moved back to a char boundary.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// Chars in `text[..offset]` (`offset` on a char boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let index = self.index();
        let block = offset / BLOCK;
        let from = block * BLOCK;
        index.chars_before[block] as usize
            + self.text.as_bytes()[from..offset]
                .iter()
                .filter(|&&b| is_lead(b))
                .count()
    }

    /// Number of lines (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.index().line_starts.len()
    }

    /// The 0-based line holding a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.index()
            .line_starts
            .partition_point(|&s| s as usize <= offset)
            - 1
    }

    /// The byte range of a 0-based line, without its `\n` (clamped to the last line).
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let starts = &self.index().line_starts;
        let line = line.min(starts.len() - 1);
        let start = starts[line] as usize;
        let end = starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        start..end
    }

    /// The byte offset of 0-based char `column` of 0-based `line`; the end of the line when it
    /// is shorter.
    pub fn offset_of_column(&self, line: usize, column: usize) -> usize {
        let range = self.line_range(line);
        let bytes = self.text.as_bytes();
        let target = self.chars_before(range.start) + column;
        let index = self.index();
        // The last checkpoint at or before the target char, but not before the line.
        let block = index
            .chars_before
            .partition_point(|&c| c as usize <= target)
            - 1;
        let mut at = (block * BLOCK).max(range.start);
        let mut count = self.chars_before(self.clamp(at));
        at = self.clamp(at);
        while at < range.end {
            if is_lead(bytes[at]) {
                if count == target {
                    return at;
                }
                count += 1;
            }
            at += 1;
        }
        range.end
    }

    /// The position of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn position(&self, offset: u32) -> Position {
        let offset = self.clamp(offset as usize);
        let line = self.line_of(offset);
        let start = self.index().line_starts[line] as usize;
        let column = self.chars_before(offset) - self.chars_before(start) + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }
}

/// Offsets of every `\n`.
fn memchr_newlines(bytes: &[u8]) -> Vec<usize> {
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'\n')
        .map(|(i, _)| i)
        .collect()
}

/// How a file's bytes decode as text.
pub enum Decoded {
    Text { text: String, had_bom: bool },
    NotUtf8 { valid_up_to: usize, lossy: String },
}

/// Decodes UTF-8, removing a leading byte-order mark.
pub fn decode(bytes: Vec<u8>) -> Decoded {
    let had_bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if had_bom {
                text.drain(..3);
            }
            Decoded::Text { text, had_bom }
        }
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let lossy = String::from_utf8_lossy(e.as_bytes()).into_owned();
            Decoded::NotUtf8 { valid_up_to, lossy }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_chars() {
        let s = Source::new("ab\n中文x\n".into());
        assert_eq!(s.position(0), Position { line: 1, column: 1 });
        assert_eq!(s.position(3), Position { line: 2, column: 1 });
        assert_eq!(s.position(9), Position { line: 2, column: 3 });
        assert_eq!(s.position(4), Position { line: 2, column: 1 }); // inside a char
        assert_eq!(s.position(99), Position { line: 3, column: 1 });
    }

    /// Every offset of a text: the indexed position agrees with counting from the line start,
    /// and `offset_of_column` inverts it.
    fn check_all(text: &str) {
        let s = Source::new(text.into());
        for offset in 0..=text.len() + 2 {
            let clamped = s.clamp(offset);
            let line_start = text[..clamped].rfind('\n').map_or(0, |i| i + 1);
            let expected = Position {
                line: text[..clamped].matches('\n').count() as u32 + 1,
                column: text[line_start..clamped].chars().count() as u32 + 1,
            };
            let p = s.position(offset as u32);
            assert_eq!(p, expected, "offset {offset}");
            let back = s.offset_of_column(p.line as usize - 1, p.column as usize - 1);
            assert_eq!(back, clamped, "offset {offset}");
        }
    }

    #[test]
    fn positions_on_long_lines_use_checkpoints() {
        check_all(&"a中\té😀".repeat(300));
        check_all(&format!(
            "x\n{}\ny\n{}",
            "中".repeat(700),
            " ".repeat(BLOCK * 3)
        ));
        check_all("");
        check_all("\n\n");
        let s = Source::new("ab\ncd".into());
        assert_eq!(s.offset_of_column(0, 9), 2); // past the end of the line
        assert_eq!(s.offset_of_column(9, 0), 3); // past the last line
        assert_eq!(s.line_range(0), 0..2);
        assert_eq!(s.line_range(1), 3..5);
        assert_eq!(s.line_count(), 2);
    }

    #[test]
    fn bom_is_removed() {
        match decode(b"\xEF\xBB\xBF{}".to_vec()) {
            Decoded::Text { text, had_bom } => assert!(had_bom && text == "{}"),
            Decoded::NotUtf8 { .. } => panic!(),
        }
    }
}
