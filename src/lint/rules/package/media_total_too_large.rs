//! MP405: the uploaded images and audio together are over 200 KB — the code-quality scan's
//! IMAGE_AND_AUDIO_LIMIT, which sums every such file in the project.

use crate::analysis::package::human_bytes;
use crate::analysis::package::{UploadFile, is_media};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    MediaTotalTooLarge, code: "MP405", name: "media-total-too-large", group: Package, severity: Warning,
    summary: ["Images and audio together are over 200 KB (code-quality scan)", "图片和音频资源合计超过 200 KB（代码质量扫描）"],
    needs: [Upload],
}

/// The finding at app.json for the uploaded `media` (largest first) of `total` bytes.
fn media_total(ctx: &Ctx, media: &[&UploadFile], total: u64) -> Diagnostic {
    let root = ctx.project.mp_root.len();
    let largest: Vec<String> = media
        .iter()
        .take(5)
        .map(|f| format!("{} {}", &f.path[root..], human_bytes(f.size)))
        .collect();
    Diagnostic::new(
        &META,
        ctx.project.app_json_path(),
        None,
        ctx.t(
            format!("images and audio in the upload: {} in {} file(s); the code-quality scan asks for at most 200 KB", human_bytes(total), media.len()),
            format!("代码包中的图片和音频：{} 个文件，共 {}；代码质量要求不超过 200 KB", media.len(), human_bytes(total)),
        ),
    )
    .help(ctx.t(
        format!("largest: {}; serve them from a CDN or the cloud storage", largest.join(", ")),
        format!("最大的：{}；请放到 CDN 或云存储", largest.join("，")),
    ))
}

impl Rule for MediaTotalTooLarge {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        let mut media: Vec<_> = upload.files.iter().filter(|f| is_media(&f.path)).collect();
        let total: u64 = media.iter().map(|f| f.size).sum();
        if total <= super::large_media_file::MEDIA_FILE_BYTES {
            return;
        }
        media.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.path.cmp(&b.path)));
        out.push(media_total(ctx, &media, total));
    }
}
