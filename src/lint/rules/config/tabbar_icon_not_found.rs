//! MP110: a tabBar `iconPath` / `selectedIconPath` names a local file that does not exist
//! (or is a folder).

use super::{Icon, app, icon_file, is_remote, tabbar_icons};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    TabbarIconNotFound, code: "MP110", name: "tabbar-icon-not-found", group: Config, severity: Error,
    summary: ["A tabBar icon file does not exist", "tabBar 图标文件不存在"],
}

/// The finding at a tabBar icon whose `file` does not exist (`case_variant`: the file under
/// another case; `is_dir`: a folder has that name).
fn missing_icon(
    ctx: &Ctx,
    path: &str,
    icon: &Icon,
    file: &str,
    case_variant: Option<&str>,
    is_dir: bool,
) -> Diagnostic {
    let help = match case_variant {
        Some(found) => ctx.t(
            format!("found {found}: paths are case-sensitive on the phone"),
            format!("找到了 {found}：手机上路径区分大小写"),
        ),
        None if is_dir => ctx.t(
            "this is a folder; name the image file".into(),
            "这是一个目录；请填写图片文件路径".into(),
        ),
        None => ctx.t(
            "add the image, or fix the path (relative to the miniprogram root)".into(),
            "请添加该图片，或修正路径（相对于小程序根目录）".into(),
        ),
    };
    Diagnostic::new(
        &META,
        path,
        Some(icon.span),
        ctx.t(
            format!(
                "[\"tabBar\"][\"list\"][{}][\"{}\"]: \"{}\" not found",
                icon.index, icon.key, icon.value
            ),
            format!(
                "[\"tabBar\"][\"list\"][{}][\"{}\"]: \"{}\" 未找到",
                icon.index, icon.key, icon.value
            ),
        ),
    )
    .label(ctx.t("missing icon".into(), "图标不存在".into()))
    .help(help)
    .related(
        file,
        None,
        ctx.t("this file does not exist".into(), "该文件不存在".into()),
    )
}

impl Rule for TabbarIconNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let p = ctx.project;
        for icon in tabbar_icons(app) {
            if is_remote(icon.value) {
                continue;
            }
            let file = icon_file(ctx, icon.value);
            if p.exists(&file) {
                continue;
            }
            let case_variant = p.case_variant(&file);
            let is_dir = case_variant.is_none() && p.is_dir(&file);
            out.push(missing_icon(ctx, &path, &icon, &file, case_variant, is_dir));
        }
    }
}
