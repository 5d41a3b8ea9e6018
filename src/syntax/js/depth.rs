//! How deep code nests, estimated in one linear pass before it is handed to oxc.
//!
//! oxc's parser recurses once per nesting level with no limit of its own, so input nested a
//! few thousand levels deep overflows any thread's stack and aborts the process. The scan
//! below counts what makes the parser recurse: brackets (`(`, `[`, `{`, template literals and
//! their `${`), and, within one bracket level, the right-recursive constructs that nest
//! without brackets (`a ? b : c ? …`, `a = b = …`, `x => y => …`, `!!…`, `typeof typeof …`,
//! `else if` chains, TypeScript `A<B<…>>`). Strings, comments and regular expression literals
//! are skipped (roughly: a `/` after an operator starts a regexp). Left-associative chains
//! (`a + b + …`, `a.b.c…`, `f()()…`) are parsed iteratively by oxc; the walks over the tree
//! bound those themselves ([`MAX_VISIT_DEPTH`]).
//!
//! Code deeper than [`MAX_NESTING`] is not parsed; rule MP006 says so. The estimate errs on
//! the high side, and the parser threads' stack ([`STACK_SIZE`]) holds several times the
//! limit, so code the scan lets through cannot overflow it.

/// Code nested deeper than this (brackets plus unbracketed chains) is not parsed.
pub const MAX_NESTING: usize = 500;
/// Expression and statement nesting at which the walks over a parsed tree stop.
pub const MAX_VISIT_DEPTH: usize = 1000;
/// Stack of every worker thread (rayon's pool). Measured with oxc 0.146 (parse, then the
/// facts walk) on code nested just under [`MAX_NESTING`] (brackets, templates, ternary,
/// `else if`, unary, arrow chains, WXS, a WXML `{{ }}`): under 2 MB in a debug build, under
/// 1 MB in a release build; walks stopped at [`MAX_VISIT_DEPTH`] need under 1 MB. Without
/// the limits, 8 MB overflowed at 8,000 nested brackets (release). Only the pages used are
/// ever committed.
pub const STACK_SIZE: usize = 16 << 20;

/// Where the nesting first went beyond the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    /// Byte offset of the token that went one level too deep.
    pub offset: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `(`, `[` or `{`.
    Bracket,
    /// Inside a template literal's text.
    Template,
    /// Inside `${ … }`.
    Substitution,
}

struct Frame {
    kind: Kind,
    /// Unbracketed right-recursive constructs open at this level.
    chain: usize,
    /// TypeScript type argument lists (`A<…`) open at this level, counted in `chain` too.
    angle: usize,
}

/// Words after which an expression follows (so the parser recurses, or a `/` is a regexp).
const PREFIX_WORDS: &[&str] = &[
    "typeof",
    "void",
    "delete",
    "await",
    "new",
    "yield",
    "else",
    "return",
    "case",
    "do",
    "in",
    "of",
    "instanceof",
    "throw",
];
/// The prefix words that nest: each one is a level of the parser's recursion.
const NESTING_WORDS: &[&str] = &["typeof", "void", "delete", "await", "new", "yield", "else"];

/// Checks that `text` (JS, TS or WXS; `ts` enables the `<…>` count) nests at most
/// [`MAX_NESTING`] levels.
pub fn check(text: &str, ts: bool) -> Result<(), TooDeep> {
    check_with(text, ts, MAX_NESTING)
}

/// Bytes that open a level in [`check_with`] (brackets, template literals and `${`, `?`, `=`,
/// `!`, `~`, unary `+`/`-`, a type argument list's `<`); the other levels open at a
/// [`NESTING_WORDS`] keyword.
const OPENERS: [bool; 256] = with_bytes([false; 256], b"([{`$?=!~+-<");

