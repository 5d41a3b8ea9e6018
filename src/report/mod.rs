//! Output formats. Each takes the sorted diagnostics and returns what goes to stdout.

pub mod common;
pub mod concise;
pub mod excerpt;
pub mod fingerprint;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod network;
pub mod rule_doc;
pub mod sarif;
pub mod settings;
pub mod size;
pub mod size_html;

pub use common::{
    Fingerprints, Format, Options, PathBase, Run, Summary, fixable_note, message_with_help, range,
    statistics,
};

use crate::base::diagnostic::Diagnostic;
use crate::project::Project;

/// One project's findings, its paths shown as `opts.base` says.
pub fn render(
    project: &Project,
    diagnostics: &[Diagnostic],
    format: Format,
    opts: &Options,
) -> String {
    let run = Run {
        project,
        diagnostics,
        base: opts.base.clone(),
    };
    render_runs(std::slice::from_ref(&run), format, opts)
}

/// Several projects' findings, project after project, with one summary; each run's paths
/// shown as its `base` says.
pub fn render_runs(runs: &[Run], format: Format, opts: &Options) -> String {
    let with_base = |run: &Run| Options {
        base: run.base.clone(),
        ..opts.clone()
    };
    let summary = Summary::of_runs(runs);
    // Human and concise output end with the summary, then how many findings `--fix` can
    // fix, if any.
    let end = || {
        let fixable: usize = runs
            .iter()
            .map(|r| r.diagnostics.iter().filter(|d| d.fix.is_some()).count())
            .sum();
        format!(
            "{}\n{}",
            summary.line(opts.lang),
            fixable_note(fixable, opts.lang).unwrap_or_default()
        )
    };
    let each = |f: &dyn Fn(&Run, &Options) -> String| -> String {
        runs.iter().map(|r| f(r, &with_base(r))).collect()
    };
    match format {
        Format::Human => each(&|r, o| human::render(r.project, r.diagnostics, o)) + &end(),
        Format::Concise => each(&|r, o| concise::render(r.project, r.diagnostics, o)) + &end(),
        Format::Github => each(&|r, o| github::render(r.project, r.diagnostics, o)),
        Format::Json => json::render(runs, opts.lang),
        Format::Gitlab => gitlab::render(runs, opts),
        Format::Junit => junit::render(runs, opts),
        Format::Sarif => sarif::render(runs, opts),
    }
}
