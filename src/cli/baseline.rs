//! Baselines, for adopting mpcheck on a project that already has findings:
//! `check --update-baseline FILE` records every current finding in FILE, and
//! `check --baseline FILE` reports only the findings FILE does not hold.
//!
//! A finding is recorded as its rule, its file (project-relative) and two hashes of its text,
//! never a line number or byte offset, so an entry survives edits elsewhere in the file:
//!
//! - `fingerprint`: what the finding is about: rule, file and the text under its span
//!   (whitespace collapsed; head and tail of a long span). A finding without a span (a whole
//!   file: an unused file, a package over a size) is identified by rule and file alone. The
//!   message is not part of it: it is in the language of the run (`--lang`), its wording may
//!   change between mpcheck versions, and it carries sizes, counts and JSON indexes
//!   (`["pages"][2]`) that change with unrelated edits.
//! - `context`: where it is: three 32-bit hashes of the trimmed text of the span's line and
//!   of the nearest non-blank lines before and after it.
//!
//! Matching is a multiset: an entry with `count` N absorbs at most N findings with its rule,
//! file and fingerprint, the ones whose context agrees best first (all three lines, then two,
//! one, none). So a line inserted right above a finding still matches it (two of three), and
//! of two identical findings, the one with the recorded neighbourhood is absorbed and the new
//! copy is reported. Entries that absorb nothing are stale, reported as MP004 like stale
//! suppressions. The file is JSON, sorted by file, rule and hashes (stable under edits, so a
//! diff shows only what changed), with `version` 1 and each entry's message for reviewers.
//!
//! `--update-baseline FILE` alone writes every finding (from scratch); with `--baseline OLD`
//! it prunes: it writes the findings OLD absorbed and keeps the entries of rules that did not
//! run, but adds no new finding, which stays reported. Either way the output and the exit
//! code are those of a check against the baseline just written.

use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::{Lang, Text};
use crate::base::source::{Decoded, Source, Span};
use crate::lint::config::Config;
use crate::lint::rule::RuleMeta;
use crate::project::Project;
use crate::report::fingerprint::{Context, Key, key_of, normalise};
use crate::syntax::json::{Json, JsonKind};
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

/// The format version written and read.
pub const VERSION: u64 = 1;
/// The largest baseline file read.
pub const MAX_BASELINE_BYTES: u64 = 64 * 1024 * 1024;
/// Messages longer than this (chars) are cut in the file (they are only for reviewers).
const MAX_MESSAGE_CHARS: usize = 300;

/// One entry of a baseline file.
#[derive(Debug, Clone)]
struct Entry {
    rule: String,
    file: String,
    key: Key,
    count: usize,
    message: String,
    /// Where it is in the file read (`None` for entries made in this run).
    span: Option<Span>,
}

#[derive(Serialize)]
struct FileOut<'a> {
    version: u64,
    findings: Vec<EntryOut<'a>>,
}

#[derive(Serialize)]
struct EntryOut<'a> {
    rule: &'a str,
    file: &'a str,
    message: &'a str,
    fingerprint: String,
    context: String,
    #[serde(skip_serializing_if = "is_one")]
    count: usize,
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

fn hex_context(c: &Context) -> String {
    format!("{:08x}{:08x}{:08x}", c[0], c[1], c[2])
}

/// The file's bytes: entries with the same rule, file and key merged (counts added), sorted
/// by file, rule, fingerprint and context, pretty JSON ending in a newline.
fn serialise(entries: &[Entry]) -> String {
    let mut merged: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut sorted: Vec<&Entry> = entries.iter().collect();
    sorted.sort_by(|a, b| {
        (&a.file, &a.rule, a.key)
            .cmp(&(&b.file, &b.rule, b.key))
            .then_with(|| a.message.cmp(&b.message))
    });
    for e in sorted {
        match merged.last_mut() {
            Some(m) if m.file == e.file && m.rule == e.rule && m.key == e.key => {
                m.count += e.count;
            }
            _ => merged.push(e.clone()),
        }
    }
    let out = FileOut {
        version: VERSION,
        findings: merged
            .iter()
            .map(|e| EntryOut {
                rule: &e.rule,
                file: &e.file,
                message: &e.message,
                fingerprint: format!("{:016x}", e.key.fingerprint),
                context: hex_context(&e.key.context),
                count: e.count,
            })
            .collect(),
    };
    let mut s = crate::report::json::to_string_pretty(&out);
    s.push('\n');
    s
}

