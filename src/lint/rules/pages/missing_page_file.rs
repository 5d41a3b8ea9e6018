//! MP200: a declared page (main package or subpackage) lacks its `.wxml` or `.js` file. `.ts`
//! counts for `.js` when `setting.useCompilerPlugins` has `typescript`. The build fails.
//! Pages that are missing because one folder is (an uncloned git submodule, a folder never
//! committed) are one finding at the first declaration, the others as related locations.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::PageDecl;
use crate::project::paths::{check_path, page_extension};
use std::collections::BTreeMap;

crate::declare_rule! {
    MissingPageFile, code: "MP200", name: "missing-page-file", group: Pages, severity: Error,
    summary: ["A declared page has no .wxml or no .js file", "声明的页面缺少 .wxml 或 .js 文件"],
}

/// One finding for every page that `folder`'s absence takes away.
fn folder_finding(ctx: &Ctx, app_json: &str, folder: &str, pages: &[&PageDecl]) -> Diagnostic {
    let p = ctx.project;
    let short = p.from_root(folder);
    let n = pages.len();
    let submodule = p.submodules.iter().any(|s| s == folder);
    let message = if submodule {
        ctx.t(
            format!("{n} declared pages are in the git submodule {short}, which is not checked out: none of their files exist"),
            format!("{n} 个声明的页面位于未检出的 git 子模块 {short} 中：它们的文件都不存在"),
        )
    } else {
        ctx.t(
            format!("{n} declared pages are in the folder {short}, which does not exist"),
            format!("{n} 个声明的页面位于不存在的目录 {short} 中"),
        )
    };
    let help = if submodule {
        ctx.t(
            format!("run `git submodule update --init {folder}`"),
            format!("请运行 `git submodule update --init {folder}`"),
        )
    } else {
        ctx.t(
            format!("add the folder {short} (was it left out of the commit?), or remove its pages from app.json"),
            format!("请补上目录 {short}（是否漏提交了？），或从 app.json 中删除这些页面"),
        )
    };
    let mut d = Diagnostic::new(&META, app_json, Some(pages[0].span), message)
        .label(ctx.t(
            format!("{} and {} more", pages[0].path, n - 1),
            format!("{} 等 {n} 个页面", pages[0].path),
        ))
        .help(help);
    for page in &pages[1..] {
        d = d.related(
            app_json,
            Some(page.span),
            ctx.t(
                format!("{} is declared here", page.full),
                format!("{} 在此声明", page.full),
            ),
        );
    }
    d
}

/// The finding at `page`, whose files `missing` do not exist.
fn missing_files(
    ctx: &Ctx,
    app_json: &str,
    page: &PageDecl,
    missing: &[String],
    help: Option<crate::base::i18n::Text>,
) -> Diagnostic {
    let p = ctx.project;
    let short = |f: &str| p.from_root(f).to_string();
    let names: Vec<String> = missing.iter().map(|m| short(m)).collect();
    let message = ctx.t(
        format!(
            "{} could not find the corresponding file: {}",
            page.pointer,
            names
                .iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        format!("未找到 {} 对应的 {} 文件", page.pointer, names.join("、")),
    );
    let mut d = Diagnostic::new(&META, app_json, Some(page.span), message)
        .label(ctx.t("declared here".into(), "在此声明".into()))
        .maybe_help(help);
    for m in missing {
        d = d.related(
            m.clone(),
            None,
            ctx.t("this file does not exist".into(), "该文件不存在".into()),
        );
    }
    d
}

impl Rule for MissingPageFile {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(app) = &ctx.project.app else { return };
        let app_json = ctx.project.app_json_path();
        // Pages whose folder is missing, by the folder that causes it, in declaration order.
        let mut by_folder: BTreeMap<String, Vec<&PageDecl>> = BTreeMap::new();
        let mut single = Vec::new();
        for page in app.all_pages() {
            // Malformed paths are reported by MP201/MP202 instead.
            if check_path(&page.path).is_some() || page_extension(&page.path).is_some() {
                continue;
            }
            // A subpackage whose root folder is missing is reported once, by MP114.
            if let Some(i) = page.package
                && let Some(root) = app.subpackages[i].root_prefix()
                && !ctx
                    .project
                    .is_dir(&ctx.project.in_root(root.trim_end_matches('/')))
            {
                continue;
            }
            match missing_folder(ctx, page) {
                Some(folder) => by_folder.entry(folder).or_default().push(page),
                None => single.push(page),
            }
        }
        for (folder, pages) in by_folder {
            if pages.len() == 1 {
                single.extend(pages);
            } else {
                out.push(folder_finding(ctx, &app_json, &folder, &pages));
            }
        }
        for page in single {
            if let Some(d) = check_page(ctx, &app_json, page) {
                out.push(d);
            }
        }
    }
}

