//! MP002: a file or folder of the package cannot be read: permissions, a symlink loop, a
//! symlink that leaves the project, a special file, or a file too large to check.

use crate::diagnostic::Diagnostic;
use crate::project::{JsonProblem, MAX_JSON_BYTES, WalkProblemKind};
use crate::rule::{Ctx, Rule};

crate::rule_meta!(
    "MP002",
    "unreadable-file",
    Json,
    Error,
    "A file or folder cannot be read, or a symlink loops or leaves the project",
    "文件或目录无法读取，或符号链接循环、指向项目之外"
);

pub struct UnreadableFile;

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static crate::rule::RuleMeta {
        &META
    }

    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for problem in &p.walk_problems {
            let (en, zh, help_en, help_zh) = match &problem.kind {
                WalkProblemKind::SymlinkLoop => (
                    "symlink loop: this folder links back to one of its parents".to_string(),
                    "符号链接循环：该目录链接回了它的上级目录".to_string(),
                    "remove the link; the packer cannot upload a loop",
                    "删除该链接；打包工具无法上传循环链接",
                ),
                WalkProblemKind::SymlinkOutside(target) => (
                    format!(
                        "symlink leaves the project (points to {})",
                        target.display()
                    ),
                    format!("符号链接指向项目之外（链接到 {}）", target.display()),
                    "copy the files into the project; mpcheck does not follow links outside it",
                    "请把文件复制到项目内；mpcheck 不跟随指向项目外的链接",
                ),
                WalkProblemKind::NotRegular => (
                    "not a regular file (a device, socket or pipe); skipped".to_string(),
                    "不是普通文件（设备、套接字或管道），已跳过".to_string(),
                    "remove it from the miniprogram folder",
                    "请将其移出小程序目录",
                ),
                WalkProblemKind::NonUtf8Name => (
                    "file name is not valid UTF-8; skipped".to_string(),
                    "文件名不是合法的 UTF-8，已跳过".to_string(),
                    "rename it with UTF-8 characters; such names cannot be uploaded",
                    "请用 UTF-8 字符重命名；这样的文件名无法上传",
                ),
                WalkProblemKind::Io(e) => (
                    format!("cannot read: {e}"),
                    format!("无法读取：{e}"),
                    "check the file's permissions; unreadable files are not uploaded",
                    "请检查文件权限；无法读取的文件不会被上传",
                ),
            };
            out.push(
                Diagnostic::new(&META, &problem.rel, None, ctx.t(en, zh))
                    .help(ctx.t(help_en.into(), help_zh.into())),
            );
        }
        for f in &p.files {
            let Some(Err(problem)) = f.json.as_ref().map(|d| &d.value) else {
                continue;
            };
            let (en, zh) = match problem {
                JsonProblem::Unreadable(e) => {
                    (format!("cannot read: {e}"), format!("无法读取：{e}"))
                }
                JsonProblem::TooLarge(size) => (
                    format!(
                        "file is too large to check ({size} bytes, limit {MAX_JSON_BYTES}); \
                         no mini program package can hold it"
                    ),
                    format!("文件过大（{size} 字节，上限 {MAX_JSON_BYTES}），无法检查"),
                ),
                _ => continue,
            };
            out.push(Diagnostic::new(&META, &f.path, None, ctx.t(en, zh)));
        }
    }
}
