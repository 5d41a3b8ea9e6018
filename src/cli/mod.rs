//! Command-line interface: `check`, `rules`, `explain`. Exit codes: 0 clean, 1 findings,
//! 2 usage, config or I/O problem.

pub mod baseline;
pub mod common;
pub mod fix;
pub mod release;
pub mod targets;

use crate::analysis::Analysis;
use crate::base::diagnostic::Severity;
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::lint::config::Config;
use crate::lint::engine;
use crate::lint::rules::{self, RULES};
use crate::project::Project;
use crate::report::{self, Format, Options, Summary};
use clap::{Parser, Subcommand, ValueEnum};
use common::{
    ColorChoice, config_error, emit, load_config, load_error, output_width, shown, thread_pool,
    usage_error,
};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "mpcheck",
    version,
    about = "Fast checker for WeChat Mini Program projects: config, pages, components, domains and size, before upload."
)]
pub struct Cli {
    /// Message language [default: $MPCHECK_LANG, then $LANG, then en]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check a mini program project (the folder with project.config.json or app.json)
    Check(CheckArgs),
    /// List every rule
    Rules {
        #[arg(long, short = 'f', value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Show what will be uploaded: bytes per package, share of the limit, largest folders and
    /// files
    Size(SizeArgs),
    /// Validate search Widget template data: setdynamicdata imports, widget_data replies and
    /// the standard templates' bodies (the import bodies given form one batch)
    WidgetData(WidgetDataArgs),
    /// Upload a checked project with the official client (miniprogram-ci): the check as a gate,
    /// the release pre-flight, the console checklist, the upload, the next steps
    Release(Box<crate::cli::release::command::Args>),
    /// Print a rule's documentation
    Explain {
        /// Rule code (MP200) or name (missing-page-file)
        rule: String,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Project folders, or files and folders inside projects (only their findings are
    /// reported) [default: .]; each project is found upward from its paths
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Instead of checking, print the project folder, the miniprogram root, the config files
    /// used and every rule's effective level (`-f json` for JSON)
    #[arg(long, conflicts_with_all = ["fix", "diff", "statistics", "explain_network"])]
    show_settings: bool,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    format: Format,
    /// Config file [default: mpcheck.json in the project folder, if present]
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
    /// Worker threads [default: one per core]
    #[arg(long)]
    threads: Option<usize>,
    /// Exit 1 when there are more warnings than this
    #[arg(long)]
    max_warnings: Option<usize>,
    /// Domain whitelist: mpcheck's "domains" shape, or the JSON the platform's server-domain
    /// API returns (requestdomain, wsrequestdomain, ...) [default: "domains" in mpcheck.json]
    #[arg(long, value_name = "FILE")]
    domains: Option<PathBuf>,
    /// Colour in human output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Instead of the findings, list every network call site with its URL as mpcheck reads
    /// it (`{…}` for run-time parts), its origin, or why the origin is not known
    /// (`-f json` for JSON)
    #[arg(long)]
    explain_network: bool,
    /// Show errors only (the same as --min-severity error)
    #[arg(long, short = 'q', conflicts_with = "min_severity")]
    quiet: bool,
    /// Show findings of this severity and above (the exit code still counts every finding)
    #[arg(long, value_enum, value_name = "SEVERITY")]
    min_severity: Option<MinSeverity>,
    /// Instead of the findings, a count per rule, most frequent first
    #[arg(long)]
    statistics: bool,
    /// Write the output to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report only the findings this baseline file (from --update-baseline) does not hold;
    /// its entries that match nothing are reported (MP004)
    #[arg(long, value_name = "FILE", conflicts_with = "explain_network")]
    baseline: Option<PathBuf>,
    /// Write every finding to this baseline file; with --baseline, keep only the entries
    /// that still match (add no new finding)
    #[arg(long, value_name = "FILE", conflicts_with = "explain_network")]
    update_baseline: Option<PathBuf>,
    /// Apply the fixes of fixable findings (counted by `[*]`), check again, then report what is
    /// left
    #[arg(long, conflicts_with_all = ["diff", "explain_network"])]
    fix: bool,
    /// Instead of the findings, show the fixes as a unified diff; nothing is written (exit 1
    /// when there is something to fix)
    #[arg(long, conflicts_with_all = ["explain_network", "statistics"])]
    diff: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
enum MinSeverity {
    Info,
    Warning,
    Error,
}

#[derive(clap::Args, Debug)]
struct WidgetDataArgs {
    /// Data files (`-` for standard input)
    #[arg(required = true, value_name = "FILE|-")]
    files: Vec<PathBuf>,
    /// The kind of body [default: told from its fields]
    #[arg(long, value_enum)]
    kind: Option<crate::lint::rules::widget::data::Kind>,
    /// The project whose pages in-app paths must name
    #[arg(long, value_name = "PATH", default_value = ".")]
    project: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    format: Format,
    /// Config file (rule levels) [default: mpcheck.json in the project folder]
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
    /// Colour in human output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(clap::Args, Debug)]
struct SizeArgs {
    /// Project folder, or any path inside a project (the project is found upward from it)
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    format: SizeFormat,
    /// Write the report to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Config file (for "limits" and "exclude") [default: mpcheck.json in the project folder]
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
enum SizeFormat {
    Text,
    Json,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    En,
    Zh,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum RulesFormat {
    Text,
    Json,
    Markdown,
}

pub fn main() -> ExitCode {
    // MPCHECK_TIMINGS' clock starts here.
    crate::base::timing::enabled();
    let cli = Cli::parse();
    let code = run(cli);
    crate::base::timing::note(format_args!("done"));
    code
}

fn run(cli: Cli) -> ExitCode {
    let lang = match cli.lang {
        Some(LangArg::En) => Lang::En,
        Some(LangArg::Zh) => Lang::Zh,
        None => Lang::from_env(),
    };
    match cli.command {
        Command::Check(args) => check(args, lang),
        Command::Rules { format } => match emit(&rules_listing(format, lang)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        Command::Size(args) => size(args, lang),
        Command::WidgetData(args) => widget_data(args, lang),
        Command::Explain { rule } => explain(&rule, lang),
        Command::Release(args) => crate::cli::release::command::run(*args, lang),
    }
}

/// `mpcheck widget-data`: each file (or standard input) read with the data cap, validated
/// against the pages of `--project`; findings in the usual formats, exit 1 on an error.
fn widget_data(args: WidgetDataArgs, lang: Lang) -> ExitCode {
    use crate::lint::rules::widget::data::{Input, MAX_DATA_BYTES};
    if let Err(code) = thread_pool(None) {
        return code;
    }
    let opts = Options {
        color: match args.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
        width: Some(output_width()),
        base: report::PathBase::default(),
        lang,
    };
    let config = match load_config(&args.project, args.config.as_deref(), &opts) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut project = match Project::load(&args.project, &config.exclude) {
        Ok(p) => p,
        Err(e) => return load_error(e),
    };
    let data_rule = &crate::lint::rules::widget::data::data_file::META;
    let not_json = &crate::lint::rules::widget::data::not_json::META;
    let mut diagnostics = Vec::new();
    let mut texts: Vec<(String, String, usize)> = Vec::new();
    let mut stdin_used = false;
    for path in &args.files {
        let stdin = path.as_os_str() == "-";
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            escape::line(&path.display().to_string()).into_owned()
        };
        let read = if stdin {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            let mut bytes = Vec::new();
            match std::io::Read::read_to_end(
                &mut std::io::Read::take(std::io::stdin().lock(), MAX_DATA_BYTES + 1),
                &mut bytes,
            ) {
                Ok(n) if n as u64 > MAX_DATA_BYTES => {
                    Err(crate::base::fsread::ReadError::TooLarge {
                        size: n as u64,
                        limit: MAX_DATA_BYTES,
                    })
                }
                Ok(_) => Ok(bytes),
                Err(e) => Err(crate::base::fsread::ReadError::Io(e.to_string())),
            }
        } else {
            crate::base::fsread::read_capped(path, MAX_DATA_BYTES)
        };
        let bytes = match read {
            Ok(b) => b,
            Err(e) => {
                let (en, zh) = match e {
                    crate::base::fsread::ReadError::TooLarge { .. } if stdin => (
                        format!("standard input is over {MAX_DATA_BYTES} bytes"),
                        format!("标准输入超过 {MAX_DATA_BYTES} 字节"),
                    ),
                    e => (
                        format!("data file {name} {}", e.describe()),
                        format!("数据文件 {name} 无法读取：{}", e.describe()),
                    ),
                };
                diagnostics.push(crate::base::diagnostic::Diagnostic::new(
                    data_rule,
                    name.clone(),
                    None,
                    crate::base::i18n::Text::new(en, zh),
                ));
                continue;
            }
        };
        let size = bytes.len();
        match crate::base::source::decode(bytes) {
            crate::base::source::Decoded::Text { text, .. } => texts.push((name, text, size)),
            crate::base::source::Decoded::NotUtf8 {
                valid_up_to: offset,
                ..
            } => {
                diagnostics.push(crate::base::diagnostic::Diagnostic::new(
                    not_json,
                    name.clone(),
                    None,
                    crate::base::i18n::Text::new(
                        format!("data file {name} is not UTF-8 (at byte {offset})"),
                        format!("数据文件 {name} 不是 UTF-8 编码（第 {offset} 字节）"),
                    ),
                ));
            }
        }
    }
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(name, text, size)| Input {
            file: name.clone(),
            text,
            size: *size,
        })
        .collect();
    let pages = crate::lint::rules::widget::data::declared_pages(&project);
    diagnostics.extend(crate::lint::rules::widget::data::validate(
        &inputs, args.kind, &pages,
    ));
    drop(inputs);
    for (name, text, _) in texts {
        project.add_text(
            name,
            crate::base::source::Source::new(std::sync::Arc::from(text)),
        );
    }
    diagnostics.retain_mut(|d| match config.severity(d.rule) {
        Some(s) => {
            d.severity = s;
            true
        }
        None => false,
    });
    engine::sort_in(&mut diagnostics, lang);
    let out = report::render(&project, &diagnostics, args.format, &opts);
    if let Err(code) = emit(&out) {
        return code;
    }
    std::mem::forget(project);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn size(args: SizeArgs, lang: Lang) -> ExitCode {
    if let Err(code) = thread_pool(None) {
        return code;
    }
    let (dir, base) = match project_of(&args.path) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let opts = Options {
        color: false,
        width: Some(100),
        base,
        lang,
    };
    let config = match load_config(
        Path::new(&opts.base.folder()),
        args.config.as_deref(),
        &opts,
    ) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let project = match Project::load_for_upload(&dir, &config.exclude) {
        Ok(p) => p,
        Err(e) => return load_error(e),
    };
    let analysis = Analysis::new(&project, None);
    let upload = analysis.upload();
    let out = match args.format {
        SizeFormat::Text => report::size::text(upload, &config.limits, &project.mp_root, lang),
        SizeFormat::Json => report::size::json(upload, &config.limits),
        SizeFormat::Html => {
            let name = project
                .dir
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            report::size_html::render(upload, &config.limits, &project.mp_root, &name, lang)
        }
    };
    match &args.output {
        Some(file) => {
            if let Err(e) = crate::base::fsread::write_replacing(file, out.as_bytes()) {
                return usage_error(&format!(
                    "cannot write {}: {e}",
                    escape::line(&file.display().to_string())
                ));
            }
        }
        None => {
            if let Err(code) = emit(&out) {
                return code;
            }
        }
    }
    // Over a limit: the upload would be refused, so a script gets exit 1 (the report says which).
    let over = upload
        .packages
        .iter()
        .any(|p| p.bytes > config.limits.package)
        || upload.total > config.limits.total;
    // The process ends here: skip freeing the indexes piece by piece.
    std::mem::forget(analysis);
    std::mem::forget(project);
    if over {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn check(args: CheckArgs, lang: Lang) -> ExitCode {
    if let Err(code) = thread_pool(args.threads) {
        return code;
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let opts = Options {
        color,
        width: Some(output_width()),
        base: report::PathBase::default(),
        lang,
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (targets, outside) = match crate::cli::targets::find(&paths) {
        Ok(t) => t,
        Err(e) => return target_error(e),
    };
    if targets.is_empty() {
        eprintln!(
            "mpcheck: no mini program project holds {}: nothing to check",
            outside
                .iter()
                .map(|p| shown(p))
                .collect::<Vec<_>>()
                .join(", ")
        );
        return ExitCode::SUCCESS;
    }
    if targets.len() > 1 {
        let one_project_only = [
            (args.baseline.is_some(), "--baseline"),
            (args.update_baseline.is_some(), "--update-baseline"),
            (args.explain_network, "--explain-network"),
            (args.show_settings, "--show-settings"),
        ];
        if let Some((_, flag)) = one_project_only.iter().find(|(on, _)| *on) {
            let names: Vec<String> = targets.iter().map(|t| t.base.folder()).collect();
            return usage_error(&format!(
                "{flag} takes one project; these paths are in {} projects: {}",
                targets.len(),
                names.join(", ")
            ));
        }
    }
    let min = match (args.quiet, args.min_severity) {
        (true, _) | (_, Some(MinSeverity::Error)) => Severity::Error,
        (_, Some(MinSeverity::Warning)) => Severity::Warning,
        _ => Severity::Info,
    };
    let mut checked = Vec::new();
    for target in &targets {
        let opts = Options {
            base: target.base.clone(),
            ..opts.clone()
        };
        match check_project(target, &args, &opts) {
            Ok(Checked::Done(out)) => {
                return match emit(&out) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(code) => code,
                };
            }
            Ok(Checked::Findings(c)) => checked.push(*c),
            Err(code) => return code,
        }
    }
    let runs: Vec<report::Run> = checked
        .iter()
        .map(|c| report::Run {
            project: &c.project,
            diagnostics: &c.shown,
            base: c.base.clone(),
        })
        .collect();
    let mut would_fix = None;
    let out = if args.diff {
        let mut total = crate::cli::fix::Outcome::default();
        let mut out = String::new();
        for run in &runs {
            let (diff, outcome) = crate::cli::fix::diff(run.project, run.diagnostics, &run.base);
            out.push_str(&diff);
            total.fixed += outcome.fixed;
            total.files.extend(outcome.files);
            total.failed |= outcome.failed;
        }
        would_fix = Some(total);
        out
    } else if args.statistics {
        let all: Vec<_> = checked
            .iter()
            .flat_map(|c| c.shown.iter().cloned())
            .collect();
        report::statistics(&all, min, args.format == Format::Json, lang)
    } else if min > Severity::Info {
        let visible: Vec<Vec<_>> = checked
            .iter()
            .map(|c| {
                c.shown
                    .iter()
                    .filter(|d| d.severity >= min)
                    .cloned()
                    .collect()
            })
            .collect();
        let runs: Vec<report::Run> = checked
            .iter()
            .zip(&visible)
            .map(|(c, v)| report::Run {
                project: &c.project,
                diagnostics: v,
                base: c.base.clone(),
            })
            .collect();
        report::render_runs(&runs, args.format, &opts)
    } else {
        report::render_runs(&runs, args.format, &opts)
    };
    let summary = Summary::of_runs(&runs);
    drop(runs);
    let written = match &args.output {
        Some(file) => crate::base::fsread::write_replacing(file, out.as_bytes()).map_err(|e| {
            usage_error(&format!(
                "cannot write {}: {e}",
                escape::line(&file.display().to_string())
            ))
        }),
        None => emit(&out),
    };
    // The process ends here: skip freeing the indexes piece by piece.
    let fixed: Vec<_> = checked.iter().filter_map(|c| c.fixed.clone()).collect();
    std::mem::forget(checked);
    if let Err(code) = written {
        return code;
    }
    if let Some(outcome) = would_fix {
        eprintln!("{}", crate::cli::fix::would_fix_line(&outcome, lang));
        return ExitCode::from(u8::from(!out.is_empty()));
    }
    if args.fix {
        let mut total = crate::cli::fix::Outcome::default();
        for outcome in fixed {
            total.fixed += outcome.fixed;
            total.files.extend(outcome.files);
            total.failed |= outcome.failed;
        }
        eprintln!("{}", crate::cli::fix::fixed_line(&total, lang));
        if total.failed {
            return ExitCode::from(2);
        }
    }
    let too_many_warnings = args.max_warnings.is_some_and(|m| summary.warnings > m);
    if too_many_warnings {
        eprintln!(
            "mpcheck: {} warnings exceed --max-warnings {}",
            summary.warnings,
            args.max_warnings.unwrap_or_default()
        );
    }
    if summary.errors > 0 || too_many_warnings {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn target_error(e: crate::cli::targets::TargetError) -> ExitCode {
    use crate::cli::targets::TargetError;
    match e {
        TargetError::Missing(p) => usage_error(&format!(
            "{} does not exist; give a project folder, or files or folders inside one",
            shown(&p)
        )),
        TargetError::NoProject(p) => match Project::load(&p, &Default::default()) {
            Err(e) => load_error(e),
            Ok(_) => usage_error(&format!("no mini program project found in {}", shown(&p))),
        },
        TargetError::Io(p, e) => usage_error(&format!("cannot read {}: {e}", shown(&p))),
    }
}

/// The project `path` is in (found upward from it), and how to show its paths.
pub(crate) fn project_of(path: &Path) -> Result<(PathBuf, report::PathBase), ExitCode> {
    let (mut targets, outside) =
        crate::cli::targets::find(std::slice::from_ref(&path.to_path_buf()))
            .map_err(target_error)?;
    match targets.pop() {
        Some(t) => Ok((t.dir, t.base)),
        None => Err(usage_error(&format!(
            "no mini program project holds {}",
            outside.first().map_or_else(|| shown(path), |p| shown(p))
        ))),
    }
}

/// One project of `mpcheck check`, checked: the findings it reports (those of the paths
/// given, after `--fix` and the baseline) and what was fixed.
struct CheckedProject {
    project: Project,
    shown: Vec<crate::base::diagnostic::Diagnostic>,
    base: report::PathBase,
    fixed: Option<crate::cli::fix::Outcome>,
}

enum Checked {
    Findings(Box<CheckedProject>),
    /// The whole output of a mode that stops here (`--explain-network`, `--show-settings`).
    Done(String),
}

fn check_project(
    target: &crate::cli::targets::Target,
    args: &CheckArgs,
    opts: &Options,
) -> Result<Checked, ExitCode> {
    let lang = opts.lang;
    // Named as the user would (`./mpcheck.json`, `../mpcheck.json`) in messages.
    let config = Config::load(args.config.as_deref(), Path::new(&opts.base.folder()))
        .map_err(|e| config_error(e, opts))?;
    let timings = crate::base::timing::enabled();
    let started = std::time::Instant::now();
    // `target.dir` is canonical, as the loaded project's folder is.
    let whitelist = config
        .whitelist(args.domains.as_deref(), &target.dir)
        .map_err(|message| usage_error(&message))?;
    let load = || -> Result<Project, ExitCode> {
        let mut project = Project::load(&target.dir, &config.exclude).map_err(load_error)?;
        // Findings in the whitelist file show its text.
        if let Some(w) = &whitelist {
            project.add_text(w.file.clone(), w.source.clone());
        }
        Ok(project)
    };
    let project = load()?;
    let selection = target.selection(&project.mp_root);
    if args.show_settings {
        let checked: Option<Vec<String>> = match &selection {
            crate::cli::targets::Selection::Whole => None,
            crate::cli::targets::Selection::Part { files, dirs } => {
                Some(dirs.iter().chain(files.iter()).cloned().collect())
            }
        };
        return Ok(Checked::Done(report::settings::render(
            &project,
            &config,
            args.domains.as_deref(),
            checked.as_deref(),
            &opts.base,
            args.format == Format::Json,
        )));
    }
    if args.explain_network {
        let analysis = Analysis::new(&project, whitelist);
        return Ok(Checked::Done(match args.format {
            Format::Json => report::network::json(&analysis),
            _ => report::network::text(&analysis, &opts.base),
        }));
    }
    let loaded = started.elapsed();
    let partial = !matches!(selection, crate::cli::targets::Selection::Whole);
    // The findings, and the upload set when only part of the project is checked (which
    // findings are kept depends on it).
    let check = |p: &Project| {
        crate::base::timing::note(format_args!("project indexed"));
        let analysis = Analysis::new(p, whitelist.clone());
        let mut diagnostics = engine::run(&analysis, &config);
        engine::sort_in(&mut diagnostics, lang);
        crate::base::timing::note(format_args!("{} findings", diagnostics.len()));
        if partial {
            return (Some(analysis.into_upload()), diagnostics);
        }
        // Freeing the analyses piece by piece took 1.4 ms of a 110 ms check; a plain check
        // ends soon after (`--fix` checks again, and frees them).
        if !args.fix {
            std::mem::forget(analysis);
        }
        (None, diagnostics)
    };
    let (upload, diagnostics) = check(&project);
    // --fix: write, check again (see crate::cli::fix); what is left is reported below.
    let (mut project, upload, diagnostics, fixed) = if args.fix {
        let (p, u, d, outcome) =
            crate::cli::fix::run(project, upload, diagnostics, load, check, |p, u, d| {
                selection.keeps(p, u.as_ref(), d)
            })?;
        (p, u, d, Some(outcome))
    } else {
        (project, upload, diagnostics, None)
    };
    let diagnostics = crate::cli::baseline::apply(
        &mut project,
        &config,
        lang,
        args.baseline.as_deref(),
        args.update_baseline.as_deref(),
        diagnostics,
    )?;
    if timings {
        crate::base::timing::note(format_args!(
            "{} files, index {:?}, rules {:?}",
            project.files.len(),
            loaded,
            started.elapsed() - loaded,
        ));
    }
    let shown = match selection {
        crate::cli::targets::Selection::Whole => diagnostics,
        _ => diagnostics
            .into_iter()
            .filter(|d| selection.keeps(&project, upload.as_ref(), d))
            .collect(),
    };
    Ok(Checked::Findings(Box::new(CheckedProject {
        project,
        shown,
        base: opts.base.clone(),
        fixed,
    })))
}

pub fn rules_listing(format: RulesFormat, lang: Lang) -> String {
    match format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = RULES
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({
                        "code": m.code,
                        "name": m.name,
                        "group": m.group.as_str(),
                        "severity": m.severity.as_str(),
                        "summary": m.summary(lang),
                    })
                })
                .collect();
            let mut s = serde_json::to_string_pretty(&serde_json::json!({ "rules": rules }))
                .unwrap_or_default();
            s.push('\n');
            s
        }
        RulesFormat::Text => {
            // Columns as wide as their longest entry, so that none runs into the next.
            let name_w = RULES.iter().map(|r| r.meta().name.len()).max().unwrap_or(0);
            let group_w = RULES
                .iter()
                .map(|r| r.meta().group.as_str().len())
                .max()
                .unwrap_or(0);
            let mut s = String::new();
            for r in RULES {
                let m = r.meta();
                s.push_str(&format!(
                    "{:<6} {:<name_w$} {:<group_w$} {:<7} {}\n",
                    m.code,
                    m.name,
                    m.group.as_str(),
                    m.severity.as_str(),
                    m.summary(lang)
                ));
            }
            s
        }
        RulesFormat::Markdown => {
            let mut s = String::from(
                "# Rules\n\nGenerated by `mpcheck rules --format markdown`; `mpcheck explain CODE` prints a rule's page.\n\n\
                 | Code | Name | Group | Default | Summary |\n|---|---|---|---|---|\n",
            );
            for r in RULES {
                let m = r.meta();
                s.push_str(&format!(
                    "| [{}]({}.md) | `{}` | {} | {} | {} |\n",
                    m.code,
                    m.code,
                    m.name,
                    m.group.as_str(),
                    m.severity.as_str(),
                    m.summary.replace('|', "\\|")
                ));
            }
            s
        }
    }
}

pub fn markdown_index() -> String {
    rules_listing(RulesFormat::Markdown, Lang::En)
}

fn explain(key: &str, lang: Lang) -> ExitCode {
    match rules::find(key) {
        Some(rule) => match emit(&explain_text(rule.meta(), lang)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        None => {
            let hint = crate::analysis::schema::suggest(key, RULES.iter().map(|r| r.meta().name))
                .map(|s| format!(" (did you mean {s}?)"))
                .unwrap_or_default();
            usage_error(&format!(
                "unknown rule \"{key}\"{hint}; `mpcheck rules` lists every rule"
            ))
        }
    }
}

/// A rule's page for `mpcheck explain`: `rules/<CODE>.md` with the parts that restate the
/// rule's metadata generated (see [`crate::report::rule_doc`]); in Chinese, the rule's Chinese
/// summary, severity and group, a line saying the body is not translated yet, and the body in
/// English under translated section headings.
pub fn explain_text(m: &crate::lint::rule::RuleMeta, lang: Lang) -> String {
    crate::report::rule_doc::page(m, lang)
}
