//! Schema data: app.json and page/component json, after miniprogram-ci 2.1.42
//! (`dist/schema/dist/app.js`, `page.js`; see the spec, sections 1 and 2).

use super::types::{Field, Obj, Ty};

const fn f(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        themable: false,
    }
}

/// A field whose value may also be a DarkMode `@variable`.
const fn themed(name: &'static str, ty: Ty) -> Field {
    Field {
        name,
        ty,
        themable: true,
    }
}

const OPEN: Obj = Obj {
    fields: &[],
    required: &[],
    open: true,
};
const STRINGS: Ty = Ty::Array(&Ty::String);
const STRING_MAP: Ty = Ty::Map(&Ty::String);
const RENDERERS: &[&str] = &["skyline", "webview"];
const FRAMEWORKS: &[&str] = &["glass-easel", "exparser"];

/// The window settings: `window` in app.json, and the top level of a page json.
pub const WINDOW_FIELDS: &[Field] = &[
    themed("navigationBarBackgroundColor", Ty::Color),
    themed("navigationBarTextStyle", Ty::Enum(&["black", "white"])),
    f("navigationBarTitleText", Ty::String),
    f("navigationStyle", Ty::Enum(&["default", "custom"])),
    f("homeButton", Ty::Bool),
    themed("backgroundColor", Ty::Color),
    themed("backgroundTextStyle", Ty::Enum(&["dark", "light"])),
    themed("backgroundColorTop", Ty::String),
    themed("backgroundColorBottom", Ty::String),
    themed("backgroundColorContent", Ty::String),
    f("enablePullDownRefresh", Ty::Bool),
    f("onReachBottomDistance", Ty::Number),
    f(
        "pageOrientation",
        Ty::Enum(&["portrait", "auto", "landscape"]),
    ),
    f("renderingMode", Ty::Enum(&["seperated", "mixed"])),
    f(
        "restartStrategy",
        Ty::Enum(&["homePage", "homePageAndLatestPage"]),
    ),
    f("visualEffectInBackground", Ty::Enum(&["hidden", "none"])),
    f(
        "initialRenderingCache",
        Ty::Enum(&["static", "dynamic", "capture"]),
    ),
    f(
        "handleWebviewPreload",
        Ty::Enum(&["static", "manual", "auto"]),
    ),
];

const WINDOW: Obj = Obj {
    fields: WINDOW_FIELDS,
    required: &[],
    open: false,
};

const TABBAR_ITEM: Obj = Obj {
    fields: &[
        f("pagePath", Ty::String),
        f("text", Ty::String),
        themed("iconPath", Ty::String),
        themed("selectedIconPath", Ty::String),
        f("renderer", Ty::Enum(&["skyline", "webview", "cover-view"])),
    ],
    required: &["pagePath"],
    open: false,
};

const TABBAR: Obj = Obj {
    fields: &[
        f("custom", Ty::Bool),
        themed("color", Ty::Color),
        themed("selectedColor", Ty::Color),
        themed("backgroundColor", Ty::Color),
        themed("borderStyle", Ty::Enum(&["black", "white"])),
        f("position", Ty::Enum(&["bottom", "top"])),
        f("list", Ty::Array(&Ty::Object(&TABBAR_ITEM))),
    ],
    required: &["list"],
    open: false,
};

const USE_EXTENDED_LIB: Ty = Ty::Map(&Ty::OneOf(&[Ty::Bool, Ty::String]));

const PLUGIN: Obj = Obj {
    fields: &[
        f("provider", Ty::String),
        f("version", Ty::String),
        f("path", Ty::String),
        f("export", Ty::String),
        f("genericsImplementation", Ty::Map(&STRING_MAP)),
    ],
    required: &["provider", "version"],
    open: false,
};
const PLUGINS: Ty = Ty::Map(&Ty::Object(&PLUGIN));

const SUBPACKAGE: Obj = Obj {
    fields: &[
        f("root", Ty::String),
        f("pages", STRINGS),
        f("name", Ty::String),
        f("independent", Ty::Bool),
        f("entry", Ty::String),
        f("plugins", PLUGINS),
        f("useExtendedLib", USE_EXTENDED_LIB),
        // The official schema types these two as plain strings inside a subpackage.
        f("componentFramework", Ty::String),
        f("renderer", Ty::String),
    ],
    required: &["root", "pages"],
    open: false,
};

