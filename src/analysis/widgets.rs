//! The search Widget's declarations (`widgets[]` of app.json and game.json) and each
//! declared widget's code: the JS/TS modules in its folder, which the widget runtime loads
//! instead of the mini program's.

use crate::project::Project;
use crate::syntax::js::Module;
use crate::syntax::json::Json;

/// A `widgets[]` item of app.json or game.json.
pub struct WidgetDecl<'a> {
    /// `app.json` or `game.json`, as a project path.
    pub file: String,
    /// Its index in `widgets`.
    pub index: usize,
    pub item: &'a Json,
    /// `type`, when a string.
    pub kind: Option<&'a str>,
    /// `path`, when a string: relative to the miniprogram root, as written.
    pub path: Option<&'a str>,
}

/// The manifests that may declare widgets, with their parsed value: app.json, and game.json
/// when the project has one.
pub fn manifests(p: &Project) -> Vec<(String, &Json)> {
    [p.app_json_path(), p.in_root("game.json")]
        .into_iter()
        .filter_map(|f| {
            let v = p.json(&f)?.value()?;
            Some((f, v))
        })
        .collect()
}

/// Every `widgets[]` item of app.json and game.json, in file order.
pub fn declarations(project: &Project) -> Vec<WidgetDecl<'_>> {
    let mut out = Vec::new();
    for (file, manifest) in manifests(project) {
        let Some(items) = manifest.get("widgets").and_then(Json::as_array) else {
            continue;
        };
        for (index, item) in items.iter().enumerate() {
            out.push(WidgetDecl {
                file: file.clone(),
                index,
                item,
                kind: item.get("type").and_then(Json::as_str),
                path: item.get("path").and_then(Json::as_str),
            });
        }
    }
    out
}

/// A declared widget folder and its code.
pub struct WidgetCode<'a> {
    /// The manifest declaring it (`app.json` or `game.json`, a project path).
    pub manifest: String,
    /// `widgets[].path` as written.
    pub path: &'a str,
    /// The folder, as a project path without a trailing `/`.
    pub dir: String,
    /// The loader's prefix: the service injects every JS file whose folder (a project path)
    /// starts with it.
    pub prefix: String,
    /// The JS/TS modules inside the folder, sorted by path.
    pub modules: Vec<&'a Module>,
}

/// The folder a `widgets[].path` names, relative to the miniprogram root (`./w/` → `w`);
/// `None` when empty or above the root.
fn folder(path: &str) -> Option<String> {
    let p = path.trim_start_matches("./").trim_matches('/');
    let n = crate::base::relpath::normalize(p)?;
    (!n.is_empty()).then_some(n)
}

/// Every declared widget with a usable path, once per folder.
pub fn code(project: &Project) -> Vec<WidgetCode<'_>> {
    let mut out: Vec<WidgetCode> = Vec::new();
    for d in declarations(project) {
        let Some(path) = d.path else { continue };
        let Some(rel) = folder(path) else { continue };
        let dir = project.in_root(&rel);
        if out.iter().any(|w| w.dir == dir) {
            continue;
        }
        let inside = format!("{dir}/");
        let mut modules: Vec<&Module> = project
            .modules
            .values()
            .map(|m| &**m)
            .filter(|m| m.path.starts_with(&inside))
            .collect();
        modules.sort_by(|a, b| a.path.cmp(&b.path));
        out.push(WidgetCode {
            manifest: d.file,
            path,
            prefix: project.in_root(&rel),
            dir,
            modules,
        });
    }
    out
}
