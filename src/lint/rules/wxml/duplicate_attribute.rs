//! MP321: an element with the same attribute twice (`mode="aspectFill" … mode="widthFix"`).
//! `wcc` accepts it and silently keeps one of them. One finding per repeated name and element.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::{Attr, Document};
use std::collections::HashMap;

crate::declare_rule! {
    DuplicateAttribute, code: "MP321", name: "duplicate-attribute", group: Wxml, severity: Warning,
    summary: ["An element repeats an attribute; only one of them takes effect", "元素中存在重复的属性，只有其中一个生效"],
    hooks: [Wxml],
}

/// A tag or attribute name for a message: at most 64 characters (a generated 50,000-character
/// name repeated in every message took a gigabyte).
fn shown(name: &str) -> std::borrow::Cow<'_, str> {
    match name.char_indices().nth(64) {
        Some((end, _)) => format!("{}…", &name[..end]).into(),
        None => name.into(),
    }
}

/// The finding at the first repeat `a` of the attribute `first` on <`tag`>, repeated `n` times.
fn repeated(ctx: &Ctx, path: &str, tag: &str, a: Attr, first: Attr, n: usize) -> Diagnostic {
    let name = shown(a.name);
    let (times_en, times_zh) = if n > 1 {
        (
            format!(" ({} times)", n + 1),
            format!("（共 {} 次）", n + 1),
        )
    } else {
        (String::new(), String::new())
    };
    let same = first.value == a.value;
    Diagnostic::new(
        &META,
        path,
        Some(a.name_span),
        ctx.t(
            format!("`{name}` is repeated on <{tag}>{times_en}"),
            format!("<{tag}> 上重复设置了 `{name}`{times_zh}"),
        ),
    )
    .label(ctx.t("repeated".into(), "重复".into()))
    .help(if same {
        ctx.t(
            "remove the repeated attribute".into(),
            "请删除重复的属性".into(),
        )
    } else {
        ctx.t(
            "the two values differ and only one takes effect: keep the one you mean".into(),
            "两个值不同且只有一个生效：请保留需要的那个".into(),
        )
    })
    .related(
        path,
        Some(first.name_span),
        ctx.t("first set here".into(), "首次设置于此".into()),
    )
}

impl Rule for DuplicateAttribute {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        for el in doc.elements() {
            // The parser noted whether a name may repeat (compared among the first 16, or
            // more attributes than that): most elements are passed at once.
            if !el.may_repeat_attribute() {
                continue;
            }
            // The first attribute of each name and how often it repeats (one pass: an
            // element can carry thousands). One finding per repeated name, at its first
            // repeat: deleting the extras is one edit.
            let mut seen: HashMap<&str, (Attr, usize)> = HashMap::new();
            let mut repeats = Vec::new();
            for a in el.attrs() {
                match seen.get_mut(a.name) {
                    None => {
                        seen.insert(a.name, (a, 0));
                    }
                    Some((_, n)) => {
                        *n += 1;
                        if *n == 1 {
                            repeats.push(a);
                        }
                    }
                }
            }
            let tag = shown(el.name());
            for a in repeats {
                let (first, n) = seen[a.name];
                out.push(repeated(ctx, path, &tag, a, first, n));
            }
        }
    }
}
