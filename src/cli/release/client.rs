//! The official upload client, `miniprogram-ci`: finding it, installing the pinned version
//! when asked, and running an upload through its Node API ([`upload`]). mpcheck never
//! re-implements the upload; it runs the client as a child process with an argument vector
//! (no shell) and the options as JSON on standard input.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The version mpcheck is tested with (the latest, `npm view miniprogram-ci version`).
pub const CI_VERSION: &str = "2.1.42";

/// The bridge script: the client's Node API, so that the per-package sizes come back.
pub const BRIDGE: &str = include_str!("upload.js");

/// How the client was found, for messages and the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Option,
    Env,
    NodeModules,
    Cache,
}

impl Found {
    pub fn describe(self) -> &'static str {
        match self {
            Found::Option => "--ci-bin",
            Found::Env => "MPCHECK_MINIPROGRAM_CI",
            Found::NodeModules => "node_modules/.bin",
            Found::Cache => "mpcheck's cache (--install-ci)",
        }
    }
}

/// A usable client: its package folder (what `require` loads) and version.
#[derive(Debug, Clone)]
pub struct Client {
    pub package: PathBuf,
    pub bin: PathBuf,
    pub version: String,
    pub found: Found,
}

/// mpcheck's cache folder: `$MPCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/mpcheck`, else
/// `~/.cache/mpcheck` (`%LOCALAPPDATA%\mpcheck` on Windows).
pub fn cache_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(d) = env("MPCHECK_CACHE_DIR") {
        return Some(d);
    }
    if let Some(d) = env("XDG_CACHE_HOME") {
        return Some(d.join("mpcheck"));
    }
    if cfg!(windows)
        && let Some(d) = env("LOCALAPPDATA")
    {
        return Some(d.join("mpcheck"));
    }
    env("HOME").map(|h| h.join(".cache").join("mpcheck"))
}

/// Where `--install-ci` puts the pinned client.
pub fn install_dir() -> Option<PathBuf> {
    cache_dir().map(|d| d.join(format!("miniprogram-ci-{CI_VERSION}")))
}

/// The package folder behind a `miniprogram-ci` bin path (`node_modules/.bin/miniprogram-ci`
/// links to `../miniprogram-ci/bin/miniprogram-ci.js`), or the package folder itself.
fn package_of(bin: &Path) -> Option<PathBuf> {
    let real = bin.canonicalize().ok()?;
    // The given path made absolute, not resolved: a bare `--ci-bin ci` has no parent to go up
    // from otherwise.
    let given = std::path::absolute(bin).unwrap_or_else(|_| real.clone());
    let up2 = |p: &Path| p.parent().and_then(Path::parent).map(Path::to_path_buf);
    let candidates = [
        Some(real.clone()),
        up2(&real),
        // A Windows `.bin/miniprogram-ci.cmd` shim does not link: look beside `.bin`.
        up2(&given).map(|d| d.join("miniprogram-ci")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|d| d.join("package.json").is_file() && d.join("dist").is_dir())
}

fn version_of(package: &Path) -> Option<String> {
    let bytes = crate::base::fsread::read_capped(&package.join("package.json"), 1 << 20).ok()?;
    let v: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    (v.get("name")?.as_str()? == "miniprogram-ci")
        .then(|| v.get("version")?.as_str().map(str::to_string))
        .flatten()
}

/// Why no client could be used.
#[derive(Debug)]
pub enum NotFound {
    /// `--ci-bin` or `MPCHECK_MINIPROGRAM_CI` names something that is not the client.
    Bad(Found, PathBuf),
    /// Nothing anywhere.
    Missing { looked: Vec<PathBuf> },
}

/// Finds the client: `--ci-bin`, `$MPCHECK_MINIPROGRAM_CI`, `node_modules/.bin/miniprogram-ci`
/// in the project folder or a parent, then the `--install-ci` cache.
pub fn find(project: &Path, ci_bin: Option<&Path>) -> Result<Client, NotFound> {
    let make = |bin: PathBuf, found: Found| -> Option<Client> {
        let package = package_of(&bin)?;
        let version = version_of(&package)?;
        Some(Client {
            package,
            bin,
            version,
            found,
        })
    };
    if let Some(bin) = ci_bin {
        return make(bin.to_path_buf(), Found::Option)
            .ok_or_else(|| NotFound::Bad(Found::Option, bin.to_path_buf()));
    }
    if let Some(bin) = std::env::var_os("MPCHECK_MINIPROGRAM_CI").filter(|v| !v.is_empty()) {
        let bin = PathBuf::from(bin);
        return make(bin.clone(), Found::Env).ok_or(NotFound::Bad(Found::Env, bin));
    }
    let mut looked = Vec::new();
    let start = project
        .canonicalize()
        .unwrap_or_else(|_| project.to_path_buf());
    for dir in start.ancestors() {
        let bin = dir.join("node_modules/.bin/miniprogram-ci");
        if let Some(c) = make(bin.clone(), Found::NodeModules) {
            return Ok(c);
        }
        if dir == start {
            looked.push(bin);
        }
    }
    if let Some(dir) = install_dir() {
        let bin = dir.join("node_modules/.bin/miniprogram-ci");
        if let Some(c) = make(bin.clone(), Found::Cache) {
            return Ok(c);
        }
        looked.push(bin);
    }
    Err(NotFound::Missing { looked })
}

/// The Node.js to run the client with: `$MPCHECK_NODE`, else `node` on `PATH`.
pub fn node() -> Option<PathBuf> {
    if let Some(n) = std::env::var_os("MPCHECK_NODE").filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(n));
    }
    which("node")
}

