//! MP120: a theme.json value that is wrong for the key that uses it: a colour that is not a
//! hex colour, a style outside the key's values, an icon file that does not exist. Each mode
//! (`light`, `dark`) is substituted and checked, as the official compiler does.

use super::{ThemeKind, icon_file, var_uses};
use crate::analysis::schema::is_hex_color;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::HashSet;

crate::declare_rule! {
    InvalidThemeValue, code: "MP120", name: "invalid-theme-value", group: Config, severity: Error,
    summary: ["A theme.json value is invalid for the key that uses it", "theme.json 中的变量值不符合使用它的字段要求"],
    needs: [Schemas],
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
                let problem = match kind {
                    ThemeKind::Color if !is_hex_color(value) => Some((
                        format!("\"{value}\" is not hexColor"),
                        format!("\"{value}\" 不是十六进制颜色"),
                    )),
                    ThemeKind::Enum(allowed) if !allowed.contains(&value) => Some((
                        format!("\"{value}\" is not one of \"{}\"", allowed.join("\", \"")),
                        format!("\"{value}\" 需为 \"{}\" 之一", allowed.join("\"、\"")),
                    )),
                    ThemeKind::Icon if !p.exists(&icon_file(ctx, value)) => Some((
                        format!("icon \"{value}\" not found"),
                        format!("图标 \"{value}\" 未找到"),
                    )),
                    _ => None,
                };
                let Some((en, zh)) = problem else { continue };
                if !seen.insert((mode, u.name.clone(), u.key.clone())) {
                    continue;
                }
                out.push(
                    Diagnostic::new(
                        &META,
                        &theme_file,
                        Some(v.span),
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
                    ),
                );
            }
        }
    }
}
