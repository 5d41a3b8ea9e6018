//! MP100: there is no app.json where project.config.json's `miniprogramRoot` says the mini
//! program is (a real case: a root config without `miniprogramRoot` and the app in `dist/`).

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PROJECT_CONFIG;

crate::declare_rule! {
    AppJsonNotFound, code: "MP100", name: "app-json-not-found", group: Config, severity: Error,
    summary: ["app.json is not in the miniprogram root set by project.config.json", "在 project.config.json 指定的小程序目录中未找到 app.json"],
}

/// The finding when app.json is not in the miniprogram root: why, and where one was found.
fn not_found(ctx: &Ctx) -> Diagnostic {
    let p = ctx.project;
    let root = &p.mp_root;
    let setting = &p.discovery.miniprogram_root_setting;
    let span = setting.as_ref().map(|(_, s)| *s);
    let message = if p.discovery.root_outside {
        let written = setting.as_ref().map_or(root.as_str(), |(s, _)| s.as_str());
        ctx.t(
            format!("miniprogramRoot \"{written}\" resolves outside the project folder; mpcheck reads nothing outside it, so app.json cannot be found"),
            format!("miniprogramRoot \"{written}\" 指向项目目录之外；mpcheck 不读取项目目录之外的内容，因此未找到 app.json"),
        )
    } else if root.is_empty() {
        ctx.t(
            "app.json not found in the project root".into(),
            "在项目根目录未找到 app.json".into(),
        )
    } else if !p.is_dir(root) {
        ctx.t(
            format!("the miniprogramRoot folder \"{root}\" does not exist, so app.json cannot be found"),
            format!("project.config.json 中 miniprogramRoot 指定的小程序目录 {root} 不存在，未找到 app.json"),
        )
    } else {
        ctx.t(
            format!("app.json not found in the miniprogram folder \"{root}\" set by miniprogramRoot in project.config.json"),
            format!("根据 project.config.json 中 miniprogramRoot 指定的小程序目录 {root}，在该目录下未找到 app.json。"),
        )
    };
    let elsewhere = &p.discovery.app_json_elsewhere;
    let help = match elsewhere.first() {
        Some(first) if first.is_empty() => ctx.t(
            "app.json is in the project folder: remove \"miniprogramRoot\" from project.config.json or set it to \"\"".into(),
            "app.json 位于项目根目录：请删除 project.config.json 中的 \"miniprogramRoot\" 或将其设为 \"\"".into(),
        ),
        Some(first) => {
            let others = if elsewhere.len() > 1 {
                let rest: Vec<&str> = elsewhere[1..].iter().take(3).map(String::as_str).collect();
                format!(" (also found in {})", rest.join(", "))
            } else {
                String::new()
            };
            ctx.t(
                format!("app.json is in \"{first}\"{others}: set \"miniprogramRoot\": \"{first}\" in project.config.json"),
                format!("在 \"{first}\" 中找到了 app.json{others}：请在 project.config.json 中设置 \"miniprogramRoot\": \"{first}\""),
            )
        }
        None => ctx.t(
            "create app.json with a \"pages\" list, or point miniprogramRoot at the folder that holds it".into(),
            "请创建包含 \"pages\" 的 app.json，或将 miniprogramRoot 指向包含它的目录".into(),
        ),
    };
    let mut d = Diagnostic::new(&META, PROJECT_CONFIG, span, message).help(help);
    if span.is_some() {
        d = d.label(ctx.t("miniprogramRoot".into(), "miniprogramRoot".into()));
    }
    if let Some(first) = elsewhere.first() {
        d = d.related(
            format!("{first}app.json"),
            None,
            ctx.t("an app.json is here".into(), "这里有一个 app.json".into()),
        );
    }
    d
}

impl Rule for AppJsonNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        if p.exists(&p.app_json_path()) {
            return;
        }
        out.push(not_found(ctx));
    }
}
