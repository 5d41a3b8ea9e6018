//! MP124: a `useExtendedLib` key other than the libraries the platform provides (`weui`,
//! `kbone`), in app.json or a subpackage.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidExtendedLib, code: "MP124", name: "invalid-extended-lib", group: Config, severity: Error,
    summary: ["useExtendedLib names a library the platform does not provide", "useExtendedLib 中的扩展库不存在"],
}

const LIBS: &[&str] = &["weui", "kbone"];

/// The finding at a `useExtendedLib` key (in `ptr`) that is not a platform library.
fn unknown_lib(
    ctx: &Ctx,
    path: &str,
    ptr: &str,
    key: &str,
    span: Span,
    suggestion: Option<&str>,
) -> Diagnostic {
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("{key} is not allowed in {ptr}"),
            format!("{key} 不能出现在 {ptr} 中"),
        ),
    )
    .label(ctx.t("unknown library".into(), "未知的扩展库".into()))
    .help(ctx.did_you_mean_then(
        suggestion,
        ctx.t(
            "the extended libraries are \"weui\" and \"kbone\"; install other libraries from npm"
                .into(),
            "可用的扩展库为 \"weui\" 和 \"kbone\"；其他库请通过 npm 引入".into(),
        ),
    ))
}

impl Rule for InvalidExtendedLib {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let Some((path, app)) = app(ctx) else { return };
        let mut objects: Vec<(String, &Json)> = Vec::new();
        if let Some(l) = app.get("useExtendedLib") {
            objects.push(("[\"useExtendedLib\"]".into(), l));
        }
        for key in ["subPackages", "subpackages"] {
            for (i, sp) in app
                .get(key)
                .and_then(Json::as_array)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                if let Some(l) = sp.get("useExtendedLib") {
                    objects.push((format!("[\"{key}\"][{i}][\"useExtendedLib\"]"), l));
                }
            }
        }
        for (ptr, obj) in objects {
            for m in obj.as_object().unwrap_or_default() {
                if LIBS.contains(&m.key.as_str()) {
                    continue;
                }
                let suggestion = crate::analysis::schema::suggest(&m.key, LIBS.iter().copied());
                out.push(unknown_lib(
                    ctx, &path, &ptr, &m.key, m.key_span, suggestion,
                ));
            }
        }
    }
}
