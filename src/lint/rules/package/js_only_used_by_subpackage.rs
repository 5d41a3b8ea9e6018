//! MP409: a JS file in the main package that only subpackages load (`require`, `import`,
//! `import()`), never the main package itself: the code-quality scan's CONTAINS_OTHER_PKG_JS.
//! It weighs on the main package, which every user downloads first, for code only those
//! subpackages run. The subpackages are named.

use crate::analysis::package::human_bytes;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use std::collections::{BTreeMap, BTreeSet};

crate::declare_rule! {
    JsOnlyUsedBySubpackage, code: "MP409", name: "js-only-used-by-subpackage", group: Package, severity: Warning,
    summary: ["A main-package JS file is loaded only by subpackages", "主包中的 JS 文件只被分包引用"],
    needs: [Upload],
}

/// The finding at the main-package JS file `target` (`size` bytes) that only the subpackages
/// `names` load.
fn only_subpackages(ctx: &Ctx, target: &str, names: &[&str], size: u64) -> Diagnostic {
    let (message, help) = match names {
        [name] => (
            ctx.t(
                format!("only subpackage {name} loads this main-package file ({}); it is downloaded with the main package for nothing", human_bytes(size)),
                format!("只有分包 {name} 引用这个主包文件（{}），它却随主包一起下载", human_bytes(size)),
            ),
            ctx.t(
                format!("move it into {name} (code-quality item CONTAINS_OTHER_PKG_JS)"),
                format!("请把它移到 {name} 中（代码质量项 CONTAINS_OTHER_PKG_JS）"),
            ),
        ),
        _ => (
            ctx.t(
                format!("only subpackages {} load this main-package file ({}); the main package never does", names.join(", "), human_bytes(size)),
                format!("只有分包 {} 引用这个主包文件（{}），主包本身并不使用", names.join("、"), human_bytes(size)),
            ),
            ctx.t(
                "keep a copy in each subpackage that uses it, or keep it here if the main package will use it (code-quality item CONTAINS_OTHER_PKG_JS)".into(),
                "可在每个用到它的分包中各放一份；若主包将来会用到，也可保留（代码质量项 CONTAINS_OTHER_PKG_JS）".into(),
            ),
        ),
    };
    Diagnostic::new(&META, target, None, message).help(help)
}

impl Rule for JsOnlyUsedBySubpackage {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let upload = ctx.analysis.upload();
        let package: BTreeMap<&str, usize> = upload
            .files
            .iter()
            .map(|f| (f.path.as_str(), f.package))
            .collect();
        // Which packages load each module.
        let mut users: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
        let mut paths: Vec<&String> = p.modules.keys().collect();
        paths.sort();
        for from in paths {
            let Some(&from_pkg) = package.get(from.as_str()) else {
                continue;
            };
            for target in ctx
                .analysis
                .module_deps()
                .get(from.as_str())
                .into_iter()
                .flatten()
            {
                users.entry(target.as_str()).or_default().insert(from_pkg);
            }
        }
        for (target, pkgs) in users {
            if package.get(target) != Some(&0)
                || pkgs.contains(&0)
                || !crate::base::ascii::ends_with_ignore_case(target, ".js")
            {
                continue;
            }
            let names: Vec<&str> = pkgs
                .iter()
                .map(|&i| upload.packages[i].name.as_str())
                .collect();
            let size = upload
                .files
                .iter()
                .find(|f| f.path == target)
                .map_or(0, |f| f.size);
            out.push(only_subpackages(ctx, target, &names, size));
        }
    }
}
