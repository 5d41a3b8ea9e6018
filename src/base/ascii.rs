//! ASCII case-insensitive tests that do not allocate a lowered copy (hot paths ask them per
//! file, key or attribute), and a search for any of a few words.

/// Whether `text` contains one of `words` (each searched with `memchr`'s substring search:
/// the prefilters that spare a parse ask this of every file).
pub fn contains_any(text: &str, words: &[&str]) -> bool {
    words
        .iter()
        .any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some())
}

/// Whether `s` ends with `suffix`, ASCII case ignored.
pub fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether `s` starts with `prefix`, ASCII case ignored.
pub fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Whether `s` contains `needle`, ASCII case ignored.
pub fn contains_ignore_case(s: &str, needle: &str) -> bool {
    let n = needle.len();
    n == 0
        || (s.len() >= n
            && s.as_bytes()
                .windows(n)
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agree_with_lowering() {
        let cases = [
            ("App.JS", ".js"),
            ("a.d.TS", ".d.ts"),
            ("", ""),
            ("x", "xy"),
            ("MySecretKey", "secret"),
            ("HTTPS://host", "https://"),
            ("ÄsecRETß", "secret"),
            ("sec", "secret"),
            ("é.js", ".JS"),
        ];
        for (s, p) in cases {
            let (ls, lp) = (s.to_ascii_lowercase(), p.to_ascii_lowercase());
            assert_eq!(ends_with_ignore_case(s, p), ls.ends_with(&lp), "{s} {p}");
            assert_eq!(
                starts_with_ignore_case(s, p),
                ls.starts_with(&lp),
                "{s} {p}"
            );
            assert_eq!(contains_ignore_case(s, p), ls.contains(&lp), "{s} {p}");
        }
    }
}
