//! The part of a file miette draws for one finding, cut from the text before miette sees it.
//!
//! Handing miette the whole file made every report scan it from the start (20,000 findings in
//! one file: quadratic) and let it format whole lines, which panics once a column is past
//! display width 65,535 (a minified line, 65,536 spaces, 33,000 CJK chars). An [`Excerpt`]
//! holds only the lines around the labels: a line longer than [`LONG_LINE`] bytes is cut to
//! windows of [`BEFORE`]/[`AFTER`] chars around the labels' ends, joined by `…` (like rustc); a
//! label over more than [`SPLIT_LINES`] lines is drawn as its first and last lines; labels
//! further apart than [`GAP_LINES`] become separate snippets. Unsafe chars are escaped (see
//! [`super::escape`]). As a [`SourceCode`] it reports the real line numbers and columns, so
//! what miette prints is what the file holds, at most a few KB per finding whatever the file.
//! Lines and labels of ordinary size come out exactly as miette drew them before.

use crate::base::escape;
use crate::base::source::{Source, Span};
use miette::{LabeledSpan, MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines up to this many bytes are shown whole.
pub const LONG_LINE: usize = 512;
/// Terminal columns kept before and after each label end on a longer line.
pub const BEFORE: usize = 60;
pub const AFTER: usize = 60;
/// A label over more lines than this shows [`HEAD`] lines and the last [`TAIL`] lines.
pub const SPLIT_LINES: usize = 40;
const HEAD: usize = 5;
const TAIL: usize = 3;
/// Labels whose lines (with one line of context) are at most this many lines apart are drawn
/// as one snippet with the lines between them, as miette does.
pub const GAP_LINES: usize = 20;
const ELLIPSIS: &str = "…";

/// One label as the renderer asks for it, in file byte offsets.
pub struct Label {
    pub span: Span,
    pub text: Option<String>,
    pub primary: bool,
}

/// A line of the excerpt.
struct Line {
    /// Where it starts in `Excerpt::text`.
    start: usize,
    /// Its 0-based line number in the file.
    real: usize,
    /// The 0-based file line number of the last line of its snippet.
    group_last: usize,
    /// The excerpt offsets where its snippet starts and ends.
    group_start: usize,
    group_end: usize,
}

/// A kept stretch of a file line: file bytes `from..to`, at excerpt offset `at`.
struct Segment {
    from: usize,
    to: usize,
    at: usize,
}

pub struct Excerpt {
    name: String,
    text: String,
    lines: Vec<Line>,
    /// Excerpt offset of each label end, with its 0-based file column.
    points: Vec<(usize, usize)>,
}

/// `text[from..to]` escaped, as it is written into the excerpt.
fn push_text(out: &mut String, text: &str, from: usize, to: usize) {
    for (i, c) in text[from..to].char_indices() {
        // The `\r` of a CRLF ending stays: miette reads `\r\n` as the line break.
        let crlf = c == '\r' && text.as_bytes().get(from + i + 1) == Some(&b'\n');
        if escape::is_unsafe_at(text, from + i, c) && !crlf {
            escape::push_escaped(out, c);
        } else {
            out.push(c);
        }
    }
}

/// Terminal columns of a char as shown: tabs at most 4 (miette's tab width), wide East
/// Asian chars and emoji 2, escaped chars their escape.
fn columns(c: char) -> usize {
    match c {
        '\t' => 4,
        c if escape::is_unsafe(c) => {
            let mut s = String::new();
            escape::push_escaped(&mut s, c);
            s.len()
        }
        '\u{1100}'..='\u{115f}'
        | '\u{2e80}'..='\u{303e}'
        | '\u{3041}'..='\u{33ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{a000}'..='\u{a4cf}'
        | '\u{ac00}'..='\u{d7a3}'
        | '\u{f900}'..='\u{faff}'
        | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ff60}'
        | '\u{ffe0}'..='\u{ffe6}'
        | '\u{1f300}'..='\u{1f64f}'
        | '\u{1f900}'..='\u{1f9ff}'
        | '\u{20000}'..='\u{3fffd}' => 2,
        _ => 1,
    }
}

