//! MP310: code calls one of the eight location APIs (`getLocation`, `getFuzzyLocation`,
//! `chooseLocation`, `onLocationChange`, `startLocationUpdate`,
//! `startLocationUpdateBackground`, `choosePoi`, `chooseAddress`) that is not declared in
//! `requiredPrivateInfos` (app.json, or ext.json for third-party apps). Since 2022-07-14 such
//! calls fail at run time and in review.

use super::{declared_infos, location_uses};
use crate::base::diagnostic::Diagnostic;
use crate::base::source::Span;
use crate::lint::rule::{Ctx, Rule};
use std::collections::{BTreeMap, HashSet};

crate::declare_rule! {
    PrivateInfoUndeclared, code: "MP310", name: "private-info-undeclared", group: Network, severity: Error,
    summary: ["A location API is called but not declared in requiredPrivateInfos", "调用的地理位置接口未在 requiredPrivateInfos 中声明"],
}

/// The finding at the first of `sites` calling the undeclared `api`; the others are related
/// locations.
fn undeclared(ctx: &Ctx, api: &str, sites: &[(&str, Span)]) -> Diagnostic {
    let (file, span) = sites[0];
    let more = if sites.len() > 1 {
        ctx.t(
            format!(" ({} calls)", sites.len()),
            format!("（共 {} 处调用）", sites.len()),
        )
    } else {
        Default::default()
    };
    let (more_en, more_zh) = (more.en(), more.zh());
    let mut d = Diagnostic::new(
        &META,
        file,
        Some(span),
        ctx.t(
            format!("wx.{api} is called but \"{api}\" is not declared in requiredPrivateInfos{more_en}"),
            format!("调用了 wx.{api}，但未在 requiredPrivateInfos 中声明 \"{api}\"{more_zh}"),
        ),
    )
    .label(ctx.t("undeclared location API".into(), "未声明的地理位置接口".into()))
    .help(ctx.t(
        format!("add \"{api}\" to \"requiredPrivateInfos\" in app.json (ext.json for third-party apps); undeclared calls fail since 2022-07-14"),
        format!("请在 app.json（第三方平台为 ext.json）的 \"requiredPrivateInfos\" 中加入 \"{api}\"；自 2022-07-14 起未声明的调用会失败"),
    ));
    for (file, span) in &sites[1..] {
        d = d.related(
            *file,
            Some(*span),
            ctx.t(
                format!("wx.{api} is also called here"),
                format!("此处也调用了 wx.{api}"),
            ),
        );
    }
    d
}

impl Rule for PrivateInfoUndeclared {
    fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
        // Without a readable app.json the declarations are unknown (MP001/MP100 say why).
        if ctx.project.app_json().is_none() {
            return;
        }
        let declared: HashSet<&str> = declared_infos(ctx.project)
            .iter()
            .flat_map(|(_, v)| {
                v.as_array()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|i| i.as_str())
            })
            .collect();
        // One finding per API: one declaration fixes every call.
        let mut uses: BTreeMap<&str, Vec<(&str, Span)>> = BTreeMap::new();
        for (api, file, span) in location_uses(ctx.project) {
            if !declared.contains(api) {
                uses.entry(api).or_default().push((file, span));
            }
        }
        for (api, sites) in uses {
            out.push(undeclared(ctx, api, &sites));
        }
    }
}