const PRELOAD_RULE: Obj = Obj {
    fields: &[
        f("network", Ty::Enum(&["all", "wifi"])),
        f("packages", STRINGS),
    ],
    required: &["packages"],
    open: false,
};

const PERMISSION_SCOPE: Obj = Obj {
    fields: &[f("desc", Ty::String)],
    required: &["desc"],
    open: false,
};

const PERMISSION: Obj = Obj {
    fields: &[
        f("scope.userLocation", Ty::Object(&PERMISSION_SCOPE)),
        f("scope.userFuzzyLocation", Ty::Object(&PERMISSION_SCOPE)),
    ],
    required: &[],
    open: false,
};

const NETWORK_TIMEOUT: Obj = Obj {
    fields: &[
        f("request", Ty::Number),
        f("connectSocket", Ty::Number),
        f("uploadFile", Ty::Number),
        f("downloadFile", Ty::Number),
    ],
    required: &[],
    open: false,
};

const WORKERS: Obj = Obj {
    fields: &[f("path", Ty::String), f("isSubpackage", Ty::Bool)],
    required: &["path", "isSubpackage"],
    open: false,
};

const PRIVATE_INFOS: &[&str] = &[
    "getFuzzyLocation",
    "getLocation",
    "onLocationChange",
    "startLocationUpdate",
    "startLocationUpdateBackground",
    "chooseLocation",
    "choosePoi",
    "chooseAddress",
];

const SINGLE_PAGE: Obj = Obj {
    fields: &[f("navigationBarFit", Ty::Enum(&["float", "squeezed"]))],
    required: &[],
    open: false,
};

const fn closed(fields: &'static [Field]) -> Obj {
    Obj {
        fields,
        required: &[],
        open: false,
    }
}

const FUNCTIONAL_PAGES: Obj = Obj {
    fields: &[f("independent", Ty::Bool)],
    required: &["independent"],
    open: false,
};
const ENTRANCE_DECLARE: Obj = closed(&[f(
    "locationMessage",
    Ty::Object(&closed(&[f("path", Ty::String), f("query", Ty::String)])),
)]);
const SKYLINE_OPTIONS: Obj = closed(&[
    f("disableABTest", Ty::Bool),
    f("sdkVersionBegin", Ty::String),
    f("sdkVersionEnd", Ty::String),
    f("iosVersionBegin", Ty::String),
    f("iosVersionEnd", Ty::String),
    f("androidVersionBegin", Ty::String),
    f("androidVersionEnd", Ty::String),
    f("defaultContentBox", Ty::Bool),
    f("defaultDisplayBlock", Ty::Bool),
    // Documented Skyline option, absent from miniprogram-ci 2.1.42's schema.
    f("tagNameStyleIsolation", Ty::String),
]);
const RENDERER_OPTIONS: Obj = closed(&[
    f("defaultDisplayBlock", Ty::Bool),
    f("skyline", Ty::Object(&SKYLINE_OPTIONS)),
]);
const PAGE_RENDERER_OPTIONS: Obj = closed(&[f("skyline", Ty::Object(&SKYLINE_OPTIONS))]);
const HALF_PAGE: Obj = closed(&[f(
    "firstPageNavigationStyle",
    Ty::Enum(&["default", "custom"]),
)]);
const DEBUG_OPTIONS: Obj = closed(&[f("enableFPSPanel", Ty::Bool)]);
const APP_BAR: Obj = closed(&[f("custom", Ty::Bool)]);
const MINI_APP: Obj = closed(&[f("useAuthorizePage", Ty::Bool)]);
const CLOUD_CONFIG: Obj = closed(&[
    f("gatewayDomain", Ty::String),
    f("publicKey", Ty::String),
    f("gatewayId", Ty::String),
]);
const CHAT_TOOL: Obj = Obj {
    fields: &[
        f("root", Ty::String),
        f("entryPagePath", Ty::String),
        f("desc", Ty::String),
        f("scopes", STRINGS),
    ],
    required: &["root", "entryPagePath", "desc"],
    open: false,
};
const ACCOUNT_CARD: Obj = Obj {
    fields: &[f("type", Ty::Number), f("componentPath", Ty::String)],
    required: &["type", "componentPath"],
    open: false,
};
const ACCOUNT_CARD_PACKAGE: Obj = Obj {
    fields: &[
        f("root", Ty::String),
        f("cardList", Ty::Array(&Ty::Object(&ACCOUNT_CARD))),
    ],
    required: &["root", "cardList"],
    open: false,
};
const STATIC_CONFIG: Obj = Obj {
    fields: &[
        f("pattern", Ty::String),
        f(
            "platforms",
            Ty::Array(&Ty::Enum(&[
                "mini-android",
                "mini-ios",
                "mini-ohos",
                "mini-weixin",
            ])),
        ),
    ],
    required: &["pattern", "platforms"],
    open: false,
};

