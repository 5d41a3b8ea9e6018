//! The console checklist of `mpcheck release`: what the admin console must hold for this
//! version to work and pass review, computed from the loaded project (no file is read again).
//! Facts and sources: `../shared/spec/release-handoff.md` §7 (server and business domains,
//! 用户隐私保护指引, 接口设置) and `../shared/spec/widget.md` §1.9 (the Widget go-live step).
//!
//! The network call sites are the network rules' ([`crate::lint::rules::network::sites`]: widget
//! code is left out, it has no network API), and "on the whitelist" is their test
//! ([`crate::analysis::domains::Whitelist::covers`], MP300 and MP304), so the checklist and `check`
//! agree.

use crate::base::escape;
use crate::base::i18n::Lang;
use crate::base::source::Span;
use crate::project::Project;
use crate::syntax::js::Category;
use crate::syntax::js::url::Resolved;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Call sites printed per entry; the rest are counted.
const SHOWN: usize = 3;
/// Call sites kept per entry (and in the JSON); the count is always exact.
const KEPT: usize = 1000;

/// The server-domain kinds, in the console's order.
const SERVER_KINDS: [Category; 6] = [
    Category::Request,
    Category::Socket,
    Category::UploadFile,
    Category::DownloadFile,
    Category::Udp,
    Category::Tcp,
];

/// An item of the 用户隐私保护指引 and what makes the code need it.
#[derive(Debug)]
pub struct PrivacyItem {
    /// The item's name in the console.
    pub zh: &'static str,
    pub en: &'static str,
    /// `wx.<name>` members whose use needs the item.
    pub apis: &'static [&'static str],
    /// WXML that needs it, as [`wxml_triggers`] names it.
    pub wxml: &'static [&'static str],
}

const CHOOSE_AVATAR: &str = "<button open-type=\"chooseAvatar\">";
const NICKNAME: &str = "<input type=\"nickname\">";
const PHONE: &str = "<button open-type=\"getPhoneNumber\">";
const REALTIME_PHONE: &str = "<button open-type=\"getRealtimePhoneNumber\">";
const CAMERA: &str = "<camera>";
const LIVE_PUSHER: &str = "<live-pusher>";
const VOIP_ROOM: &str = "<voip-room>";

