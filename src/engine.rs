//! Runs the enabled rules over the shared project index, in parallel, and returns the findings
//! in a fixed order (file, position, code) so output never depends on the thread count.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::project::Project;
use crate::rule::{Ctx, Rule};
use crate::rules::RULES;
use rayon::prelude::*;

pub fn run(project: &Project, config: &Config, lang: Lang) -> Vec<Diagnostic> {
    let enabled: Vec<&dyn Rule> = RULES
        .iter()
        .copied()
        .filter(|r| config.severity(r.meta()).is_some())
        .collect();
    let ctx = Ctx { project, lang };
    let mut diagnostics: Vec<Diagnostic> = project
        .files
        .par_iter()
        .filter(|f| !f.excluded)
        .flat_map_iter(|file| {
            let mut out = Vec::new();
            for rule in &enabled {
                rule.check_file(&ctx, file, &mut out);
            }
            out
        })
        .collect();
    let timings = std::env::var_os("MPCHECK_TIMINGS").is_some();
    diagnostics.par_extend(enabled.par_iter().flat_map_iter(|rule| {
        let mut out = Vec::new();
        let started = std::time::Instant::now();
        rule.check_project(&ctx, &mut out);
        if timings && started.elapsed().as_millis() >= 1 {
            eprintln!("mpcheck: {} took {:?}", rule.meta().code, started.elapsed());
        }
        out
    }));
    diagnostics.retain(|d| !project.file(&d.file).is_some_and(|f| f.excluded));
    for d in &mut diagnostics {
        if let Some(sev) = config.severity(d.rule) {
            d.severity = sev;
        }
    }
    sort(&mut diagnostics);
    diagnostics
}

/// Sorts by file, position, code, then message, and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| (d.span.map_or(0, |s| s.start), d.span.map_or(0, |s| s.end));
        a.file
            .cmp(&b.file)
            .then_with(|| key(a).cmp(&key(b)))
            .then_with(|| a.rule.code.cmp(b.rule.code))
            .then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup_by(|a, b| {
        a.file == b.file && a.span == b.span && a.rule.code == b.rule.code && a.message == b.message
    });
}
