//! Path globs. `GlobSet`, for `exclude` and `ignores` in mpcheck.json: `*`, `?`, `**`,
//! `[...]`, `{a,b}`; a pattern without `/` matches a file or folder name at any depth (like
//! .gitignore), one with `/` is anchored at the project folder, and a matching folder covers
//! its contents. `Minimatch`, for packOptions `glob` rules: minimatch 3, as miniprogram-ci.

use regex::Regex;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct GlobSet {
    regex: Option<Regex>,
}

impl GlobSet {
    pub fn empty() -> GlobSet {
        GlobSet { regex: None }
    }

    /// Builds one matcher from all patterns; returns the first invalid pattern on error.
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Result<GlobSet, String> {
        let mut alternatives = Vec::new();
        for p in patterns {
            alternatives.push(translate(p)?);
        }
        if alternatives.is_empty() {
            return Ok(GlobSet::empty());
        }
        let regex =
            Regex::new(&format!("^(?:{})$", alternatives.join("|"))).map_err(|e| e.to_string())?;
        Ok(GlobSet { regex: Some(regex) })
    }

    /// Whether `path` (relative, `/`-separated) or one of its parent folders matches.
    pub fn is_match(&self, path: &str) -> bool {
        self.regex.as_ref().is_some_and(|r| r.is_match(path))
    }
}

fn translate(pattern: &str) -> Result<String, String> {
    let p = pattern.trim();
    if p.is_empty() {
        return Err("empty pattern".into());
    }
    let anchored = p.trim_end_matches('/').contains('/');
    let body = p.trim_start_matches("./").trim_start_matches('/');
    let out = translate_body(body.trim_end_matches('/'), pattern)?;
    let prefix = if anchored { "" } else { "(?:.*/)?" };
    Ok(format!("{prefix}{out}(?:/.*)?"))
}

fn translate_body(body: &str, pattern: &str) -> Result<String, String> {
    let mut out = String::new();
    let chars: Vec<char> = body.chars().collect();
    let mut i = 0;
    let mut in_brace = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '*' if chars.get(i + 1) == Some(&'*') => {
                let at_start = i == 0 || chars[i - 1] == '/';
                let slash_after = chars.get(i + 2) == Some(&'/');
                if at_start && slash_after {
                    out.push_str("(?:.*/)?");
                    i += 3;
                } else {
                    out.push_str(".*");
                    i += 2;
                }
                continue;
            }
            '*' => out.push_str("[^/]*"),
            '?' => out.push_str("[^/]"),
            '[' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == ']')
                    .ok_or_else(|| format!("unclosed `[` in `{pattern}`"))?;
                let class: String = chars[i + 1..i + 1 + close].iter().collect();
                let class = class
                    .strip_prefix('!')
                    .map_or(class.clone(), |r| format!("^{r}"));
                out.push('[');
                out.push_str(&class.replace('\\', "\\\\"));
                out.push(']');
                i += close + 2;
                continue;
            }
            '{' if !in_brace => {
                in_brace = true;
                out.push_str("(?:");
            }
            '}' if in_brace => {
                in_brace = false;
                out.push(')');
            }
            ',' if in_brace => out.push('|'),
            _ => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    if in_brace {
        return Err(format!("unclosed `{{` in `{pattern}`"));
    }
    Ok(out)
}

/// A glob as miniprogram-ci's packOptions `glob` rules read it: `minimatch` 3 with default
/// options. The whole path must match; `*`, `?` and `[...]` stay within a segment; `**` alone in
/// a segment spans segments; `{a,b}` expands; `@(a|b)`, `+(..)`, `*(..)`, `?(..)` are extglobs;
/// `\` escapes. Without a leading `.` in the pattern segment, nothing matches a segment that
/// starts with `.` (no dotfiles by `*` or `**`). A leading `!` negates, a leading `#` is a
/// comment that matches nothing.
#[derive(Debug, Clone)]
pub struct Minimatch {
    negate: bool,
    alternatives: Vec<Vec<Segment>>,
    over_budget: bool,
}

#[derive(Debug, Clone)]
enum Segment {
    Globstar,
    Literal(String),
    Pattern { regex: Regex, dot: bool },
}

