//! MP106: a key the official schema requires is missing, e.g. app.json without `pages`.

use super::{schema_issues, subject};
use crate::analysis::schema::IssueKind;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    MissingRequiredField, code: "MP106", name: "missing-required-field", group: Config, severity: Error,
    summary: ["A required JSON key is missing", "缺少必填字段"],
    needs: [Schemas],
}

/// The finding where the required `key` is missing.
fn missing(ctx: &Ctx, file: &str, span: Span, what: &str, key: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("{what} should not be empty: \"{key}\" is required"),
            format!("{what} 不能为空",),
        ),
    )
    .label(ctx.t(
        format!("\"{key}\" missing here"),
        format!("此处缺少 \"{key}\""),
    ))
}

impl Rule for MissingRequiredField {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, issue) in schema_issues(ctx) {
            let IssueKind::Required { key } = &issue.kind else {
                continue;
            };
            let what = subject(ctx, file, issue);
            out.push(missing(ctx, file, issue.span, &what, key));
        }
    }
}
