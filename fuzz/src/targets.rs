//! The in-process fuzz targets: each takes raw bytes and drives one of mpcheck's parsers the way
//! the binary does. Shared by the harness (`fuzz/src/main.rs`) and the regression tests
//! (`tests/fuzz_regressions.rs`, through `#[path]`), so a saved input replays exactly.
//!
//! A target must not panic, hang or abort on any input. Besides mpcheck's own panics, the targets
//! assert that every span they get back lies inside the text, since the renderers slice with it.

use mpcheck::base::source::{Decoded, Span};

/// The target names, in the order `--target all` runs them.
#[allow(dead_code)]
pub const TARGETS: &[&str] = &["json", "wxml", "wxs", "js", "glob", "regexp"];

/// Runs `input` through target `name`. Panics (the finding) when mpcheck does; `false` for an
/// unknown target.
pub fn run(name: &str, input: &[u8]) -> bool {
    match name {
        "json" => json(input),
        "wxml" => wxml(input),
        "wxs" => wxs(input),
        "js" => js(input),
        "glob" => glob(input),
        "regexp" => regexp(input),
        _ => return false,
    }
    true
}

/// Bytes to text as the binary reads a file: UTF-8 without a BOM, or the lossy text.
fn text(input: &[u8]) -> String {
    match mpcheck::base::source::decode(input.to_vec()) {
        Decoded::Text { text, .. } => text,
        Decoded::NotUtf8 { valid_up_to, lossy } => {
            assert!(valid_up_to <= input.len());
            lossy
        }
    }
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end as usize <= text.len(),
        "{what}: span {}..{} outside the text (len {})",
        span.start,
        span.end,
        text.len()
    );
}

/// Line/column of a span's ends, as every output format computes them.
fn positions(source: &mpcheck::base::source::Source, span: Span) {
    let _ = source.position(span.start);
    let _ = source.position(span.end);
}

fn json(input: &[u8]) {
    use mpcheck::project::JsonRole;
    let text = text(input);
    let source = mpcheck::base::source::Source::new(text.as_str().into());
    match mpcheck::syntax::json::parse(&text) {
        Ok(value) => {
            // One schema per input, as each file has one role; which one follows from the
            // input's length, so a saved input replays the same way.
            let roles = [
                JsonRole::App,
                JsonRole::Page,
                JsonRole::Component,
                JsonRole::ProjectConfig,
                JsonRole::PrivateConfig,
                JsonRole::Sitemap,
                JsonRole::Theme,
                JsonRole::Ext,
                JsonRole::Plugin,
            ];
            let _ = mpcheck::analysis::schema::validate(roles[input.len() % roles.len()], &value);
            walk_json(&text, &source, &value, 0);
        }
        Err(e) => {
            assert!(
                e.offset <= text.len() && e.offset + e.len <= text.len(),
                "json error {}+{} outside the text (len {})",
                e.offset,
                e.len,
                text.len()
            );
            positions(&source, Span::new(e.offset, e.offset + e.len));
        }
    }
}

fn walk_json(
    text: &str,
    source: &mpcheck::base::source::Source,
    v: &mpcheck::syntax::json::Json,
    depth: u32,
) {
    check_span(text, v.span, "json value");
    // Diagnostics point at a few values, not all of them: positions of the shallow ones only.
    if depth < 3 {
        positions(source, v.span);
    }
    let _ = v.type_name();
    // The value tree itself may be deep; the walk stops where a renderer would not go.
    if depth > 10_000 {
        return;
    }
    if let Some(items) = v.as_array() {
        for item in items {
            walk_json(text, source, item, depth + 1);
        }
    }
    if let Some(members) = v.as_object() {
        for m in members {
            check_span(text, m.key_span, "json key");
            let _ = mpcheck::analysis::schema::is_hex_color(&m.key);
            walk_json(text, source, &m.value, depth + 1);
        }
    }
}

