//! Autofix: `mpcheck check --fix` applies the fixes rules attach to their findings,
//! `mpcheck check --diff` shows them as a unified diff.
//!
//! A fix is a list of byte edits ([`Edit`]). Fixes are taken in the order of the findings; one
//! whose edits overlap an edit already taken waits for the next pass (the check runs again on
//! the written files, at most [`MAX_PASSES`] times), identical edits are applied once. Only the
//! bytes inside the spans change: a BOM, CRLF line ends, indentation and the rest of the file
//! are kept. A file is written only when it is inside the project folder (never through a link
//! that leaves it) and still holds what was checked.
//!
//! The second half of this module builds edits for JSON files, keeping the file's own layout.

use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::base::source::Span;
use crate::project::Project;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// How many times `--fix` checks and writes before it stops.
pub const MAX_PASSES: usize = 4;

/// The fixes taken in one pass: per file, the edits sorted by span.
#[derive(Debug, Default)]
pub struct Plan<'a> {
    pub files: BTreeMap<&'a str, Vec<&'a Edit>>,
    /// Indices (into the diagnostics) of the findings whose fix was taken.
    pub fixes: Vec<usize>,
}

impl<'a> Plan<'a> {
    /// Each planned file read again and checked ([`prepare`]); a file left alone is said on
    /// stderr and skipped.
    fn changes<'p>(
        &'p self,
        project: &'p Project,
    ) -> impl Iterator<Item = (&'a str, &'p [&'a Edit], Change<'a>)> + 'p {
        self.files
            .iter()
            .filter_map(move |(file, edits)| match prepare(project, file, edits) {
                Ok(c) => Some((*file, edits.as_slice(), c)),
                Err(why) => {
                    eprintln!("mpcheck: not fixing {}: {why}", escape::line(file));
                    None
                }
            })
    }
}

/// Takes every fix that does not overlap one taken before it. A fix with an edit outside its
/// file's text, off a char boundary, in a file whose text is not known, or that changes
/// nothing, is not taken.
pub fn plan<'a>(project: &Project, diagnostics: &'a [Diagnostic]) -> Plan<'a> {
    let mut taken: BTreeMap<&str, BTreeMap<(u32, u32), &Edit>> = BTreeMap::new();
    let mut plan = Plan::default();
    'fixes: for (i, d) in diagnostics.iter().enumerate() {
        let Some(fix) = &d.fix else { continue };
        let mut changes = false;
        let mut new: Vec<&Edit> = Vec::new();
        for e in &fix.edits {
            let Some(text) = project.source(&e.file).map(|s| &*s.text) else {
                continue 'fixes;
            };
            let (s, t) = (e.span.start as usize, e.span.end as usize);
            if s > t || t > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(t) {
                continue 'fixes;
            }
            if text[s..t] == e.replacement {
                continue;
            }
            changes = true;
            let accepted = taken.get(e.file.as_str());
            let same = accepted.and_then(|a| a.get(&(e.span.start, e.span.end)));
            if same.is_some_and(|a| a.replacement == e.replacement) {
                // The same edit as another fix's: applied once, and it fixes both.
                continue;
            }
            if accepted.is_some_and(|a| conflicts_any(a, e))
                || new.iter().any(|n| n.file == e.file && conflict(n, e))
            {
                continue 'fixes;
            }
            new.push(e);
        }
        if !changes {
            continue;
        }
        for e in new {
            taken
                .entry(e.file.as_str())
                .or_default()
                .insert((e.span.start, e.span.end), e);
        }
        plan.fixes.push(i);
    }
    for (file, edits) in taken {
        plan.files.insert(file, edits.into_values().collect());
    }
    plan
}

/// Two edits of one file cannot both be applied: they overlap, or both insert at one point.
fn conflict(a: &Edit, b: &Edit) -> bool {
    let (a, b) = (a.span, b.span);
    if a.is_empty() && b.is_empty() {
        return a.start == b.start;
    }
    a.start < b.end && b.start < a.end
}

/// `e` conflicts with one of `taken` (pairwise compatible, so only the neighbours in span
/// order can overlap it).
fn conflicts_any(taken: &BTreeMap<(u32, u32), &Edit>, e: &Edit) -> bool {
    let key = (e.span.start, e.span.end);
    let before = taken.range(..key).rev().take(2);
    let after = taken.range(key..).take(2);
    before.chain(after).any(|(_, t)| conflict(t, e))
}

/// `text` with `edits` (sorted, compatible) applied.
pub fn apply(text: &str, edits: &[&Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&text[at..e.span.start as usize]);
        out.push_str(&e.replacement);
        at = e.span.end as usize;
    }
    out.push_str(&text[at..]);
    out
}

