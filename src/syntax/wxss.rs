//! Style sheets (`.wxss`, `.less`, `.scss`, `.sass`): the files they import.

/// `@import "a.wxss";` / `@import 'a';` targets of a style sheet, comments skipped.
pub fn style_imports(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = memchr::memchr2(b'@', b'/', rest.as_bytes()) {
        let tail = &rest[i..];
        if let Some(body) = tail.strip_prefix("/*") {
            rest = body.find("*/").map_or("", |e| &body[e + 2..]);
            continue;
        }
        if let Some(body) = tail.strip_prefix("@import") {
            let body = body.trim_start();
            if let Some(q) = body.chars().next().filter(|c| *c == '"' || *c == '\'')
                && let Some(end) = body[1..].find(q)
            {
                out.push(body[1..1 + end].to_string());
            }
        }
        rest = &tail[1..];
    }
    out
}