fn which(name: &str) -> Option<PathBuf> {
    let exts: &[&str] = if cfg!(windows) {
        &[".exe", ".cmd", ""]
    } else {
        &[""]
    };
    std::env::split_paths(&std::env::var_os("PATH")?).find_map(|dir| {
        exts.iter()
            .map(|e| dir.join(format!("{name}{e}")))
            .find(|p| p.is_file())
    })
}

/// Installs the pinned client with npm into [`install_dir`] (`npm install --prefix DIR
/// miniprogram-ci@2.1.42`), printing npm's progress on stderr. About 275 MB and 90 s.
pub fn install() -> Result<Client, String> {
    let dir = install_dir().ok_or("no cache folder: set MPCHECK_CACHE_DIR or HOME")?;
    let npm = which("npm").ok_or("npm is not on PATH: install Node.js (it comes with npm)")?;
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let manifest = dir.join("package.json");
    if !manifest.exists() {
        std::fs::write(
            &manifest,
            "{\"private\":true,\"description\":\"miniprogram-ci for mpcheck release\"}\n",
        )
        .map_err(|e| format!("cannot write {}: {e}", manifest.display()))?;
    }
    eprintln!(
        "mpcheck: installing miniprogram-ci@{CI_VERSION} into {} (about 275 MB, a minute or two)",
        dir.display()
    );
    let status = Command::new(npm)
        .arg("install")
        .arg("--prefix")
        .arg(&dir)
        .args(["--no-audit", "--no-fund", "--loglevel=error"])
        .arg(format!("miniprogram-ci@{CI_VERSION}"))
        .stdin(Stdio::null())
        .stdout(Stdio::from(std::io::stderr()))
        .status()
        .map_err(|e| format!("cannot run npm: {e}"))?;
    if !status.success() {
        return Err(format!("npm install failed ({status})"));
    }
    let bin = dir.join("node_modules/.bin/miniprogram-ci");
    let package = package_of(&bin).ok_or("npm finished but the client is not there")?;
    let version = version_of(&package).unwrap_or_default();
    Ok(Client {
        package,
        bin,
        version,
        found: Found::Cache,
    })
}

/// What the bridge is given (serialised to its standard input).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Invocation {
    pub ci: String,
    pub appid: String,
    #[serde(rename = "projectPath")]
    pub project_path: String,
    #[serde(rename = "keyPath")]
    pub key_path: String,
    pub version: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    pub robot: String,
    #[serde(rename = "type")]
    pub project_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy: Option<String>,
    /// Compile with project.config.json's `setting` (ES6 transform, minification), as DevTools
    /// uploads; `false`: none of it, as `miniprogram-ci upload` without `--use-project-config`.
    #[serde(rename = "useProjectConfig")]
    pub use_project_config: bool,
    /// Every progress event and every line the client prints.
    pub verbose: bool,
    /// The file the bridge writes its outcome to.
    pub result: String,
}

