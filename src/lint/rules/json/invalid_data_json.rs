//! MP005: a `.json` file of the package that is not configuration (data loaded with
//! `require('./data.json')`, package.json, ...) is empty, not UTF-8, not valid JSON or starts
//! with a BOM. The official compile step accepts such a file; the code that loads it fails at
//! run time. Editor and tool configs that are JSON-with-comments by design (`tsconfig*.json`,
//! `jsconfig*.json`, `.eslintrc.json`, anything under `.vscode/` or `.idea/`) and
//! mpcheck.json are left alone, as are search Widget data files listed in mpcheck.json
//! (MP550 reports them).

use super::invalid_json::json_problems;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::project::ProjectFile;

crate::declare_rule! {
    InvalidDataJson, code: "MP005", name: "invalid-data-json", group: Json, severity: Warning,
    summary: ["A data JSON file (not configuration) is empty, not UTF-8 or not valid JSON", "数据 JSON 文件（非配置文件）为空、不是 UTF-8 编码或不是合法的 JSON"],
    needs: [Schemas],
    hooks: [File],
}

/// Tool configuration files that are JSON-with-comments by convention.
fn is_tool_config(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with("tsconfig")
        || name.starts_with("jsconfig")
        || name.starts_with(".eslintrc")
        || name.starts_with(".prettierrc")
        || name.starts_with(".babelrc")
        || name == crate::lint::rule::CONFIG_FILE
        || path
            .split('/')
            .any(|seg| matches!(seg, ".vscode" | ".idea" | ".husky"))
}

impl Rule for InvalidDataJson {
    fn check_file(&self, ctx: &Ctx, file: &ProjectFile, out: &mut Vec<Diagnostic>) {
        if file.json.is_some()
            && ctx.analysis.role(&file.path).is_none()
            && !is_tool_config(&file.path)
            // A search Widget data file listed in mpcheck.json: MP550 reports it.
            && !ctx.is_widget_data(&file.path)
        {
            json_problems(&META, ctx, file, out);
        }
    }
}
