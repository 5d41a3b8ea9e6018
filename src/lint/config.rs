//! `mpcheck.json`: per-rule severity and excluded paths.
//!
//! ```json
//! { "rules": { "MP102": "off", "invalid-color": "warning" }, "exclude": ["vendor/**"] }
//! ```

use crate::analysis::schema::suggest;
use crate::base::diagnostic::Severity;
use crate::base::glob::GlobSet;
use crate::base::source::{Decoded, Source, Span, decode};
use crate::lint::rule::RuleMeta;
use crate::lint::rules;
use crate::syntax::json::{self, Json, JsonKind};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use crate::lint::rule::CONFIG_FILE;
const KEYS: &[&str] = &[
    "$schema", "rules", "exclude", "domains", "ignores", "limits", "widget",
];
const LEVELS: &str = "\"off\", \"info\", \"warning\" or \"error\"";

pub use crate::base::fsread::MAX_CONFIG_BYTES;

#[derive(Debug, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Rule code → configured level (`None` = off).
    levels: HashMap<&'static str, Option<Severity>>,
    pub exclude: GlobSet,
    /// The `exclude` patterns as written (for `--show-settings`).
    pub exclude_patterns: Vec<String>,
    /// `domains` (the whitelist) with the text of the file it is in.
    pub domains: Option<(Source, Json)>,
    /// `ignores`: findings of a rule in matching files are dropped.
    pub ignores: Vec<Ignore>,
    /// `limits`: package size limits of the account.
    pub limits: Limits,
    /// `widget`: `{"data": [globs]}`, the search Widget's template data files.
    pub widget_data: WidgetData,
}

pub use crate::analysis::package::Limits;
pub use crate::lint::rule::WidgetData;

/// A size: a number of bytes, or a string with a unit (`"2MB"`, `"512 KB"`, `"1.5MB"`; KB and
/// MB are 1024-based, as the platform counts).
fn parse_size(v: &Json) -> Option<u64> {
    match &v.kind {
        JsonKind::Number(n) => (*n > 0.0).then_some(*n as u64),
        JsonKind::String(s) => {
            let t = s.trim().to_ascii_uppercase();
            let (num, unit) = match t.find(|c: char| c.is_ascii_alphabetic()) {
                Some(i) => (t[..i].trim(), t[i..].trim()),
                None => (t.as_str(), "B"),
            };
            let factor = match unit {
                "B" => 1.0,
                "KB" | "K" | "KIB" => 1024.0,
                "MB" | "M" | "MIB" => 1024.0 * 1024.0,
                _ => return None,
            };
            num.parse::<f64>()
                .ok()
                .filter(|n| *n > 0.0)
                .map(|n| (n * factor) as u64)
        }
        _ => None,
    }
}

fn parse_limits(v: &Json) -> Result<Limits, FieldError> {
    let help = || {
        Some("for example {\"package\": \"2MB\", \"total\": \"20MB\"}; sizes are bytes or strings with KB or MB".to_string())
    };
    let Some(members) = v.as_object() else {
        return Err((v.span, "\"limits\" must be an object".into(), help()));
    };
    let mut limits = Limits::default();
    for m in members {
        let slot = match m.key.as_str() {
            "package" => &mut limits.package,
            "total" => &mut limits.total,
            other => {
                return Err((
                    m.key_span,
                    format!("unknown limit \"{other}\""),
                    Some("known limits: package, total".into()),
                ));
            }
        };
        *slot = parse_size(&m.value).ok_or_else(|| {
            (
                m.value.span,
                format!("\"limits.{}\" must be a positive size", m.key),
                help(),
            )
        })?;
    }
    Ok(limits)
}

/// One `ignores` entry: `{"rule": "MP102", "path": "pages/legacy/**", "reason": "…"}`.
#[derive(Debug, Clone)]
pub struct Ignore {
    pub rule: &'static str,
    pub path: GlobSet,
    /// The entry's span in mpcheck.json.
    pub span: Span,
}

/// A problem in mpcheck.json: rendered with the file's text and exits 2.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub source: Option<Source>,
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

impl Config {
    /// The effective severity of a rule, `None` when it is off.
    pub fn severity(&self, rule: &RuleMeta) -> Option<Severity> {
        match self.levels.get(rule.code) {
            Some(level) => *level,
            None if rule.off_by_default => None,
            None => Some(rule.severity),
        }
    }

    /// The whitelist to use: `--domains FILE` if given, else `"domains"` in the loaded config.
    /// Diagnostics name its file relative to the project folder when it is inside it.
    pub fn whitelist(
        &self,
        file: Option<&std::path::Path>,
        project_dir: &std::path::Path,
    ) -> Result<Option<crate::analysis::domains::Whitelist>, String> {
        let display = |p: &std::path::Path| match p.canonicalize().ok().and_then(|c| {
            c.strip_prefix(project_dir)
                .ok()
                .map(std::path::Path::to_path_buf)
        }) {
            Some(rel) => rel.to_string_lossy().replace('\\', "/"),
            None => p.to_string_lossy().into_owned(),
        };
        if let Some(f) = file {
            return crate::analysis::domains::Whitelist::load_file(f, display(f))
                .map(Some)
                .map_err(|e| format!("--domains: {e}"));
        }
        let Some((source, value)) = &self.domains else {
            return Ok(None);
        };
        let name = self
            .path
            .as_deref()
            .map(display)
            .unwrap_or_else(|| "mpcheck.json".into());
        crate::analysis::domains::Whitelist::from_json(name.clone(), source.clone(), value)
            .map(Some)
            .map_err(|e| format!("{name}: \"domains\": {e}"))
    }