/// The client's answer.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// `ci.upload`'s result object (`subPackageInfo`, `pluginInfo`, ...).
    Uploaded(serde_json::Value),
    /// A `CodeError`'s code and message (or 1 and what went wrong around it).
    Failed { code: i64, message: String },
}

/// Longest line relayed from the client; longer ones are cut (with a note).
const MAX_LINE: usize = 2000;

/// Runs the bridge: the client's output relayed to stderr line by line (key material
/// removed), stopped after `timeout`.
///
/// The bridge and everything the client forks (its compiler processes) run in a process group
/// of their own (Unix), and the bridge holds its standard input open: when it closes (mpcheck
/// ends, is interrupted or killed, or gives up at the timeout) the bridge stops the whole group,
/// so no upload goes on and no compiler is left behind.
pub fn upload(
    node: &Path,
    inv: &Invocation,
    secrets: &Secrets,
    timeout: Duration,
) -> Result<Outcome, String> {
    let mut input = serde_json::to_string(inv).map_err(|e| e.to_string())?;
    input.push('\n');
    // The client leaves folders in its working directory: give it one of its own, removed after.
    let workdir = WorkDir::new().map_err(|e| format!("cannot make a working folder: {e}"))?;
    let mut command = Command::new(node);
    command
        .current_dir(&workdir.0)
        .arg("-e")
        .arg(BRIDGE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", node.display()))?;
    // Kept until the end: closing it tells the bridge to stop.
    let mut stdin = child.stdin.take();
    if let Some(pipe) = stdin.as_mut() {
        // The bridge reads its options up to the first newline; a write error shows as its exit.
        let _ = pipe.write_all(input.as_bytes());
        let _ = pipe.flush();
    }
    let secrets = std::sync::Arc::new(secrets.clone());
    let relays: Vec<_> = [
        child
            .stdout
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
        child
            .stderr
            .take()
            .map(|s| Box::new(s) as Box<dyn Read + Send>),
    ]
    .into_iter()
    .flatten()
    .map(|stream| {
        let secrets = std::sync::Arc::clone(&secrets);
        let verbose = inv.verbose;
        std::thread::spawn(move || relay(stream, &secrets, verbose))
    })
    .collect();
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() >= timeout => {
                // Ask the bridge to stop its group (stdin closed), then make sure.
                drop(stdin.take());
                let grace = Instant::now() + Duration::from_secs(3);
                while Instant::now() < grace && matches!(child.try_wait(), Ok(None)) {
                    std::thread::sleep(Duration::from_millis(20));
                }
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => {
                drop(stdin.take());
                let _ = child.kill();
                let _ = child.wait();
                let _ = std::fs::remove_file(&inv.result);
                return Err(format!("waiting for the client: {e}"));
            }
        }
    };
    drop(stdin);
    // The client forks compiler processes that may hold the pipes open after it exits: do not
    // wait on the relays for long.
    let deadline = Instant::now() + Duration::from_secs(5);
    for r in relays {
        while !r.is_finished() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        if r.is_finished() {
            let _ = r.join();
        }
    }
    let Some(status) = status else {
        let _ = std::fs::remove_file(&inv.result);
        return Err(format!(
            "the client did not finish within {} s and was stopped (--timeout): check the network and the proxy (the client's output above shows the last step), or give it more time with a larger --timeout",
            timeout.as_secs()
        ));
    };
    let result = std::fs::read(&inv.result).ok().filter(|b| !b.is_empty());
    let _ = std::fs::remove_file(&inv.result);
    let Some(bytes) = result else {
        return Err(format!(
            "the client ended ({status}) without a result: its output above says why"
        ));
    };
    let v: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| format!("unreadable client result: {e}"))?;
    if v.get("ok").and_then(|o| o.as_bool()) == Some(true) {
        return Ok(Outcome::Uploaded(
            v.get("result").cloned().unwrap_or(serde_json::Value::Null),
        ));
    }
    Ok(Outcome::Failed {
        code: v.get("code").and_then(|c| c.as_i64()).unwrap_or(1),
        message: secrets.redact(v.get("message").and_then(|m| m.as_str()).unwrap_or("")),
    })
}

/// A fresh private folder under the system's temporary folder, removed with everything in it
/// when dropped.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new() -> std::io::Result<WorkDir> {
        fresh_temp("mpcheck-client-", "", |path| {
            let mut builder = std::fs::DirBuilder::new();
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                builder.mode(0o700);
            }
            builder.create(path)
        })
        .map(WorkDir)
    }
}

