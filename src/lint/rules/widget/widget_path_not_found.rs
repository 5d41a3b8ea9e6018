//! MP503: a `widgets[]` item whose `path` is missing, not a string, or names nothing in the
//! miniprogram root, or names a file instead of a folder (DevTools JSON_WIDGETS_PATH_NOT_FOUND
//! and JSON_WIDGETS_PATH_SHOULD_BE_DIR). A path that climbs out of the root is MP506's.

use super::{PathTrap, WidgetDecl, declarations, manifest_name, path_trap, resolve_path};
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    WidgetPathNotFound, code: "MP503", name: "widget-path-not-found", group: Widget, severity: Error,
    summary: ["A widgets[] path is missing or does not name a folder", "widgets 中某项的 path 缺失或不是目录"],
}

/// The message of a declaration `d` whose path is not found.
fn not_found(ctx: &Ctx, d: &WidgetDecl) -> Text {
    let (f, i) = (manifest_name(&d.file), d.index);
    ctx.t(
        format!("No corresponding path for widgets[{i}].path of {f} is found"),
        format!("{f} 的 widgets[{i}].path 找不到对应的路径"),
    )
}

/// How to write `path` (the help of every finding but a letter-case near miss).
fn path_help(ctx: &Ctx) -> Text {
    ctx.t(
        "set \"path\" to the widget's folder, relative to the miniprogram root, e.g. \"widget\""
            .into(),
        "请将 \"path\" 设为 widget 所在目录（相对于小程序根目录），如 \"widget\"".into(),
    )
}

/// The finding at the declaration `d` whose `path` (`path_value`) is missing, empty or not a
/// string.
fn no_path(ctx: &Ctx, d: &WidgetDecl, path_value: Option<&Json>) -> Diagnostic {
    let (span, label) = match path_value {
        Some(v) if v.as_str().is_some() => (v.span, ctx.t("empty".into(), "为空".into())),
        Some(v) => (
            v.span,
            ctx.t(
                format!("{}, not a string", v.type_name()),
                format!("{}，不是字符串", v.type_name()),
            ),
        ),
        None => (d.item.span, ctx.t("no path".into(), "缺少 path".into())),
    };
    Diagnostic::new(&META, &d.file, Some(span), not_found(ctx, d))
        .label(label)
        .help(path_help(ctx))
}

/// The finding at the `path` (`span`) of the declaration `d`, which names a file.
fn not_a_folder(ctx: &Ctx, d: &WidgetDecl, span: Span) -> Diagnostic {
    let (f, i) = (manifest_name(&d.file), d.index);
    Diagnostic::new(
        &META,
        &d.file,
        Some(span),
        ctx.t(
            format!("widgets[{i}].path of {f} needs to be a directory"),
            format!("{f} 的 widgets[{i}].path 需为目录"),
        ),
    )
    .label(ctx.t("a file".into(), "是文件".into()))
    .help(path_help(ctx))
}

/// The finding at the `path` (`span`) of the declaration `d`, which names nothing (`rel`);
/// `differs`: a folder whose name differs only in letter case.
fn path_not_found(
    ctx: &Ctx,
    d: &WidgetDecl,
    span: Span,
    rel: String,
    differs: Option<String>,
) -> Diagnostic {
    let help = match differs {
        Some(dir) => ctx.t(
            format!("letter case differs from the folder \"{dir}\": write \"{dir}\""),
            format!("大小写与目录 \"{dir}\" 不一致：应写为 \"{dir}\""),
        ),
        None => path_help(ctx),
    };
    Diagnostic::new(&META, &d.file, Some(span), not_found(ctx, d))
        .label(ctx.t("not found".into(), "未找到".into()))
        .related(rel, None, ctx.t("does not exist".into(), "不存在".into()))
        .help(help)
}

impl Rule for WidgetPathNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for d in declarations(ctx.project) {
            if d.item.as_object().is_none() {
                continue;
            }
            let path_value = d.item.get("path");
            let Some(path) = d.path.filter(|s| !s.is_empty()) else {
                out.push(no_path(ctx, &d, path_value));
                continue;
            };
            let span = path_value.map_or(d.item.span, |v| v.span);
            // A path that climbs out of the root or uses `\` is MP506's (one finding).
            if matches!(
                path_trap(path),
                Some(PathTrap::Outside | PathTrap::Backslash)
            ) {
                continue;
            }
            let Some(rel) = resolve_path(ctx, path) else {
                continue;
            };
            if p.is_dir(&rel) {
                continue;
            }
            if p.exists(&rel) {
                out.push(not_a_folder(ctx, &d, span));
                continue;
            }
            // A folder differing only in letter case (found through its widget.js).
            let differs = p.case_variant(&super::widget_js(&rel)).map(|found| {
                let dir = found.strip_suffix("widget.js").unwrap_or(found);
                let dir = dir.strip_prefix(p.mp_root.as_str()).unwrap_or(dir);
                dir.trim_end_matches('/').to_string()
            });
            out.push(path_not_found(ctx, &d, span, rel, differs));
        }
    }
}
