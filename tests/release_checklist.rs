//! The console checklist of `mpcheck release` on `fixtures/release-checklist` (every section
//! fires; its whitelist is the fixture's `domains.json`) and `fixtures/release-checklist-empty`
//! (every section says none).

mod common;

use common::root;
use mpcheck::analysis::Analysis;
use mpcheck::base::i18n::Lang;
use mpcheck::cli::release::checklist::{self, Checklist};
use mpcheck::lint::config::Config;
use mpcheck::project::Project;

/// Loads a fixture the way `check` does, with `--domains` when `domains` is given.
fn load(name: &str, domains: Option<&str>) -> (Project, Checklist) {
    let dir = root().join("fixtures").join(name);
    let config = Config::default();
    let project = Project::load(&dir, &config.exclude).expect("fixture project loads");
    let file = domains.map(|d| dir.join(d));
    let whitelist = config
        .whitelist(file.as_deref(), &project.dir)
        .expect("valid domains");
    let list = checklist::compute(&Analysis::new(&project, whitelist));
    (project, list)
}

fn json(list: &Checklist) -> String {
    serde_json::to_string_pretty(&list.json()).unwrap()
}

#[test]
fn full_project_every_section() {
    let (_, list) = load("release-checklist", Some("domains.json"));
    assert!(list.has_widgets());
    assert_eq!(
        list.privacy_items(),
        [
            "昵称头像",
            "位置信息",
            "选择的位置",
            "手机号",
            "选中的照片或视频",
            "麦克风",
            "摄像头",
            "加速传感器",
            "剪切板"
        ]
    );
    insta::assert_snapshot!("full_en", list.text(Lang::En, "app/"));
    insta::assert_snapshot!("full_zh", list.text(Lang::Zh, ""));
    insta::assert_snapshot!("full_json", json(&list));
}

#[test]
fn full_project_without_whitelist() {
    let (_, list) = load("release-checklist", None);
    let text = list.text(Lang::En, "");
    assert!(
        !text.contains("[MISSING]") && !text.contains("[listed]"),
        "{text}"
    );
    assert!(text.contains("no whitelist configured"), "{text}");
    let v = list.json();
    assert_eq!(v["whitelist"], serde_json::Value::Null);
    assert_eq!(
        v["server_domains"]["request"]["origins"][0]["whitelisted"],
        serde_json::Value::Null
    );
}

#[test]
fn empty_project_every_section_silent() {
    let (_, list) = load("release-checklist-empty", None);
    assert!(!list.has_widgets());
    assert!(list.privacy_items().is_empty());
    assert_eq!(
        list.text(Lang::En, ""),
        "Admin console checklist\n\
         \n\
         Server domains (开发管理 → 开发设置 → 服务器域名): none\n\
         \n\
         Business domains for <web-view> (开发管理 → 开发设置 → 业务域名; not for personal accounts): none\n\
         \n\
         Privacy guide items to declare (设置 → 功能设置 → 用户隐私保护指引设置, or in the review form): none\n\
         \n\
         Location APIs to open (开发管理 → 接口设置) and declare in app.json requiredPrivateInfos: none\n\
         \n\
         Plugins to add (设置 → 第三方设置 → 插件管理): none\n\
         \n\
         Widget go-live: none\n"
    );
    insta::assert_snapshot!("empty_zh", list.text(Lang::Zh, ""));
    insta::assert_snapshot!("empty_json", json(&list));
}

/// Text from the project reaches the terminal escaped.
#[test]
fn project_text_is_escaped() {
    let dir = common::temp_project(&[(
        "app.json",
        b"{\"pages\": [\"pages/index/index\"], \"plugins\": {\"a\\u001b[2Jb\": {\"version\": \"1.0.0\", \"provider\": \"wx\\u202e1\"}}}",
    )]);
    let project = Project::load(dir.path(), &Config::default().exclude).expect("loads");
    let text = checklist::compute(&Analysis::new(&project, None)).text(Lang::En, "");
    assert!(
        text.contains(
            "  wx\\u{202e}1  version 1.0.0, alias \"a\\u{1b}[2Jb\", main package, app.json:1\n"
        ),
        "{text}"
    );
}