/// API → item, in the console's order. Sources (spec §7): the official table of the plugin
/// privacy guide (developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/plugin-intro.html)
/// and the rows the mini-program table adds (user-privacy/miniprogram-intro.html, from a copy
/// at juejin.cn/post/7280787122004377615): `startLocationUpdateBackground`, 微信运动, 手机号,
/// 车牌号, 选中的文件, 日历. `getRecorderManager` stands for `RecorderManager.start` (the
/// manager is only reachable through it). `scope.userLocation` (an `authorize` argument) is not
/// detected.
pub static PRIVACY_ITEMS: &[PrivacyItem] = &[
    PrivacyItem {
        zh: "昵称头像",
        en: "Nickname and avatar",
        apis: &[],
        wxml: &[CHOOSE_AVATAR, NICKNAME],
    },
    PrivacyItem {
        zh: "位置信息",
        en: "Location",
        apis: &[
            "getLocation",
            "startLocationUpdate",
            "startLocationUpdateBackground",
            "getFuzzyLocation",
        ],
        wxml: &[],
    },
    PrivacyItem {
        zh: "选择的位置",
        en: "Chosen location",
        apis: &["choosePoi", "chooseLocation"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "地址",
        en: "Address",
        apis: &["chooseAddress"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "发票",
        en: "Invoice",
        apis: &["chooseInvoiceTitle", "chooseInvoice"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "微信运动",
        en: "WeRun data",
        apis: &["getWeRunData"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "手机号",
        en: "Phone number",
        apis: &[],
        wxml: &[PHONE, REALTIME_PHONE],
    },
    PrivacyItem {
        zh: "车牌号",
        en: "License plate",
        apis: &["chooseLicensePlate"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "选中的照片或视频",
        en: "Selected photos or videos",
        apis: &["chooseImage", "chooseMedia", "chooseVideo"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "选中的文件",
        en: "Selected files",
        apis: &["chooseMessageFile"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "麦克风",
        en: "Microphone",
        apis: &["startRecord", "getRecorderManager", "joinVoIPChat"],
        wxml: &[LIVE_PUSHER],
    },
    PrivacyItem {
        zh: "摄像头",
        en: "Camera",
        apis: &["createVKSession"],
        wxml: &[CAMERA, LIVE_PUSHER, VOIP_ROOM],
    },
    PrivacyItem {
        zh: "蓝牙",
        en: "Bluetooth",
        apis: &["openBluetoothAdapter", "createBLEPeripheralServer"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "相册（仅写入）",
        en: "Album (write only)",
        apis: &["saveImageToPhotosAlbum", "saveVideoToPhotosAlbum"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "通讯录（仅写入）",
        en: "Contacts (write only)",
        apis: &["addPhoneContact"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "日历（仅写入）",
        en: "Calendar (write only)",
        apis: &["addPhoneCalendar", "addPhoneRepeatCalendar"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "加速传感器",
        en: "Accelerometer",
        apis: &["startAccelerometer"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "磁场传感器",
        en: "Magnetic field sensor",
        apis: &["startCompass"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "方向传感器",
        en: "Orientation sensor",
        apis: &["startDeviceMotionListening"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "陀螺仪传感器",
        en: "Gyroscope",
        apis: &["startGyroscope"],
        wxml: &[],
    },
    PrivacyItem {
        zh: "剪切板",
        en: "Clipboard",
        apis: &["getClipboardData", "setClipboardData"],
        wxml: &[],
    },
];

/// The items a `wx.<name>` use needs.
pub fn items_for_api(name: &str) -> impl Iterator<Item = &'static PrivacyItem> + '_ {
    PRIVACY_ITEMS.iter().filter(move |i| i.apis.contains(&name))
}

/// The items a WXML trigger (from [`wxml_triggers`]) needs.
pub fn items_for_wxml(trigger: &str) -> impl Iterator<Item = &'static PrivacyItem> + '_ {
    PRIVACY_ITEMS
        .iter()
        .filter(move |i| i.wxml.contains(&trigger))
}

/// What in an element needs a privacy item: the trigger's name and where it is written.
pub fn wxml_triggers(el: crate::syntax::wxml::Element) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    match el.name() {
        "camera" => out.push((CAMERA, el.name_span())),
        "live-pusher" => out.push((LIVE_PUSHER, el.name_span())),
        "voip-room" => out.push((VOIP_ROOM, el.name_span())),
        "input" => {
            if let Some(a) = el.attr("type")
                && a.value.map(str::trim) == Some("nickname")
            {
                out.push((NICKNAME, a.value_span.unwrap_or(el.name_span())));
            }
        }
        "button" => {
            // `open-type="getPhoneNumber|agreePrivacyAuthorization"` combines two.
            if let Some(a) = el.attr("open-type")
                && let Some(v) = a.value
            {
                for t in v.split('|').map(str::trim) {
                    let trigger = match t {
                        "chooseAvatar" => CHOOSE_AVATAR,
                        "getPhoneNumber" => PHONE,
                        "getRealtimePhoneNumber" => REALTIME_PHONE,
                        _ => continue,
                    };
                    out.push((trigger, a.value_span.unwrap_or(el.name_span())));
                }
            }
        }
        _ => {}
    }
    out
}

/// A use in the code: file (project path), 1-based line and column, and what is used there.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct At {
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub what: String,
}

/// Uses, sorted: the first [`KEPT`] and the exact count.
#[derive(Debug, Clone, Default)]
pub struct Uses {
    pub count: usize,
    pub sites: Vec<At>,
}

impl Uses {
    fn from(mut all: Vec<At>) -> Uses {
        all.sort();
        all.dedup();
        let count = all.len();
        all.truncate(KEPT);
        Uses { count, sites: all }
    }
}

/// An origin the code uses in one kind of domain list.
#[derive(Debug, Clone)]
pub struct OriginUse {
    /// `https://host[:port]`, as the console takes it.
    pub origin: String,
    /// Whether it can be put on the list at all (the kind's scheme, a domain name, not
    /// api.weixin.qq.com); `check` reports the others (MP301, MP302, MP303, MP305).
    pub configurable: bool,
    /// On the configured whitelist; `None` without one.
    pub whitelisted: Option<bool>,
    pub uses: Uses,
}

/// One domain list: the origins used (sorted), and the sites whose origin is not known.
#[derive(Debug, Clone)]
pub struct DomainList {
    pub category: Category,
    pub origins: Vec<OriginUse>,
    /// Entries on the configured whitelist for this kind.
    pub listed: usize,
}

impl DomainList {
    fn missing(&self) -> usize {
        self.origins
            .iter()
            .filter(|o| o.configurable && o.whitelisted == Some(false))
            .count()
    }

    /// The list would hold more than the platform accepts: the origins used, or the
    /// whitelist plus the missing ones.
    pub fn over_limit(&self) -> bool {
        let used = self.origins.iter().filter(|o| o.configurable).count();
        let limit = crate::analysis::domains::limit(self.category);
        used > limit || self.listed + self.missing() > limit
    }
}

/// Call sites whose origin is not known statically, with the reasons `--explain-network`
/// gives ([`crate::report::network::unknown_reason`]) counted.
#[derive(Debug, Clone, Default)]
pub struct Unknown {
    pub uses: Uses,
    pub reasons: BTreeMap<&'static str, usize>,
}

#[derive(Debug, Clone)]
pub struct PrivacyUse {
    pub item: &'static PrivacyItem,
    pub uses: Uses,
}

#[derive(Debug, Clone)]
pub struct LocationUse {
    pub api: &'static str,
    /// In `requiredPrivateInfos` of app.json or ext.json.
    pub declared: bool,
    pub uses: Uses,
}

/// A `plugins` entry of app.json or of a subpackage.
#[derive(Debug, Clone)]
pub struct Plugin {
    pub alias: String,
    pub provider: Option<String>,
    pub version: Option<String>,
    /// `None` for the main package, else the subpackage's root as written.
    pub subpackage: Option<String>,
    pub file: String,
    pub line: u32,
}

/// A `widgets[]` declaration.
#[derive(Debug, Clone)]
pub struct Widget {
    pub file: String,
    pub kind: Option<String>,
    pub path: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Checklist {
    /// The whitelist's file, when one is configured.
    pub whitelist: Option<String>,
    /// The six server-domain kinds, in the console's order.
    pub server: Vec<DomainList>,
    /// Server call sites whose origin is not known statically.
    pub server_unknown: Unknown,
    pub webview: DomainList,
    pub webview_unknown: Unknown,
    pub privacy: Vec<PrivacyUse>,
    pub location: Vec<LocationUse>,
    pub plugins: Vec<Plugin>,
    pub widgets: Vec<Widget>,
}

fn at(project: &Project, file: &str, span: Span, what: String) -> At {
    let (start, _) = crate::report::range(project, file, Some(span));
    At {
        file: file.to_string(),
        line: start.line,
        column: start.column,
        what,
    }
}

pub fn compute(analysis: &crate::analysis::Analysis) -> Checklist {
    let project = analysis.project;
    let list = analysis.whitelist.as_ref();
    // (category, origin) → the origin and its sites; unknown origins by section.
    let mut known: BTreeMap<(Category, String), (OriginUse, Vec<At>)> = BTreeMap::new();
    let (mut server_unknown, mut webview_unknown) = (Vec::new(), Vec::new());
    let mut reasons: [BTreeMap<&'static str, usize>; 2] = Default::default();
    for s in crate::lint::rules::network::sites(analysis) {
        let here = at(project, &s.file, s.span, s.api_name());
        match &s.origin {
            Resolved::Known(o) => {
                let e = known.entry((s.category, o.text())).or_insert_with(|| {
                    let origin = OriginUse {
                        origin: o.text(),
                        configurable: crate::lint::rules::network::configurable(s.category, o),
                        whitelisted: list.map(|l| l.covers(s.category, o)),
                        uses: Uses::default(),
                    };
                    (origin, Vec::new())
                });
                e.1.push(here);
            }
            Resolved::Unknown { .. } => {
                let web = s.category == Category::WebView;
                if let Some((why, _)) = crate::report::network::unknown_reason(s) {
                    *reasons[usize::from(web)].entry(why).or_default() += 1;
                }
                if web {
                    webview_unknown.push(here);
                } else {
                    server_unknown.push(here);
                }
            }
        }
    }
    let mut domain_list = |category: Category| {
        let origins = known
            .iter_mut()
            .filter(|((c, _), _)| *c == category)
            .map(|(_, (origin, sites))| OriginUse {
                uses: Uses::from(std::mem::take(sites)),
                ..origin.clone()
            })
            .collect();
        DomainList {
            category,
            origins,
            listed: list
                .and_then(|l| l.lists.get(&category))
                .map_or(0, Vec::len),
        }
    };
    let server = SERVER_KINDS.iter().map(|&c| domain_list(c)).collect();
    let webview = domain_list(Category::WebView);

    // Privacy: `wx.<name>` reads (and location API calls through an alias of `wx`), and WXML.
    let mut privacy: Vec<Vec<At>> = vec![Vec::new(); PRIVACY_ITEMS.len()];
    let index = |item: &PrivacyItem| PRIVACY_ITEMS.iter().position(|i| i.zh == item.zh);
    for (path, m) in &project.modules {
        for (name, span) in m.wx_members.iter().chain(&m.location_apis) {
            for item in items_for_api(name) {
                if let Some(i) = index(item) {
                    privacy[i].push(at(project, path, *span, format!("wx.{name}")));
                }
            }
        }
    }
    // The templates' trees are not kept: parsed again here (a release is not a hook).
    let triggers = project.parse_templates(&|path, doc| {
        doc.elements()
            .flat_map(wxml_triggers)
            .map(|(trigger, span)| (path.to_string(), trigger, span))
            .collect()
    });
    for (path, trigger, span) in triggers {
        for item in items_for_wxml(trigger) {
            if let Some(i) = index(item) {
                privacy[i].push(at(project, &path, span, trigger.to_string()));
            }
        }
    }
    let privacy = PRIVACY_ITEMS
        .iter()
        .zip(privacy)
        .filter(|(_, sites)| !sites.is_empty())
        .map(|(item, sites)| PrivacyUse {
            item,
            uses: Uses::from(sites),
        })
        .collect();

    // Location APIs: MP310's uses and declarations.
    let declared: Vec<&str> = crate::lint::rules::network::declared_infos(project)
        .iter()
        .flat_map(|(_, v)| v.as_array().unwrap_or_default().iter())
        .filter_map(|v| v.as_str())
        .collect();
    let mut by_api: BTreeMap<&str, Vec<At>> = BTreeMap::new();
    for (api, file, span) in crate::lint::rules::network::location_uses(project) {
        by_api
            .entry(api)
            .or_default()
            .push(at(project, file, span, format!("wx.{api}")));
    }
    let location = crate::syntax::js::extract::LOCATION_APIS
        .iter()
        .filter_map(|api| {
            let sites = by_api.remove(api)?;
            Some(LocationUse {
                api,
                declared: declared.contains(api),
                uses: Uses::from(sites),
            })
        })
        .collect::<Vec<_>>();
    let mut location = location;
    location.sort_by_key(|l| l.api);

    Checklist {
        whitelist: list.map(|l| l.file.clone()),
        server,
        server_unknown: Unknown {
            uses: Uses::from(server_unknown),
            reasons: std::mem::take(&mut reasons[0]),
        },
        webview,
        webview_unknown: Unknown {
            uses: Uses::from(webview_unknown),
            reasons: std::mem::take(&mut reasons[1]),
        },
        privacy,
        location,
        plugins: plugins(project),
        widgets: crate::analysis::widgets::declarations(project)
            .into_iter()
            .map(|d| Widget {
                file: d.file.clone(),
                kind: d.kind.map(str::to_string),
                path: d.path.map(str::to_string),
            })
            .collect(),
    }
}

/// The `plugins` of app.json and of its subpackages, sorted by provider.
fn plugins(project: &Project) -> Vec<Plugin> {
    use crate::syntax::json::Json;
    let Some(app) = project.app_json() else {
        return Vec::new();
    };
    let file = project.app_json_path();
    let mut out = Vec::new();
    let mut add = |value: Option<&Json>, subpackage: Option<String>| {
        for m in value.and_then(Json::as_object).unwrap_or_default() {
            let field = |k: &str| m.value.get(k).and_then(Json::as_str).map(str::to_string);
            let (start, _) = crate::report::range(project, &file, Some(m.key_span));
            out.push(Plugin {
                alias: m.key.clone(),
                provider: field("provider"),
                version: field("version"),
                subpackage: subpackage.clone(),
                file: file.clone(),
                line: start.line,
            });
        }
    };
    add(app.get("plugins"), None);
    let subs = app.get("subPackages").or_else(|| app.get("subpackages"));
    for sp in subs.and_then(Json::as_array).unwrap_or_default() {
        let root = sp
            .get("root")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_string();
        add(sp.get("plugins"), Some(root));
    }
    out.sort_by(|a, b| (&a.provider, a.line).cmp(&(&b.provider, b.line)));
    out
}

fn t(lang: Lang, en: String, zh: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn place(prefix: &str, a: &At) -> String {
    format!("{prefix}{}:{}", escape::line(&a.file), a.line)
}

/// `a.js:3 (wx.request), b.js:9 (wx.request) and 4 more`.
fn shown(lang: Lang, prefix: &str, uses: &Uses) -> String {
    let list: Vec<String> = uses
        .sites
        .iter()
        .take(SHOWN)
        .map(|a| format!("{} ({})", place(prefix, a), escape::line(&a.what)))
        .collect();
    let more = uses.count.saturating_sub(SHOWN);
    let mut text = list.join(lang.pick(", ", "、"));
    if more > 0 {
        text.push_str(&t(
            lang,
            format!(" and {more} more"),
            format!(" 等，另有 {more} 处"),
        ));
    }
    text
}

fn calls(lang: Lang, n: usize) -> String {
    t(
        lang,
        format!("{n} call{}", if n == 1 { "" } else { "s" }),
        format!("{n} 处调用"),
    )
}

fn none(lang: Lang) -> &'static str {
    lang.pick("none", "无")
}

impl Checklist {
    /// Whether app.json (or game.json) declares widgets: the go-live step applies.
    /// Server domains the code uses that a configured whitelist lacks (and that can be
    /// configured); `None` without a whitelist.
    pub fn missing_domains(&self) -> Option<usize> {
        self.whitelist.as_ref()?;
        Some(
            self.server
                .iter()
                .flat_map(|l| &l.origins)
                .filter(|o| o.configurable && o.whitelisted == Some(false))
                .count(),
        )
    }

    pub fn has_widgets(&self) -> bool {
        !self.widgets.is_empty()
    }

    /// The 用户隐私保护指引 items the code needs, in the console's order.
    pub fn privacy_items(&self) -> Vec<&str> {
        self.privacy.iter().map(|p| p.item.zh).collect()
    }

    /// The checklist for a terminal, one section per console page; project paths get
    /// `path_prefix`.
    pub fn text(&self, lang: Lang, path_prefix: &str) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{}",
            lang.pick("Admin console checklist", "管理后台检查清单")
        );
        self.text_server(&mut out, lang, path_prefix);
        self.text_webview(&mut out, lang, path_prefix);
        self.text_privacy(&mut out, lang, path_prefix);
        self.text_location(&mut out, lang, path_prefix);
        self.text_plugins(&mut out, lang, path_prefix);
        self.text_widgets(&mut out, lang, path_prefix);
        out
    }

    fn whitelist_note(&self, lang: Lang) -> String {
        match &self.whitelist {
            Some(f) => t(
                lang,
                format!("; checked against {}", escape::line(f)),
                format!("；已与 {} 对照", escape::line(f)),
            ),
            None => lang
                .pick(
                    "; no whitelist configured (--domains or \"domains\" in mpcheck.json), so not checked",
                    "；未配置白名单（--domains 或 mpcheck.json 的 \"domains\"），未对照",
                )
                .to_string(),
        }
    }

    fn origin_lines(out: &mut String, lang: Lang, prefix: &str, list: &DomainList, indent: &str) {
        for o in &list.origins {
            let first = o
                .uses
                .sites
                .first()
                .map(|a| place(prefix, a))
                .unwrap_or_default();
            let mark = if !o.configurable {
                lang.pick(
                    "  [cannot be configured: see mpcheck check]",
                    "  [无法配置，见 mpcheck check]",
                )
            } else {
                match o.whitelisted {
                    Some(true) => lang.pick("  [listed]", "  [已配置]"),
                    Some(false) => lang.pick("  [MISSING]", "  [未配置]"),
                    None => "",
                }
            };
            let _ = writeln!(
                out,
                "{indent}{}  {}{}{first}{mark}",
                escape::line(&o.origin),
                calls(lang, o.uses.count),
                lang.pick(", first at ", "，首处 "),
            );
        }
        let limit = crate::analysis::domains::limit(list.category);
        if list.over_limit() {
            let used = list.origins.iter().filter(|o| o.configurable).count();
            let _ = writeln!(
                out,
                "{indent}{}",
                t(
                    lang,
                    format!(
                        "over the limit of {limit} domains per kind ({used} used, {} listed, {} missing)",
                        list.listed,
                        list.missing()
                    ),
                    format!(
                        "超出每类 {limit} 个域名的上限（使用 {used} 个，已配置 {} 个，缺少 {} 个）",
                        list.listed,
                        list.missing()
                    ),
                )
            );
        }
    }

    fn unknown_line(out: &mut String, lang: Lang, prefix: &str, unknown: &Unknown) {
        let uses = &unknown.uses;
        if uses.count == 0 {
            return;
        }
        let _ = writeln!(
            out,
            "  {}",
            t(
                lang,
                format!(
                    "origin not known statically: {}: {}; see mpcheck check --explain-network",
                    calls(lang, uses.count),
                    shown(lang, prefix, uses)
                ),
                format!(
                    "无法静态确定域名：{}：{}；详见 mpcheck check --explain-network",
                    calls(lang, uses.count),
                    shown(lang, prefix, uses)
                ),
            )
        );
    }

    fn text_server(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(
            out,
            "\n{}",
            lang.pick(
                "Server domains (开发管理 → 开发设置 → 服务器域名)",
                "服务器域名（开发管理 → 开发设置 → 服务器域名）"
            ),
        );
        let used: Vec<&DomainList> = self
            .server
            .iter()
            .filter(|l| !l.origins.is_empty())
            .collect();
        if used.is_empty() && self.server_unknown.uses.count == 0 {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        let _ = writeln!(out, "{}", self.whitelist_note(lang));
        for list in used {
            let _ = writeln!(out, "  {}", list.category.key());
            Self::origin_lines(out, lang, prefix, list, "    ");
        }
        Self::unknown_line(out, lang, prefix, &self.server_unknown);
    }

    fn text_webview(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(
            out,
            "\n{}",
            lang.pick(
                "Business domains for <web-view> (开发管理 → 开发设置 → 业务域名; not for personal accounts)",
                "业务域名（开发管理 → 开发设置 → 业务域名；个人主体不可用）"
            ),
        );
        if self.webview.origins.is_empty() && self.webview_unknown.uses.count == 0 {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        let _ = writeln!(out, "{}", self.whitelist_note(lang));
        Self::origin_lines(out, lang, prefix, &self.webview, "  ");
        Self::unknown_line(out, lang, prefix, &self.webview_unknown);
    }

    fn text_privacy(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(
            out,
            "\n{}",
            lang.pick(
                "Privacy guide items to declare (设置 → 功能设置 → 用户隐私保护指引设置, or in the review form)",
                "需声明的用户隐私保护指引项（设置 → 功能设置 → 用户隐私保护指引设置，或在提交审核时填写）"
            )
        );
        if self.privacy.is_empty() {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        out.push('\n');
        for p in &self.privacy {
            let name = t(
                lang,
                format!("{} ({})", p.item.zh, p.item.en),
                p.item.zh.to_string(),
            );
            let _ = writeln!(
                out,
                "  {name}{}{}{}",
                lang.pick(": ", "："),
                t(
                    lang,
                    format!(
                        "{} use{}: ",
                        p.uses.count,
                        if p.uses.count == 1 { "" } else { "s" }
                    ),
                    format!("{} 处：", p.uses.count),
                ),
                shown(lang, prefix, &p.uses)
            );
        }
    }

    fn text_location(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(
            out,
            "\n{}",
            lang.pick(
                "Location APIs to open (开发管理 → 接口设置) and declare in app.json requiredPrivateInfos",
                "需开通的地理位置接口（开发管理 → 接口设置），并在 app.json requiredPrivateInfos 中声明"
            )
        );
        if self.location.is_empty() {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        out.push('\n');
        for l in &self.location {
            let first = l
                .uses
                .sites
                .first()
                .map(|a| place(prefix, a))
                .unwrap_or_default();
            let declared = if l.declared {
                lang.pick("declared", "已声明")
            } else {
                lang.pick(
                    "NOT declared in requiredPrivateInfos (MP310)",
                    "未在 requiredPrivateInfos 中声明（MP310）",
                )
            };
            let _ = writeln!(
                out,
                "  {}  {}{}{first}  [{declared}]",
                l.api,
                calls(lang, l.uses.count),
                lang.pick(", first at ", "，首处 "),
            );
        }
    }

    fn text_plugins(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(
            out,
            "\n{}",
            lang.pick(
                "Plugins to add (设置 → 第三方设置 → 插件管理)",
                "需添加的插件（设置 → 第三方设置 → 插件管理）"
            )
        );
        if self.plugins.is_empty() {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        out.push('\n');
        for p in &self.plugins {
            let provider = p
                .provider
                .as_deref()
                .map(|s| escape::line(s).into_owned())
                .unwrap_or_else(|| lang.pick("(no provider)", "（无 provider）").into());
            let version = p
                .version
                .as_deref()
                .map(|s| escape::line(s).into_owned())
                .unwrap_or_else(|| "?".into());
            let package = match &p.subpackage {
                None => lang.pick("main package", "主包").to_string(),
                Some(root) => t(
                    lang,
                    format!("subpackage {}", escape::line(root)),
                    format!("分包 {}", escape::line(root)),
                ),
            };
            let _ = writeln!(
                out,
                "  {provider}  {}{version}{}\"{}\"{}{package}{}{prefix}{}:{}",
                lang.pick("version ", "版本 "),
                lang.pick(", alias ", "，别名 "),
                escape::line(&p.alias),
                lang.pick(", ", "，"),
                lang.pick(", ", "，"),
                escape::line(&p.file),
                p.line
            );
        }
    }

    fn text_widgets(&self, out: &mut String, lang: Lang, prefix: &str) {
        let _ = write!(out, "\n{}", lang.pick("Widget go-live", "Widget 上线"));
        if self.widgets.is_empty() {
            let _ = writeln!(out, ": {}", none(lang));
            return;
        }
        let mut files: Vec<&str> = self.widgets.iter().map(|w| w.file.as_str()).collect();
        files.dedup();
        let files = files
            .iter()
            .map(|f| format!("{prefix}{}", escape::line(f)))
            .collect::<Vec<_>>()
            .join(", ");
        let n = self.widgets.len();
        let _ = writeln!(
            out,
            "\n  {}",
            t(
                lang,
                format!(
                    "{files} declares {n} widget{}. After the mini program is released: 公众号管理端 → {STEPS}; WeChat completes it within 7 working days.",
                    if n == 1 { "" } else { "s" }
                ),
                format!(
                    "{files} 声明了 {n} 个 Widget。小程序发布后：公众号管理端 → {STEPS}；微信在 7 个工作日内完成。"
                ),
            )
        );
    }

    /// The checklist as JSON; keys are stable and every list is sorted.
    pub fn json(&self) -> Value {
        let uses = |u: &Uses| {
            json!({
                "count": u.count,
                "sites": u.sites.iter().map(|a| json!({
                    "file": a.file, "line": a.line, "column": a.column, "what": a.what,
                })).collect::<Vec<_>>(),
            })
        };
        let unknown = |u: &Unknown| {
            let mut v = uses(&u.uses);
            v["reasons"] = json!(u.reasons);
            v
        };
        let list = |l: &DomainList| {
            json!({
                "limit": crate::analysis::domains::limit(l.category),
                "over_limit": l.over_limit(),
                "listed": self.whitelist.as_ref().map(|_| l.listed),
                "origins": l.origins.iter().map(|o| json!({
                    "origin": o.origin,
                    "configurable": o.configurable,
                    "whitelisted": o.whitelisted,
                    "uses": uses(&o.uses),
                })).collect::<Vec<_>>(),
            })
        };
        let mut server = serde_json::Map::new();
        for l in &self.server {
            server.insert(l.category.key().into(), list(l));
        }
        json!({
            "whitelist": self.whitelist,
            "server_domains": server,
            "server_domains_unknown": unknown(&self.server_unknown),
            "business_domains": list(&self.webview),
            "business_domains_unknown": unknown(&self.webview_unknown),
            "privacy_items": self.privacy.iter().map(|p| json!({
                "item": p.item.zh,
                "item_en": p.item.en,
                "uses": uses(&p.uses),
            })).collect::<Vec<_>>(),
            "location_apis": self.location.iter().map(|l| json!({
                "api": l.api,
                "declared": l.declared,
                "uses": uses(&l.uses),
            })).collect::<Vec<_>>(),
            "plugins": self.plugins.iter().map(|p| json!({
                "provider": p.provider,
                "version": p.version,
                "alias": p.alias,
                "subpackage": p.subpackage,
                "file": p.file,
                "line": p.line,
            })).collect::<Vec<_>>(),
            "widgets": {
                "declared": self.widgets.iter().map(|w| json!({
                    "file": w.file, "type": w.kind, "path": w.path,
                })).collect::<Vec<_>>(),
                "go_live": self.has_widgets().then_some(format!("公众号管理端 → {STEPS}")),
            },
        })
    }
}

/// The Widget go-live path (spec widget.md §1.9).
const STEPS: &str = "搜索开放平台 → 模板与组件 → Widget → 模版管理 → 模版申请单 → 发布上线";

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: impl Iterator<Item = &'static PrivacyItem>) -> Vec<&'static str> {
        items.map(|i| i.zh).collect()
    }

    #[test]
    fn apis_map_to_items() {
        assert_eq!(names(items_for_api("getLocation")), ["位置信息"]);
        assert_eq!(names(items_for_api("getFuzzyLocation")), ["位置信息"]);
        assert_eq!(names(items_for_api("chooseLocation")), ["选择的位置"]);
        assert_eq!(names(items_for_api("getRecorderManager")), ["麦克风"]);
        assert_eq!(names(items_for_api("joinVoIPChat")), ["麦克风"]);
        assert_eq!(names(items_for_api("chooseMedia")), ["选中的照片或视频"]);
        assert_eq!(names(items_for_api("setClipboardData")), ["剪切板"]);
        assert_eq!(names(items_for_api("startCompass")), ["磁场传感器"]);
        assert_eq!(
            names(items_for_api("addPhoneRepeatCalendar")),
            ["日历（仅写入）"]
        );
        assert_eq!(
            names(items_for_api("saveVideoToPhotosAlbum")),
            ["相册（仅写入）"]
        );
        // Not privacy APIs, or not location ones that need an item of their own.
        assert!(names(items_for_api("request")).is_empty());
        assert!(names(items_for_api("onLocationChange")).is_empty());
    }

    #[test]
    fn wxml_maps_to_items() {
        assert_eq!(names(items_for_wxml(LIVE_PUSHER)), ["麦克风", "摄像头"]);
        assert_eq!(names(items_for_wxml(VOIP_ROOM)), ["摄像头"]);
        assert_eq!(names(items_for_wxml(NICKNAME)), ["昵称头像"]);
        assert_eq!(names(items_for_wxml(REALTIME_PHONE)), ["手机号"]);
    }

    #[test]
    fn wxml_triggers_from_elements() {
        let doc = crate::syntax::wxml::parse(
            "<button open-type=\"getPhoneNumber|agreePrivacyAuthorization\"/>\
             <button open-type=\"share\"/><input type=\"nickname\"/><input type=\"text\"/>\
             <camera/><view open-type=\"chooseAvatar\"/>",
        );
        let found: Vec<&str> = doc
            .elements()
            .flat_map(wxml_triggers)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(found, [PHONE, NICKNAME, CAMERA]);
    }

    #[test]
    fn over_the_per_kind_limit() {
        let origin = |i: usize, whitelisted| OriginUse {
            origin: format!("https://a{i}.com"),
            configurable: true,
            whitelisted,
            uses: Uses::default(),
        };
        let mut list = DomainList {
            category: Category::Request,
            origins: (0..200).map(|i| origin(i, None)).collect(),
            listed: 0,
        };
        assert!(!list.over_limit());
        list.origins.push(origin(200, None));
        assert!(list.over_limit());
        // 150 on the list and 60 to add: 210.
        list.origins = (0..60).map(|i| origin(i, Some(false))).collect();
        list.listed = 150;
        assert!(list.over_limit());
        list.listed = 140;
        assert!(!list.over_limit());
        let text = Checklist {
            whitelist: Some("d.json".into()),
            server: vec![DomainList {
                listed: 150,
                ..list
            }],
            server_unknown: Unknown::default(),
            webview: DomainList {
                category: Category::WebView,
                origins: Vec::new(),
                listed: 0,
            },
            webview_unknown: Unknown::default(),
            privacy: Vec::new(),
            location: Vec::new(),
            plugins: Vec::new(),
            widgets: Vec::new(),
        }
        .text(Lang::En, "");
        assert!(
            text.contains(
                "    over the limit of 200 domains per kind (60 used, 150 listed, 60 missing)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn every_item_has_a_trigger_and_unique_names() {
        for (i, item) in PRIVACY_ITEMS.iter().enumerate() {
            assert!(
                !item.apis.is_empty() || !item.wxml.is_empty(),
                "{}",
                item.zh
            );
            assert!(
                PRIVACY_ITEMS[..i]
                    .iter()
                    .all(|o| o.zh != item.zh && o.en != item.en),
                "{}",
                item.zh
            );
        }
    }
}
