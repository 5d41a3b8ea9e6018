//! MP127: an app.json field that names a file or folder that is not there: `workers` (a
//! folder), `sitemapLocation` (a `.json` file), `themeLocation`, `openLocationPagePath` (a page
//! with `.wxml` and `.js`), `openDataContext` (a folder with `index.js`), and
//! `accountCardPackage` (an independent subpackage root and its card components).

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    ReferencedFileNotFound, code: "MP127", name: "referenced-file-not-found", group: Config, severity: Error,
    summary: ["A file or folder named in app.json (workers, sitemapLocation, themeLocation, ...) is missing", "app.json 中 workers、sitemapLocation、themeLocation 等字段指向的文件或目录不存在"],
}

/// What is missing, with the values its message names.
enum Missing<'a> {
    /// The `workers` folder.
    Workers(&'a str),
    /// `sitemapLocation` does not end in `.json`.
    SitemapExtension(&'a str),
    Sitemap(&'a str),
    Theme(&'a str),
    /// `openLocationPagePath`'s file of one extension.
    OpenLocationPage(&'a str, &'a str),
    OpenDataContext(&'a str),
    /// `accountCardPackage.root` is not an independent subpackage.
    CardRoot(&'a str),
    /// The `.js` of `cardList[i].componentPath`.
    CardComponent(usize, &'a str),
}

/// The finding at a field naming what is missing (`missing`: the file, named as related).
fn not_found(
    ctx: &Ctx,
    path: &str,
    span: Span,
    what: Missing,
    missing: Option<String>,
) -> Diagnostic {
    let (en, zh) = match what {
        Missing::Workers(dir) => (
            format!("[\"workers\"] field needs to be Directory: \"{dir}\" does not exist"),
            format!("[\"workers\"] 字段需为 目录：\"{dir}\" 不存在"),
        ),
        Missing::SitemapExtension(s) => (
            format!("extension name of [\"sitemapLocation\"] should be \".json\" (\"{s}\")"),
            format!("[\"sitemapLocation\"] 的拓展名需为 \".json\"（\"{s}\"）"),
        ),
        Missing::Sitemap(s) => (
            format!("[\"sitemapLocation\"] could not find the corresponding file: \"{s}\""),
            format!("未找到 [\"sitemapLocation\"] 对应的 {s} 文件"),
        ),
        Missing::Theme(s) => (
            format!("\"{s}\" file not found, or the file read failed ([\"themeLocation\"])"),
            format!("未找到 {s} 文件，或者文件读取失败（[\"themeLocation\"]）"),
        ),
        Missing::OpenLocationPage(s, ext) => (
            format!(
                "[\"openLocationPagePath\"] could not find the corresponding file: \"{s}.{ext}\""
            ),
            format!("未找到 [\"openLocationPagePath\"] 对应的 {s}.{ext} 文件"),
        ),
        Missing::OpenDataContext(s) => (
            format!("[\"openDataContext\"] \"{s}\" needs to be a folder with index.js"),
            format!("[\"openDataContext\"] \"{s}\" 需为包含 index.js 的目录"),
        ),
        Missing::CardRoot(root) => (
            format!(
                "[\"accountCardPackage\"][\"root\"] \"{root}\" needs to be the root of an independent subpackage"
            ),
            format!("[\"accountCardPackage\"][\"root\"] \"{root}\" 需为独立分包的 root"),
        ),
        Missing::CardComponent(i, js) => (
            format!(
                "[\"accountCardPackage\"][\"cardList\"][{i}][\"componentPath\"] could not find the corresponding file: \"{js}\""
            ),
            format!(
                "未找到 [\"accountCardPackage\"][\"cardList\"][{i}][\"componentPath\"] 对应的 {js} 文件"
            ),
        ),
    };
    let mut d = Diagnostic::new(&META, path, Some(span), ctx.t(en, zh))
        .label(ctx.t("not found".into(), "未找到".into()));
    if let Some(m) = missing {
        d = d.related(m, None, ctx.t("does not exist".into(), "不存在".into()));
    }
    d
}

impl Rule for ReferencedFileNotFound {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let p = ctx.project;
        let rel = |s: &str| p.in_root(s.trim_start_matches('/').trim_end_matches('/'));
        let mut report = |span: Span, what: Missing, missing: Option<String>| {
            out.push(not_found(ctx, &path, span, what, missing));
        };
        // workers: a folder
        if let Some(w) = app.get("workers") {
            let (value, span) = match w.as_str() {
                Some(s) => (Some(s), w.span),
                None => (
                    w.get("path").and_then(Json::as_str),
                    w.get("path").map_or(w.span, |v| v.span),
                ),
            };
            if let Some(dir) = value
                && !p.is_dir(&rel(dir))
            {
                report(span, Missing::Workers(dir), Some(rel(dir)));
            }
        }
        if let Some(v) = app.get("sitemapLocation")
            && let Some(s) = v.as_str()
        {
            if !s.ends_with(".json") {
                report(v.span, Missing::SitemapExtension(s), None);
            } else if !p.exists(&rel(s)) {
                report(v.span, Missing::Sitemap(s), Some(rel(s)));
            }
        }
        if let Some(v) = app.get("themeLocation")
            && let Some(s) = v.as_str()
            && !p.exists(&rel(s))
        {
            report(v.span, Missing::Theme(s), Some(rel(s)));
        }
        if let Some(v) = app.get("openLocationPagePath")
            && let Some(s) = v.as_str()
        {
            for ext in ["wxml", "js"] {
                let f = rel(&format!("{s}.{ext}"));
                let present = if ext == "js" {
                    p.script_exists(&rel(s))
                } else {
                    p.exists(&f)
                };
                if !present {
                    report(v.span, Missing::OpenLocationPage(s, ext), Some(f));
                }
            }
        }
        if let Some(v) = app.get("openDataContext")
            && let Some(s) = v.as_str()
        {
            let index = rel(&format!("{}/index.js", s.trim_end_matches('/')));
            if !p.exists(&index) {
                report(v.span, Missing::OpenDataContext(s), Some(index));
            }
        }
        if let Some(card) = app.get("accountCardPackage") {
            let root = card
                .get("root")
                .and_then(|r| r.as_str().map(|s| (s, r.span)));
            if let Some((root, span)) = root {
                let independent = p.app.as_ref().is_some_and(|m| {
                    m.subpackages.iter().any(|sp| {
                        sp.independent
                            && sp.root_prefix().as_deref()
                                == Some(&format!("{}/", root.trim_matches('/')))
                    })
                });
                if !independent {
                    report(span, Missing::CardRoot(root), None);
                }
                for (i, c) in card
                    .get("cardList")
                    .and_then(Json::as_array)
                    .unwrap_or_default()
                    .iter()
                    .enumerate()
                {
                    let Some(cp) = c.get("componentPath") else {
                        continue;
                    };
                    let Some(comp) = cp.as_str() else { continue };
                    let js = rel(&format!(
                        "{}/{}.js",
                        root.trim_matches('/'),
                        comp.trim_start_matches('/')
                    ));
                    if !p.exists(&js) {
                        report(cp.span, Missing::CardComponent(i, &js), Some(js.clone()));
                    }
                }
            }
        }
    }
}
