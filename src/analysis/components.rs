//! `usingComponents` resolution, as the official compiler does it (miniprogram-ci
//! `json/common.js`): absolute, relative, `index` fallback, `miniprogram_npm` walking up,
//! `resolveAlias`, `useExtendedLib`, `plugin://`. Starting from app.json and the page json of
//! every declared page, every component found is followed, so the project knows each
//! component json and each use of it.

use crate::base::source::Span;
use crate::project::{JsonDoc, Project};
use crate::syntax::json::Json;
use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;
use std::collections::VecDeque;

#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    /// The component's path without extension, relative to the miniprogram root.
    Found(String),
    /// `plugin://alias/name` or `plugin-private://appid/name`.
    Plugin { alias: String, private: bool },
    /// A `useExtendedLib` library (`weui-miniprogram/...`), provided by the platform.
    ExtendedLib(String),
    /// The path leaves the miniprogram root: nothing there is uploaded.
    OutsideRoot(String),
    NotFound {
        /// Candidate paths tried, relative to the miniprogram root (without extension).
        searched: Vec<String>,
        /// The npm package the path names, when package.json lists it but
        /// `miniprogram_npm` has not been built.
        npm_unbuilt: Option<String>,
    },
}

/// One `usingComponents` entry (or a `componentGenerics` default).
#[derive(Debug, Clone)]
pub struct ComponentUse {
    /// The json file that declares it, relative to the project folder.
    pub owner: String,
    /// `["usingComponents"]["tag"]`.
    pub pointer: String,
    pub tag: String,
    pub value: String,
    pub span: Span,
    pub resolution: Resolution,
}

pub use crate::base::relpath::normalize;

fn join(dir: &str, rel: &str) -> String {
    if dir.is_empty() {
        rel.to_string()
    } else {
        [dir, "/", rel].concat()
    }
}

/// The npm package a bare path starts with: `@scope/name` or `name`.
pub fn npm_package(path: &str) -> &str {
    let mut it = path.match_indices('/');
    let end = if path.starts_with('@') {
        it.nth(1).map(|(i, _)| i)
    } else {
        it.next().map(|(i, _)| i)
    };
    end.map_or(path, |e| &path[..e])
}

pub struct Resolver<'a> {
    pub project: &'a Project,
    /// `resolveAlias` entries as (key prefix, value prefix), longest key first.
    aliases: Vec<(String, String)>,
    weui: bool,
    npm_dependencies: &'a HashSet<String>,
}

impl<'a> Resolver<'a> {
    pub fn new(
        project: &'a Project,
        app: Option<&Json>,
        npm_dependencies: &'a HashSet<String>,
    ) -> Self {
        let mut aliases: Vec<(String, String)> = app
            .and_then(|a| a.get("resolveAlias"))
            .and_then(Json::as_object)
            .unwrap_or_default()
            .iter()
            .filter_map(|m| {
                let key = m.key.strip_suffix('*')?;
                let value = m.value.as_str()?.strip_suffix('*')?;
                Some((key.to_string(), value.trim_start_matches('/').to_string()))
            })
            .collect();
        aliases.sort_by_key(|(k, _)| std::cmp::Reverse(k.len()));
        let weui = app
            .and_then(|a| a.get("useExtendedLib"))
            .and_then(|l| l.get("weui"))
            .is_some_and(|v| v.as_bool() == Some(true) || v.as_str().is_some());
        Resolver {
            project,
            aliases,
            weui,
            npm_dependencies,
        }
    }

    /// A component exists at `base` (relative to the miniprogram root) when its `.json` and
    /// `.wxml` both exist, as the official check requires.
    fn exists(&self, base: &str) -> bool {
        let p = self.project;
        p.exists(&p.in_root_with(base, ".json")) && p.exists(&p.in_root_with(base, ".wxml"))
    }

    fn try_candidates(&self, path: &str, searched: &mut Vec<String>) -> Option<String> {
        for c in [path.to_string(), join(path, "index")] {
            if self.exists(&c) {
                return Some(c);
            }
            searched.push(c);
        }
        None
    }