const PASSIVE_EVENT: Ty = Ty::OneOf(&[Ty::Bool, Ty::Map(&Ty::Bool)]);

/// Keys that only app.json accepts (a hint when they show up in a page json).
pub const APP_ONLY_FIELDS: &[Field] = &[
    f("pages", STRINGS),
    f("window", Ty::Object(&WINDOW)),
    f("tabBar", Ty::Object(&TABBAR)),
    f("subpackages", Ty::Array(&Ty::Object(&SUBPACKAGE))),
    f("subPackages", Ty::Array(&Ty::Object(&SUBPACKAGE))),
    f("preloadRule", Ty::Map(&Ty::Object(&PRELOAD_RULE))),
    f("plugins", PLUGINS),
    f("permission", Ty::Object(&PERMISSION)),
    f("requiredPrivateInfos", Ty::Array(&Ty::Enum(PRIVATE_INFOS))),
    f("requiredBackgroundModes", STRINGS),
    f("networkTimeout", Ty::Object(&NETWORK_TIMEOUT)),
    f("entryPagePath", Ty::String),
    f("sitemapLocation", Ty::String),
    f("themeLocation", Ty::String),
    f("darkmode", Ty::Bool),
    f("lazyCodeLoading", Ty::Enum(&["requiredComponents"])),
    f("resolveAlias", STRING_MAP),
    f("debug", Ty::Bool),
    f("workers", Ty::OneOf(&[Ty::String, Ty::Object(&WORKERS)])),
];