impl Minimatch {
    pub fn new(pattern: &str) -> Minimatch {
        if pattern.starts_with('#') {
            return Minimatch {
                negate: false,
                alternatives: Vec::new(),
                over_budget: false,
            };
        }
        let bangs = pattern.chars().take_while(|&c| c == '!').count();
        let body = &pattern[bangs..];
        let mut budget = Budget {
            bytes: MAX_EXPANDED_BYTES,
            exceeded: false,
        };
        let expanded = expand(body, 0, &mut budget);
        if budget.exceeded {
            // Too big to expand: matches nothing (MP133 reports it).
            return Minimatch {
                negate: false,
                alternatives: Vec::new(),
                over_budget: true,
            };
        }
        // A path segment is a file name (at most 255 bytes on every file system): a pattern
        // segment past this budget is not compiled (a 262 KB `[^[^…` took 4 s).
        if expanded
            .iter()
            .any(|p| p.split('/').any(|s| s.len() > MAX_SEGMENT_BYTES))
        {
            return Minimatch {
                negate: false,
                alternatives: Vec::new(),
                over_budget: true,
            };
        }
        // Alternatives share most segments: each distinct one is translated and compiled once.
        let mut compiled: HashMap<&str, Option<Segment>> = HashMap::new();
        let alternatives = expanded
            .iter()
            .filter_map(|p| {
                let mut segments = p
                    .split('/')
                    .map(|s| compiled.entry(s).or_insert_with(|| Segment::new(s)).clone())
                    .collect::<Option<Vec<_>>>()?;
                // `**/**` matches what `**` matches: one globstar per run keeps the table small.
                segments.dedup_by(|a, b| {
                    matches!(a, Segment::Globstar) && matches!(b, Segment::Globstar)
                });
                Some(segments)
            })
            .collect();
        Minimatch {
            negate: bangs % 2 == 1,
            alternatives,
            over_budget: false,
        }
    }

    /// The brace expansion went beyond [`MAX_BRACE_DEPTH`] or [`MAX_EXPANDED_BYTES`]: the
    /// pattern matches nothing.
    pub fn over_budget(&self) -> bool {
        self.over_budget
    }

    pub fn is_match(&self, path: &str) -> bool {
        let parts: Vec<&str> = path.split('/').collect();
        let hit = self
            .alternatives
            .iter()
            .any(|segments| match_segments(segments, &parts));
        hit != self.negate
    }
}

impl Segment {
    /// None when the segment cannot be translated (then the alternative never matches).
    fn new(segment: &str) -> Option<Segment> {
        if segment == "**" {
            return Some(Segment::Globstar);
        }
        if !segment.contains(['*', '?', '[', '\\', '(']) {
            return Some(Segment::Literal(segment.to_string()));
        }
        let body = segment_regex(segment, true).or_else(|| segment_regex(segment, false))?;
        let regex = Regex::new(&format!("^{body}$")).ok()?;
        Some(Segment::Pattern {
            regex,
            dot: segment.starts_with('.'),
        })
    }

    fn matches(&self, part: &str) -> bool {
        match self {
            Segment::Globstar => true,
            Segment::Literal(s) => s == part,
            // minimatch's `(?=.)`/`(?!\.)`: a wildcard segment needs a name, and a dot name
            // only when the pattern segment starts with a dot.
            Segment::Pattern { regex, dot } => {
                !part.is_empty() && (*dot || !part.starts_with('.')) && regex.is_match(part)
            }
        }
    }
}

