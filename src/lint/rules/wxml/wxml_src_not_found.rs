//! MP322: `<import src>`, `<include src>` or `<wxs src>` names a file that does not exist
//! (relative to the template, or from the miniprogram root with a leading `/`), or one in a
//! package that is not loaded with the template's own (another subpackage; the main package
//! from an independent subpackage). Like URL paths, `../` above the root stays at the root.

use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;

crate::declare_rule! {
    WxmlSrcNotFound, code: "MP322", name: "wxml-src-not-found", group: Wxml, severity: Error,
    summary: ["An import, include or wxs src names a file that does not exist or is in another package", "import、include 或 wxs 的 src 指向的文件不存在或在其他分包中"],
    hooks: [Wxml],
}

/// The finding at the `src` (`value`, at `span`) of <`tag`>, whose file `with_ext` is in a
/// package this template cannot load from (`why`).
fn other_package(
    ctx: &Ctx,
    (path, span): (&str, Span),
    tag: &str,
    value: &str,
    with_ext: &str,
    why: Text,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!(
                "<{}> src \"{value}\": {with_ext} is in another package",
                tag
            ),
            format!("<{}> 的 src \"{value}\"：{with_ext} 在其他包中", tag),
        ),
    )
    .label(ctx.t("cannot be loaded".into(), "无法加载".into()))
    .help(ctx.t(
        format!(
            "{}; move the file into this package or the main package",
            why.en()
        ),
        format!("{}；请把文件移到当前包或主包", why.zh()),
    ))
}

impl Rule for WxmlSrcNotFound {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        if !doc
            .tag_names()
            .any(|t| matches!(t, "import" | "include" | "wxs"))
        {
            return;
        }
        let dir = super::template_dir(p, path);
        for el in doc.elements() {
            let ext = match el.name() {
                "import" | "include" => "wxml",
                "wxs" => "wxs",
                _ => continue,
            };
            let Some(src) = el.attr("src") else { continue };
            let (Some(value), Some(span)) = (&src.value, src.value_span) else {
                continue;
            };
            if value.contains("{{") || value.is_empty() {
                continue;
            }
            let with_ext = super::resolve_src(dir, value, ext);
            if p.exists(&p.in_root(&with_ext)) {
                let from = path.strip_prefix(p.mp_root.as_str()).unwrap_or(path);
                if let Some(why) = super::cross_package(p, ctx, from, &with_ext) {
                    out.push(other_package(
                        ctx,
                        (path, span),
                        el.name(),
                        value,
                        &with_ext,
                        why,
                    ));
                }
                continue;
            }
            out.push(
                super::src_not_found(ctx, &META, path, span, (el.name(), value, &with_ext))
                    .related(
                        p.in_root(&with_ext),
                        None,
                        ctx.t("this file does not exist".into(), "该文件不存在".into()),
                    ),
            );
        }
    }
}