fn short_message(m: &str) -> String {
    let one_line = m.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= MAX_MESSAGE_CHARS {
        return one_line;
    }
    let mut s: String = one_line.chars().take(MAX_MESSAGE_CHARS).collect();
    s.push('…');
    s
}

/// Why a baseline file could not be used.
#[derive(Debug, PartialEq)]
pub struct LoadError(pub String);

/// Parses the text of a baseline file (`name` is how messages call it).
fn parse(text: &str, name: &str) -> Result<Vec<Entry>, LoadError> {
    let src = Source::new(Arc::from(text));
    let at = |span: Span| {
        let p = src.position(span.start);
        format!("{name}:{}:{}", p.line, p.column)
    };
    let root = crate::syntax::json::parse(text).map_err(|e| {
        LoadError(format!(
            "invalid baseline {}: {}",
            at(Span::new(e.offset, e.offset)),
            e.message.en()
        ))
    })?;
    let bad = |span: Span, what: &str| LoadError(format!("invalid baseline {}: {what}", at(span)));
    let members = root.as_object().ok_or_else(|| {
        bad(
            root.span,
            "expected an object with \"version\" and \"findings\"",
        )
    })?;
    for m in members {
        if m.key != "version" && m.key != "findings" {
            return Err(bad(
                m.key_span,
                &format!("unknown key \"{}\"", crate::base::escape::line(&m.key)),
            ));
        }
    }
    let version = root
        .get("version")
        .ok_or_else(|| bad(root.span, "no \"version\""))?;
    match version.kind {
        JsonKind::Number(n) if n == VERSION as f64 => {}
        _ => {
            let shown =
                &text[src.clamp(version.span.start as usize)..src.clamp(version.span.end as usize)];
            return Err(LoadError(format!(
                "baseline {} has version {}; this mpcheck reads version {VERSION} (write a new one with --update-baseline)",
                at(version.span),
                crate::base::escape::line(&normalise(shown))
            )));
        }
    }
    let findings = root
        .get("findings")
        .ok_or_else(|| bad(root.span, "no \"findings\""))?;
    let list = findings
        .as_array()
        .ok_or_else(|| bad(findings.span, "\"findings\" must be an array"))?;
    let mut entries = Vec::with_capacity(list.len());
    for item in list {
        entries.push(parse_entry(item, &bad)?);
    }
    Ok(entries)
}

fn parse_entry(item: &Json, bad: &dyn Fn(Span, &str) -> LoadError) -> Result<Entry, LoadError> {
    let members = item
        .as_object()
        .ok_or_else(|| bad(item.span, "each finding must be an object"))?;
    for m in members {
        if !["rule", "file", "message", "fingerprint", "context", "count"].contains(&m.key.as_str())
        {
            return Err(bad(
                m.key_span,
                &format!("unknown key \"{}\"", crate::base::escape::line(&m.key)),
            ));
        }
    }
    let string = |key: &str| -> Result<&str, LoadError> {
        let v = item
            .get(key)
            .ok_or_else(|| bad(item.span, &format!("a finding without \"{key}\"")))?;
        v.as_str()
            .ok_or_else(|| bad(v.span, &format!("\"{key}\" must be a string")))
    };
    let hex = |key: &str, digits: usize| -> Result<u128, LoadError> {
        let s = string(key)?;
        let span = item.get(key).map_or(item.span, |v| v.span);
        if s.len() != digits || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(
                span,
                &format!("\"{key}\" must be {digits} hexadecimal digits"),
            ));
        }
        u128::from_str_radix(s, 16).map_err(|_| bad(span, "not hexadecimal"))
    };
    let rule = string("rule")?.to_string();
    let file = string("file")?.to_string();
    let fingerprint = hex("fingerprint", 16)? as u64;
    let c = hex("context", 24)?;
    let context = [(c >> 64) as u32, (c >> 32) as u32, c as u32];
    let count = match item.get("count") {
        None => 1,
        Some(v) => match v.kind {
            JsonKind::Number(n) if n >= 1.0 && n <= u32::MAX as f64 && n.fract() == 0.0 => {
                n as usize
            }
            _ => return Err(bad(v.span, "\"count\" must be a whole number from 1")),
        },
    };
    let message = match item.get("message") {
        None => String::new(),
        Some(_) => string("message")?.to_string(),
    };
    Ok(Entry {
        rule,
        file,
        key: Key {
            fingerprint,
            context,
        },
        count,
        message,
        // The message (what a reviewer reads) when there is one, else the whole entry.
        span: Some(item.get("message").map_or(item.span, |m| m.span)),
    })
}

