//! project.config.json, project.private.config.json, plugin.json and ext.json.

pub mod invalid_appid;
pub mod invalid_compile_type;
pub mod invalid_ext_json;
pub mod invalid_lib_version;
pub mod invalid_pack_options;
pub mod invalid_plugin_project;
pub mod private_only_setting;
pub mod root_escapes_project;
pub mod url_check_disabled;

use crate::lint::rule::Ctx;
use crate::project::{PRIVATE_CONFIG, PROJECT_CONFIG};
use crate::syntax::json::Json;

/// project.config.json and, if present, project.private.config.json, with their values.
pub(crate) fn configs<'a>(ctx: &Ctx<'a>) -> Vec<(&'static str, &'a Json)> {
    [PROJECT_CONFIG, PRIVATE_CONFIG]
        .into_iter()
        .filter_map(|f| Some((f, ctx.project.json(f)?.value()?)))
        .collect()
}
