//! MP602: the upload description (`--desc`, else the git HEAD commit's subject) is longer than
//! 100 characters (Unicode characters, not bytes). miniprogram-ci sends any length.

use crate::base::diagnostic::{ARGUMENTS, Diagnostic};
use crate::lint::rule::{Ctx, Rule};

use super::Given;

crate::declare_rule! {
    UploadDescriptionTooLong, code: "MP602", name: "upload-description-too-long", group: Release, severity: Error,
    summary: ["The upload description is longer than 100 characters", "上传备注超过 100 个字符"],
}

const MAX_CHARS: usize = 100;

/// The finding at the arguments when the description (`given` there) is `n` characters long,
/// over [`MAX_CHARS`].
fn too_long(ctx: &Ctx, n: usize, given: &Given) -> Diagnostic {
    let (en, zh) = match given {
        Given::GitHead => (
            format!(
                "the upload description (the git HEAD commit's subject, as no --desc was given) is {n} characters long; the limit is {MAX_CHARS}"
            ),
            format!(
                "上传备注（未传 --desc，取自 git HEAD 提交的标题）长 {n} 个字符，最多 {MAX_CHARS} 个"
            ),
        ),
        other => (
            format!(
                "the upload description (from {}) is {n} characters long; the limit is {MAX_CHARS}",
                other.describe()
            ),
            format!(
                "上传备注（来自{}）长 {n} 个字符，最多 {MAX_CHARS} 个",
                other.describe_zh()
            ),
        ),
    };
    let help = match given {
        Given::GitHead => ctx.t(
            "pass a shorter one with --desc, or shorten the commit subject (git commit --amend)"
                .into(),
            "请用 --desc 传入较短的备注，或缩短提交标题（git commit --amend）".into(),
        ),
        _ => ctx.t(
            format!("shorten --desc to at most {MAX_CHARS} characters"),
            format!("请将 --desc 缩短到 {MAX_CHARS} 个字符以内"),
        ),
    };
    Diagnostic::new(&META, ARGUMENTS, None, ctx.t(en, zh)).help(help)
}

impl Rule for UploadDescriptionTooLong {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(args) = ctx.release else { return };
        let Some((desc, given)) = &args.desc else {
            return;
        };
        let n = desc.chars().count();
        if n <= MAX_CHARS {
            return;
        }
        out.push(too_long(ctx, n, given));
    }
}