/// Reads and parses a baseline file.
fn load(path: &Path, name: &str) -> Result<(Arc<str>, Vec<Entry>), LoadError> {
    let bytes = crate::base::fsread::read_capped(path, MAX_BASELINE_BYTES).map_err(|e| {
        LoadError(match e {
            crate::base::fsread::ReadError::NotFound => format!(
                "baseline {name} not found (write it with `mpcheck check --update-baseline {name}`)"
            ),
            e => format!("baseline {name} {}", e.describe()),
        })
    })?;
    let text = match crate::base::source::decode(bytes) {
        Decoded::Text { text, .. } => text,
        Decoded::NotUtf8 { valid_up_to, .. } => {
            return Err(LoadError(format!(
                "invalid baseline {name}: not UTF-8 (at byte {valid_up_to})"
            )));
        }
    };
    let entries = parse(&text, name)?;
    Ok((Arc::from(text), entries))
}

/// Where a baseline file is, as the findings name files: relative to the project folder,
/// with `/` (`../` when it is outside), and whether it is inside.
fn locate(project_dir: &Path, path: &Path) -> Option<(String, bool)> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().ok()?.join(path)
    };
    let name = absolute.file_name()?;
    let parent = absolute.parent()?.canonicalize().ok()?;
    let full = parent.join(name);
    if let Ok(rel) = full.strip_prefix(project_dir) {
        return Some((slashes(rel), true));
    }
    let ours: Vec<Component> = full.components().collect();
    let base: Vec<Component> = project_dir.components().collect();
    let common = ours.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..base.len() {
        rel.push("..");
    }
    for c in &ours[common..] {
        rel.push(c.as_os_str());
    }
    Some((slashes(&rel), false))
}

fn slashes(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// Texts of the files findings are in: the index's, else read once from disk (capped,
/// inside the project).
struct Texts<'a> {
    project: &'a Project,
    read: HashMap<String, Option<Source>>,
}

impl Texts<'_> {
    fn key(&mut self, d: &Diagnostic) -> Key {
        let source = match (d.span, self.project.source(&d.file)) {
            (None, _) => None,
            (Some(_), Some(s)) => Some(s.clone()),
            (Some(_), None) => {
                let project = self.project;
                self.read
                    .entry(d.file.clone())
                    .or_insert_with(|| {
                        let path = project.dir.join(&d.file);
                        crate::base::fsread::read_inside(
                            &project.dir,
                            &path,
                            crate::project::MAX_CODE_BYTES,
                        )
                        .ok()
                        .and_then(|b| {
                            match crate::base::source::decode(b) {
                                Decoded::Text { text, .. } => Some(Source::new(Arc::from(text))),
                                Decoded::NotUtf8 { .. } => None,
                            }
                        })
                    })
                    .clone()
            }
        };
        key_of(d.rule.code, &d.file, d.span, source.as_ref())
    }
}

/// The order context parts are compared in: all three lines, then the span's line with one
/// neighbour, the two neighbours, one line, none. Bits: 4 previous, 2 own, 1 next.
const MASKS: [u8; 8] = [7, 6, 3, 5, 2, 4, 1, 0];

/// Rule, file, fingerprint and context (masked): what one matching round compares.
type Slot<'a> = (&'a str, &'a str, u64, Context);

