//! `mpcheck size --format html`: one self-contained page (no network, no script, no external
//! files): a table with a bar per package against the limits, and one treemap of the whole
//! upload drawn as inline SVG, laid out here (squarified, deterministic):
//!
//! - every package is a top-level rectangle whose area is proportional to its bytes, so a
//!   25 KB subpackage is drawn 1/75 the size of a 1.8 MB main package;
//! - inside it, folders and files, each in proportion to its bytes within its folder (a
//!   folder big enough for its name gives a band at its top to the label);
//! - in a package over 1.5 MB or over its limit, the largest files whose removal would bring
//!   it under (taken largest first) are hatched and outlined, and listed under the map;
//! - every rectangle has its path and bytes in a `<title>` (the browser's tooltip).
//!
//! All text from the project (package, folder and file names) is escaped for HTML after the
//! control characters are made visible ([`escape::line`]).

use crate::analysis::package::Upload;
use crate::analysis::package::human_bytes;
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::lint::config::Limits;
use crate::lint::rules::package::QUALITY_PACKAGE_BYTES;
use std::collections::BTreeMap;
use std::fmt::Write;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The treemap's size in SVG units (CSS pixels at 100 %).
pub const MAP_WIDTH: f64 = 1200.0;
pub const MAP_HEIGHT: f64 = 680.0;
/// The band at the top of a package or folder that holds its name.
const HEADER: f64 = 16.0;
/// A folder smaller than this (either side) is drawn as one rectangle, not subdivided.
const MIN_SPLIT: f64 = 6.0;
/// Label font size and the width one terminal column of text takes at it (a generous
/// estimate, so a label judged to fit does fit).
const FONT: f64 = 11.0;
const COLUMN: f64 = 6.6;
/// Marked files listed under the map, per package (the map shows them all).
const LISTED: usize = 40;
/// Package labels are larger and bold: the room they have, in 11px columns.
const PACKAGE_FONT_RATIO: f64 = 0.8;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    fn inset(self, d: f64) -> Rect {
        Rect {
            x: self.x + d,
            y: self.y + d,
            w: (self.w - 2.0 * d).max(0.0),
            h: (self.h - 2.0 * d).max(0.0),
        }
    }
}

/// Squarified treemap (Bruls, Huizing, van Wijk 2000): `sizes` (largest first) laid out in
/// `r`, each rectangle's area `r`'s area times its share of the sum.
pub fn squarify(sizes: &[f64], r: Rect) -> Vec<Rect> {
    let total: f64 = sizes.iter().sum();
    let empty = Rect {
        x: r.x,
        y: r.y,
        w: 0.0,
        h: 0.0,
    };
    if total <= 0.0 || r.w <= 0.0 || r.h <= 0.0 {
        return vec![empty; sizes.len()];
    }
    let scale = r.w * r.h / total;
    let areas: Vec<f64> = sizes.iter().map(|s| s * scale).collect();
    // The worst aspect ratio of a row with these areas along a side of length `side`.
    let worst = |sum: f64, max: f64, min: f64, side: f64| -> f64 {
        let s2 = sum * sum;
        let w2 = side * side;
        (w2 * max / s2).max(s2 / (w2 * min))
    };
    let mut out = Vec::with_capacity(sizes.len());
    let mut rest = r;
    let mut i = 0;
    while i < areas.len() {
        if areas[i] <= 0.0 {
            out.push(empty);
            i += 1;
            continue;
        }
        let side = rest.w.min(rest.h);
        let mut sum = areas[i];
        let mut j = i + 1;
        while j < areas.len()
            && areas[j] > 0.0
            && worst(sum + areas[j], areas[i], areas[j], side)
                <= worst(sum, areas[i], areas[j - 1], side)
        {
            sum += areas[j];
            j += 1;
        }
        let last = j == areas.len() || areas[j..].iter().all(|a| *a <= 0.0);
        if rest.w >= rest.h {
            // A column at the left of what is left.
            let cw = if last { rest.w } else { sum / rest.h };
            let mut y = rest.y;
            for a in &areas[i..j] {
                let h = a / cw;
                out.push(Rect {
                    x: rest.x,
                    y,
                    w: cw,
                    h,
                });
                y += h;
            }
            rest.x += cw;
            rest.w = (rest.w - cw).max(0.0);
        } else {
            // A row at the top.
            let rh = if last { rest.h } else { sum / rest.w };
            let mut x = rest.x;
            for a in &areas[i..j] {
                let w = a / rh;
                out.push(Rect {
                    x,
                    y: rest.y,
                    w,
                    h: rh,
                });
                x += w;
            }
            rest.y += rh;
            rest.h = (rest.h - rh).max(0.0);
        }
        i = j;
    }
    out
}