pub const APP_FIELDS: &[Field] = &[
    f("pages", STRINGS),
    f("entryPagePath", Ty::String),
    f("window", Ty::Object(&WINDOW)),
    f("tabBar", Ty::Object(&TABBAR)),
    f("subpackages", Ty::Array(&Ty::Object(&SUBPACKAGE))),
    f("subPackages", Ty::Array(&Ty::Object(&SUBPACKAGE))),
    f("preloadRule", Ty::Map(&Ty::Object(&PRELOAD_RULE))),
    f("usingComponents", STRING_MAP),
    f("componentPlaceholder", STRING_MAP),
    f("plugins", PLUGINS),
    f("permission", Ty::Object(&PERMISSION)),
    f("requiredPrivateInfos", Ty::Array(&Ty::Enum(PRIVATE_INFOS))),
    f("requiredBackgroundModes", STRINGS),
    f("requireBackgroundModes", STRINGS),
    f("networkTimeout", Ty::Object(&NETWORK_TIMEOUT)),
    f("debug", Ty::Bool),
    f("resizable", Ty::Bool),
    f("displayMode", Ty::Enum(&["mobile", "pad", "desktop"])),
    f(
        "functionalPages",
        Ty::OneOf(&[Ty::Bool, Ty::Object(&FUNCTIONAL_PAGES)]),
    ),
    f("workers", Ty::OneOf(&[Ty::String, Ty::Object(&WORKERS)])),
    f("sitemapLocation", Ty::String),
    f("style", Ty::Enum(&["v2"])),
    f("useExtendedLib", USE_EXTENDED_LIB),
    f("entranceDeclare", Ty::Object(&ENTRANCE_DECLARE)),
    f("darkmode", Ty::Bool),
    f("themeLocation", Ty::String),
    f("theme", Ty::String),
    f("lazyCodeLoading", Ty::Enum(&["requiredComponents"])),
    f("lazyCodeLoadingLegacy", Ty::Bool),
    f("singlePage", Ty::Object(&SINGLE_PAGE)),
    f("enablePassiveEvent", PASSIVE_EVENT),
    f("renderer", Ty::Enum(RENDERERS)),
    f("rendererOptions", Ty::Object(&RENDERER_OPTIONS)),
    f("componentFramework", Ty::Enum(FRAMEWORKS)),
    f("resolveAlias", STRING_MAP),
    f("openDataContext", Ty::String),
    f("openLocationPagePath", Ty::String),
    f("embeddedAppIdList", STRINGS),
    f("halfPage", Ty::Object(&HALF_PAGE)),
    f("debugOptions", Ty::Object(&DEBUG_OPTIONS)),
    f("appBar", Ty::Object(&APP_BAR)),
    f("mimeTypeDeclarations", Ty::Map(&STRINGS)),
    f("cloud", Ty::Bool),
    f("cloudVersion", Ty::String),
    f("cloudConfig", Ty::Object(&CLOUD_CONFIG)),
    f("serviceProviderTicket", Ty::String),
    f("chatTools", Ty::Array(&Ty::Object(&CHAT_TOOL))),
    f("accountCardPackage", Ty::Object(&ACCOUNT_CARD_PACKAGE)),
    f("xrEntryPagePath", Ty::String),
    f("miniApp", Ty::Object(&MINI_APP)),
    f("keepContextPageInCycleJump", Ty::Bool),
    f("__usePrivacyCheck__", Ty::Bool),
    f("agent", Ty::Object(&OPEN)),
    f("frameset", Ty::Bool),
    f("static", Ty::Array(&Ty::Object(&STATIC_CONFIG))),
    f("mini-ios", Ty::Object(&OPEN)),
    f("mini-android", Ty::Object(&OPEN)),
    f("mini-weixin", Ty::Object(&OPEN)),
    f("__warning__", Ty::String),
    // Documented (chat-material opening) though absent from miniprogram-ci 2.1.42's schema.
    f("supportedMaterials", Ty::Array(&Ty::Any)),
    // Retired: reported by deprecated-field (MP126), not as unknown.
    f("navigateToMiniProgramAppIdList", Ty::Any),
    f("widgets", Ty::Any),
];

pub const APP: Ty = Ty::Object(&Obj {
    fields: APP_FIELDS,
    required: &["pages"],
    open: false,
});

const COMPONENT_GENERIC: Ty = Ty::OneOf(&[
    Ty::Bool,
    Ty::Null,
    Ty::Object(&Obj {
        fields: &[f("default", Ty::String)],
        required: &["default"],
        open: false,
    }),
]);

const PAGE_OWN_FIELDS: &[Field] = &[
    f("disableScroll", Ty::Bool),
    f("disableSwipeBack", Ty::Bool),
    f("usingComponents", STRING_MAP),
    f("componentPlaceholder", STRING_MAP),
    f("component", Ty::Bool),
    f("componentGenerics", Ty::Map(&COMPONENT_GENERIC)),
    f(
        "styleIsolation",
        Ty::Enum(&[
            "isolated",
            "apply-shared",
            "shared",
            "page-isolated",
            "page-apply-shared",
            "page-shared",
        ]),
    ),
    f("pureDataPattern", Ty::String),
    f(
        "renderer",
        Ty::Enum(&["skyline", "webview", "xr-frame", "cover-view"]),
    ),
    f("rendererOptions", Ty::Object(&PAGE_RENDERER_OPTIONS)),
    f("componentFramework", Ty::Enum(FRAMEWORKS)),
    f("singlePage", Ty::Object(&SINGLE_PAGE)),
    f("enablePassiveEvent", PASSIVE_EVENT),
    f("style", Ty::Enum(&["v2"])),
    f("pageJSONLight", Ty::Object(&OPEN)),
    f("pageJSONDark", Ty::Object(&OPEN)),
    f("mini-ios", Ty::Object(&OPEN)),
    f("mini-android", Ty::Object(&OPEN)),
    f("mini-ohos", Ty::Object(&OPEN)),
    f("mini-weixin", Ty::Object(&OPEN)),
];

