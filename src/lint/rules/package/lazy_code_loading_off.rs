//! MP408: app.json has no `"lazyCodeLoading": "requiredComponents"`. Every component of the
//! package is then injected at start-up whether a page uses it or not; the code-quality scan
//! requires the switch (LAZYCODE_LOADING_OPEN).

use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};

crate::declare_rule! {
    LazyCodeLoadingOff, code: "MP408", name: "lazy-code-loading-off", group: Package, severity: Warning,
    summary: ["On-demand injection (lazyCodeLoading) is not turned on", "未开启按需注入（lazyCodeLoading）"],
}

/// The finding at app.json's `pages` key (`span`) when it does not set `lazyCodeLoading`.
fn lazy_loading_off(ctx: &Ctx, file: &str, span: Option<Span>) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            "app.json does not set \"lazyCodeLoading\": every component is injected at start-up (code-quality item LAZYCODE_LOADING_OPEN)".into(),
            "app.json 没有设置 \"lazyCodeLoading\"：启动时会注入所有组件（代码质量项 LAZYCODE_LOADING_OPEN）".into(),
        ),
    )
    .help(ctx.t(
        "add \"lazyCodeLoading\": \"requiredComponents\" to app.json".into(),
        "请在 app.json 中添加 \"lazyCodeLoading\": \"requiredComponents\"".into(),
    ))
}

impl Rule for LazyCodeLoadingOff {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some(app) = p.app_json() else { return };
        if app.get("lazyCodeLoading").is_some() {
            return;
        }
        let file = p.app_json_path();
        let fix = p.json(&file).and_then(|d| {
            crate::syntax::json_edit::insert_members(
                &file,
                &d.source.text,
                app,
                &[(
                    "lazyCodeLoading",
                    crate::syntax::json_edit::NewValue::Raw("\"requiredComponents\"".into()),
                )],
            )
        });
        out.push(lazy_loading_off(ctx, &file, app.member("pages").map(|m| m.key_span)).fix(fix));
    }
}