/// A folder or file of one package.
struct Node {
    name: String,
    bytes: u64,
    /// Index into `Upload::files` for a file.
    file: Option<usize>,
    children: Vec<Node>,
}

impl Node {
    fn insert(&mut self, parts: &[&str], bytes: u64, file: usize) {
        self.bytes += bytes;
        let Some((first, rest)) = parts.split_first() else {
            self.file = Some(file);
            return;
        };
        let i = match self.children.iter().position(|c| c.name == *first) {
            Some(i) => i,
            None => {
                self.children.push(Node {
                    name: (*first).to_string(),
                    bytes: 0,
                    file: None,
                    children: Vec::new(),
                });
                self.children.len() - 1
            }
        };
        self.children[i].insert(rest, bytes, file);
    }

    fn sort(&mut self) {
        self.children
            .sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
        for c in &mut self.children {
            c.sort();
        }
    }

    /// The strongest mark among the files under this node.
    fn mark(&self, marks: &[Mark]) -> Mark {
        match self.file {
            Some(f) => marks[f],
            None => self
                .children
                .iter()
                .map(|c| c.mark(marks))
                .max()
                .unwrap_or(Mark::None),
        }
    }
}

/// Why a file is marked: its removal (with the larger files before it) would bring its
/// package under the upload limit, or under the 1.5 MB mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    None,
    Warn,
    Limit,
}

/// The files at the miniprogram root that every app needs: never proposed for removal.
const KEPT: &[&str] = &[
    "app.json",
    "app.js",
    "app.ts",
    "app.wxss",
    "project.config.json",
    "sitemap.json",
    "theme.json",
    "ext.json",
];

/// For each file of the upload, its [`Mark`]: per package, the files taken largest first
/// (not the app's own [`KEPT`] files) until what is left is within `limit`, then until it is
/// within `warn`.
pub fn marks(upload: &Upload, limit: u64, warn: u64, mp_root: &str) -> Vec<Mark> {
    let mut marks = vec![Mark::None; upload.files.len()];
    for (i, p) in upload.packages.iter().enumerate() {
        if p.bytes <= limit.min(warn) {
            continue;
        }
        let mut files: Vec<usize> = (0..upload.files.len())
            .filter(|&f| {
                let file = &upload.files[f];
                file.package == i
                    && !KEPT.contains(&file.path.get(mp_root.len()..).unwrap_or(&file.path))
            })
            .collect();
        files.sort_by(|&a, &b| {
            let (a, b) = (&upload.files[a], &upload.files[b]);
            b.size.cmp(&a.size).then_with(|| a.path.cmp(&b.path))
        });
        let mut left = p.bytes;
        for f in files {
            let mark = if left > limit {
                Mark::Limit
            } else if left > warn {
                Mark::Warn
            } else {
                break;
            };
            marks[f] = mark;
            left -= upload.files[f].size;
        }
    }
    marks
}

/// Text for HTML content and attribute values: controls made visible, then `&<>"'` escaped.
fn esc(s: &str) -> String {
    let s = escape::line(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as it fits in `room` units of width: whole, cut with `…`, or `None` when fewer
/// than three characters would show.
fn fit(text: &str, room: f64) -> Option<String> {
    let text = escape::line(text);
    // Whole columns (the small epsilon: 6 × 6.6 is 39.6 whichever way it was rounded).
    let cols = (room / COLUMN + 1e-6).floor().max(0.0) as usize;
    if text.width() <= cols {
        return Some(text.into_owned());
    }
    let mut out = String::new();
    let mut used = 0;
    let mut n = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        // Room for the `…` after it.
        if used + w + 1 > cols {
            break;
        }
        out.push(c);
        used += w;
        n += 1;
    }
    (n >= 3).then(|| format!("{out}…"))
}

/// The fill of a file, by what it is.
fn kind(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("js" | "ts" | "wxs" | "mjs" | "cjs" | "sjs") => "js",
        Some("wxml" | "html") => "wxml",
        Some("wxss" | "css" | "less" | "scss" | "sass") => "wxss",
        Some("json") => "json",
        Some("png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" | "bmp" | "ico") => "img",
        _ => "other",
    }
}

