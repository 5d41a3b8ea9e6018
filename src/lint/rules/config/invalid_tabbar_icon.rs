//! MP111: a tabBar icon that is a network URL, or not a `.png`, `.jpg` or `.jpeg` file.

use super::{Icon, app, is_remote, tabbar_icons};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidTabbarIcon, code: "MP111", name: "invalid-tabbar-icon", group: Config, severity: Error,
    summary: ["A tabBar icon is a network URL or not a .png/.jpg/.jpeg file", "tabBar 图标是网络图片，或不是 .png/.jpg/.jpeg 文件"],
}

/// The finding at a tabBar icon that is a network URL (`remote`) or of another format.
fn unsupported_icon(ctx: &Ctx, path: &str, icon: &Icon, remote: bool) -> Diagnostic {
    let ptr = format!("[\"tabBar\"][\"list\"][{}][\"{}\"]", icon.index, icon.key);
    let (en, zh, help_en, help_zh) = if remote {
        (
            format!("{ptr}: network images are not supported for tabBar icons"),
            format!("{ptr}：tabBar 图标不支持网络图片"),
            "download the icon into the project and use its local path",
            "请将图标下载到项目中并使用本地路径",
        )
    } else {
        (
            format!("{ptr} Wrong file format, only .png, .jpg, .jpeg format is supported"),
            format!("{ptr} 文件格式错误，仅支持 .png、.jpg、.jpeg 格式"),
            "convert the icon to PNG (81×81 px is recommended)",
            "请将图标转换为 PNG（建议 81×81 像素）",
        )
    };
    Diagnostic::new(&META, path, Some(icon.span), ctx.t(en, zh))
        .label(ctx.t("unsupported icon".into(), "不支持的图标".into()))
        .help(ctx.t(help_en.into(), help_zh.into()))
}

impl Rule for InvalidTabbarIcon {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        for icon in tabbar_icons(app) {
            let remote = is_remote(icon.value);
            if !remote {
                let lower = icon.value.to_ascii_lowercase();
                if [".png", ".jpg", ".jpeg"].iter().any(|e| lower.ends_with(e)) {
                    continue;
                }
            }
            out.push(unsupported_icon(ctx, &path, &icon, remote));
        }
    }
}
