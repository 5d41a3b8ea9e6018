//! MP103: a value of the wrong JSON type, e.g. `"navigationBarTextStyle": 5`. The official tool
//! reports `%s field needs to be %s`, or crashes on some of them.

use super::{schema_issues, subject};
use crate::analysis::schema::IssueKind;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidFieldType, code: "MP103", name: "invalid-field-type", group: Config, severity: Error,
    summary: ["A JSON value has the wrong type for its field", "字段值的类型错误"],
    needs: [Schemas],
}

/// The finding at a value of type `found` where `expected` is needed.
fn wrong_type(
    ctx: &Ctx,
    file: &str,
    span: Span,
    what: &str,
    expected: &str,
    found: &str,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("{what} field needs to be {expected}, found {found}",),
            format!("{what} 字段需为 {expected}，当前为 {found}",),
        ),
    )
    .label(ctx.t(format!("expected {expected}"), format!("应为 {expected}")))
}

impl Rule for InvalidFieldType {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, issue) in schema_issues(ctx) {
            let IssueKind::Type { expected, found } = &issue.kind else {
                continue;
            };
            let what = subject(ctx, file, issue);
            out.push(wrong_type(ctx, file, issue.span, &what, expected, found));
        }
    }
}