struct Words {
    lang: Lang,
}

impl Words {
    fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        self.lang.pick(en, zh)
    }
}

struct Map<'a> {
    marks: &'a [Mark],
    words: &'a Words,
    out: String,
}

fn n(v: f64) -> String {
    // Two decimals, no `-0.00`.
    let s = format!("{:.2}", v.max(0.0));
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

impl Map<'_> {
    fn rect(&mut self, class: &str, attrs: &str, r: Rect, title: &str) {
        let _ = write!(
            self.out,
            "<rect class=\"{class}\"{attrs} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{title}</title></rect>",
            n(r.x),
            n(r.y),
            n(r.w),
            n(r.h)
        );
    }

    fn label(&mut self, class: &str, text: &str, r: Rect, room: f64) {
        if let Some(t) = fit(text, room) {
            let _ = write!(
                self.out,
                "<text class=\"{class}\" x=\"{}\" y=\"{}\">{}</text>",
                n(r.x + 3.0),
                n(r.y + FONT + 1.0),
                esc_fitted(&t)
            );
        }
    }

    fn title(&self, path: &str, bytes: u64, mark: Mark) -> String {
        let mut t = format!(
            "{} — {} ({bytes} {})",
            esc(path),
            human_bytes(bytes),
            self.words.t("bytes", "字节")
        );
        match mark {
            Mark::Limit => t.push_str(self.words.t(
                " — marked: moving it out brings the package under its upload limit",
                " — 已标记：移出后该包可降到上传上限以下",
            )),
            Mark::Warn => t.push_str(self.words.t(
                " — marked: moving it out brings the package under 1.5 MB",
                " — 已标记：移出后该包可降到 1.5 MB 以下",
            )),
            Mark::None => {}
        }
        t
    }

    /// A leaf: a file, or a folder too small to subdivide.
    fn leaf(&mut self, node: &Node, path: &str, r: Rect, mark: Mark) {
        let k = if node.file.is_some() {
            kind(&node.name)
        } else {
            "dir"
        };
        let cut = match mark {
            Mark::Limit => " cut-limit",
            Mark::Warn => " cut-warn",
            Mark::None => "",
        };
        let title = self.title(path, node.bytes, mark);
        let attrs = format!(" data-path=\"{}\" data-bytes=\"{}\"", esc(path), node.bytes);
        self.rect(&format!("leaf {k}{cut}"), &attrs, r, &title);
        if r.h >= FONT + 3.0 && r.w > 24.0 {
            let name = if node.file.is_some() {
                node.name.clone()
            } else {
                format!("{}/", node.name)
            };
            self.label("fl", &name, r, r.w - 5.0);
        }
    }

    fn folder(&mut self, node: &Node, path: &str, r: Rect) {
        let mark = node.mark(self.marks);
        if node.file.is_some() || node.children.is_empty() || r.w < MIN_SPLIT || r.h < MIN_SPLIT {
            self.leaf(node, path, r, mark);
            return;
        }
        let title = self.title(&format!("{path}/"), node.bytes, Mark::None);
        let attrs = format!(
            " data-path=\"{}/\" data-bytes=\"{}\"",
            esc(path),
            node.bytes
        );
        self.rect("folder", &attrs, r, &title);
        let mut inner = r.inset(1.0);
        // A band for the name when the folder is tall enough that it takes at most a quarter.
        if r.h >= 4.0 * HEADER && r.w >= 40.0 {
            let label = format!("{}/ {}", node.name, human_bytes(node.bytes));
            self.label("dl", &label, r, r.w - 5.0);
            inner.y += HEADER - 1.0;
            inner.h = (inner.h - HEADER + 1.0).max(0.0);
        }
        self.children(node, path, inner);
    }

    fn children(&mut self, node: &Node, path: &str, r: Rect) {
        let sizes: Vec<f64> = node.children.iter().map(|c| c.bytes as f64).collect();
        let rects = squarify(&sizes, r);
        for (c, cr) in node.children.iter().zip(rects) {
            if c.bytes == 0 {
                // Nothing to draw, but the file is still listed in the leaves' sums.
                let attrs = format!(
                    " data-path=\"{}\" data-bytes=\"0\"",
                    esc(&join(path, &c.name))
                );
                let title = self.title(&join(path, &c.name), 0, Mark::None);
                self.rect(&format!("leaf {}", kind(&c.name)), &attrs, cr, &title);
                continue;
            }
            self.folder(c, &join(path, &c.name), cr);
        }
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}/{name}")
    }
}

