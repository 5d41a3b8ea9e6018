//! MP521: widget code reads a `wx` member the widget runtime does not define. WAWidget.js
//! (base library 2.0.4; spec §1.4) gives `wx` getters only for a fixed whitelist; any other
//! `wx.X` is `undefined` and calling it throws.

use super::code::WX_WHITELIST;
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use crate::syntax::js::Module;

crate::declare_rule! {
    WidgetApiUnavailable, code: "MP521", name: "widget-api-unavailable", group: Widget, severity: Error,
    summary: ["Widget code uses a wx API the widget runtime does not have", "Widget 代码使用了 Widget 运行环境中不存在的 wx 接口"],
    hooks: [Module],
}

/// The finding at `wx.<name>`, which the widget runtime does not define.
fn unavailable(ctx: &Ctx, path: &str, name: &str, span: Span) -> Diagnostic {
    let (pre_en, pre_zh) = match name {
        "request" | "uploadFile" | "downloadFile" | "connectSocket" => (
            "a widget cannot make requests: its data arrives through the template's data push; handle it in `onDataPush(data)` (wx.onDataPush), and fetch images with wx.downloadImage. ",
            "Widget 不能发起网络请求：数据通过模板数据推送到达，请在 `onDataPush(data)`（wx.onDataPush）中处理；图片用 wx.downloadImage 下载。",
        ),
        _ => ("", ""),
    };
    let allowed = WX_WHITELIST.join(", ");
    Diagnostic::new(
        &META,
        path,
        Some(span),
        ctx.t(
            format!("wx.{name} does not exist in widget code: the widget runtime defines only {} wx APIs", WX_WHITELIST.len()),
            format!("Widget 代码中不存在 wx.{name}：Widget 运行环境只定义了 {} 个 wx 接口", WX_WHITELIST.len()),
        ),
    )
    .label(ctx.t("undefined in a widget".into(), "Widget 中未定义".into()))
    .help(ctx.t(
        format!("{pre_en}The widget's wx has only: {allowed}"),
        format!("{pre_zh}Widget 的 wx 只有：{allowed}"),
    ))
}

impl Rule for WidgetApiUnavailable {
    fn check_module(&self, ctx: &Ctx, m: &Module, out: &mut Vec<Diagnostic>) {
        if ctx.analysis.widgets_of(&m.path).next().is_none() {
            return;
        }
        for (name, span) in &m.wx_members {
            if !WX_WHITELIST.contains(&name.as_str()) {
                out.push(unavailable(ctx, &m.path, name, *span));
            }
        }
    }
}
