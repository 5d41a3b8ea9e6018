//! MP137: a plugin project (`compileType: "plugin"`) without a usable plugin folder: no
//! `pluginRoot`, a `pluginRoot` equal to `miniprogramRoot`, no `plugin.json`, or a plugin.json
//! whose `publicComponents` / `pages` / `main` name files that do not exist (or a key in both
//! `pages` and `publicComponents`).

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::{PROJECT_CONFIG, normalize_root};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidPluginProject, code: "MP137", name: "invalid-plugin-project", group: Config, severity: Error,
    summary: ["A plugin project's pluginRoot or plugin.json is missing or names missing files", "插件项目的 pluginRoot 或 plugin.json 缺失，或引用的文件不存在"],
}

/// The finding at `compileType: "plugin"` when `pluginRoot` is missing or empty.
fn no_plugin_root(ctx: &Ctx, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        Some(span),
        ctx.t(
            "[\"pluginRoot\"] should not be empty in a plugin project".into(),
            "[\"pluginRoot\"] 不能为空".into(),
        ),
    )
    .help(ctx.t(
        "set \"pluginRoot\" to the folder with plugin.json, e.g. \"plugin/\"".into(),
        "请将 \"pluginRoot\" 设为包含 plugin.json 的目录，例如 \"plugin/\"".into(),
    ))
}

/// The finding at a `pluginRoot` `root` that is the miniprogram root.
fn same_as_miniprogram_root(ctx: &Ctx, root: &str, mp_root: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        Some(span),
        ctx.t(
            format!("The plugin directory {root} specified by pluginRoot in project.config.json is the same as the miniprogram directory {mp_root}, please modify it to a different directory"),
            format!("project.config.json 中 pluginRoot 指定的小程序本地开发插件目录 {root}，与小程序目录 {mp_root} 相同，请修改为不同目录"),
        ),
    )
}

/// The finding at `pluginRoot` `root` when it has no `plugin_json`.
fn no_plugin_json(ctx: &Ctx, root: &str, plugin_json: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        PROJECT_CONFIG,
        Some(span),
        ctx.t(
            format!("In the plugin directory {root} specified by pluginRoot in project.config.json, plugin.json is not found"),
            format!("根据 project.config.json 中 pluginRoot 指定的小程序本地开发插件目录 {root}，plugin.json 未找到"),
        ),
    )
    .related(plugin_json.to_string(), None, ctx.t("this file does not exist".into(), "该文件不存在".into()))
}

/// The finding at `[key][name]` of plugin.json, whose files `missing` (under `root`) do not
/// exist.
fn missing_files(
    ctx: &Ctx,
    (plugin_json, root): (&str, &str),
    key: &str,
    name: &str,
    span: Span,
    missing: Vec<String>,
) -> Diagnostic {
    let names: Vec<String> = missing
        .iter()
        .map(|f| f.strip_prefix(root).unwrap_or(f).to_string())
        .collect();
    let mut d = Diagnostic::new(
        &META,
        plugin_json,
        Some(span),
        ctx.t(
            format!(
                "[\"{key}\"][\"{}\"] could not find the corresponding file: {}",
                name,
                names.join(", ")
            ),
            format!(
                "未找到 [\"{key}\"][\"{}\"] 对应的 {} 文件",
                name,
                names.join("、")
            ),
        ),
    );
    for f in missing {
        d = d.related(
            f,
            None,
            ctx.t("this file does not exist".into(), "该文件不存在".into()),
        );
    }
    d
}

/// The finding at a `pages` key of plugin.json that is also in `publicComponents`.
fn same_key(ctx: &Ctx, plugin_json: &str, key: &str, span: Span) -> Diagnostic {
    Diagnostic::new(
        &META,
        plugin_json,
        Some(span),
        ctx.t(
            format!(
                "There can not be the same key: {key} in [\"pages\"] and [\"publicComponents\"]"
            ),
            format!("[\"pages\"] 与 [\"publicComponents\"] 不能存在相同的 key: {key}"),
        ),
    )
}

/// The finding at plugin.json's `main` `file`, which does not exist at `path`.
fn main_not_found(
    ctx: &Ctx,
    plugin_json: &str,
    file: &str,
    path: String,
    span: Span,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        plugin_json,
        Some(span),
        ctx.t(
            format!("[\"main\"] file \"{file}\" not found"),
            format!("[\"main\"] 对应的文件 \"{file}\" 未找到"),
        ),
    )
    .related(
        path,
        None,
        ctx.t("this file does not exist".into(), "该文件不存在".into()),
    )
}

impl Rule for InvalidPluginProject {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(cfg) = p.project_config() else {
            return;
        };
        let Some(ct) = cfg.get("compileType") else {
            return;
        };
        if ct.as_str() != Some("plugin") {
            return;
        }
        let Some(root_v) = cfg
            .get("pluginRoot")
            .filter(|r| r.as_str().is_some_and(|s| !s.is_empty()))
        else {
            out.push(no_plugin_root(ctx, ct.span));
            return;
        };
        let root = normalize_root(root_v.as_str().unwrap_or(""));
        if root == p.mp_root {
            out.push(same_as_miniprogram_root(
                ctx,
                &root,
                &p.mp_root,
                root_v.span,
            ));
            return;
        }
        let plugin_json = format!("{root}plugin.json");
        let Some(doc) = p.json(&plugin_json) else {
            out.push(no_plugin_json(ctx, &root, &plugin_json, root_v.span));
            return;
        };
        let Some(plugin) = doc.value() else { return };
        let path_of = |v: &str| format!("{root}{}", v.trim_start_matches('/'));
        for key in ["publicComponents", "pages"] {
            for m in plugin
                .get(key)
                .and_then(Json::as_object)
                .unwrap_or_default()
            {
                let Some(target) = m.value.as_str() else {
                    continue;
                };
                let missing: Vec<String> = ["wxml", "js", "json"]
                    .iter()
                    .map(|e| format!("{}.{e}", path_of(target)))
                    .filter(|f| match f.strip_suffix(".js") {
                        Some(base) => !p.script_exists(base),
                        None => !p.exists(f),
                    })
                    .collect();
                if !missing.is_empty() {
                    out.push(missing_files(
                        ctx,
                        (&plugin_json, &root),
                        key,
                        &m.key,
                        m.value.span,
                        missing,
                    ));
                }
            }
        }
        if let (Some(pages), Some(comps)) = (plugin.get("pages"), plugin.get("publicComponents")) {
            for m in pages.as_object().unwrap_or_default() {
                if comps.get(&m.key).is_some() {
                    out.push(same_key(ctx, &plugin_json, &m.key, m.key_span));
                }
            }
        }
        if let Some(main) = plugin.get("main")
            && let Some(file) = main.as_str()
        {
            let path = path_of(file);
            if file.is_empty() || !p.exists(&path) {
                out.push(main_not_found(ctx, &plugin_json, file, path, main.span));
            }
        }
    }
}