fn masked(c: &Context, mask: u8) -> Context {
    [
        if mask & 4 != 0 { c[0] } else { 0 },
        if mask & 2 != 0 { c[1] } else { 0 },
        if mask & 1 != 0 { c[2] } else { 0 },
    ]
}

/// Assigns findings to entries (multiset): `matched[i]` is the entry finding `i` was counted
/// against; `left[e]` what entry `e` has not absorbed.
fn assign(entries: &[Entry], findings: &[(&str, &str, Key)]) -> (Vec<Option<usize>>, Vec<usize>) {
    let mut left: Vec<usize> = entries.iter().map(|e| e.count).collect();
    let mut matched = vec![None; findings.len()];
    for mask in MASKS {
        // (rule, file, fingerprint, masked context) → (cursor, entries with that key).
        let mut by_key: HashMap<Slot, (usize, Vec<usize>)> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            if left[i] > 0 {
                by_key
                    .entry((
                        e.rule.as_str(),
                        e.file.as_str(),
                        e.key.fingerprint,
                        masked(&e.key.context, mask),
                    ))
                    .or_default()
                    .1
                    .push(i);
            }
        }
        if by_key.is_empty() {
            break;
        }
        for (f, (rule, file, key)) in findings.iter().enumerate() {
            if matched[f].is_some() {
                continue;
            }
            let Some((cursor, list)) =
                by_key.get_mut(&(*rule, *file, key.fingerprint, masked(&key.context, mask)))
            else {
                continue;
            };
            while *cursor < list.len() && left[list[*cursor]] == 0 {
                *cursor += 1;
            }
            if let Some(&e) = list.get(*cursor) {
                left[e] -= 1;
                matched[f] = Some(e);
            }
        }
    }
    (matched, left)
}

/// Whether the rule of an entry ran on its file in this check: an entry of a rule that is
/// off or about an excluded file cannot be judged stale, nor, while app.json cannot be read
/// (what is a page or a component is then unknown), any entry but a JSON syntax one.
fn judged(project: &Project, config: &Config, entry: &Entry) -> bool {
    let Some(rule) = crate::lint::rules::find(&entry.rule) else {
        // A code this mpcheck does not have (codes are never reused): nothing will match it.
        return true;
    };
    let meta: &RuleMeta = rule.meta();
    config.severity(meta).is_some()
        && (project.app_json().is_some() || meta.group == crate::lint::rule::Group::Json)
        && !project.file(&entry.file).is_some_and(|f| f.excluded)
        && !config.exclude.is_match(&entry.file)
}

