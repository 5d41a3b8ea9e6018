//! MP526: `.wxml`, `.wxss`, `.wxs` or `.json` files in a widget folder. The widget view is a
//! fixed page with one canvas and the widget service loads only `.js` files (DevTools
//! 1.02.1810250, spec §1.3): these files are never loaded. One finding per folder. That no UI
//! but the canvas exists is inferred (spec Part 2 item 1), so a warning.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetUnloadedFile, code: "MP526", name: "widget-unloaded-file", group: Widget, severity: Warning,
    summary: ["A widget folder has WXML, WXSS, WXS or JSON files, which a widget never loads", "Widget 目录中有 WXML、WXSS、WXS 或 JSON 文件，Widget 不会加载它们"],
}

const UNLOADED: &[&str] = &[".wxml", ".wxss", ".wxs", ".json"];

/// The finding at the first of `files` (sorted, not empty) in the folder `inside` of the widget
/// at `widget_path`, which the widget never loads.
fn unloaded(ctx: &Ctx, files: &[&str], inside: &str, widget_path: &str) -> Diagnostic {
    let shown: Vec<&str> = files
        .iter()
        .take(3)
        .map(|p| p.strip_prefix(inside).unwrap_or(p))
        .collect();
    let more = if files.len() > 3 { ", …" } else { "" };
    let list = format!("{}{more}", shown.join(", "));
    Diagnostic::new(
        &META,
        files[0],
        None,
        ctx.t(
            format!("{} file(s) in the widget folder `{}` are never loaded ({list}): a widget draws everything on a canvas and loads only JS", files.len(), widget_path),
            format!("Widget 目录 `{}` 中有 {} 个文件不会被加载（{list}）：Widget 只加载 JS，所有内容都在画布上绘制", widget_path, files.len()),
        ),
    )
    .help(ctx.t(
        "draw the UI with this.getContext() and draw(); remove these files or move them out of the widget folder".into(),
        "请用 this.getContext() 和 draw() 绘制界面；删除这些文件或移出 Widget 目录".into(),
    ))
}

impl Rule for WidgetUnloadedFile {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for w in &ctx.analysis.widgets {
            let inside = format!("{}/", w.dir);
            let mut files: Vec<&str> = ctx
                .project
                .files
                .iter()
                .filter(|f| !f.excluded && f.path.starts_with(&inside))
                .map(|f| f.path.as_str())
                .filter(|p| UNLOADED.iter().any(|e| p.ends_with(e)))
                .collect();
            if files.is_empty() {
                continue;
            }
            files.sort_unstable();
            out.push(unloaded(ctx, &files, &inside, w.path));
        }
    }
}
