//! MP331: `require("…wxs")` in a WXS module (a `.wxs` file or an inline `<wxs>`) names a file
//! that does not exist, or one in another package. `wcc` compiles it; the module fails when
//! the page loads.

use super::{cross_package, resolve_src, template_dir};
use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    WxsRequireNotFound, code: "MP331", name: "wxs-require-not-found", group: Wxml, severity: Error,
    summary: ["A WXS require() names a .wxs file that does not exist or is in another package", "WXS 的 require() 指向的 .wxs 文件不存在或在其他分包中"],
}

/// The finding at `require(spec)` (at `span`) in the WXS module `path`: `target` does not
/// exist (`cross` is `None`), or is in a package this module cannot load from (`cross` says
/// why).
fn cannot_load(
    ctx: &Ctx,
    (path, span): (&str, Span),
    spec: &str,
    target: &str,
    cross: Option<Text>,
) -> Diagnostic {
    let (message, help) = match cross {
        None => {
            let help = super::missing_file_help(ctx, target);
            (
                ctx.t(
                    format!("require(\"{spec}\"): {target} not found"),
                    format!("require(\"{spec}\")：未找到 {target}"),
                ),
                help,
            )
        }
        Some(why) => (
            ctx.t(
                format!("require(\"{spec}\"): {target} is in another package"),
                format!("require(\"{spec}\")：{target} 在其他包中"),
            ),
            ctx.t(
                format!(
                    "{}; move the module into this package or the main package",
                    why.en()
                ),
                format!("{}；请把模块移到当前包或主包", why.zh()),
            ),
        ),
    };
    Diagnostic::new(&META, path, Some(span), message)
        .label(ctx.t("cannot be loaded".into(), "无法加载".into()))
        .help(help)
}

impl Rule for WxsRequireNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for (path, module) in p.wxs() {
            let dir = template_dir(p, path);
            let from = path.strip_prefix(p.mp_root.as_str()).unwrap_or(path);
            for (spec, span) in &module.requires {
                let target = resolve_src(dir, spec, "wxs");
                let cross = if !p.exists(&p.in_root(&target)) {
                    None
                } else if let Some(why) = cross_package(p, ctx, from, &target) {
                    Some(why)
                } else {
                    continue;
                };
                out.push(cannot_load(ctx, (path, *span), spec, &target, cross));
            }
        }
    }
}
