//! Reading a code file's text as the checks see it (size cap, encodings), and holding it only
//! while something needs it.

use super::walk::WalkProblemKind;
use crate::base::source::{Decoded, Source, decode};
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, AtomicU64, AtomicUsize, Ordering};

/// JS/TS and WXML files larger than this are not parsed.
pub const MAX_CODE_BYTES: u64 = 16 * 1024 * 1024;

/// A code file's text as the checks read it.
pub struct TextRead {
    /// Bytes on disk (also of a file too large to read); `None` when it could not be asked.
    pub size: Option<u64>,
    /// The text checked; `None` when the file is not read or holds nothing mpcheck can check.
    pub text: Option<String>,
    /// Why it is not checked, or checked only in part (a legacy encoding).
    pub problem: Option<WalkProblemKind>,
}

/// Reads and decodes the code file `rel` of `folder` (`style`: a style sheet, read only for
/// its `@import`s).
pub fn read(folder: &crate::base::fsread::Folder, rel: &str, style: bool) -> TextRead {
    decoded(folder.read_capped(rel, MAX_CODE_BYTES), style)
}

/// [`read`] for a code file `rel` read again later: it must still resolve inside `root`.
pub fn read_again(root: &Path, rel: &str) -> TextRead {
    let bytes = crate::base::fsread::read_inside(root, &root.join(rel), MAX_CODE_BYTES);
    decoded(bytes, false)
}

fn decoded(bytes: Result<Vec<u8>, crate::base::fsread::ReadError>, style: bool) -> TextRead {
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            let size = match e {
                crate::base::fsread::ReadError::TooLarge { size, .. } => Some(size),
                _ => None,
            };
            return TextRead {
                size,
                text: None,
                problem: Some(WalkProblemKind::Read(e)),
            };
        }
    };
    let size = Some(bytes.len() as u64);
    let encoding = guess_encoding(&bytes);
    let (text, problem) = match decode(bytes) {
        Decoded::Text { text, .. } => (Some(text), None),
        // Style sheets only give their `@import`s: a legacy encoding keeps those readable.
        Decoded::NotUtf8 { lossy, .. } if style => (Some(lossy), None),
        // Binary data goes on to the parsers, which report its first NUL byte (MP006).
        Decoded::NotUtf8 { lossy, .. } if encoding == "binary data" => (Some(lossy), None),
        // A legacy encoding (GBK) keeps the ASCII syntax: reported, and checked as far as it
        // goes. UTF-16 is not code mpcheck can read.
        Decoded::NotUtf8 { lossy, .. } if encoding.starts_with("GBK") => {
            (Some(lossy), Some(WalkProblemKind::NotUtf8 { encoding }))
        }
        Decoded::NotUtf8 { .. } => (None, Some(WalkProblemKind::NotUtf8 { encoding })),
    };
    TextRead {
        size,
        text,
        problem,
    }
}

/// A name for what a code file that is not UTF-8 holds, for the diagnostic: UTF-16 (a
/// byte-order mark, or NUL in every other byte), binary data (other NUL bytes), else a legacy
/// multi-byte encoding such as GBK.
fn guess_encoding(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(64)];
    let nul_at = |parity: usize| {
        let n = head.iter().skip(parity).step_by(2).count();
        n >= 4 && head.iter().skip(parity).step_by(2).all(|&b| b == 0)
    };
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) || nul_at(0) || nul_at(1)
    {
        "UTF-16"
    } else if head.contains(&0) {
        "binary data"
    } else {
        "GBK or another legacy encoding"
    }
}

/// The text of a code file, read again when a diagnostic needs it: holding every text until
/// the reports ran was a third of the peak memory.
pub struct LazyText {
    /// Length and hash of the text when it was checked: a file that changed since is not
    /// shown (its spans are of the old text).
    len: AtomicUsize,
    hash: AtomicU64,
    /// The line of the first private key in it (MP600), 0 for none: found while the text
    /// was in hand.
    key_line: AtomicU32,
    source: OnceLock<Option<Source>>,
}

const UNKNOWN: usize = usize::MAX;

/// A 64-bit hash of a text (FxHash: one cheap pass over a text already in hand).
fn hash(text: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(text.as_bytes());
    h.finish()
}