    /// Resolves `value` declared in a json whose folder (relative to the miniprogram root) is
    /// `dir`.
    pub fn resolve(&self, dir: &str, value: &str) -> Resolution {
        let v = value.trim();
        for (scheme, private) in [("plugin://", false), ("plugin-private://", true)] {
            if let Some(rest) = v.strip_prefix(scheme) {
                let alias = rest.split('/').next().unwrap_or("").to_string();
                return Resolution::Plugin { alias, private };
            }
        }
        if self.weui && v.starts_with("weui-miniprogram/") {
            return Resolution::ExtendedLib(v.to_string());
        }
        let mut searched = Vec::new();
        if let Some((key, target)) = self.aliases.iter().find(|(k, _)| v.starts_with(k.as_str())) {
            let path = format!("{target}{}", &v[key.len()..]);
            return match normalize(&path) {
                Some(p) => self.finish(self.try_candidates(&p, &mut searched), searched, None),
                None => Resolution::OutsideRoot(path),
            };
        }
        if let Some(abs) = v.strip_prefix('/') {
            return match normalize(abs) {
                Some(p) => self.finish(self.try_candidates(&p, &mut searched), searched, None),
                None => Resolution::OutsideRoot(v.to_string()),
            };
        }
        let relative = join(dir, v);
        let Some(local) = normalize(&relative) else {
            return Resolution::OutsideRoot(relative);
        };
        if let Some(found) = self.try_candidates(&local, &mut searched) {
            return Resolution::Found(found);
        }
        if v.starts_with("./") || v.starts_with("../") {
            // A relative path into a miniprogram_npm folder that was never built.
            let unbuilt = local
                .split_once("miniprogram_npm/")
                .and_then(|(before, after)| {
                    let package = npm_package(after);
                    let built = self.project.is_dir(
                        &self
                            .project
                            .in_root(&format!("{before}miniprogram_npm/{package}")),
                    );
                    (!built && self.npm_dependencies.contains(package)).then(|| package.to_string())
                });
            return self.finish(None, searched, unbuilt);
        }
        // A bare path: miniprogram_npm in this folder and every folder above it.
        let mut d = Some(dir.to_string());
        let mut npm_built = false;
        let package = npm_package(v);
        while let Some(cur) = d {
            let npm_dir = join(&cur, "miniprogram_npm");
            npm_built |= self
                .project
                .is_dir(&self.project.in_root(&join(&npm_dir, package)));
            if let Some(found) = self.try_candidates(&join(&npm_dir, v), &mut searched) {
                return Resolution::Found(found);
            }
            d = (!cur.is_empty()).then(|| {
                crate::base::relpath::rsplit_once_byte(&cur, b'/')
                    .map_or(String::new(), |(p, _)| p.to_string())
            });
        }
        let unbuilt =
            (!npm_built && self.npm_dependencies.contains(package)).then(|| package.to_string());
        self.finish(None, searched, unbuilt)
    }

    fn finish(
        &self,
        found: Option<String>,
        searched: Vec<String>,
        npm_unbuilt: Option<String>,
    ) -> Resolution {
        match found {
            Some(f) => Resolution::Found(f),
            None => Resolution::NotFound {
                searched,
                npm_unbuilt,
            },
        }
    }
}

fn resolve_entries(
    resolver: &Resolver,
    owner: &str,
    dir: &str,
    entries: Vec<(String, String, &Json)>,
) -> Vec<ComponentUse> {
    entries
        .into_iter()
        .filter_map(|(pointer, tag, v)| {
            let text = v.as_str()?;
            Some(ComponentUse {
                owner: owner.to_string(),
                pointer,
                tag,
                value: text.to_string(),
                span: v.span,
                resolution: resolver.resolve(dir, text),
            })
        })
        .collect()
}

