//! MP322: `<import src>`, `<include src>` or `<wxs src>` names a file that does not exist in
//! the package (relative to the template, or from the miniprogram root with a leading `/`).
//! Like URL paths, `../` above the miniprogram root stays at the root.

use super::documents;
use crate::diagnostic::Diagnostic;
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP322",
    "wxml-src-not-found",
    Wxml,
    Error,
    "An import, include or wxs src names a file that does not exist",
    "import、include 或 wxs 的 src 指向的文件不存在"
);

pub struct WxmlSrcNotFound;

impl Rule for WxmlSrcNotFound {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for (path, doc) in documents(ctx) {
            let dir = super::template_dir(p, path);
            for el in doc.elements() {
                let ext = match el.name.as_str() {
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
                    continue;
                }
                let help = p
                    .case_variant(&p.in_root(&with_ext))
                    .map(|f| {
                        ctx.t(
                            format!("found {f}: paths are case-sensitive on the phone"),
                            format!("找到了 {f}：手机上路径区分大小写"),
                        )
                    })
                    .unwrap_or_else(|| {
                        ctx.t(
                            format!("create {with_ext} or fix the path"),
                            format!("请创建 {with_ext} 或修正路径"),
                        )
                    });
                out.push(
                    Diagnostic::new(
                        &META,
                        path,
                        Some(span),
                        ctx.t(
                            format!("<{}> src \"{value}\": {with_ext} not found", el.name),
                            format!("<{}> 的 src \"{value}\"：未找到 {with_ext}", el.name),
                        ),
                    )
                    .label(ctx.t("missing file".into(), "文件不存在".into()))
                    .help(help)
                    .related(
                        p.in_root(&with_ext),
                        None,
                        ctx.t("this file does not exist".into(), "该文件不存在".into()),
                    ),
                );
            }
        }
    }
}
