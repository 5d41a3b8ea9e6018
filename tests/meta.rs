//! The registry's invariants: unique codes and names, a doc per rule holding only what is not
//! generated from the rule's metadata, a complete `mpcheck explain` page, fixtures per rule and
//! in the docs, and rules/README.md in sync with `mpcheck rules --format markdown`.

mod common;

use common::*;
use mpcheck::lint::rules::RULES;
use mpcheck::report::rule_doc::HEADINGS;
use std::collections::HashSet;

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut codes = HashSet::new();
    let mut names = HashSet::new();
    for r in RULES {
        let m = r.meta();
        assert!(codes.insert(m.code), "duplicate code {}", m.code);
        assert!(names.insert(m.name), "duplicate name {}", m.name);
        assert!(
            m.code.len() == 5
                && m.code.starts_with("MP")
                && m.code[2..].bytes().all(|b| b.is_ascii_digit()),
            "code {} is MP + three digits",
            m.code
        );
        assert!(
            m.name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "name {} is kebab-case",
            m.name
        );
        assert!(
            !m.summary.is_empty() && !m.summary_zh.is_empty(),
            "{} has both summaries",
            m.code
        );
    }
    let sorted: Vec<&str> = RULES.iter().map(|r| r.meta().code).collect();
    let mut expected = sorted.clone();
    expected.sort();
    assert_eq!(sorted, expected, "RULES is kept in code order");
}

/// `rules/<CODE>.md` holds only what a person writes: the sections from "What it checks" to
/// "Fix", and optionally "Configuration" (paragraphs added after the generated ones) and
/// "Suppressing" (replacing the generated one); not the title, the summary, the group and
/// severity, nor the generated configuration and suppression text.
#[test]
fn every_doc_holds_only_the_written_parts() {
    for r in RULES {
        let m = r.meta();
        let (intro, sections) = mpcheck::report::rule_doc::split(m.doc);
        let headings: Vec<&str> = sections.iter().map(|(h, _)| *h).collect();
        let required = &HEADINGS[..4];
        assert!(
            headings.len() >= 4
                && headings[..4] == *required
                && headings[4..].iter().all(|h| HEADINGS[4..].contains(h))
                && headings[4..].is_sorted_by_key(|h| HEADINGS.iter().position(|x| x == h)),
            "rules/{}.md has the sections {headings:?}: it needs {required:?}, then optionally \
             `## Configuration` and `## Suppressing`, in that order, each once",
            m.code
        );
        let generated = [
            format!("# {} {}", m.code, m.name),
            m.summary.to_string(),
            m.summary_zh.to_string(),
            format!("Group `{}`", m.group.as_str()),
            "default severity".to_string(),
            "Change it, or turn the rule off".to_string(),
            "Levels are `off`".to_string(),
            format!("{{ \"rules\": {{ \"{}\"", m.code),
            format!("{{ \"rules\": {{ \"{}\"", m.name),
            mpcheck::report::rule_doc::configuration(m),
            mpcheck::report::rule_doc::suppressing(m),
        ];
        for g in &generated {
            assert!(
                !m.doc.contains(g.as_str()),
                "rules/{}.md contains `{g}`, which `mpcheck explain` generates from the rule's \
                 metadata: remove it",
                m.code
            );
        }
        assert!(
            !intro.starts_with('#'),
            "rules/{}.md: the title is generated",
            m.code
        );
    }
}

