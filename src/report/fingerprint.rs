//! Fingerprints of findings that survive edits elsewhere in a file: the baseline's key (rule,
//! file, the underlined text, and the hashes of the neighbouring lines) and the CI formats'
//! fingerprints (gitlab, sarif) built on it. FNV-1a, so the same on every platform.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::{Source, Span};
use crate::project::Project;

/// Hashed as the first field, so a change to what is hashed can change the tag.
pub const TAG: &str = "mpcheck-baseline-1";
/// Text longer than this (bytes) is hashed as its first and last `EDGE` bytes.
const LONG: usize = 512;
const EDGE: usize = 256;
/// Blank lines skipped at most when looking for a neighbour line.
const MAX_BLANK_SCAN: usize = 64;

/// FNV-1a, 64 bits: fixed by its definition, the same on every platform and Rust version.
pub struct Fnv(pub u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv::new()
    }
}

impl Fnv {
    pub fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    /// A field, length first, so that ("ab", "c") and ("a", "bc") differ.
    pub fn field(&mut self, s: &str) -> &mut Fnv {
        self.bytes(&(s.len() as u64).to_le_bytes());
        self.bytes(s.as_bytes());
        self
    }
}

/// The three line hashes of a context: previous non-blank line, the span's line, next
/// non-blank line.
pub type Context = [u32; 3];

/// How a finding is recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub fingerprint: u64,
    pub context: Context,
}

/// `text` with runs of whitespace made one space, trimmed; a long text as its head and tail.
pub fn normalise(text: &str) -> String {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.len() <= LONG {
        return collapse(text);
    }
    let mut head = EDGE;
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let mut tail = text.len() - EDGE;
    while !text.is_char_boundary(tail) {
        tail += 1;
    }
    format!("{} … {}", collapse(&text[..head]), collapse(&text[tail..]))
}

fn line_hash(text: &str) -> u32 {
    let h = Fnv::new().field(TAG).field(&normalise(text)).0;
    (h ^ (h >> 32)) as u32
}

/// The key of a finding in `file` (`source` its text, when known).
pub fn key_of(rule: &str, file: &str, span: Option<Span>, source: Option<&Source>) -> Key {
    let mut h = Fnv::new();
    h.field(TAG).field(rule).field(file);
    let (Some(span), Some(src)) = (span, source) else {
        h.field("file");
        return Key {
            fingerprint: h.0,
            context: [0; 3],
        };
    };
    let text = &src.text;
    let start = src.clamp(span.start as usize);
    let end = src.clamp(span.end as usize).max(start);
    let first = src.line_of(start);
    let last = src.line_of(end);
    let line_text = |l: usize| &text[src.line_range(l)];
    let anchor = normalise(&text[start..end]);
    if anchor.is_empty() {
        // An empty span (a place to insert something): its line says what it is about.
        h.field("line").field(&normalise(line_text(first)));
    } else {
        h.field("span").field(&anchor);
    }
    let lines = src.line_count();
    let blank = |l: usize| line_text(l).trim().is_empty();
    let before = (first.saturating_sub(MAX_BLANK_SCAN)..first)
        .rev()
        .find(|&l| !blank(l));
    let after = (last + 1..lines.min(last + 1 + MAX_BLANK_SCAN)).find(|&l| !blank(l));
    let neighbour = |l: Option<usize>| l.map_or(0, |l| line_hash(line_text(l)));
    Key {
        fingerprint: h.0,
        context: [
            neighbour(before),
            line_hash(line_text(first)),
            neighbour(after),
        ],
    }
}

/// A finding's fingerprint for the CI report formats (gitlab, sarif), before duplicates are
/// told apart: the baseline's key of rule, path and the underlined text (whitespace
/// collapsed; the line's text for an empty span), so no line or column number, plus the
/// message with its ASCII digits dropped (messages name indexes and counts that shift when
/// something is inserted above). `path` is the path as the report writes it.
pub fn report_fingerprint(
    project: &Project,
    d: &Diagnostic,
    path: &str,
    lang: crate::base::i18n::Lang,
) -> u64 {
    let source = d.span.and(project.source(&d.file));
    let key = key_of(d.rule.code, path, d.span, source);
    let message: String = d
        .message
        .get(lang)
        .chars()
        .filter(|c| !c.is_ascii_digit())
        .collect();
    let mut h = Fnv::new();
    h.field(REPORT_TAG)
        .field(&format!("{:016x}", key.fingerprint))
        .field(&message);
    h.0
}

/// The fingerprint of the `salt`-th finding with the same `base` (`salt` 0 is `base`).
pub fn salted(base: u64, salt: u32) -> u64 {
    if salt == 0 {
        return base;
    }
    let mut h = Fnv::new();
    h.field(REPORT_TAG)
        .field(&format!("{base:016x}"))
        .field(&salt.to_string());
    h.0
}

const REPORT_TAG: &str = "mpcheck-report-1";