/// `usingComponents` entries and `componentGenerics` defaults of one json object, with their
/// pointers (prefixed by `prefix`).
fn component_entries<'a>(value: &'a Json, prefix: &str) -> Vec<(String, String, &'a Json)> {
    let mut entries = Vec::new();
    for m in value
        .get("usingComponents")
        .and_then(Json::as_object)
        .unwrap_or_default()
    {
        entries.push((
            format!("{prefix}[\"usingComponents\"][{:?}]", m.key),
            m.key.clone(),
            &m.value,
        ));
    }
    for m in value
        .get("componentGenerics")
        .and_then(Json::as_object)
        .unwrap_or_default()
    {
        if let Some(default) = m.value.get("default") {
            let pointer = format!("{prefix}[\"componentGenerics\"][{:?}][\"default\"]", m.key);
            entries.push((pointer, m.key.clone(), default));
        }
    }
    entries
}

/// Every component use reachable from app.json and the declared pages, and the component
/// json files found (relative to the project folder).
pub fn build_graph(
    project: &Project,
    npm_dependencies: &HashSet<String>,
) -> (Vec<ComponentUse>, Vec<String>) {
    let app_path = project.app_json_path();
    let app = project.json(&app_path).and_then(JsonDoc::value);
    let resolver = Resolver::new(project, app, npm_dependencies);
    let mut queue: VecDeque<String> = VecDeque::new();
    let mut seen: HashSet<String> = HashSet::default();
    queue.push_back(app_path.clone());
    seen.insert(app_path);
    if let Some(model) = &project.app {
        for page in model.all_pages() {
            let json = project.in_root_with(&page.full, ".json");
            if seen.insert(json.clone()) {
                queue.push_back(json);
            }
        }
    }
    let mut uses: Vec<ComponentUse> = Vec::new();
    let mut components = Vec::new();
    // Records the uses of one owner and queues the components they found.
    let mut take = |found: Vec<ComponentUse>, next: &mut Vec<String>| {
        for u in &found {
            if let Resolution::Found(base) = &u.resolution {
                let json = project.in_root_with(base, ".json");
                if seen.insert(json.clone()) {
                    components.push(json.clone());
                    next.push(json);
                }
            }
        }
        uses.extend(found);
    };
    let mut frontier: Vec<String> = queue.into_iter().collect();
    // ext.json `extPages` (third-party apps): each page's components, relative to that page.
    let ext_path = project.in_root("ext.json");
    if let Some(ext) = project.json(&ext_path).and_then(JsonDoc::value)
        && let Some(pages) = ext.get("extPages").and_then(Json::as_object)
    {
        for page in pages {
            let dir = page
                .key
                .trim_start_matches('/')
                .rsplit_once('/')
                .map_or("", |(d, _)| d);
            let prefix = format!("[\"extPages\"][{:?}]", page.key);
            let found = resolve_entries(
                &resolver,
                &ext_path,
                dir,
                component_entries(&page.value, &prefix),
            );
            take(found, &mut frontier);
        }
    }
    // Breadth first, each level resolved in parallel; results are taken in a fixed order.
    while !frontier.is_empty() {
        let level: Vec<Vec<ComponentUse>> = frontier
            .par_iter()
            .map(|owner| {
                let Some(value) = project.json(owner).and_then(JsonDoc::value) else {
                    return Vec::new();
                };
                let in_root = owner
                    .strip_prefix(project.mp_root.as_str())
                    .unwrap_or(owner);
                let dir =
                    crate::base::relpath::rsplit_once_byte(in_root, b'/').map_or("", |(d, _)| d);
                resolve_entries(&resolver, owner, dir, component_entries(value, ""))
            })
            .collect();
        let mut next = Vec::new();
        for found in level {
            take(found, &mut next);
        }
        frontier = next;
    }
    components.sort();
    (uses, components)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising() {
        assert_eq!(normalize("a/./b/../c").as_deref(), Some("a/c"));
        assert_eq!(normalize("a/../../c"), None);
        assert_eq!(npm_package("@vant/weapp/button/index"), "@vant/weapp");
        assert_eq!(
            npm_package("tdesign-miniprogram/button/button"),
            "tdesign-miniprogram"
        );
        assert_eq!(npm_package("lodash"), "lodash");
    }
}