/// What `project::parse_file` does with a template: parse, collect `<web-view src>`, check
/// inline `<wxs>` bodies, parse suppression comments; then what the WXML rules read.
fn wxml(input: &[u8]) {
    let text: std::sync::Arc<str> = text(input).into();
    let source = mpcheck::base::source::Source::new(text.clone());
    let doc = mpcheck::syntax::wxml::parse_shared(text.clone());
    for e in &doc.errors {
        check_span(&text, e.span, "wxml error");
        positions(&source, e.span);
    }
    let mut wxs_errors = Vec::new();
    doc.visit(&mut |node| match node {
        mpcheck::syntax::wxml::Node::Element(e) if e.name() == "web-view" => {
            if let Some(src) = e.attr("src")
                && let Some(v) = src.value
            {
                let parts = mpcheck::syntax::js::webview::parts(v);
                let _ = mpcheck::syntax::js::url::origin(&parts);
            }
        }
        mpcheck::syntax::wxml::Node::Element(e) if e.name() == "wxs" && e.attr("src").is_none() => {
            for child in e.children() {
                if let mpcheck::syntax::wxml::Node::Text(span) = child
                    && let Some(body) = text.get(span.start as usize..span.end as usize)
                {
                    let m = mpcheck::syntax::wxs::check("a.wxml", body, span.start as usize);
                    wxs_errors.extend(m.errors.into_iter().map(|e| e.span));
                }
            }
        }
        mpcheck::syntax::wxml::Node::Comment(body, span) if body.contains("mpcheck-disable") => {
            let _ = mpcheck::syntax::suppress::parse("a.wxml", body, span);
        }
        _ => {}
    });
    for span in wxs_errors {
        check_span(&text, span, "inline wxs error");
        positions(&source, span);
    }
    for e in doc.elements() {
        let _ = e.self_closing();
        check_span(&text, e.name_span(), "element name");
        for a in e.attrs() {
            check_span(&text, a.name_span, "attribute name");
            if let Some(span) = a.value_span {
                check_span(&text, span, "attribute value");
            }
            if let Some(v) = a.value {
                let mut rest = v;
                while let Some(open) = rest.find("{{") {
                    let after = &rest[open + 2..];
                    let Some(close) = after.find("}}") else { break };
                    let _ = mpcheck::syntax::wxml::is_expression(&after[..close]);
                    rest = &after[close + 2..];
                }
            }
        }
    }
}

fn wxs(input: &[u8]) {
    let text = text(input);
    let m = mpcheck::syntax::wxs::check("a.wxs", &text, 0);
    for e in &m.errors {
        check_span(&text, e.span, "wxs error");
    }
    for (_, span) in &m.requires {
        check_span(&text, *span, "wxs require");
    }
}

/// JS facts: the text parsed as three modules of one project (app.js, a page's .js and a .ts
/// utility, so `require`s and `getApp()` between them resolve), then every call site's URL
/// evaluated and the page's handler names collected, as the network and WXML rules do; the
/// imports-only walk (`mpcheck size`) must find the same imports.
fn js(input: &[u8]) {
    let text = text(input);
    let mut modules = mpcheck::syntax::js::Modules::default();
    for path in ["app.js", "pages/a/a.js", "utils/b.ts"] {
        let m = mpcheck::syntax::js::extract::parse(path, &text);
        // `mpcheck size` takes the imports from a walk of its own: it must find the same.
        let imports = mpcheck::syntax::js::imports::parse(path, &text);
        assert_eq!(imports.requires, m.requires, "imports-only walk, {path}");
        // A text that cannot import is not parsed for `size`: nothing says why it was not.
        let parsed = mpcheck::syntax::js::imports::may_import(&text);
        let expected = if parsed { &m.unanalysed } else { &None };
        assert_eq!(&imports.unanalysed, expected, "imports-only walk, {path}");
        for c in &m.calls {
            check_span(&text, c.span, "call");
        }
        for (_, span) in &m.location_apis {
            check_span(&text, *span, "location api");
        }
        for s in &m.secrets {
            check_span(&text, s.span, "secret");
        }
        for (_, _, span) in &m.global_data {
            check_span(&text, *span, "globalData");
        }
        for c in &m.calls {
            if let mpcheck::syntax::js::Sym::Str(s, _) = &c.url {
                let _ = mpcheck::syntax::js::extract::looks_like_secret(s);
            }
        }
        modules.insert(path.to_string(), Box::new(m));
    }
    let sites = mpcheck::syntax::js::sites(&modules, "");
    for s in &sites {
        check_span(&text, s.span, "site");
        if let mpcheck::syntax::js::url::Resolved::Known(o) = &s.origin {
            let _ = mpcheck::syntax::js::url::host_kind(&o.host);
            let _ = o.text();
        }
    }
    let resolver = mpcheck::syntax::js::Resolver::new(&modules, "");
    for path in ["app.js", "pages/a/a.js", "utils/b.ts"] {
        let _ = resolver.handler_names(path);
        for (spec, _) in &modules[path].requires {
            let _ = resolver.resolve_specifier(path, spec);
        }
    }
}