/// Already cut to fit and made visible: only the HTML escapes.
fn esc_fitted(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn pct(part: u64, whole: u64) -> String {
    format!("{:.1}%", part as f64 / whole.max(1) as f64 * 100.0)
}

pub fn render(
    upload: &Upload,
    limits: &Limits,
    mp_root: &str,
    project: &str,
    lang: Lang,
) -> String {
    let w = Words { lang };
    let warn = QUALITY_PACKAGE_BYTES;
    let marks = marks(upload, limits.package, warn, mp_root);
    let mut html = String::new();
    let title = format!(
        "{} {project} ({})",
        w.t("mpcheck size:", "mpcheck 包大小："),
        human_bytes(upload.total)
    );
    let _ = write!(
        html,
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        w.t("en", "zh-CN"),
        esc(&title)
    );
    let _ = writeln!(
        html,
        "<h1>{} {}</h1>",
        w.t("What will be uploaded:", "将要上传的内容："),
        esc(project)
    );
    let _ = writeln!(
        html,
        "<div class=\"sub\">{}</div>",
        match lang {
            Lang::En => format!(
                "{} package(s), {} in all (limit {}); a package may be at most {}, the code-quality scan warns above {}",
                upload.packages.len(),
                human_bytes(upload.total),
                human_bytes(limits.total),
                human_bytes(limits.package),
                human_bytes(warn)
            ),
            Lang::Zh => format!(
                "共 {} 个包，总计 {}（上限 {}）；每个包最多 {}，超过 {} 时代码质量扫描会提示",
                upload.packages.len(),
                human_bytes(upload.total),
                human_bytes(limits.total),
                human_bytes(limits.package),
                human_bytes(warn)
            ),
        }
    );

    // The treemap.
    let _ = writeln!(
        html,
        "<h2>{}</h2>\n<p class=\"note\">{}</p>",
        w.t("The upload as a map", "上传内容分布图"),
        w.t(
            "Each package is a rectangle whose area is proportional to its bytes; inside it, each folder and file in proportion to its bytes (a band at the top of a large folder holds its name). Hover over a rectangle for its path and bytes.",
            "每个包是一个矩形，面积与其字节数成正比；包内每个目录和文件的面积也与其字节数成正比（较大目录顶部的横条显示目录名）。将鼠标悬停在矩形上可查看路径和字节数。"
        )
    );
    let _ = writeln!(
        html,
        "<svg id=\"map\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {MAP_WIDTH} {MAP_HEIGHT}\" width=\"{MAP_WIDTH}\" height=\"{MAP_HEIGHT}\">\n\
         <defs><pattern id=\"hatch-limit\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#dc2626\" fill-opacity=\"0.35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"3\"/></pattern>\
         <pattern id=\"hatch-warn\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(-45)\"><rect width=\"6\" height=\"6\" fill=\"#f59e0b\" fill-opacity=\"0.35\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#fff\" stroke-width=\"3\"/></pattern></defs>"
    );
    let drawn: Vec<usize> = {
        let mut v: Vec<usize> = (0..upload.packages.len())
            .filter(|&i| upload.packages[i].bytes > 0)
            .collect();
        v.sort_by(|&a, &b| {
            let (a, b) = (&upload.packages[a], &upload.packages[b]);
            b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name))
        });
        v
    };
    let sizes: Vec<f64> = drawn
        .iter()
        .map(|&i| upload.packages[i].bytes as f64)
        .collect();
    let rects = squarify(
        &sizes,
        Rect {
            x: 0.0,
            y: 0.0,
            w: MAP_WIDTH,
            h: MAP_HEIGHT,
        },
    );
    let mut outlines = String::new();
    for (&i, r) in drawn.iter().zip(rects) {
        let p = &upload.packages[i];
        let mut tree = Node {
            name: p.name.clone(),
            bytes: 0,
            file: None,
            children: Vec::new(),
        };
        for (fi, f) in upload
            .files
            .iter()
            .enumerate()
            .filter(|(_, f)| f.package == i)
        {
            let rel = f.path.get(mp_root.len()..).unwrap_or(&f.path);
            let rel = rel.strip_prefix(p.root.as_str()).unwrap_or(rel);
            let parts: Vec<&str> = rel.split('/').collect();
            tree.insert(&parts, f.size, fi);
        }
        tree.sort();
        let status = if p.bytes > limits.package {
            " over"
        } else if p.bytes > warn {
            " warn"
        } else {
            ""
        };
        let _ = write!(
            html,
            "<g class=\"package{status}\" data-package=\"{}\">",
            esc(&p.name)
        );
        let mut map = Map {
            marks: &marks,
            words: &w,
            out: String::new(),
        };
        let ptitle = match lang {
            Lang::En => format!(
                "{} — {} ({} bytes, {} of the {} limit), {} files",
                esc(&p.name),
                human_bytes(p.bytes),
                p.bytes,
                pct(p.bytes, limits.package),
                human_bytes(limits.package),
                p.files
            ),
            Lang::Zh => format!(
                "{} — {}（{} 字节，占 {} 上限的 {}），{} 个文件",
                esc(&p.name),
                human_bytes(p.bytes),
                p.bytes,
                human_bytes(limits.package),
                pct(p.bytes, limits.package),
                p.files
            ),
        };
        map.rect("pkg", &format!(" data-bytes=\"{}\"", p.bytes), r, &ptitle);
        let mut inner = r.inset(2.0);
        if r.h >= 3.0 * HEADER && r.w >= 40.0 {
            let share = match lang {
                Lang::En => format!(
                    "{} of {}",
                    pct(p.bytes, limits.package),
                    human_bytes(limits.package)
                ),
                Lang::Zh => format!("占上限 {}", pct(p.bytes, limits.package)),
            };
            // The longest of these that fits; else the name, cut.
            let full = format!("{} {} · {share}", p.name, human_bytes(p.bytes));
            let short = format!("{} {}", p.name, human_bytes(p.bytes));
            let room = (r.w - 6.0) * PACKAGE_FONT_RATIO;
            let label = [full, short]
                .into_iter()
                .find(|l| fit(l, room).as_deref() == Some(escape::line(l).as_ref()))
                .unwrap_or_else(|| p.name.clone());
            map.label("pl", &label, r, room);
            inner.y += HEADER;
            inner.h = (inner.h - HEADER).max(0.0);
        }
        map.children(&tree, "", inner);
        html.push_str(&map.out);
        html.push_str("</g>\n");
        let _ = write!(
            outlines,
            "<rect class=\"outline{status}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            n(r.x),
            n(r.y),
            n(r.w),
            n(r.h)
        );
    }
    // The package borders over everything, so that no folder hides them.
    html.push_str(&outlines);
    html.push_str("\n</svg>\n");

    // The legend.
    let kinds: [(&str, &str, &str); 7] = [
        ("js", "JS / TS / WXS", "JS / TS / WXS"),
        ("wxml", "WXML", "WXML"),
        ("wxss", "WXSS / CSS", "WXSS / CSS"),
        ("json", "JSON", "JSON"),
        ("img", "images", "图片"),
        ("other", "other files", "其他文件"),
        (
            "dir",
            "folder too small to show its files",
            "太小而无法展开的目录",
        ),
    ];
    let _ = write!(html, "<div class=\"legend\">{}", w.t("Colours:", "颜色："));
    for (k, en, zh) in kinds {
        let _ = write!(
            html,
            "<svg class=\"key\" width=\"14\" height=\"14\"><rect class=\"leaf {k}\" width=\"14\" height=\"14\"/></svg>{}",
            w.t(en, zh)
        );
    }
    html.push_str("</div>\n");
    let limit_text = match lang {
        Lang::En => format!(
            "the largest files of a package over its {} limit whose removal (largest first) would bring it under the limit",
            human_bytes(limits.package)
        ),
        Lang::Zh => format!(
            "包超过 {} 上限时，按从大到小依次移出、可使其降到上限以下的最大文件",
            human_bytes(limits.package)
        ),
    };
    let warn_text = match lang {
        Lang::En => format!(
            "the next largest files whose removal would bring it under {} as well (the code-quality scan's mark)",
            human_bytes(warn)
        ),
        Lang::Zh => format!(
            "继续移出可使其降到 {} 以下（代码质量扫描的提示线）的其次大的文件",
            human_bytes(warn)
        ),
    };
    let _ = writeln!(
        html,
        "<div class=\"legend\" id=\"cut-legend\"><svg class=\"key\" width=\"14\" height=\"14\"><rect class=\"leaf other cut-limit\" width=\"14\" height=\"14\"/></svg>{}<br>\
         <svg class=\"key\" width=\"14\" height=\"14\"><rect class=\"leaf other cut-warn\" width=\"14\" height=\"14\"/></svg>{}</div>",
        esc(&limit_text),
        esc(&warn_text)
    );

    // The marked files, per package.
    let mut by_package: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (f, m) in marks.iter().enumerate() {
        if *m != Mark::None {
            by_package
                .entry(upload.files[f].package)
                .or_default()
                .push(f);
        }
    }
    for (pi, mut files) in by_package {
        let p = &upload.packages[pi];
        files.sort_by(|&a, &b| {
            let (a, b) = (&upload.files[a], &upload.files[b]);
            b.size.cmp(&a.size).then_with(|| a.path.cmp(&b.path))
        });
        let over = p.bytes > limits.package;
        let heading = match (lang, over) {
            (Lang::En, true) => format!(
                "{} is {}, over its {} limit: moving out these files, largest first, brings it under (the hatched files)",
                p.name,
                human_bytes(p.bytes),
                human_bytes(limits.package)
            ),
            (Lang::En, false) => format!(
                "{} is {}, over {}: moving out these files, largest first, brings it under (the hatched files)",
                p.name,
                human_bytes(p.bytes),
                human_bytes(warn)
            ),
            (Lang::Zh, true) => format!(
                "{} 为 {}，超过 {} 上限：按从大到小移出以下文件（图中带斜线的文件）即可降到上限以下",
                p.name,
                human_bytes(p.bytes),
                human_bytes(limits.package)
            ),
            (Lang::Zh, false) => format!(
                "{} 为 {}，超过 {}：按从大到小移出以下文件（图中带斜线的文件）即可降到其下",
                p.name,
                human_bytes(p.bytes),
                human_bytes(warn)
            ),
        };
        let _ = write!(
            html,
            "<div class=\"cuts\" data-package=\"{}\"><div>{}</div><ul>",
            esc(&p.name),
            esc(&heading)
        );
        let more = files.len().saturating_sub(LISTED);
        let more_bytes: u64 = files
            .iter()
            .skip(LISTED)
            .map(|&f| upload.files[f].size)
            .sum();
        files.truncate(LISTED);
        for f in files {
            let file = &upload.files[f];
            let rel = file.path.get(mp_root.len()..).unwrap_or(&file.path);
            let (class, why) = match marks[f] {
                Mark::Limit => (
                    "cut-limit",
                    w.t(" (for the upload limit)", "（为满足上传上限）"),
                ),
                _ => ("cut-warn", w.t(" (for 1.5 MB)", "（为降到 1.5 MB 以下）")),
            };
            let _ = write!(
                html,
                "<li class=\"{class}\" data-path=\"{}\" data-bytes=\"{}\">{} — {}{why}</li>",
                esc(rel),
                file.size,
                esc(rel),
                human_bytes(file.size)
            );
        }
        if more > 0 {
            let _ = write!(
                html,
                "<li>{}</li>",
                match lang {
                    Lang::En => format!(
                        "… and {more} more files, {} in all",
                        human_bytes(more_bytes)
                    ),
                    Lang::Zh => format!("…… 另有 {more} 个文件，共 {}", human_bytes(more_bytes)),
                }
            );
        }
        html.push_str("</ul></div>\n");
    }
    // The table.
    let _ = writeln!(html, "<h2>{}</h2>", w.t("Packages", "各包大小"));
    let heads: [&str; 6] = match lang {
        Lang::En => ["Package", "Files", "Bytes", "Size", "Limit", "Used"],
        Lang::Zh => ["包", "文件数", "字节", "大小", "上限", "占比"],
    };
    let _ = write!(html, "<table id=\"packages\">\n<thead><tr>");
    for h in heads {
        let _ = write!(html, "<th>{h}</th>");
    }
    let _ = writeln!(html, "<th></th></tr></thead>\n<tbody>");
    let scale_of = |bytes: u64| (limits.package as f64 * 1.25).max(bytes as f64).max(1.0);
    for p in &upload.packages {
        let scale = scale_of(p.bytes);
        let class = if p.bytes > limits.package {
            " over"
        } else if p.bytes > warn {
            " warn"
        } else {
            ""
        };
        let name = if p.independent {
            format!("{} {}", esc(&p.name), w.t("(independent)", "（独立分包）"))
        } else {
            esc(&p.name)
        };
        let _ = writeln!(
            html,
            "<tr data-package=\"{}\" data-bytes=\"{}\"><td>{name}</td><td class=\"files\">{}</td>\
             <td class=\"bytes\">{}</td><td>{}</td><td>{}</td><td>{}</td><td><div class=\"bar\">\
             <div class=\"fill{class}\" style=\"width:{}%\"></div><div class=\"mark q\" style=\"left:{}%\"></div>\
             <div class=\"mark\" style=\"left:{}%\"></div></div></td></tr>",
            esc(&p.name),
            p.bytes,
            p.files,
            p.bytes,
            human_bytes(p.bytes),
            human_bytes(limits.package),
            pct(p.bytes, limits.package),
            n(p.bytes as f64 / scale * 100.0),
            n(warn as f64 / scale * 100.0),
            n(limits.package as f64 / scale * 100.0),
        );
    }
    let _ = writeln!(
        html,
        "<tr id=\"total\" data-bytes=\"{}\"><td>{}</td><td>{}</td><td class=\"bytes\">{}</td><td>{}</td><td>{}</td><td>{}</td><td></td></tr>\n</tbody>\n</table>",
        upload.total,
        w.t("Total", "总计"),
        upload.files.len(),
        upload.total,
        human_bytes(upload.total),
        human_bytes(limits.total),
        pct(upload.total, limits.total)
    );
    let _ = writeln!(
        html,
        "<div class=\"legend\">{}<span class=\"sw\" style=\"background:#f59e0b\"></span>{}<span class=\"sw\" style=\"background:#111\"></span>{}</div>",
        w.t("Bar marks:", "条形图标记："),
        w.t("1.5 MB (code-quality scan)", "1.5 MB（代码质量扫描）"),
        w.t("upload limit", "上传上限")
    );

    html.push_str("</body>\n</html>\n");
    html
}

