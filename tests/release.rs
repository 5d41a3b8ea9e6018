//! `mpcheck release` end to end. The tests marked "needs Node.js" run the real official client
//! (miniprogram-ci 2.1.42) against `tests/support/mock_wechat.js`, a local mock of
//! servicewechat.com (an HTTP proxy on 127.0.0.1 that serves HTTPS inside the CONNECT tunnel
//! with a test CA). `scripts/test.sh` installs Node.js, openssl and the client
//! (`scripts/setup-release.sh`) and runs them with `--ignored`.

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// mpcheck with a clean environment: no key, client or proxy from the caller's shell.
fn mpcheck(args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_mpcheck"));
    c.args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("LANG", "C")
        .env_remove("MPCHECK_LANG")
        .env_remove("MPCHECK_UPLOAD_KEY")
        .env_remove("NODE_EXTRA_CA_CERTS");
    for v in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "NO_PROXY",
        "no_proxy",
    ] {
        c.env_remove(v);
    }
    c
}

fn run(c: &mut Command) -> Output {
    c.output().expect("mpcheck runs")
}

fn text(o: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The test keys and certificates (tests/support/make_certs.sh), made once per test process.
fn certs() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("bash")
            .arg(root().join("tests/support/make_certs.sh"))
            .arg(dir.path())
            .status()
            .expect("bash runs make_certs.sh");
        assert!(ok.success(), "make_certs.sh failed (is openssl installed?)");
        dir
    })
    .path()
}

/// A copy of `fixtures/release-app` in a git repository with one commit.
fn release_app() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/release-app"), dir.path());
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(|s| s.success());
        ok.unwrap_or(false)
    };
    assert!(git(&["init", "-q"]) && git(&["add", "."]));
    assert!(git(&[
        "commit",
        "-q",
        "-m",
        "Show the nearest stores first"
    ]));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// The mock server, stopped when dropped (it also stops by itself when its stdin closes).