/// The folder whose absence explains that both files of `page` are missing: the git submodule
/// that holds it when that is not checked out, else its outermost missing folder.
fn missing_folder(ctx: &Ctx, page: &PageDecl) -> Option<String> {
    let p = ctx.project;
    let base = p.in_root(&page.full);
    if p.exists(&[base.as_str(), ".wxml"].concat()) || p.script_exists(&base) {
        return None;
    }
    let folder = base.rsplit_once('/').map_or("", |(d, _)| d);
    if folder.is_empty() {
        return None;
    }
    if let Some(sub) = p
        .submodules
        .iter()
        .find(|s| folder == s.as_str() || folder.starts_with(&format!("{s}/")))
    {
        return Some(sub.clone());
    }
    p.outermost_missing_dir(folder).map(str::to_string)
}

fn check_page(ctx: &Ctx, app_json: &str, page: &PageDecl) -> Option<Diagnostic> {
    let p = ctx.project;
    let base = p.in_root(&page.full);
    let wxml = [base.as_str(), ".wxml"].concat();
    let js = [base.as_str(), ".js"].concat();
    let ts = [base.as_str(), ".ts"].concat();
    let has_ts = p.exists(&ts);
    let mut missing = Vec::new();
    if !p.exists(&wxml) {
        missing.push(wxml.clone());
    }
    if !p.script_exists(&base) {
        missing.push(js.clone());
    }
    if missing.is_empty() {
        return None;
    }
    let help = help_for(ctx, &base, &missing, has_ts, &js);
    Some(missing_files(ctx, app_json, page, &missing, help))
}

fn help_for(
    ctx: &Ctx,
    base: &str,
    missing: &[String],
    has_ts: bool,
    js: &str,
) -> Option<crate::base::i18n::Text> {
    let p = ctx.project;
    if missing.iter().any(|m| m == js) && has_ts && !p.typescript {
        return Some(ctx.t(
            format!("only {base}.ts exists: add \"typescript\" to setting.useCompilerPlugins in project.config.json, or compile it to .js before upload"),
            format!("只有 {base}.ts：请在 project.config.json 的 setting.useCompilerPlugins 中加入 \"typescript\"，或在上传前编译为 .js"),
        ));
    }
    for m in missing {
        if let Some(found) = p.case_variant(m) {
            return Some(ctx.t(
                format!(
                    "found {found}: file names are case-sensitive on the phone, rename it to match"
                ),
                format!("找到了 {found}：手机上文件名区分大小写，请改为一致"),
            ));
        }
    }
    let folder = base.rsplit_once('/').map_or("", |(d, _)| d);
    let submodule = p
        .submodules
        .iter()
        .find(|s| folder == s.as_str() || folder.starts_with(&format!("{s}/")));
    if let Some(sub) = submodule {
        return Some(ctx.t(
            format!("{sub} is a git submodule that is not checked out: run `git submodule update --init {sub}`"),
            format!("{sub} 是未检出的 git 子模块：请运行 `git submodule update --init {sub}`"),
        ));
    }
    if missing.len() == 2 && !folder.is_empty() && !p.is_dir(folder) {
        return Some(ctx.t(
            format!(
                "the folder {folder} does not exist: create the page or remove it from app.json"
            ),
            format!("目录 {folder} 不存在：请创建该页面，或从 app.json 中删除"),
        ));
    }
    if missing.len() == 1 {
        let (have, need) = if missing[0].ends_with(".wxml") {
            (
                if has_ts && p.typescript {
                    format!("{base}.ts")
                } else {
                    js.to_string()
                },
                &missing[0],
            )
        } else {
            (format!("{base}.wxml"), &missing[0])
        };
        return Some(ctx.t(
            format!("{have} exists but {need} does not: a page needs both"),
            format!("{have} 存在但 {need} 不存在：页面两者都需要"),
        ));
    }
    None
}
