//! Releasing: what must hold before the code is uploaded (MP600–MP699). MP600 runs in every
//! `check`; the others check `mpcheck release`'s own arguments and run only there
//! ([`Ctx::release`](crate::lint::rule::Ctx) is `Some`).

pub mod invalid_robot;
pub mod invalid_upload_appid;
pub mod invalid_upload_version;
pub mod private_key_in_upload;
pub mod upload_description_too_long;
pub mod upload_key_invalid;

pub use crate::lint::rule::{Given, ReleaseArgs};

/// A command-line value in a message: quoted, on one line, control characters escaped.
pub(crate) fn quoted(value: &str) -> String {
    format!("\"{}\"", crate::base::escape::line(value))
}