/// A new name in the system's temporary folder (`{prefix}{pid}-{nanos}-{attempt}{suffix}`),
/// made by `create`, which must fail when the name exists (so that it is never one someone
/// else made first, nor a link).
pub fn fresh_temp(
    prefix: &str,
    suffix: &str,
    create: impl Fn(&Path) -> std::io::Result<()>,
) -> std::io::Result<PathBuf> {
    let mut last = None;
    for attempt in 0..16u32 {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = std::env::temp_dir().join(format!(
            "{prefix}{}-{nanos}-{attempt}{suffix}",
            std::process::id()
        ));
        match create(&path) {
            Ok(()) => return Ok(path),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free name")))
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Lines the client's compiler prints about itself (shown with `--verbose`).
const NOISE: &[&str] = &["[summer-compiler]", "[miniprogram-builder]", "serialize "];

/// Copies the client's output to stderr, indented, lines windowed, key lines removed.
fn relay(stream: Box<dyn Read + Send>, secrets: &Secrets, verbose: bool) {
    let mut reader = BufReader::new(stream);
    let mut line = Vec::new();
    let stderr = std::io::stderr();
    loop {
        line.clear();
        // Read a line, but keep at most MAX_LINE bytes of it.
        let mut cut = false;
        loop {
            let buf = match reader.fill_buf() {
                Ok(b) => b,
                Err(_) => return,
            };
            if buf.is_empty() {
                break;
            }
            let (chunk, done) = match buf.iter().position(|&b| b == b'\n') {
                Some(i) => (&buf[..i], Some(i + 1)),
                None => (buf, None),
            };
            let room = MAX_LINE.saturating_sub(line.len());
            cut |= chunk.len() > room;
            line.extend_from_slice(&chunk[..chunk.len().min(room)]);
            let used = done.unwrap_or(buf.len());
            reader.consume(used);
            if done.is_some() {
                break;
            }
        }
        if line.is_empty() && !cut {
            if reader.fill_buf().map(|b| b.is_empty()).unwrap_or(true) {
                return;
            }
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        if !verbose && NOISE.iter().any(|n| text.starts_with(n)) {
            continue;
        }
        let mut shown = secrets.redact(text.trim_end_matches('\r'));
        if cut {
            shown.push_str(" …");
        }
        let shown = crate::base::escape::line(&shown).into_owned();
        let _ = writeln!(stderr.lock(), "  │ {shown}");
    }
}

/// What of the key must never be shown: every run of [`Secrets::WINDOW`] characters of its
/// PEM body (the base64 lines joined), so that a line holding any part of it is found however
/// it is wrapped (64 or 76 columns, one long line, JSON-escaped, cut by a report's width) and
/// whatever the line ends (CRLF).
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    windows: std::collections::HashSet<Vec<u8>>,
    /// Exact strings replaced where they appear (a proxy URL's `:password@`).
    literals: Vec<(String, String)>,
}

impl Secrets {
    /// Length of the pieces looked for: long enough never to match by chance.
    pub const WINDOW: usize = 16;

    /// The secrets of a key file's bytes (a PEM key, or anything: every line that is not a
    /// `-----` armour line counts as body).
    pub fn of(pem: &[u8]) -> Secrets {
        let text = String::from_utf8_lossy(pem);
        let body: Vec<u8> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with("-----") && !l.contains(": "))
            .flat_map(|l| l.bytes().filter(|b| !b.is_ascii_whitespace()))
            .collect();
        let windows = body.windows(Self::WINDOW).map(<[u8]>::to_vec).collect();
        Secrets {
            windows,
            literals: Vec::new(),
        }
    }

    /// Also masks the password of a proxy URL (`http://user:pass@host:port`), which the
    /// client prints (`miniprogram-ci is using proxy: …`) and the record would keep.
    pub fn with_proxy_password(mut self, proxy: &str) -> Secrets {
        if let Ok(u) = url::Url::parse(proxy)
            && let Some(pw) = u.password()
            && !pw.is_empty()
        {
            for shown in [
                pw.to_string(),
                percent_encoding::percent_decode_str(pw)
                    .decode_utf8_lossy()
                    .into_owned(),
            ] {
                let find = format!(":{shown}@");
                if !self.literals.iter().any(|(f, _)| *f == find) {
                    self.literals.push((find, ":***@".to_string()));
                }
            }
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.windows.is_empty() && self.literals.is_empty()
    }

    /// Whether `line` holds a piece of the key.
    pub fn in_line(&self, line: &str) -> bool {
        !self.windows.is_empty()
            && line
                .as_bytes()
                .windows(Self::WINDOW)
                .any(|w| self.windows.contains(w))
    }

    /// `text` with every line that holds part of the key replaced (and proxy passwords masked).
    pub fn redact(&self, text: &str) -> String {
        let mut masked = std::borrow::Cow::Borrowed(text);
        for (find, with) in &self.literals {
            if masked.contains(find.as_str()) {
                masked = std::borrow::Cow::Owned(masked.replace(find.as_str(), with));
            }
        }
        let text = masked.as_ref();
        if self.windows.is_empty() || !self.in_line(text) {
            return text.to_string();
        }
        text.split('\n')
            .map(|l| {
                if self.in_line(l) {
                    "[line with key material removed by mpcheck]"
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// What a failure means and what to do, by the client's error code.
pub fn explain_failure(code: i64, message: &str) -> (String, String) {
    let server_code = server_err_code(message);
    // The client fetches a fresh random string inside the upload's error handling: a network
    // failure there ends as 20003 with the network error as its message.
    let network = NETWORK_ERRORS.iter().any(|e| message.contains(e));
    let code = if code == 20003 && server_code.is_none() && network {
        20001
    } else {
        code
    };
    match code {
        20001 if message.contains("errCode") => (
            format!("the upload server refused the first request: {message}"),
            "check the appid (it must be the account the key belongs to) and try again".into(),
        ),
        20001 => (
            format!("cannot reach servicewechat.com: {message}"),
            "check the network; behind a proxy pass --proxy http://HOST:PORT or set HTTPS_PROXY (and keep servicewechat.com out of NO_PROXY); a TLS-inspecting proxy needs its CA in NODE_EXTRA_CA_CERTS".into(),
        ),
        20002 => (
            format!("the client could not sign with the key: {message}"),
            "the key file's content is not a usable private key: download the code-upload key again (开发管理 → 开发设置 → 小程序代码上传 → 重置, then 下载)".into(),
        ),
        20003 => match server_code {
            Some(-10008) => (
                format!("the server refused the upload (errCode -10008, invalid ip): {message}"),
                format!(
                    "add this machine's IP{} to the upload IP whitelist, or turn the whitelist off: 开发管理 → 开发设置 → 小程序代码上传 → IP白名单",
                    invalid_ip(message).map(|ip| format!(" ({ip})")).unwrap_or_default()
                ),
            ),
            Some(c) if message.contains("ticket") || c == -80011 => (
                format!("the server refused the key (errCode {c}): {message}"),
                "the key does not belong to this appid, or it was reset: download the current code-upload key (开发管理 → 开发设置 → 小程序代码上传) and check --appid".into(),
            ),
            Some(c) => (
                format!("the server refused the upload (errCode {c}): {message}"),
                "read the server's message; if it names the version or description, change them and run again".into(),
            ),
            None => (
                format!("the upload server answered with something that is not its JSON reply (an error page?): {message}"),
                "servicewechat.com or a proxy in between failed: try again later, or check the proxy".into(),
            ),
        },
        10000 => (
            format!("the client rejected its arguments: {message}"),
            "check --key (the path must be readable), --version and --appid".into(),
        ),
        20000 => (
            format!("the client found no app.json: {message}"),
            "check miniprogramRoot in project.config.json".into(),
        ),
        30000 => (
            format!("the client rejected the project type: {message}"),
            "check compileType in project.config.json".into(),
        ),
        c if (10001..20000).contains(&c) => (
            format!("the official compiler rejected the project (code {c}): {message}"),
            "fix what it names, then run mpcheck check again (and tell mpcheck's maintainers: check should have found it)".into(),
        ),
        c => (
            format!("the upload failed (code {c}): {message}"),
            "the client's output above has the details".into(),
        ),
    }
}

/// Messages of a request that never got an answer.
const NETWORK_ERRORS: &[&str] = &[
    "tunneling socket",
    "ECONNREFUSED",
    "ECONNRESET",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ETIMEDOUT",
    "ESOCKETTIMEDOUT",
    "socket hang up",
    "certificate",
];

/// The `errCode` inside the server's JSON body quoted in a 20003 message.
fn server_err_code(message: &str) -> Option<i64> {
    let at = message.find("errCode")?;
    let rest = &message[at + 7..];
    let rest = rest.trim_start_matches(['"', ':', ' ', '=']);
    let end = rest
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && c == '-')))
        .map_or(rest.len(), |(i, _)| i);
    rest[..end].parse().ok()
}

/// The IP address in an `invalid ip: 1.2.3.4, …` message.
fn invalid_ip(message: &str) -> Option<&str> {
    let at = message.find("invalid ip")?;
    let rest = message[at + 10..].trim_start_matches([':', ' ']);
    let end = rest
        .find(|c: char| !(c.is_ascii_hexdigit() || c == '.' || c == ':'))
        .unwrap_or(rest.len());
    let ip = rest[..end].trim_end_matches(':');
    (!ip.is_empty()).then_some(ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_codes_and_ips() {
        let m = r#"Error: {"errCode": -10008, "errMsg": "invalid ip: 203.0.113.7, reference: https://x"}"#;
        assert_eq!(server_err_code(m), Some(-10008));
        assert_eq!(invalid_ip(m), Some("203.0.113.7"));
        assert_eq!(server_err_code("SyntaxError: Unexpected token '<'"), None);
        assert_eq!(server_err_code("errCode: -1; errMsg: x"), Some(-1));
        let (what, help) = explain_failure(20003, m);
        assert!(what.contains("invalid ip"), "{what}");
        assert!(help.contains("(203.0.113.7)"), "{help}");
        let (what, _) = explain_failure(
            20003,
            "Error: Error: tunneling socket could not be established, cause=connect ECONNREFUSED 127.0.0.1:9",
        );
        assert!(what.starts_with("cannot reach servicewechat.com"), "{what}");
        let (what, _) = explain_failure(20003, "SyntaxError: Unexpected token '<'");
        assert!(what.contains("not its JSON reply"), "{what}");
    }

    #[test]
    fn redacts_key_material_however_it_is_wrapped() {
        let pem = crate::base::test_support::case_file("MP604", "pass-pkcs1", "key.pem");
        let secrets = Secrets::of(pem.as_bytes());
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        // The file's own lines, the same body re-wrapped at 76 and 30 columns, CRLF, one
        // JSON-escaped string: every line with a piece is removed, the others are kept.
        let line2 = pem.lines().nth(2).unwrap();
        let shown = format!("ok\nleak {line2} here\nend");
        assert_eq!(
            secrets.redact(&shown),
            "ok\n[line with key material removed by mpcheck]\nend"
        );
        for width in [76, 30, 17] {
            let wrapped: Vec<&str> = body
                .as_bytes()
                .chunks(width)
                .map(|c| std::str::from_utf8(c).unwrap())
                .collect();
            let text = wrapped.join("\r\n");
            let out = secrets.redact(&text);
            assert!(!out.contains(&body[40..60]), "{width}: {out}");
            let full = wrapped
                .iter()
                .filter(|l| l.len() >= Secrets::WINDOW)
                .count();
            assert!(
                out.matches("[line with key material removed by mpcheck]")
                    .count()
                    >= full,
                "{width}"
            );
        }
        let json = serde_json::to_string(&pem).unwrap();
        assert!(!secrets.redact(&json).contains(&body[100..120]));
        assert_eq!(secrets.redact("nothing"), "nothing");
        assert!(Secrets::of(b"").is_empty());
    }

    #[test]
    fn masks_proxy_passwords() {
        let s = Secrets::default().with_proxy_password("http://u:p%40ss@127.0.0.1:8080");
        assert_eq!(
            s.redact("using proxy: http://u:p%40ss@127.0.0.1:8080 and http://u:p@ss@x"),
            "using proxy: http://u:***@127.0.0.1:8080 and http://u:***@x"
        );
        assert!(
            Secrets::default()
                .with_proxy_password("http://127.0.0.1:1")
                .is_empty()
        );
        assert!(
            Secrets::default()
                .with_proxy_password("not a url")
                .is_empty()
        );
    }
}
