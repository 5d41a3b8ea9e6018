//! MP105: a colour field that is not a hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`),
//! nor a DarkMode `@variable` where one is allowed. The compile step rejects it.

use super::{schema_issues, subject};
use crate::analysis::schema::{IssueKind, is_hex_color};
use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidColor, code: "MP105", name: "invalid-color", group: Config, severity: Error,
    summary: ["A colour is not a hex colour such as #ffffff", "颜色值不是十六进制颜色（如 #ffffff）"],
    needs: [Schemas],
}

const NAMED: &[(&str, &str)] = &[
    ("black", "#000000"),
    ("white", "#ffffff"),
    ("red", "#ff0000"),
    ("green", "#008000"),
    ("blue", "#0000ff"),
    ("yellow", "#ffff00"),
    ("orange", "#ffa500"),
    ("purple", "#800080"),
    ("pink", "#ffc0cb"),
    ("gray", "#808080"),
    ("grey", "#808080"),
    ("transparent", "#00000000"),
];

/// A hex spelling of what the user probably meant.
fn hex_for(value: &str) -> Option<String> {
    let v = value.trim().to_ascii_lowercase();
    if let Some((_, hex)) = NAMED.iter().find(|(n, _)| *n == v) {
        return Some((*hex).to_string());
    }
    let with_hash = format!("#{}", v.trim_start_matches('#'));
    if is_hex_color(&with_hash) {
        return Some(with_hash);
    }
    let inner = v.strip_prefix("rgb(")?.strip_suffix(')')?;
    let parts: Vec<u8> = inner
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect();
    (parts.len() == 3).then(|| format!("#{:02x}{:02x}{:02x}", parts[0], parts[1], parts[2]))
}

/// The finding at a colour `found` that is not a hex colour (`hex` is the suggested spelling).
fn not_hex(
    ctx: &Ctx,
    file: &str,
    span: Span,
    what: &str,
    found: &str,
    themable: bool,
    hex: Option<&str>,
) -> Diagnostic {
    let forms = if themable {
        ctx.t(
            "use #rgb, #rgba, #rrggbb or #rrggbbaa, or a @variable defined in theme.json".into(),
            "请使用 #rgb、#rgba、#rrggbb 或 #rrggbbaa，或 theme.json 中定义的 @变量".into(),
        )
    } else {
        ctx.t(
            "use #rgb, #rgba, #rrggbb or #rrggbbaa".into(),
            "请使用 #rgb、#rgba、#rrggbb 或 #rrggbbaa".into(),
        )
    };
    let help = match hex {
        Some(hex) => ctx.t(
            format!("write \"{hex}\"; {}", forms.en()),
            format!("可写为 \"{hex}\"；{}", forms.zh()),
        ),
        None => forms,
    };
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("{what}: \"{found}\" is not hexColor"),
            format!("{what}: \"{found}\" 不是十六进制颜色（hexColor）"),
        ),
    )
    .label(ctx.t("not a hex colour".into(), "不是十六进制颜色".into()))
    .help(help)
}

impl Rule for InvalidColor {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, issue) in schema_issues(ctx) {
            let IssueKind::Color { found, themable } = &issue.kind else {
                continue;
            };
            let what = subject(ctx, file, issue);
            let hex = hex_for(found);
            let fix = hex
                .as_ref()
                .map(|hex| Edit::new(file, issue.span, format!("\"{hex}\"")));
            out.push(
                not_hex(
                    ctx,
                    file,
                    issue.span,
                    &what,
                    found,
                    *themable,
                    hex.as_deref(),
                )
                .fix(fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_suggestions() {
        assert_eq!(super::hex_for("Red").as_deref(), Some("#ff0000"));
        assert_eq!(super::hex_for("fff").as_deref(), Some("#fff"));
        assert_eq!(
            super::hex_for("rgb(255, 0, 16)").as_deref(),
            Some("#ff0010")
        );
        assert_eq!(super::hex_for("bluish"), None);
    }
}
