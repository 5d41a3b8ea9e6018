//! MP123: Skyline rendering without what it needs: `renderer: "skyline"` in app.json (or a
//! page) requires `lazyCodeLoading: "requiredComponents"` and `rendererOptions.skyline` in
//! app.json; a Skyline page requires `componentFramework: "glass-easel"` and
//! `navigationStyle: "custom"`.

use super::app;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::project::JsonRole;
use crate::syntax::json::Json;

crate::declare_rule! {
    SkylineRequirements, code: "MP123", name: "skyline-requirements", group: Config, severity: Error,
    summary: ["A Skyline app or page lacks lazyCodeLoading, rendererOptions.skyline, glass-easel or a custom navigation bar", "Skyline 渲染缺少 lazyCodeLoading、rendererOptions.skyline、glass-easel 或自定义导航栏配置"],
    needs: [Schemas],
}

fn is_skyline(v: &Json) -> bool {
    v.get("renderer").and_then(Json::as_str) == Some("skyline")
}

/// The finding at app.json's `renderer` when Skyline (set in `source`, and in `others` more
/// pages) lacks `lazyCodeLoading`.
fn no_lazy_loading(
    ctx: &Ctx,
    app_path: &str,
    span: Option<Span>,
    source: &str,
    others: usize,
) -> Diagnostic {
    let others = if others > 0 {
        format!(" (and {others} other pages)")
    } else {
        String::new()
    };
    Diagnostic::new(
        &META,
        app_path,
        span,
        ctx.t(
            format!("You need to add \"lazyCodeLoading\": \"requiredComponents\" in app.json, since the value of \"renderer\" in {source}{others} is \"skyline\""),
            format!("{source} 中 \"renderer\" 设置为 \"skyline\"，需在 app.json 添加 \"lazyCodeLoading\": \"requiredComponents\""),
        ),
    )
    .help(ctx.t("add \"lazyCodeLoading\": \"requiredComponents\" to app.json".into(), "请在 app.json 中添加 \"lazyCodeLoading\": \"requiredComponents\"".into()))
}

/// The finding at app.json's `renderer` when `rendererOptions` (`whole`), or its `skyline`,
/// is missing.
fn no_renderer_options(ctx: &Ctx, app_path: &str, span: Option<Span>, whole: bool) -> Diagnostic {
    let (en, zh) = if whole {
        (
            "You need to add \"rendererOptions\" in app.json, as the \"renderer\" field is set to skyline",
            "app.json 中 \"renderer\" 设置为 \"skyline\"，需要同时设置 rendererOptions 选项以及 skyline 配置",
        )
    } else {
        (
            "You need to add \"skyline\" configuration in the rendererOptions field of app.json, as the \"renderer\" field is set to skyline",
            "app.json 中 \"renderer\" 设置为 \"skyline\"，需要同时设置 rendererOptions 字段中 skyline 配置",
        )
    };
    Diagnostic::new(&META, app_path, span, ctx.t(en.into(), zh.into())).help(ctx.t(
        "add \"rendererOptions\": {\"skyline\": {\"defaultDisplayBlock\": true, \"defaultContentBox\": true}}".into(),
        "请添加 \"rendererOptions\": {\"skyline\": {\"defaultDisplayBlock\": true, \"defaultContentBox\": true}}".into(),
    ))
}

/// The finding at a Skyline page whose `componentFramework` is not glass-easel.
fn not_glass_easel(ctx: &Ctx, file: &str, span: Option<Span>, page: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            format!("You need to set the value of the \"componentFramework\" field to \"glass-easel\" in {page}.json, as the \"renderer\" field is set to skyline"),
            format!("{page}.json 中 \"renderer\" 设置为 \"skyline\"，需要同时设置 componentFramework 字段为 \"glass-easel\""),
        ),
    )
    .help(ctx.t(
        "add \"componentFramework\": \"glass-easel\" to this page json or to app.json".into(),
        "请在该页面 json 或 app.json 中添加 \"componentFramework\": \"glass-easel\"".into(),
    ))
}