struct Mock {
    child: Child,
    port: u16,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Mock {
    fn start(mode: &str) -> Mock {
        let dir = tempfile::tempdir().unwrap();
        let port_file = dir.path().join("port");
        let log = dir.path().join("requests.jsonl");
        let c = certs();
        let child = Command::new("node")
            .arg(root().join("tests/support/mock_wechat.js"))
            .arg("--cert")
            .arg(c.join("server.pem"))
            .arg("--key")
            .arg(c.join("server.key"))
            .arg("--pubkey")
            .arg(c.join("pub.pem"))
            .arg("--log")
            .arg(&log)
            .arg("--port-file")
            .arg(&port_file)
            .args(["--mode", mode, "--lifetime", "120", "--exit-on-stdin-close"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .expect("node runs the mock");
        let started = Instant::now();
        let port = loop {
            if let Ok(s) = std::fs::read_to_string(&port_file)
                && let Ok(p) = s.trim().parse()
            {
                break p;
            }
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "the mock did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        Mock {
            child,
            port,
            log,
            _dir: dir,
        }
    }

    fn proxy(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn requests(&self) -> Vec<serde_json::Value> {
        std::fs::read_to_string(&self.log)
            .unwrap_or_default()
            .lines()
            .map(|l| serde_json::from_str(l).expect("the mock logs JSON lines"))
            .collect()
    }
}

impl Drop for Mock {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `mpcheck release` on `project` through the mock, as JSON; the client's CA trusted.
fn release_through(mock: &Mock, project: &Path, key: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "release",
        project.to_str().unwrap(),
        "--version",
        "1.0.0",
        "--robot",
        "3",
        "-f",
        "json",
    ];
    args.extend_from_slice(extra);
    let key = certs().join(key);
    let proxy = mock.proxy();
    // Run from an empty folder with a temporary folder of its own: both stay empty (the client
    // leaves folders in its working directory; mpcheck gives it one of its own and removes it).
    let cwd = tempfile::tempdir().unwrap();
    let temp = tempfile::tempdir().unwrap();
    let o = run(mpcheck(&args)
        .arg("--key")
        .arg(&key)
        .arg("--proxy")
        .arg(&proxy)
        .current_dir(cwd.path())
        .env("TMPDIR", temp.path())
        .env("NODE_EXTRA_CA_CERTS", certs().join("ca.pem")));
    for dir in [cwd.path(), temp.path()] {
        let left: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .collect();
        assert!(left.is_empty(), "left behind: {left:?}");
    }
    o
}

fn record(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        let (out, err) = text(o);
        panic!("stdout is one JSON record ({e}):\n{out}\n--- stderr ---\n{err}")
    })
}

/// No line of the key's body appears in any output.
fn assert_no_key_material(o: &Output, key: &str) {
    let pem = std::fs::read_to_string(certs().join(key)).unwrap();
    let (out, err) = text(o);
    for line in pem
        .lines()
        .filter(|l| !l.starts_with("-----") && l.len() >= 16)
    {
        assert!(!out.contains(line), "key material on stdout");
        assert!(!err.contains(line), "key material on stderr");
    }
    assert!(!out.contains("PRIVATE KEY-----\n"), "a PEM block on stdout");
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn uploads_through_the_mock_with_the_real_client() {
    let app = release_app();
    let mock = Mock::start("ok");
    let o = release_through(&mock, app.path(), "key.pem", &[]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    let r = record(&o);
    assert_eq!(r["status"], "uploaded");
    assert_eq!(r["version"], "1.0.0");
    assert_eq!(r["desc"], "Show the nearest stores first");
    assert_eq!(r["desc_source"], "git");
    assert_eq!(r["appid"], "wx4e34fa77ae7024ed");
    assert_eq!(r["robot"], "3");
    assert!(r["git"]["commit"].as_str().is_some_and(|c| c.len() == 40));
    // The server's per-package sizes, beside mpcheck's.
    let packages = r["packages"].as_array().unwrap();
    let names: Vec<&str> = packages
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["__APP__", "shop/", "__FULL__"]);
    assert!(
        packages.iter().all(|p| p["uploaded"].as_u64().is_some()),
        "{packages:?}"
    );
    // What the server received.
    let requests = mock.requests();
    let upload = requests
        .iter()
        .find(|q| q["path"] == "/wxa/ci/upload")
        .expect("the mock saw the upload");
    assert_eq!(upload["query"]["version"], "1.0.0");
    assert_eq!(upload["query"]["desc"], "Show the nearest stores first");
    assert_eq!(upload["query"]["robot"], "3");
    assert_eq!(upload["query"]["appid"], "wx4e34fa77ae7024ed");
    assert_eq!(upload["signature"]["verified"], true);
    // The uploaded files are mpcheck's upload set (plus the client's own: its signature, the
    // source maps of compiled JS).
    let mut sent: Vec<String> = upload["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().trim_start_matches('/').to_string())
        .filter(|f| f != "ci.signature" && !f.ends_with(".js.map"))
        .collect();
    sent.sort();
    let project = mpcheck::project::Project::load(app.path(), &Default::default()).unwrap();
    let mut planned: Vec<String> = mpcheck::analysis::Analysis::new(&project, None)
        .upload()
        .files
        .iter()
        .map(|f| f.path.clone())
        .collect();
    planned.sort();
    assert_eq!(sent, planned);
    assert_no_key_material(&o, "key.pem");
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn human_output_has_the_checklist_progress_and_next_steps() {
    let app = release_app();
    let mock = Mock::start("ok");
    let key = certs().join("key.pem");
    let o = run(mpcheck(&[
        "release",
        app.path().to_str().unwrap(),
        "--version",
        "2.0.1",
        "--desc",
        "human run",
    ])
    .arg("--key")
    .arg(&key)
    .arg("--proxy")
    .arg(mock.proxy())
    .env("NODE_EXTRA_CA_CERTS", certs().join("ca.pem")));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    assert!(out.contains("Check passed"), "{out}");
    assert!(
        out.contains("Uploaded version 2.0.1 of wx4e34fa77ae7024ed"),
        "{out}"
    );
    assert!(out.contains("Next steps"), "{out}");
    assert!(out.contains("提交审核"), "{out}");
    assert!(
        err.contains("uploading wx4e34fa77ae7024ed version 2.0.1 as robot 1"),
        "{err}"
    );
    assert!(
        err.contains("Seal code package"),
        "progress on stderr: {err}"
    );
    assert!(!out.contains("Seal code package"), "no progress on stdout");
    assert_no_key_material(&o, "key.pem");
}

/// One failing case: the mock's mode or key, the exit code, and what the record's error says.
fn failing(mode: &str, key: &str, code: Option<i64>, message: &str, help: &str) {
    let app = release_app();
    let mock = Mock::start(mode);
    let o = release_through(&mock, app.path(), key, &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    let r = record(&o);
    assert_eq!(r["status"], "failed", "{out}");
    assert_eq!(r["error"]["code"].as_i64(), code, "{out}");
    let m = r["error"]["message"].as_str().unwrap();
    assert!(m.contains(message), "{m}");
    let h = r["error"]["help"].as_str().unwrap();
    assert!(h.contains(help), "{h}");
    assert_no_key_material(&o, key);
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn invalid_ip_says_where_the_ip_whitelist_is() {
    failing(
        "invalid-ip",
        "key.pem",
        Some(20003),
        "errCode -10008, invalid ip",
        "add this machine's IP (1.2.3.4) to the upload IP whitelist",
    );
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn an_html_500_is_a_server_failure() {
    failing(
        "http500",
        "key.pem",
        Some(20003),
        "not its JSON reply",
        "try again later",
    );
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn a_key_the_server_does_not_know_is_refused() {
    failing(
        "ok",
        "other-key.pem",
        Some(20003),
        "the server refused the key",
        "does not belong to this appid",
    );
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn a_refused_first_request_is_reported() {
    failing(
        "randstr-error",
        "key.pem",
        Some(20001),
        "refused the first request",
        "check the appid",
    );
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn no_network_is_20001_with_proxy_advice() {
    // A proxy port nothing listens on: the client cannot reach anything (and nothing leaves
    // the machine, whatever network the test host has).
    let app = release_app();
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let key = certs().join("key.pem");
    let o = run(mpcheck(&[
        "release",
        app.path().to_str().unwrap(),
        "--version",
        "1.0.0",
        "-f",
        "json",
        "--proxy",
        &format!("http://127.0.0.1:{closed}"),
    ])
    .arg("--key")
    .arg(&key));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    let r = record(&o);
    assert_eq!(r["error"]["code"], 20001);
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot reach servicewechat.com"),
        "{out}"
    );
    assert!(r["error"]["help"].as_str().unwrap().contains("HTTPS_PROXY"));
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn a_garbage_key_stops_in_the_pre_flight_before_any_request() {
    let app = release_app();
    let mock = Mock::start("ok");
    let o = release_through(&mock, app.path(), "garbage-key.pem", &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(out.contains("MP604"), "{out}");
    assert!(mock.requests().is_empty(), "the client never started");
    assert_no_key_material(&o, "garbage-key.pem");
}

/// A stand-in `miniprogram-ci` package named `name` in `dir` whose `index.js` is `index_js`.
fn client_package(dir: &Path, name: &str, index_js: &str) -> PathBuf {
    let pkg = dir.join(name);
    std::fs::create_dir_all(pkg.join("dist")).unwrap();
    std::fs::write(
        pkg.join("package.json"),
        r#"{"name":"miniprogram-ci","version":"2.1.42","main":"index.js"}"#,
    )
    .unwrap();
    std::fs::write(pkg.join("index.js"), index_js).unwrap();
    pkg
}

/// A stand-in client package: records that it was loaded, uploads nothing.
fn fake_client(dir: &Path) -> PathBuf {
    client_package(
        dir,
        "fake-ci",
        "const fs = require('fs'), path = require('path');\n\
         fs.writeFileSync(path.join(__dirname, 'started'), '1');\n\
         exports.proxy = () => {};\n\
         exports.Project = function (o) { this.o = o; };\n\
         exports.upload = async () => ({ subPackageInfo: [{ name: '__FULL__', size: 1 }] });\n",
    )
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn the_gate_never_starts_the_client() {
    let tmp = tempfile::tempdir().unwrap();
    let ci = fake_client(tmp.path());
    let key = certs().join("key.pem");
    // fixtures/example has errors: stopped with the check's own output.
    let o = run(mpcheck(&["release", "--version", "1.0.0"])
        .arg(root().join("fixtures/example"))
        .arg("--key")
        .arg(&key)
        .arg("--ci-bin")
        .arg(&ci));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(out.contains("MP200"), "the check's findings: {out}");
    assert!(err.contains("stopped before the upload"), "{err}");
    assert!(!ci.join("started").exists(), "the client was started");
    // The same client on a clean project is started (the marker works).
    let app = release_app();
    let o = run(mpcheck(&["release", "--version", "1.0.0"])
        .arg(app.path())
        .arg("--key")
        .arg(&key)
        .arg("--ci-bin")
        .arg(&ci));
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert!(ci.join("started").exists());
}

#[test]
fn a_dry_run_whose_upload_could_not_start_exits_1() {
    let app = release_app();
    let cache = tempfile::tempdir().unwrap();
    for format in ["human", "json"] {
        let o = run(
            mpcheck(&["release", "--version", "1.0.0", "--dry-run", "-f", format])
                .arg(app.path())
                .arg("--key")
                .arg(test_key())
                .env("MPCHECK_CACHE_DIR", cache.path())
                .env("PATH", "/nonexistent"),
        );
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
        assert!(out.contains("mpcheck release --install-ci"), "{out}");
        assert!(err.contains("the upload could not start"), "{err}");
    }
    // MPCHECK_NODE naming nothing is said as such (it was accepted, and the run failed only
    // when spawning it).
    let o = run(stand_in_client(
        mpcheck(&["release", "--version", "1.0.0", "--dry-run"])
            .arg(app.path())
            .arg("--key")
            .arg(test_key()),
    )
    .env("MPCHECK_NODE", "/nonexistent/node"));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(
        out.contains("MPCHECK_NODE is /nonexistent/node, which is not a file"),
        "{out}"
    );
    // With a client and Node.js, the same dry run passes.
    let o = dry_run(app.path(), &[]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
}

#[test]
fn install_ci_is_never_run_unasked_and_a_missing_client_says_how_to_get_it() {
    let app = release_app();
    let cache = tempfile::tempdir().unwrap();
    let key = test_key();
    let o = run(mpcheck(&["release", "--version", "1.0.0"])
        .arg(app.path())
        .arg("--key")
        .arg(&key)
        .env("MPCHECK_CACHE_DIR", cache.path())
        .env("PATH", "/nonexistent"));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(out.contains("mpcheck release --install-ci"), "{out}");
    assert!(out.contains("Node.js is not on PATH"), "{out}");
    assert_eq!(
        std::fs::read_dir(cache.path()).unwrap().count(),
        0,
        "nothing installed"
    );
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42: scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn a_silent_server_is_stopped_at_the_timeout() {
    // A proxy that accepts the connection and never answers.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let _holder = std::thread::spawn(move || {
        let mut held = Vec::new();
        for s in listener.incoming().take(8) {
            held.push(s);
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    let app = release_app();
    let key = certs().join("key.pem");
    let started = Instant::now();
    let o = run(mpcheck(&[
        "release",
        app.path().to_str().unwrap(),
        "--version",
        "1.0.0",
        "-f",
        "json",
        "--timeout",
        "3",
        "--proxy",
        &format!("http://127.0.0.1:{port}"),
    ])
    .arg("--key")
    .arg(&key));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "stopped at the timeout"
    );
    let r = record(&o);
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("did not finish within 3 s"),
        "{out}"
    );
}

/// A throwaway RSA key that passes the pre-flight (a rule fixture's).
fn test_key() -> PathBuf {
    common::case_file("MP604/pass-pkcs1", "key.pem")
}

/// A stand-in client and Node.js, so that a dry run does not depend on what is installed here
/// (a dry run whose upload could not start exits 1).
fn stand_in_client(c: &mut Command) -> &mut Command {
    // In cargo's scratch folder for tests, not a temp dir: a static is never dropped, and a
    // temp dir would be left in /tmp by every run.
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("stand-in-client");
        fake_client(&dir);
        dir
    });
    c.env("MPCHECK_MINIPROGRAM_CI", dir.join("fake-ci"))
        .env("MPCHECK_NODE", env!("CARGO_BIN_EXE_mpcheck"))
}

fn dry_run(project: &Path, extra: &[&str]) -> Output {
    run(stand_in_client(
        mpcheck(&["release", "--version", "1.0.0", "--dry-run"])
            .arg(project)
            .arg("--key")
            .arg(test_key())
            .args(extra),
    ))
}

#[test]
fn a_dry_run_prints_the_checklist_the_invocation_and_the_next_steps() {
    let app = release_app();
    let o = dry_run(app.path(), &[]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    for part in [
        "Check passed: 0 errors",
        "Admin console checklist",
        "https://api.example.com  3 calls",
        "https://upload.example.com  1 call",
        "位置信息 (Location)",
        "选中的照片或视频",
        "getLocation  1 call",
        "Dry run: nothing was uploaded",
        "\"version\": \"1.0.0\"",
        "\"desc\": \"Show the nearest stores first\"",
        "upload --appid wx4e34fa77ae7024ed",
        "--uv 1.0.0 --ud 'Show the nearest stores first' -r 1 --use-project-config true",
        "Next steps",
        "Submit version 1.0.0 for review",
        "declare 位置信息、选中的照片或视频",
        "审核版本 → 发布",
        "体验成员",
    ] {
        assert!(out.contains(part), "missing {part:?} in:\n{out}");
    }
    // The key's path is shown, nothing of its content.
    let key = test_key().canonicalize().unwrap();
    assert!(
        out.contains(&format!("\"keyPath\": \"{}\"", key.display())),
        "{out}"
    );
    let pem = std::fs::read_to_string(&key).unwrap();
    for line in pem.lines().filter(|l| !l.starts_with("-----")) {
        assert!(
            !out.contains(line) && !err.contains(line),
            "key material shown"
        );
    }
    assert!(!out.contains("Widget go-live:") || out.contains("Widget go-live: none"));
}

#[test]
fn the_json_record_of_a_dry_run() {
    let app = release_app();
    let o = dry_run(
        app.path(),
        &["-f", "json", "--robot", "7", "--desc", "v1 notes"],
    );
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let r = record(&o);
    assert_eq!(r["status"], "dry-run");
    assert_eq!(r["desc"], "v1 notes");
    assert_eq!(r["desc_source"], "option");
    assert_eq!(r["robot"], "7");
    assert_eq!(r["appid"], "wx4e34fa77ae7024ed");
    assert_eq!(r["check"]["errors"], 0);
    assert!(r["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(r["invocation"]["useProjectConfig"], true);
    assert_eq!(r["invocation"]["robot"], "7");
    // mpcheck's sizes are `mpcheck size`'s.
    let size = run(mpcheck(&["size", "-f", "json"]).arg(app.path()));
    let size: serde_json::Value = serde_json::from_slice(&size.stdout).unwrap();
    for (p, s) in r["packages"]
        .as_array()
        .unwrap()
        .iter()
        .zip(size["packages"].as_array().unwrap())
    {
        assert_eq!(p["name"], s["name"]);
        assert_eq!(p["computed"], s["bytes"]);
        assert!(p["uploaded"].is_null());
    }
    assert_eq!(
        r["packages"].as_array().unwrap().last().unwrap()["computed"],
        size["total"]
    );
    assert_eq!(
        r["checklist"]["server_domains"]["request"]["origins"][0]["origin"],
        "https://api.example.com"
    );
    let steps: Vec<&str> = r["next_steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["submit-review", "release", "trial"]);
    // --plain-compile: the project's settings are not used.
    let o = dry_run(app.path(), &["-f", "json", "--plain-compile"]);
    assert_eq!(record(&o)["invocation"]["useProjectConfig"], false);
}

#[test]
fn the_description_defaults_to_the_git_subject_cut_to_100_characters() {
    let app = release_app();
    let long = "x".repeat(130);
    let ok = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["commit", "-q", "--allow-empty", "-m", &long])
        .current_dir(app.path())
        .status()
        .unwrap();
    assert!(ok.success());
    let o = dry_run(app.path(), &["-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let r = record(&o);
    let desc = r["desc"].as_str().unwrap();
    assert_eq!(desc.chars().count(), 100);
    assert!(desc.ends_with('…'));
    assert_eq!(r["desc_source"], "git");
    // Given with --desc, a long description is an error (MP602), not cut.
    let o = dry_run(app.path(), &["--desc", &long]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).0.contains("MP602"));
}

#[test]
fn pre_flight_findings_stop_the_release() {
    let app = release_app();
    let o = run(mpcheck(&[
        "release",
        "--version",
        "1.0-beta",
        "--robot",
        "31",
        "--appid",
        "touristappid",
        "--dry-run",
        "-f",
        "json",
    ])
    .arg(app.path()));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(
        err.contains("stopped before the upload: 4 error(s)"),
        "{err}"
    );
    // The check's own JSON output, with the release rules' findings.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let mut codes: Vec<&str> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    codes.sort();
    assert_eq!(codes, ["MP601", "MP603", "MP604", "MP605"], "{out}");
}

#[test]
fn the_key_can_come_from_the_environment() {
    let app = release_app();
    let o = run(stand_in_client(
        mpcheck(&["release", "--version", "1.0.0", "--dry-run", "-f", "json"])
            .arg(app.path())
            .env("MPCHECK_UPLOAD_KEY", test_key()),
    ));
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    let key = test_key().canonicalize().unwrap();
    assert_eq!(
        record(&o)["invocation"]["keyPath"],
        key.display().to_string()
    );
}

#[test]
fn usage_errors_exit_2() {
    let app = release_app();
    let o = run(mpcheck(&["release"]).arg(app.path()));
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).1.contains("--version"));
    let o = run(mpcheck(&["release", "--version", "1", "--timeout", "0"]).arg(app.path()));
    assert_eq!(o.status.code(), Some(2));
    let o = run(&mut mpcheck(&[
        "release",
        "--version",
        "1",
        "/nonexistent/project",
    ]));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn output_goes_to_a_file_with_o() {
    let app = release_app();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("release.json");
    let o = dry_run(app.path(), &["-f", "json", "-o", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert!(o.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(v["status"], "dry-run");
}

/// Fails when any piece (16 characters) of the key's body is in `text`.
fn assert_no_key_piece(text: &str, pem: &str, what: &str) {
    let body: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .flat_map(|l| l.trim().chars())
        .collect();
    let body: Vec<char> = body.chars().collect();
    for w in body.windows(16) {
        let piece: String = w.iter().collect();
        assert!(
            !text.contains(&piece),
            "{what}: key material {piece:?} in:\n{text}"
        );
    }
}

#[test]
fn key_content_given_where_its_path_belongs_is_never_shown() {
    let app = release_app();
    let pem = std::fs::read_to_string(test_key()).unwrap();
    // The secret pasted straight into the variable or the option, as PEM or as base64.
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    for (how, value) in [("env", pem.clone()), ("option", pem.clone()), ("env", b64)] {
        for format in ["human", "json"] {
            let mut c = mpcheck(&["release", "--version", "1.0.0", "--dry-run", "-f", format]);
            c.arg(app.path());
            if how == "env" {
                c.env("MPCHECK_UPLOAD_KEY", &value);
            } else {
                c.arg("--key").arg(&value);
            }
            let o = run(&mut c);
            let (out, err) = text(&o);
            assert_eq!(o.status.code(), Some(1), "{how} {format}: {out}\n{err}");
            assert!(
                out.contains("MP604") && out.contains("not a file path"),
                "{out}"
            );
            assert!(out.contains("printf '%s'"), "says what to do: {out}");
            assert_no_key_piece(&out, &pem, "stdout");
            assert_no_key_piece(&err, &pem, "stderr");
        }
    }
}

#[test]
#[ignore = "needs Node.js, openssl and miniprogram-ci 2.1.42 (the dry run's exit status says whether the upload could start): scripts/test.sh installs them (scripts/setup-release.sh) and runs this with --ignored"]
fn a_key_file_inside_the_project_is_not_shown_by_the_gate() {
    let pem = std::fs::read_to_string(test_key()).unwrap();
    for name in ["upload.key.json", "key.js"] {
        let app = release_app();
        let inside = app.path().join(name);
        std::fs::write(&inside, &pem).unwrap();
        for (format, columns) in [("human", "100"), ("human", "30"), ("json", "100")] {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("out.txt");
            for to_file in [false, true] {
                let mut c = mpcheck(&["release", "--version", "1.0.0", "--dry-run", "-f", format]);
                c.arg(app.path())
                    .arg("--key")
                    .arg(&inside)
                    .env("COLUMNS", columns);
                if to_file {
                    c.arg("-o").arg(&file);
                }
                let o = run(&mut c);
                let (out, err) = text(&o);
                // key.js stops the gate (a syntax error, shown with its excerpt); the JSON file
                // is only a warning (and, unused, not uploaded, as the real client does too).
                let stops = name == "key.js";
                assert_eq!(
                    o.status.code(),
                    Some(if stops { 1 } else { 0 }),
                    "{name}: {out}\n{err}"
                );
                let shown = if to_file {
                    std::fs::read_to_string(&file).unwrap()
                } else {
                    out
                };
                if stops && format == "human" {
                    assert!(shown.contains("key material removed"), "{shown}");
                }
                assert_no_key_piece(&shown, &pem, name);
                assert_no_key_piece(&err, &pem, name);
            }
        }
    }
}

/// A shell word list the way bash reads it (without running anything in it).
fn bash_words(line: &str) -> Vec<String> {
    let o = Command::new("bash")
        .args(["-c", "eval \"set -- $1\"; printf '%s\\0' \"$@\"", "_", line])
        .output()
        .expect("bash runs");
    assert!(o.status.success(), "{line}: {:?}", text(&o));
    String::from_utf8(o.stdout)
        .unwrap()
        .split_terminator('\0')
        .map(str::to_string)
        .collect()
}

#[test]
fn the_dry_run_command_line_and_json_give_back_the_exact_values() {
    let app = release_app();
    let marker = app.path().join("PWNED");
    let desc = format!(
        "a'b \"c\" $(touch {m}) `id`\nl2 \u{1b}[31mred\u{1b}[0m \u{202e}evil\u{202c}\ttab \\x",
        m = marker.file_name().unwrap().to_str().unwrap()
    );
    let proxy = "http://127.0.0.1:9/$(id)";
    let o = dry_run(app.path(), &["--desc", &desc, "--proxy", proxy]);
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}') && !out.contains('\t'),
        "raw control or bidi chars: {out:?}"
    );
    // The CLI line, pasted into bash, gives back the same words and runs nothing.
    let line = out
        .lines()
        .find(|l| l.contains(" upload --appid "))
        .expect("the CLI line");
    let words = bash_words(line.trim());
    assert!(!marker.exists(), "the printed command ran something");
    let at = |flag: &str| words[words.iter().position(|w| w == flag).unwrap() + 1].clone();
    assert_eq!(at("--ud"), desc);
    assert_eq!(at("--proxy"), proxy);
    // The heredoc is JSON with the same values.
    let start = out.find("<<'JSON'\n").unwrap() + 9;
    let end = start + out[start..].find("\n  JSON\n").unwrap();
    let v: serde_json::Value = serde_json::from_str(&out[start..end]).expect("valid JSON");
    assert_eq!(v["desc"], desc.as_str());
    // The record too, with the bidi chars escaped.
    let o = dry_run(app.path(), &["--desc", &desc, "-f", "json"]);
    let (out, _) = text(&o);
    assert!(
        !out.contains('\u{202e}') && !out.contains('\u{1b}'),
        "{out:?}"
    );
    assert_eq!(record(&o)["desc"], desc.as_str());
}

#[test]
fn ci_bin_may_be_a_bare_relative_folder_name() {
    let app = release_app();
    let tmp = tempfile::tempdir().unwrap();
    fake_client(tmp.path());
    let o = run(
        mpcheck(&["release", "--version", "1.0.0", "--dry-run", "-f", "json"])
            .arg(app.path())
            .arg("--key")
            .arg(test_key())
            .args(["--ci-bin", "fake-ci"])
            .current_dir(tmp.path()),
    );
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
    let r = record(&o);
    assert_eq!(r["client"]["found_by"], "--ci-bin", "{out}");
    assert!(r["error"].is_null(), "{out}");
}

/// A client whose upload never ends, after forking a process that outlives it unless killed;
/// the grandchild's pid goes to `grandchild.pid`.
fn hanging_client(dir: &Path) -> PathBuf {
    client_package(
        dir,
        "hang-ci",
        "const cp = require('child_process'), fs = require('fs'), path = require('path');\n\
         exports.proxy = () => {};\n\
         exports.Project = function (o) { this.o = o; };\n\
         exports.upload = () => {\n\
           const c = cp.spawn('sleep', ['300'], { stdio: 'ignore' });\n\
           fs.writeFileSync(path.join(__dirname, 'grandchild.pid'), String(c.pid));\n\
           return new Promise(() => {});\n\
         };\n",
    )
}

/// Whether process `pid` runs (exists and is not a zombie): /proc on Linux, `ps` elsewhere.
fn alive(pid: &str) -> bool {
    if cfg!(target_os = "linux") {
        return Path::new(&format!("/proc/{pid}")).exists()
            && !std::fs::read_to_string(format!("/proc/{pid}/stat"))
                .unwrap_or_default()
                .contains(") Z ");
    }
    let o = Command::new("ps")
        .args(["-o", "stat=", "-p", pid])
        .output()
        .expect("ps runs");
    o.status.success()
        && !String::from_utf8_lossy(&o.stdout)
            .trim_start()
            .starts_with('Z')
}

fn leftovers(tmp: &Path) -> Vec<String> {
    std::fs::read_dir(tmp)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("mpcheck-upload-") || n.starts_with("mpcheck-client-"))
        .collect()
}

#[test]
#[ignore = "needs Node.js: scripts/test.sh runs this with --ignored"]
fn a_stopped_client_leaves_no_process_and_no_file() {
    let app = release_app();
    let tmp = tempfile::tempdir().unwrap();
    let ci = hanging_client(tmp.path());
    let temp = tempfile::tempdir().unwrap();
    let command = || {
        let mut c = mpcheck(&["release", "--version", "1.0.0"]);
        c.arg(app.path())
            .arg("--key")
            .arg(test_key())
            .arg("--ci-bin")
            .arg(&ci)
            .env("TMPDIR", temp.path());
        c
    };
    let wait_gone = |pid: &str| {
        let until = Instant::now() + Duration::from_secs(5);
        while alive(pid) && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        !alive(pid)
    };
    // 1. At --timeout.
    let started = Instant::now();
    let o = run(command().args(["--timeout", "2"]));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(out.contains("--timeout"), "{out}");
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "{:?}",
        started.elapsed()
    );
    let pid = std::fs::read_to_string(ci.join("grandchild.pid")).unwrap();
    assert!(wait_gone(&pid), "the client's child {pid} was left running");
    assert!(
        leftovers(temp.path()).is_empty(),
        "{:?}",
        leftovers(temp.path())
    );
    // 2. SIGINT (Ctrl-C) and SIGTERM to mpcheck alone, while the client runs.
    for signal in ["-INT", "-TERM", "-KILL"] {
        std::fs::remove_file(ci.join("grandchild.pid")).unwrap();
        let mut child = command()
            .args(["--timeout", "60"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let until = Instant::now() + Duration::from_secs(20);
        while !ci.join("grandchild.pid").exists() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        let pid = std::fs::read_to_string(ci.join("grandchild.pid")).expect("client started");
        let ok = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let _ = child.wait();
        assert!(
            wait_gone(&pid),
            "{signal}: the client's child {pid} was left running"
        );
        let until = Instant::now() + Duration::from_secs(5);
        while !leftovers(temp.path()).is_empty() && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(50));
        }
        assert!(
            leftovers(temp.path()).is_empty(),
            "{signal}: {:?}",
            leftovers(temp.path())
        );
    }
}

#[test]
fn a_proxy_password_is_masked_in_the_dry_run_and_the_record() {
    let app = release_app();
    for format in ["human", "json"] {
        let o = dry_run(
            app.path(),
            &[
                "-f",
                format,
                "--proxy",
                "http://ci:s3cret-pw@127.0.0.1:3128",
            ],
        );
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(0), "{out}\n{err}");
        assert!(
            !out.contains("s3cret-pw") && !err.contains("s3cret-pw"),
            "{out}"
        );
        assert!(out.contains("http://ci:***@127.0.0.1:3128"), "{out}");
    }
}

#[test]
#[ignore = "needs Node.js: scripts/test.sh runs this with --ignored"]
fn key_text_in_the_clients_output_and_error_is_removed_however_wrapped() {
    let app = release_app();
    let tmp = tempfile::tempdir().unwrap();
    // A client that prints the key re-wrapped at 76 columns and throws it JSON-escaped and at
    // 50 columns.
    let ci = client_package(
        tmp.path(),
        "leaky-ci",
        "const fs = require('fs');\n\
         exports.proxy = () => {};\n\
         exports.Project = function (o) { this.o = o; };\n\
         exports.upload = async ({ project }) => {\n\
           const pem = fs.readFileSync(project.o.privateKeyPath, 'utf8');\n\
           const body = pem.split(/\\r?\\n/).filter((l) => l && !l.startsWith('-----')).join('');\n\
           console.log('[error] bad key ' + body.match(/.{1,76}/g).join('\\n'));\n\
           const e = new Error('cannot sign ' + JSON.stringify(pem) + ' ' + body.match(/.{1,50}/g).join('\\n'));\n\
           e.code = 20002;\n\
           throw e;\n\
         };\n",
    );
    let pem = std::fs::read_to_string(test_key()).unwrap();
    for format in ["human", "json"] {
        let o = run(mpcheck(&["release", "--version", "1.0.0", "-f", format])
            .arg(app.path())
            .arg("--key")
            .arg(test_key())
            .arg("--ci-bin")
            .arg(&ci));
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
        assert!(err.contains("key material removed"), "{err}");
        assert_no_key_piece(&out, &pem, "stdout");
        assert_no_key_piece(&err, &pem, "stderr");
    }
}

#[test]
fn an_unwritable_o_path_stops_before_anything_starts() {
    let app = release_app();
    let tmp = tempfile::tempdir().unwrap();
    let ci = fake_client(tmp.path());
    for bad in [
        tmp.path().join("missing/release.json"),
        tmp.path().to_path_buf(),
    ] {
        let o = run(mpcheck(&["release", "--version", "1.0.0", "-f", "json"])
            .arg(app.path())
            .arg("--key")
            .arg(test_key())
            .arg("--ci-bin")
            .arg(&ci)
            .env("MPCHECK_NODE", env!("CARGO_BIN_EXE_mpcheck"))
            .arg("-o")
            .arg(&bad));
        let (out, err) = text(&o);
        assert_eq!(o.status.code(), Some(2), "{out}\n{err}");
        assert!(err.contains("cannot write -o"), "{err}");
        assert!(!ci.join("started").exists(), "the client was started");
    }
}

#[test]
fn a_key_over_the_size_cap_inside_the_project_is_not_shown_either() {
    let pem = std::fs::read_to_string(test_key()).unwrap();
    let app = release_app();
    let inside = app.path().join("key.js");
    // Over MP604's 64 KiB cap: a long comment, then the key (a syntax error, shown with its
    // excerpt).
    let content = format!("/*{}*/\n{pem}", "x".repeat(70 * 1024));
    std::fs::write(&inside, content).unwrap();
    let o = run(stand_in_client(
        mpcheck(&["release", "--version", "1.0.0", "--dry-run"])
            .arg(app.path())
            .arg("--key")
            .arg(&inside),
    ));
    let (out, err) = text(&o);
    assert_eq!(o.status.code(), Some(1), "{out}\n{err}");
    assert!(
        out.contains("MP604") && out.contains("key material removed"),
        "{out}"
    );
    assert_no_key_piece(&out, &pem, "stdout");
    assert_no_key_piece(&err, &pem, "stderr");
}

#[test]
fn git_is_asked_without_running_the_projects_hooks_or_writing_its_index() {
    let app = release_app();
    let marker = tempfile::tempdir().unwrap();
    let ran = |name: &str| marker.path().join(name);
    let git = |args: &[&str]| {
        assert!(
            Command::new("git")
                .arg("-C")
                .arg(app.path())
                .args(args)
                .status()
                .unwrap()
                .success()
        )
    };
    let fsmonitor = format!("touch '{}'; false", ran("fsmonitor").display());
    git(&["config", "core.fsmonitor", &fsmonitor]);
    // A tracked file whose stat data changed: `git status` would refresh (write) the index.
    std::thread::sleep(Duration::from_millis(1100));
    let app_js = app.path().join("app.js");
    std::fs::write(&app_js, std::fs::read(&app_js).unwrap()).unwrap();
    let index = app.path().join(".git/index");
    let before = std::fs::metadata(&index).unwrap().modified().unwrap();
    let o = dry_run(app.path(), &["-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert!(
        !ran("fsmonitor").exists(),
        "core.fsmonitor of the project ran"
    );
    assert_eq!(
        std::fs::metadata(&index).unwrap().modified().unwrap(),
        before,
        ".git/index was written"
    );
    assert_eq!(record(&o)["git"]["dirty"], false);
    // A clean filter would run in `git status`: the dirty check is skipped (unknown).
    let filter = format!("touch '{}'; cat", ran("filter").display());
    git(&["config", "filter.x.clean", &filter]);
    std::fs::write(app.path().join(".gitattributes"), "* filter=x\n").unwrap();
    let o = dry_run(app.path(), &["-f", "json"]);
    assert_eq!(o.status.code(), Some(0), "{:?}", text(&o));
    assert!(
        !ran("filter").exists(),
        "a filter driver of the project ran"
    );
    assert!(record(&o)["git"]["dirty"].is_null());
    assert!(record(&o)["git"]["commit"].is_string());
}
