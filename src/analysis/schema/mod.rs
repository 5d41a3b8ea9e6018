//! Schema checks for the project's JSON files, modelled on the official JSON schemas that
//! miniprogram-ci validates against: types, enums, hex colours, required and unknown keys.
//! The findings are computed once per file and reported by the `config` rules.

mod defs;
mod types;

pub use types::{Field, Obj, Ty};

use crate::base::source::Span;
use crate::project::JsonRole;
use crate::syntax::json::{Json, JsonKind};
use std::fmt::Write as _;

/// One schema finding in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaIssue {
    pub kind: IssueKind,
    pub span: Span,
    /// The official way to name the value: `["window"]["navigationBarTextStyle"]`.
    pub path: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
        /// No other candidate is as close as `suggestion`.
        unique: bool,
        /// Where the key belongs instead, when it is a key of another object.
        belongs_in: Option<&'static str>,
    },
    Type {
        expected: String,
        found: &'static str,
    },
    Enum {
        allowed: &'static [&'static str],
        found: String,
        themable: bool,
    },
    Color {
        found: String,
        themable: bool,
    },
    Required {
        key: &'static str,
    },
}

pub fn validate(role: JsonRole, value: &Json) -> Vec<SchemaIssue> {
    let (ty, key_hints): (&Ty, &'static [(&'static [Field], &'static str)]) = match role {
        JsonRole::App => (&defs::APP, &[(defs::WINDOW_FIELDS, "window")]),
        JsonRole::Page | JsonRole::Component => {
            (&defs::PAGE, &[(defs::APP_ONLY_FIELDS, "app.json")])
        }
        JsonRole::ProjectConfig | JsonRole::PrivateConfig => (&defs::PROJECT, &[]),
        JsonRole::Sitemap => (&defs::SITEMAP, &[]),
        JsonRole::Theme => (&defs::THEME, &[]),
        JsonRole::Ext => (&defs::EXT, &[]),
        JsonRole::Plugin => (&defs::PLUGIN_JSON, &[]),
    };
    let mut v = Validator {
        out: Vec::new(),
        key_hints,
        role,
    };
    let mut path = Vec::new();
    v.check(value, ty, false, &mut path, 0);
    v.out
}

/// One step of the path to a value: rendered only for a finding (most values have none).
#[derive(Clone, Copy)]
enum Step<'a> {
    Index(usize),
    Key(&'a str),
}

/// The official way to name a value: `["window"]["navigationBarTextStyle"]`, `["pages"][0]`.
fn render(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        let _ = match step {
            Step::Index(i) => write!(out, "[{i}]"),
            Step::Key(k) => write!(out, "[{k:?}]"),
        };
    }
    out
}

struct Validator {
    out: Vec<SchemaIssue>,
    key_hints: &'static [(&'static [Field], &'static str)],
    role: JsonRole,
}

