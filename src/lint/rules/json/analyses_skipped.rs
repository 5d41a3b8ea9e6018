//! MP007: app.json is missing or cannot be parsed, so the analyses built on it were not run:
//! which files the app uses (MP410), the upload set and package sizes (MP400–MP409), and the
//! app.json-based network checks (MP310–MP312). When app.json is not in the miniprogram root
//! but elsewhere in the project, the root itself is wrong: every path would resolve from the
//! wrong folder, so only the project-level checks run. One info instead of a cascade of
//! findings; the error itself is MP001/MP002/MP100's.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Group, Rule};
use crate::project::PROJECT_CONFIG;

crate::declare_rule! {
    AnalysesSkipped, code: "MP007", name: "analyses-skipped", group: Json, severity: Info,
    summary: ["app.json could not be read, so the analyses built on it were skipped", "无法读取 app.json，依赖它的分析已跳过"],
}

/// Whether a rule needs a readable app.json (the engine does not run it without one).
pub fn needs_app_json(rule: &crate::lint::rule::RuleMeta) -> bool {
    rule.group == Group::Package || ["MP310", "MP311", "MP312"].contains(&rule.code)
}

/// Whether the miniprogram root is known to be wrong: no app.json in it, one elsewhere in the
/// project (or the root leaves the project folder).
pub fn root_is_wrong(p: &crate::project::Project) -> bool {
    p.app_json().is_none()
        && !p.exists(&p.app_json_path())
        && (p.discovery.root_outside || !p.discovery.app_json_elsewhere.is_empty())
}

/// Whether the engine skips `rule` on this project (MP007 says so once).
pub fn skipped(p: &crate::project::Project, rule: &crate::lint::rule::RuleMeta) -> bool {
    if p.app_json().is_some() {
        return false;
    }
    if root_is_wrong(p) {
        // Only what does not resolve paths from the miniprogram root still means something.
        return matches!(
            rule.group,
            Group::Pages | Group::Wxml | Group::Components | Group::Package | Group::Widget
        ) || needs_app_json(rule);
    }
    needs_app_json(rule)
}

/// The finding at project.config.json when `app` (app.json's path) is not in the miniprogram
/// root.
fn root_wrong(ctx: &Ctx, app: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        None,
        ctx.t(
            format!("{app} was not found, so the miniprogram root is wrong: pages, components, templates, the search Widget and sizes were not checked"),
            format!("未找到 {app}，小程序目录设置有误：未检查页面、组件、模板、搜索 Widget 与代码包大小"),
        ),
    )
    .help(ctx.t(
        "fix miniprogramRoot (MP100 says where app.json is), then run mpcheck again".into(),
        "修正 miniprogramRoot（MP100 指出了 app.json 的位置）后重新运行 mpcheck".into(),
    ))
}

/// The finding at `file` when app.json cannot be used (`why_en`, `why_zh` say why).
fn not_analysed(ctx: &Ctx, file: String, why_en: &str, why_zh: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        None,
        ctx.t(
            format!("{why_en}: unused files, the upload set and package sizes, and the location checks were not analysed"),
            format!("{why_zh}：未分析未使用的文件、上传内容与代码包大小，以及地理位置接口检查"),
        ),
    )
    .help(ctx.t(
        "fix app.json, then run mpcheck again for these checks".into(),
        "修复 app.json 后重新运行 mpcheck 以完成这些检查".into(),
    ))
}

impl Rule for AnalysesSkipped {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        if p.app_json().is_some() {
            return;
        }
        // Where the reason is: app.json when it exists (unparsable), else project.config.json
        // (MP100's place); never a file that does not exist.
        let app = p.app_json_path();
        if root_is_wrong(p) {
            out.push(root_wrong(ctx, &app));
            return;
        }
        let (file, why_en, why_zh) = if p.exists(&app) {
            (
                app.clone(),
                format!("{app} cannot be parsed"),
                format!("{app} 无法解析"),
            )
        } else if p.exists(PROJECT_CONFIG) {
            (
                PROJECT_CONFIG.to_string(),
                format!("{app} was not found"),
                format!("未找到 {app}"),
            )
        } else {
            return;
        };
        out.push(not_analysed(ctx, file, &why_en, &why_zh));
    }
}
