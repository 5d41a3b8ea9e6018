//! MP002: a file or folder of the package cannot be read: permissions, a symlink loop, a
//! symlink that leaves the project, a special file, a file too large to check, or a code file
//! that is not UTF-8 text.

use crate::base::diagnostic::Diagnostic;
use crate::base::fsread::ReadError;
use crate::lint::rule::{Ctx, Rule};
use crate::project::{JsonProblem, WalkProblem, WalkProblemKind};

crate::declare_rule! {
    UnreadableFile, code: "MP002", name: "unreadable-file", group: Json, severity: Error,
    summary: ["A file or folder cannot be read, or a symlink loops or leaves the project", "文件或目录无法读取，或符号链接循环、指向项目之外"],
}

/// Message and help for a file that was not read.
fn read_error(e: &ReadError) -> (String, String, &'static str, &'static str) {
    match e {
        ReadError::NotFound => (
            "cannot read: the file disappeared while mpcheck ran".into(),
            "无法读取：文件在检查过程中消失".into(),
            "run mpcheck again once nothing else is changing the project",
            "请在项目不再变动时重新运行 mpcheck",
        ),
        ReadError::Folder => (
            "is a folder where a file is expected; not read".into(),
            "应为文件，却是一个目录；未读取".into(),
            "replace the folder with the file",
            "请用文件替换该目录",
        ),
        ReadError::NotRegular => (
            "not a regular file (a device, socket or pipe); not read".into(),
            "不是普通文件（设备、套接字或管道），未读取".into(),
            "replace it with a regular file",
            "请将其替换为普通文件",
        ),
        ReadError::TooLarge { size, limit } => (
            format!("file is too large to check ({size} bytes, limit {limit}); no mini program package can hold it"),
            format!("文件过大（{size} 字节，上限 {limit}），无法检查"),
            "a mini program package is at most a few MB: generated or vendored files this large belong outside the miniprogram root",
            "小程序包最大只有数 MB：如此大的生成文件或第三方文件应放在小程序目录之外",
        ),
        ReadError::Outside => (
            "symlink leaves the project; not read (mpcheck reads nothing outside the project folder)".into(),
            "符号链接指向项目之外；未读取（mpcheck 不读取项目目录之外的任何内容）".into(),
            "copy the file into the project instead of linking to it",
            "请把文件复制到项目内，而不是链接到项目外",
        ),
        ReadError::Io(e) => (
            format!("cannot read: {e}"),
            format!("无法读取：{e}"),
            "check the file's permissions; unreadable files are not uploaded",
            "请检查文件权限；无法读取的文件不会被上传",
        ),
    }
}

/// The finding at a file or folder the walk could not read.
fn walk_problem(ctx: &Ctx, problem: &WalkProblem) -> Diagnostic {
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
        WalkProblemKind::Read(e) => read_error(e),
        WalkProblemKind::NotUtf8 { encoding } if encoding.starts_with("GBK") => (
            format!(
                "not UTF-8 text (it looks like {encoding}); checked with the other characters replaced"
            ),
            format!("不是 UTF-8 文本（疑似 {encoding}），非 ASCII 字符已替换后检查"),
            "save it as UTF-8: the compiler reads code and templates as UTF-8, so its non-ASCII text is garbled on the phone",
            "请以 UTF-8 编码保存：编译器按 UTF-8 读取代码和模板，其中的非 ASCII 文本在手机上会变成乱码",
        ),
        WalkProblemKind::NotUtf8 { encoding } => (
            format!("not UTF-8 text (it looks like {encoding}); its contents are not checked"),
            format!("不是 UTF-8 文本（疑似 {encoding}），未检查其内容"),
            "save it as UTF-8: the compiler reads code and templates as UTF-8",
            "请以 UTF-8 编码保存：编译器按 UTF-8 读取代码和模板",
        ),
    };
    Diagnostic::new(&META, &problem.rel, None, ctx.t(en, zh))
        .help(ctx.t(help_en.into(), help_zh.into()))
}

/// The finding at a JSON file that was not read (`e`).
fn not_read(ctx: &Ctx, path: &str, e: &ReadError) -> Diagnostic {
    let (en, zh, help_en, help_zh) = read_error(e);
    Diagnostic::new(&META, path, None, ctx.t(en, zh)).help(ctx.t(help_en.into(), help_zh.into()))
}

impl Rule for UnreadableFile {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        for problem in p.walk_problems.iter().chain(&p.wxml().problems) {
            out.push(walk_problem(ctx, problem));
        }
        for f in &p.files {
            let Some(Err(problem)) = f.json.as_ref().map(|d| &d.value) else {
                continue;
            };
            let JsonProblem::Unreadable(e) = problem else {
                continue;
            };
            out.push(not_read(ctx, &f.path, e));
        }
    }
}
