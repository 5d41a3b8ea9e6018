//! `mpcheck release`, in order: the gate (every check rule and the release pre-flight, one
//! run), the console checklist, the upload through miniprogram-ci, the next steps. Human text
//! on stdout with the client's progress on stderr, or one JSON record (`-f json`). Exit 0
//! uploaded or dry run passed, 1 stopped by the gate, the pre-flight or the upload, 2 usage.

use super::client::{self, Client, Invocation, Outcome};
use super::{Git, Request, Status, checklist, steps};
use crate::analysis::Analysis;
use crate::base::diagnostic::{Diagnostic, Severity};
use crate::base::escape;
use crate::base::i18n::Lang;
use crate::cli::common::{self, ColorChoice};
use crate::lint::engine;
use crate::project::Project;
use crate::report::{self, Format, Options, Summary};
use clap::ValueEnum;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Project folder
    #[arg(default_value = ".")]
    path: PathBuf,
    /// The version to upload (DevTools' form: letters, digits and dots, at most 20; a plugin:
    /// x.y.z)
    #[arg(long, value_name = "V", required_unless_present = "install_ci")]
    version: Option<String>,
    /// Description [default: the subject of the git HEAD commit, when in a git repository]
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    desc: Option<String>,
    /// Robot number, 1 to 30 (the console shows uploads per robot)
    #[arg(long, value_name = "N", default_value = "1")]
    robot: String,
    /// The code-upload key file [default: $MPCHECK_UPLOAD_KEY]
    // Hyphen values accepted: a key pasted here by mistake (`-----BEGIN …`) must reach MP604,
    // which does not show it, rather than clap's usage error, which would print it.
    #[arg(long, value_name = "FILE", allow_hyphen_values = true)]
    key: Option<PathBuf>,
    /// Upload as this appid [default: appid in project.config.json]
    #[arg(long, value_name = "ID")]
    appid: Option<String>,
    /// Domain whitelist (as `check --domains`) [default: "domains" in mpcheck.json]
    #[arg(long, value_name = "FILE")]
    domains: Option<PathBuf>,
    /// Config file [default: mpcheck.json in the project folder, if present]
    #[arg(long, short = 'c')]
    config: Option<PathBuf>,
    /// Stop when there are more warnings than this
    #[arg(long)]
    max_warnings: Option<usize>,
    /// Everything except the upload; print the exact invocation
    #[arg(long)]
    dry_run: bool,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value = "human")]
    format: ReleaseFormat,
    /// Write the output to this file instead of standard output
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// The miniprogram-ci to use: its bin (node_modules/.bin/miniprogram-ci) or package folder
    /// [default: $MPCHECK_MINIPROGRAM_CI, node_modules/.bin in the project or a parent, then
    /// the --install-ci cache]
    #[arg(long, value_name = "PATH")]
    ci_bin: Option<PathBuf>,
    /// Install miniprogram-ci 2.1.42 with npm into mpcheck's cache folder (about 275 MB);
    /// without --version, only that
    #[arg(long)]
    install_ci: bool,
    /// HTTP proxy for the client [default: $HTTPS_PROXY and the client's own lookup]
    #[arg(long, value_name = "URL")]
    proxy: Option<String>,
    /// Stop the client after this many seconds
    #[arg(long, value_name = "SECONDS", default_value = "900")]
    timeout: u64,
    /// Compile without project.config.json's settings (no ES6 transform, no minification), as
    /// `miniprogram-ci upload` does without `--use-project-config` [default: the project's
    /// settings, as DevTools uploads]
    #[arg(long)]
    plain_compile: bool,
    /// Show every line the client prints and every file it compiles
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Worker threads for the check [default: one per core]
    #[arg(long)]
    threads: Option<usize>,
    /// Colour in human output
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq)]
enum ReleaseFormat {
    Human,
    Json,
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    if let Err(code) = common::thread_pool(args.threads) {
        return code;
    }
    if args.timeout == 0 {
        return common::usage_error("--timeout must be at least 1");
    }
    if args.install_ci {
        match client::install() {
            Ok(c) => eprintln!(
                "mpcheck: miniprogram-ci {} is installed in {}",
                c.version,
                c.package.display()
            ),
            Err(e) => {
                eprintln!("mpcheck: error: cannot install miniprogram-ci: {e}");
                return ExitCode::from(1);
            }
        }
    }
    let Some(version) = args.version.clone() else {
        return ExitCode::SUCCESS;
    };
    // -o is written at the end: a path that cannot be written must stop the run before the
    // upload, not after it (an uploaded version reported as a usage error, its record lost).
    if let Some(f) = &args.output {
        let dir = match f.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        if std::fs::metadata(f).is_ok_and(|m| m.is_dir()) {
            return common::usage_error(&format!(
                "cannot write -o {}: it is a folder; give a file name",
                common::shown(f)
            ));
        }
        if !std::fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
            return common::usage_error(&format!(
                "cannot write -o {}: the folder {} does not exist; create it or give another path",
                common::shown(f),
                common::shown(dir)
            ));
        }
    }
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && args.format == ReleaseFormat::Human
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let opts = Options {
        color,
        width: Some(common::output_width()),
        base: crate::report::PathBase::prefix(common::path_prefix(&args.path)),
        lang,
    };
    let config = match common::load_config(&args.path, args.config.as_deref(), &opts) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let mut project = match Project::load(&args.path, &config.exclude) {
        Ok(p) => p,
        Err(e) => return common::load_error(e),
    };
    let whitelist = match config.whitelist(args.domains.as_deref(), &project.dir) {
        Ok(w) => w,
        Err(message) => return common::usage_error(&message),
    };
    // Findings in the whitelist file show its text.
    if let Some(w) = &whitelist {
        project.add_text(w.file.clone(), w.source.clone());
    }
    let project = project;
    let analysis = Analysis::new(&project, whitelist);
    let req = Request {
        version,
        desc: args.desc.clone(),
        robot: args.robot.clone(),
        key: args.key.clone(),
        appid: args.appid.clone(),
        dry_run: args.dry_run,
        ci_bin: args.ci_bin.clone(),
        proxy: args.proxy.clone(),
        timeout: Duration::from_secs(args.timeout),
        max_warnings: args.max_warnings,
    };
    let git = Git::of(&project.dir);
    let release_args = super::release_args(&req, &project, &git);
    // The key's content, to be kept out of everything shown: the gate's excerpts (a key file
    // inside the project), the client's output, the record.
    let key_path = release_args.key.as_ref().map(|(k, _)| absolute(k));
    let secrets = key_path
        .as_deref()
        .and_then(key_prefix)
        .map(|b| client::Secrets::of(&b))
        .unwrap_or_default();
    let secrets = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .chain(req.proxy.clone())
        .fold(secrets, |s, p| s.with_proxy_password(&p));
    let mut out = Output::new(&args, secrets.clone());

    // 1–2. The gate: the whole check and the release pre-flight, in one run.
    let mut diagnostics = engine::run_with(&analysis, &config, Some(&release_args));
    engine::sort_in(&mut diagnostics, lang);
    if super::gate_fails(&diagnostics, req.max_warnings) {
        let summary = Summary::of(&diagnostics);
        let text = report::render(
            &project,
            &diagnostics,
            match args.format {
                ReleaseFormat::Human => Format::Human,
                ReleaseFormat::Json => Format::Json,
            },
            &opts,
        );
        out.push(&text);
        let code = out.finish();
        if code != ExitCode::SUCCESS {
            return code;
        }
        let why = if summary.errors > 0 {
            format!("{} error(s); fix them and run again", summary.errors)
        } else {
            format!(
                "{} warning(s), more than --max-warnings {}; fix them (listed above) or raise --max-warnings",
                summary.warnings,
                req.max_warnings.unwrap_or_default()
            )
        };
        eprintln!("mpcheck release: stopped before the upload: {why}; nothing was uploaded");
        std::mem::forget(project);
        return ExitCode::from(1);
    }

    // 3. The console checklist.
    let checklist = checklist::compute(&analysis);
    let mut record = Record::new(&req, &release_args, &git, &project, &diagnostics, lang);
    record.checklist = checklist.json();
    if args.format == ReleaseFormat::Human {
        out.push(&gate_line(lang, &diagnostics));
        let warnings: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .take(MAX_WARNINGS_SHOWN)
            .cloned()
            .collect();
        if !warnings.is_empty() {
            let concise = report::render(&project, &warnings, Format::Concise, &opts);
            // The concise report ends with its own summary line: the gate line above says it.
            for line in concise.lines().filter(|l| l.contains(": warning[")) {
                out.push(&format!("  {line}\n"));
            }
            let more = Summary::of(&diagnostics)
                .warnings
                .saturating_sub(MAX_WARNINGS_SHOWN);
            if more > 0 {
                out.push(&format!("  … {more} more\n"));
            }
            out.push("\n");
        }
        out.push(&checklist.text(lang, opts.base.prefix_str()));
        out.push("\n");
        out.flush_stdout();
    }

    // 4. The client.
    let found = client::find(&project.dir, req.ci_bin.as_deref());
    let node = client::node();
    let mut invocation = Invocation {
        ci: found
            .as_ref()
            .map(|c| absolute(&c.package).display().to_string())
            .unwrap_or_default(),
        appid: release_args
            .appid
            .as_ref()
            .map(|(a, _)| a.clone())
            .unwrap_or_default(),
        project_path: absolute(&project.dir).display().to_string(),
        key_path: key_path
            .as_ref()
            .map(|k| k.display().to_string())
            .unwrap_or_default(),
        version: req.version.clone(),
        desc: release_args.desc.as_ref().map(|(d, _)| d.clone()),
        robot: req.robot.clone(),
        project_type: super::project_type(&project).to_string(),
        proxy: req.proxy.clone(),
        use_project_config: !args.plain_compile,
        verbose: args.verbose,
        // Made just before the upload (nothing is left behind by a dry run).
        result: String::new(),
    };
    let problem = client_problem(lang, &found, &node);
    record.client = client_json(&found, &node);
    record.invocation = Some(invocation_json(&invocation, node.as_deref()));
    let privacy: Vec<String> = checklist
        .privacy_items()
        .iter()
        .map(|s| s.to_string())
        .collect();
    let privacy_refs: Vec<&str> = privacy.iter().map(String::as_str).collect();
    let steps_for = |sizes: &[super::PackageSize]| {
        let steps = steps::next_steps(
            lang,
            &req.version,
            &privacy_refs,
            checklist.missing_domains(),
            checklist.has_widgets(),
        );
        (steps::text(lang, sizes, &steps), steps)
    };

    if req.dry_run {
        let sizes = super::package_sizes(&analysis, None);
        let (steps_text, steps) = steps_for(&sizes);
        record.status = Status::DryRun;
        record.packages = sizes;
        record.next_steps = steps;
        if let Some(p) = &problem {
            record.error = Some(serde_json::json!({ "message": p }));
        }
        if args.format == ReleaseFormat::Human {
            out.push(&dry_run_text(
                lang,
                &invocation,
                node.as_deref(),
                &found,
                problem.as_deref(),
            ));
            out.push(&steps_text);
        } else {
            out.push(&record.json());
        }
        std::mem::forget(project);
        let code = out.finish();
        if problem.is_some() && code == ExitCode::SUCCESS {
            // A dry run is the rehearsal of the upload: one that could not start has failed.
            eprintln!(
                "mpcheck release: dry run: the upload could not start (see above); nothing was uploaded"
            );
            return ExitCode::from(1);
        }
        return code;
    }
    if let Some(p) = problem {
        record.status = Status::NoClient;
        record.error = Some(serde_json::json!({ "message": p }));
        if args.format == ReleaseFormat::Human {
            out.push(&format!(
                "{}: {p}\n",
                lang.pick("cannot upload", "无法上传")
            ));
        } else {
            out.push(&record.json());
        }
        let _ = out.finish();
        std::mem::forget(project);
        return ExitCode::from(1);
    }
    let (Ok(ci), Some(node)) = (found, node) else {
        unreachable!("client_problem covers both");
    };
    eprintln!(
        "mpcheck release: uploading {} version {} as robot {} with miniprogram-ci {} …",
        escape::line(&invocation.appid),
        escape::line(&req.version),
        escape::line(&req.robot),
        escape::line(&ci.version)
    );
    let result_file = match result_path() {
        Ok(f) => f,
        Err(e) => {
            let message = format!(
                "cannot create a file in the temporary folder {}: {e}; set TMPDIR to a writable folder",
                std::env::temp_dir().display()
            );
            eprintln!("mpcheck release: error: {}", escape::line(&message));
            return ExitCode::from(1);
        }
    };
    invocation.result = result_file.display().to_string();
    let started = std::time::Instant::now();
    let outcome = client::upload(&node, &invocation, &secrets, req.timeout);
    let _ = std::fs::remove_file(&result_file);
    record.upload_seconds =
        Some((started.elapsed().as_millis() as f64 / 1000.0 * 10.0).round() / 10.0);
    // The client's code, what it means and what to do; or why it could not run.
    let (head, error) = match outcome {
        Ok(Outcome::Uploaded(result)) => {
            let sizes = super::package_sizes(&analysis, Some(&result));
            let (steps_text, steps) = steps_for(&sizes);
            record.status = Status::Uploaded;
            record.packages = sizes;
            record.next_steps = steps;
            record.client_result = Some(result);
            if args.format == ReleaseFormat::Human {
                out.push(&match lang {
                    Lang::En => format!(
                        "Uploaded version {} of {} ({:.1} s). It is now the 开发版本 (development version) of robot {}.\n\n",
                        escape::line(&req.version),
                        escape::line(&invocation.appid),
                        started.elapsed().as_secs_f64(),
                        escape::line(&req.robot)
                    ),
                    Lang::Zh => format!(
                        "已上传 {} 的版本 {}（{:.1} 秒），现为机器人 {} 的开发版本。\n\n",
                        escape::line(&invocation.appid),
                        escape::line(&req.version),
                        started.elapsed().as_secs_f64(),
                        escape::line(&req.robot)
                    ),
                });
                out.push(&steps_text);
            } else {
                out.push(&record.json());
            }
            std::mem::forget(project);
            return out.finish();
        }
        Ok(Outcome::Failed { code, message }) => {
            let (what, help) = client::explain_failure(code, &message);
            (
                format!(
                    "{} ({code}): {}\n  help: {}\n",
                    lang.pick("upload failed", "上传失败"),
                    escape::text(&what),
                    escape::text(&help)
                ),
                serde_json::json!({ "code": code, "message": what, "help": help }),
            )
        }
        Err(e) => (
            format!(
                "{}: {}\n",
                lang.pick("upload failed", "上传失败"),
                escape::text(&e)
            ),
            serde_json::json!({ "message": e }),
        ),
    };
    record.status = Status::Failed;
    record.error = Some(error);
    if args.format == ReleaseFormat::Human {
        out.push(&head);
    } else {
        out.push(&record.json());
    }
    let _ = out.finish();
    std::mem::forget(project);
    ExitCode::from(1)
}

