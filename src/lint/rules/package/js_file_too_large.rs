//! MP406: an uploaded JS file over 2,048,000 bytes. The compiler skips it
//! (`文件超过最大大小： 2000KB，编译进程不处理`): it ships untranspiled and unminified.

use crate::analysis::package::human_bytes;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    JsFileTooLarge, code: "MP406", name: "js-file-too-large", group: Package, severity: Warning,
    summary: ["A JS file is over 2,000 KB, which the compiler leaves unprocessed", "JS 文件超过 2000 KB，编译时不会被处理"],
    needs: [Upload],
}

/// miniprogram-ci `MAX_CODE_LENGTH`.
pub const MAX_JS_BYTES: u64 = 2_048_000;

/// The finding at the JS file `path` of `size` bytes, over [`MAX_JS_BYTES`].
fn too_large(ctx: &Ctx, path: &str, size: u64) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        None,
        ctx.t(
            format!(
                "{} ({} bytes): over 2,000 KB, the compiler neither transpiles nor minifies it",
                human_bytes(size),
                size
            ),
            format!(
                "{}（{} 字节）：超过 2000 KB，编译时既不转译也不压缩",
                human_bytes(size),
                size
            ),
        ),
    )
    .help(ctx.t(
        "split it, load the data it holds from the network, or ship a minified build".into(),
        "请拆分文件、改为从网络加载其中的数据，或放入压缩后的版本".into(),
    ))
}

impl Rule for JsFileTooLarge {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for f in &ctx.analysis.upload().files {
            if f.size <= MAX_JS_BYTES || !crate::base::ascii::ends_with_ignore_case(&f.path, ".js")
            {
                continue;
            }
            out.push(too_large(ctx, &f.path, f.size));
        }
    }
}
