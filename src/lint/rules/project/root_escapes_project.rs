//! MP132: a root setting (`miniprogramRoot`, `pluginRoot`, `cloudfunctionRoot`, ...) that is
//! absolute or climbs out of the project with `../`. The official tool silently strips the
//! `../` and `/`, so the folder used is not the one written.

use super::configs;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::normalize_root;

crate::declare_rule! {
    RootEscapesProject, code: "MP132", name: "root-escapes-project", group: Config, severity: Warning,
    summary: ["A root setting is absolute or leaves the project folder", "目录配置为绝对路径或超出了项目目录"],
}

const ROOTS: &[&str] = &[
    "miniprogramRoot",
    "pluginRoot",
    "cloudfunctionRoot",
    "cloudfunctionTemplateRoot",
    "cloudcontainerRoot",
    "cloudbaseRoot",
    "qcloudRoot",
    "jsserverRoot",
    "srcMiniprogramRoot",
];

/// The finding at root setting `key`, whose `root` leaves the project folder.
fn escapes_project(ctx: &Ctx, file: &str, key: &str, root: &str, span: Span) -> Diagnostic {
    let used = normalize_root(root);
    let used = if used.is_empty() {
        ctx.t("the project folder".into(), "项目根目录".into())
    } else {
        format!("\"{used}\"").into()
    };
    let (used_en, used_zh) = (used.en(), used.zh());
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("[\"{key}\"] \"{root}\" leaves the project folder; the official tool strips it and uses {used_en}"),
            format!("[\"{key}\"] \"{root}\" 超出了项目目录；官方工具会将其处理为 {used_zh}"),
        ),
    )
    .label(ctx.t("outside the project".into(), "位于项目之外".into()))
    .help(ctx.t(
        "use a path relative to the project folder, without ../ and without a leading /".into(),
        "请使用相对于项目目录的路径，不要包含 ../，也不要以 / 开头".into(),
    ))
}

impl Rule for RootEscapesProject {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, cfg) in configs(ctx) {
            for key in ROOTS {
                let Some(v) = cfg.get(key) else { continue };
                let Some(root) = v.as_str() else { continue };
                let r = root.replace('\\', "/");
                let escapes = r.starts_with('/')
                    || r.starts_with("../")
                    || r.contains("/../")
                    || r == ".."
                    || r.ends_with("/..")
                    || r.contains(':');
                // A miniprogramRoot that resolves outside is MP100's error (nothing is checked).
                if !escapes
                    || (*key == "miniprogramRoot"
                        && file == crate::project::PROJECT_CONFIG
                        && ctx.project.discovery.root_outside)
                {
                    continue;
                }
                out.push(escapes_project(ctx, file, key, root, v.span));
            }
        }
    }
}
