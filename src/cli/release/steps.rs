//! The steps after the upload, in the admin console (mp.weixin.qq.com): review, release,
//! the trial version, and the widget's go-live application. Only the upload can be automated
//! for an ordinary account (the review and release APIs are third-party-platform APIs).

use super::PackageSize;
use crate::base::i18n::Lang;

/// One step: a title, where it is in the console, and what it asks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    pub id: &'static str,
    pub title: String,
    #[serde(rename = "where")]
    pub at: String,
    pub details: Vec<String>,
}

/// The steps after an upload of `version`. `privacy` are the guide's items the code needs,
/// `missing_domains` the server domains not yet on the whitelist (`None`: no whitelist given).
pub fn next_steps(
    lang: Lang,
    version: &str,
    privacy: &[&str],
    missing_domains: Option<usize>,
    widgets: bool,
) -> Vec<Step> {
    let t = |en: &str, zh: &str| lang.pick(en, zh).to_string();
    let mut steps = Vec::new();
    if let Some(n) = missing_domains.filter(|&n| n > 0) {
        steps.push(Step {
            id: "server-domains",
            title: match lang {
                Lang::En => format!("Add the {n} missing server domain(s) before you release"),
                Lang::Zh => format!("发布前添加缺少的 {n} 个服务器域名"),
            },
            at: t(
                "开发管理 → 开发设置 → 服务器域名 (Development → Development Settings → Server Domain)",
                "开发管理 → 开发设置 → 服务器域名",
            ),
            details: vec![t(
                "the checklist above lists them; requests to other hosts fail on phones (not in DevTools); 50 changes a month",
                "见上方清单；其他域名的请求在手机上会失败（开发者工具中不会）；每月可修改 50 次",
            )],
        });
    }
    let privacy_line = if privacy.is_empty() {
        t(
            "用户隐私保护指引: the code calls no API that needs an item declared",
            "用户隐私保护指引：代码未调用需要声明的隐私接口",
        )
    } else {
        match lang {
            Lang::En => format!(
                "用户隐私保护指引 (privacy guide): declare {} — the review is blocked when the guide does not match the APIs the code calls",
                privacy.join("、")
            ),
            Lang::Zh => format!(
                "用户隐私保护指引：声明 {}；指引与代码调用的隐私接口不一致时审核会被驳回",
                privacy.join("、")
            ),
        }
    };
    steps.push(Step {
        id: "submit-review",
        title: match lang {
            Lang::En => format!("Submit version {version} for review"),
            Lang::Zh => format!("提交版本 {version} 审核"),
        },
        at: t(
            "管理 → 版本管理 → 开发版本 → 提交审核 (Management → Version Management → Development version → Submit for review)",
            "管理 → 版本管理 → 开发版本 → 提交审核",
        ),
        details: vec![
            t(
                "the form asks for: pages with their tags and 类目 (category; at most 5, each one already configured under 基本设置 → 服务类目)",
                "表单需填写：功能页面、标签与类目（最多 5 项，类目须已在 基本设置 → 服务类目 中配置）",
            ),
            t(
                "版本说明 (version notes): what changed, and test accounts with passwords when a feature needs a login",
                "版本说明：本次改动；功能需要登录时写明测试账号和密码",
            ),
            t(
                "screenshots or a screen recording of the main features",
                "主要功能的截图或录屏",
            ),
            privacy_line,
            t(
                "review takes 1–7 days; the administrators get a WeChat notice with the result",
                "审核通常 1–7 天；结果会通过微信通知管理员",
            ),
        ],
    });
    steps.push(Step {
        id: "release",
        title: t("Release the approved version", "发布审核通过的版本"),
        at: t(
            "管理 → 版本管理 → 审核版本 → 发布 (Review version → Release)",
            "管理 → 版本管理 → 审核版本 → 发布",
        ),
        details: vec![t(
            "全量发布 (everyone) or 分阶段发布 (phased, a share of users first)",
            "全量发布，或分阶段发布（先对部分用户发布）",
        )],
    });
    steps.push(Step {
        id: "trial",
        title: t(
            "Optional: try it first as the trial version",
            "可选：先设为体验版试用",
        ),
        at: t(
            "管理 → 版本管理 → 开发版本 → 选为体验版; testers under 管理 → 成员管理 → 体验成员",
            "管理 → 版本管理 → 开发版本 → 选为体验版；在 管理 → 成员管理 → 体验成员 中添加体验者",
        ),
        details: vec![t(
            "administrators can open the trial version; everyone else must be added as a 体验成员",
            "管理员可直接使用体验版，其他人需添加为体验成员",
        )],
    });
    if widgets {
        steps.push(Step {
            id: "widget-go-live",
            title: t(
                "After the release: apply for the search Widget to go live",
                "发布后：申请搜索 Widget 上线",
            ),
            at: t(
                "搜索开放平台 → 模板与组件 → Widget → 模版管理 → 模版申请单 → 发布上线",
                "搜索开放平台 → 模板与组件 → Widget → 模版管理 → 模版申请单 → 发布上线",
            ),
            details: vec![t(
                "the mini program version with the widget must be released first; the application is reviewed within 7 working days",
                "须先发布包含 Widget 的小程序版本；申请在 7 个工作日内审核",
            )],
        });
    }
    steps
}

/// Human text: the size table, then the numbered steps.
pub fn text(lang: Lang, sizes: &[PackageSize], steps: &[Step]) -> String {
    let mut s = String::new();
    let uploaded = sizes.iter().any(|p| p.uploaded.is_some());
    s.push_str(lang.pick("Package sizes", "代码包大小"));
    s.push('\n');
    for p in sizes {
        let name = crate::base::escape::line(&p.name);
        match p.uploaded {
            Some(u) => {
                let diff = if p.computed == 0 {
                    0.0
                } else {
                    (u as f64 - p.computed as f64) * 100.0 / p.computed as f64
                };
                s.push_str(&format!(
                    "  {name:<24} {:>12} {}  {:>12} {}  ({diff:+.1} %)\n",
                    crate::analysis::package::human_bytes(u),
                    lang.pick("uploaded", "已上传"),
                    crate::analysis::package::human_bytes(p.computed),
                    lang.pick("mpcheck size", "mpcheck 计算"),
                ));
            }
            None => s.push_str(&format!(
                "  {name:<24} {:>12} {}{}\n",
                crate::analysis::package::human_bytes(p.computed),
                lang.pick("mpcheck size", "mpcheck 计算"),
                if uploaded {
                    lang.pick(" (not in the server's reply)", "（服务器未返回）")
                } else {
                    ""
                }
            )),
        }
    }
    let far = sizes.iter().any(|p| {
        p.uploaded
            .is_some_and(|u| p.computed > 0 && (u.abs_diff(p.computed)) * 100 > p.computed)
    });
    if far {
        s.push_str(lang.pick(
            "  (the server counts the compiled code: minification and the ES6 transform from project.config.json's setting change it; `mpcheck size` counts source bytes, the limit's upper bound)\n",
            "  （服务器统计的是编译后的代码：project.config.json 的 setting 中的压缩和 ES6 转换会改变大小；`mpcheck size` 统计源文件字节，是限制的上界）\n",
        ));
    }
    s.push('\n');
    s.push_str(lang.pick("Next steps", "后续步骤"));
    s.push('\n');
    for (i, step) in steps.iter().enumerate() {
        s.push_str(&format!("  {}. {}\n     {}\n", i + 1, step.title, step.at));
        for d in &step.details {
            s.push_str(&format!("     - {d}\n"));
        }
    }
    s
}
