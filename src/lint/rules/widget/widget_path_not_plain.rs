//! MP506: a `widgets[].path` that DevTools' file checks accept but its widget loader does not
//! match: a leading `./` or `/`, a trailing `/`, `.`/`..`/empty segments, a backslash, or `..`
//! climbing out of the miniprogram root (inferred, spec Part 2 item 3).

use super::{PathTrap, WidgetDecl, declarations, item_name, manifest_name, path_trap};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WidgetPathNotPlain, code: "MP506", name: "widget-path-not-plain", group: Widget, severity: Warning,
    summary: ["A widgets[] path is not a plain folder path, so the widget loader misses its files", "widgets 中某项的 path 不是规范的目录路径，widget 加载时找不到其文件"],
}

/// `path` folded to the plain form the loader matches (within the root).
fn plain(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The finding at the `path` of the declaration `d`, which is not a plain path (`trap`).
fn not_plain(ctx: &Ctx, d: &WidgetDecl, path: &str, trap: PathTrap) -> Diagnostic {
    let f = manifest_name(&d.file);
    let item = item_name(d);
    let (what_en, what_zh) = match trap {
        PathTrap::LeadingDotSlash => ("starts with \"./\"", "以 \"./\" 开头"),
        PathTrap::LeadingSlash => ("starts with \"/\"", "以 \"/\" 开头"),
        PathTrap::TrailingSlash => ("ends with \"/\"", "以 \"/\" 结尾"),
        PathTrap::DotSegment => (
            "has \".\", \"..\" or empty segments",
            "包含 \".\"、\"..\" 或空的路径段",
        ),
        PathTrap::Backslash => ("has a backslash", "包含反斜杠"),
        PathTrap::Outside => ("climbs out of the miniprogram root", "超出了小程序根目录"),
    };
    let help = if trap == PathTrap::Outside {
        ctx.t(
            "move the widget folder into the miniprogram root and name it relative to the root, e.g. \"widget\"".into(),
            "请将 widget 目录移到小程序根目录内，并写相对于根目录的路径，如 \"widget\"".into(),
        )
    } else if trap == PathTrap::Backslash {
        let fixed = plain(&path.replace('\\', "/"));
        ctx.t(format!("write \"{fixed}\""), format!("应写为 \"{fixed}\""))
    } else {
        match plain(path) {
            fixed if fixed.is_empty() => ctx.t(
                "put the widget in its own folder and name it, e.g. \"widget\"".into(),
                "请将 widget 放在单独的目录中，并写该目录，如 \"widget\"".into(),
            ),
            fixed => ctx.t(format!("write \"{fixed}\""), format!("应写为 \"{fixed}\"")),
        }
    };
    let span = d.item.get("path").map_or(d.item.span, |v| v.span);
    Diagnostic::new(
        &META,
        &d.file,
        Some(span),
        ctx.t(
            format!("{item}.path of {f} \"{path}\" {what_en}: the widget loader will not find its widget.js"),
            format!("{f} 的 {item}.path \"{path}\" {what_zh}：widget 加载时将找不到其 widget.js"),
        ),
    )
    .label(ctx.t("not a plain path".into(), "不是规范路径".into()))
    .help(help)
}

impl Rule for WidgetPathNotPlain {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for d in declarations(ctx.project) {
            let Some(path) = d.path.filter(|s| !s.is_empty()) else {
                continue;
            };
            let Some(trap) = path_trap(path) else {
                continue;
            };
            out.push(not_plain(ctx, &d, path, trap));
        }
    }
}