/// Whether `pattern` matches all of `parts`, as minimatch's matchOne decides: `**` takes at
/// least one segment when it ends the pattern and leaves at least one for the rest otherwise;
/// it never takes a dot segment. Dynamic programming from the end, so `**/**/**/…` stays
/// polynomial.
fn match_segments(pattern: &[Segment], parts: &[&str]) -> bool {
    let n = parts.len();
    // Every segment but `**` takes exactly one part.
    let fixed = pattern
        .iter()
        .filter(|s| !matches!(s, Segment::Globstar))
        .count();
    if fixed > n || (fixed < n && fixed == pattern.len()) {
        return false;
    }
    // The first and last segments, when not `**`, take the first and last parts: most
    // alternatives of a brace expansion fail there, before the table.
    match (pattern.first(), pattern.last(), parts.first(), parts.last()) {
        (Some(first), Some(last), Some(p0), Some(pn)) => {
            if !matches!(first, Segment::Globstar) && !first.matches(p0) {
                return false;
            }
            if !matches!(last, Segment::Globstar) && !last.matches(pn) {
                return false;
            }
        }
        _ => return pattern.is_empty() && parts.is_empty(),
    }
    // no_dot_from[j]: no part in parts[j..] starts with a dot.
    let mut no_dot_from = vec![true; n + 1];
    for j in (0..n).rev() {
        no_dot_from[j] = no_dot_from[j + 1] && !parts[j].starts_with('.');
    }
    // matched[j]: pattern[i + 1..] matches parts[j..]; starts as the empty pattern.
    let mut matched: Vec<bool> = (0..=n).map(|j| j == n).collect();
    let mut here = vec![false; n + 1];
    for (i, segment) in pattern.iter().enumerate().rev() {
        let last = i + 1 == pattern.len();
        here[n] = false;
        for j in (0..n).rev() {
            here[j] = match segment {
                Segment::Globstar if last => no_dot_from[j],
                // The rest matches at some s >= j, the parts j..s skipped holding no dot name.
                Segment::Globstar => {
                    matched[j] || (!parts[j].starts_with('.') && j + 1 < n && here[j + 1])
                }
                _ => segment.matches(parts[j]) && matched[j + 1],
            };
        }
        std::mem::swap(&mut matched, &mut here);
    }
    matched[0]
}

/// At most this many patterns come out of brace expansion; the rest are not matched (a
/// project config with `{a,b}` forty times must not hang the check).
const MAX_EXPANSIONS: usize = 1024;

/// The longest pattern segment (between two `/`) that is compiled; a longer one puts the
/// pattern over budget.
pub const MAX_SEGMENT_BYTES: usize = 4096;

/// Braces nested (or left open) deeper than this are not expanded: the pattern is over budget.
pub const MAX_BRACE_DEPTH: usize = 64;
/// At most this many bytes of patterns come out of brace expansion, intermediate results
/// included (a dozen `{a,b}` before a long tail took 6 GB); beyond it the pattern is over
/// budget.
pub const MAX_EXPANDED_BYTES: usize = 1 << 20;

struct Budget {
    bytes: usize,
    exceeded: bool,
}

impl Budget {
    /// Takes `n` bytes; false (and exceeded) when they are not there.
    fn take(&mut self, n: usize) -> bool {
        if self.exceeded || n > self.bytes {
            self.exceeded = true;
            return false;
        }
        self.bytes -= n;
        true
    }
}

/// `{a,b}c` -> `ac`, `bc` (nested too; a brace without a comma stays literal), within
/// `budget`, at recursion depth `depth`.
fn expand(pattern: &str, depth: usize, budget: &mut Budget) -> Vec<String> {
    if depth > MAX_BRACE_DEPTH {
        budget.exceeded = true;
    }
    if budget.exceeded || !budget.take(pattern.len()) {
        return Vec::new();
    }
    let d = depth + 1;
    let bytes = pattern.as_bytes();
    let Some(open) = bytes.iter().position(|&b| b == b'{') else {
        return vec![pattern.to_string()];
    };
    let (mut depth, mut commas, mut close) = (0, Vec::new(), None);
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b',' if depth == 1 => commas.push(i),
            _ => {}
        }
    }
    if let Some(close) = close
        && commas.is_empty()
        && let Some(items) = sequence(&pattern[open + 1..close])
    {
        let (head, tails) = (&pattern[..open], expand(&pattern[close + 1..], d, budget));
        let mut out = Vec::new();
        for item in &items {
            for tail in &tails {
                if out.len() == MAX_EXPANSIONS || !budget.take(head.len() + item.len() + tail.len())
                {
                    return out;
                }
                out.push(format!("{head}{item}{tail}"));
            }
        }
        return out;
    }
    let close = match close {
        Some(close) if !commas.is_empty() => close,
        // `{a}`: literal. brace-expansion expands what follows only when a `,` and then a `}`
        // come later; otherwise the whole pattern stays as it is.
        Some(close) => {
            let post = &pattern[close + 1..];
            if !post.find(',').is_some_and(|c| post[c..].contains('}')) {
                return vec![pattern.to_string()];
            }
            let head = &pattern[..=close];
            return expand(post, d, budget)
                .into_iter()
                .take_while(|rest| budget.take(head.len() + rest.len()))
                .map(|rest| format!("{head}{rest}"))
                .collect();
        }
        // No closing brace: the `{` is literal; expand what follows it.
        None => {
            let head = &pattern[..open];
            return expand(&pattern[open + 1..], d, budget)
                .into_iter()
                .take_while(|rest| budget.take(head.len() + 1 + rest.len()))
                .map(|rest| format!("{head}{{{rest}"))
                .collect();
        }
    };
    let (head, tails) = (&pattern[..open], expand(&pattern[close + 1..], d, budget));
    let mut bounds = vec![open];
    bounds.extend(&commas);
    bounds.push(close);
    let mut out = Vec::new();
    for w in bounds.windows(2) {
        for option in expand(&pattern[w[0] + 1..w[1]], d, budget) {
            for tail in &tails {
                if out.len() == MAX_EXPANSIONS
                    || !budget.take(head.len() + option.len() + tail.len())
                {
                    return out;
                }
                out.push(format!("{head}{option}{tail}"));
            }
        }
    }
    out
}