    /// The rule's level is set in the config file (not the default).
    pub fn sets_level(&self, rule: &RuleMeta) -> bool {
        self.levels.contains_key(rule.code)
    }

    /// This config with every rule off except `code` (a rule fixture's own mpcheck.json, for
    /// its `limits` or `domains`).
    pub fn restricted_to(self, code: &str) -> Config {
        Config {
            levels: Config::only(code).levels,
            ..self
        }
    }

    /// A config with every rule off except `code` (how the rule fixtures are tested).
    pub fn only(code: &str) -> Config {
        let levels = rules::RULES
            .iter()
            .map(|r| r.meta())
            .map(|m| (m.code, (m.code == code).then_some(m.severity)))
            .collect();
        Config {
            levels,
            ..Config::default()
        }
    }

    /// Loads `explicit`, else `mpcheck.json` in `project_dir` if it exists.
    pub fn load(explicit: Option<&Path>, project_dir: &Path) -> Result<Config, ConfigError> {
        let path = match explicit {
            Some(p) => p.to_path_buf(),
            None => {
                let p = project_dir.join(CONFIG_FILE);
                if !crate::base::fsread::is_present(&p) {
                    return Ok(Config::default());
                }
                p
            }
        };
        let err =
            |source: Option<Source>, span, message: String, help: Option<String>| ConfigError {
                path: path.clone(),
                source,
                span,
                message,
                help,
            };
        // `--config` names any file; the project's own mpcheck.json must stay inside it.
        let read = match explicit {
            Some(_) => crate::base::fsread::read_capped(&path, MAX_CONFIG_BYTES),
            None => project_dir
                .canonicalize()
                .map_err(|e| crate::base::fsread::ReadError::Io(e.to_string()))
                .and_then(|root| crate::base::fsread::read_inside(&root, &path, MAX_CONFIG_BYTES)),
        };
        let bytes = read.map_err(|e| {
            err(
                None,
                None,
                format!("config file {} {}", path.display(), e.describe()),
                Some(match (explicit, e) {
                    (_, crate::base::fsread::ReadError::TooLarge { .. }) => {
                        "an mpcheck.json is a few KB: check that the right file is given".into()
                    }
                    (None, _) => {
                        "mpcheck.json must be a regular file inside the project folder".into()
                    }
                    (Some(_), _) => "check the path given to --config".into(),
                }),
            )
        })?;
        let text = match decode(bytes) {
            Decoded::Text { text, .. } => text,
            Decoded::NotUtf8 { .. } => {
                return Err(err(
                    None,
                    None,
                    "config file is not UTF-8".into(),
                    Some("save mpcheck.json as UTF-8".into()),
                ));
            }
        };
        let source = Source::new(Arc::from(text.as_str()));
        let value = json::parse(&text).map_err(|e| {
            err(
                Some(source.clone()),
                Some(Span::new(e.offset, e.offset + e.len)),
                format!("invalid JSON in config file: {}", e.message.en()),
                Some("mpcheck.json must be strict JSON (no comments, no trailing commas)".into()),
            )
        })?;
        let at = |span: Span, message: String, help: Option<String>| {
            err(Some(source.clone()), Some(span), message, help)
        };
        let Some(members) = value.as_object() else {
            return Err(at(value.span, "config must be a JSON object".into(), None));
        };
        let mut config = Config {
            path: Some(path.clone()),
            ..Config::default()
        };
        for m in members {
            match m.key.as_str() {
                "$schema" => {}
                "domains" => config.domains = Some((source.clone(), m.value.clone())),
                "ignores" => {
                    config.ignores = parse_ignores(&m.value).map_err(|(s, msg, h)| at(s, msg, h))?
                }
                "limits" => {
                    config.limits = parse_limits(&m.value).map_err(|(s, msg, h)| at(s, msg, h))?
                }
                "widget" => {
                    config.widget_data =
                        parse_widget(&m.value, &path).map_err(|(s, msg, h)| at(s, msg, h))?
                }
                "rules" => {
                    config.levels = parse_rules(&m.value).map_err(|(s, msg, h)| at(s, msg, h))?
                }
                "exclude" => {
                    let patterns = string_list(&m.value).map_err(|s| {
                        at(
                            s,
                            "\"exclude\" must be an array of glob strings".into(),
                            None,
                        )
                    })?;
                    config.exclude = GlobSet::new(patterns.iter().map(|(p, _)| p.as_str()))
                        .map_err(|e| {
                            let span = patterns
                                .iter()
                                .find(|(p, _)| GlobSet::new([p.as_str()]).is_err())
                                .map_or(m.value.span, |(_, s)| *s);
                            at(span, format!("invalid glob in \"exclude\": {e}"), None)
                        })?;
                    config.exclude_patterns = patterns.into_iter().map(|(p, _)| p).collect();
                }
                other => {
                    let help = suggest(other, KEYS.iter().copied())
                        .map(|s| format!("did you mean \"{s}\"?"))
                        .or_else(|| Some(format!("known keys: {}", KEYS.join(", "))));
                    return Err(at(
                        m.key_span,
                        format!("unknown key \"{other}\" in config"),
                        help,
                    ));
                }
            }
        }
        Ok(config)
    }
}

