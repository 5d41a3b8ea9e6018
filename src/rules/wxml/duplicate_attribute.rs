//! MP321: an element with the same attribute twice (`mode="aspectFill" … mode="widthFix"`).
//! `wcc` accepts it and silently keeps one of them.

use super::documents;
use crate::diagnostic::Diagnostic;
use crate::rule::{Ctx, Rule};
use std::collections::HashMap;

crate::rule_meta!(
    "MP321",
    "duplicate-attribute",
    Wxml,
    Warning,
    "An element repeats an attribute; only one of them takes effect",
    "元素中存在重复的属性，只有其中一个生效"
);

pub struct DuplicateAttribute;

impl Rule for DuplicateAttribute {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (path, doc) in documents(ctx) {
            for el in doc.elements() {
                // The first attribute of each name (one pass: an element can carry thousands).
                let mut firsts: HashMap<&str, crate::wxml::Attr> = HashMap::new();
                for a in el.attrs() {
                    let Some(&first) = firsts.get(a.name) else {
                        firsts.insert(a.name, a);
                        continue;
                    };
                    let same = first.value == a.value;
                    out.push(
                        Diagnostic::new(
                            &META,
                            path,
                            Some(a.name_span),
                            ctx.t(
                                format!("`{}` is repeated on <{}>", a.name, el.name()),
                                format!("<{}> 上重复设置了 `{}`", el.name(), a.name),
                            ),
                        )
                        .label(ctx.t("repeated".into(), "重复".into()))
                        .help(if same {
                            ctx.t("remove the repeated attribute".into(), "请删除重复的属性".into())
                        } else {
                            ctx.t(
                                "the two values differ and only one takes effect: keep the one you mean".into(),
                                "两个值不同且只有一个生效：请保留需要的那个".into(),
                            )
                        })
                        .related(path, Some(first.name_span), ctx.t("first set here".into(), "首次设置于此".into())),
                    );
                }
            }
        }
    }
}
