//! MP410: a code file (`.js .ts .json .wxml .wxss .wxs .less .sass .scss`) under the
//! miniprogram root that nothing in the app reaches: not a page, not a component reached
//! through `usingComponents`, not loaded by `require`/`import`, `<import>`/`<include>`/
//! `<wxs src>`, a WXS `require` or a WXSS `@import`. With `setting.ignoreUploadUnusedFiles`
//! true the packer leaves it out, so it costs nothing; either way it is dead code (the
//! code-quality item CONTAINS_UNUSED_CODES). Files matched by `packOptions.include` are kept;
//! files `packOptions.ignore` leaves out are not reported.

use crate::diagnostic::Diagnostic;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP410",
    "unused-code-file",
    Package,
    Info,
    "A code file that nothing in the app uses",
    "没有被任何代码引用的文件"
);

pub struct UnusedCodeFile;

impl Rule for UnusedCodeFile {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let dropped = p.upload_unused_files_dropped();
        for path in &p.upload().unused {
            let message = if dropped {
                ctx.t(
                    "nothing in the app uses this file; it is left out of the upload (ignoreUploadUnusedFiles)".into(),
                    "没有任何代码使用这个文件；上传时会被忽略（ignoreUploadUnusedFiles）".into(),
                )
            } else {
                ctx.t(
                    "nothing in the app uses this file, and it is uploaded anyway (setting.ignoreUploadUnusedFiles is not true)".into(),
                    "没有任何代码使用这个文件，但它仍会被上传（setting.ignoreUploadUnusedFiles 不为 true）".into(),
                )
            };
            let help = if is_tool_config(path) {
                let rule = format!("{{\"type\": \"file\", \"value\": \"{path}\"}}");
                ctx.t(
                    format!("a tool's configuration, not app code: keep it out of the upload with {rule} in packOptions.ignore of project.config.json"),
                    format!("这是工具的配置文件，不是小程序代码：在 project.config.json 的 packOptions.ignore 中加入 {rule}，不上传它"),
                )
            } else {
                ctx.t(
                    "delete it, or move it out of the miniprogram root (code-quality item CONTAINS_UNUSED_CODES)".into(),
                    "请删除，或移出小程序代码目录（代码质量项 CONTAINS_UNUSED_CODES）".into(),
                )
            };
            out.push(Diagnostic::new(&META, path, None, message).help(help));
        }
    }
}

/// Configuration files of development tools that sit in the miniprogram root when it is the
/// project folder (mpcheck's own among them): deleting them is not the fix.
fn is_tool_config(path: &str) -> bool {
    matches!(
        path,
        "mpcheck.json"
            | "package.json"
            | "package-lock.json"
            | "tsconfig.json"
            | "jsconfig.json"
            | ".eslintrc.json"
            | ".prettierrc.json"
            | "typings.json"
    )
}
