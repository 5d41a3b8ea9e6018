//! Runs the enabled rules over the shared project index, in parallel, and returns the findings
//! in a fixed order (file, position, code) so output never depends on the thread count; the
//! findings carry their text in both languages, and [`sort_in`] orders them by message in the
//! language they are shown in.

use crate::analysis::Analysis;
use crate::base::diagnostic::{Diagnostic, Hook, Need};
use crate::base::i18n::Lang;
use crate::lint::config::Config;
use crate::lint::rule::{Ctx, Rule};
use crate::lint::rules::RULES;
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

pub fn run(analysis: &Analysis, config: &Config) -> Vec<Diagnostic> {
    run_with(analysis, config, None)
}

/// [`run`], with `mpcheck release`'s arguments for the rules that check them.
pub fn run_with(
    analysis: &Analysis,
    config: &Config,
    release: Option<&crate::lint::rules::release::ReleaseArgs>,
) -> Vec<Diagnostic> {
    let project = analysis.project;
    assert_eq!(
        project.js_facts,
        crate::project::JsFacts::All,
        "the rules need every JS fact (Project::load, not load_for_upload)"
    );
    let enabled: Vec<&dyn Rule> = RULES
        .iter()
        .copied()
        .filter(|r| config.severity(r.meta()).is_some())
        // Without a readable app.json, what it declares is unknown: the analyses built on it
        // would report every file as unused (MP007 says they were skipped).
        .filter(|r| !crate::lint::rules::json::analyses_skipped::skipped(project, r.meta()))
        .collect();
    let timings = crate::base::timing::enabled();
    let needs: Vec<Need> = enabled
        .iter()
        .flat_map(|r| r.meta().needs.iter().copied())
        .collect();
    let mut ctx = Ctx::new(analysis, config.limits, &config.widget_data);
    ctx.release = release;
    // The analyses the enabled rules read, each once, before the parallel rule phases (they
    // run in parallel themselves: started lazily by a rule on a worker thread, the worker could
    // be handed another rule waiting on the same start). The templates are parsed first, each
    // tree handed to the rules while it is alive: the rules that read a tree need only the
    // config files' roles, and the other analyses read the templates' facts.
    let started = std::time::Instant::now();
    let with_hook = |hook: Hook| -> Vec<&dyn Rule> {
        enabled
            .iter()
            .copied()
            .filter(|r| r.meta().hooks.contains(&hook))
            .collect()
    };
    let (file_rules, wxml_rules, module_rules) = (
        with_hook(Hook::File),
        with_hook(Hook::Wxml),
        with_hook(Hook::Module),
    );
    // The analyses that do not read the templates are computed meanwhile (see
    // `Analysis::prepare_ahead`).
    let (mut diagnostics, ()) = rayon::join(
        || {
            analysis.prepare(needs.iter().copied().filter(|&n| n == Need::Schemas));
            analysis.set_rules_running(true);
            crate::base::timing::note(format_args!("analysis ready"));
            check_templates(&ctx, &wxml_rules, timings)
        },
        || analysis.prepare_ahead(needs.iter().copied()),
    );
    analysis.set_rules_running(false);
    analysis.prepare(needs);
    if timings {
        crate::base::timing::note(format_args!(
            "templates and analyses {:?}",
            started.elapsed()
        ));
    }
    analysis.set_rules_running(true);
    diagnostics.par_extend(
        project
            .files
            .par_iter()
            .filter(|f| !f.excluded)
            .flat_map_iter(|file| {
                let mut out = Vec::new();
                for rule in &file_rules {
                    rule.check_file(&ctx, file, &mut out);
                }
                out
            }),
    );
    // Each JS/TS module once.
    let modules: Vec<&crate::syntax::js::Module> = project.modules.values().map(|m| &**m).collect();
    diagnostics.par_extend(modules.par_iter().flat_map_iter(|module| {
        let mut out = Vec::new();
        for rule in &module_rules {
            rule.check_module(&ctx, module, &mut out);
        }
        out
    }));
    check_sites(&ctx, &enabled, &mut diagnostics);
    diagnostics.par_extend(enabled.par_iter().flat_map_iter(|rule| {
        let mut out = Vec::new();
        let started = std::time::Instant::now();
        rule.check_project(&ctx, &mut out);
        if timings && started.elapsed().as_millis() >= 1 {
            crate::base::timing::note(format_args!(
                "{} took {:?}",
                rule.meta().code,
                started.elapsed()
            ));
        }
        out
    }));
    analysis.set_rules_running(false);
    diagnostics.retain(|d| !project.file(&d.file).is_some_and(|f| f.excluded));
    for d in &mut diagnostics {
        if let Some(sev) = config.severity(d.rule) {
            d.severity = sev;
        }
    }
    suppress(analysis, config, &mut diagnostics);
    sort(&mut diagnostics);
    diagnostics
}