pub fn is_hex_color(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

fn type_label(ty: &Ty) -> String {
    match ty {
        Ty::Any => "any".into(),
        Ty::Null => "null".into(),
        Ty::String | Ty::Color => "string".into(),
        Ty::Enum(values) => {
            let quoted: Vec<String> = values.iter().map(|v| format!("\"{v}\"")).collect();
            format!("one of {}", quoted.join(", "))
        }
        Ty::Bool => "boolean".into(),
        Ty::Number => "number".into(),
        Ty::Array(_) => "array".into(),
        Ty::Object(_) | Ty::Map(_) => "object".into(),
        Ty::OneOf(tys) => {
            let mut labels: Vec<String> = tys.iter().map(type_label).collect();
            labels.dedup();
            labels.join(" or ")
        }
    }
}

fn matches_type(ty: &Ty, v: &Json) -> bool {
    matches!(
        (ty, &v.kind),
        (Ty::Any, _)
            | (Ty::String | Ty::Color | Ty::Enum(_), JsonKind::String(_))
            | (Ty::Null, JsonKind::Null)
            | (Ty::Bool, JsonKind::Bool(_))
            | (Ty::Number, JsonKind::Number(_))
            | (Ty::Array(_), JsonKind::Array(_))
            | (Ty::Object(_) | Ty::Map(_), JsonKind::Object(_))
    ) || matches!(ty, Ty::OneOf(tys) if tys.iter().any(|t| matches_type(t, v)))
}

impl Validator {
    fn push(&mut self, kind: IssueKind, span: Span, path: &[Step]) {
        self.out.push(SchemaIssue {
            kind,
            span,
            path: render(path),
        });
    }

    fn check<'v>(
        &mut self,
        v: &'v Json,
        ty: &Ty,
        themable: bool,
        path: &mut Vec<Step<'v>>,
        depth: usize,
    ) {
        if !matches_type(ty, v) {
            self.push(
                IssueKind::Type {
                    expected: type_label(ty),
                    found: v.type_name(),
                },
                v.span,
                path,
            );
            return;
        }
        match (ty, &v.kind) {
            (Ty::Enum(allowed), JsonKind::String(s)) => {
                let is_var = themable && s.starts_with('@') && s.len() > 1;
                if !allowed.contains(&s.as_str()) && !is_var {
                    self.push(
                        IssueKind::Enum {
                            allowed,
                            found: s.clone(),
                            themable,
                        },
                        v.span,
                        path,
                    );
                }
            }
            (Ty::Color, JsonKind::String(s)) => {
                let is_var = themable && s.starts_with('@') && s.len() > 1;
                if !is_hex_color(s) && !is_var {
                    self.push(
                        IssueKind::Color {
                            found: s.clone(),
                            themable,
                        },
                        v.span,
                        path,
                    );
                }
            }
            (Ty::Array(item), JsonKind::Array(items)) => {
                for (i, it) in items.iter().enumerate() {
                    path.push(Step::Index(i));
                    self.check(it, item, false, path, depth + 1);
                    path.pop();
                }
            }
            (Ty::Map(item), JsonKind::Object(members)) => {
                for m in members {
                    path.push(Step::Key(&m.key));
                    self.check(&m.value, item, false, path, depth + 1);
                    path.pop();
                }
            }
            (Ty::Object(obj), JsonKind::Object(members)) => {
                self.check_object(v, obj, members, path, depth)
            }
            (Ty::OneOf(tys), _) => {
                if let Some(t) = tys.iter().find(|t| matches_type(t, v)) {
                    self.check(v, t, themable, path, depth);
                }
            }
            _ => {}
        }
    }

    fn check_object<'v>(
        &mut self,
        v: &Json,
        obj: &Obj,
        members: &'v [crate::syntax::json::Member],
        path: &mut Vec<Step<'v>>,
        depth: usize,
    ) {
        for key in obj.required {
            if !members.iter().any(|m| m.key == *key) {
                path.push(Step::Key(key));
                // Point at the opening brace: the object the key is missing from.
                let span = Span::new(v.span.start as usize, v.span.start as usize + 1);
                self.push(IssueKind::Required { key }, span, path);
                path.pop();
            }
        }
        for m in members {
            path.push(Step::Key(&m.key));
            match obj.fields.iter().find(|f| f.name == m.key) {
                Some(field) => self.check(&m.value, &field.ty, field.themable, path, depth + 1),
                None if obj.open => {}
                // A `window` object in a page json has its own rule.
                None if depth == 0
                    && matches!(self.role, JsonRole::Page | JsonRole::Component)
                    && m.key == "window" => {}
                None => {
                    let belongs_in = if depth == 0 {
                        self.key_hints
                            .iter()
                            .find(|(fields, _)| fields.iter().any(|f| f.name == m.key))
                            .map(|(_, place)| *place)
                    } else {
                        None
                    };
                    let ranked = if belongs_in.is_some() {
                        None
                    } else {
                        suggest_ranked(&m.key, obj.fields.iter().map(|f| f.name))
                    };
                    self.push(
                        IssueKind::UnknownKey {
                            key: m.key.clone(),
                            suggestion: ranked.map(|(s, _)| s),
                            unique: ranked.is_some_and(|(_, unique)| unique),
                            belongs_in,
                        },
                        m.key_span,
                        path,
                    );
                }
            }
            path.pop();
        }
    }
}