const STYLE: &str = r#"
  body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #222; }
  h1 { font-size: 18px; margin: 0 0 4px; }
  h2 { font-size: 15px; margin: 18px 0 4px; }
  .sub, .note { color: #555; margin: 0 0 12px; }
  table { border-collapse: collapse; margin-bottom: 8px; }
  th, td { padding: 4px 10px; text-align: right; border-bottom: 1px solid #eee; }
  th:first-child, td:first-child { text-align: left; }
  .bar { position: relative; width: 260px; height: 12px; background: #f0f0f0; }
  .bar .fill { position: absolute; left: 0; top: 0; bottom: 0; background: #3b82f6; }
  .bar .fill.warn { background: #f59e0b; } .bar .fill.over { background: #dc2626; }
  .bar .mark { position: absolute; top: -3px; bottom: -3px; width: 2px; background: #111; }
  .bar .mark.q { background: #f59e0b; }
  .legend { margin: 6px 0; color: #333; }
  .legend .sw { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 12px; }
  .legend svg.key { vertical-align: -2px; margin: 0 4px 0 12px; }
  #map { display: block; max-width: 100%; height: auto; font: 11px system-ui, sans-serif; }
  #map text { pointer-events: none; }
  #map .pkg { fill: #f8fafc; }
  #map .folder { fill: #000; fill-opacity: 0.07; stroke: #64748b; stroke-width: 0.5; }
  .leaf { stroke: #fff; stroke-width: 0.5; }
  .leaf.js { fill: #2563eb; } .leaf.wxml { fill: #059669; } .leaf.wxss { fill: #7c3aed; }
  .leaf.json { fill: #b45309; } .leaf.img { fill: #db2777; } .leaf.other { fill: #6b7280; }
  .leaf.dir { fill: #94a3b8; }
  .leaf.cut-limit { fill: url(#hatch-limit); stroke: #b91c1c; stroke-width: 2.5; }
  .leaf.cut-warn { fill: url(#hatch-warn); stroke: #b45309; stroke-width: 2; stroke-dasharray: 5 2; }
  #map .fl { fill: #fff; }
  #map .leaf.cut-limit + .fl, #map .leaf.cut-warn + .fl { fill: #111; }
  #map .dl { fill: #1e293b; }
  #map .pl { fill: #0f172a; font-weight: 600; font-size: 12px; }
  #map .outline { fill: none; stroke: #0f172a; stroke-width: 2; }
  #map .outline.warn { stroke: #d97706; stroke-width: 3; }
  #map .outline.over { stroke: #dc2626; stroke-width: 3; }
  .cuts { margin: 10px 0; }
  .cuts ul { margin: 4px 0; }
  .cuts li.cut-limit { color: #b91c1c; } .cuts li.cut-warn { color: #92400e; }
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squarified_areas_are_proportional_and_tile_the_rectangle() {
        let r = Rect {
            x: 10.0,
            y: 5.0,
            w: 300.0,
            h: 200.0,
        };
        let sizes = [600.0, 300.0, 50.0, 30.0, 15.0, 5.0];
        let rects = squarify(&sizes, r);
        let total: f64 = sizes.iter().sum();
        for (s, q) in sizes.iter().zip(&rects) {
            let expected = s / total * r.w * r.h;
            assert!((q.w * q.h - expected).abs() < 1e-6, "{q:?} {expected}");
            assert!(q.x >= r.x - 1e-9 && q.x + q.w <= r.x + r.w + 1e-6, "{q:?}");
            assert!(q.y >= r.y - 1e-9 && q.y + q.h <= r.y + r.h + 1e-6, "{q:?}");
        }
        // No two overlap.
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let ox = (a.x + a.w).min(b.x + b.w) - a.x.max(b.x);
                let oy = (a.y + a.h).min(b.y + b.h) - a.y.max(b.y);
                assert!(ox <= 1e-6 || oy <= 1e-6, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn labels_are_cut_to_fit_or_left_out() {
        assert_eq!(fit("pages", 100.0).as_deref(), Some("pages"));
        assert_eq!(fit("components", 6.0 * COLUMN).as_deref(), Some("compo…"));
        assert_eq!(fit("components", 3.0 * COLUMN), None);
        // Double-width characters take two columns.
        assert_eq!(fit("图片资源目录", 6.0 * COLUMN).as_deref(), None);
        assert_eq!(
            fit("图片资源目录", 8.0 * COLUMN).as_deref(),
            Some("图片资…")
        );
        // Controls are shown, not passed through.
        assert_eq!(fit("a\u{1b}b", 100.0).as_deref(), Some("a\\u{1b}b"));
    }

    #[test]
    fn names_are_escaped_for_html() {
        assert_eq!(
            esc("<img src=x onerror='1'>&\"\n"),
            "&lt;img src=x onerror=&#39;1&#39;&gt;&amp;&quot;\\n"
        );
    }
}
