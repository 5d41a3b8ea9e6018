//! Releasing: what must hold before the code is uploaded (MP600–MP699). MP600 runs in every
//! `check`; the others check `mpcheck release`'s own arguments and run only there
//! ([`Ctx::release`](crate::rule::Ctx) is `Some`).

pub mod invalid_robot;
pub mod invalid_upload_appid;
pub mod invalid_upload_version;
pub mod private_key_in_upload;
pub mod upload_description_too_long;
pub mod upload_key_invalid;

use std::path::PathBuf;

/// Where a release argument's value came from, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Given {
    /// A command-line option.
    Option,
    /// An environment variable (`MPCHECK_UPLOAD_KEY`).
    Env,
    /// `project.config.json` (the appid).
    ProjectConfig,
    /// The subject of the git HEAD commit (the description).
    GitHead,
}

/// `mpcheck release`'s arguments, as given (validated by the MP6xx rules).
#[derive(Debug, Clone, Default)]
pub struct ReleaseArgs {
    /// `--version`, as typed.
    pub version: String,
    /// The description and where it came from (`--desc`, else the git HEAD subject); `None`
    /// when neither exists (miniprogram-ci then writes its own).
    pub desc: Option<(String, Given)>,
    /// `--appid`, else project.config.json's `appid` (`None` when neither is a string).
    pub appid: Option<(String, Given)>,
    /// `--key`, else `$MPCHECK_UPLOAD_KEY`: the key file's path (`None`: neither is set).
    pub key: Option<(PathBuf, Given)>,
    /// `--robot`, as typed (default `"1"`).
    pub robot: String,
}

impl Given {
    pub fn describe(self) -> &'static str {
        match self {
            Given::Option => "the command line",
            Given::Env => "MPCHECK_UPLOAD_KEY",
            Given::ProjectConfig => "project.config.json",
            Given::GitHead => "the git HEAD commit's subject",
        }
    }

    /// [`describe`](Given::describe) in Chinese.
    pub fn describe_zh(self) -> &'static str {
        match self {
            Given::Option => "命令行",
            Given::Env => "MPCHECK_UPLOAD_KEY",
            Given::ProjectConfig => "project.config.json",
            Given::GitHead => "git HEAD 提交的标题",
        }
    }

    /// Where the value came from, in the language of `ctx`.
    pub fn describe_in(self, ctx: &crate::rule::Ctx) -> &'static str {
        ctx.lang.pick(self.describe(), self.describe_zh())
    }
}

/// A command-line value in a message: quoted, on one line, control characters escaped.
pub(crate) fn quoted(value: &str) -> String {
    format!("\"{}\"", crate::report::escape::line(value))
}
