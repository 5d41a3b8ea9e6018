//! The analysis layer: what is computed over the whole project once, after it is indexed and
//! before the rules run: the component graph, each config file's role and schema findings,
//! the network sites with their URLs evaluated, the domain whitelist, each module's imports
//! and the upload set (the last two only when something asks for them).

pub mod components;
pub mod domains;
pub mod package;
pub mod schema;
pub mod widgets;

use crate::base::diagnostic::Need;
use crate::project::{JsonRole, PRIVATE_CONFIG, PROJECT_CONFIG, Project};
use crate::syntax::js::Site;
use components::ComponentUse;
use domains::Whitelist;
use package::Upload;
use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use schema::SchemaIssue;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

pub struct Analysis<'p> {
    /// The project analysed.
    pub project: &'p Project,
    /// Every `usingComponents` entry reachable from app.json and the pages, resolved.
    pub component_uses: Vec<ComponentUse>,
    /// The json file of every component found (relative to the project folder).
    pub component_jsons: Vec<String>,
    /// Every page app.json declares and every component found, as a project path without
    /// extension (`pages/index/index`): the templates that have a page or component around
    /// them.
    owners: rustc_hash::FxHashSet<String>,
    /// The declared pages among them.
    pages: rustc_hash::FxHashSet<String>,
    /// Every declared search widget with a usable path, once per folder, with its code.
    pub widgets: Vec<widgets::WidgetCode<'p>>,
    /// The JSON files the toolchain reads as configuration with their role, and the schema
    /// findings per file.
    schemas: OnceLock<Schemas>,
    /// Network call sites (JS) and `<web-view src>` (WXML) outside excluded files, URLs
    /// evaluated.
    sites: OnceLock<Vec<Site>>,
    /// The JS part of `sites`, when [`Analysis::prepare_ahead`] computed it.
    js_sites_ahead: std::sync::Mutex<Option<Vec<Site>>>,
    /// The account's domain whitelist, when configured.
    pub whitelist: Option<Whitelist>,
    /// Each module's resolved imports, computed on first use.
    module_deps: OnceLock<HashMap<String, Vec<String>>>,
    /// What is uploaded, computed by [`Analysis::prepare`] or on first use.
    upload: OnceLock<Upload>,
    /// The rules are running: an analysis computed now was not prepared (see `late`).
    rules_running: AtomicBool,
    /// An analysis was first asked for while the rules ran: a rule does not declare it needs
    /// it (a lazy start on a worker thread can be handed another rule waiting on the same one).
    late: AtomicBool,
}

