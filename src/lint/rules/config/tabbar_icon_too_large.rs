//! MP112: a tabBar icon file over 40 KB, which the upload rejects.

use super::{Icon, app, icon_file, tabbar_icons};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    TabbarIconTooLarge, code: "MP112", name: "tabbar-icon-too-large", group: Config, severity: Error,
    summary: ["A tabBar icon is larger than 40 KB", "tabBar 图标大小超过 40KB"],
}

/// `MaxTabbarIconSize` (KB) in miniprogram-ci.
pub const MAX_ICON_BYTES: u64 = 40 * 1024;

/// The finding at a tabBar icon whose file has `size` bytes, over the limit.
fn too_large(ctx: &Ctx, path: &str, icon: &Icon, size: u64) -> Diagnostic {
    let kb = size.div_ceil(1024);
    Diagnostic::new(
        &META,
        path,
        Some(icon.span),
        ctx.t(
            format!(
                "The size of [\"tabBar\"][\"list\"][{}][\"{}\"] exceeds 40kb ({kb} KB)",
                icon.index, icon.key
            ),
            format!(
                "[\"tabBar\"][\"list\"][{}][\"{}\"] 大小超过 40kb（{kb} KB）",
                icon.index, icon.key
            ),
        ),
    )
    .label(ctx.t(format!("{size} bytes"), format!("{size} 字节")))
    .help(ctx.t(
        "shrink the icon (81×81 px PNG is recommended) or compress it".into(),
        "请缩小或压缩图标（建议 81×81 像素 PNG）".into(),
    ))
}

impl Rule for TabbarIconTooLarge {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        for icon in tabbar_icons(app) {
            let file = icon_file(ctx, icon.value);
            let Some(size) = ctx.project.file_size(&file) else {
                continue;
            };
            if size <= MAX_ICON_BYTES {
                continue;
            }
            out.push(too_large(ctx, &path, &icon, size));
        }
    }
}