/// Each template parsed once, every enabled rule on its tree while it is in cache (excluded
/// files too: their findings are dropped later, like every rule's).
fn check_templates(ctx: &Ctx, enabled: &[&dyn Rule], timings: bool) -> Vec<Diagnostic> {
    let wxml_ns: Vec<AtomicU64> = enabled.iter().map(|_| AtomicU64::new(0)).collect();
    let diagnostics = ctx.project.parse_templates(&|path, doc| {
        let mut out = Vec::new();
        for (i, rule) in enabled.iter().enumerate() {
            if timings {
                let t = std::time::Instant::now();
                rule.check_wxml(ctx, path, doc, &mut out);
                wxml_ns[i].fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
            } else {
                rule.check_wxml(ctx, path, doc, &mut out);
            }
        }
        out
    });
    if timings {
        for (rule, ns) in enabled.iter().zip(&wxml_ns) {
            let ns = ns.load(Ordering::Relaxed);
            if ns >= 1_000_000 {
                crate::base::timing::note(format_args!(
                    "{} took {:?} (CPU, per template)",
                    rule.meta().code,
                    std::time::Duration::from_nanos(ns)
                ));
            }
        }
    }
    diagnostics
}

/// Each network call site once, handed to the rules that read the sites; the sites a rule
/// flags for their origin are grouped into one finding per cause.
fn check_sites(ctx: &Ctx, enabled: &[&dyn Rule], diagnostics: &mut Vec<Diagnostic>) {
    use crate::lint::rule::SiteFinding;
    use crate::lint::rules::network;
    let rules: Vec<&dyn Rule> = enabled
        .iter()
        .copied()
        .filter(|r| r.meta().needs.contains(&Need::Sites))
        .collect();
    if rules.is_empty() {
        return;
    }
    let mut by_origin: Vec<Vec<(&crate::syntax::js::Site, String)>> = vec![Vec::new(); rules.len()];
    for site in network::sites(ctx.analysis) {
        for (i, rule) in rules.iter().enumerate() {
            match rule.check_site(ctx, site) {
                Some(SiteFinding::AtCall(d)) => diagnostics.push(d),
                Some(SiteFinding::Origin(key)) => by_origin[i].push((site, key)),
                None => {}
            }
        }
    }
    for (rule, hits) in rules.iter().zip(by_origin) {
        if !hits.is_empty() {
            network::by_cause(
                ctx,
                rule.meta(),
                hits,
                diagnostics,
                |site, origin, calls| rule.origin_text(ctx, site, origin, calls),
            );
        }
    }
}

/// Sorts by file, position and code (stable: findings of one rule at one place stay in the
/// order the rules made them). [`sort_in`] finishes the order for a language.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| order(a, b, None));
}

/// Sorts by file, position, code, then message in `lang`, and drops exact repeats (in `lang`):
/// the order findings are shown in. Stable, so after [`sort`] it is the order a sort of the
/// rules' findings by message in `lang` gives.
pub fn sort_in(diagnostics: &mut Vec<Diagnostic>, lang: Lang) {
    diagnostics.sort_by(|a, b| order(a, b, Some(lang)));
    diagnostics.dedup_by(|a, b| {
        a.file == b.file
            && a.span == b.span
            && a.rule.code == b.rule.code
            && a.message.get(lang) == b.message.get(lang)
    });
}

fn order(a: &Diagnostic, b: &Diagnostic, lang: Option<Lang>) -> std::cmp::Ordering {
    let key = |d: &Diagnostic| (d.span.map_or(0, |s| s.start), d.span.map_or(0, |s| s.end));
    a.file
        .cmp(&b.file)
        .then_with(|| key(a).cmp(&key(b)))
        .then_with(|| a.rule.code.cmp(b.rule.code))
        .then_with(|| {
            lang.map_or(std::cmp::Ordering::Equal, |l| {
                a.message.get(l).cmp(b.message.get(l))
            })
        })
}