/// A brace sequence as brace-expansion reads one: `1..3`, `01..10` (padded), `10..1..3`
/// (step), `a..e`. None when `body` is not a sequence.
fn sequence(body: &str) -> Option<Vec<String>> {
    let parts: Vec<&str> = body.split("..").collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let numeric = |t: &str| {
        let digits = t.strip_prefix('-').unwrap_or(t);
        !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit())
    };
    let letter = |t: &str| t.len() == 1 && t.as_bytes()[0].is_ascii_alphabetic();
    let step = match parts.get(2) {
        Some(s) if numeric(s) => s.parse::<i64>().ok()?.unsigned_abs().max(1),
        Some(_) => return None,
        None => 1,
    };
    let (a, b) = (parts[0], parts[1]);
    let (from, to, letters) = if numeric(a) && numeric(b) {
        (a.parse::<i64>().ok()?, b.parse::<i64>().ok()?, false)
    } else if letter(a) && letter(b) {
        (i64::from(a.as_bytes()[0]), i64::from(b.as_bytes()[0]), true)
    } else {
        return None;
    };
    let padded =
        |t: &str| t.trim_start_matches('-').len() > 1 && t.trim_start_matches('-').starts_with('0');
    let width = if !letters && (padded(a) || padded(b)) {
        a.len().max(b.len())
    } else {
        0
    };
    let mut out = Vec::new();
    let mut i = from;
    while out.len() < MAX_EXPANSIONS && (if from <= to { i <= to } else { i >= to }) {
        out.push(if letters {
            char::from_u32(i as u32)?.to_string()
        } else if i < 0 {
            format!("-{:0>w$}", -i, w = width.saturating_sub(1))
        } else {
            format!("{i:0>width$}")
        });
        i = if from <= to {
            i + step as i64
        } else {
            i - step as i64
        };
    }
    Some(out)
}

