//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use super::common::{Options, range};
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::escape;
use crate::project::Project;

/// GitHub's own escapes for `%`, `\r` and `\n` (it decodes them back); other controls and
/// bidi chars, which it would pass through to the log and the annotation, made visible.
fn escape_data(s: &str) -> String {
    let mut visible = String::with_capacity(s.len());
    for c in s.chars() {
        if escape::is_unsafe(c) && c != '\r' {
            escape::push_escaped(&mut visible, c);
        } else {
            visible.push(c);
        }
    }
    visible
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(project: &Project, diagnostics: &[Diagnostic], opts: &Options) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        // A finding about a command-line value annotates no file: no file, line or column
        // properties (GitHub would look for a file of that name); the message names it.
        let location = if d.is_about_arguments() {
            String::new()
        } else {
            let (start, end) = range(project, &d.file, d.span);
            let file = escape_property(&opts.base.show(&d.file));
            // Columns only for single-line spans (multi-line ones confuse the annotation UI).
            let columns = if start.line == end.line {
                format!(
                    ",col={},endColumn={}",
                    start.column,
                    end.column.max(start.column)
                )
            } else {
                String::new()
            };
            format!(
                "file={file},line={},endLine={}{columns},",
                start.line, end.line
            )
        };
        let title = escape_property(&format!("mpcheck {} ({})", d.rule.code, d.rule.name));
        let message = super::common::message_with_help(d, opts.lang);
        out.push_str(&format!(
            "::{level} {location}title={title}::{}\n",
            escape_data(&message)
        ));
    }
    out
}