/// The finding at a Skyline page whose navigation bar is not custom.
fn not_custom_navigation(ctx: &Ctx, file: &str, span: Option<Span>, page: &str) -> Diagnostic {
    Diagnostic::new(
        &META,
        file,
        span,
        ctx.t(
            format!("According to the configuration of the page or app.json, the value of \"renderer\" in {page} page is \"skyline\", the \"navigationStyle\" configuration for the page should be set to \"custom\""),
            format!("根据页面或 app.json 的配置，{page} 页面 \"renderer\" 为 \"skyline\"，页面配置 \"navigationStyle\" 需设置为 \"custom\""),
        ),
    )
    .help(ctx.t(
        "set \"navigationStyle\": \"custom\" and draw the navigation bar in the page (Skyline has no native one)".into(),
        "请设置 \"navigationStyle\": \"custom\"，并在页面中自行实现导航栏（Skyline 没有原生导航栏）".into(),
    ))
}

impl Rule for SkylineRequirements {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        let p = ctx.project;
        let Some((app_path, app)) = app(ctx) else {
            return;
        };
        let app_skyline = is_skyline(app);
        let lazy = app.get("lazyCodeLoading").and_then(Json::as_str) == Some("requiredComponents");
        let top = Some(Span::new(
            app.span.start as usize,
            app.span.start as usize + 1,
        ));
        let app_span = app.get("renderer").map(|r| r.span).or(top);
        let pages: Vec<(&str, &Json)> = ctx
            .analysis
            .schema_issues()
            .iter()
            .filter(|(_, role, _)| *role == JsonRole::Page)
            .filter_map(|(f, _, _)| Some((f.as_str(), p.json(f)?.value()?)))
            .collect();
        let short = |f: &str| f.strip_prefix(p.mp_root.as_str()).unwrap_or(f).to_string();
        // lazyCodeLoading: needed when app.json or any page sets renderer skyline.
        let explicit: Vec<&str> = pages
            .iter()
            .filter(|(_, v)| is_skyline(v))
            .map(|(f, _)| *f)
            .collect();
        let source = if app_skyline {
            Some("app.json".to_string())
        } else {
            explicit.first().map(|f| short(f))
        };
        if let Some(source) = source
            && !lazy
        {
            let others = if !app_skyline && explicit.len() > 1 {
                explicit.len() - 1
            } else {
                0
            };
            out.push(no_lazy_loading(ctx, &app_path, app_span, &source, others));
        }
        if app_skyline {
            let options = app.get("rendererOptions");
            match options {
                None => out.push(no_renderer_options(ctx, &app_path, app_span, true)),
                Some(o) if o.get("skyline").is_none() => {
                    out.push(no_renderer_options(ctx, &app_path, app_span, false))
                }
                Some(_) => {}
            }
        }
        let app_framework = app.get("componentFramework").and_then(Json::as_str);
        let app_nav = app
            .get("window")
            .and_then(|w| w.get("navigationStyle"))
            .and_then(Json::as_str);
        for (file, v) in &pages {
            let skyline = match v.get("renderer").and_then(Json::as_str) {
                Some(r) => r == "skyline",
                None => app_skyline,
            };
            if !skyline {
                continue;
            }
            let page = short(file);
            let page = page.trim_end_matches(".json");
            let span = v.get("renderer").map(|r| r.span).or(Some(Span::new(
                v.span.start as usize,
                v.span.start as usize + 1,
            )));
            let framework = match v.get("componentFramework").and_then(Json::as_str) {
                Some(f) => Some(f),
                None => app_framework,
            };
            if framework != Some("glass-easel") {
                out.push(not_glass_easel(ctx, file, span, page));
            }
            // Skyline draws no native navigation bar: settings for one must not be there.
            let nav = v.get("navigationStyle").and_then(Json::as_str);
            let custom = match nav {
                Some(n) => n == "custom",
                None => app_nav == Some("custom"),
            };
            let bar_keys = [
                "navigationBarTitleText",
                "navigationBarTextStyle",
                "navigationBarBackgroundColor",
            ];
            let sets_bar = bar_keys.iter().any(|k| v.get(k).is_some());
            if nav == Some("default") || (!custom && sets_bar) {
                let at = v
                    .member("navigationStyle")
                    .or_else(|| bar_keys.iter().find_map(|k| v.member(k)));
                out.push(not_custom_navigation(
                    ctx,
                    file,
                    at.map(|m| m.key_span).or(span),
                    page,
                ));
            }
        }
    }
}