/// [`OPENERS`] and `y`, `v`, `w`, `l`: every [`NESTING_WORDS`] keyword holds one of those
/// letters (t**y**peof, **v**oid, de**l**ete, a**w**ait, ne**w**, **y**ield, e**l**se), each
/// occurrence at a byte of its own.
const OPENERS_AND_KEYWORD_LETTERS: [bool; 256] = with_bytes(OPENERS, b"yvwl");

/// `table` with `bytes` set.
const fn with_bytes(mut table: [bool; 256], bytes: &[u8]) -> [bool; 256] {
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
}

/// How many bytes of `s` are in `set`, counted a block at a time up to just past `limit`.
fn count_past(s: &[u8], set: &[bool; 256], limit: usize) -> usize {
    let mut n = 0;
    for block in s.chunks(1024) {
        n += block.iter().filter(|&&b| set[b as usize]).count();
        if n > limit {
            break;
        }
    }
    n
}

/// Whether `s` has at most `limit` bytes and keywords, together, that can open a level: then no
/// nesting can go past `limit`, whatever the tokens (a bound much cheaper than the scan; most
/// files of a mini program are small). First the opener bytes and the keywords' letters, in
/// one pass; when those are too many, the keywords themselves.
fn few_openers(s: &[u8], limit: usize) -> bool {
    if count_past(s, &OPENERS_AND_KEYWORD_LETTERS, limit) <= limit {
        return true;
    }
    let mut n = count_past(s, &OPENERS, limit);
    if n > limit {
        return false;
    }
    // The searchers are built once (this runs for every JS file and `{{ }}` of a project).
    static FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
        std::sync::LazyLock::new(|| {
            NESTING_WORDS
                .iter()
                .map(|w| memchr::memmem::Finder::new(w.as_bytes()))
                .collect()
        });
    for finder in FINDERS.iter() {
        n += finder.find_iter(s).count();
        if n > limit {
            return false;
        }
    }
    true
}

pub fn check_with(text: &str, ts: bool, limit: usize) -> Result<(), TooDeep> {
    // Every level is opened by a token of at least one byte: a text no longer than the limit
    // cannot go past it (most `{{ }}` expressions and small files).
    if text.len() <= limit || few_openers(text.as_bytes(), limit) {
        return Ok(());
    }
    scan(text, ts, limit)
}