impl<'p> Analysis<'p> {
    /// Builds the component graph (the other analyses wait until asked for or prepared).
    pub fn new(project: &'p Project, whitelist: Option<Whitelist>) -> Analysis<'p> {
        let timings = crate::base::timing::enabled();
        let t = std::time::Instant::now();
        let (component_uses, component_jsons) =
            components::build_graph(project, &project.npm_dependencies);
        if timings {
            crate::base::timing::note(format_args!("component graph {:?}", t.elapsed()));
        }
        let pages: rustc_hash::FxHashSet<String> = project
            .app
            .iter()
            .flat_map(|app| app.all_pages())
            .map(|page| project.in_root(&page.full))
            .collect();
        let mut owners = pages.clone();
        owners.extend(
            component_jsons
                .iter()
                .map(|j| j.trim_end_matches(".json").to_string()),
        );
        Analysis {
            project,
            component_uses,
            component_jsons,
            owners,
            pages,
            widgets: widgets::code(project),
            schemas: OnceLock::new(),
            sites: OnceLock::new(),
            js_sites_ahead: std::sync::Mutex::new(None),
            whitelist,
            module_deps: OnceLock::new(),
            upload: OnceLock::new(),
            rules_running: AtomicBool::new(false),
            late: AtomicBool::new(false),
        }
    }

    /// Whether `base` (a project path without extension) is a page app.json declares.
    pub fn is_page(&self, base: &str) -> bool {
        self.pages.contains(base)
    }

    /// Whether `base` (a project path without extension) is a declared page or a component
    /// found from one.
    pub fn is_page_or_component(&self, base: &str) -> bool {
        self.owners.contains(base)
    }

    /// The declared widgets whose folder holds `path` (a project path): its code runs in the
    /// widget runtime.
    pub fn widgets_of<'a>(
        &'a self,
        path: &'a str,
    ) -> impl Iterator<Item = &'a widgets::WidgetCode<'p>> {
        self.widgets.iter().filter(move |w| {
            path.strip_prefix(w.dir.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
    }

    /// Computes the analyses `needs` names now, before the parallel rule phase: a rule
    /// waiting on a lazy start on a worker thread could be handed another rule waiting on the
    /// same one.
    ///
    /// The network sites are computed alongside the schemas and the upload set: none of them
    /// waits on another's lazy start (the upload set's module imports are its own).
    pub fn prepare(&self, needs: impl IntoIterator<Item = Need>) {
        let needs: Vec<Need> = needs.into_iter().collect();
        let wanted = |n: Need| needs.contains(&n);
        rayon::join(
            || {
                if wanted(Need::Sites) {
                    self.sites();
                }
            },
            || {
                if wanted(Need::Schemas) {
                    self.schemas();
                }
                if wanted(Need::Upload) {
                    self.upload();
                }
            },
        );
    }

    /// What of the analyses `needs` does not read the templates, computed while they are
    /// parsed (the template phase keeps the cores busy, but not its start and end): the
    /// network sites of the JS files and the modules' imports.
    pub fn prepare_ahead(&self, needs: impl IntoIterator<Item = Need>) {
        let needs: Vec<Need> = needs.into_iter().collect();
        rayon::join(
            || {
                if needs.contains(&Need::Sites) {
                    let project = self.project;
                    let sites = crate::syntax::js::sites(&project.modules, &project.mp_root);
                    if let Ok(mut ahead) = self.js_sites_ahead.lock() {
                        *ahead = Some(sites);
                    }
                }
            },
            || {
                if needs.contains(&Need::Upload) {
                    self.module_deps();
                }
            },
        );
    }

    /// Marks the start and the end of the rule phase.
    pub fn set_rules_running(&self, running: bool) {
        self.rules_running.store(running, Ordering::SeqCst);
    }

    /// An analysis was first computed while the rules ran (a rule reads one it does not
    /// declare in `needs`; the tests check this never happens).
    pub fn computed_late(&self) -> bool {
        self.late.load(Ordering::SeqCst)
    }

    fn starting(&self) {
        if self.rules_running.load(Ordering::SeqCst) {
            self.late.store(true, Ordering::SeqCst);
        }
    }

    fn schemas(&self) -> &Schemas {
        self.schemas.get_or_init(|| {
            self.starting();
            let t = std::time::Instant::now();
            let schemas = validate_schemas(self.project, &self.component_jsons);
            crate::base::timing::note(format_args!("schemas {:?}", t.elapsed()));
            schemas
        })
    }

    /// The role of a JSON file the toolchain reads as configuration (app.json, page and
    /// component json, project config, sitemap, theme, ext, plugin); `None` for data files.
    pub fn role(&self, rel: &str) -> Option<JsonRole> {
        self.schemas().roles.get(rel).copied()
    }

    /// The schema findings of each config file (path, role, findings).
    pub fn schema_issues(&self) -> &[(String, JsonRole, Vec<SchemaIssue>)] {
        &self.schemas().issues
    }

    /// Network call sites (JS) and `<web-view src>` (WXML) outside excluded files, URLs
    /// evaluated.
    pub fn sites(&self) -> &[Site] {
        self.sites.get_or_init(|| {
            self.starting();
            let project = self.project;
            let t = std::time::Instant::now();
            let ahead = self.js_sites_ahead.lock().ok().and_then(|mut s| s.take());
            let mut sites = ahead
                .unwrap_or_else(|| crate::syntax::js::sites(&project.modules, &project.mp_root));
            sites.extend(project.wxml().webview_sites.iter().cloned());
            // Excluded files are read for the analyses (what is reached, what is uploaded),
            // but the rules do not see their network calls.
            sites.retain(|s| !project.file(&s.file).is_some_and(|f| f.excluded));
            crate::base::timing::note(format_args!("URL resolution {:?}", t.elapsed()));
            sites
        })
    }

    /// The modules each JS/TS module loads (`require`, `import`, `import()`,
    /// `export … from`), resolved once: relative, root-absolute, bare and npm specifiers.
    pub fn module_deps(&self) -> &HashMap<String, Vec<String>> {
        let project = self.project;
        self.module_deps.get_or_init(|| {
            let resolver = crate::syntax::js::Resolver::new(&project.modules, &project.mp_root);
            use rayon::prelude::*;
            project
                .modules
                .par_iter()
                .map(|(from, m)| {
                    let deps = m
                        .requires
                        .iter()
                        .filter_map(|(s, _)| resolver.resolve_specifier(from, s))
                        .filter(|t| *t != from)
                        .map(str::to_string)
                        .collect();
                    (from.clone(), deps)
                })
                .collect()
        })
    }

    /// The upload set, owned (computed now if it was not).
    pub fn into_upload(self) -> Upload {
        self.upload();
        self.upload.into_inner().unwrap_or_default()
    }

    /// What `miniprogram-ci` uploads, per package (computed once).
    pub fn upload(&self) -> &Upload {
        self.upload.get_or_init(|| {
            package::compute(self.project, &self.component_uses, self.module_deps())
        })
    }
}

struct Schemas {
    roles: HashMap<String, JsonRole>,
    issues: Vec<(String, JsonRole, Vec<SchemaIssue>)>,
}

/// JSON files with a known role, and their schema findings.
fn validate_schemas(project: &Project, component_jsons: &[String]) -> Schemas {
    let mut targets = vec![
        (PROJECT_CONFIG.to_string(), JsonRole::ProjectConfig),
        (PRIVATE_CONFIG.to_string(), JsonRole::PrivateConfig),
        (project.app_json_path(), JsonRole::App),
        (project.in_root("ext.json"), JsonRole::Ext),
    ];
    if let Some(sitemap) = project.sitemap_path() {
        targets.push((sitemap, JsonRole::Sitemap));
    }
    if let Some(theme) = project.theme_path() {
        targets.push((theme, JsonRole::Theme));
    }
    if let Some(pr) = &project.plugin_root {
        targets.push((format!("{pr}plugin.json"), JsonRole::Plugin));
    }
    for c in component_jsons {
        targets.push((c.clone(), JsonRole::Component));
    }
    if let Some(app) = &project.app {
        for page in app.all_pages() {
            targets.push((
                project.in_root(&format!("{}.json", page.full)),
                JsonRole::Page,
            ));
        }
    }
    // One role per file: the first wins (a page json is never also a component json).
    let mut seen = HashSet::default();
    targets.retain(|(path, _)| seen.insert(path.clone()));
    let roles = targets.iter().cloned().collect();
    let issues = targets
        .into_par_iter()
        .filter_map(|(path, role)| {
            let value = project.json(&path)?.value()?;
            let issues = schema::validate(role, value);
            Some((path, role, issues))
        })
        .collect();
    Schemas { roles, issues }
}
