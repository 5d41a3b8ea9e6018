//! What is uploaded and how big it is, from the shared upload set (`crate::analysis::package`).

pub mod compression_off;
pub mod file_not_uploaded;
pub mod js_file_too_large;
pub mod js_only_used_by_subpackage;
pub mod large_media_file;
pub mod lazy_code_loading_off;
pub mod media_total_too_large;
pub mod package_near_limit;
pub mod package_too_large;
pub mod total_too_large;
pub mod unused_code_file;

use crate::analysis::package::Upload;
use crate::analysis::package::{folders, human_bytes};
use crate::base::source::Span;
use crate::lint::rule::Ctx;
use crate::project::Project;

/// The bytes above which the quality scan warns about a package (PACKAGE_SIZE_LIMIT).
pub const QUALITY_PACKAGE_BYTES: u64 = 1536 * 1024;

/// "the main package" / "subpackage pkgA/".
pub(crate) fn package_name(ctx: &Ctx, upload: &Upload, i: usize) -> crate::base::i18n::Text {
    match i {
        0 => ctx.t("the main package".into(), "主包".into()),
        _ => ctx.t(
            format!("subpackage {}", upload.packages[i].name),
            format!("分包 {}", upload.packages[i].name),
        ),
    }
}

/// Where a package is declared: its `root` in app.json, or app.json itself for the main one.
/// Where a finding about package `i` is located: its subpackage's `root` in app.json, else
/// app.json's `pages`.
pub fn package_location(p: &Project, upload: &Upload, i: usize) -> (String, Option<Span>) {
    let app = p.app_json_path();
    let span = upload.packages[i]
        .subpackage
        .and_then(|sp| p.app.as_ref()?.subpackages.get(sp)?.root.as_ref())
        .map(|(_, s)| *s)
        .or_else(|| {
            p.app_json()
                .and_then(|a| a.member("pages"))
                .map(|m| m.key_span)
        });
    (app, span)
}

/// "pages/ 938.4 KB, miniprogram_npm/ 694.1 KB; largest files: …" for package `i`.
pub(crate) fn contributors(ctx: &Ctx, upload: &Upload, i: usize) -> crate::base::i18n::Text {
    let root = ctx.project.mp_root.as_str();
    let dirs: Vec<String> = folders(upload, i, root)
        .into_iter()
        .take(3)
        .map(|(d, b)| format!("{d} {}", human_bytes(b)))
        .collect();
    let files: Vec<String> = upload
        .largest(i, 3)
        .into_iter()
        .map(|f| format!("{} {}", &f.path[root.len()..], human_bytes(f.size)))
        .collect();
    ctx.t(
        format!(
            "largest folders: {}; largest files: {}",
            dirs.join(", "),
            files.join(", ")
        ),
        format!(
            "最大的目录：{}；最大的文件：{}",
            dirs.join("，"),
            files.join("，")
        ),
    )
}
