//! MP120: a theme.json value that is wrong for the key that uses it: a colour that is not a
//! hex colour, a style outside the key's values, an icon file that does not exist. Each mode
//! (`light`, `dark`) is substituted and checked, as the official compiler does.

use super::{ThemeKind, VarUse, icon_file, var_uses};
use crate::analysis::schema::is_hex_color;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashSet;

crate::declare_rule! {
    InvalidThemeValue, code: "MP120", name: "invalid-theme-value", group: Config, severity: Error,
    summary: ["A theme.json value is invalid for the key that uses it", "theme.json 中的变量值不符合使用它的字段要求"],
    needs: [Schemas],
}

/// The finding at the `mode` value of variable `u`, wrong for the key (of `kind`: a colour,
/// one of some values, or an icon) that uses it.
fn invalid_value(
    ctx: &Ctx,
    theme_file: &str,
    mode: &str,
    u: &VarUse,
    kind: ThemeKind,
    value: &str,
    span: Span,
) -> Diagnostic {
    let (en, zh) = match kind {
        ThemeKind::Color => (
            format!("\"{value}\" is not hexColor"),
            format!("\"{value}\" 不是十六进制颜色"),
        ),
        ThemeKind::Enum(allowed) => (
            format!("\"{value}\" is not one of \"{}\"", allowed.join("\", \"")),
            format!("\"{value}\" 需为 \"{}\" 之一", allowed.join("\"、\"")),
        ),
        ThemeKind::Icon | ThemeKind::Text => (
            format!("icon \"{value}\" not found"),
            format!("图标 \"{value}\" 未找到"),
        ),
    };
    Diagnostic::new(
        &META,
        theme_file,
        Some(span),
        ctx.t(
            format!(
                "[\"{mode}\"][\"{}\"] as the value of {}: {en}",
                u.name, u.pointer
            ),
            format!("[\"{mode}\"][\"{}\"] 作为 {} 的值：{zh}", u.name, u.pointer),
        ),
    )
    .label(ctx.t(format!("{mode} value"), format!("{mode} 取值")))
    .related(
        &u.file,
        Some(u.span),
        ctx.t("used here".into(), "在此使用".into()),
    )
}

impl Rule for InvalidThemeValue {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(theme_file) = p.theme_path() else {
            return;
        };
        let Some(theme) = p.json(&theme_file).and_then(|d| d.value()) else {
            return;
        };
        let mut seen = HashSet::new();
        for u in var_uses(ctx) {
            let Some(kind) = u.kind else { continue };
            for mode in ["light", "dark"] {
                let Some(v) = theme.get(mode).and_then(|m| m.get(&u.name)) else {
                    continue;
                };
                let Some(value) = v.as_str() else { continue };
                let invalid = match kind {
                    ThemeKind::Color => !is_hex_color(value),
                    ThemeKind::Enum(allowed) => !allowed.contains(&value),
                    ThemeKind::Icon => !p.exists(&icon_file(ctx, value)),
                    ThemeKind::Text => false,
                };
                if !invalid {
                    continue;
                }
                if !seen.insert((mode, u.name.clone(), u.key.clone())) {
                    continue;
                }
                out.push(invalid_value(
                    ctx,
                    &theme_file,
                    mode,
                    &u,
                    kind,
                    value,
                    v.span,
                ));
            }
        }
    }
}
