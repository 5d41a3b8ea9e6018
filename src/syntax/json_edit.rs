//! Edits for JSON files, in the file's own layout: the fixes rules offer (insert, remove and
//! hoist object members), built here and applied by [`crate::cli::fix`].

use crate::base::diagnostic::Edit;
use crate::base::source::Span;
use crate::syntax::json::{Json, JsonKind};

/// A value to write into a JSON object: JSON text as is, or an object of such members laid
/// out like the object it goes into.
pub enum NewValue {
    Raw(String),
    Object(Vec<(String, String)>),
}

/// The whitespace (blanks and line breaks) that ends at `at`.
fn ws_before(text: &str, at: usize) -> &str {
    let bytes = text.as_bytes();
    let mut from = at;
    while from > 0 && matches!(bytes[from - 1], b' ' | b'\t' | b'\n' | b'\r') {
        from -= 1;
    }
    &text[from..at]
}

/// The blanks the line holding `at` starts with.
fn line_indent(text: &str, at: usize) -> &str {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[start..];
    let n = line
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    &line[..n]
}

/// The line break the file uses (`\r\n` when its first line ends so).
fn newline(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// How an object's members are laid out: what precedes each key (`"\n    "`, `" "`, `""`),
/// one indentation step, and what goes between a key and its value (`": "`, `":"`).
struct Layout {
    sep: String,
    step: String,
    colon: String,
}

fn layout(text: &str, obj: &Json) -> Layout {
    let members = obj.as_object().unwrap_or_default();
    let start = obj.span.start as usize;
    let own = line_indent(text, start);
    match members.last() {
        Some(m) => {
            let sep = ws_before(text, m.key_span.start as usize).to_string();
            let indent = sep.rsplit('\n').next().unwrap_or("");
            let step = if sep.contains('\n') {
                indent
                    .strip_prefix(own)
                    .filter(|s| !s.is_empty())
                    .unwrap_or("  ")
            } else {
                "  "
            };
            let colon = text[m.key_span.end as usize..m.value.span.start as usize].to_string();
            Layout {
                step: step.to_string(),
                sep,
                colon: if colon.trim() == ":" {
                    colon
                } else {
                    ": ".into()
                },
            }
        }
        None => {
            let inner = &text[start + 1..obj.span.end as usize - 1];
            let sep = if inner.contains('\n') {
                format!("{}{own}  ", newline(text))
            } else {
                String::new()
            };
            Layout {
                sep,
                step: "  ".into(),
                colon: ": ".into(),
            }
        }
    }
}

fn quote(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_else(|_| format!("\"{key}\""))
}

fn value_text(value: &NewValue, outer: &Layout) -> String {
    match value {
        NewValue::Raw(s) => s.clone(),
        NewValue::Object(members) => {
            let multi = outer.sep.contains('\n');
            let inner_sep = if multi {
                format!("{}{}", outer.sep, outer.step)
            } else {
                String::new()
            };
            let between = if multi { "," } else { ", " };
            let body: Vec<String> = members
                .iter()
                .map(|(k, v)| format!("{inner_sep}{}{}{v}", quote(k), outer.colon))
                .collect();
            let close = if multi { outer.sep.as_str() } else { "" };
            format!("{{{}{close}}}", body.join(between))
        }
    }
}

/// Adds members at the end of object `obj` of `file`, laid out like the members it has (or, for
/// an empty object, on its own lines when the braces are on different lines).
pub fn insert_members(
    file: &str,
    text: &str,
    obj: &Json,
    new: &[(&str, NewValue)],
) -> Option<Edit> {
    let members = obj.as_object()?;
    if new.is_empty() {
        return None;
    }
    let l = layout(text, obj);
    let items: Vec<String> = new
        .iter()
        .map(|(k, v)| format!("{}{}{}", quote(k), l.colon, value_text(v, &l)))
        .collect();
    match members.last() {
        Some(m) => {
            let mut s = String::new();
            for item in &items {
                s.push(',');
                s.push_str(&l.sep);
                s.push_str(item);
            }
            let at = m.value.span.end as usize;
            Some(Edit::new(file, Span::new(at, at), s))
        }
        None => {
            let start = obj.span.start as usize + 1;
            let end = obj.span.end as usize - 1;
            let close = if l.sep.contains('\n') {
                format!(
                    "{}{}",
                    newline(text),
                    line_indent(text, obj.span.start as usize)
                )
            } else {
                String::new()
            };
            let body = items
                .iter()
                .map(|i| format!("{}{i}", l.sep))
                .collect::<Vec<_>>()
                .join(if l.sep.is_empty() { ", " } else { "," });
            Some(Edit::new(
                file,
                Span::new(start, end),
                format!("{body}{close}"),
            ))
        }
    }
}

/// Edits that remove the members of object `obj` marked in `remove`, one per member (`None`
/// for the others), so that any of them may be applied alone or with the others and the JSON
/// stays valid: a member followed by one that stays goes with its trailing comma and the
/// blanks up to the next key; one after the last that stays goes with the comma before it;
/// when all go, each has the same edit, which leaves `{}`.
pub fn remove_members(file: &str, obj: &Json, remove: &[bool]) -> Vec<Option<Edit>> {
    let members = obj.as_object().unwrap_or_default();
    let n = members.len();
    let mut out = vec![None; n];
    if remove.len() != n {
        return out;
    }
    let last_kept = (0..n).rev().find(|&i| !remove[i]);
    let key = |i: usize| members[i].key_span.start as usize;
    let end = |i: usize| members[i].value.span.end as usize;
    for j in (0..n).filter(|&j| remove[j]) {
        let span = match last_kept {
            // All of them: each finding carries the same edit, applied once.
            None => Span::new(obj.span.start as usize + 1, obj.span.end as usize - 1),
            Some(k) if j < k => Span::new(key(j), key(j + 1)),
            Some(_) => Span::new(end(j - 1), end(j)),
        };
        out[j] = Some(Edit::new(file, span, ""));
    }
    out
}

/// The object (in `root`) with a member whose key is at `key_span`.
pub fn object_with_key(root: &Json, key_span: Span) -> Option<&Json> {
    let mut stack = vec![root];
    while let Some(v) = stack.pop() {
        if !(v.span.start <= key_span.start && key_span.end <= v.span.end) {
            continue;
        }
        match &v.kind {
            JsonKind::Object(members) => {
                if members.iter().any(|m| m.key_span == key_span) {
                    return Some(v);
                }
                stack.extend(members.iter().map(|m| &m.value));
            }
            JsonKind::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    None
}

/// Whether two values are the same JSON (numbers by value; members in the same order).
pub fn same_value(a: &Json, b: &Json) -> bool {
    match (&a.kind, &b.kind) {
        (JsonKind::Null, JsonKind::Null) => true,
        (JsonKind::Bool(x), JsonKind::Bool(y)) => x == y,
        (JsonKind::Number(x), JsonKind::Number(y)) => x == y,
        (JsonKind::String(x), JsonKind::String(y)) => x == y,
        (JsonKind::Array(x), JsonKind::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (JsonKind::Object(x), JsonKind::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|(a, b)| a.key == b.key && same_value(&a.value, &b.value))
        }
        _ => false,
    }
}

/// The members of `inner` (an object) as text to stand in the object around it, re-indented
/// from `inner`'s indentation to that of `at` (a key of the outer object).
pub fn hoist_members(text: &str, inner: &Json, at: usize) -> Option<String> {
    let members = inner.as_object()?;
    let (first, last) = (members.first()?, members.last()?);
    let body = &text[first.key_span.start as usize..last.value.span.end as usize];
    let from = line_indent(text, first.key_span.start as usize);
    let to = line_indent(text, at);
    let starts_line = |offset: usize| {
        text[..offset]
            .rsplit('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty())
    };
    if !starts_line(first.key_span.start as usize) || !starts_line(at) || from.len() <= to.len() {
        return Some(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            match line.strip_prefix(from) {
                Some(rest) => {
                    out.push_str(to);
                    out.push_str(rest);
                }
                None => out.push_str(line),
            }
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}
