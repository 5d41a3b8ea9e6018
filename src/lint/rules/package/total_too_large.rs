//! MP402: all packages together are over the total limit (30 MB; 20 MB for apps developed by
//! service providers; set `limits.total` in mpcheck.json for other accounts). The upload fails.

use crate::analysis::package::{Package, human_bytes};
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    TotalTooLarge, code: "MP402", name: "total-too-large", group: Package, severity: Error,
    summary: ["All packages together are over the total upload limit", "所有分包总大小超过上传上限"],
    needs: [Upload],
}

/// The finding at app.json when the `packages` (largest first), `total` bytes together, are
/// over `limit`.
fn total_too_large(ctx: &Ctx, packages: &[&Package], total: u64, limit: u64) -> Diagnostic {
    let largest: Vec<String> = packages
        .iter()
        .take(5)
        .map(|p| format!("{} {}", p.name, human_bytes(p.bytes)))
        .collect();
    let (size, max) = (human_bytes(total), human_bytes(limit));
    Diagnostic::new(
        &META,
        ctx.project.app_json_path(),
        None,
        ctx.t(
            format!("all packages together are {size} ({} bytes), over the {max} total limit", total),
            format!("所有包合计 {size}（{} 字节），超过 {max} 的总上限", total),
        ),
    )
    .help(ctx.t(
        format!("largest packages: {}; the limit is 20 MB for apps developed by service providers: set \"limits\": {{\"total\": \"20MB\"}} in mpcheck.json", largest.join(", ")),
        format!("最大的包：{}；服务商代开发的小程序总上限为 20 MB：可在 mpcheck.json 中设置 \"limits\": {{\"total\": \"20MB\"}}", largest.join("，")),
    ))
}

impl Rule for TotalTooLarge {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        let limit = ctx.limits.total;
        if upload.total <= limit {
            return;
        }
        let mut packages: Vec<_> = upload.packages.iter().collect();
        packages.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
        out.push(total_too_large(ctx, &packages, upload.total, limit));
    }
}
