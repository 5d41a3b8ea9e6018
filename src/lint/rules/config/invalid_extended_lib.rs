//! MP124: a `useExtendedLib` key other than the libraries the platform provides (`weui`,
//! `kbone`), in app.json or a subpackage.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::json::Json;

crate::declare_rule! {
    InvalidExtendedLib, code: "MP124", name: "invalid-extended-lib", group: Config, severity: Error,
    summary: ["useExtendedLib names a library the platform does not provide", "useExtendedLib 中的扩展库不存在"],
}

const LIBS: &[&str] = &["weui", "kbone"];

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
                let hint = crate::analysis::schema::suggest(&m.key, LIBS.iter().copied())
                    .map(|s| {
                        ctx.t(
                            format!("did you mean \"{s}\"? "),
                            format!("是否应为 \"{s}\"？"),
                        )
                    })
                    .unwrap_or_default();
                out.push(
                    Diagnostic::new(
                        &META,
                        &path,
                        Some(m.key_span),
                        ctx.t(
                            format!("{} is not allowed in {ptr}", m.key),
                            format!("{} 不能出现在 {ptr} 中", m.key),
                        ),
                    )
                    .label(ctx.t("unknown library".into(), "未知的扩展库".into()))
                    .help(ctx.t(
                        format!("{}the extended libraries are \"weui\" and \"kbone\"; install other libraries from npm", hint.en()),
                        format!("{}可用的扩展库为 \"weui\" 和 \"kbone\"；其他库请通过 npm 引入", hint.zh()),
                    )),
                );
            }
        }
    }
}
