//! MP003: an object repeats a key. `JSON.parse` keeps the last one and silently drops the
//! others, so an edit to the first has no effect.

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::ProjectFile;
use crate::syntax::json::{Json, JsonKind};
use rustc_hash::FxHashMap as HashMap;

crate::declare_rule! {
    DuplicateJsonKey, code: "MP003", name: "duplicate-json-key", group: Json, severity: Warning,
    summary: ["A JSON object repeats a key; only the last one takes effect", "JSON 对象中存在重复的键，只有最后一个生效"],
    hooks: [File],
}

/// The finding at an earlier `key` (at `key_span`) that the same key at `later_span` overrides.
fn duplicate_key(ctx: &Ctx, path: &str, key: &str, key_span: Span, later_span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(key_span),
        ctx.t(
            format!("duplicate key \"{}\": this value is ignored", key),
            format!("重复的键 \"{}\"：此处的值被忽略", key),
        ),
    )
    .label(ctx.t("ignored".into(), "被忽略".into()))
    .help(ctx.t(
        "merge the two entries; JSON.parse keeps only the last one".into(),
        "请合并这两处配置；JSON.parse 只保留最后一个".into(),
    ))
    .related(
        path,
        Some(later_span),
        ctx.t("this later key wins".into(), "以这里的键为准".into()),
    )
}

impl Rule for DuplicateJsonKey {
    fn check_file(&self, ctx: &Ctx, file: &ProjectFile, out: &mut Vec<Diagnostic>) {
        if let Some(value) = file.json.as_ref().and_then(|d| d.value()) {
            visit(ctx, &file.path, value, out);
        }
    }
}

/// Whether two members have the same key (asked of every object of every JSON file: small
/// ones, most of them, are compared pairwise without allocating).
fn repeats_a_key(members: &[crate::syntax::json::Member]) -> bool {
    if members.len() <= 16 {
        return members
            .iter()
            .enumerate()
            .any(|(i, m)| members[..i].iter().any(|e| e.key == m.key));
    }
    let mut seen = rustc_hash::FxHashSet::default();
    !members.iter().all(|m| seen.insert(m.key.as_str()))
}

fn visit(ctx: &Ctx, path: &str, v: &Json, out: &mut Vec<Diagnostic>) {
    match &v.kind {
        JsonKind::Object(members) if !repeats_a_key(members) => {
            members.iter().for_each(|m| visit(ctx, path, &m.value, out))
        }
        JsonKind::Object(members) => {
            let last: HashMap<&str, usize> = members
                .iter()
                .enumerate()
                .map(|(i, m)| (m.key.as_str(), i))
                .collect();
            // An earlier duplicate whose value equals the winner's goes (it changes nothing).
            let same: Vec<bool> = members
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let winner = last[m.key.as_str()];
                    winner != i
                        && crate::syntax::json_edit::same_value(&m.value, &members[winner].value)
                })
                .collect();
            let mut fixes = if same.contains(&true) {
                crate::syntax::json_edit::remove_members(path, v, &same)
            } else {
                vec![None; members.len()]
            };
            for (i, m) in members.iter().enumerate() {
                let winner = last[m.key.as_str()];
                if winner != i {
                    let later = &members[winner];
                    out.push(
                        duplicate_key(ctx, path, &m.key, m.key_span, later.key_span)
                            .fix(fixes[i].take()),
                    );
                }
                visit(ctx, path, &m.value, out);
            }
        }
        JsonKind::Array(items) => items.iter().for_each(|i| visit(ctx, path, i, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::repeats_a_key;
    use crate::syntax::json::{JsonKind, parse};

    fn members_of(text: &str) -> Vec<crate::syntax::json::Member> {
        match parse(text).unwrap().kind {
            JsonKind::Object(members) => members,
            _ => unreachable!(),
        }
    }

    /// Small objects are compared pairwise, large ones through a set: both find the repeat.
    #[test]
    fn a_repeated_key_is_found_in_small_and_large_objects() {
        for n in [2, 16, 17, 40] {
            let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\": {i}")).collect();
            let distinct = format!("{{{}}}", keys.join(", "));
            assert!(!repeats_a_key(&members_of(&distinct)), "{n}");
            let repeated = format!("{{{}, \"k0\": 1}}", keys.join(", "));
            assert!(repeats_a_key(&members_of(&repeated)), "{n}");
        }
    }
}