/// The offset `budget` columns before `at`, not before `floor` (all char boundaries).
fn walk_back(text: &str, at: usize, floor: usize, budget: usize) -> usize {
    let mut used = 0;
    let mut from = at;
    for (i, c) in text[floor..at].char_indices().rev() {
        used += columns(c);
        if used > budget {
            break;
        }
        from = floor + i;
    }
    from
}

/// The offset `budget` columns after `at`, not past `ceiling`.
fn walk_forward(text: &str, at: usize, ceiling: usize, budget: usize) -> usize {
    let mut used = 0;
    let mut to = at;
    for c in text[at..ceiling].chars() {
        used += columns(c);
        if used > budget {
            break;
        }
        to += c.len_utf8();
    }
    to
}

fn escaped_len(text: &str, from: usize, to: usize) -> usize {
    let mut s = String::new();
    push_text(&mut s, text, from, to);
    s.len()
}

impl Excerpt {
    /// The excerpt of `source` for `labels`, and the labels in excerpt offsets.
    pub fn new(name: &str, source: &Source, labels: &[Label]) -> (Excerpt, Vec<LabeledSpan>) {
        let text: &str = &source.text;
        let last_line = source.line_count() - 1;
        // Label parts in file offsets: long multi-line labels become head and tail.
        struct Part<'a> {
            start: usize,
            end: usize,
            text: Option<&'a str>,
            primary: bool,
            lines: (usize, usize),
        }
        let mut parts: Vec<Part> = Vec::new();
        for l in labels {
            let start = source.clamp(l.span.start as usize);
            // The end rounded up, as miette draws a span that ends inside a char.
            let mut end = (l.span.end as usize).min(text.len()).max(start);
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let (first, last) = (source.line_of(start), source.line_of(end));
            if last - first + 1 > SPLIT_LINES {
                parts.push(Part {
                    start,
                    end: source.line_range(first + HEAD - 1).end,
                    text: l.text.as_deref(),
                    primary: l.primary,
                    lines: (first, first + HEAD - 1),
                });
                parts.push(Part {
                    start: source.line_range(last + 1 - TAIL).start,
                    end,
                    text: None,
                    primary: false,
                    lines: (last + 1 - TAIL, last),
                });
            } else {
                parts.push(Part {
                    start,
                    end,
                    text: l.text.as_deref(),
                    primary: l.primary,
                    lines: (first, last),
                });
            }
        }
        // Snippets: line ranges with a line of context, merged when close.
        let mut ranges: Vec<(usize, usize)> = parts
            .iter()
            .map(|p| (p.lines.0.saturating_sub(1), (p.lines.1 + 1).min(last_line)))
            .collect();
        ranges.sort_unstable();
        let mut groups: Vec<(usize, usize)> = Vec::new();
        for (a, b) in ranges {
            match groups.last_mut() {
                Some(g) if a <= g.1 + 1 + GAP_LINES => g.1 = g.1.max(b),
                _ => groups.push((a, b)),
            }
        }
        // Label ends per line, as (line, column); the column windows of long lines are cut
        // around them.
        let mut points: Vec<(usize, usize, usize)> = Vec::new(); // (line, column, offset)
        for p in &parts {
            for offset in [p.start, p.end] {
                let pos = source.position(offset as u32);
                points.push((pos.line as usize - 1, pos.column as usize - 1, offset));
            }
        }
        points.sort_unstable();
        points.dedup();

