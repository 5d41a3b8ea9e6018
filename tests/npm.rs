//! The npm packages (`npm/`, `scripts/npm-pack.sh`): packed into tarballs, installed into an
//! empty project with no registry at all (npm `--offline`, a throwaway cache, a registry address
//! nothing listens on), and run through `npx`, as a JavaScript user would. The tests marked
//! "needs Node.js" are `#[ignore]`d so that `cargo test` without Node.js reports them as ignored;
//! `scripts/test.sh` installs Node.js and npm (`scripts/setup-release.sh`) and runs them with
//! `--ignored`.
//!
//! What npm does offline with the platform packages it cannot fetch: the main package names all
//! six as optionalDependencies; npm asks for each one's manifest, gets ENOTCACHED, and drops it
//! quietly (no warning, exit 0, and the lockfile does not list it). The host's package, given as
//! a tarball too, is installed because it is a direct dependency.

mod common;

use common::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const BIN: &str = env!("CARGO_BIN_EXE_mpcheck");

/// `process.platform-process.arch`, as the launcher names the host.
fn host_key() -> String {
    let out = Command::new("node")
        .args(["-p", "process.platform + '-' + process.arch"])
        .output()
        .expect("node runs");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

struct Packed {
    _dir: tempfile::TempDir,
    main: PathBuf,
    platform: PathBuf,
}

/// The tarballs of the main package and the host's platform package, packed once per test run
/// around the binary under test (no second build).
fn packed() -> &'static Packed {
    static PACKED: OnceLock<Packed> = OnceLock::new();
    PACKED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("npm");
        let o = Command::new(root().join("scripts/npm-pack.sh"))
            .arg("--out")
            .arg(&out)
            .arg("--binary")
            .arg(format!("{}={BIN}", host_key()))
            .env("npm_config_cache", dir.path().join("cache"))
            .env("npm_config_update_notifier", "false")
            .output()
            .expect("scripts/npm-pack.sh runs");
        assert!(o.status.success(), "npm-pack: {}", text(&o.stderr));
        let paths: Vec<PathBuf> = text(&o.stdout).lines().map(PathBuf::from).collect();
        assert_eq!(paths.len(), 2, "two tarballs: {paths:?}");
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        let version = env!("CARGO_PKG_VERSION");
        assert_eq!(name(&paths[0]), format!("mpcheck-{version}.tgz"));
        assert_eq!(
            name(&paths[1]),
            format!("mpcheck-cli-{}-{version}.tgz", host_key())
        );
        Packed {
            main: paths[0].clone(),
            platform: paths[1].clone(),
            _dir: dir,
        }
    })
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A command with npm kept away from any registry and from the caller's npm settings, and
/// mpcheck's output made independent of the terminal and locale.
fn cmd(program: impl AsRef<std::ffi::OsStr>, project: &Path) -> Command {
    let mut c = Command::new(program);
    let tmp = project.parent().unwrap();
    c.current_dir(project)
        .env("npm_config_offline", "true")
        .env("npm_config_registry", "http://127.0.0.1:9/")
        .env("npm_config_cache", tmp.join("npm-cache"))
        .env("npm_config_userconfig", tmp.join("npmrc"))
        .env("npm_config_audit", "false")
        .env("npm_config_fund", "false")
        .env("npm_config_update_notifier", "false")
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env("LANG", "C")
        .env_remove("MPCHECK_LANG")
        .env_remove("MPCHECK_BINARY");
    c
}

/// An empty project with a package.json, and `npm i -D` of `tarballs` into it.
fn install(tarballs: &[&Path]) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let project = tmp.path().join("project");
    std::fs::create_dir(&project).unwrap();
    std::fs::write(
        project.join("package.json"),
        "{\"name\": \"npm-test\", \"version\": \"1.0.0\", \"private\": true}\n",
    )
    .unwrap();
    let o = cmd("npm", &project)
        .args(["install", "--save-dev", "--no-audit", "--no-fund"])
        .args(tarballs)
        .output()
        .expect("npm runs");
    assert!(
        o.status.success(),
        "npm install failed:\n{}{}",
        text(&o.stdout),
        text(&o.stderr)
    );
    (tmp, project)
}

