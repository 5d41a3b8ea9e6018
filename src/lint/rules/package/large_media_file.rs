//! MP404: an uploaded image or audio file over 200 KB. Media is the usual bulk of an
//! over-limit package, and the code-quality scan asks to serve it from a CDN.

use crate::analysis::package::human_bytes;
use crate::analysis::package::is_media;
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    LargeMediaFile, code: "MP404", name: "large-media-file", group: Package, severity: Warning,
    summary: ["An uploaded image or audio file is over 200 KB", "上传的图片或音频文件超过 200 KB"],
    needs: [Upload],
}

pub const MEDIA_FILE_BYTES: u64 = 200 * 1024;

/// The finding at the media file `path` of `size` bytes in `package`, over
/// [`MEDIA_FILE_BYTES`].
fn large_media(ctx: &Ctx, path: &str, size: u64, package: Text) -> Diagnostic {
    let (package_en, package_zh) = (package.en(), package.zh());
    Diagnostic::new(
        &META,
        path,
        None,
        ctx.t(
            format!(
                "{} in {package_en}: media files over 200 KB weigh on the package limit",
                human_bytes(size)
            ),
            format!(
                "{}，位于{package_zh}：超过 200 KB 的媒体文件会挤占代码包空间",
                human_bytes(size)
            ),
        ),
    )
    .help(ctx.t(
        "serve it from a CDN or the cloud storage, or compress it".into(),
        "请放到 CDN 或云存储，或压缩后再放入代码包".into(),
    ))
}

impl Rule for LargeMediaFile {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        for f in &upload.files {
            if f.size <= MEDIA_FILE_BYTES || !is_media(&f.path) {
                continue;
            }
            let package = super::package_name(ctx, upload, f.package);
            out.push(large_media(ctx, &f.path, f.size, package));
        }
    }
}