type FieldError = (Span, String, Option<String>);

fn parse_rules(v: &Json) -> Result<HashMap<&'static str, Option<Severity>>, FieldError> {
    let Some(members) = v.as_object() else {
        return Err((
            v.span,
            "\"rules\" must be an object of rule → level".into(),
            Some(format!(
                "for example {{\"MP102\": \"off\"}}; levels are {LEVELS}"
            )),
        ));
    };
    let mut levels = HashMap::new();
    for m in members {
        let Some(rule) = rules::find(&m.key) else {
            let help = suggest(&m.key, rules::RULES.iter().map(|r| r.meta().name))
                .map(|s| format!("did you mean \"{s}\"? `mpcheck rules` lists every rule"))
                .or_else(|| Some("`mpcheck rules` lists every rule code and name".into()));
            return Err((m.key_span, format!("unknown rule \"{}\"", m.key), help));
        };
        let level = match &m.value.kind {
            JsonKind::String(s) if s == "off" => None,
            JsonKind::String(s) if Severity::parse(s).is_some() => Severity::parse(s),
            _ => {
                return Err((
                    m.value.span,
                    format!("invalid level for rule \"{}\"", m.key),
                    Some(format!("use {LEVELS}")),
                ));
            }
        };
        levels.insert(rule.meta().code, level);
    }
    Ok(levels)
}

fn parse_widget(v: &Json, path: &Path) -> Result<WidgetData, FieldError> {
    let shape =
        || Some("for example {\"widget\": {\"data\": [\"widget-data/*.json\"]}}".to_string());
    let Some(members) = v.as_object() else {
        return Err((v.span, "\"widget\" must be an object".into(), shape()));
    };
    let mut out = WidgetData {
        globs: Vec::new(),
        config: Some(path.to_path_buf()),
    };
    for m in members {
        if m.key != "data" {
            return Err((
                m.key_span,
                format!("unknown key \"{}\" in \"widget\"", m.key),
                Some("the only key is \"data\"".into()),
            ));
        }
        let patterns = string_list(&m.value).map_err(|s| {
            (
                s,
                "\"widget.data\" must be an array of glob strings".into(),
                shape(),
            )
        })?;
        for (p, span) in patterns {
            GlobSet::new([p.as_str()])
                .map_err(|e| (span, format!("invalid glob in \"widget.data\": {e}"), None))?;
            out.globs.push((p, span));
        }
    }
    Ok(out)
}

fn parse_ignores(v: &Json) -> Result<Vec<Ignore>, FieldError> {
    let shape = || {
        Some(
            "each entry is {\"rule\": \"MP102\", \"path\": \"glob\", \"reason\": \"why\"}"
                .to_string(),
        )
    };
    let Some(items) = v.as_array() else {
        return Err((v.span, "\"ignores\" must be an array".into(), shape()));
    };
    let mut out = Vec::new();
    for item in items {
        let field = |k: &str| item.get(k).and_then(Json::as_str);
        let (Some(rule), Some(path)) = (field("rule"), field("path")) else {
            return Err((
                item.span,
                "an ignore needs \"rule\" and \"path\"".into(),
                shape(),
            ));
        };
        if field("reason").is_none_or(|r| r.trim().is_empty()) {
            return Err((
                item.span,
                "an ignore needs a \"reason\"".into(),
                Some("say why the finding is accepted, for whoever reads this next".into()),
            ));
        }
        let Some(found) = rules::find(rule) else {
            return Err((
                item.get("rule").map_or(item.span, |r| r.span),
                format!("unknown rule \"{rule}\""),
                Some("`mpcheck rules` lists every rule".into()),
            ));
        };
        let glob = GlobSet::new([path]).map_err(|e| {
            (
                item.get("path").map_or(item.span, |p| p.span),
                format!("invalid glob: {e}"),
                None,
            )
        })?;
        out.push(Ignore {
            rule: found.meta().code,
            path: glob,
            span: item.span,
        });
    }
    Ok(out)
}

fn string_list(v: &Json) -> Result<Vec<(String, Span)>, Span> {
    let items = v.as_array().ok_or(v.span)?;
    items
        .iter()
        .map(|i| i.as_str().map(|s| (s.to_string(), i.span)).ok_or(i.span))
        .collect()
}
