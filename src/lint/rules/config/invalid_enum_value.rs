//! MP104: a string outside the field's allowed values, e.g. `"navigationBarTextStyle": "blue"`.
//! The message lists the allowed values (the official tool prints `needs to be string, string`).

use super::{schema_issues, subject};
use crate::analysis::schema::{IssueKind, suggest};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidEnumValue, code: "MP104", name: "invalid-enum-value", group: Config, severity: Error,
    summary: ["A value is not one of the field's allowed values", "字段值不在允许的取值范围内"],
    needs: [Schemas],
}

/// The finding at a value `found` that is not one of `allowed`.
#[allow(clippy::too_many_arguments)]
fn not_allowed(
    ctx: &Ctx,
    file: &str,
    span: Span,
    what: &str,
    allowed: &[&str],
    found: &str,
    themable: bool,
    suggestion: Option<&str>,
) -> Diagnostic {
    let list_en = allowed
        .iter()
        .map(|a| format!("\"{a}\""))
        .collect::<Vec<_>>();
    let or_var_en = if themable {
        " or a @variable from theme.json"
    } else {
        ""
    };
    let or_var_zh = if themable {
        "，或 theme.json 中的 @变量"
    } else {
        ""
    };
    let help = suggestion.map(|s| ctx.did_you_mean(s));
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!(
                "{what} must be one of {}{or_var_en}, found \"{found}\"",
                list_en.join(", ")
            ),
            format!(
                "{what} 字段需为 {} 之一{or_var_zh}，当前为 \"{found}\"",
                list_en.join("、")
            ),
        ),
    )
    .label(ctx.t("not an allowed value".into(), "不是允许的取值".into()))
    .maybe_help(help)
}

impl Rule for InvalidEnumValue {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, issue) in schema_issues(ctx) {
            let IssueKind::Enum {
                allowed,
                found,
                themable,
            } = &issue.kind
            else {
                continue;
            };
            let what = subject(ctx, file, issue);
            let suggestion = suggest(found, allowed.iter().copied());
            out.push(not_allowed(
                ctx, file, issue.span, &what, allowed, found, *themable, suggestion,
            ));
        }
    }
}