/// Warnings listed (one line each) when the gate passes.
const MAX_WARNINGS_SHOWN: usize = 20;

/// stdout, or `-o FILE` written once at the end; any line holding a piece of the key is
/// replaced on the way.
struct Output {
    file: Option<PathBuf>,
    buffer: String,
    secrets: client::Secrets,
}

impl Output {
    fn new(args: &Args, secrets: client::Secrets) -> Output {
        Output {
            file: args.output.clone(),
            buffer: String::new(),
            secrets,
        }
    }
    fn push(&mut self, s: &str) {
        self.buffer.push_str(&self.secrets.redact(s));
    }
    /// Prints what is buffered (stdout only): the checklist before the client's progress.
    fn flush_stdout(&mut self) {
        if self.file.is_none() {
            let _ = common::emit(&self.buffer);
            self.buffer.clear();
        }
    }
    fn finish(&mut self) -> ExitCode {
        let text = std::mem::take(&mut self.buffer);
        match &self.file {
            Some(f) => match crate::base::fsread::write_replacing(f, text.as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => common::usage_error(&format!("cannot write {}: {e}", common::shown(f))),
            },
            None => match common::emit(&text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(code) => code,
            },
        }
    }
}

/// The start of the key file, to keep out of the output: a regular file only (never a pipe
/// or a device, which would block or be consumed), at most 256 KiB, even when it is over MP604's
/// size cap (a key with a long preamble is still a key, and may be a file of the project whose
/// excerpts the gate shows).
fn key_prefix(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(256 << 10)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

fn absolute(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    })
}

