//! A throw-away git repository holding mini programs, for the git-hook tests
//! (tests/precommit.rs, tests/lintstaged.rs): git runs isolated from the caller's git config
//! (no global or system config, so no hooksPath, signing or templates of theirs), with the
//! built mpcheck first on PATH and English, colourless output.

use crate::common::copy_dir;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Repo {
    pub dir: tempfile::TempDir,
    /// An empty file given to git as its global config.
    empty_config: PathBuf,
    /// Extra variables for every command run here (PRE_COMMIT_HOME, ...).
    pub env: Vec<(String, OsString)>,
}

/// PATH with the folder of the built mpcheck first.
pub fn path_with_mpcheck() -> OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_mpcheck")).parent().unwrap();
    let mut dirs = vec![bin.to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap()
}

pub fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

impl Repo {
    /// An empty repository with one commit of a README.md.
    pub fn new() -> Repo {
        let dir = tempfile::tempdir().unwrap();
        let empty_config = dir.path().join(".git-global-config");
        std::fs::write(&empty_config, "").unwrap();
        let repo = Repo {
            dir,
            empty_config,
            env: Vec::new(),
        };
        std::fs::write(
            repo.dir.path().join(".gitignore"),
            ".git-global-config\nnode_modules/\n",
        )
        .unwrap();
        repo.write("README.md", "# shop\n");
        repo.ok(&["init", "-q", "-b", "main"]);
        repo.ok(&["config", "user.name", "t"]);
        repo.ok(&["config", "user.email", "t@example.com"]);
        repo.ok(&["config", "commit.gpgsign", "false"]);
        repo.ok(&["add", "."]);
        repo.ok(&["commit", "-q", "--no-verify", "-m", "init"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A command run in the repository with the isolated environment.
    pub fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut c = Command::new(program);
        c.current_dir(self.path())
            .env("GIT_CONFIG_GLOBAL", &self.empty_config)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("PATH", path_with_mpcheck())
            .env("NO_COLOR", "1")
            .env("FORCE_COLOR", "0")
            .env("COLUMNS", "100")
            .env("LANG", "C")
            .env_remove("MPCHECK_LANG")
            .env_remove("GIT_DIR")
            .env_remove("GIT_INDEX_FILE")
            .env_remove("GIT_WORK_TREE");
        for (k, v) in &self.env {
            c.env(k, v);
        }
        c
    }

    pub fn git(&self, args: &[&str]) -> Output {
        self.cmd("git").args(args).output().expect("git runs")
    }

    /// git ARGS, which must succeed.
    pub fn ok(&self, args: &[&str]) -> String {
        let o = self.git(args);
        assert!(o.status.success(), "git {args:?} failed:\n{}", text(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let p = self.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, contents).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path().join(rel)).unwrap()
    }

    /// Copies `fixtures/release-app` (a clean project: no findings) to REL and commits it
    /// without hooks.
    pub fn add_app(&self, rel: &str) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&root.join("fixtures/release-app"), &self.path().join(rel));
        self.ok(&["add", rel]);
        self.ok(&["commit", "-q", "--no-verify", "-m", &format!("add {rel}")]);
    }

    /// Number of commits on HEAD.
    pub fn commits(&self) -> usize {
        self.ok(&["rev-list", "--count", "HEAD"])
            .trim()
            .parse()
            .unwrap()
    }

    /// Stages FILES and runs `git commit` (with the installed hooks): the output and whether
    /// a commit was made.
    pub fn commit(&self, files: &[&str], message: &str) -> (Output, bool) {
        let before = self.commits();
        let mut args = vec!["add", "--"];
        args.extend(files);
        self.ok(&args);
        let o = self.git(&["commit", "-m", message]);
        let made = self.commits() == before + 1;
        assert_eq!(
            made,
            o.status.success(),
            "git commit's exit status and the history disagree:\n{}",
            text(&o)
        );
        (o, made)
    }
}

/// A page json with a field of the wrong type (MP103).
pub fn defect_page_json(repo: &Repo, app: &str) -> String {
    let rel = format!("{app}/pages/index/index.json");
    repo.write(
        &rel,
        "{\n  \"navigationBarTitleText\": \"Stores\",\n  \"enablePullDownRefresh\": \"yes\"\n}\n",
    );
    rel
}

/// A clean change to a page template.
pub fn clean_wxml_change(repo: &Repo, app: &str) -> String {
    let rel = format!("{app}/pages/index/index.wxml");
    let mut wxml = repo.read(&rel);
    wxml.push_str("<view class=\"footer\">Open daily</view>\n");
    repo.write(&rel, &wxml);
    rel
}

/// app.json declaring a page that has no files (MP200).
pub fn missing_page(repo: &Repo, app: &str) -> String {
    let rel = format!("{app}/app.json");
    let json = repo.read(&rel).replace(
        "\"pages/detail/detail\"]",
        "\"pages/detail/detail\", \"pages/new/new\"]",
    );
    assert!(json.contains("pages/new/new"), "app.json changed shape");
    repo.write(&rel, &json);
    rel
}

/// One commit touching two projects of a monorepo (`apps/shop`, `apps/admin`), as a hook runs
/// mpcheck: a defect in each blocks it, both reported by one process with one summary; once
/// both changes are clean, the commit is made.
pub fn monorepo_commit(repo: &Repo) {
    let a = defect_page_json(repo, "apps/shop");
    let b = missing_page(repo, "apps/admin");
    let (o, made) = repo.commit(&[&a, &b], "both");
    let out = text(&o);
    assert!(!made, "{out}");
    assert!(
        out.contains("apps/shop/pages/index/index.json:3:28") && out.contains("MP103"),
        "{out}"
    );
    assert!(
        out.contains("apps/admin/app.json:") && out.contains("MP200"),
        "{out}"
    );
    assert_eq!(out.matches("Found 2 errors").count(), 1, "{out}");

    repo.ok(&["reset", "-q"]);
    repo.ok(&["checkout", "--", "apps"]);
    let a = clean_wxml_change(repo, "apps/shop");
    let b = clean_wxml_change(repo, "apps/admin");
    let (o, made) = repo.commit(&[&a, &b], "both clean");
    assert!(made, "{}", text(&o));
}
