//! MP403: a file under the miniprogram root whose extension the platform does not take
//! (`.webp`, `.ttf`, `.woff`, `.txt`, …): the packer drops it without a word and whatever refers
//! to it fails on the phone. Files that are plainly not meant for the package (dotfiles,
//! Markdown, licences, source maps, compiler-plugin sources, editor and build configs, test
//! folders and snapshots) are not reported.

use crate::analysis::package::Dropped;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    FileNotUploaded, code: "MP403", name: "file-not-uploaded", group: Package, severity: Warning,
    summary: ["A file under the miniprogram root is silently left out of the upload", "代码目录中的文件不会被上传"],
    needs: [Upload],
}

/// Extensions of files that live in a project but never belong in the package.
const DEVELOPMENT_FILES: &[&str] = &[
    "md",
    "markdown",
    "map",
    "ts",
    "tsx",
    "less",
    "sass",
    "scss",
    "styl",
    "vue",
    "yml",
    "yaml",
    "toml",
    "lock",
    "log",
    "txt~",
    "bak",
    "orig",
    "sh",
    "bat",
    "ps1",
    "py",
    "rb",
    "psd",
    "sketch",
    "fig",
    "xd",
    "ai",
    "eslintrc",
    "prettierrc",
    "editorconfig",
    "gitignore",
    "npmignore",
    "snap",
];

/// Folders of tests, never part of the app.
const TEST_FOLDERS: &[&str] = &["__test__", "__tests__", "__snapshots__", "__mocks__"];

fn development_file(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    name.starts_with('.')
        || path.split('/').any(|seg| TEST_FOLDERS.contains(&seg))
        || !lower.contains('.')
        || lower.starts_with("license")
        || lower.starts_with("licence")
        || lower.starts_with("readme")
        || lower.starts_with("changelog")
        || DEVELOPMENT_FILES.contains(&ext)
}

/// The finding at `path`, which the packer drops for its extension.
fn not_uploaded(ctx: &Ctx, path: &str) -> Diagnostic {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    Diagnostic::new(
        &META,
        path,
        None,
        ctx.t(
            format!("not uploaded: .{ext} is not a file type mini programs may contain, so the packer drops it silently"),
            format!("不会被上传：小程序代码包不支持 .{ext} 类型的文件，打包时会被静默忽略"),
        ),
    )
    .help(ctx.t(
        "serve it from a CDN or the cloud storage and refer to it by https URL, or convert it (fonts: wx.loadFontFace with a URL; .webp images: .png/.jpg)".into(),
        "请放到 CDN 或云存储并用 https 地址引用，或转换格式（字体用 wx.loadFontFace 加载网络地址；.webp 图片改为 .png/.jpg）".into(),
    ))
}

impl Rule for FileNotUploaded {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let upload = ctx.analysis.upload();
        for (path, _, why) in &upload.dropped {
            if *why != Dropped::Extension || development_file(path) {
                continue;
            }
            out.push(not_uploaded(ctx, path));
        }
    }
}
