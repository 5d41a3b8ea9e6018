//! GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.

use super::{Options, escape, range};
use crate::diagnostic::{Diagnostic, Severity};
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
        let (start, end) = range(project, &d.file, d.span);
        let file = escape_property(&format!("{}{}", opts.path_prefix, d.file));
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
        let title = escape_property(&format!("mpcheck {} ({})", d.rule.code, d.rule.name));
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str(&format!("\nhelp: {help}"));
        }
        out.push_str(&format!(
            "::{level} file={file},line={},endLine={}{columns},title={title}::{}\n",
            start.line,
            end.line,
            escape_data(&message)
        ));
    }
    out
}
