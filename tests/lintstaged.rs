//! README's lint-staged + husky recipe with the real tools (lint-staged 16.4.0 and husky 9.1.7
//! from npm, installed by `scripts/setup-hooks.sh lint-staged` into mpcheck's cache folder;
//! `scripts/test.sh` runs these with `--ignored`): a throw-away git repository with a
//! package.json holding the lint-staged config, `npx husky init`, `.husky/pre-commit` running
//! `npx lint-staged`, triggered by `git commit`, with the mpcheck this build made on PATH.

mod common;
#[path = "support/gitrepo.rs"]
mod gitrepo;

use gitrepo::{Repo, clean_wxml_change, defect_page_json, missing_page, text};
use std::path::PathBuf;

fn node_modules() -> PathBuf {
    let cache = if let Some(d) = std::env::var_os("MPCHECK_CACHE_DIR") {
        PathBuf::from(d)
    } else {
        std::env::var_os("XDG_CACHE_HOME")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(std::env::var_os("HOME").unwrap()).join(".cache"))
            .join("mpcheck")
    };
    let p = cache.join("lint-staged-16.4.0/node_modules");
    assert!(
        p.join(".bin/lint-staged").is_file() && p.join(".bin/husky").is_file(),
        "{} incomplete: run scripts/setup-hooks.sh lint-staged",
        p.display()
    );
    p
}

/// README's recipe: the lint-staged config in package.json.
const PACKAGE_JSON: &str = r#"{
  "name": "shop",
  "private": true,
  "lint-staged": {
    "*.{json,wxml,wxss,wxs,js,ts,less,scss,sass,css,png,jpg,jpeg,gif,svg,webp}": "mpcheck check"
  }
}
"#;

/// A repository with a mini program in each of APPS, lint-staged in package.json and husky's
/// pre-commit hook running it.
fn setup(apps: &[&str]) -> Repo {
    let repo = Repo::new();
    for app in apps {
        repo.add_app(app);
    }
    repo.write("package.json", PACKAGE_JSON);
    #[cfg(unix)]
    std::os::unix::fs::symlink(node_modules(), repo.path().join("node_modules")).unwrap();
    let o = repo
        .cmd("npx")
        .args(["--no", "husky", "init"])
        .output()
        .unwrap();
    assert!(o.status.success(), "npx husky init: {}", text(&o));
    assert!(repo.read("package.json").contains("\"prepare\": \"husky\""));
    repo.write(".husky/pre-commit", "npx --no lint-staged\n");
    repo.ok(&["add", "package.json", ".husky/pre-commit"]);
    repo.ok(&["commit", "-q", "--no-verify", "-m", "lint-staged"]);
    repo
}

#[test]
#[ignore = "needs lint-staged and husky from npm: scripts/test.sh installs them and runs this with --ignored"]
fn a_staged_defect_blocks_the_commit() {
    let repo = setup(&["app"]);
    let file = defect_page_json(&repo, "app");
    let (o, made) = repo.commit(&[&file], "pull down");
    let out = text(&o);
    assert!(!made, "the commit was made:\n{out}");
    assert!(out.contains("mpcheck check"), "{out}");
    assert!(out.contains("MP103(invalid-field-type)"), "{out}");
    assert!(out.contains("app/pages/index/index.json:3:28"), "{out}");
    // lint-staged gave the file back as it was staged.
    assert!(repo.read(&file).contains("\"yes\""));

    repo.ok(&["reset", "-q"]);
    repo.ok(&["checkout", "--", "app"]);
    let file = missing_page(&repo, "app");
    let (o, made) = repo.commit(&[&file], "new page");
    let out = text(&o);
    assert!(!made, "{out}");
    assert!(
        out.contains("MP200(missing-page-file)") && out.contains("app/app.json:"),
        "{out}"
    );
}

#[test]
#[ignore = "needs lint-staged and husky from npm: scripts/test.sh installs them and runs this with --ignored"]
fn a_clean_change_passes() {
    let repo = setup(&["app"]);
    let file = clean_wxml_change(&repo, "app");
    let (o, made) = repo.commit(&[&file], "footer");
    assert!(made, "{}", text(&o));

    // A defect committed earlier (--no-verify) in another file does not block a clean change.
    let defect = defect_page_json(&repo, "app");
    repo.ok(&["add", &defect]);
    repo.ok(&["commit", "-q", "--no-verify", "-m", "defect"]);
    let rel = "app/pages/detail/detail.wxml";
    repo.write(rel, &(repo.read(rel) + "<view>more</view>\n"));
    let (o, made) = repo.commit(&[rel], "more");
    assert!(made, "{}", text(&o));
}

#[test]
#[ignore = "needs lint-staged and husky from npm: scripts/test.sh installs them and runs this with --ignored"]
fn a_change_outside_the_mini_program_passes() {
    let repo = setup(&["app"]);
    repo.write("README.md", "# shop\n\nThe shop's mini program.\n");
    let (o, made) = repo.commit(&["README.md"], "docs");
    assert!(made, "{}", text(&o));
    // package.json matches the glob: mpcheck is run, and leaves a file in no project alone.
    let pkg = repo
        .read("package.json")
        .replace("\"shop\"", "\"shop-app\"");
    repo.write("package.json", &pkg);
    let (o, made) = repo.commit(&["package.json"], "rename");
    assert!(made, "{}", text(&o));
}

#[test]
#[ignore = "needs lint-staged and husky from npm: scripts/test.sh installs them and runs this with --ignored"]
fn one_commit_in_two_projects_of_a_monorepo() {
    // one glob, one chunk: one mpcheck process, one summary for both projects.
    gitrepo::monorepo_commit(&setup(&["apps/shop", "apps/admin"]));
}
