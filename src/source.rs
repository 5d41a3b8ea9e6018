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
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

/// A 1-based line and column; columns count Unicode scalar values, as ruff does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// The text of a file that diagnostics can point into. The line index is built on first use
/// (only files with findings need it).
#[derive(Debug, Clone)]
pub struct Source {
    pub text: Arc<str>,
    line_starts: Arc<std::sync::OnceLock<Vec<u32>>>,
}

impl Source {
    pub fn new(text: Arc<str>) -> Source {
        Source {
            text,
            line_starts: Arc::new(std::sync::OnceLock::new()),
        }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0u32];
            starts.extend(
                self.text
                    .bytes()
                    .enumerate()
                    .filter(|&(_, b)| b == b'\n')
                    .map(|(i, _)| i as u32 + 1),
            );
            starts
        })
    }

    /// The position of a byte offset (clamped to the text, snapped to a char boundary).
    pub fn position(&self, offset: u32) -> Position {
        let mut offset = (offset as usize).min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s as usize <= offset) - 1;
        let start = starts[line] as usize;
        let column = self.text[start..offset].chars().count() + 1;
        Position {
            line: line as u32 + 1,
            column: column as u32,
        }
    }
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

    #[test]
    fn bom_is_removed() {
        match decode(b"\xEF\xBB\xBF{}".to_vec()) {
            Decoded::Text { text, had_bom } => assert!(had_bom && text == "{}"),
            Decoded::NotUtf8 { .. } => panic!(),
        }
    }
}
