//! `mpcheck release`: the gate (the whole check plus the release pre-flight rules), the console
//! checklist, the upload with the official client, and the next steps, with one JSON record.

pub mod checklist;
pub mod client;
pub mod command;
pub mod steps;

use crate::base::diagnostic::Severity;
use crate::lint::rules::release::{Given, ReleaseArgs};
use crate::project::Project;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What the command was asked to do (parsed by the CLI).
#[derive(Debug, Clone)]
pub struct Request {
    pub version: String,
    pub desc: Option<String>,
    pub robot: String,
    pub key: Option<PathBuf>,
    pub appid: Option<String>,
    pub dry_run: bool,
    pub ci_bin: Option<PathBuf>,
    pub proxy: Option<String>,
    pub timeout: Duration,
    pub max_warnings: Option<usize>,
}

/// How the run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Errors in the check or the pre-flight: nothing was started.
    Blocked,
    /// The client is missing or could not run.
    NoClient,
    DryRun,
    Uploaded,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Blocked => "blocked",
            Status::NoClient => "no-client",
            Status::DryRun => "dry-run",
            Status::Uploaded => "uploaded",
            Status::Failed => "failed",
        }
    }
}

/// The longest description the console shows (MP602).
pub const MAX_DESC: usize = 100;

/// The release arguments as the rules see them: the description falls back to the git HEAD
/// subject, the appid to project.config.json, the key to `$MPCHECK_UPLOAD_KEY`.
pub fn release_args(req: &Request, project: &Project, git: &Git) -> ReleaseArgs {
    let desc = match &req.desc {
        Some(d) if d.is_empty() => None,
        Some(d) => Some((d.clone(), Given::Option)),
        // A long subject is cut, not an error: the user did not write it as a description.
        None => git.subject.as_ref().map(|s| {
            let cut = if s.chars().count() > MAX_DESC {
                let mut t: String = s.chars().take(MAX_DESC - 1).collect();
                t.push('…');
                t
            } else {
                s.clone()
            };
            (cut, Given::GitHead)
        }),
    };
    let appid = match &req.appid {
        Some(a) => Some((a.clone(), Given::Option)),
        None => project
            .project_config()
            .and_then(|c| c.get("appid"))
            .and_then(|v| v.as_str())
            .map(|a| (a.to_string(), Given::ProjectConfig)),
    };
    let key = match &req.key {
        Some(k) => Some((k.clone(), Given::Option)),
        None => std::env::var_os("MPCHECK_UPLOAD_KEY")
            .filter(|v| !v.is_empty())
            .map(|k| (PathBuf::from(k), Given::Env)),
    };
    ReleaseArgs {
        version: req.version.clone(),
        desc,
        appid,
        key,
        robot: req.robot.clone(),
    }
}

/// The git commit the project is at, when it is in a git repository.
#[derive(Debug, Clone, Default)]
pub struct Git {
    pub commit: Option<String>,
    pub subject: Option<String>,
    /// Uncommitted changes to tracked files; `None` when not known (no commit, or not asked
    /// because the repository configures a filter driver `git status` would run).
    pub dirty: Option<bool>,
}

impl Git {
    /// Asks `git` (when installed) about the folder; never prompts, never fails, never writes
    /// (`--no-optional-locks`: `git status` would otherwise refresh `.git/index`) and never runs
    /// a command the project's own git config names: `core.fsmonitor` is switched off, and the
    /// dirty check (the one that could run a `filter.*.clean` driver) is skipped when the
    /// repository configures a filter driver.
    pub fn of(dir: &Path) -> Git {
        let run = |args: &[&str]| -> Option<String> {
            let out = std::process::Command::new("git")
                .arg("--no-optional-locks")
                .arg("--no-pager")
                .args([
                    "-c",
                    "core.fsmonitor=false",
                    "-c",
                    "core.untrackedCache=false",
                    "-c",
                    "log.showSignature=false",
                ])
                .arg("-C")
                .arg(dir)
                .args(args)
                .env("GIT_TERMINAL_PROMPT", "0")
                .env("GIT_OPTIONAL_LOCKS", "0")
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        };
        let commit = run(&["rev-parse", "--verify", "-q", "HEAD"]).filter(|c| !c.is_empty());
        let subject = commit
            .as_ref()
            .and_then(|_| run(&["log", "-1", "--format=%s"]))
            .filter(|s| !s.is_empty());
        // `git config` only reads; any filter driver (clean/smudge/process) means `status` may run it.
        let filters = run(&[
            "config",
            "--get-regexp",
            r"^filter\..*\.(clean|smudge|process)$",
        ])
        .is_some_and(|s| !s.is_empty());
        let dirty = (commit.is_some() && !filters).then(|| {
            run(&[
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--ignore-submodules=all",
                "--",
                ".",
            ])
            .is_some_and(|s| !s.is_empty())
        });
        Git {
            commit,
            subject,
            dirty,
        }
    }
}

/// The project type miniprogram-ci is given.
pub fn project_type(project: &Project) -> &'static str {
    match project
        .project_config()
        .and_then(|c| c.get("compileType"))
        .and_then(|v| v.as_str())
    {
        Some("plugin") => "miniProgramPlugin",
        _ => "miniProgram",
    }
}

/// Whether the gate stops the release: an error, or more warnings than allowed.
pub fn gate_fails(
    diagnostics: &[crate::base::diagnostic::Diagnostic],
    max_warnings: Option<usize>,
) -> bool {
    let warnings = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    diagnostics.iter().any(|d| d.severity == Severity::Error)
        || max_warnings.is_some_and(|m| warnings > m)
}

/// The current time as `2026-11-30T08:00:00Z`.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The per-package sizes: mpcheck's (what `mpcheck size` says) and, after an upload, what the
/// server reported (`subPackageInfo`; `__APP__` the main package, `__FULL__` the whole).
#[derive(Debug, Clone, serde::Serialize)]
pub struct PackageSize {
    pub name: String,
    pub computed: u64,
    pub uploaded: Option<u64>,
}

pub fn package_sizes(
    analysis: &crate::analysis::Analysis,
    uploaded: Option<&serde_json::Value>,
) -> Vec<PackageSize> {
    let upload = analysis.upload();
    let reported = |name: &str| -> Option<u64> {
        uploaded?
            .get("subPackageInfo")?
            .as_array()?
            .iter()
            .find(|p| {
                p.get("name")
                    .and_then(|n| n.as_str())
                    .is_some_and(|n| n.trim_matches('/') == name.trim_matches('/'))
            })?
            .get("size")?
            .as_u64()
    };
    let mut out: Vec<PackageSize> = upload
        .packages
        .iter()
        .map(|p| PackageSize {
            name: p.name.clone(),
            computed: p.bytes,
            uploaded: reported(&p.name),
        })
        .collect();
    out.push(PackageSize {
        name: "__FULL__".into(),
        computed: upload.total,
        uploaded: reported("__FULL__"),
    });
    out
}