        let mut out = String::new();
        let mut lines: Vec<Line> = Vec::new();
        let mut segments: Vec<Segment> = Vec::new();
        for &(first, last) in &groups {
            // Lines without a label end are cut at the column of the snippet's first label.
            let focus = points
                .get(points.partition_point(|p| p.0 < first))
                .filter(|p| p.0 <= last)
                .map_or(0, |p| p.1);
            let group_start = lines.len();
            for line in first..=last {
                let range = source.line_range(line);
                lines.push(Line {
                    start: out.len(),
                    real: line,
                    group_last: last,
                    group_start: 0,
                    group_end: 0,
                });
                if range.len() <= LONG_LINE {
                    segments.push(Segment {
                        from: range.start,
                        to: range.end,
                        at: out.len(),
                    });
                    push_text(&mut out, text, range.start, range.end);
                } else {
                    // `points` is sorted by line.
                    let on_line = points.partition_point(|p| p.0 < line)
                        ..points.partition_point(|p| p.0 <= line);
                    let mut centres: Vec<usize> = points[on_line].iter().map(|p| p.2).collect();
                    if centres.is_empty() {
                        centres.push(source.offset_of_column(line, focus));
                    }
                    let mut windows: Vec<(usize, usize)> = Vec::new();
                    for c in centres {
                        let a = walk_back(text, c, range.start, BEFORE);
                        let b = walk_forward(text, c, range.end, AFTER);
                        match windows.last_mut() {
                            Some(w) if a <= w.1 => w.1 = w.1.max(b),
                            _ => windows.push((a, b)),
                        }
                    }
                    let mut shown_to = range.start;
                    for (from, to) in windows {
                        if from > shown_to {
                            out.push_str(ELLIPSIS);
                        }
                        segments.push(Segment {
                            from,
                            to,
                            at: out.len(),
                        });
                        push_text(&mut out, text, from, to);
                        shown_to = to;
                    }
                    if shown_to < range.end {
                        out.push_str(ELLIPSIS);
                    }
                }
                if line != last_line {
                    out.push('\n');
                }
            }
            let (start, end) = (lines[group_start].start, out.len());
            for l in &mut lines[group_start..] {
                l.group_start = start;
                l.group_end = end;
            }
        }