/// Drops what inline directives and `ignores` suppress, then reports the suppressions that
/// matched nothing (MP004) when their rules ran.
fn suppress(analysis: &Analysis, config: &Config, diagnostics: &mut Vec<Diagnostic>) {
    let project = analysis.project;
    use crate::lint::rules::meta::unused_suppression::META as UNUSED;
    use crate::syntax::suppress::Scope;
    let line = |file: &str, span: Option<crate::base::source::Span>| {
        let start = span.map_or(0, |s| s.start);
        project.source(file).map_or(1, |s| s.position(start).line)
    };
    let directives: Vec<&crate::syntax::suppress::Directive> = project.directives().collect();
    let mut used_directives = vec![false; directives.len()];
    // Each directive's names resolved: the rule codes, and the names that are no rule.
    let resolved: Vec<(Vec<&'static str>, Vec<&str>)> = directives
        .iter()
        .map(|dir| {
            let mut codes = Vec::new();
            let mut unknown = Vec::new();
            for name in &dir.names {
                match crate::lint::rules::find(name) {
                    Some(r) if !name.is_empty() => codes.push(r.meta().code),
                    _ => unknown.push(name.as_str()),
                }
            }
            (codes, unknown)
        })
        .collect();
    // Directives by file (whole-file scope) and by the line they cover: a lookup per finding
    // instead of a scan of every directive (20,000 directives took 13 s).
    let mut file_scoped: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_line: HashMap<(&str, u32), Vec<usize>> = HashMap::new();
    for (i, dir) in directives.iter().enumerate() {
        match dir.scope {
            Scope::File => file_scoped.entry(dir.file.as_str()).or_default().push(i),
            Scope::Line | Scope::NextLine => {
                let own = line(&dir.file, Some(dir.span));
                let target = if dir.scope == Scope::Line {
                    own
                } else {
                    own + 1
                };
                by_line
                    .entry((dir.file.as_str(), target))
                    .or_default()
                    .push(i);
            }
        }
    }
    let mut used_ignores = vec![false; config.ignores.len()];
    diagnostics.retain(|d| {
        if let Some(i) = config
            .ignores
            .iter()
            .position(|ig| ig.rule == d.rule.code && ig.path.is_match(&d.file))
        {
            used_ignores[i] = true;
            return false;
        }
        // The first directive (in order) of the file, or of the finding's line, naming the rule.
        let applies = |i: &&usize| resolved[**i].0.contains(&d.rule.code);
        let whole_file = file_scoped
            .get(d.file.as_str())
            .and_then(|v| v.iter().find(applies));
        let on_line = if by_line.is_empty() {
            None
        } else {
            by_line
                .get(&(d.file.as_str(), line(&d.file, d.span)))
                .and_then(|v| v.iter().find(applies))
        };
        match whole_file.into_iter().chain(on_line).min() {
            Some(&i) => {
                used_directives[i] = true;
                false
            }
            None => true,
        }
    });
    let Some(severity) = config.severity(&UNUSED) else {
        return;
    };
    let ctx = Ctx::new(analysis, config.limits, &config.widget_data);
    let enabled = |code: &str| {
        crate::lint::rules::find(code).is_some_and(|r| config.severity(r.meta()).is_some())
    };
    for (i, dir) in directives.iter().enumerate() {
        let stale: Vec<&str> = if used_directives[i] {
            vec![]
        } else {
            resolved[i]
                .0
                .iter()
                .copied()
                .filter(|c| enabled(c))
                .collect()
        };
        let unknown = &resolved[i].1;
        if stale.is_empty() && unknown.is_empty() {
            continue;
        }
        let message = if !unknown.is_empty() {
            let names = unknown
                .iter()
                .map(|u| if u.is_empty() { "(none)" } else { u })
                .collect::<Vec<_>>()
                .join(", ");
            ctx.t(
                format!("suppression names no known rule: {names}"),
                format!("抑制注释中的规则不存在：{names}"),
            )
        } else {
            ctx.t(
                format!("unused suppression: no {} finding here", stale.join(", ")),
                format!("无效的抑制注释：此处没有 {} 问题", stale.join("、")),
            )
        };
        let mut d = Diagnostic::new(&UNUSED, &dir.file, Some(dir.span), message).help(ctx.t(
            "remove the directive, or fix the rule list (`mpcheck rules` lists codes and names)".into(),
            "请删除该注释，或修正其中的规则（`mpcheck rules` 列出所有规则）".into(),
        ));
        d.severity = severity;
        diagnostics.push(d);
    }
    let config_file = config
        .path
        .as_ref()
        .and_then(|p| p.canonicalize().ok())
        .and_then(|p| {
            p.strip_prefix(&project.dir)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        });
    for (i, ig) in config.ignores.iter().enumerate() {
        if used_ignores[i] || !enabled(ig.rule) {
            continue;
        }
        let file = config_file.clone().unwrap_or_else(|| "mpcheck.json".into());
        let mut d = Diagnostic::new(
            &UNUSED,
            file,
            Some(ig.span),
            ctx.t(
                format!("unused ignore: no {} finding matches its path", ig.rule),
                format!("无效的 ignores 配置：路径下没有 {} 问题", ig.rule),
            ),
        )
        .help(ctx.t("remove the entry".into(), "请删除该配置".into()));
        d.severity = severity;
        diagnostics.push(d);
    }
}