/// The regex body for one path segment (no `/` inside); None for an extglob left open, which
/// minimatch then reads literally (translate again with `extglob` false).
fn segment_regex(segment: &str, extglob: bool) -> Option<String> {
    let chars: Vec<char> = segment.chars().collect();
    let mut out = String::new();
    // Open extglobs: the quantifier to write when each closes.
    let mut groups: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '+' | '@' | '*' | '?' if extglob && next == Some('(') => {
                groups.push(match c {
                    '+' => "+",
                    '*' => "*",
                    '?' => "?",
                    _ => "",
                });
                out.push_str("(?:");
                i += 2;
                continue;
            }
            '|' if !groups.is_empty() => out.push('|'),
            ')' if !groups.is_empty() => {
                out.push(')');
                out.push_str(groups.pop().unwrap_or_default());
            }
            '*' => {
                while chars.get(i + 1) == Some(&'*') {
                    i += 1;
                }
                out.push_str("[^/]*");
            }
            '?' => out.push_str("[^/]"),
            '\\' if next.is_some() => {
                out.push_str(&regex::escape(&next.unwrap_or_default().to_string()));
                i += 2;
                continue;
            }
            '[' => match chars[i + 1..].iter().skip(1).position(|&c| c == ']') {
                Some(close) => {
                    let class: String = chars[i + 1..i + 2 + close].iter().collect();
                    let class = match class.strip_prefix(['!', '^']) {
                        Some(rest) => format!("^/{rest}"),
                        None => class,
                    };
                    out.push('[');
                    for c in class.chars() {
                        if matches!(c, '\\' | '[' | '&' | '~') {
                            out.push('\\');
                        }
                        out.push(c);
                    }
                    out.push(']');
                    i += close + 3;
                    continue;
                }
                None => out.push_str("\\["),
            },
            _ => out.push_str(&regex::escape(&c.to_string())),
        }
        i += 1;
    }
    groups.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        let g = GlobSet::new([
            "miniprogram_npm",
            "pages/legacy/**",
            "*.min.js",
            "a/{b,c}/*.json",
        ])
        .unwrap();
        assert!(g.is_match("miniprogram_npm/x/index.js"));
        assert!(g.is_match("sub/miniprogram_npm/x.json"));
        assert!(g.is_match("pages/legacy/a/a.json"));
        assert!(!g.is_match("x/pages/legacy/a.json"));
        assert!(g.is_match("lib/echarts.min.js"));
        assert!(g.is_match("a/c/x.json"));
        assert!(!g.is_match("a/d/x.json"));
        assert!(!g.is_match("pages/index/index.js"));
        assert!(GlobSet::new(["a[b"]).is_err());
    }

    #[test]
    fn pathological_patterns_stay_fast() {
        let braces = "{a,b}".repeat(40);
        let m = Minimatch::new(&format!("{braces}.js"));
        assert!(m.is_match(&format!("{}.js", "a".repeat(40))));
        let stars = "**/".repeat(40);
        let path = "d/".repeat(60);
        assert!(!Minimatch::new(&format!("{stars}x.js")).is_match(&format!("{path}y.js")));
        assert!(Minimatch::new(&format!("{stars}x.js")).is_match(&format!("{path}x.js")));
    }

    /// The segment table as it was before the linear globstar recurrences (a scan per cell),
    /// compared on random patterns and paths.
    fn match_segments_by_scanning(pattern: &[Segment], parts: &[&str]) -> bool {
        let n = parts.len();
        let mut matched: Vec<bool> = (0..=n).map(|j| j == n).collect();
        for (i, segment) in pattern.iter().enumerate().rev() {
            let last = i + 1 == pattern.len();
            let mut here = vec![false; n + 1];
            for j in 0..n {
                here[j] = match segment {
                    Segment::Globstar if last => parts[j..].iter().all(|p| !p.starts_with('.')),
                    Segment::Globstar => {
                        let mut hit = false;
                        for (s, part) in parts.iter().enumerate().skip(j) {
                            if matched[s] {
                                hit = true;
                                break;
                            }
                            if part.starts_with('.') {
                                break;
                            }
                        }
                        hit
                    }
                    _ => segment.matches(parts[j]) && matched[j + 1],
                };
            }
            matched = here;
        }
        matched[0]
    }

    #[test]
    fn linear_table_agrees_with_the_scanning_one() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m) as usize
        };
        let words = ["a", "b", ".d", "", "x.js"];
        let globs = ["**", "a", "*", ".d", "", "*.js", "?"];
        let compiled: Vec<Segment> = globs.iter().map(|g| Segment::new(g).unwrap()).collect();
        for _ in 0..20_000 {
            let pattern: Vec<usize> = (0..1 + next(6)).map(|_| next(7)).collect();
            let path: Vec<&str> = (0..1 + next(6)).map(|_| words[next(5)]).collect();
            let segments: Vec<Segment> = pattern.iter().map(|&g| compiled[g].clone()).collect();
            let mut deduped = segments.clone();
            deduped
                .dedup_by(|a, b| matches!(a, Segment::Globstar) && matches!(b, Segment::Globstar));
            assert_eq!(
                match_segments(&deduped, &path),
                match_segments_by_scanning(&segments, &path),
                "{:?} {path:?}",
                pattern.iter().map(|&g| globs[g]).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn thousands_of_segments_against_deep_paths() {
        // Found by the fuzzer: 3,700 empty segments behind a brace expansion took seconds per
        // file; a segment count the path cannot have is rejected before the table.
        let pattern = format!(
            "pages/{}*(x{{1..3}}/x{{01..10..2}}/{{a..e}}",
            "/".repeat(3700)
        );
        let m = Minimatch::new(&pattern);
        let path = "pages/".repeat(20) + "x.js";
        for _ in 0..1000 {
            assert!(!m.is_match(&path));
        }
        let stars = format!("{}x.js", "**/".repeat(3700));
        assert!(Minimatch::new(&stars).is_match(&path));
    }

    /// Expected values are minimatch 3.0.4's (miniprogram-ci 2.1.42's copy), by
    /// `node -e "console.log(require('minimatch')(path, pattern))"`.
    #[test]
    fn minimatch_like_miniprogram_ci() {
        let cases: &[(&str, &str, bool)] = &[
            ("**/*.psd", "design/a.psd", true),
            ("**/*.psd", "a.psd", true),
            ("**/*.psd", ".design/a.psd", false),
            ("**/*.psd", "design/.a.psd", false),
            ("*.md", "readme.md", true),
            ("*.md", ".notes.md", false),
            ("*.md", "docs/readme.md", false),
            (".*", ".eslintrc", true),
            (".*.js", ".eslintrc.js", true),
            ("**/.*", "a/.env", true),
            ("docs/**", "docs/a/b.md", true),
            ("docs/**", "docs/.vuepress/config.js", false),
            ("docs/**", "docs", false),
            ("docs/**", "docs/", true),
            ("/docs/*", "/docs/a.md", true),
            ("/docs/*", "docs/a.md", false),
            ("a/**/b.js", "a/b.js", true),
            ("a/**/b.js", "a/x/y/b.js", true),
            ("a/**/b.js", "a/.x/b.js", false),
            ("a**b.js", "axb.js", true),
            ("a**b.js", "ax/yb.js", false),
            ("{images,assets}/*.png", "assets/a.png", true),
            ("{images,assets}/*.png", "other/a.png", false),
            ("{a,b/{c,d}}/x", "b/d/x", true),
            ("{a}/x", "{a}/x", true),
            ("{a}/x", "a/x", false),
            ("a{1..3}.js", "a2.js", true),
            ("a{1..3}.js", "a4.js", false),
            ("a{01..10}.js", "a07.js", true),
            ("a{01..10}.js", "a7.js", false),
            ("a{10..1..3}.js", "a4.js", true),
            ("a{10..1..3}.js", "a5.js", false),
            ("{a..c}{1..2}.png", "b2.png", true),
            ("{a..c}{1..2}.png", "d1.png", false),
            ("a{1..x}.js", "a{1..x}.js", true),
            ("{a}{1..3}", "{a}{1..3}", true),
            ("{a}{1..3}", "{a}2", false),
            ("{a}/{b,c}", "{a}/c", true),
            ("[abc].js", "b.js", true),
            ("[!abc].js", "b.js", false),
            ("[!abc].js", "d.js", true),
            ("[^abc].js", "d.js", true),
            ("[a.js", "[a.js", true),
            ("?.js", "a.js", true),
            ("?.js", ".js", false),
            ("!*.js", "a.js", false),
            ("!*.js", "a.wxml", true),
            ("!!*.js", "a.js", true),
            ("#*.js", "a.js", false),
            ("@(a|b).js", "b.js", true),
            ("+(a|b).js", "abba.js", true),
            ("*(a|b).js", ".js", false),
            ("?(a|b).js", "c.js", false),
            ("@(a|b.js", "@(a|b.js", true),
            ("*(a|b.js", "x(a|b.js", true),
            ("a\\*b", "a*b", true),
            ("a\\*b", "axb", false),
            ("pages/*/*.wxml", "pages/index/index.wxml", true),
            ("**", "a/b", true),
            ("**", ".a/b", false),
            ("**/x.js", "x.js", true),
            ("**/x.js", "/x.js", true),
            ("a/**/", "a/b/", true),
            ("[a-c]*.JS", "b1.JS", true),
            ("x[&&]y", "x&y", true),
            ("*/{a,b}", "/a", false),
            ("*/**", "/axb", false),
        ];
        for &(pattern, path, expected) in cases {
            assert_eq!(
                Minimatch::new(pattern).is_match(path),
                expected,
                "minimatch({path:?}, {pattern:?})"
            );
        }
    }
}