/// A file of the plan, read again and checked: where to write it and its new bytes.
struct Change<'a> {
    file: &'a str,
    real: PathBuf,
    bom: bool,
    old: String,
    new: String,
}

/// Reads a planned file again: it must be inside the project folder (links resolved), a
/// regular file, and hold the text that was checked. `Err` says why it is left alone.
fn prepare<'a>(project: &Project, file: &'a str, edits: &[&Edit]) -> Result<Change<'a>, String> {
    let checked = project
        .source(file)
        .map(|s| &*s.text)
        .ok_or("it was not read")?;
    let plain = Path::new(file)
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if !plain {
        return Err("its path leaves the project folder".into());
    }
    let path = project.dir.join(file);
    let real = path
        .canonicalize()
        .map_err(|e| format!("it cannot be read: {e}"))?;
    if !real.starts_with(&project.dir) {
        return Err("it is a link to a place outside the project folder".into());
    }
    let limit = checked.len() as u64 + 3;
    let bytes = crate::base::fsread::read_capped(&real, limit).map_err(|e| match e {
        crate::base::fsread::ReadError::TooLarge { .. } => "it changed since it was checked".into(),
        e => format!("it {}", e.describe()),
    })?;
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[if bom { 3 } else { 0 }..])
        .ok()
        .filter(|t| *t == checked)
        .ok_or("it changed since it was checked")?;
    Ok(Change {
        file,
        real,
        bom,
        old: text.to_string(),
        new: apply(text, edits),
    })
}

/// The files and findings one pass fixed.
#[derive(Debug, Default, Clone)]
pub struct Outcome {
    pub fixed: usize,
    pub files: BTreeSet<String>,
    /// A file could not be written (said on stderr): exit 2.
    pub failed: bool,
}

impl Outcome {
    /// Counts the planned findings all of whose edits are in `done` files.
    fn count(&mut self, plan: &Plan, diagnostics: &[Diagnostic], done: &BTreeSet<&str>) {
        for &i in &plan.fixes {
            let edits = diagnostics[i].fix.iter().flat_map(|f| &f.edits);
            if edits.clone().all(|e| done.contains(e.file.as_str())) {
                self.fixed += 1;
                self.files
                    .extend(edits.map(|e| e.file.clone()).filter(|f| !f.is_empty()));
            }
        }
    }
}

/// Writes the fixes of one pass. A file left alone is said on stderr; the findings whose
/// fixes touch it are not counted.
pub fn write(project: &Project, diagnostics: &[Diagnostic]) -> Outcome {
    let plan = plan(project, diagnostics);
    let mut outcome = Outcome::default();
    let mut written: BTreeSet<&str> = BTreeSet::new();
    for (file, _, change) in plan.changes(project) {
        let mut bytes = Vec::with_capacity(change.new.len() + 3);
        if change.bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend_from_slice(change.new.as_bytes());
        match crate::base::fsread::write_replacing(&change.real, &bytes) {
            Ok(()) => {
                written.insert(change.file);
            }
            Err(e) => {
                eprintln!("mpcheck: error: cannot write {}: {e}", escape::line(file));
                outcome.failed = true;
            }
        }
    }
    outcome.count(&plan, diagnostics, &written);
    outcome
}

/// `--fix`: writes the fixes, checks again, and so on until nothing is left to fix or after
/// [`MAX_PASSES`] passes. Returns the last project and findings (to report as usual) and what
/// was fixed; `reload` loads the project again, `run` checks it; only the findings `wanted`
/// (those in the files the command line names) are fixed.
/// `state` is what `run` computed beside the findings (passed to `wanted`).
pub fn run<E, S>(
    mut project: Project,
    mut state: S,
    mut diagnostics: Vec<Diagnostic>,
    reload: impl Fn() -> Result<Project, E>,
    run: impl Fn(&Project) -> (S, Vec<Diagnostic>),
    wanted: impl Fn(&Project, &S, &Diagnostic) -> bool,
) -> Result<(Project, S, Vec<Diagnostic>, Outcome), E> {
    let mut total = Outcome::default();
    for _ in 0..MAX_PASSES {
        let chosen: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.fix.is_some() && wanted(&project, &state, d))
            .cloned()
            .collect();
        let pass = write(&project, &chosen);
        total.failed |= pass.failed;
        if pass.files.is_empty() {
            break;
        }
        total.fixed += pass.fixed;
        total.files.extend(pass.files);
        project = reload()?;
        (state, diagnostics) = run(&project);
    }
    Ok((project, state, diagnostics, total))
}

