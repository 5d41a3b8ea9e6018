//! MP400: the main package or a subpackage is over the upload limit (2 MB unless `limits.package`
//! in mpcheck.json says otherwise). The upload fails on the server
//! (`source size 2169KB exceed max limit 2MB`); the local tools only warn at 1.5 MB.

use super::{contributors, package_location, package_name};
use crate::analysis::package::{Upload, human_bytes};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    PackageTooLarge, code: "MP400", name: "package-too-large", group: Package, severity: Error,
    summary: ["A package is over the 2 MB upload limit", "代码包超过 2 MB 的上传上限"],
    needs: [Upload],
}

/// The finding at package `i` of `upload` (`bytes` in all), over `limit`.
fn too_large(ctx: &Ctx, upload: &Upload, i: usize, bytes: u64, limit: u64) -> Diagnostic {
    let name = package_name(ctx, upload, i);
    let (name_en, name_zh) = (name.en(), name.zh());
    let (file, span) = package_location(ctx.project, upload, i);
    let (size, max, over) = (
        human_bytes(bytes),
        human_bytes(limit),
        human_bytes(bytes - limit),
    );
    let advice = ctx.t(
        "move pages into subpackages, images and audio to a CDN, and unused files out of the root. Sizes are source bytes, within 1% of what `miniprogram-ci upload` sends without minification; an upload with minification on can be smaller".into(),
        "请把页面移入分包，把图片和音频放到 CDN，把无用文件移出代码目录。这里按源文件字节计算，与不压缩时 `miniprogram-ci upload` 上传的大小相差不到 1%；开启压缩上传时可能更小".into(),
    );
    Diagnostic::new(
        &META,
        &file,
        span,
        ctx.t(
            format!(
                "{name_en} is {size} ({} bytes), over the {max} upload limit by {over}",
                bytes
            ),
            format!(
                "{name_zh}大小为 {size}（{} 字节），超过 {max} 的上传上限 {over}",
                bytes
            ),
        ),
    )
    .label(ctx.t("too large".into(), "过大".into()))
    .help(contributors(ctx, upload, i).map(|l, c| format!("{c}; {}", advice.get(l))))
}

impl Rule for PackageTooLarge {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        let limit = ctx.limits.package;
        for (i, pkg) in upload.packages.iter().enumerate() {
            if pkg.bytes <= limit {
                continue;
            }
            out.push(too_large(ctx, upload, i, pkg.bytes, limit));
        }
    }
}
