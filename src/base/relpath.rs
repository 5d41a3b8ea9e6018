//! `/`-separated relative paths, as the project index and the platform write them.

// Found with `memrchr`: `str`'s char searcher compares each hit with a `memcmp` call, and
// these run for every file of a project, several times.

/// The part after the last `/` (the whole path when there is none): `rsplit('/').next()`.
pub fn file_name(path: &str) -> &str {
    memchr::memrchr(b'/', path.as_bytes()).map_or(path, |i| &path[i + 1..])
}

/// `s.rsplit_once(c)` for an ASCII byte `c`.
pub fn rsplit_once_byte(s: &str, c: u8) -> Option<(&str, &str)> {
    debug_assert!(c.is_ascii());
    memchr::memrchr(c, s.as_bytes()).map(|i| (&s[..i], &s[i + 1..]))
}

/// The positions of `/` in `path`, last first: `rmatch_indices('/')`.
pub fn slashes_from_end(path: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memrchr_iter(b'/', path.as_bytes())
}

/// Normalises `a/./b/../c`; `None` when it climbs above the start.
pub fn normalize(path: &str) -> Option<String> {
    // Most paths asked are normal already (module and component lookups): one scan, one copy.
    if is_normal(path) {
        return Some(path.to_string());
    }
    normalize_segments(path)
}

/// [`normalize`], segment by segment.
fn normalize_segments(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` is what [`normalize`] makes of it: no empty, `.` or `..` segment.
fn is_normal(path: &str) -> bool {
    !any_segment(path, |seg| matches!(seg, b"" | b"." | b".."))
}

/// Whether a `/`-separated segment of `path` is one `test` accepts (one pass over the bytes;
/// `""` has one, empty, segment).
pub fn any_segment(path: &str, test: impl Fn(&[u8]) -> bool) -> bool {
    let b = path.as_bytes();
    let mut start = 0;
    for (i, &c) in b.iter().enumerate() {
        if c == b'/' {
            if test(&b[start..i]) {
                return true;
            }
            start = i + 1;
        }
    }
    test(&b[start..])
}

#[cfg(test)]
mod tests {
    /// The shortcut for normal paths gives what the segment walk gives.
    #[test]
    fn normalize_agrees_with_the_segment_walk() {
        for path in [
            "",
            "/",
            "a",
            "a/b",
            "/a/b",
            "a/b/",
            "a//b",
            "./a",
            "a/.",
            "a/./b",
            "../a",
            "a/..",
            "a/../b",
            "a/b/../../..",
            ".a/b.",
            "a/..b/c",
            "名字/é.js",
            "..",
            ".",
            "//",
        ] {
            assert_eq!(
                super::normalize(path),
                super::normalize_segments(path),
                "{path:?}"
            );
        }
    }

    /// The byte searches answer what `str`'s char searches answer.
    #[test]
    fn byte_searches_agree_with_str() {
        for path in [
            "",
            "/",
            "a",
            "a/b",
            "/a/b/",
            "pages/index/index.js",
            "a.b/c",
            "名字/é.js",
            "a//b",
            "x.tar.gz",
            ".hidden",
            "a/.b",
            "no-dot",
            "a:b:c",
        ] {
            assert_eq!(
                super::file_name(path),
                path.rsplit('/').next().unwrap(),
                "{path}"
            );
            for c in [b'/', b'.', b':'] {
                assert_eq!(
                    super::rsplit_once_byte(path, c),
                    path.rsplit_once(c as char),
                    "{path}"
                );
            }
            assert_eq!(
                super::slashes_from_end(path).collect::<Vec<_>>(),
                path.rmatch_indices('/').map(|(i, _)| i).collect::<Vec<_>>(),
                "{path}"
            );
        }
    }
}