/// The scan behind [`check_with`].
fn scan(text: &str, ts: bool, limit: usize) -> Result<(), TooDeep> {
    let s = text.as_bytes();
    let mut stack: Vec<Frame> = vec![Frame {
        kind: Kind::Bracket,
        chain: 0,
        angle: 0,
    }];
    // Sum of `chain` over the stack.
    let mut chained = 0usize;
    // The last token ended an operand (so `/` divides and a line break may end a statement).
    let mut operand = false;
    // A `;`, `,` or line break ended a statement at this level, unless `else` follows.
    let mut pending_reset = false;
    let mut i = 0;
    let depth = |stack: &Vec<Frame>, chained: usize| stack.len() - 1 + chained;
    macro_rules! bump {
        ($at:expr) => {{
            if let Some(top) = stack.last_mut() {
                top.chain += 1;
            }
            chained += 1;
            if depth(&stack, chained) > limit {
                return Err(TooDeep { offset: $at });
            }
        }};
    }
    macro_rules! reset {
        () => {{
            if let Some(top) = stack.last_mut() {
                chained -= top.chain;
                top.chain = 0;
                top.angle = 0;
            }
        }};
    }
    while i < s.len() {
        if stack.last().is_some_and(|f| f.kind == Kind::Template) {
            // Template text: up to `` ` `` or `${`.
            match s[i] {
                b'\\' => i += 2,
                b'`' => {
                    stack.pop();
                    operand = true;
                    i += 1;
                }
                b'$' if s.get(i + 1) == Some(&b'{') => {
                    stack.push(Frame {
                        kind: Kind::Substitution,
                        chain: 0,
                        angle: 0,
                    });
                    if depth(&stack, chained) > limit {
                        return Err(TooDeep { offset: i });
                    }
                    operand = false;
                    i += 2;
                }
                _ => i += 1,
            }
            continue;
        }
        let c = s[i];
        if c == b'\n' {
            if operand {
                pending_reset = true;
            }
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        // Comments.
        if c == b'/' && s.get(i + 1) == Some(&b'/') {
            i = s[i..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(s.len(), |p| i + p);
            continue;
        }
        if c == b'/' && s.get(i + 1) == Some(&b'*') {
            let end = text[i + 2..].find("*/").map_or(s.len(), |p| i + 2 + p + 2);
            if operand && s[i..end].contains(&b'\n') {
                pending_reset = true;
            }
            i = end;
            continue;
        }
        // The next token decides a pending reset: `else` continues an `if` chain, an operand
        // starts a new statement, an operator continues the expression.
        let word_start = c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80;
        if pending_reset {
            pending_reset = false;
            let is_else = s[i..].starts_with(b"else")
                && !s
                    .get(i + 4)
                    .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$');
            let starts_operand = word_start || matches!(c, b'"' | b'\'' | b'`');
            if !is_else && (starts_operand || c == b';' || c == b'}' || c == b')' || c == b']') {
                reset!();
            }
        }
        if word_start {
            let start = i;
            while i < s.len()
                && (s[i].is_ascii_alphanumeric() || s[i] == b'_' || s[i] == b'$' || s[i] >= 0x80)
            {
                i += 1;
            }
            let word = &s[start..i];
            // Most words are names: the keyword lists are consulted only for lengths 2 to 10
            // starting with a lower-case letter.
            let keyword = (2..=10).contains(&word.len()) && word[0].is_ascii_lowercase();
            if keyword && NESTING_WORDS.iter().any(|w| w.as_bytes() == word) {
                bump!(start);
            }
            operand = !(keyword && PREFIX_WORDS.iter().any(|w| w.as_bytes() == word));
            if ts && operand && s.get(i) == Some(&b'<') {
                // `A<B<…>>`: a type argument list nests like a bracket.
                let next = s.get(i + 1).copied().unwrap_or(0);
                if next.is_ascii_alphabetic() || matches!(next, b'{' | b'(' | b'[' | b'_') {
                    if let Some(top) = stack.last_mut() {
                        top.angle += 1;
                    }
                    bump!(i);
                    operand = false;
                    i += 1;
                }
            }
            continue;
        }
        match c {
            b'"' | b'\'' => {
                i += 1;
                while i < s.len() && s[i] != c && s[i] != b'\n' {
                    i += if s[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                operand = true;
                continue;
            }
            b'`' => {
                stack.push(Frame {
                    kind: Kind::Template,
                    chain: 0,
                    angle: 0,
                });
                if depth(&stack, chained) > limit {
                    return Err(TooDeep { offset: i });
                }
                i += 1;
                continue;
            }
            b'/' if !operand => {
                // A regular expression literal: to the closing `/` outside a class.
                i += 1;
                let mut class = false;
                while i < s.len() && s[i] != b'\n' {
                    match s[i] {
                        b'\\' => i += 1,
                        b'[' => class = true,
                        b']' => class = false,
                        b'/' if !class => break,
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
                operand = true;
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push(Frame {
                    kind: Kind::Bracket,
                    chain: 0,
                    angle: 0,
                });
                if depth(&stack, chained) > limit {
                    return Err(TooDeep { offset: i });
                }
                operand = false;
            }
            b')' | b']' | b'}' => {
                if stack.len() > 1
                    && let Some(f) = stack.pop()
                {
                    chained -= f.chain;
                }
                operand = true;
            }
            b';' | b',' => {
                pending_reset = true;
                operand = false;
            }
            b'?' => {
                // `?.` and `??` do not nest; a ternary does.
                let next = s.get(i + 1).copied();
                if next == Some(b'?') {
                    i += 1;
                } else if next != Some(b'.') || s.get(i + 2).is_some_and(u8::is_ascii_digit) {
                    bump!(i);
                }
                operand = false;
            }
            b'=' => {
                match s.get(i + 1) {
                    // `==`, `===`
                    Some(b'=') => {
                        while s.get(i + 1) == Some(&b'=') {
                            i += 1;
                        }
                    }
                    // `=>`
                    Some(b'>') => {
                        i += 1;
                        bump!(i);
                    }
                    // `<=` and `>=` compare.
                    _ if i > 0 && matches!(s[i - 1], b'<' | b'>') => {}
                    // An assignment (also the `=` of `+=` and the like).
                    _ => bump!(i),
                }
                operand = false;
            }
            b'!' | b'~' => {
                if s.get(i + 1) == Some(&b'=') {
                    i += 1;
                    while s.get(i + 1) == Some(&b'=') {
                        i += 1;
                    }
                } else {
                    bump!(i);
                }
                operand = false;
            }
            b'+' | b'-' => {
                if s.get(i + 1) == Some(&c) {
                    // `++`, `--`: the operand status stays.
                    i += 2;
                    continue;
                }
                if !operand {
                    // Unary plus or minus.
                    bump!(i);
                }
                operand = false;
            }
            b'>' if ts && stack.last().is_some_and(|f| f.angle > 0) => {
                // The end of a type argument list: it closes like a bracket.
                if let Some(top) = stack.last_mut() {
                    top.angle -= 1;
                    top.chain -= 1;
                    chained -= 1;
                }
                operand = true;
            }
            b'<' | b'>' | b'&' | b'|' | b'^' | b'*' | b'%' | b'/' | b':' | b'.' | b'@' | b'#' => {
                operand = false;
            }
            _ => operand = true,
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str, limit: usize) -> bool {
        check_with(text, false, limit).is_ok()
    }

    #[test]
    fn brackets_and_templates_nest() {
        let n = 50;
        for (open, close) in [
            ("(", ")"),
            ("[", "]"),
            ("{a:", "}"),
            ("`${", "}`"),
            ("f(", ")"),
        ] {
            let text = format!("x = {}1{};", open.repeat(n), close.repeat(n));
            assert!(depth_ok(&text, 2 * n + 2), "{open}");
            let e = check_with(&text, false, n - 5).unwrap_err();
            assert!(text[..e.offset].starts_with("x = "), "{open}");
        }
    }

    #[test]
    fn unbracketed_chains_nest() {
        for chain in [
            "a?b:",
            "a=",
            "a=>",
            "!",
            "typeof ",
            "- ",
            "new ",
            "a ?\n b :\n",
        ] {
            let text = format!("x = {}1;", chain.repeat(100));
            assert!(!depth_ok(&text, 90), "{chain:?}");
            assert!(depth_ok(&text, 110), "{chain:?}");
        }
        let elses = format!("if(a)b();{}", "else if(a)b();".repeat(100));
        assert!(!depth_ok(&elses, 90));
        let blocks = format!("if(a){{b()}}{}", "else if(a){b()}".repeat(100));
        assert!(!depth_ok(&blocks, 90));
        let generics = format!("let x: {}1{};", "A<".repeat(100), ">".repeat(100));
        assert!(check_with(&generics, true, 90).is_err());
        // Closed type argument lists and comparisons do not add up, even without semicolons.
        let ts =
            "let m: Map<string, Array<number>> = new Map()\nconst ok = a <= b && c >= d\nf<T>(x)\n";
        assert!(check_with(&ts.repeat(1000), true, 8).is_ok());
    }

    #[test]
    fn statements_do_not_add_up() {
        // Separate statements, with or without semicolons, and if/else pairs that are not a
        // chain, stay at depth 1.
        for stmt in [
            "a = b;\n",
            "a = b\n",
            "var f = function () { return !x }\n",
            "if (a) b(); else c();\n",
            "x = a ? b : c, y = !d;",
            "a = b // comment\n",
            "s = 'a = b ? c : d' + \"!!\" + `=>` + /[(]=?/g.source;\n",
            "a == b; c !== d; e <= f; g >= h; i++; --j; k?.l; m ?? n;\n",
            "p = x - y - z / 2 / 3;\n",
        ] {
            assert!(depth_ok(&stmt.repeat(1000), 5), "{stmt:?}");
        }
        // Left-associative chains are the walks' business.
        assert!(depth_ok(&format!("x = 1{};", " + 1".repeat(1000)), 5));
        assert!(depth_ok(&format!("x = a{};", ".b".repeat(1000)), 5));
    }

    /// The bound never says "shallow" for a text the scan finds too deep: every construct
    /// that opens a level, at a limit just below its depth.
    #[test]
    fn the_opener_bound_is_an_upper_bound() {
        for (unit, close) in [
            ("(", ")"),
            ("[", "]"),
            ("{a:", "}"),
            ("`${", "}`"),
            ("a?b:", ""),
            ("a=", ""),
            ("a=>", ""),
            ("!", ""),
            ("~", ""),
            ("- ", ""),
            ("+ ", ""),
            ("typeof ", ""),
            ("void ", ""),
            ("delete ", ""),
            ("await ", ""),
            ("new ", ""),
            ("yield ", ""),
        ] {
            let text = format!("x = {}1{};", unit.repeat(60), close.repeat(60));
            assert!(check_with(&text, false, 50).is_err(), "{unit}");
            assert!(!few_openers(text.as_bytes(), 50), "{unit}");
        }
        let elses = format!("if(a)b();{}", "else if(a)b();".repeat(60));
        assert!(check_with(&elses, false, 50).is_err());
        assert!(!few_openers(elses.as_bytes(), 50));
        let generics = format!("let x: {}1{};", "A<".repeat(60), ">".repeat(60));
        assert!(check_with(&generics, true, 50).is_err());
        assert!(!few_openers(generics.as_bytes(), 50));
        // A small ordinary file is within the bound.
        let page = "Page({ data: { a: 1 }, onLoad() { this.setData({ a: 2 }) } })\n";
        assert!(few_openers(page.as_bytes(), 500));
        // More of the keywords' letters than the limit, but few openers and no keyword: the
        // second count lets it through.
        let prose = format!("/* {} */ x = 1;", "all well, lovely yellow ".repeat(40));
        assert!(count_past(prose.as_bytes(), &OPENERS_AND_KEYWORD_LETTERS, 500) > 500);
        assert!(few_openers(prose.as_bytes(), 500));
    }

    /// Token soup: whenever the bound says shallow, the scan agrees.
    #[test]
    fn the_bound_agrees_with_the_scan_on_token_soup() {
        const TOKENS: &[&str] = &[
            "(", ")", "[", "]", "{", "}", "`", "${", "?", ":", "=", "=>", "!", "~", "+", "-", "<",
            ">", "a", " ", "\n", ";", ",", "'", "\"", "/", "//", "/*", "*/", "\\", "typeof ",
            "new ", "else ", "await ", "void ", "delete ", "yield ", "x.", "1", "lw",
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut shallow = 0;
        for _ in 0..3000 {
            let len = (next() % 120) as usize;
            let text: String = (0..len)
                .map(|_| TOKENS[(next() % TOKENS.len() as u64) as usize])
                .collect();
            for ts in [false, true] {
                if few_openers(text.as_bytes(), 12) {
                    shallow += 1;
                    assert!(scan(&text, ts, 12).is_ok(), "{text:?}");
                }
            }
        }
        assert!(shallow > 100, "the soup exercises the bound: {shallow}");
    }

    #[test]
    fn strings_comments_and_regexps_are_skipped() {
        let text = format!(
            "var s = '{0}'; var t = \"{0}\"; /* {0} */ // {0}\nvar r = /{0}/;",
            "(".repeat(1000)
        );
        assert!(depth_ok(&text, 5));
        // but a template's substitutions are code
        assert!(!depth_ok(&format!("x = `${{{}}}`", "(".repeat(100)), 50));
    }
}
