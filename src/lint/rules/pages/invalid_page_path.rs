//! MP201: a page path, subpackage root or entryPagePath breaks the official path rules: empty,
//! a `\`, `//`, a leading `.`, `/` or space, or `../`.

use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::paths::{PathProblem, check_path};
use std::collections::HashSet;

crate::declare_rule! {
    InvalidPagePath, code: "MP201", name: "invalid-page-path", group: Pages, severity: Error,
    summary: ["A page path, subpackage root or entryPagePath is malformed", "页面路径、分包 root 或 entryPagePath 格式错误"],
}

fn describe(problem: PathProblem) -> (&'static str, &'static str) {
    match problem {
        PathProblem::Empty => ("should not be ''", "不能为 ''"),
        PathProblem::Backslash => ("should not contain '\\'", "不应该包含 \\"),
        PathProblem::DoubleSlash => ("should not contain '//'", "不应该包含 //"),
        PathProblem::LeadingDot => ("should not begin with '.'", "不应该以 '.' 开头"),
        PathProblem::LeadingSlash => ("should not begin with '/'", "不应该以 '/' 开头"),
        PathProblem::LeadingSpace => ("should not begin with a space", "不应该以空格开头"),
        PathProblem::ParentDir => ("should not contain '../'", "不应该包含 ../"),
    }
}

/// The path with the mechanical mistakes removed.
fn fix(path: &str) -> String {
    let mut p = path.trim().replace('\\', "/");
    while p.contains("//") {
        p = p.replace("//", "/");
    }
    while let Some(rest) = p.strip_prefix("./").or_else(|| p.strip_prefix('/')) {
        p = rest.to_string();
    }
    p
}

/// The finding at `path` (at `pointer`), which breaks the path rules by `problem`.
fn malformed(
    ctx: &Ctx,
    file: &str,
    pointer: &str,
    path: &str,
    problem: PathProblem,
    span: Span,
) -> Diagnostic {
    let (en, zh) = describe(problem);
    let fixed = fix(path);
    let help = (!fixed.is_empty() && fixed != path && check_path(&fixed).is_none())
        .then(|| ctx.t(format!("write \"{fixed}\""), format!("应写为 \"{fixed}\"")));
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(format!("{pointer} {en}"), format!("{pointer} {zh}")),
    )
    .label(ctx.t("malformed path".into(), "路径格式错误".into()))
    .maybe_help(help)
}

impl Rule for InvalidPagePath {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let file = ctx.project.app_json_path();
        // The package of each page (`Some`), so that a fix does not declare a page twice.
        let mut targets: Vec<(String, &str, Span, Option<Option<usize>>)> = app
            .all_pages()
            .map(|p| (p.pointer.clone(), p.path.as_str(), p.span, Some(p.package)))
            .collect();
        for sp in &app.subpackages {
            if let Some((root, span)) = &sp.root {
                targets.push((
                    format!("[\"{}\"][{}][\"root\"]", sp.key, sp.index),
                    root,
                    *span,
                    None,
                ));
            }
        }
        if let Some((entry, span)) = &app.entry_page {
            targets.push(("[\"entryPagePath\"]".into(), entry, *span, None));
        }
        let mut declared: HashSet<(Option<usize>, String)> = app
            .all_pages()
            .map(|p| (p.package, p.path.clone()))
            .collect();
        for (pointer, path, span, package) in targets {
            let Some(problem) = check_path(path) else {
                continue;
            };
            // The one mechanical case: a leading `/` (written without escapes) goes.
            let raw = ctx
                .project
                .json(&file)
                .and_then(|d| d.source.text.get(span.range()));
            let fix = (problem == PathProblem::LeadingSlash
                && check_path(&path[1..]).is_none()
                && raw == Some(format!("\"{path}\"").as_str())
                && package.is_none_or(|pkg| declared.insert((pkg, path[1..].to_string()))))
            .then(|| {
                let at = span.start as usize + 1;
                Edit::new(&file, Span::new(at, at + 1), "")
            });
            out.push(malformed(ctx, &file, &pointer, path, problem, span).fix(fix));
        }
    }
}
