//! MP102: a key that the official schema does not know, in app.json or a page/component json.
//! The official tool only warns (`invalid app.json ["x"]`) and the setting silently does nothing.

use super::{schema_issues, subject};
use crate::analysis::schema::IssueKind;
use crate::base::diagnostic::{Diagnostic, Edit};
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    UnknownField, code: "MP102", name: "unknown-field", group: Config, severity: Warning,
    summary: ["A JSON key that the official schema does not know (it has no effect)", "官方配置中不存在的字段（不会生效）"],
    needs: [Schemas],
}

/// The finding at an unknown `key` (`suggestion`: a likely spelling; `belongs_in`: where the
/// key is valid; `component_option`: a Component() option).
fn unknown_field(
    ctx: &Ctx,
    file: &str,
    span: Span,
    what: &str,
    key: &str,
    (suggestion, belongs_in): (Option<&str>, Option<&str>),
    component_option: bool,
) -> Diagnostic {
    let help = match (suggestion, belongs_in) {
        _ if component_option => Some(ctx.t(
            format!(
                "\"{key}\" is a Component() option: set it in `options` in the component's .js"
            ),
            format!("\"{key}\" 是 Component() 的选项：请在组件 .js 的 `options` 中设置"),
        )),
        (_, Some("window")) => Some(ctx.t(
            format!("\"{key}\" is a window setting: move it into \"window\""),
            format!("\"{key}\" 是窗口配置：请移到 \"window\" 中"),
        )),
        (_, Some(place)) => Some(ctx.t(
            format!("\"{key}\" is only valid in {place}"),
            format!("\"{key}\" 只能在 {place} 中配置"),
        )),
        (Some(s), None) => Some(ctx.did_you_mean(s)),
        (None, None) => None,
    };
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("invalid {what}: unknown field \"{key}\""),
            format!("无效的 {what}",),
        ),
    )
    .label(ctx.t("unknown field".into(), "未知字段".into()))
    .maybe_help(help)
}

impl Rule for UnknownField {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, issue) in schema_issues(ctx) {
            let IssueKind::UnknownKey {
                key,
                suggestion,
                unique,
                belongs_in,
            } = &issue.kind
            else {
                continue;
            };
            let what = subject(ctx, file, issue);
            let component_option = matches!(
                key.as_str(),
                "addGlobalClass" | "multipleSlots" | "virtualHost"
            );
            // A misspelt key with one clear spelling is renamed, unless that key is there too.
            let fix = match (suggestion, belongs_in) {
                (Some(s), None) if *unique && !component_option => ctx
                    .project
                    .json(file)
                    .and_then(|d| d.value())
                    .and_then(|root| crate::syntax::json_edit::object_with_key(root, issue.span))
                    .filter(|obj| obj.member(s).is_none())
                    .map(|_| Edit::new(file, issue.span, format!("\"{s}\""))),
                _ => None,
            };
            out.push(
                unknown_field(
                    ctx,
                    file,
                    issue.span,
                    &what,
                    key,
                    (suggestion.as_deref(), *belongs_in),
                    component_option,
                )
                .fix(fix),
            );
        }
    }
}
