//! `usingComponents`: every entry resolves to a complete component in the right package.

pub mod component_missing_js;
pub mod component_not_found;
pub mod component_outside_root;
pub mod cross_package_component;
pub mod not_a_component;
pub mod npm_component_not_built;
pub mod plugin_component_undeclared;
pub mod typescript_not_compiled;

use crate::analysis::components::ComponentUse;
use crate::lint::rule::Ctx;

/// How a use is named in messages: `["usingComponents"]["tag"]: "path"`.
pub(crate) fn describe(u: &ComponentUse) -> String {
    format!("{}: \"{}\"", u.pointer, u.value)
}

/// The owner json's path relative to the miniprogram root.
pub(crate) fn owner_in_root<'a>(ctx: &Ctx, u: &'a ComponentUse) -> &'a str {
    u.owner
        .strip_prefix(ctx.project.mp_root.as_str())
        .unwrap_or(&u.owner)
}