fn npx(project: &Path, args: &[&str]) -> Output {
    cmd("npx", project)
        .arg("mpcheck")
        .args(args)
        .output()
        .expect("npx runs")
}

fn direct(project: &Path, args: &[&str]) -> Output {
    cmd(BIN, project).args(args).output().expect("mpcheck runs")
}

fn example() -> String {
    root().join("fixtures/example").display().to_string()
}

#[test]
#[ignore = "needs Node.js and npm: scripts/test.sh installs them and runs this with --ignored"]
fn npx_mpcheck_is_the_binary() {
    let p = packed();
    let (_tmp, project) = install(&[&p.main, &p.platform]);
    let installed = project
        .join("node_modules/@mpcheck")
        .join(format!("cli-{}", host_key()));
    assert!(
        installed.is_dir(),
        "the host's platform package is installed"
    );
    let others = std::fs::read_dir(project.join("node_modules/@mpcheck")).unwrap();
    assert_eq!(
        others.count(),
        1,
        "no other platform's package is installed"
    );

    let example = example();
    let cases: [&[&str]; 6] = [
        &["check", &example],
        &["check", &example, "--format", "json"],
        &["check", &example, "--format", "github"],
        &["--version"],
        &["check", "--no-such-option"],
        &["explain", "MP408"],
    ];
    let codes = [1, 1, 1, 0, 2, 0];
    for (args, code) in cases.iter().zip(codes) {
        let via_npx = npx(&project, args);
        let own = direct(&project, args);
        assert_eq!(own.status.code(), Some(code), "mpcheck {args:?}");
        assert_eq!(via_npx.status.code(), Some(code), "npx mpcheck {args:?}");
        assert!(
            via_npx.stdout == own.stdout,
            "npx mpcheck {args:?}: stdout differs\n--- npx ---\n{}\n--- binary ---\n{}",
            text(&via_npx.stdout),
            text(&own.stdout)
        );
        assert_eq!(
            text(&via_npx.stderr),
            text(&own.stderr),
            "stderr of {args:?}"
        );
    }
    // The config schema ships in the package, where the README's `$schema` points: the same
    // file as the repository's, and a config naming it is taken.
    let schema = project.join("node_modules/mpcheck/mpcheck.schema.json");
    assert_eq!(
        std::fs::read(&schema).expect("mpcheck.schema.json in the package"),
        std::fs::read(root().join("mpcheck.schema.json")).unwrap()
    );
    let config = project.join("mpcheck-config.json");
    std::fs::write(
        &config,
        r#"{"$schema": "./node_modules/mpcheck/mpcheck.schema.json", "rules": {"MP408": "off"}}"#,
    )
    .unwrap();
    let o = npx(
        &project,
        &[
            "check",
            &example,
            "-f",
            "json",
            "-c",
            config.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(
        !text(&o.stdout).contains("\"MP408\""),
        "{}",
        text(&o.stdout)
    );

    let version = npx(&project, &["--version"]);
    assert_eq!(
        text(&version.stdout),
        format!("mpcheck {}\n", env!("CARGO_PKG_VERSION"))
    );

    // Arguments reach the binary untouched: spaces, empty, quotes, non-ASCII, a leading dash.
    let node = Command::new("node")
        .args(["-p", "process.execPath"])
        .output()
        .unwrap();
    let node = text(&node.stdout).trim().to_string();
    let args = ["a b", "", "\"q\" 'r'", "例子 ✓", "--x=$HOME", "*"];
    let o = cmd("npx", &project)
        .env("MPCHECK_BINARY", &node)
        .args([
            "mpcheck",
            "-e",
            "console.log(JSON.stringify(process.argv.slice(1)))",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout).trim(),
        serde_json::to_string(&args).unwrap()
    );
}

#[test]
#[ignore = "needs Node.js and npm: scripts/test.sh installs them and runs this with --ignored"]
fn a_missing_binary_is_explained() {
    // Only the main package: npm cannot fetch any platform package offline, skips them all, and
    // the install succeeds, as it does for a user who installed with --omit=optional.
    let p = packed();
    let (_tmp, project) = install(&[&p.main]);
    assert!(!project.join("node_modules/@mpcheck").exists());
    let o = npx(&project, &["check", &example()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    let key = host_key();
    for want in [
        format!("the binary for this platform ({key}) is not installed"),
        format!("@mpcheck/cli-{key}@{}", env!("CARGO_PKG_VERSION")),
        "--no-optional".to_string(),
        "rm -rf node_modules && npm install".to_string(),
        "cargo install --locked --git https://github.com/mpcheck/mpcheck".to_string(),
        "MPCHECK_BINARY".to_string(),
    ] {
        assert!(err.contains(&want), "{want:?} not in:\n{err}");
    }

    // MPCHECK_BINARY points at the binary: it runs.
    let o = cmd("npx", &project)
        .env("MPCHECK_BINARY", BIN)
        .args(["mpcheck", "--version"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    // ... at nothing: said, exit 2.
    let o = cmd("npx", &project)
        .env("MPCHECK_BINARY", project.join("no-such-file"))
        .args(["mpcheck", "--version"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("MPCHECK_BINARY is set to"));

    // A platform with no package at all (the launcher made to see a CPU there is none for).
    let preload = project.parent().unwrap().join("other-arch.js");
    std::fs::write(
        &preload,
        "Object.defineProperty(process, 'arch', { value: 'ppc64' });\n",
    )
    .unwrap();
    let o = cmd(project.join("node_modules/.bin/mpcheck"), &project)
        .env("NODE_OPTIONS", format!("--require {}", preload.display()))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = text(&o.stderr);
    let os = key.split('-').next().unwrap();
    for want in [
        format!("there is no prebuilt binary for this platform ({os}-ppc64)"),
        "Prebuilt binaries exist for: darwin-arm64, darwin-x64, linux-arm64, linux-x64, \
         win32-arm64, win32-x64."
            .to_string(),
        "cargo install --locked --git https://github.com/mpcheck/mpcheck".to_string(),
    ] {
        assert!(err.contains(&want), "{want:?} not in:\n{err}");
    }
}

#[cfg(unix)]
#[test]
#[ignore = "needs Node.js and npm: scripts/test.sh installs them and runs this with --ignored"]
fn exit_codes_and_signals_are_forwarded() {
    use std::os::unix::process::ExitStatusExt;
    let p = packed();
    let (tmp, project) = install(&[&p.main, &p.platform]);
    let launcher = project.join("node_modules/.bin/mpcheck");
    let script = |name: &str, body: &str| {
        let path = tmp.path().join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        std::fs::set_permissions(&path, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        path
    };
    for code in [0, 1, 2, 7, 101] {
        let o = cmd(&launcher, &project)
            .env("MPCHECK_BINARY", script("exit", "exit \"$1\""))
            .arg(code.to_string())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(code));
    }
    // Killed by a signal: the launcher ends by the same signal.
    let o = cmd(&launcher, &project)
        .env("MPCHECK_BINARY", script("self-kill", "kill -TERM $$"))
        .output()
        .unwrap();
    assert_eq!(o.status.signal(), Some(15), "{o:?}");

    // A SIGTERM to the launcher alone (a CI runner stopping the job) reaches mpcheck.
    let pidfile = tmp.path().join("child.pid");
    let slow = script(
        "slow",
        &format!("echo $$ > '{}'\nexec sleep 30", pidfile.display()),
    );
    let mut child = cmd(&launcher, &project)
        .env("MPCHECK_BINARY", slow)
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while std::fs::read_to_string(&pidfile).map_or(true, |s| !s.ends_with('\n')) {
        assert!(started.elapsed().as_secs() < 20, "the binary never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let grandchild = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .to_string();
    let kill = |args: &[&str]| {
        Command::new("kill")
            .args(args)
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
    };
    assert!(kill(&["-TERM", &child.id().to_string()]).success());
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(15), "{status:?}");
    assert!(
        !kill(&["-0", &grandchild]).success(),
        "the binary outlived the launcher"
    );
}

/// The GitHub Action (action.yml) as the runner would run it: its step's `run:` line, with the
/// `INPUT_*` variables its `env:` maps from the inputs, and the packed tarballs as the `package`
/// input in place of the registry. Not tested: the runner's own parsing of action.yml (see
/// scripts/lint-ci.sh), `version` (it only builds `mpcheck@<version>` for npm), a real registry.
#[test]
#[ignore = "needs Node.js and npm: scripts/test.sh installs them and runs this with --ignored"]
fn the_github_action_runs_the_packed_package() {
    let p = packed();
    let action = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let run = action
        .lines()
        .find_map(|l| l.trim().strip_prefix("run: "))
        .expect("action.yml has a run: line");
    let tmp = tempfile::tempdir().unwrap();
    let work = tmp.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let example = example();
    let package = format!("{} {}", p.main.display(), p.platform.display());
    let inputs = [
        ("version", "0.0.0-not-used"),
        ("path", example.as_str()),
        ("args", "--lang en --max-warnings \"0\""),
        ("working-directory", work.to_str().unwrap()),
        ("package", package.as_str()),
    ];
    let mut c = cmd("bash", &work);
    c.arg("-c")
        .arg(run)
        .env("GITHUB_ACTION_PATH", root())
        .env("RUNNER_TEMP", tmp.path());
    let mut mapped = 0;
    for line in action.lines() {
        let Some((var, value)) = line.trim().split_once(": ${{ inputs.") else {
            continue;
        };
        let name = value.strip_suffix(" }}").unwrap();
        let given = inputs.iter().find(|(n, _)| *n == name);
        c.env(
            var,
            given
                .unwrap_or_else(|| panic!("input {name} not set here"))
                .1,
        );
        mapped += 1;
    }
    assert_eq!(mapped, inputs.len(), "every input reaches the script");
    let o = c.output().unwrap();
    let own = direct(
        &work,
        &[
            "check",
            "--format",
            "github",
            "--lang",
            "en",
            "--max-warnings",
            "0",
            &example,
        ],
    );
    assert_eq!(own.status.code(), Some(1));
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    let version_line = format!("mpcheck {}\n", env!("CARGO_PKG_VERSION"));
    assert!(
        out.ends_with(&format!("{version_line}{}", text(&own.stdout))),
        "the action's output ends with the version and mpcheck's own output:\n{out}"
    );
    assert!(text(&o.stderr).ends_with(&text(&own.stderr)));
    // Installed under RUNNER_TEMP, nothing in the working directory.
    assert!(
        tmp.path()
            .join("mpcheck-action/node_modules/.bin/mpcheck")
            .exists()
    );
    assert_eq!(std::fs::read_dir(&work).unwrap().count(), 0);
}

/// The source package.json agrees with Cargo.toml (no Node.js needed).
#[test]
fn package_json_matches_cargo_toml() {
    let pkg: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("npm/mpcheck/package.json")).unwrap(),
    )
    .unwrap();
    let version = env!("CARGO_PKG_VERSION");
    assert_eq!(pkg["version"], version);
    assert_eq!(pkg["license"], env!("CARGO_PKG_LICENSE"));
    assert_eq!(pkg["bin"]["mpcheck"], "bin/mpcheck");
    let url = pkg["repository"]["url"].as_str().unwrap();
    assert_eq!(url, format!("git+{}.git", env!("CARGO_PKG_REPOSITORY")));
    let deps = pkg["optionalDependencies"].as_object().unwrap();
    let mut names: Vec<&str> = deps.keys().map(String::as_str).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "@mpcheck/cli-darwin-arm64",
            "@mpcheck/cli-darwin-x64",
            "@mpcheck/cli-linux-arm64",
            "@mpcheck/cli-linux-x64",
            "@mpcheck/cli-win32-arm64",
            "@mpcheck/cli-win32-x64",
        ]
    );
    for (name, v) in deps {
        assert_eq!(v, version, "{name} at exactly the same version");
    }
}
