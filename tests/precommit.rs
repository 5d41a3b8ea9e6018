//! The hooks of `.pre-commit-hooks.yaml` run by the real pre-commit (4.7.0 from PyPI, installed
//! by `scripts/setup-hooks.sh pre-commit` into mpcheck's cache folder; `scripts/test.sh` runs
//! these with `--ignored`), installed in a throw-away git repository with `pre-commit install`
//! and triggered by `git commit`.
//!
//! Most tests use the `mpcheck-system` hook with the mpcheck this build made first on PATH, the
//! hook manifest taken from the working tree. One test uses the `mpcheck` hook
//! (`language: rust`) as users get it: pre-commit clones this repository at HEAD (committed
//! sources) and builds it with `cargo install`; PRE_COMMIT_HOME and CARGO_TARGET_DIR are kept in
//! the cache folder, so it builds once per commit of this repository, and reuses the compiled
//! dependencies.

mod common;
#[path = "support/gitrepo.rs"]
mod gitrepo;

use gitrepo::{Repo, clean_wxml_change, defect_page_json, missing_page, text};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn cache() -> PathBuf {
    if let Some(d) = std::env::var_os("MPCHECK_CACHE_DIR") {
        return d.into();
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cache"));
    base.join("mpcheck")
}

fn pre_commit() -> PathBuf {
    let p = cache().join("pre-commit-4.7.0/bin/pre-commit");
    assert!(
        p.is_file(),
        "{} missing: run scripts/setup-hooks.sh pre-commit",
        p.display()
    );
    p
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A git repository holding only the working tree's `.pre-commit-hooks.yaml`, committed: a hook
/// repository for the `language: system` hook (which needs nothing else). Returns its commit.
fn manifest_repo(repo: &Repo, into: &Path) -> String {
    std::fs::create_dir_all(into).unwrap();
    std::fs::copy(
        root().join(".pre-commit-hooks.yaml"),
        into.join(".pre-commit-hooks.yaml"),
    )
    .unwrap();
    let git = |args: &[&str]| {
        let o = repo
            .cmd("git")
            .args(args)
            .current_dir(into)
            .output()
            .unwrap();
        assert!(o.status.success(), "git {args:?}: {}", text(&o));
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&[
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "hooks",
    ]);
    git(&["rev-parse", "HEAD"])
}

/// A repository with a mini program in each of APPS and pre-commit installed with CONFIG.
fn setup(apps: &[&str], config: impl FnOnce(&Repo) -> String) -> Repo {
    let mut repo = Repo::new();
    repo.env.push((
        "PRE_COMMIT_HOME".into(),
        repo.path().join(".pre-commit-home").into(),
    ));
    repo.write(
        ".gitignore",
        ".git-global-config\nnode_modules/\n.pre-commit-home/\nhooks-repo/\n",
    );
    for app in apps {
        repo.add_app(app);
    }
    let cfg = config(&repo);
    repo.write(".pre-commit-config.yaml", &cfg);
    repo.ok(&["add", ".gitignore", ".pre-commit-config.yaml"]);
    repo.ok(&["commit", "-q", "--no-verify", "-m", "pre-commit config"]);
    let o = repo
        .cmd(pre_commit())
        .arg("install")
        .output()
        .expect("pre-commit runs");
    assert!(o.status.success(), "pre-commit install: {}", text(&o));
    repo
}

/// The `mpcheck-system` hook from a copy of this repository's manifest.
fn system_hook(repo: &Repo) -> String {
    let hooks = repo.path().join("hooks-repo");
    let rev = manifest_repo(repo, &hooks);
    format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: mpcheck-system\n",
        hooks.display()
    )
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn a_staged_defect_blocks_the_commit() {
    let repo = setup(&["app"], system_hook);
    let file = defect_page_json(&repo, "app");
    let (o, made) = repo.commit(&[&file], "pull down");
    let out = text(&o);
    assert!(!made, "the commit was made:\n{out}");
    assert!(out.contains("mpcheck") && out.contains("Failed"), "{out}");
    assert!(out.contains("MP103(invalid-field-type)"), "{out}");
    assert!(out.contains("app/pages/index/index.json:3:28"), "{out}");

    // app.json declaring a page that has no files: reported on app.json.
    repo.ok(&["reset", "-q"]);
    repo.ok(&["checkout", "--", "app"]);
    let file = missing_page(&repo, "app");
    let (o, made) = repo.commit(&[&file], "new page");
    let out = text(&o);
    assert!(!made, "the commit was made:\n{out}");
    assert!(out.contains("MP200(missing-page-file)"), "{out}");
    assert!(out.contains("app/app.json:"), "{out}");
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn a_clean_change_passes_and_old_findings_elsewhere_do_not_block_it() {
    let repo = setup(&["app"], system_hook);
    let file = clean_wxml_change(&repo, "app");
    let (o, made) = repo.commit(&[&file], "footer");
    assert!(made, "{}", text(&o));
    assert!(text(&o).contains("mpcheck") && text(&o).contains("Passed"));

    // A defect already committed (with --no-verify) in another file of the project does not
    // block a clean change elsewhere: only the staged files' findings are reported.
    let defect = defect_page_json(&repo, "app");
    repo.ok(&["add", &defect]);
    repo.ok(&["commit", "-q", "--no-verify", "-m", "defect"]);
    let rel = "app/pages/detail/detail.wxml";
    let wxml = repo.read(rel) + "<view>more</view>\n";
    repo.write(rel, &wxml);
    let (o, made) = repo.commit(&[rel], "more");
    assert!(made, "{}", text(&o));

    // An unstaged defect is not what is committed: pre-commit stashes it during the check.
    let file = clean_wxml_change(&repo, "app");
    repo.ok(&["add", &file]);
    repo.write(&file, &(repo.read(&file) + "<view>\n"));
    let o = repo.git(&["commit", "-m", "staged part"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        repo.read(&file).ends_with("<view>\n"),
        "the unstaged change is back"
    );
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn a_change_outside_the_mini_program_passes() {
    let repo = setup(&["app"], system_hook);
    repo.write("README.md", "# shop\n\nThe shop's mini program.\n");
    // A json file outside any project goes to mpcheck, which leaves it alone.
    repo.write(
        "tools/settings.json",
        "{\"enablePullDownRefresh\": \"yes\"}\n",
    );
    let (o, made) = repo.commit(&["README.md", "tools/settings.json"], "docs");
    assert!(made, "{}", text(&o));
    assert!(text(&o).contains("Passed"), "{}", text(&o));

    repo.write("README.md", "# shop\n\nMore.\n");
    let (o, made) = repo.commit(&["README.md"], "docs");
    assert!(made, "{}", text(&o));
    assert!(
        text(&o).contains("(no files to check)Skipped"),
        "{}",
        text(&o)
    );
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn one_commit_in_two_projects_of_a_monorepo() {
    // require_serial: one mpcheck process, one summary for both projects.
    gitrepo::monorepo_commit(&setup(&["apps/shop", "apps/admin"], system_hook));
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn the_readme_local_hook() {
    // README's variant for an mpcheck installed by the user (npm, cargo): `repo: local`.
    let repo = setup(&["app"], |_| {
        "repos:\n  - repo: local\n    hooks:\n      - id: mpcheck\n        name: mpcheck\n        \
         entry: mpcheck check\n        language: system\n        require_serial: true\n        \
         files: '(?i)\\.(json|wxml|wxss|wxs|js|ts|less|scss|sass|css|png|jpe?g|gif|svg|webp)$'\n"
            .to_string()
    });
    let file = defect_page_json(&repo, "app");
    let (o, made) = repo.commit(&[&file], "defect");
    assert!(!made && text(&o).contains("MP103"), "{}", text(&o));
}

#[test]
#[ignore = "needs pre-commit from PyPI: scripts/test.sh installs it and runs this with --ignored"]
fn the_rust_hook_builds_mpcheck_and_blocks_a_defect() {
    let head = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(head.status.success(), "{}", text(&head));
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    let mut repo = setup(&["app"], |_| {
        format!(
            "repos:\n  - repo: {}\n    rev: {head}\n    hooks:\n      - id: mpcheck\n",
            root().display()
        )
    });
    // pre-commit keeps one built environment per repository and rev; cargo reuses compiled
    // dependencies across revs.
    repo.env.retain(|(k, _)| k != "PRE_COMMIT_HOME");
    repo.env.push((
        "PRE_COMMIT_HOME".into(),
        cache().join("pre-commit-home").into(),
    ));
    repo.env.push((
        "CARGO_TARGET_DIR".into(),
        cache().join("pre-commit-target").into(),
    ));
    // The built mpcheck must not be the one on PATH: the hook's own is used.
    repo.env
        .push(("PATH".into(), std::env::var_os("PATH").unwrap()));

    let t = Instant::now();
    let o = repo
        .cmd(pre_commit())
        .args(["install-hooks"])
        .output()
        .unwrap();
    eprintln!(
        "pre-commit install-hooks (language: rust, cargo install of {head}): {:.1?}",
        t.elapsed()
    );
    assert!(o.status.success(), "{}", text(&o));

    let file = defect_page_json(&repo, "app");
    let t = Instant::now();
    let (o, made) = repo.commit(&[&file], "defect");
    eprintln!("git commit with the rust hook: {:.1?}", t.elapsed());
    let out = text(&o);
    assert!(!made, "{out}");
    assert!(
        out.contains("MP103(invalid-field-type)") && out.contains("app/pages/index/index.json"),
        "{out}"
    );
    repo.ok(&["reset", "-q"]);
    repo.ok(&["checkout", "--", "app"]);
    let file = clean_wxml_change(&repo, "app");
    let (o, made) = repo.commit(&[&file], "clean");
    assert!(made, "{}", text(&o));
}