/// The first line of a glob/regexp input is the pattern, each further line a path to test.
fn pattern_and_paths(text: &str) -> (&str, Vec<String>) {
    let mut lines = text.split('\n');
    let pattern = lines.next().unwrap_or("");
    let mut paths: Vec<String> = lines.take(16).map(real_path).collect();
    if paths.is_empty() {
        paths = [
            "pages/index/index.js",
            "/pages/index/index.wxml",
            "design/.exports/a.png",
            "",
        ]
        .map(String::from)
        .to_vec();
    }
    (pattern, paths)
}

/// Paths come from the file system: names of at most NAME_MAX (255) bytes (a longer one is
/// cut into several), at most PATH_MAX (4096) bytes in all.
fn real_path(line: &str) -> String {
    let mut out = String::new();
    for (i, mut name) in line.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        while name.len() > 255 {
            let cut = floor_char_boundary(name, 255);
            out.push_str(&name[..cut]);
            out.push('/');
            name = &name[cut..];
        }
        out.push_str(name);
    }
    let end = floor_char_boundary(&out, 4096);
    out.truncate(end);
    out
}

fn floor_char_boundary(s: &str, mut at: usize) -> usize {
    at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Globs: as a packOptions `glob` (minimatch) and as an mpcheck.json `exclude` (GlobSet), and
/// several patterns at once (one per `;`) as an `exclude` list.
fn glob(input: &[u8]) {
    let text = text(input);
    let (pattern, paths) = pattern_and_paths(&text);
    let lower = pattern.to_lowercase();
    let mm = mpcheck::base::glob::Minimatch::new(&lower);
    let set = mpcheck::base::glob::GlobSet::new([pattern]);
    let many = mpcheck::base::glob::GlobSet::new(pattern.split(';'));
    for path in &paths {
        let lead = format!("/{path}");
        let _ = mm.is_match(path) || mm.is_match(&lead);
        if let Ok(s) = &set {
            let _ = s.is_match(path);
        }
        if let Ok(s) = &many {
            let _ = s.is_match(path);
        }
    }
}

/// A packOptions `regexp` value compiled as miniprogram-ci does (`js_regexp`, which MP133 also
/// uses once branch depth is merged) and matched against paths.
fn regexp(input: &[u8]) {
    let text = text(input);
    let (pattern, paths) = pattern_and_paths(&text);
    let lower = pattern.to_lowercase();
    if let Some(re) = mpcheck::analysis::package::js_regexp(&lower).into_option() {
        for path in paths {
            let path = path.to_lowercase();
            let _ = re.is_match(&path);
            let _ = re.is_match(&format!("/{path}"));
        }
    }
}

/// A saved input: the bytes of the file, or for a `.rep` file the text it describes. A `.rep`
/// file keeps deep-nesting reproducers small: each line is `COUNT<TAB>TEXT`, and TEXT (with
/// `\n`, `\t`, `\r`, `\\` and `\xHH` escapes) is emitted COUNT times; lines starting with `#`
/// are comments.
#[allow(dead_code)]
pub fn load_input(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    if path.extension().is_none_or(|e| e != "rep") {
        return Ok(bytes);
    }
    let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (count, unit) = line
            .split_once('\t')
            .ok_or(format!("line {}: no tab", n + 1))?;
        let count: usize = count
            .trim()
            .parse()
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        let unit = unescape(unit).ok_or(format!("line {}: bad escape", n + 1))?;
        for _ in 0..count {
            out.extend_from_slice(&unit);
        }
    }
    Ok(out)
}

fn unescape(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b != b'\\' {
            out.push(b);
            continue;
        }
        match bytes.next()? {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'\\' => out.push(b'\\'),
            b'x' => {
                let hex = [bytes.next()?, bytes.next()?];
                out.push(u8::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()?);
            }
            _ => return None,
        }
    }
    Some(out)
}

/// `js_regexp` returns an `Option` here and a `Result` (with the reason) on branch depth; the
/// target takes either, so it builds before and after that merge.
trait IntoOption<T> {
    fn into_option(self) -> Option<T>;
}

impl<T> IntoOption<T> for Option<T> {
    fn into_option(self) -> Option<T> {
        self
    }
}

impl<T, E> IntoOption<T> for Result<T, E> {
    fn into_option(self) -> Option<T> {
        self.ok()
    }
}
