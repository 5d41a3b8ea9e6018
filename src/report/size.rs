//! `mpcheck size`: what is uploaded, per package, as a table or as JSON.

use crate::analysis::package::Upload;
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::lint::config::Limits;
use std::fmt::Write;
use unicode_width::UnicodeWidthStr;

pub use crate::analysis::package::{folders, human_bytes};

fn bar(share: f64, width: usize) -> String {
    let filled = ((share.min(1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

/// `s` and spaces to `width` terminal columns (a CJK character takes two; std's `{:<w$}`
/// counts chars, and panics past width 65,535, and a package name is whatever app.json says).
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(s.width())))
}

/// Spaces and `s`, `width` terminal columns in all.
fn pad_left(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(s.width())))
}

pub fn text(upload: &Upload, limits: &Limits, mp_root: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let (h_pkg, h_files, h_size, h_limit, h_used) = if zh {
        ("包", "文件数", "大小", "上限", "占比")
    } else {
        ("Package", "Files", "Size", "Limit", "Used")
    };
    let names: Vec<String> = upload
        .packages
        .iter()
        .map(|p| escape::line(&p.name).into_owned())
        .collect();
    let name_w = names
        .iter()
        .map(|n| n.width())
        .chain([h_pkg.width(), 7])
        .max()
        .unwrap_or(7);
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad(h_pkg, name_w),
        pad_left(h_files, 6),
        pad_left(h_size, 10),
        pad_left(h_limit, 8),
        pad_left(h_used, 6)
    );
    for (p, name) in upload.packages.iter().zip(&names) {
        let share = p.bytes as f64 / limits.package as f64;
        let _ = writeln!(
            out,
            "{}  {:>6}  {:>10}  {:>8}  {:>5.1}%  {}",
            pad(name, name_w),
            p.files,
            human_bytes(p.bytes),
            human_bytes(limits.package),
            share * 100.0,
            bar(share, 20)
        );
    }
    let total_label = if zh { "总计" } else { "Total" };
    let _ = writeln!(
        out,
        "{}  {:>6}  {:>10}  {:>8}  {:>5.1}%",
        pad(total_label, name_w),
        upload.files.len(),
        human_bytes(upload.total),
        human_bytes(limits.total),
        upload.total as f64 / limits.total as f64 * 100.0
    );
    for (i, (p, name)) in upload.packages.iter().zip(&names).enumerate() {
        if p.files == 0 {
            continue;
        }
        let _ = writeln!(out);
        let _ = if zh {
            writeln!(
                out,
                "{name}（{}）中最大的目录和文件：",
                human_bytes(p.bytes)
            )
        } else {
            writeln!(out, "{name} largest ({}):", human_bytes(p.bytes))
        };
        for (folder, bytes) in folders(upload, i, mp_root).iter().take(5) {
            let _ = writeln!(
                out,
                "  {:>10}  {}",
                human_bytes(*bytes),
                escape::line(folder)
            );
        }
        for f in upload.largest(i, 5) {
            let _ = writeln!(
                out,
                "  {:>10}  {}",
                human_bytes(f.size),
                escape::line(f.path.get(mp_root.len()..).unwrap_or(&f.path))
            );
        }
    }
    if !upload.dropped.is_empty() {
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "{}",
            if zh {
                format!(
                    "未上传的文件：{} 个（mpcheck check 会逐个列出）",
                    upload.dropped.len()
                )
            } else {
                format!(
                    "{} file(s) under the root are not uploaded (mpcheck check lists them)",
                    upload.dropped.len()
                )
            }
        );
    }
    out
}

pub fn json(upload: &Upload, limits: &Limits) -> String {
    #[derive(serde::Serialize)]
    struct Pkg<'a> {
        name: &'a str,
        bytes: u64,
        limit: u64,
        files: usize,
    }
    #[derive(serde::Serialize)]
    struct Out<'a> {
        packages: Vec<Pkg<'a>>,
        total: u64,
    }
    let out = Out {
        packages: upload
            .packages
            .iter()
            .map(|p| Pkg {
                name: &p.name,
                bytes: p.bytes,
                limit: limits.package,
                files: p.files,
            })
            .collect(),
        total: upload.total,
    };
    let mut s = super::json::to_string_pretty(&out);
    s.push('\n');
    s
}