/// `check --baseline` / `--update-baseline`: the findings left to report. `read` is the
/// baseline to filter by, `write` the file to write. Problems with either are said on stderr
/// (exit 2).
pub fn apply(
    project: &mut Project,
    config: &Config,
    lang: Lang,
    read: Option<&Path>,
    write: Option<&Path>,
    diagnostics: Vec<Diagnostic>,
) -> Result<Vec<Diagnostic>, ExitCode> {
    if read.is_none() && write.is_none() {
        return Ok(diagnostics);
    }
    let shown = |p: &Path| crate::cli::common::shown(p);
    // The baseline files inside the project are mpcheck's own: not "unused" or "dropped".
    let own: Vec<String> = [read, write]
        .into_iter()
        .flatten()
        .filter_map(|p| locate(&project.dir, p))
        .filter(|(_, inside)| *inside)
        .map(|(rel, _)| rel)
        .collect();
    let mut diagnostics = diagnostics;
    diagnostics.retain(|d| {
        !(own.contains(&d.file)
            && [
                crate::lint::rules::package::unused_code_file::META.code,
                crate::lint::rules::package::file_not_uploaded::META.code,
            ]
            .contains(&d.rule.code))
    });
    // Findings about command-line values are never recorded nor absorbed.
    let (recordable, arguments): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
        .into_iter()
        .partition(|d| !d.is_about_arguments());
    let keys: Vec<Key> = {
        let mut texts = Texts {
            project,
            read: HashMap::new(),
        };
        recordable.iter().map(|d| texts.key(d)).collect()
    };
    let current: Vec<Entry> = recordable
        .iter()
        .zip(&keys)
        .map(|(d, k)| Entry {
            rule: d.rule.code.to_string(),
            file: d.file.clone(),
            key: *k,
            count: 1,
            message: short_message(d.message.get(lang)),
            span: None,
        })
        .collect();

    let Some(read) = read else {
        // --update-baseline alone: every finding, from scratch.
        let write = write.expect("one of the two is given");
        write_file(write, &current)?;
        return Ok(arguments);
    };

    let (text, entries) =
        load(read, &shown(read)).map_err(|e| crate::cli::common::usage_error(&e.0))?;
    let findings: Vec<(&str, &str, Key)> = current
        .iter()
        .map(|e| (e.rule.as_str(), e.file.as_str(), e.key))
        .collect();
    let (matched, left) = assign(&entries, &findings);

    if let Some(write) = write {
        // Prune: what the old baseline absorbed (with today's keys), and the entries that
        // could not be judged; no new finding.
        let mut kept: Vec<Entry> = current
            .iter()
            .zip(&matched)
            .filter(|(_, m)| m.is_some())
            .map(|(e, _)| e.clone())
            .collect();
        for (e, &n) in entries.iter().zip(&left) {
            if n > 0 && !judged(project, config, e) {
                kept.push(Entry {
                    count: n,
                    span: None,
                    ..e.clone()
                });
            }
        }
        write_file(write, &kept)?;
    }

    let mut remaining: Vec<Diagnostic> = recordable
        .into_iter()
        .zip(&matched)
        .filter(|(_, m)| m.is_none())
        .map(|(d, _)| d)
        .collect();
    remaining.extend(arguments);

    let unused = &crate::lint::rules::meta::unused_suppression::META;
    if write.is_none()
        && let Some(severity) = config.severity(unused)
    {
        let location = locate(&project.dir, read);
        let file = location
            .as_ref()
            .map_or_else(|| slashes(read), |(rel, _)| rel.clone());
        // The entries' spans point into the text read: show it, unless the index holds a
        // different text under that name.
        let spans = location.is_some()
            && match project.source(&file) {
                Some(s) => *s.text == *text,
                None => {
                    project.add_text(file.clone(), Source::new(text.clone()));
                    true
                }
            };
        let given = shown(read);
        // One pruning command drops every stale entry: one finding, the others related.
        let mut stale: Vec<(Option<crate::base::source::Span>, Text)> = Vec::new();
        for (e, &n) in entries.iter().zip(&left) {
            if n == 0 || !judged(project, config, e) {
                continue;
            }
            let rule = crate::base::escape::line(&e.rule);
            let in_file = crate::base::escape::line(&e.file);
            let message = if e.count == 1 {
                Text::new(
                    format!("no {rule} finding in {in_file} matches it"),
                    format!("{in_file} 中没有与之匹配的 {rule} 问题"),
                )
            } else {
                Text::new(
                    format!(
                        "{n} of its {} {rule} findings in {in_file} no longer occur",
                        e.count
                    ),
                    format!(
                        "{in_file} 中记录的 {} 个 {rule} 问题有 {n} 个已不存在",
                        e.count
                    ),
                )
            };
            stale.push((if spans { e.span } else { None }, message));
        }
        if let Some((span, first)) = stale.first() {
            let message = if stale.len() == 1 {
                Text::new(
                    format!("stale baseline entry: {}", first.en()),
                    format!("过期的基线条目：{}", first.zh()),
                )
            } else {
                Text::new(
                    format!(
                        "{} stale baseline entries; the first: {}",
                        stale.len(),
                        first.en()
                    ),
                    format!("{} 个过期的基线条目；第一个：{}", stale.len(), first.zh()),
                )
            };
            let them = if stale.len() == 1 { "it" } else { "them" };
            let mut d = Diagnostic::new(unused, file.clone(), *span, message).help(Text::new(
                format!(
                    "run `mpcheck check --baseline {given} --update-baseline {given}` to drop {them}"
                ),
                format!(
                    "运行 `mpcheck check --baseline {given} --update-baseline {given}` 删除过期条目"
                ),
            ));
            for (span, message) in &stale[1..] {
                let message = Text::new(
                    format!("stale baseline entry: {}", message.en()),
                    format!("过期的基线条目：{}", message.zh()),
                );
                d = d.related(file.clone(), *span, message);
            }
            d.severity = severity;
            remaining.push(d);
        }
        crate::lint::engine::sort_in(&mut remaining, lang);
    }
    Ok(remaining)
}