/// Page and component json: the window keys plus the page's own keys.
pub static PAGE: Ty = Ty::Object(&PAGE_OBJ);
static PAGE_OBJ: Obj = Obj {
    fields: &PAGE_FIELDS,
    required: &[],
    open: false,
};

const PAGE_FIELD_COUNT: usize = WINDOW_FIELDS.len() + PAGE_OWN_FIELDS.len();
static PAGE_FIELDS: [Field; PAGE_FIELD_COUNT] = {
    let mut out = [f("", Ty::Any); PAGE_FIELD_COUNT];
    let mut i = 0;
    while i < WINDOW_FIELDS.len() {
        out[i] = WINDOW_FIELDS[i];
        i += 1;
    }
    let mut j = 0;
    while j < PAGE_OWN_FIELDS.len() {
        out[i + j] = PAGE_OWN_FIELDS[j];
        j += 1;
    }
    out
};

const PACK_RULE: Obj = Obj {
    fields: &[f("type", Ty::String), f("value", Ty::String)],
    required: &["type", "value"],
    open: false,
};
const PACK_OPTIONS: Obj = Obj {
    fields: &[
        f("ignore", Ty::Array(&Ty::Object(&PACK_RULE))),
        f("include", Ty::Array(&Ty::Object(&PACK_RULE))),
    ],
    required: &[],
    open: true,
};
const NPM_RELATION: Obj = Obj {
    fields: &[
        f("packageJsonPath", Ty::String),
        f("miniprogramNpmDistDir", Ty::String),
    ],
    required: &["packageJsonPath", "miniprogramNpmDistDir"],
    open: true,
};
const BOOL_SETTINGS: &[&str] = &[
    "es6",
    "enhance",
    "postcss",
    "minified",
    "minifyWXSS",
    "minifyWXML",
    "uglifyFileName",
    "ignoreUploadUnusedFiles",
    "ignoreCodeQuality",
    "autoAudits",
    "urlCheck",
    "compileHotReLoad",
    "preloadBackgroundData",
    "lazyloadPlaceholderEnable",
    "useStaticServer",
    "disableUseStrict",
    "uploadWithSourceMap",
    "localPlugins",
    "packNpmManually",
    "coverView",
    "ignoreDevUnusedFiles",
    "checkInvalidKey",
    "showShadowRootInWxmlPanel",
    "useIsolateContext",
    "useMultiFrameRuntime",
    "useApiHook",
    "useApiHostProcess",
    "useLanDebug",
    "enableEngineNative",
    "showES6CompileOption",
];
/// `setting` of project.config.json: typed where the official schema types it, open otherwise.
pub static SETTING_FIELDS: [Field; BOOL_SETTINGS.len() + 3] = {
    let mut out = [f("", Ty::Any); BOOL_SETTINGS.len() + 3];
    let mut i = 0;
    while i < BOOL_SETTINGS.len() {
        out[i] = f(BOOL_SETTINGS[i], Ty::Bool);
        i += 1;
    }
    out[i] = f(
        "useCompilerPlugins",
        Ty::OneOf(&[
            Ty::Array(&Ty::Enum(&["typescript", "less", "sass"])),
            Ty::Bool,
        ]),
    );
    out[i + 1] = f("packNpmRelationList", Ty::Array(&Ty::Object(&NPM_RELATION)));
    out[i + 2] = f("babelSetting", Ty::Object(&OPEN));
    out
};
static SETTING: Obj = Obj {
    fields: &SETTING_FIELDS,
    required: &[],
    open: true,
};
const EDITOR_SETTING: Obj = Obj {
    fields: &[
        f("tabIndent", Ty::Enum(&["auto", "insertSpaces", "tab"])),
        f("tabSize", Ty::OneOf(&[Ty::Number, Ty::String])),
    ],
    required: &[],
    open: true,
};
const PROJECT_STRING_FIELDS: &[&str] = &[
    "appid",
    "projectname",
    "description",
    "compileType",
    "libVersion",
    "miniprogramRoot",
    "pluginRoot",
    "cloudfunctionRoot",
    "cloudfunctionTemplateRoot",
    "cloudcontainerRoot",
    "cloudbaseRoot",
    "qcloudRoot",
    "jsserverRoot",
    "srcMiniprogramRoot",
    "pluginAppid",
    "simulatorType",
];
pub static PROJECT_FIELDS: [Field; PROJECT_STRING_FIELDS.len() + 5] = {
    let mut out = [f("", Ty::Any); PROJECT_STRING_FIELDS.len() + 5];
    let mut i = 0;
    while i < PROJECT_STRING_FIELDS.len() {
        out[i] = f(PROJECT_STRING_FIELDS[i], Ty::String);
        i += 1;
    }
    out[i] = f("packOptions", Ty::Object(&PACK_OPTIONS));
    out[i + 1] = f("setting", Ty::Object(&SETTING));
    out[i + 2] = f("editorSetting", Ty::Object(&EDITOR_SETTING));
    out[i + 3] = f("watchOptions", Ty::Object(&OPEN));
    out[i + 4] = f(
        "projectArchitecture",
        Ty::Enum(&["miniProgram", "mulitPlatform"]),
    );
    out
};
/// project.config.json and project.private.config.json: the official schemas leave unknown
/// keys alone (DevTools writes many), so only known keys are typed.
pub static PROJECT: Ty = Ty::Object(&Obj {
    fields: &PROJECT_FIELDS,
    required: &[],
    open: true,
});

