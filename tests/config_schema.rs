//! `mpcheck.schema.json`, the JSON Schema of mpcheck.json (for editors): it names every rule
//! and no other, it agrees with mpcheck on every fixture's mpcheck.json, and on a set of
//! valid and invalid configs. Validated with the `jsonschema` crate (a real draft 2020-12
//! validator, no network).
//!
//! The rule parts (`properties.rules`, `$defs.rule`) are generated from `mpcheck::lint::rules::RULES`;
//! after adding or renaming a rule, regenerate them with
//! `MPCHECK_UPDATE_SCHEMA=1 cargo test --release --test config_schema`.

mod common;

use common::{mpcheck, root};
use mpcheck::lint::config::Config;
use serde_json::{Map, Value, json};
use std::path::Path;

fn schema_path() -> std::path::PathBuf {
    root().join("mpcheck.schema.json")
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(schema_path()).unwrap()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema compiles")
}

/// `schema` with its rule parts generated from the rule list.
fn regenerated(mut schema: Value) -> Value {
    let metas: Vec<_> = mpcheck::lint::rules::RULES
        .iter()
        .map(|r| r.meta())
        .collect();
    let mut props = Map::new();
    for m in &metas {
        let default = if m.off_by_default {
            format!("off by default ({} when on)", m.severity)
        } else {
            format!("{} by default", m.severity)
        };
        let text = format!(
            "{} {}: {} ({default}; `mpcheck explain {}`)",
            m.code, m.name, m.summary, m.code
        );
        props.insert(
            m.code.to_string(),
            json!({"description": text, "$ref": "#/$defs/level"}),
        );
    }
    for m in &metas {
        props.insert(
            m.name.to_string(),
            json!({"description": format!("{} (the name of {})", m.summary, m.code), "$ref": "#/$defs/level"}),
        );
    }
    let mut names: Vec<&str> = metas.iter().flat_map(|m| [m.code, m.name]).collect();
    names.sort_unstable();
    let digits: Vec<&str> = metas.iter().map(|m| &m.code[2..]).collect();
    schema["properties"]["rules"] = json!({
        "description": "Rule code or name → level. Codes may be written in any case (\"mp102\"). Rules that are off by default run when given a level here.",
        "type": "object",
        "properties": props,
        "propertyNames": {"$ref": "#/$defs/rule"},
        "additionalProperties": {"$ref": "#/$defs/level"}
    });
    schema["$defs"]["rule"] = json!({
        "description": "A rule code (any case) or name; `mpcheck rules` lists them.",
        "type": "string",
        "anyOf": [
            {"enum": names},
            {"pattern": format!("^[Mm][Pp]({})$", digits.join("|"))}
        ]
    });
    schema
}

#[test]
fn the_rule_parts_are_generated_from_the_rule_list() {
    let current = schema();
    let expected = regenerated(current.clone());
    if current != expected {
        if std::env::var_os("MPCHECK_UPDATE_SCHEMA").is_some() {
            let mut text = serde_json::to_string_pretty(&expected).unwrap();
            text.push('\n');
            std::fs::write(schema_path(), text).unwrap();
            return;
        }
        panic!(
            "mpcheck.schema.json does not list the rules as they are: run\n  MPCHECK_UPDATE_SCHEMA=1 cargo test --release --test config_schema\nand commit the result"
        );
    }
}

#[test]
fn every_rule_is_in_the_schema_and_nothing_else() {
    let schema = schema();
    let props = schema["properties"]["rules"]["properties"]
        .as_object()
        .unwrap();
    let validator = validator();
    for r in mpcheck::lint::rules::RULES {
        let m = r.meta();
        assert!(props.contains_key(m.code), "{} missing", m.code);
        assert!(props.contains_key(m.name), "{} missing", m.name);
        for key in [
            m.code.to_string(),
            m.code.to_lowercase(),
            m.name.to_string(),
        ] {
            assert!(
                validator.is_valid(&json!({"rules": {key.clone(): "warn"}})),
                "{key}"
            );
        }
    }
    for key in props.keys() {
        assert!(
            mpcheck::lint::rules::find(key).is_some(),
            "{key} is not a rule"
        );
    }
    for key in ["MP999", "mp99", "unknown-rule", "MP102x"] {
        assert!(
            !validator.is_valid(&json!({"rules": {key: "off"}})),
            "{key}"
        );
        assert!(
            !validator.is_valid(&json!({"ignores": [{"rule": key, "path": "a", "reason": "b"}]})),
            "{key}"
        );
    }
}

