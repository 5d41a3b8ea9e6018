//! MP113: `tabBar.custom` is true but the `custom-tab-bar/index` component (its `.json`,
//! `.wxml` and `.js`) is missing from the miniprogram root.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    CustomTabbarMissing, code: "MP113", name: "custom-tabbar-missing", group: Config, severity: Error,
    summary: ["tabBar.custom is on but custom-tab-bar/index is missing", "开启了自定义 tabBar，但缺少 custom-tab-bar/index 组件"],
}

/// The finding at `tabBar.custom` when files of custom-tab-bar/index are `missing` (a
/// custom-tab-bar found `elsewhere` is named in the help).
fn missing_component(
    ctx: &Ctx,
    path: &str,
    span: Span,
    missing: Vec<String>,
    elsewhere: Option<&str>,
) -> Diagnostic {
    let p = ctx.project;
    let mut d = Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!(
                "[\"tabBar\"][\"custom\"] is true but {} is missing",
                missing.join(", ")
            ),
            format!(
                "[\"tabBar\"][\"custom\"] 为 true，但缺少 {}",
                missing.join("、")
            ),
        ),
    )
    .label(ctx.t("custom tabBar".into(), "自定义 tabBar".into()));
    d = d.help(match elsewhere {
        Some(found) => {
            let dir = found.trim_end_matches("/index.json");
            ctx.t(
                format!("found {dir}: the component must be at the miniprogram root, as custom-tab-bar/index"),
                format!("找到了 {dir}：该组件必须位于小程序根目录下的 custom-tab-bar/index"),
            )
        }
        None => ctx.t(
        "add the custom-tab-bar component at the miniprogram root (index.js, index.json with \"component\": true, index.wxml, index.wxss)".into(),
        "请在小程序根目录添加 custom-tab-bar 组件（index.js、含 \"component\": true 的 index.json、index.wxml、index.wxss）".into(),
        ),
    });
    for m in missing {
        d = d.related(
            p.in_root(&m),
            None,
            ctx.t("this file does not exist".into(), "该文件不存在".into()),
        );
    }
    d
}

impl Rule for CustomTabbarMissing {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let Some(custom) = app.get("tabBar").and_then(|t| t.member("custom")) else {
            return;
        };
        if custom.value.as_bool() != Some(true) {
            return;
        }
        let p = ctx.project;
        let missing: Vec<String> = ["json", "wxml", "js"]
            .iter()
            .filter(|ext| {
                let base = p.in_root("custom-tab-bar/index");
                if **ext == "js" {
                    !p.script_exists(&base)
                } else {
                    !p.exists(&format!("{base}.{ext}"))
                }
            })
            .map(|ext| format!("custom-tab-bar/index.{ext}"))
            .collect();
        if missing.is_empty() {
            return;
        }
        let elsewhere = p.files.iter().map(|f| f.path.as_str()).find(|f| {
            f.ends_with("/custom-tab-bar/index.json")
                && *f != p.in_root("custom-tab-bar/index.json")
        });
        out.push(missing_component(
            ctx,
            &path,
            custom.value.span,
            missing,
            elsewhere,
        ));
    }
}