        // File offsets to excerpt offsets: inside the segment that holds them.
        let map = |offset: usize| -> usize {
            let i = segments.partition_point(|s| s.from <= offset);
            match i.checked_sub(1).map(|i| &segments[i]) {
                Some(s) => s.at + escaped_len(text, s.from, offset.min(s.to)),
                None => 0,
            }
            .min(out.len())
        };
        let spans: Vec<LabeledSpan> = parts
            .iter()
            .map(|p| {
                let (a, b) = (map(p.start), map(p.end));
                let span = SourceSpan::new(a.into(), b.saturating_sub(a));
                let text = p.text.map(|t| escape::text(t).into_owned());
                if p.primary {
                    LabeledSpan::new_primary_with_span(text, span)
                } else {
                    LabeledSpan::new_with_span(text, span)
                }
            })
            .collect();
        let mut mapped: Vec<(usize, usize)> = points.iter().map(|p| (map(p.2), p.1)).collect();
        mapped.sort_unstable();
        mapped.dedup_by_key(|p| p.0);
        (
            Excerpt {
                name: escape::line(name).into_owned(),
                text: out,
                lines,
                points: mapped,
            },
            spans,
        )
    }

    /// The excerpt line holding an excerpt offset.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // miette's own reading over the excerpt, then real numbers put back.
        let inner =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        let data_span = *inner.span();
        let mut from = data_span.offset();
        let mut to = from + data_span.len();
        let Some(first) = self.lines.get(self.line_at(from)) else {
            // An empty file: nothing to number.
            return Ok(Box::new(MietteSpanContents::new_named(
                self.name.clone(),
                &self.text.as_bytes()[from..to],
                data_span,
                0,
                0,
                0,
            )));
        };
        // Never across snippets (their lines are not consecutive in the file).
        from = from.max(first.group_start);
        to = to.min(first.group_end).max(from);
        let index = self.line_at(from);
        let line = self.lines[index].real;
        let column = if context_lines_before == 0 {
            match self.points.binary_search_by_key(&span.offset(), |p| p.0) {
                Ok(i) => self.points[i].1,
                Err(_) => inner.column(),
            }
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            &self.text.as_bytes()[from..to],
            SourceSpan::new(from.into(), to - from),
            line,
            column,
            // miette joins two snippets when `line + line_count` reaches the next one, where
            // `line_count` is the number of line breaks from the start of the file (not of the
            // snippet) to its end. The same here, but never past this snippet's lines.
            (inner.line_count() + line.saturating_sub(index))
                .min(first.group_last.saturating_sub(line)),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, spans: &[(usize, usize)]) -> (Excerpt, Vec<LabeledSpan>) {
        let source = Source::new(text.into());
        let labels: Vec<Label> = spans
            .iter()
            .enumerate()
            .map(|(i, &(a, b))| Label {
                span: Span::new(a, b),
                text: Some(format!("label {i}")),
                primary: i == 0,
            })
            .collect();
        Excerpt::new("f.json", &source, &labels)
    }

    fn shown(e: &Excerpt, l: &LabeledSpan) -> String {
        e.text[l.offset()..l.offset() + l.len()].to_string()
    }

    #[test]
    fn short_files_are_kept_whole() {
        let text = "{\n  \"a\": 1,\n  \"b\": 2\n}\n";
        let (e, labels) = excerpt(text, &[(4, 7)]);
        assert_eq!(e.text, "{\n  \"a\": 1,\n  \"b\": 2\n"); // to the line after
        assert_eq!(shown(&e, &labels[0]), "\"a\"");
        let c = e.read_span(labels[0].inner(), 0, 0).unwrap();
        assert_eq!((c.line(), c.column()), (1, 2));
        let c = e.read_span(labels[0].inner(), 1, 1).unwrap();
        assert_eq!(c.line(), 0);
        assert_eq!(
            std::str::from_utf8(c.data()).unwrap(),
            "{\n  \"a\": 1,\n  \"b\": 2\n"
        );
    }

    #[test]
    fn long_lines_are_windowed_around_the_label() {
        let text = format!("{{{}x}}", " ".repeat(70_000));
        let (e, labels) = excerpt(&text, &[(70_001, 70_002)]);
        assert_eq!(shown(&e, &labels[0]), "x");
        assert_eq!(e.text, format!("…{}x}}", " ".repeat(BEFORE)));
        let c = e.read_span(labels[0].inner(), 0, 0).unwrap();
        assert_eq!((c.line(), c.column()), (0, 70_001));

        // CJK: columns count chars, the cut falls on char boundaries.
        let text = format!("{}é{}", "中".repeat(40_000), "文".repeat(40_000));
        let at = 40_000 * 3;
        let (e, labels) = excerpt(&text, &[(at, at + 2)]);
        assert_eq!(shown(&e, &labels[0]), "é");
        assert_eq!(
            e.text,
            format!("…{}é{}…", "中".repeat(BEFORE / 2), "文".repeat(AFTER / 2))
        );
        let c = e.read_span(labels[0].inner(), 0, 0).unwrap();
        assert_eq!(c.column(), 40_000);

        // Tabs count 4 columns.
        let text = format!("{}x", "\t".repeat(20_000));
        let (e, labels) = excerpt(&text, &[(20_000, 20_001)]);
        assert_eq!(e.text, format!("…{}x", "\t".repeat(BEFORE / 4)));
        assert_eq!(shown(&e, &labels[0]), "x");
    }

    #[test]
    fn far_apart_labels_on_one_line_get_two_windows() {
        let text = format!("a{}b{}c", "-".repeat(1000), "-".repeat(1000));
        let (e, labels) = excerpt(&text, &[(1001, 1002), (0, 1)]);
        assert_eq!(shown(&e, &labels[0]), "b");
        assert_eq!(shown(&e, &labels[1]), "a");
        assert_eq!(e.text.matches(ELLIPSIS).count(), 2);
        assert!(e.text.starts_with(&format!("a{}…", "-".repeat(AFTER))));
    }

    #[test]
    fn long_spans_show_head_and_tail_with_real_line_numbers() {
        let text: String = (0..1000).map(|i| format!("line {i}\n")).collect();
        let start = text.find("line 100\n").unwrap();
        let end = text.find("line 900\n").unwrap() + 8;
        let (e, labels) = excerpt(&text, &[(start, end)]);
        assert_eq!(labels.len(), 2);
        assert!(shown(&e, &labels[0]).starts_with("line 100\n"));
        assert!(shown(&e, &labels[0]).ends_with("line 104"));
        assert_eq!(shown(&e, &labels[1]), "line 898\nline 899\nline 900");
        let head = e.read_span(labels[0].inner(), 1, 1).unwrap();
        let tail = e.read_span(labels[1].inner(), 1, 1).unwrap();
        assert_eq!(head.line(), 99);
        assert_eq!(tail.line(), 897);
        assert!(head.line() + head.line_count() < tail.line());
        assert_eq!(
            std::str::from_utf8(tail.data()).unwrap(),
            "line 897\nline 898\nline 899\nline 900\nline 901\n"
        );
        assert!(e.text.len() < 200);
    }

    #[test]
    fn controls_are_escaped_and_labels_follow() {
        let text = "a\u{1b}[2Jb\u{202e}c\r\nd\re";
        let (e, labels) = excerpt(text, &[(5, 6), (14, 15)]);
        assert_eq!(e.text, "a\\u{1b}[2Jb\\u{202e}c\r\nd\\re");
        assert_eq!(shown(&e, &labels[0]), "b");
        assert_eq!(shown(&e, &labels[1]), "e");
    }

    #[test]
    fn spans_past_the_text_are_clamped() {
        let (e, labels) = excerpt("ab", &[(5, 9)]);
        assert_eq!(e.text, "ab");
        assert_eq!((labels[0].offset(), labels[0].len()), (2, 0));
        let (e, labels) = excerpt("", &[(0, 0)]);
        assert_eq!(e.text, "");
        assert!(e.read_span(labels[0].inner(), 1, 1).is_ok());
    }
    /// A minimal diagnostic for rendering excerpts in tests.
    #[derive(Debug)]
    struct Report {
        excerpt: Excerpt,
        labels: Vec<LabeledSpan>,
    }
    impl std::fmt::Display for Report {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("report")
        }
    }
    impl std::error::Error for Report {}
    impl miette::Diagnostic for Report {
        fn source_code(&self) -> Option<&dyn SourceCode> {
            Some(&self.excerpt)
        }
        fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
            Some(Box::new(self.labels.iter().cloned()))
        }
    }
    impl std::fmt::Debug for Excerpt {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.text)
        }
    }

    /// Random texts (long lines, CRLF, lone CR, CJK, controls) and random labels, drawn by
    /// miette: no panic, every numbered line shows that line of the file (whole, or windows
    /// of it between `…`), the header shows the primary label's real line and column.
    #[test]
    fn random_texts_render_their_real_lines() {
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
                .with_width(100);
        let alphabet = [
            "a", "b", " ", "\n", "\r\n", "\r", "中", "é", "\u{1b}", "\u{202e}", "😀",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300 {
            let mut text = String::new();
            let len = [10, 200, 3000][next(3)];
            let newline_odds = [3, 50, 5000][next(3)];
            while text.len() < len {
                let i = if next(newline_odds) == 0 {
                    3
                } else {
                    next(alphabet.len())
                };
                text.push_str(alphabet[i]);
            }
            let source = Source::new(text.as_str().into());
            let labels: Vec<Label> = (0..1 + next(3))
                .map(|i| {
                    let a = next(text.len() + 5);
                    let short = next(2) == 0;
                    let b = a + next(if short { 5 } else { text.len() + 1 });
                    Label {
                        span: Span::new(a, b),
                        text: (next(2) == 0).then(|| format!("label {i}")),
                        primary: i == 0,
                    }
                })
                .collect();
            let (excerpt, spans) = Excerpt::new("f.txt", &source, &labels);
            let report = Report {
                excerpt,
                labels: spans,
            };
            let mut out = String::new();
            handler.render_report(&mut out, &report).unwrap();
            let lines: Vec<&str> = text.split('\n').collect();
            for l in out.lines() {
                let Some((number, shown)) = l.trim_start().split_once(" │ ") else {
                    continue;
                };
                let Ok(number) = number.parse::<usize>() else {
                    continue;
                };
                let real = lines[number - 1];
                // A `\r` before `\n` is the line break; a last one is a lone `\r`.
                let real = match real.strip_suffix('\r') {
                    Some(r) if number < lines.len() => r,
                    _ => real,
                };
                let mut escaped = String::new();
                push_text(&mut escaped, real, 0, real.len());
                // Drop miette's gutter arrows of multi-line labels.
                let shown = shown.trim_start_matches(|c| "╭│├╰─▶ ".contains(c));
                let escaped_trimmed = escaped.trim_start();
                if real.len() <= LONG_LINE {
                    assert!(
                        escaped_trimmed.ends_with(shown.trim_start()) || shown.is_empty(),
                        "line {number}: {shown:?} vs {escaped:?}\n{out}"
                    );
                } else {
                    for piece in shown.split(ELLIPSIS) {
                        assert!(
                            escaped.contains(piece.trim_start()),
                            "line {number}: {piece:?}\n{out}"
                        );
                    }
                }
            }
            let primary = &labels[0];
            let p = source.position(primary.span.start);
            let header = format!("[f.txt:{}:{}]", p.line, p.column);
            assert!(out.contains(&header), "{header}\n{out}");
        }
    }
}
