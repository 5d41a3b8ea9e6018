//! MP410: code files (`.js .ts .json .wxml .wxss .wxs .less .sass .scss`) under the
//! miniprogram root that nothing in the app reaches: not a page, not a component reached
//! through `usingComponents`, not loaded by `require`/`import`, `<import>`/`<include>`/
//! `<wxs src>`, a WXS `require` or a WXSS `@import`. With `setting.ignoreUploadUnusedFiles`
//! true the packer leaves them out, so they cost nothing; either way they are dead code (the
//! code-quality item CONTAINS_UNUSED_CODES). One finding per folder: a folder none of whose
//! code files is used is one finding (its outermost such folder), the other unused files one
//! finding per folder listing them. Not reported: files `packOptions` leaves out, files
//! `packOptions.include` keeps, tool configuration files (`package.json`, `mpcheck.json`,
//! `tsconfig.json`, ...), and the npm build output (`miniprogram_npm`) when the packer leaves
//! its unused files out anyway.

use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use rustc_hash::FxHashSet;
use std::collections::BTreeMap;

crate::declare_rule! {
    UnusedCodeFile, code: "MP410", name: "unused-code-file", group: Package, severity: Info,
    summary: ["Code files that nothing in the app uses", "没有被任何代码引用的文件"],
    needs: [Upload],
}

/// Unused files reported together: a folder none of whose code files is used (`whole`), or
/// the unused files of one folder that has used ones too.
struct Group<'a> {
    folder: &'a str,
    whole: bool,
    files: Vec<&'a str>,
}

/// The npm build output: DevTools copies whole packages into it, used or not.
fn is_npm_output(path: &str) -> bool {
    path.starts_with("miniprogram_npm/") || path.contains("/miniprogram_npm/")
}

/// The finding at the first file of `g` (the others are related locations); `dropped`: the
/// packer leaves unused files out.
fn unused_files(ctx: &Ctx, dropped: bool, g: &Group) -> Diagnostic {
    let n = g.files.len();
    let folder = format!("{}/", ctx.project.from_root(g.folder));
    let (what_en, what_zh) = if g.whole && n > 1 {
        (
            format!("nothing in the app uses the folder {folder} (none of its {n} code files)"),
            format!("没有任何代码使用目录 {folder}（其中 {n} 个代码文件都未被使用）"),
        )
    } else if n > 1 {
        let names: Vec<&str> = g
            .files
            .iter()
            .map(|f| f.rsplit('/').next().unwrap_or(f))
            .collect();
        let list = if names.len() > 4 {
            format!("{} and {} more", names[..3].join(", "), names.len() - 3)
        } else {
            names.join(", ")
        };
        let list_zh = if names.len() > 4 {
            format!("{} 等 {} 个", names[..3].join("、"), names.len())
        } else {
            names.join("、")
        };
        let place = if g.folder.is_empty() || g.folder == ctx.project.mp_root.trim_end_matches('/')
        {
            String::new()
        } else {
            format!(" in {folder}")
        };
        let place_zh = if place.is_empty() {
            String::new()
        } else {
            format!("{folder} 中")
        };
        (
            format!("nothing in the app uses {n} code files{place}: {list}"),
            format!("没有任何代码使用{place_zh}的 {n} 个代码文件：{list_zh}"),
        )
    } else {
        (
            "nothing in the app uses this file".to_string(),
            "没有任何代码使用这个文件".to_string(),
        )
    };
    let message = if dropped {
        ctx.t(
            format!("{what_en}; left out of the upload (ignoreUploadUnusedFiles)"),
            format!("{what_zh}；上传时会被忽略（ignoreUploadUnusedFiles）"),
        )
    } else {
        ctx.t(
            format!("{what_en}, and uploaded anyway (setting.ignoreUploadUnusedFiles is not true)"),
            format!("{what_zh}，但仍会被上传（setting.ignoreUploadUnusedFiles 不为 true）"),
        )
    };
    let npm = is_npm_output(g.files[0]);
    let help = if npm {
        ctx.t(
            "npm build output: set \"ignoreUploadUnusedFiles\": true in the setting of project.config.json so the packer leaves unused files out".into(),
            "这是 npm 构建产物：在 project.config.json 的 setting 中设置 \"ignoreUploadUnusedFiles\": true，上传时忽略未使用的文件".into(),
        )
    } else {
        let it = if n > 1 { "them" } else { "it" };
        ctx.t(
            format!("delete {it}, or move {it} out of the miniprogram root (code-quality item CONTAINS_UNUSED_CODES)"),
            "请删除，或移出小程序代码目录（代码质量项 CONTAINS_UNUSED_CODES）".into(),
        )
    };
    let mut d = Diagnostic::new(&META, g.files[0], None, message).help(help);
    for f in &g.files[1..] {
        d = d.related(*f, None, ctx.t("also unused".into(), "同样未被使用".into()));
    }
    d
}