const SITEMAP_RULE: Obj = Obj {
    fields: &[
        f("action", Ty::Enum(&["allow", "disallow"])),
        f("page", Ty::String),
        f("params", Ty::Array(&Ty::Any)),
        f(
            "matching",
            Ty::Enum(&["exact", "inclusive", "exclusive", "partial"]),
        ),
        f("priority", Ty::Number),
    ],
    required: &["action", "page"],
    open: false,
};
pub const SITEMAP: Ty = Ty::Object(&Obj {
    fields: &[
        f("desc", Ty::String),
        f("rules", Ty::Array(&Ty::Object(&SITEMAP_RULE))),
    ],
    required: &["rules"],
    open: false,
});

pub const THEME: Ty = Ty::Object(&Obj {
    fields: &[f("light", STRING_MAP), f("dark", STRING_MAP)],
    required: &[],
    open: false,
});

pub const PLUGIN_JSON: Ty = Ty::Object(&Obj {
    fields: &[
        f("publicComponents", STRING_MAP),
        f("usingComponents", STRING_MAP),
        f("pages", STRING_MAP),
        f("main", Ty::String),
        f("themeLocation", Ty::String),
        f("lazyCodeLoading", Ty::Enum(&["requiredComponents"])),
        f("workers", Ty::String),
        f("renderer", Ty::Enum(RENDERERS)),
        f("componentFramework", Ty::Enum(FRAMEWORKS)),
    ],
    required: &[],
    open: false,
});

static EXT_PAGE: Ty = Ty::Object(&PAGE_OBJ);
static EXT_OWN_FIELDS: [Field; 5] = [
    f("extAppid", Ty::String),
    f("extEnable", Ty::Bool),
    f("directCommit", Ty::Bool),
    f("ext", Ty::Object(&OPEN)),
    f("extPages", Ty::Map(&EXT_PAGE)),
];
static EXT_FIELDS: [Field; EXT_OWN_FIELDS.len() + APP_FIELDS.len()] = {
    let mut out = [f("", Ty::Any); EXT_OWN_FIELDS.len() + APP_FIELDS.len()];
    let mut i = 0;
    while i < EXT_OWN_FIELDS.len() {
        out[i] = EXT_OWN_FIELDS[i];
        i += 1;
    }
    let mut j = 0;
    while j < APP_FIELDS.len() {
        out[i + j] = APP_FIELDS[j];
        j += 1;
    }
    out
};
/// ext.json: its own keys plus the app.json keys it may override.
pub static EXT: Ty = Ty::Object(&Obj {
    fields: &EXT_FIELDS,
    required: &["extAppid"],
    open: false,
});