/// Whether mpcheck accepts the config at `path` for the project in `dir`: it loads, and its
/// domain whitelist (if any) is usable.
fn mpcheck_accepts(path: &Path, dir: &Path) -> bool {
    match Config::load(Some(path), dir) {
        Ok(config) => config.whitelist(None, dir).is_ok(),
        Err(_) => false,
    }
}

#[test]
fn the_schema_and_mpcheck_agree_on_every_fixture_config() {
    let validator = validator();
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(root().join("fixtures")) {
        let entry = entry.unwrap();
        if entry.file_name() != "mpcheck.json" {
            continue;
        }
        seen += 1;
        let path = entry.path();
        let text = std::fs::read_to_string(path).unwrap();
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            assert!(!mpcheck_accepts(path, path.parent().unwrap()));
            continue;
        };
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert_eq!(
            errors.is_empty(),
            mpcheck_accepts(path, path.parent().unwrap()),
            "{}: schema says {errors:?}",
            path.display()
        );
    }
    assert!(seen > 50, "{seen} configs");
}

/// Each config given with `--config` to `check` on the clean fixture: mpcheck's exit code
/// and the schema's verdict.
fn agree(config: &Value) -> (Option<i32>, bool) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.json");
    std::fs::write(&path, serde_json::to_string(config).unwrap()).unwrap();
    let o = mpcheck(
        &root().join("fixtures/clean"),
        &["check", "-f", "concise", "--config", path.to_str().unwrap()],
    );
    (o.status.code(), validator().is_valid(config))
}

#[test]
fn valid_configs_pass_both() {
    for config in [
        json!({}),
        json!({"$schema": "./node_modules/mpcheck/mpcheck.schema.json"}),
        json!({"$schema": "./mpcheck.schema.json", "rules": {"MP102": "off", "invalid-color": "warn", "mp105": "error", "MP306": "info"}}),
        json!({"exclude": ["miniprogram_npm", "pages/legacy/**"], "widget": {"data": ["widget-data/*.json"]}}),
        json!({"limits": {"package": "2MB", "total": 20971520}}),
        json!({"limits": {"package": " 1.5 mb ", "total": "30MiB"}}),
        json!({"domains": {"request": ["https://api.example.com"], "socket": ["wss://ws.example.com"]}}),
        json!({"domains": {"requestdomain": ["https://api.example.com"], "errcode": 0, "errmsg": "ok"}}),
        json!({"ignores": [{"rule": "unknown-field", "path": "pages/legacy/**", "reason": "kept for old clients", "note": "x"}]}),
    ] {
        // Accepted: the check runs (exit 0, or 1 for what it finds, as a `widget.data` glob
        // that matches nothing), and is not refused as a usage error (2).
        let (code, valid) = agree(&config);
        assert!(
            matches!(code, Some(0 | 1)) && valid,
            "{config}: {code:?} {valid}"
        );
    }
}

#[test]
fn domain_entries_that_are_not_strings_are_findings_and_schema_errors() {
    // The one place the schema is stricter than loading: mpcheck loads the whitelist and
    // reports the entry (MP308, a warning: exit 0); the schema asks for strings, so an editor
    // flags it where it is typed.
    assert_eq!(
        agree(&json!({"domains": {"request": [1]}})),
        (Some(0), false)
    );
}

#[test]
fn invalid_configs_fail_both() {
    for config in [
        json!([]),
        json!({"rule": {}}),
        json!({"rules": {"MP999": "off"}}),
        json!({"rules": {"MP102": "warnings"}}),
        json!({"rules": {"MP102": false}}),
        json!({"rules": []}),
        json!({"exclude": "vendor/**"}),
        json!({"exclude": [1]}),
        json!({"limits": {"package": "2GB"}}),
        json!({"limits": {"package": 0}}),
        json!({"limits": {"package": "0MB"}}),
        json!({"limits": {"pkg": "2MB"}}),
        json!({"widget": {"files": []}}),
        json!({"widget": {"data": "a.json"}}),
        json!({"ignores": [{"rule": "MP102", "path": "a/**"}]}),
        json!({"ignores": [{"rule": "MP102", "path": "a/**", "reason": "  "}]}),
        json!({"ignores": [{"rule": "MP999", "path": "a/**", "reason": "x"}]}),
        json!({"ignores": {"rule": "MP102"}}),
        json!({"domains": {"errcode": 0}}),
        json!({"domains": {"request": "https://api.example.com"}}),
        json!({"domains": []}),
    ] {
        assert_eq!(agree(&config), (Some(2), false), "{config}");
    }
}