/// `Fixed 3 findings (2 files)` / `已修复 3 个问题（2 个文件）`.
pub fn fixed_line(outcome: &Outcome, lang: Lang) -> String {
    let (n, m) = (outcome.fixed, outcome.files.len());
    match lang {
        Lang::Zh => format!("已修复 {n} 个问题（{m} 个文件）"),
        Lang::En => format!("Fixed {} ({})", plural(n, "finding"), plural(m, "file")),
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `--diff`: the fixes of one pass as a unified diff (paths as `a/` and `b/` plus `prefix`,
/// the project folder as given), and the number of findings and files it fixes. Files that
/// changed since they were checked are left out (said on stderr). Unsafe characters in lines
/// are escaped as in every other output.
pub fn diff(
    project: &Project,
    diagnostics: &[Diagnostic],
    base: &crate::report::PathBase,
) -> (String, Outcome) {
    let plan = plan(project, diagnostics);
    let mut out = String::new();
    let mut shown: BTreeSet<&str> = BTreeSet::new();
    for (file, edits, change) in plan.changes(project) {
        let bom = if change.bom { "\u{feff}" } else { "" };
        let old = format!("{bom}{}", change.old);
        let shift = bom.len() as u32;
        let shifted: Vec<Edit> = edits
            .iter()
            .map(|e| Edit {
                file: e.file.clone(),
                span: Span {
                    start: e.span.start + shift,
                    end: e.span.end + shift,
                },
                replacement: e.replacement.clone(),
            })
            .collect();
        // As the other formats show it, when that is relative (so `git apply` takes the diff
        // where mpcheck ran); else relative to the project folder.
        let path = if Path::new(base.prefix_str()).is_absolute() {
            escape::line(file).into_owned()
        } else {
            escape::line(&base.show(file)).into_owned()
        };
        out.push_str(&format!("--- a/{path}\n+++ b/{path}\n"));
        out.push_str(&hunks(&old, &shifted.iter().collect::<Vec<_>>()));
        shown.insert(change.file);
    }
    let mut outcome = Outcome::default();
    outcome.count(&plan, diagnostics, &shown);
    (out, outcome)
}

/// `Would fix 3 findings (2 files)` / `可修复 3 个问题（2 个文件）`.
pub fn would_fix_line(outcome: &Outcome, lang: Lang) -> String {
    let (n, m) = (outcome.fixed, outcome.files.len());
    match lang {
        Lang::Zh => format!("可修复 {n} 个问题（{m} 个文件）"),
        Lang::En => format!("Would fix {} ({})", plural(n, "finding"), plural(m, "file")),
    }
}

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The hunks of a unified diff of `old` and `old` with `edits` applied. The changed lines are
/// known from the spans: the lines an edit touches are replaced by the same lines with the
/// edit made (less the lines that come out the same at either end).
fn hunks(old: &str, edits: &[&Edit]) -> String {
    // Start of every line of `old` (a text ending in `\n` has no empty last line here).
    let mut starts: Vec<usize> = vec![0];
    starts.extend(
        old.bytes()
            .enumerate()
            .filter(|&(i, b)| b == b'\n' && i + 1 < old.len())
            .map(|(i, _)| i + 1),
    );
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    let line_end = |line: usize| starts.get(line + 1).copied().unwrap_or(old.len());
    // Runs of old lines [first, last] and the edits in them; edits on the same or adjacent
    // lines make one run (the old lines, then the new ones, as diff tools write it).
    let mut runs: Vec<(usize, usize, Vec<&Edit>)> = Vec::new();
    for &e in edits {
        let (s, t) = (e.span.start as usize, e.span.end as usize);
        let first = line_of(s);
        // A deletion that ends right after a line break ends on that line.
        let last = if t > s && old.as_bytes()[t - 1] == b'\n' {
            line_of(t - 1)
        } else {
            line_of(t)
        };
        match runs.last_mut() {
            Some((_, prev_last, run)) if first <= *prev_last + 1 => {
                *prev_last = last.max(*prev_last);
                run.push(e);
            }
            _ => runs.push((first, last, vec![e])),
        }
    }
    // Each run as (first old line, old lines, new lines).
    let mut changes: Vec<(usize, Vec<&str>, Vec<String>)> = Vec::new();
    for (first, last, run) in runs {
        let mut new = String::new();
        let mut at = starts[first];
        for e in run {
            new.push_str(&old[at..e.span.start as usize]);
            new.push_str(&e.replacement);
            at = e.span.end as usize;
        }
        new.push_str(&old[at..line_end(last)]);
        let mut old_lines = split_lines(&old[starts[first]..line_end(last)]);
        let mut new_lines = split_lines(&new);
        let same_end = old_lines
            .iter()
            .rev()
            .zip(new_lines.iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        old_lines.truncate(old_lines.len() - same_end);
        new_lines.truncate(new_lines.len() - same_end);
        let same_start = old_lines
            .iter()
            .zip(&new_lines)
            .take_while(|(a, b)| a == b)
            .count();
        if old_lines.len() == same_start && new_lines.len() == same_start {
            continue;
        }
        changes.push((
            first + same_start,
            old_lines.split_off(same_start),
            new_lines
                .split_off(same_start)
                .into_iter()
                .map(str::to_string)
                .collect(),
        ));
    }
    let total_lines = if old.is_empty() { 0 } else { starts.len() };
    let line_text = |l: usize| &old[starts[l]..line_end(l)];
    let mut out = String::new();
    let mut delta: isize = 0;
    let mut i = 0;
    while i < changes.len() {
        // Changes whose context meets go in one hunk.
        let mut j = i;
        while j + 1 < changes.len()
            && changes[j + 1].0 <= changes[j].0 + changes[j].1.len() + 2 * CONTEXT
        {
            j += 1;
        }
        let lead = changes[i].0.saturating_sub(CONTEXT);
        let tail = (changes[j].0 + changes[j].1.len() + CONTEXT).min(total_lines);
        let mut body = String::new();
        let delta_before = delta;
        let mut line = lead;
        for (at, old_lines, new_lines) in &changes[i..=j] {
            for l in line..*at {
                push_line(&mut body, ' ', line_text(l));
            }
            for l in old_lines {
                push_line(&mut body, '-', l);
            }
            for l in new_lines {
                push_line(&mut body, '+', l);
            }
            delta += new_lines.len() as isize - old_lines.len() as isize;
            line = at + old_lines.len();
        }
        for l in line..tail {
            push_line(&mut body, ' ', line_text(l));
        }
        let old_count = tail - lead;
        let new_count = (old_count as isize + delta - delta_before) as usize;
        let new_lead = (lead as isize + delta_before) as usize;
        out.push_str(&format!(
            "@@ -{} +{} @@\n",
            range(lead, old_count),
            range(new_lead, new_count)
        ));
        out.push_str(&body);
        i = j + 1;
    }
    out
}

/// `start,count` of a hunk header from the 0-based first line: 1-based, `start` alone when
/// the count is 1, and the line before when the count is 0.
fn range(lead: usize, count: usize) -> String {
    match count {
        0 => format!("{lead},0"),
        1 => (lead + 1).to_string(),
        _ => format!("{},{count}", lead + 1),
    }
}

/// Lines with their line breaks (the last may have none).
fn split_lines(s: &str) -> Vec<&str> {
    s.split_inclusive('\n').collect()
}

/// One diff line: the marker, the line escaped (a CR before the line break is kept, so CRLF
/// files diff as they are), and `\ No newline at end of file` after a last line without one.
fn push_line(out: &mut String, marker: char, line: &str) {
    out.push(marker);
    let (body, end) = match line.strip_suffix("\r\n") {
        Some(b) => (b, "\r\n"),
        None => match line.strip_suffix('\n') {
            Some(b) => (b, "\n"),
            None => (line, ""),
        },
    };
    out.push_str(&escape::line(body));
    if end.is_empty() {
        out.push_str("\n\\ No newline at end of file\n");
    } else {
        out.push_str(end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::json::parse;
    use crate::syntax::json_edit::*;

    fn apply_all(text: &str, edits: &[Edit]) -> String {
        let mut sorted: Vec<&Edit> = edits.iter().collect();
        sorted.sort_by_key(|e| (e.span.start, e.span.end));
        sorted.dedup();
        apply(text, &sorted)
    }

    fn keys(text: &str) -> Vec<String> {
        let v = parse(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        v.as_object()
            .unwrap()
            .iter()
            .map(|m| m.key.clone())
            .collect()
    }

    /// Every subset of members removed, all at once and one at a time: valid JSON with the
    /// other members in order, in every layout.
    #[test]
    fn removing_members_keeps_valid_json() {
        for text in [
            "{\n  \"a\": 1,\n  \"b\": [2],\n  \"c\": {\"x\": 3}\n}\n",
            "{\"a\":1,\"b\":[2],\"c\":{\"x\":3}}",
            "{ \"a\" : 1 , \"b\" : [2] , \"c\" : {\"x\": 3} }",
            "{\r\n\t\"a\": 1,\r\n\t\"b\": [2],\r\n\t\"c\": {\"x\": 3}\r\n}",
        ] {
            let obj = parse(text).unwrap();
            for mask in 0..8u8 {
                let remove: Vec<bool> = (0..3).map(|i| mask & (1 << i) != 0).collect();
                let edits = remove_members("f.json", &obj, &remove);
                let kept: Vec<String> = ["a", "b", "c"]
                    .iter()
                    .zip(&remove)
                    .filter(|(_, r)| !**r)
                    .map(|(k, _)| k.to_string())
                    .collect();
                let all: Vec<Edit> = edits.iter().flatten().cloned().collect();
                assert_eq!(all.len(), mask.count_ones() as usize);
                assert_eq!(keys(&apply_all(text, &all)), kept, "{text:?} {mask}");
                for e in &all {
                    parse(&apply_all(text, std::slice::from_ref(e))).unwrap();
                }
            }
        }
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        let obj = parse(text).unwrap();
        let first = remove_members("f", &obj, &[true, false]);
        assert_eq!(
            apply_all(text, &first.into_iter().flatten().collect::<Vec<_>>()),
            "{\n  \"b\": 2\n}"
        );
        let all = remove_members("f", &obj, &[true, true]);
        assert_eq!(
            apply_all(text, &all.into_iter().flatten().collect::<Vec<_>>()),
            "{}"
        );
    }

    #[test]
    fn inserted_members_follow_the_layout() {
        let cases = [
            (
                "{\n\t\"a\": 1\n}",
                "{\n\t\"a\": 1,\n\t\"k\": true,\n\t\"o\": {\n\t\t\"x\": true\n\t}\n}",
            ),
            ("{\"a\":1}", "{\"a\":1,\"k\":true,\"o\":{\"x\":true}}"),
            (
                "{ \"a\": 1 }",
                "{ \"a\": 1, \"k\": true, \"o\": {\"x\": true} }",
            ),
            ("{}", "{\"k\": true, \"o\": {\"x\": true}}"),
            (
                "{\r\n}",
                "{\r\n  \"k\": true,\r\n  \"o\": {\r\n    \"x\": true\r\n  }\r\n}",
            ),
        ];
        for (text, expected) in cases {
            let obj = parse(text).unwrap();
            let new = [
                ("k", NewValue::Raw("true".into())),
                (
                    "o",
                    NewValue::Object(vec![("x".to_string(), "true".to_string())]),
                ),
            ];
            let edit = insert_members("f", text, &obj, &new).unwrap();
            let out = apply_all(text, &[edit]);
            assert_eq!(out, expected, "{text:?}");
            parse(&out).unwrap();
        }
    }

    #[test]
    fn hoisted_members_are_reindented() {
        let text = "{\n  \"window\": {\n    \"a\": 1,\n    \"b\": {\n      \"c\": 2\n    }\n  }\n}";
        let v = parse(text).unwrap();
        let w = v.member("window").unwrap();
        let body = hoist_members(text, &w.value, w.key_span.start as usize).unwrap();
        assert_eq!(body, "\"a\": 1,\n  \"b\": {\n    \"c\": 2\n  }");
        let inline = "{\"window\": {\"a\": 1, \"b\": 2}}";
        let v = parse(inline).unwrap();
        let w = v.member("window").unwrap();
        let body = hoist_members(inline, &w.value, w.key_span.start as usize).unwrap();
        assert_eq!(body, "\"a\": 1, \"b\": 2");
    }

    #[test]
    fn hunks_have_context_counts_and_end_of_file_markers() {
        let old: String = (1..=20).map(|i| format!("line {i}\n")).collect();
        let at = |line: usize| old.match_indices('\n').nth(line - 2).unwrap().0 + 1;
        let e1 = Edit::new("f", Span::new(at(2), at(3)), "");
        let e2 = Edit::new("f", Span::new(at(18), at(18)), "new\n");
        let out = hunks(&old, &[&e1, &e2]);
        assert_eq!(
            out,
            "@@ -1,5 +1,4 @@\n line 1\n-line 2\n line 3\n line 4\n line 5\n\
             @@ -15,6 +14,7 @@\n line 15\n line 16\n line 17\n+new\n line 18\n line 19\n line 20\n"
        );
        let e = Edit::new("f", Span::new(1, 2), "Y");
        assert_eq!(
            hunks("{x}", &[&e]),
            "@@ -1 +1 @@\n-{x}\n\\ No newline at end of file\n+{Y}\n\\ No newline at end of file\n"
        );
        let e = Edit::new("f", Span::new(0, 1), "\u{1b}[2J");
        assert_eq!(hunks("x\n", &[&e]), "@@ -1 +1 @@\n-x\n+\\u{1b}[2J\n");
    }
}
