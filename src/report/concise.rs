//! `path:line:col: severity[CODE] message`, one per line, for editors and pre-commit (the
//! summary line is added by the caller).

use super::common::{Options, range};
use crate::base::diagnostic::Diagnostic;
use crate::base::escape;
use crate::project::Project;

pub fn render(project: &Project, diagnostics: &[Diagnostic], opts: &Options) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let message = escape::text(d.message.get(opts.lang)).replace('\n', " ");
        // A finding about a command-line value has no file, line or column.
        let at = if d.is_about_arguments() {
            d.file.clone()
        } else {
            let (start, _) = range(project, &d.file, d.span);
            let path = opts.base.show(&d.file);
            format!("{}:{}:{}", escape::line(&path), start.line, start.column)
        };
        out.push_str(&format!(
            "{at}: {}[{}] {}\n",
            d.severity, d.rule.code, message
        ));
    }
    out
}
