//! MP119: a DarkMode `@variable` that cannot work: used without `themeLocation` in app.json,
//! missing from theme.json's `light` or `dark`, or used in a key that does not take variables.

use super::{VarUse, app, var_uses};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    ThemeVariable, code: "MP119", name: "theme-variable", group: Config, severity: Error,
    summary: ["A DarkMode @variable is undefined, lacks themeLocation, or is used where it is not allowed", "DarkMode @变量未定义、缺少 themeLocation，或用在不支持变量的字段中"],
    needs: [Schemas],
}

/// The finding at variable use `u`, in a key that does not take variables.
fn not_allowed(ctx: &Ctx, u: &VarUse) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.file,
        Some(u.span),
        ctx.t(
            format!("@{} should not be in {}: this key does not take DarkMode variables", u.name, u.pointer),
            format!("@{} 不应该在 {} 中", u.name, u.pointer),
        ),
    )
    .label(ctx.t("variable not allowed here".into(), "此处不支持变量".into()))
    .help(ctx.t(
        "variables work in the navigation bar and background colours and styles, and the tabBar colours, borderStyle and icons".into(),
        "变量仅可用于导航栏与背景的颜色和样式，以及 tabBar 的颜色、borderStyle 和图标".into(),
    ))
}

/// The finding at variable use `u` (named `at`) when app.json has no `themeLocation`.
fn no_theme_location(ctx: &Ctx, u: &VarUse, at: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.file,
        Some(u.span),
        ctx.t(
            format!("[\"themeLocation\"] is required because \"@{}\" as variable was declared at {at}", u.name),
            format!("{at} 使用了变量 @{}，需要使用 themeLocation 来指定 theme.json 的路径", u.name),
        ),
    )
    .label(ctx.t("DarkMode variable".into(), "DarkMode 变量".into()))
    .help(ctx.t(
        "add \"themeLocation\": \"theme.json\" to app.json and define the variable under \"light\" and \"dark\"".into(),
        "请在 app.json 中添加 \"themeLocation\": \"theme.json\"，并在其 \"light\"、\"dark\" 中定义该变量".into(),
    ))
}

/// The finding at variable use `u` (named `at`) when theme.json's `mode` (at `target`) does
/// not define it.
fn undefined(
    ctx: &Ctx,
    u: &VarUse,
    at: &str,
    (theme_file, theme_name): (&str, &str),
    mode: &str,
    target: Span,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        &u.file,
        Some(u.span),
        ctx.t(
            format!("\"@{}\" as variable was declared at {at}, but not found at {theme_name}[\"{mode}\"]", u.name),
            format!("{at} 定义的变量 @{} 未在 {theme_name}[\"{mode}\"] 中找到对应的值", u.name),
        ),
    )
    .label(ctx.t(format!("undefined in {mode}"), format!("{mode} 中未定义")))
    .help(ctx.t(
        format!("define \"{}\" under \"{mode}\" in {theme_name}", u.name),
        format!("请在 {theme_name} 的 \"{mode}\" 中定义 \"{}\"", u.name),
    ))
    .related(theme_file, Some(Span::new(target.start as usize, target.start as usize + 1)), ctx.t(format!("\"{mode}\" has no \"{}\"", u.name), format!("\"{mode}\" 中没有 \"{}\"", u.name)))
}

impl Rule for ThemeVariable {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let uses = var_uses(ctx);
        if uses.is_empty() {
            return;
        }
        let theme_location = app(ctx).and_then(|(_, a)| {
            a.get("themeLocation")
                .and_then(Json::as_str)
                .map(str::to_string)
        });
        let theme = p
            .theme_path()
            .and_then(|t| Some((t.clone(), p.json(&t)?.value()?)));
        let display = |file: &str| {
            file.strip_prefix(p.mp_root.as_str())
                .unwrap_or(file)
                .to_string()
        };
        for u in uses {
            let at = format!("{}:{}", display(&u.file), u.pointer);
            if u.kind.is_none() {
                out.push(not_allowed(ctx, &u));
                continue;
            }
            if theme_location.is_none() {
                out.push(no_theme_location(ctx, &u, &at));
                continue;
            }
            // A missing or invalid theme.json is reported by other rules.
            let Some((theme_file, theme_json)) = &theme else {
                continue;
            };
            for mode in ["light", "dark"] {
                if theme_json.get(mode).and_then(|m| m.get(&u.name)).is_some() {
                    continue;
                }
                let target = theme_json.get(mode).map_or(theme_json.span, |m| m.span);
                out.push(undefined(
                    ctx,
                    &u,
                    &at,
                    (theme_file, &display(theme_file)),
                    mode,
                    target,
                ));
            }
        }
    }
}