/// `mpcheck explain` prints the title, the summaries, the group and severity, and every section.
#[test]
fn every_rule_page_is_complete() {
    for r in RULES {
        let m = r.meta();
        let page = mpcheck::cli::explain_text(m, mpcheck::base::i18n::Lang::En);
        let title = format!("# {} {}\n\n", m.code, m.name);
        assert!(page.starts_with(&title), "{}: {title:?}", m.code);
        for part in [
            m.summary,
            m.summary_zh,
            &format!(
                "Group `{}`, default severity **{}**",
                m.group.as_str(),
                m.severity.as_str()
            ),
            &format!("{{ \"rules\": {{ \"{}\"", m.code),
            &format!("{{ \"rules\": {{ \"{}\"", m.name),
        ] {
            assert!(page.contains(part), "{}'s page lacks `{part}`", m.code);
        }
        assert_eq!(
            m.off_by_default,
            page.contains("off by default: set a level to run it"),
            "{}'s page says whether it is off by default",
            m.code
        );
        let headings: Vec<&str> = page.lines().filter(|l| l.starts_with("## ")).collect();
        assert_eq!(
            headings, HEADINGS,
            "{}'s page has every section once",
            m.code
        );
    }
}

/// A doc quotes fixtures as `fixtures/rules/<CODE>/<case>.txt`; each must be a case.
#[test]
fn every_fixture_named_in_a_doc_exists() {
    let cases: HashSet<String> = common::cases::all()
        .iter()
        .map(|c| format!("{}/{}", c.code, c.name))
        .collect();
    let mut named = 0;
    for r in RULES {
        let m = r.meta();
        for (at, _) in m.doc.match_indices("fixtures/rules/") {
            let rest = &m.doc[at + "fixtures/rules/".len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || "_-./".contains(c)))
                .unwrap_or(rest.len());
            let path = rest[..end].trim_end_matches('.');
            let mut parts = path.splitn(3, '/');
            let (code, file) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            // `CODE/case.txt`, or `CODE/case/file` where a finding quotes a file of the case
            // as the test writes it out.
            let inside = parts.next().is_some();
            let case = if inside {
                file
            } else {
                file.strip_suffix(".txt").unwrap_or_else(|| {
                    panic!(
                        "rules/{}.md names `fixtures/rules/{path}`: a case is \
                         `fixtures/rules/<CODE>/<case>.txt`",
                        m.code
                    )
                })
            };
            assert!(
                cases.contains(&format!("{code}/{case}")),
                "rules/{}.md names `fixtures/rules/{path}`, which is not a case",
                m.code
            );
            named += 1;
        }
    }
    assert!(named > 100, "only {named} fixtures named in the docs");
}

#[test]
fn every_doc_belongs_to_a_rule() {
    let codes: HashSet<&str> = RULES.iter().map(|r| r.meta().code).collect();
    for entry in std::fs::read_dir(root().join("rules")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == "README.md" {
            continue;
        }
        let code = name
            .strip_suffix(".md")
            .unwrap_or_else(|| panic!("rules/{name} is not .md"));
        assert!(codes.contains(code), "rules/{name} has no registered rule");
    }
}

#[test]
fn every_rule_has_fail_and_pass_fixtures() {
    let cases = common::cases::all();
    for r in RULES {
        let code = r.meta().code;
        let names: Vec<&str> = cases
            .iter()
            .filter(|c| c.code == code)
            .map(|c| c.name.as_str())
            .collect();
        assert!(
            names.iter().any(|c| c.starts_with("fail-")),
            "{code} has no fail-* case (fixtures/rules/{code}/fail-*.txt)"
        );
        assert!(
            names.iter().any(|c| c.starts_with("pass-")),
            "{code} has no pass-* case (fixtures/rules/{code}/pass-*.txt)"
        );
    }
    let codes: HashSet<String> = RULES.iter().map(|r| r.meta().code.to_string()).collect();
    for dir in subdirs(&root().join("fixtures/rules")) {
        assert!(
            codes.contains(&name(&dir)),
            "fixtures/rules/{} has no rule",
            name(&dir)
        );
    }
}

#[test]
fn rules_index_is_in_sync() {
    let expected = mpcheck::cli::markdown_index();
    let actual = std::fs::read_to_string(root().join("rules/README.md")).unwrap_or_default();
    assert!(
        actual == expected,
        "rules/README.md is stale: run `cargo run -- rules --format markdown > rules/README.md`"
    );
}

