//! MP131: `libVersion` is not `latest`, `trial`, `widelyUsed`, `development`, empty, or a
//! version number like `3.0.0`. The compile step rejects it.

use super::configs;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidLibVersion, code: "MP131", name: "invalid-lib-version", group: Config, severity: Error,
    summary: ["libVersion is not a base library version or a known alias", "libVersion 不是基础库版本号或有效的别名"],
}

const ALIASES: &[&str] = &["", "development", "latest", "trial", "widelyUsed"];

/// The official pattern `^[0-9]*.[0-9]*.[0-9]*$` (the dots match any character).
fn is_version(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    for part in 0..3 {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if part < 2 {
            if i >= b.len() {
                return false;
            }
            i += 1;
        }
    }
    i == b.len()
}

/// The finding at a `libVersion` that is neither a version nor an alias.
fn unknown_version(
    ctx: &Ctx,
    file: &str,
    version: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("[\"libVersion\"] \"{version}\" field needs to be a version such as \"3.0.0\" or one of \"latest\", \"trial\", \"widelyUsed\", \"development\""),
            format!("[\"libVersion\"] \"{version}\" 字段需为版本号（如 \"3.0.0\"）或 \"latest\"、\"trial\"、\"widelyUsed\"、\"development\" 之一"),
        ),
    )
    .label(ctx.t("unknown base library".into(), "未知的基础库版本".into()))
    .help(ctx.did_you_mean_then(
        suggestion,
        ctx.t(
            "pick the minimum base library your code needs".into(),
            "请填写代码所需的最低基础库版本".into(),
        ),
    ))
}

impl Rule for InvalidLibVersion {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        for (file, cfg) in configs(ctx) {
            let Some(v) = cfg.get("libVersion") else {
                continue;
            };
            let Some(version) = v.as_str() else { continue };
            if ALIASES.contains(&version) || is_version(version) {
                continue;
            }
            let suggestion =
                crate::analysis::schema::suggest(version, ALIASES[1..].iter().copied());
            out.push(unknown_version(ctx, file, version, v.span, suggestion));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn versions() {
        for ok in ["3.0.0", "2.10.3", "1.1.1"] {
            assert!(super::is_version(ok), "{ok}");
        }
        for bad in ["dev", "3.0", "v3.0.0", "3.0.0-beta"] {
            assert!(!super::is_version(bad), "{bad}");
        }
    }
}
