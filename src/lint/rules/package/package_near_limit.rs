//! MP401: a package is over 1.5 MB (the code-quality scan's PACKAGE_SIZE_LIMIT), still under the
//! upload limit. Real apps sit at 95–99 % of the limit; the next feature tips them over.

use super::{QUALITY_PACKAGE_BYTES, contributors, package_location, package_name};
use crate::analysis::package::{Upload, human_bytes};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    PackageNearLimit, code: "MP401", name: "package-near-limit", group: Package, severity: Warning,
    summary: ["A package is over 1.5 MB, close to the upload limit", "代码包超过 1.5 MB，接近上传上限"],
    needs: [Upload],
}

/// The finding at package `i` of `upload` (`bytes` in all), over 1.5 MB and under `limit`.
fn near_limit(ctx: &Ctx, upload: &Upload, i: usize, bytes: u64, limit: u64) -> Diagnostic {
    let name = package_name(ctx, upload, i);
    let (name_en, name_zh) = (name.en(), name.zh());
    let (file, span) = package_location(ctx.project, upload, i);
    let share = bytes as f64 / limit as f64 * 100.0;
    let (size, max) = (human_bytes(bytes), human_bytes(limit));
    Diagnostic::new(
        &META,
        &file,
        span,
        ctx.t(
            format!("{name_en} is {size}, {share:.1}% of the {max} upload limit (the quality scan asks for under 1.5 MB)"),
            format!("{name_zh}大小为 {size}，已占 {max} 上传上限的 {share:.1}%（代码质量要求小于 1.5 MB）"),
        ),
    )
    .label(ctx.t("close to the limit".into(), "接近上限".into()))
    .help(contributors(ctx, upload, i))
}

impl Rule for PackageNearLimit {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        let limit = ctx.limits.package;
        for (i, pkg) in upload.packages.iter().enumerate() {
            if pkg.bytes <= QUALITY_PACKAGE_BYTES || pkg.bytes > limit {
                continue;
            }
            out.push(near_limit(ctx, upload, i, pkg.bytes, limit));
        }
    }
}
