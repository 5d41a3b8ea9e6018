//! MP137: a plugin project (`compileType: "plugin"`) without a usable plugin folder: no
//! `pluginRoot`, a `pluginRoot` equal to `miniprogramRoot`, no `plugin.json`, or a plugin.json
//! whose `publicComponents` / `pages` / `main` name files that do not exist (or a key in both
//! `pages` and `publicComponents`).

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::{PROJECT_CONFIG, normalize_root};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidPluginProject, code: "MP137", name: "invalid-plugin-project", group: Config, severity: Error,
    summary: ["A plugin project's pluginRoot or plugin.json is missing or names missing files", "插件项目的 pluginRoot 或 plugin.json 缺失，或引用的文件不存在"],
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
            out.push(
                Diagnostic::new(
                    &META,
                    PROJECT_CONFIG,
                    Some(ct.span),
                    ctx.t(
                        "[\"pluginRoot\"] should not be empty in a plugin project".into(),
                        "[\"pluginRoot\"] 不能为空".into(),
                    ),
                )
                .help(ctx.t(
                    "set \"pluginRoot\" to the folder with plugin.json, e.g. \"plugin/\"".into(),
                    "请将 \"pluginRoot\" 设为包含 plugin.json 的目录，例如 \"plugin/\"".into(),
                )),
            );
            return;
        };
        let root = normalize_root(root_v.as_str().unwrap_or(""));
        if root == p.mp_root {
            out.push(Diagnostic::new(
                &META,
                PROJECT_CONFIG,
                Some(root_v.span),
                ctx.t(
                    format!("The plugin directory {root} specified by pluginRoot in project.config.json is the same as the miniprogram directory {}, please modify it to a different directory", p.mp_root),
                    format!("project.config.json 中 pluginRoot 指定的小程序本地开发插件目录 {root}，与小程序目录 {} 相同，请修改为不同目录", p.mp_root),
                ),
            ));
            return;
        }
        let plugin_json = format!("{root}plugin.json");
        let Some(doc) = p.json(&plugin_json) else {
            out.push(
                Diagnostic::new(
                    &META,
                    PROJECT_CONFIG,
                    Some(root_v.span),
                    ctx.t(
                        format!("In the plugin directory {root} specified by pluginRoot in project.config.json, plugin.json is not found"),
                        format!("根据 project.config.json 中 pluginRoot 指定的小程序本地开发插件目录 {root}，plugin.json 未找到"),
                    ),
                )
                .related(plugin_json.clone(), None, ctx.t("this file does not exist".into(), "该文件不存在".into())),
            );
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
                    let names: Vec<String> = missing
                        .iter()
                        .map(|f| f.strip_prefix(root.as_str()).unwrap_or(f).to_string())
                        .collect();
                    let mut d = Diagnostic::new(
                        &META,
                        &plugin_json,
                        Some(m.value.span),
                        ctx.t(
                            format!(
                                "[\"{key}\"][\"{}\"] could not find the corresponding file: {}",
                                m.key,
                                names.join(", ")
                            ),
                            format!(
                                "未找到 [\"{key}\"][\"{}\"] 对应的 {} 文件",
                                m.key,
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
                    out.push(d);
                }
            }
        }
        if let (Some(pages), Some(comps)) = (plugin.get("pages"), plugin.get("publicComponents")) {
            for m in pages.as_object().unwrap_or_default() {
                if comps.get(&m.key).is_some() {
                    out.push(Diagnostic::new(
                        &META,
                        &plugin_json,
                        Some(m.key_span),
                        ctx.t(
                            format!("There can not be the same key: {} in [\"pages\"] and [\"publicComponents\"]", m.key),
                            format!("[\"pages\"] 与 [\"publicComponents\"] 不能存在相同的 key: {}", m.key),
                        ),
                    ));
                }
            }
        }
        if let Some(main) = plugin.get("main")
            && let Some(file) = main.as_str()
        {
            let path = path_of(file);
            if file.is_empty() || !p.exists(&path) {
                out.push(
                    Diagnostic::new(
                        &META,
                        &plugin_json,
                        Some(main.span),
                        ctx.t(
                            format!("[\"main\"] file \"{file}\" not found"),
                            format!("[\"main\"] 对应的文件 \"{file}\" 未找到"),
                        ),
                    )
                    .related(
                        path,
                        None,
                        ctx.t("this file does not exist".into(), "该文件不存在".into()),
                    ),
                );
            }
        }
    }
}