fn write_file(path: &Path, entries: &[Entry]) -> Result<(), ExitCode> {
    let bytes = serialise(entries);
    crate::base::fsread::write_replacing(path, bytes.as_bytes()).map_err(|e| {
        crate::cli::common::usage_error(&format!(
            "cannot write the baseline {}: {e}",
            crate::cli::common::shown(path)
        ))
    })?;
    let n: usize = entries.iter().map(|e| e.count).sum();
    eprintln!(
        "mpcheck: wrote {n} finding{} to {}",
        if n == 1 { "" } else { "s" },
        crate::cli::common::shown(path)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::fingerprint::Fnv;

    fn src(text: &str) -> Source {
        Source::new(Arc::from(text))
    }

    #[test]
    fn fnv_is_the_standard_one() {
        let mut h = Fnv::new();
        h.bytes(b"a");
        assert_eq!(h.0, 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv::new();
        h.bytes(b"foobar");
        assert_eq!(h.0, 0x8594_4171_f739_67e8);
    }

    /// The hashes are part of the file format: a change here makes every baseline stale.
    #[test]
    fn keys_are_stable() {
        let s = src("{\n  \"a\": 1,\n\n  \"color\": \"red\"\n}\n");
        let at = s.text.find("\"red\"").unwrap();
        let k = key_of("MP102", "app.json", Some(Span::new(at, at + 5)), Some(&s));
        assert_eq!(
            (format!("{:016x}", k.fingerprint), hex_context(&k.context)),
            (
                "d1afe5241c9f003e".to_string(),
                "c7c5a23cbfa34c796ae82669".to_string()
            )
        );
    }

    #[test]
    fn keys_ignore_line_numbers_and_spacing() {
        let a = src("x\nfoo(  'http://a' )\ny\n");
        let b = src("new\n\nx\n\n\nfoo( 'http://a' )\ny\n");
        let span = |s: &Source| {
            let at = s.text.find("'http").unwrap();
            Some(Span::new(at, at + 10))
        };
        let ka = key_of("MP301", "a.js", span(&a), Some(&a));
        let kb = key_of("MP301", "a.js", span(&b), Some(&b));
        assert_eq!(ka, kb);
        // Another file, another rule: another fingerprint.
        assert_ne!(
            key_of("MP301", "b.js", span(&a), Some(&a)).fingerprint,
            ka.fingerprint
        );
        assert_ne!(
            key_of("MP302", "a.js", span(&a), Some(&a)).fingerprint,
            ka.fingerprint
        );
        // Without a span: rule and file only.
        let whole = key_of("MP410", "a.js", None, Some(&a));
        assert_eq!(whole, key_of("MP410", "a.js", None, None));
        assert_eq!(whole.context, [0; 3]);
    }

    #[test]
    fn hostile_spans_do_not_panic() {
        let s = src("中文\n😀");
        for (a, b) in [(0, 1), (1, 0), (2, 99), (99, 100), (4, 4), (7, 8)] {
            key_of("MP100", "x", Some(Span::new(a, b)), Some(&s));
        }
        key_of("MP100", "x", Some(Span::new(0, 0)), Some(&src("")));
        let long = "é".repeat(5000);
        key_of("MP100", "x", Some(Span::new(1, 9999)), Some(&src(&long)));
        assert!(normalise(&long).contains(" … "));
    }

    fn entry(rule: &str, file: &str, key: Key, count: usize) -> Entry {
        Entry {
            rule: rule.into(),
            file: file.into(),
            key,
            count,
            message: String::new(),
            span: None,
        }
    }

    #[test]
    fn matching_prefers_the_recorded_neighbourhood() {
        let k = |c: Context| Key {
            fingerprint: 1,
            context: c,
        };
        let entries = vec![entry("MP1", "f", k([1, 2, 3]), 1)];
        // The old finding, its line above edited; and a new copy elsewhere, listed first.
        let findings = [("MP1", "f", k([7, 8, 9])), ("MP1", "f", k([5, 2, 3]))];
        let (matched, left) = assign(&entries, &findings);
        assert_eq!(matched, vec![None, Some(0)]);
        assert_eq!(left, vec![0]);
        // A count absorbs that many, and no more.
        let entries = vec![entry("MP1", "f", k([1, 2, 3]), 2)];
        let findings = [("MP1", "f", k([1, 2, 3])); 3];
        let (matched, left) = assign(&entries, &findings);
        assert_eq!(matched, vec![Some(0), Some(0), None]);
        assert_eq!(left, vec![0]);
        // Rule and file must agree.
        let (matched, left) = assign(&entries, &[("MP2", "f", k([1, 2, 3]))]);
        assert_eq!((matched, left), (vec![None], vec![2]));
    }

    #[test]
    fn files_round_trip_sorted_and_merged() {
        let k = |f: u64| Key {
            fingerprint: f,
            context: [1, 2, 0xffff_ffff],
        };
        let mut a = entry("MP200", "b.json", k(2), 1);
        a.message = "two \u{202e}".into();
        let entries = vec![
            a.clone(),
            entry("MP100", "a.json", k(9), 1),
            a,
            entry("MP100", "b.json", k(1), 1),
        ];
        let text = serialise(&entries);
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"findings\": [\n"));
        assert!(text.contains("\\u202e"));
        let back = parse(&text, "b").unwrap();
        let order: Vec<(&str, &str, usize)> = back
            .iter()
            .map(|e| (e.file.as_str(), e.rule.as_str(), e.count))
            .collect();
        assert_eq!(
            order,
            [
                ("a.json", "MP100", 1),
                ("b.json", "MP100", 1),
                ("b.json", "MP200", 2)
            ]
        );
        assert_eq!(back[2].key, k(2));
        assert_eq!(serialise(&back), text);
    }

    #[test]
    fn bad_files_are_refused_with_a_position() {
        let err = |t: &str| parse(t, "b.json").unwrap_err().0;
        assert!(
            err("{").starts_with("invalid baseline b.json:1:2:"),
            "{}",
            err("{")
        );
        assert!(err("[]").contains("expected an object"));
        assert!(err("{\"version\": 2, \"findings\": []}").contains("has version 2"));
        assert!(err("{\"findings\": []}").contains("no \"version\""));
        assert!(err("{\"version\": 1}").contains("no \"findings\""));
        assert!(err("{\"version\": 1, \"findings\": [], \"x\": 1}").contains("unknown key \"x\""));
        let e = |extra: &str| {
            format!(
                "{{\"version\": 1, \"findings\": [{{\"rule\": \"MP100\", \"file\": \"a\", \"fingerprint\": \"0123456789abcdef\", \"context\": \"0123456789abcdef01234567\"{extra}}}]}}"
            )
        };
        assert_eq!(parse(&e(""), "b").unwrap()[0].count, 1);
        assert!(err(&e(", \"count\": 0")).contains("\"count\" must be"));
        assert!(err(&e(", \"count\": 1.5")).contains("\"count\" must be"));
        assert!(err(&e(", \"cuont\": 2")).contains("unknown key \"cuont\""));
        assert!(err(&e(", \"message\": 2")).contains("\"message\" must be a string"));
        let short = e("").replace("0123456789abcdef\"", "0123\"");
        assert!(err(&short).contains("16 hexadecimal digits"));
    }

    #[test]
    fn locate_names_files_outside_with_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(root.join("p/sub")).unwrap();
        let p = root.join("p");
        assert_eq!(
            locate(&p, &p.join("sub/b.json")),
            Some(("sub/b.json".into(), true))
        );
        assert_eq!(
            locate(&p, &root.join("b.json")),
            Some(("../b.json".into(), false))
        );
        assert_eq!(locate(&p, &root.join("nope/b.json")), None);
    }
}