impl Rule for UnusedCodeFile {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let dropped = p.upload_unused_files_dropped();
        let unused: Vec<&str> = ctx
            .analysis
            .upload()
            .unused
            .iter()
            .map(String::as_str)
            .filter(|f| !is_tool_config(f))
            .filter(|f| !(dropped && is_npm_output(f)))
            .collect();
        if unused.is_empty() {
            return;
        }
        // Folders that hold a code file the app uses (or one not reported): never "unused".
        let reported: FxHashSet<&str> = unused.iter().copied().collect();
        let mut touched: FxHashSet<&str> = FxHashSet::default();
        for f in &p.files {
            let path = f.path.as_str();
            if !path.starts_with(p.mp_root.as_str())
                || !crate::analysis::package::is_judged(path)
                || reported.contains(path)
            {
                continue;
            }
            let mut dir = path;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                if !touched.insert(parent) {
                    break;
                }
                dir = parent;
            }
        }
        let root = p.mp_root.trim_end_matches('/');
        let mut groups: BTreeMap<(&str, bool), Vec<&str>> = BTreeMap::new();
        for file in unused {
            let parent = file.rsplit_once('/').map_or("", |(d, _)| d);
            // The outermost folder below the miniprogram root with nothing used in it.
            let mut whole = None;
            let mut dir = parent;
            while !dir.is_empty() && dir != root && !touched.contains(dir) {
                whole = Some(dir);
                dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            }
            let key = match whole {
                Some(folder) => (folder, true),
                None => (parent, false),
            };
            groups.entry(key).or_default().push(file);
        }
        for ((folder, whole), files) in groups {
            out.push(unused_files(
                ctx,
                dropped,
                &Group {
                    folder,
                    whole,
                    files,
                },
            ));
        }
    }
}

/// Configuration files of development tools (mpcheck's own among them), which sit in the
/// miniprogram root when it is the project folder: not app code, not dead code.
fn is_tool_config(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    matches!(
        name,
        "mpcheck.json"
            | "package.json"
            | "package-lock.json"
            | "jsconfig.json"
            | "typings.json"
            | "tslint.json"
            | ".wechatide.ib.json"
            | "babel.config.js"
            | "gulpfile.js"
            | "webpack.config.js"
            | "rollup.config.js"
            | "jest.config.js"
            | "postcss.config.js"
            | "tailwind.config.js"
            | "commitlint.config.js"
            | "lint-staged.config.js"
            | "vite.config.js"
            | "vite.config.ts"
            | "vitest.config.ts"
    ) || (name.starts_with("tsconfig") && name.ends_with(".json"))
        || [
            ".eslintrc",
            ".prettierrc",
            ".stylelintrc",
            ".babelrc",
            "eslint.config",
            "prettier.config",
            "stylelint.config",
        ]
        .iter()
        .any(|prefix| name.starts_with(prefix))
}
