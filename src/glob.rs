//! Path globs for `exclude` in mpcheck.json: `*`, `?`, `**`, `[...]`, `{a,b}`.
//! A pattern without `/` matches a file or folder name at any depth (like .gitignore);
//! one with `/` is anchored at the project folder. A matching folder covers its contents.

use regex::Regex;

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

/// A whole-path glob as `minimatch` reads one (what packOptions `glob` rules use): the pattern
/// must match the entire path; `*` and `?` stay within a segment, `**` spans segments.
pub fn whole_path(pattern: &str) -> Result<Regex, String> {
    let body = translate_body(pattern, pattern)?;
    Regex::new(&format!("^{body}$")).map_err(|e| e.to_string())
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
}
