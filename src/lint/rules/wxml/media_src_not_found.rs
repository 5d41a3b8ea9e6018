//! MP327: a local `src` of `<image>`, `<cover-image>`, `<audio>` or `<video>` that does not
//! exist in the package (relative to the template, or from the root with a leading `/`).
//! Network, `data:`, `cloud://` and `wxfile://` sources and `{{ }}` values are not checked.

use super::resolve_src;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::wxml::Document;

crate::declare_rule! {
    MediaSrcNotFound, code: "MP327", name: "media-src-not-found", group: Wxml, severity: Warning,
    summary: ["A local image, audio or video src does not exist", "本地图片、音频或视频的 src 不存在"],
    hooks: [Wxml],
}

const MEDIA: &[&str] = &["image", "cover-image", "audio", "video"];

impl Rule for MediaSrcNotFound {
    fn check_wxml(&self, ctx: &Ctx, path: &str, doc: &Document, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        if !doc.tag_names().any(|t| MEDIA.contains(&t)) {
            return;
        }
        let dir = super::template_dir(p, path);
        for el in doc.elements() {
            if !MEDIA.iter().any(|m| el.is_named(m)) {
                continue;
            }
            let Some(src) = el.attr("src") else { continue };
            let (Some(value), Some(span)) = (src.value, src.value_span) else {
                continue;
            };
            let v = value.trim();
            let remote = [
                "http://",
                "https://",
                "//",
                "data:",
                "cloud://",
                "wxfile://",
                "blob:",
            ]
            .iter()
            .any(|s| crate::base::ascii::starts_with_ignore_case(v, s));
            if v.is_empty() || remote || v.contains("{{") {
                continue;
            }
            let target = resolve_src(dir, v.split(['?', '#']).next().unwrap_or(v), "");
            let file = p.in_root(&target);
            if p.exists(&file) {
                continue;
            }
            out.push(super::src_not_found(
                ctx,
                &META,
                path,
                span,
                (el.name(), v, &target),
            ));
        }
    }
}
