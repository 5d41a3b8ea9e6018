//! What the commands share: writing the output, the worker pool, usage, config and load
//! errors, and how paths are shown.

use crate::base::escape;
use crate::lint::config::Config;
use crate::project::LoadError;
use crate::report::{self, Options};
use clap::ValueEnum;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Writes a report to stdout. A reader that went away (`| head`) is not an error: the rest is
/// dropped quietly and the command exits as it would have. Any other write error (a full disk)
/// is said on stderr: exit 2.
pub(crate) fn emit(out: &str) -> Result<(), ExitCode> {
    match print(out) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("mpcheck: error: cannot write the output: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// Writes to stdout and flushes.
pub(crate) fn print(out: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(out.as_bytes())?;
    stdout.flush()
}

/// The width human output wraps at: `$COLUMNS`, else the terminal's width when stdout is a
/// terminal, else 100 (pipes and files).
pub(crate) fn output_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok())
        .filter(|&w: &usize| w > 0)
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(|| terminal_size::terminal_size().map(|(w, _)| usize::from(w.0)))
                .flatten()
        })
        .unwrap_or(100)
}

/// At most this many worker threads (`--threads` beyond it is lowered, with a message).
const MAX_THREADS: usize = 256;

/// Sets up rayon's global pool, which does all the parsing: `n` threads (default one per core),
/// each with a stack large enough for oxc's recursive parser on anything within mpcheck's
/// nesting limit (`crate::syntax::js::depth`); deeper input is reported, not parsed.
pub(crate) fn thread_pool(n: Option<usize>) -> Result<(), ExitCode> {
    let mut builder =
        rayon::ThreadPoolBuilder::new().stack_size(crate::syntax::js::depth::STACK_SIZE);
    if let Some(mut n) = n {
        if n == 0 {
            return Err(usage_error("--threads must be at least 1"));
        }
        if n > MAX_THREADS {
            eprintln!("mpcheck: --threads {n} is more than {MAX_THREADS}; using {MAX_THREADS}");
            n = MAX_THREADS;
        }
        builder = builder.num_threads(n);
    }
    // Fails only when the pool exists already (tests calling in-process); that one is used.
    let _ = builder.build_global();
    Ok(())
}

pub(crate) fn usage_error(message: &str) -> ExitCode {
    eprintln!("mpcheck: error: {}", escape::text(message));
    ExitCode::from(2)
}

/// A path for a message, escaped.
pub(crate) fn shown(path: &Path) -> String {
    escape::line(&path.display().to_string()).into_owned()
}

/// How paths are shown: relative to where the user typed the command.
pub(crate) fn path_prefix(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    let s = s.trim_start_matches("./").trim_end_matches('/');
    if s.is_empty() || s == "." {
        String::new()
    } else {
        format!("{s}/")
    }
}

/// The project folder must exist; then its config (or `--config`). Problems exit 2.
pub(crate) fn load_config(
    path: &Path,
    config: Option<&Path>,
    opts: &Options,
) -> Result<Config, ExitCode> {
    if !path.exists() {
        return Err(usage_error(&format!(
            "{} does not exist; give the folder that holds project.config.json or app.json",
            shown(path)
        )));
    }
    Config::load(config, path).map_err(|e| config_error(e, opts))
}

/// A bad mpcheck.json: shown with its text, exit 2.
pub(crate) fn config_error(e: crate::lint::config::ConfigError, opts: &Options) -> ExitCode {
    let name = shown(&e.path);
    let file = e.source.as_ref().map(|s| (name.clone(), s, e.span));
    let message = format!("invalid config {name}: {}", e.message);
    eprint!(
        "{}",
        report::human::render_error(opts, message, e.help, file)
    );
    ExitCode::from(2)
}

pub(crate) fn load_error(e: LoadError) -> ExitCode {
    match e {
        LoadError::NotFound {
            path,
            looked_for,
            elsewhere,
        } => {
            let mut msg = format!("no mini program project found in {}", shown(&path));
            if !looked_for.is_empty() {
                let names: Vec<String> = looked_for.iter().map(|p| shown(p)).collect();
                msg.push_str(&format!("\n  looked for: {}", names.join(", ")));
            }
            match elsewhere.first() {
                Some(sub) => msg.push_str(&format!(
                    "\n  help: app.json is in {}: run `mpcheck check {}`",
                    escape::line(sub),
                    shown(&path.join(sub.trim_end_matches('/')))
                )),
                None => msg.push_str(
                    "\n  help: run mpcheck in the folder that holds project.config.json or app.json",
                ),
            }
            usage_error(&msg)
        }
        LoadError::NotADirectory(p) => usage_error(&format!(
            "{} is not a folder; give the project folder",
            shown(&p)
        )),
        LoadError::Io(p, e) => usage_error(&format!("cannot read {}: {e}", shown(&p))),
    }
}