impl LazyText {
    /// A text not read yet (a template, until it is parsed).
    pub fn unread() -> LazyText {
        LazyText {
            len: AtomicUsize::new(UNKNOWN),
            hash: AtomicU64::new(0),
            key_line: AtomicU32::new(0),
            source: OnceLock::new(),
        }
    }

    /// The text the checks read.
    pub fn checked(text: &str) -> LazyText {
        let lazy = LazyText::unread();
        lazy.check(text);
        lazy
    }

    /// A text held from the start.
    pub fn held(source: Source) -> LazyText {
        let lazy = LazyText::checked(&source.text);
        let _ = lazy.source.set(Some(source));
        lazy
    }

    /// Records what is kept of the text the checks read.
    pub fn check(&self, text: &str) {
        self.len.store(text.len(), Ordering::Relaxed);
        self.hash.store(hash(text), Ordering::Relaxed);
        let line = private_key(text).map_or(0, |span| line_of(text, span));
        self.key_line.store(line, Ordering::Relaxed);
    }

    /// The line of the first private key in the text.
    pub fn private_key_line(&self) -> Option<u32> {
        Some(self.key_line.load(Ordering::Relaxed)).filter(|&n| n > 0)
    }

    /// The text, read from `root`/`rel` (inside the project folder) on first use; `None` when
    /// it cannot be read or is no longer the text that was checked (length and hash).
    pub fn get(&self, root: &Path, rel: &str) -> Option<&Source> {
        self.source
            .get_or_init(|| {
                let text = read_again(root, rel).text?;
                let len = self.len.load(Ordering::Relaxed);
                let same = len == UNKNOWN
                    || (len == text.len() && self.hash.load(Ordering::Relaxed) == hash(&text));
                same.then(|| Source::new(text.into()))
            })
            .as_ref()
    }
}

/// The span of the first `-----BEGIN … PRIVATE KEY-----` line in `text`.
pub fn private_key(text: &str) -> Option<crate::base::source::Span> {
    // Built once: every code file and template is searched.
    static BEGIN: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("-----BEGIN "));
    let finder = &*BEGIN;
    let mut from = 0;
    while let Some(i) = finder.find(&text.as_bytes()[from..]) {
        let start = from + i;
        let rest = &text[start + 11..];
        let end = rest.find("-----").map(|e| start + 11 + e + 5)?;
        let label = &text[start + 11..end - 5];
        if label.ends_with("PRIVATE KEY") && label.len() <= 40 {
            return Some(crate::base::source::Span::new(start, end));
        }
        from = end;
    }
    None
}

/// The line (from 1) where `span` starts.
pub fn line_of(text: &str, span: crate::base::source::Span) -> u32 {
    memchr::memchr_iter(b'\n', &text.as_bytes()[..span.start as usize]).count() as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_again_only_while_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::write(root.join("a.js"), "let a = 1;\nlet b = 2;\n").unwrap();
        let read = read(&crate::base::fsread::Folder::open(&root), "a.js", false);
        let lazy = LazyText::checked(read.text.as_deref().unwrap());
        assert_eq!(lazy.get(&root, "a.js").unwrap().position(12).line, 2);

        // Changed after the check (another length, or the same): not shown with the old spans.
        let lazy = LazyText::checked("let a = 1;\n");
        std::fs::write(root.join("b.js"), "let a = 10;\n").unwrap();
        assert!(lazy.get(&root, "b.js").is_none());
        let lazy = LazyText::checked("a;\nb\n");
        std::fs::write(root.join("c.js"), "a\n;b\n").unwrap();
        assert!(lazy.get(&root, "c.js").is_none());
    }

    #[cfg(unix)]
    #[test]
    fn read_again_stays_inside_the_project() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.js"), "let s = 1;\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.js"), root.join("a.js")).unwrap();
        let lazy = LazyText::checked("let s = 1;\n");
        assert!(lazy.get(&root, "a.js").is_none());
    }

    #[test]
    fn private_key_line() {
        let text = "x\n\"-----BEGIN CERTIFICATE-----\"\n-----BEGIN RSA PRIVATE KEY-----\nMII";
        let lazy = LazyText::checked(text);
        assert_eq!(lazy.private_key_line(), Some(3));
        assert_eq!(
            LazyText::checked("-----BEGIN PUBLIC KEY-----").private_key_line(),
            None
        );
        // A label longer than any key type is not one.
        let long = format!("-----BEGIN {} PRIVATE KEY-----", "X".repeat(40));
        assert_eq!(private_key(&long), None);
    }
}