/// fixtures/rules/<CODE>/ holds cases (`<name>.txt`) and their snapshots (`<name>.snap`), and
/// nothing else but a README.md and the key folders src/'s unit tests read; the snapshots that were in
/// tests/snapshots (`rules__<CODE>__<name>.snap`) are gone.
#[test]
fn no_stale_rule_snapshots() {
    for entry in std::fs::read_dir(root().join("tests/snapshots")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            !name.starts_with("rules__"),
            "tests/snapshots/{name}: rule snapshots are beside their case in fixtures/rules"
        );
    }
    for dir in subdirs(&root().join("fixtures/rules")) {
        let code = name(&dir);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let file = name(&path);
            let id = format!("{code}/{}", file.split('.').next().unwrap());
            if path.is_dir() {
                panic!(
                    "fixtures/rules/{code}/{file}: a case is a .txt file (fixtures/rules/README.md)"
                );
            } else if file == "README.md" {
                // Notes on the rule's cases.
            } else if let Some(case) = file.strip_suffix(".snap") {
                assert!(
                    dir.join(format!("{case}.txt")).is_file(),
                    "fixtures/rules/{code}/{file} has no case: delete it"
                );
            } else {
                assert!(
                    file.ends_with(".txt")
                        && dir
                            .join(format!("{}.snap", &file[..file.len() - 4]))
                            .is_file(),
                    "fixtures/rules/{code}/{file}: only <case>.txt and its <case>.snap ({id})"
                );
            }
        }
    }
}

/// Each rule's type is its name in CamelCase (`for-without-key` is `ForWithoutKey`), so the
/// registry, the docs and the code name a rule the same way.
#[test]
fn rule_types_are_named_as_their_rules() {
    let mut wrong = Vec::new();
    for rule in mpcheck::lint::rules::RULES {
        let m = rule.meta();
        let camel: String = m
            .name
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect();
        if camel != m.type_name {
            wrong.push(format!(
                "{} {}: type {} (expected {camel})",
                m.code, m.name, m.type_name
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// A rule whose source reads an analysis names it in `needs` (the engine prepares only those;
/// `tests/common.rs` also checks at run time that nothing was started late), and one that
/// implements a per-item check names it in `hooks` (the engine calls only those).
#[test]
fn rules_name_the_analyses_they_read_and_their_hooks() {
    use mpcheck::base::diagnostic::{Hook, Need};
    let reads: &[(Need, &[&str])] = &[
        (Need::Schemas, &["schema_issues(", ".role(", "var_uses("]),
        (Need::Sites, &["known(", "sites("]),
        (Need::Upload, &[".upload()"]),
    ];
    let mut sources = Vec::new();
    let mut stack = vec![root().join("src/lint/rules")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "mod.rs") {
                sources.push(path);
            }
        }
    }
    let hooks = [
        (Hook::File, "fn check_file("),
        (Hook::Wxml, "fn check_wxml("),
        (Hook::Module, "fn check_module("),
    ];
    let mut missing = Vec::new();
    let mut unmatched = Vec::new();
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        let Some(at) = code.find("code: \"MP") else {
            continue;
        };
        let rule_code = &code[at + 7..at + 12];
        let Some(rule) = mpcheck::lint::rules::find(rule_code) else {
            continue;
        };
        for (need, patterns) in reads {
            if patterns.iter().any(|p| code.contains(p)) && !rule.meta().needs.contains(need) {
                missing.push(format!("{rule_code} reads {need:?}"));
            }
        }
        for (hook, method) in hooks {
            if code.contains(method) != rule.meta().hooks.contains(&hook) {
                unmatched.push(format!("{rule_code}: {method} and `hooks: [{hook:?}]`"));
            }
        }
    }
    assert!(missing.is_empty(), "add to `needs`: {}", missing.join(", "));
    assert!(
        unmatched.is_empty(),
        "a rule declares the hooks it implements (the engine calls no other): {}",
        unmatched.join(", ")
    );
}