/// The closest candidate by edit distance (case-insensitive), if it is close enough.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    suggest_ranked(word, candidates).map(|(c, _)| c)
}

/// [`suggest`], and whether no other candidate is as close (a fix may then rename to it).
pub fn suggest_ranked<'a>(
    word: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<(&'a str, bool)> {
    let limit = (word.chars().count() / 3).clamp(1, 4);
    let w = word.to_lowercase();
    let w_len = w.chars().count();
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for c in candidates {
        // The distance is at least the difference in length: a candidate that cannot be
        // within the limit costs nothing (a 1 MB key took 1.9 s against every field name).
        let c_len = c.chars().count();
        if w_len.abs_diff(c_len) > limit {
            continue;
        }
        let d = edit_distance(&w, &c.to_lowercase());
        // Ties go to the smallest name, so the answer never depends on iteration order.
        match best {
            Some((bd, bc)) if d == bd && c != bc => {
                tied = true;
                if c < bc {
                    best = Some((d, c));
                }
            }
            Some((bd, _)) if d >= bd => {}
            _ => {
                best = Some((d, c));
                tied = false;
            }
        }
    }
    let (d, c) = best?;
    (d <= limit).then_some((c, !tied))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::parse;

    #[test]
    fn suggestion_ties_do_not_depend_on_order() {
        let names = ["wxParse10", "wxParse1", "wxParse11"];
        let forward = suggest("wxParse12", names.iter().copied());
        let backward = suggest("wxParse12", names.iter().rev().copied());
        assert_eq!(forward, Some("wxParse1"));
        assert_eq!(backward, forward);
    }

    fn issues(role: JsonRole, text: &str) -> Vec<IssueKind> {
        validate(role, &parse(text).unwrap())
            .into_iter()
            .map(|i| i.kind)
            .collect()
    }

    #[test]
    fn suggestions() {
        let keys = ["usingComponents", "pages", "window"];
        assert_eq!(
            suggest("usingComponent", keys.into_iter()),
            Some("usingComponents")
        );
        assert_eq!(suggest("Pages", keys.into_iter()), Some("pages"));
        assert_eq!(suggest("zzz", keys.into_iter()), None);
    }

    #[test]
    fn colors() {
        for ok in ["#fff", "#ffff", "#A0b1C2", "#00000080"] {
            assert!(is_hex_color(ok), "{ok}");
        }
        for bad in ["red", "#ff", "#fffff", "fff", "#ggg", "#fff "] {
            assert!(!is_hex_color(bad), "{bad}");
        }
    }

    #[test]
    fn app_json_findings() {
        let found = issues(
            JsonRole::App,
            r##"{"pages": ["a"], "usingComponent": {}, "navigationBarTitleText": "x",
                "window": {"navigationBarTextStyle": "blue", "backgroundColor": "@bg",
                           "navigationBarBackgroundColor": "red", "enablePullDownRefresh": "yes"}}"##,
        );
        assert_eq!(found.len(), 5, "{found:#?}");
        assert!(matches!(
            &found[0],
            IssueKind::UnknownKey {
                suggestion: Some("usingComponents"),
                ..
            }
        ));
        assert!(matches!(
            &found[1],
            IssueKind::UnknownKey {
                belongs_in: Some("window"),
                ..
            }
        ));
        assert!(matches!(&found[2], IssueKind::Enum { found, .. } if found == "blue"));
        assert!(matches!(&found[3], IssueKind::Color { found, .. } if found == "red"));
        assert!(matches!(
            &found[4],
            IssueKind::Type {
                found: "string",
                ..
            }
        ));
    }

    #[test]
    fn required_and_page_role() {
        assert!(matches!(
            issues(JsonRole::App, "{}")[0],
            IssueKind::Required { key: "pages" }
        ));
        let page = issues(
            JsonRole::Page,
            r#"{"window": {}, "navigationBarTextStyle": 5, "pages": []}"#,
        );
        assert_eq!(page.len(), 2, "{page:#?}");
        assert!(matches!(
            &page[1],
            IssueKind::UnknownKey {
                belongs_in: Some("app.json"),
                ..
            }
        ));
    }
}