/// A fresh, empty file for the bridge's result, in the system's temporary folder (never in the
/// project), created here and only here (not a name someone else made first, nor a link), readable
/// by this user only; removed once read, or when the client is stopped.
fn result_path() -> std::io::Result<PathBuf> {
    client::fresh_temp("mpcheck-upload-", ".json", |path| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        options.open(path).map(drop)
    })
}

fn gate_line(lang: Lang, diagnostics: &[Diagnostic]) -> String {
    let s = Summary::of(diagnostics);
    match lang {
        Lang::En => format!(
            "Check passed: 0 errors, {} warning(s), {} info(s) (`mpcheck check` lists them)\n\n",
            s.warnings, s.infos
        ),
        Lang::Zh => format!(
            "检查通过：0 个错误，{} 个警告，{} 个提示（`mpcheck check` 可查看）\n\n",
            s.warnings, s.infos
        ),
    }
}

/// Why the upload cannot start (no client, no Node), or `None`.
fn client_problem(
    lang: Lang,
    found: &Result<Client, client::NotFound>,
    node: &Option<PathBuf>,
) -> Option<String> {
    let mut problems = Vec::new();
    match found {
        Ok(c) if c.version != client::CI_VERSION => {
            // Usable, but not the version mpcheck is tested with: said on stderr, not fatal.
            eprintln!(
                "mpcheck release: warning: miniprogram-ci {} (from {}) is not {}, the version mpcheck is tested with",
                escape::line(&c.version),
                c.found.describe(),
                client::CI_VERSION
            );
        }
        Ok(_) => {}
        Err(client::NotFound::Bad(how, path)) => problems.push(match lang {
            Lang::En => format!(
                "{} ({}) is not miniprogram-ci: give its node_modules/.bin/miniprogram-ci or its package folder",
                common::shown(path),
                how.describe()
            ),
            Lang::Zh => format!(
                "{}（{}）不是 miniprogram-ci：请给出 node_modules/.bin/miniprogram-ci 或其包目录",
                common::shown(path),
                how.describe()
            ),
        }),
        Err(client::NotFound::Missing { .. }) => problems.push(
            lang.pick(
                "miniprogram-ci is not installed: run `mpcheck release --install-ci` (installs 2.1.42 into mpcheck's cache, about 275 MB), or `npm install --save-dev miniprogram-ci@2.1.42` in the project, or pass --ci-bin",
                "未安装 miniprogram-ci：运行 `mpcheck release --install-ci`（安装 2.1.42 到 mpcheck 的缓存目录，约 275 MB），或在项目中 `npm install --save-dev miniprogram-ci@2.1.42`，或使用 --ci-bin",
            )
            .to_string(),
        ),
    }
    if let Some(n) = node
        && !n.is_file()
    {
        problems.push(match lang {
            Lang::En => format!(
                "MPCHECK_NODE is {}, which is not a file: point it at the node executable, or unset it to use node on PATH",
                common::shown(n)
            ),
            Lang::Zh => format!(
                "MPCHECK_NODE 为 {}，它不是文件：请指向 node 可执行文件，或取消该变量以使用 PATH 中的 node",
                common::shown(n)
            ),
        });
    }
    if node.is_none() {
        problems.push(
            lang.pick(
                "Node.js is not on PATH (or set MPCHECK_NODE): miniprogram-ci needs Node.js 16.1 or later",
                "PATH 中没有 Node.js（或设置 MPCHECK_NODE）：miniprogram-ci 需要 Node.js 16.1 或更高版本",
            )
            .to_string(),
        );
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

fn client_json(
    found: &Result<Client, client::NotFound>,
    node: &Option<PathBuf>,
) -> serde_json::Value {
    match found {
        Ok(c) => serde_json::json!({
            "version": c.version,
            "package": c.package.display().to_string(),
            "found_by": c.found.describe(),
            "node": node.as_ref().map(|n| n.display().to_string()),
        }),
        Err(_) => serde_json::json!({
            "version": null,
            "node": node.as_ref().map(|n| n.display().to_string()),
        }),
    }
}

/// The bridge's input as recorded: the key's path, never its content.
fn invocation_json(inv: &Invocation, node: Option<&Path>) -> serde_json::Value {
    let mut v = serde_json::to_value(inv).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.remove("result");
        o.remove("verbose");
        o.insert(
            "node".into(),
            serde_json::Value::from(node.map(|n| n.display().to_string())),
        );
    }
    v
}

/// A word for a POSIX shell, quoted when needed (for showing only: nothing runs through a
/// shell). Pasted into bash or zsh it gives back exactly `word`: a word with a control,
/// bidi or other invisible char is written in ANSI-C quotes (`$'…\n…'`), so the printed line
/// stays one visible line and still means the same bytes.
fn sh(word: &str) -> String {
    if !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@,+%".contains(&b))
    {
        return word.to_string();
    }
    let invisible = |c: char| c == '\n' || c == '\t' || c.is_control() || escape::is_unsafe(c);
    if !word.chars().any(invisible) {
        return format!("'{}'", word.replace('\'', "'\\''"));
    }
    let mut out = String::from("$'");
    for c in word.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\'' => out.push_str("\\'"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 && invisible(c) => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if invisible(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

fn dry_run_text(
    lang: Lang,
    inv: &Invocation,
    node: Option<&Path>,
    found: &Result<Client, client::NotFound>,
    problem: Option<&str>,
) -> String {
    let mut s = String::new();
    s.push_str(lang.pick(
        "Dry run: nothing was uploaded. The upload would run (no shell; the options go to the bridge on standard input):\n",
        "试运行：未上传。上传时将运行（不经过 shell；选项通过标准输入传给桥接脚本）：\n",
    ));
    let node = node.map_or("node".to_string(), |n| n.display().to_string());
    s.push_str(&format!(
        "  {} -e {} <<'JSON'\n",
        escape::line(&sh(&node)),
        lang.pick(
            "<mpcheck's bridge to the miniprogram-ci Node API>",
            "<mpcheck 调用 miniprogram-ci Node API 的桥接脚本>",
        )
    ));
    let mut shown = invocation_json(inv, None);
    if let Some(o) = shown.as_object_mut() {
        o.remove("node");
    }
    let json = report::json::to_string_pretty(&shown);
    for line in json.lines() {
        s.push_str(&format!("  {}\n", escape::line(line)));
    }
    s.push_str("  JSON\n");
    s.push_str(lang.pick(
        "The same upload with the client's own CLI (which does not report the package sizes):\n",
        "用客户端自带命令行进行同样的上传（不返回各包大小）：\n",
    ));
    let bin = match found {
        Ok(c) => c.bin.display().to_string(),
        Err(_) => "miniprogram-ci".into(),
    };
    let mut words = vec![
        bin,
        "upload".into(),
        "--appid".into(),
        inv.appid.clone(),
        "--pp".into(),
        inv.project_path.clone(),
        "--pkp".into(),
        inv.key_path.clone(),
        "--uv".into(),
        inv.version.clone(),
    ];
    if let Some(d) = &inv.desc {
        words.extend(["--ud".into(), d.clone()]);
    }
    words.extend(["-r".into(), inv.robot.clone()]);
    if inv.project_type != "miniProgram" {
        words.extend(["--pt".into(), inv.project_type.clone()]);
    }
    if let Some(p) = &inv.proxy {
        words.extend(["--proxy".into(), p.clone()]);
    }
    if inv.use_project_config {
        words.extend(["--use-project-config".into(), "true".into()]);
    }
    let line: Vec<String> = words.iter().map(|w| sh(w)).collect();
    s.push_str(&format!("  {}\n", escape::line(&line.join(" "))));
    if let Some(p) = problem {
        s.push_str(&format!(
            "{}: {}\n",
            lang.pick("The upload could not start", "上传无法开始"),
            escape::text(p)
        ));
    }
    s.push('\n');
    s
}

/// The release record (`-f json`), for CI artifacts.
struct Record {
    status: Status,
    version: String,
    desc: Option<String>,
    desc_source: Option<&'static str>,
    appid: Option<String>,
    robot: String,
    project: String,
    git_commit: Option<String>,
    git_dirty: Option<bool>,
    time: String,
    findings: serde_json::Value,
    client: serde_json::Value,
    invocation: Option<serde_json::Value>,
    upload_seconds: Option<f64>,
    client_result: Option<serde_json::Value>,
    packages: Vec<super::PackageSize>,
    checklist: serde_json::Value,
    next_steps: Vec<steps::Step>,
    error: Option<serde_json::Value>,
}

impl Record {
    fn new(
        req: &Request,
        args: &crate::lint::rules::release::ReleaseArgs,
        git: &Git,
        project: &Project,
        diagnostics: &[Diagnostic],
        lang: Lang,
    ) -> Record {
        let s = Summary::of(diagnostics);
        // Warnings kept in the record (capped); infos only counted.
        let warnings: Vec<serde_json::Value> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .take(100)
            .map(|d| {
                serde_json::json!({
                    "code": d.rule.code,
                    "file": d.file,
                    "line": d.span.and_then(|sp| project.source(&d.file).map(|src| src.line_of(sp.start as usize) + 1)),
                    "message": d.message.get(lang),
                })
            })
            .collect();
        Record {
            status: Status::Blocked,
            version: req.version.clone(),
            desc: args.desc.as_ref().map(|(d, _)| d.clone()),
            desc_source: args.desc.as_ref().map(|(_, g)| match g {
                crate::lint::rules::release::Given::GitHead => "git",
                _ => "option",
            }),
            appid: args.appid.as_ref().map(|(a, _)| a.clone()),
            robot: req.robot.clone(),
            project: absolute(&project.dir).display().to_string(),
            git_commit: git.commit.clone(),
            git_dirty: git.dirty,
            time: super::now_utc(),
            findings: serde_json::json!({
                "errors": s.errors,
                "warnings": s.warnings,
                "infos": s.infos,
                "warning_list": warnings,
            }),
            client: serde_json::Value::Null,
            invocation: None,
            upload_seconds: None,
            client_result: None,
            packages: Vec::new(),
            checklist: serde_json::Value::Null,
            next_steps: Vec::new(),
            error: None,
        }
    }

    fn json(&self) -> String {
        let v = serde_json::json!({
            "mpcheck": env!("CARGO_PKG_VERSION"),
            "status": self.status.as_str(),
            "version": self.version,
            "desc": self.desc,
            "desc_source": self.desc_source,
            "appid": self.appid,
            "robot": self.robot,
            "project": self.project,
            "git": { "commit": self.git_commit, "dirty": self.git_dirty },
            "time": self.time,
            "check": self.findings,
            "client": self.client,
            "invocation": self.invocation,
            "upload_seconds": self.upload_seconds,
            "client_result": self.client_result,
            "packages": self.packages,
            "checklist": self.checklist,
            "next_steps": self.next_steps,
            "error": self.error,
        });
        let mut s = report::json::to_string_pretty(&v);
        s.push('\n');
        s
    }
}

#[cfg(test)]
mod tests {
    use super::sh;

    #[test]
    fn shell_words_are_quoted_for_display() {
        assert_eq!(sh("1.0.0"), "1.0.0");
        assert_eq!(sh("fix: it's done"), "'fix: it'\\''s done'");
        assert_eq!(sh(""), "''");
        assert_eq!(sh("$(id) `id`"), "'$(id) `id`'");
        // Controls and bidi chars: ANSI-C quoting, one visible line, the same bytes in bash.
        assert_eq!(
            sh("a'b\n\u{1b}[31m\u{202e}x\\"),
            "$'a\\'b\\n\\x1b[31m\\u202ex\\\\'"
        );
    }
}
