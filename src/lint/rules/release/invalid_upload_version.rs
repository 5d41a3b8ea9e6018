//! MP601: `mpcheck release --version` is empty or not what DevTools' upload dialog takes
//! (`[0-9A-Za-z.]{1,20}`); for a plugin project (`compileType: "plugin"`) it must be
//! `x.y.z`, each part a whole number at most 999. miniprogram-ci itself sends anything.

use super::quoted;
use crate::base::diagnostic::{ARGUMENTS, Diagnostic};
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    InvalidUploadVersion, code: "MP601", name: "invalid-upload-version", group: Release, severity: Error,
    summary: ["The upload version is empty or not letters, digits and dots (x.y.z for a plugin)", "上传版本号为空，或不是字母、数字和点（插件须为 x.y.z）"],
}

/// DevTools' upload dialog: at most this many characters.
const MAX_LEN: usize = 20;
/// A plugin version part: at most this.
const MAX_PART: u32 = 999;

/// What is wrong with `version`, in English and Chinese (`None`: nothing).
fn problem(version: &str, plugin: bool) -> Option<(String, String)> {
    let v = quoted(version);
    if version.is_empty() {
        return Some((
            "the upload version (--version) is empty".into(),
            "上传版本号（--version）为空".into(),
        ));
    }
    if plugin {
        let parts: Vec<&str> = version.split('.').collect();
        if parts.len() != 3 {
            return Some((
                format!(
                    "plugin version {v} has {} part(s); a plugin's version is x.y.z",
                    parts.len()
                ),
                format!("插件版本号 {v} 有 {} 段；插件版本号须为 x.y.z", parts.len()),
            ));
        }
        for (i, part) in parts.iter().enumerate() {
            let n = i + 1;
            if part.is_empty() {
                return Some((
                    format!("plugin version {v}: part {n} is empty"),
                    format!("插件版本号 {v}：第 {n} 段为空"),
                ));
            }
            if let Some(c) = part.chars().find(|c| !c.is_ascii_digit()) {
                let c = quoted(&c.to_string());
                return Some((
                    format!("plugin version {v}: part {n} has {c}, which is not a digit"),
                    format!("插件版本号 {v}：第 {n} 段含有非数字字符 {c}"),
                ));
            }
            // All digits: a long part is over the maximum whatever its value.
            let value = part.trim_start_matches('0');
            if value.len() > 3 || value.parse::<u32>().unwrap_or(0) > MAX_PART {
                let p = quoted(part);
                return Some((
                    format!("plugin version {v}: part {n} is {p}, over {MAX_PART}"),
                    format!("插件版本号 {v}：第 {n} 段 {p} 大于 {MAX_PART}"),
                ));
            }
        }
        return None;
    }
    if let Some((i, c)) = version
        .chars()
        .enumerate()
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '.'))
    {
        let n = i + 1;
        let c = quoted(&c.to_string());
        return Some((
            format!("upload version {v}: character {n}, {c}, is not a letter, digit or dot"),
            format!("上传版本号 {v}：第 {n} 个字符 {c} 不是字母、数字或点"),
        ));
    }
    let len = version.chars().count();
    if len > MAX_LEN {
        return Some((
            format!("upload version {v} is {len} characters long; the limit is {MAX_LEN}"),
            format!("上传版本号 {v} 长 {len} 个字符，最多 {MAX_LEN} 个"),
        ));
    }
    None
}

/// The finding at the arguments for the version problem `en`/`zh` (of a plugin project when
/// `plugin`).
fn invalid_version(ctx: &Ctx, en: String, zh: String, plugin: bool) -> Diagnostic {
    let help = if plugin {
        ctx.t(
            "a plugin project (compileType \"plugin\" in project.config.json) is uploaded with a version x.y.z, each part 0–999, e.g. --version 1.2.0".into(),
            "插件项目（project.config.json 中 compileType 为 \"plugin\"）的版本号须为 x.y.z，每段 0–999，例如 --version 1.2.0".into(),
        )
    } else {
        ctx.t(
            "use letters, digits and dots only, at most 20 characters (what DevTools' upload dialog accepts), e.g. --version 1.4.2".into(),
            "版本号只能包含字母、数字和点，最多 20 个字符（与开发者工具上传对话框一致），例如 --version 1.4.2".into(),
        )
    };
    Diagnostic::new(&META, ARGUMENTS, None, ctx.t(en, zh)).help(help)
}

impl Rule for InvalidUploadVersion {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some(args) = ctx.release else { return };
        let plugin = ctx
            .project
            .project_config()
            .and_then(|cfg| cfg.get("compileType"))
            .and_then(|ct| ct.as_str())
            == Some("plugin");
        let Some((en, zh)) = problem(&args.version, plugin) else {
            return;
        };
        out.push(invalid_version(ctx, en, zh, plugin));
    }
}

#[cfg(test)]
mod tests {
    use super::problem;

    fn err(v: &str, plugin: bool) -> String {
        problem(v, plugin).map(|(en, _)| en).unwrap_or_default()
    }

    #[test]
    fn versions() {
        for ok in ["1.0.0", "v2", "2026.11.30", "A", "12345678901234567890"] {
            assert!(problem(ok, false).is_none(), "{ok}");
        }
        assert!(err("", false).contains("empty"));
        assert!(err("1.0.0-beta", false).contains("character 6, \"-\""));
        assert!(err("1 0", false).contains("\" \""));
        assert!(err("版本1", false).contains("character 1"));
        assert!(err("123456789012345678901", false).contains("21 characters"));
        for ok in ["1.0.0", "999.999.999", "0.0.1", "001.2.3"] {
            assert!(problem(ok, true).is_none(), "{ok}");
        }
        assert!(err("1.0", true).contains("2 part(s)"));
        assert!(err("1..0", true).contains("part 2 is empty"));
        assert!(err("1.0.x", true).contains("part 3 has \"x\""));
        assert!(err("1.1000.0", true).contains("part 2 is \"1000\", over 999"));
        assert!(err("1.0.99999999999999999999", true).contains("over 999"));
        assert!(err("v1", true).contains("1 part(s)"));
    }
}
