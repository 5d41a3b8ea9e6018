//! WXML templates, parsed once by `crate::syntax::wxml`.

pub mod duplicate_attribute;
pub mod event_handler_not_found;
pub mod for_without_key;
pub mod media_src_not_found;
pub mod orphan_elif_else;
pub mod template_not_found;
pub mod undeclared_component;
pub mod unused_component;
pub mod wxml_src_not_found;
pub mod wxml_syntax_error;
pub mod wxs_require_not_found;
pub mod wxs_syntax_error;

use crate::lint::rule::Ctx;

/// "Did you mean" is computed among at most this many names: each suggestion is an edit
/// distance to every candidate, and a template with 20,000 unknown uses of 20,000 names was
/// 400 million of them.
pub(crate) const MAX_SUGGESTION_CANDIDATES: usize = 1000;

/// `crate::analysis::schema::suggest`, when there are few enough candidates to compare against.
pub(crate) fn suggest<'a>(
    word: &str,
    candidates: impl ExactSizeIterator<Item = &'a str>,
) -> Option<&'a str> {
    if candidates.len() > MAX_SUGGESTION_CANDIDATES {
        return None;
    }
    crate::analysis::schema::suggest(word, candidates)
}

pub(crate) use crate::project::paths::{resolve_src, template_dir};

/// `<tag> src "value": target not found`, labelled, with [`missing_file_help`] (MP322, MP327).
pub(crate) fn src_not_found(
    ctx: &Ctx,
    meta: &'static crate::lint::rule::RuleMeta,
    path: &str,
    span: crate::base::source::Span,
    (tag, value, target): (&str, &str, &str),
) -> crate::base::diagnostic::Diagnostic {
    crate::base::diagnostic::Diagnostic::new(
        meta,
        path,
        Some(span),
        ctx.t(
            format!("<{tag}> src \"{value}\": {target} not found"),
            format!("<{tag}> 的 src \"{value}\"：未找到 {target}"),
        ),
    )
    .label(ctx.t("missing file".into(), "文件不存在".into()))
    .help(missing_file_help(ctx, target))
}

/// Help for a referenced file that does not exist: the same path in other letter case, if
/// there is one, else "create {target} or fix the path" (`target` relative to the root).
pub(crate) fn missing_file_help(ctx: &Ctx, target: &str) -> crate::base::i18n::Text {
    match ctx.project.case_variant(&ctx.project.in_root(target)) {
        Some(f) => ctx.t(
            format!("found {f}: paths are case-sensitive on the phone"),
            format!("找到了 {f}：手机上路径区分大小写"),
        ),
        None => ctx.t(
            format!("create {target} or fix the path"),
            format!("请创建 {target} 或修正路径"),
        ),
    }
}

/// Why a template or WXS module at `from` cannot use the file at `to` (both relative to the
/// miniprogram root): packages load separately, so only the main package is shared, and not
/// with independent subpackages. `None` when the use is allowed.
pub(crate) fn cross_package(
    project: &crate::project::Project,
    ctx: &Ctx,
    from: &str,
    to: &str,
) -> Option<crate::base::i18n::Text> {
    let app = project.app.as_ref()?;
    if project.package_can_use(from, to) {
        return None;
    }
    let (from_pkg, to_pkg) = (project.package_of(from), project.package_of(to));
    let root = |i: usize| {
        app.subpackages[i]
            .root
            .as_ref()
            .map_or(String::new(), |(r, _)| r.clone())
    };
    Some(match to_pkg {
        None => ctx.t(
            format!(
                "{to} is in the main package, which the independent subpackage \"{}\" cannot use",
                root(from_pkg.unwrap_or_default())
            ),
            format!(
                "{to} 在主包中，独立分包 \"{}\" 不能使用",
                root(from_pkg.unwrap_or_default())
            ),
        ),
        Some(i) => ctx.t(
            format!(
                "{to} is in subpackage \"{}\", which is not loaded with this package",
                root(i)
            ),
            format!("{to} 在分包 \"{}\" 中，当前包无法加载它", root(i)),
        ),
    })
}
