//! The app.json model shared by the rules: declared pages and subpackages with their spans.

use crate::base::source::Span;
use crate::syntax::json::Json;

/// One entry of `pages` or of a subpackage's `pages`.
#[derive(Debug, Clone)]
pub struct PageDecl {
    /// As written in app.json.
    pub path: String,
    /// Span of the string value.
    pub span: Span,
    /// The official way to name the entry: `["pages"][1]`, `["subPackages"][0]["pages"][2]`.
    pub pointer: String,
    /// `None` for the main package, else the subpackage index.
    pub package: Option<usize>,
    /// The page path from the miniprogram root (`root` + `path` for subpackage pages).
    pub full: String,
}

#[derive(Debug, Clone)]
pub struct SubPackage {
    pub index: usize,
    /// `subPackages` or `subpackages`, whichever the file uses.
    pub key: &'static str,
    pub root: Option<(String, Span)>,
    pub name: Option<String>,
    pub independent: bool,
    pub span: Span,
}

impl SubPackage {
    /// The root as a folder prefix: `"pkgA/"`.
    pub fn root_prefix(&self) -> Option<String> {
        let (root, _) = self.root.as_ref()?;
        let r = root.trim_matches('/');
        (!r.is_empty()).then(|| format!("{r}/"))
    }
}

#[derive(Debug, Clone, Default)]
pub struct AppModel {
    pub pages: Vec<PageDecl>,
    pub subpackages: Vec<SubPackage>,
    pub sub_pages: Vec<PageDecl>,
    /// `entryPagePath` and the span of its value.
    pub entry_page: Option<(String, Span)>,
}

impl AppModel {
    pub fn from_json(app: &Json) -> AppModel {
        let mut model = AppModel::default();
        if let Some(pages) = app.get("pages").and_then(Json::as_array) {
            for (i, p) in pages.iter().enumerate() {
                if let Some(s) = p.as_str() {
                    model.pages.push(PageDecl {
                        path: s.to_string(),
                        span: p.span,
                        pointer: format!("[\"pages\"][{i}]"),
                        package: None,
                        full: s.to_string(),
                    });
                }
            }
        }
        let (key, subs) = match (app.get("subPackages"), app.get("subpackages")) {
            (Some(s), _) => ("subPackages", Some(s)),
            (None, Some(s)) => ("subpackages", Some(s)),
            _ => ("subPackages", None),
        };
        for (i, sp) in subs
            .and_then(Json::as_array)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let root = sp
                .get("root")
                .and_then(|r| r.as_str().map(|s| (s.to_string(), r.span)));
            let package = SubPackage {
                index: i,
                key,
                root,
                name: sp.get("name").and_then(Json::as_str).map(str::to_string),
                independent: sp.get("independent").and_then(Json::as_bool) == Some(true),
                span: sp.span,
            };
            let prefix = package.root_prefix().unwrap_or_default();
            if let Some(pages) = sp.get("pages").and_then(Json::as_array) {
                for (j, p) in pages.iter().enumerate() {
                    if let Some(s) = p.as_str() {
                        model.sub_pages.push(PageDecl {
                            path: s.to_string(),
                            span: p.span,
                            pointer: format!("[\"{key}\"][{i}][\"pages\"][{j}]"),
                            package: Some(i),
                            full: format!("{prefix}{s}"),
                        });
                    }
                }
            }
            model.subpackages.push(package);
        }
        model.entry_page = app
            .get("entryPagePath")
            .and_then(|e| e.as_str().map(|s| (s.to_string(), e.span)));
        model
    }

    /// Main package pages, then subpackage pages, in file order.
    pub fn all_pages(&self) -> impl Iterator<Item = &PageDecl> {
        self.pages.iter().chain(&self.sub_pages)
    }
}
