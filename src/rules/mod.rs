//! The rule registry: every rule, in code order. One file per rule under `<group>/`.

pub mod components;
pub mod config;
pub mod json;
pub mod meta;
pub mod network;
pub mod package;
pub mod pages;
pub mod project;
pub mod widget;
pub mod wxml;

use crate::rule::Rule;

pub static RULES: &[&dyn Rule] = &[
    &json::invalid_json::InvalidJson,
    &json::unreadable_file::UnreadableFile,
    &json::duplicate_json_key::DuplicateJsonKey,
    &meta::unused_suppression::UnusedSuppression,
    &json::invalid_data_json::InvalidDataJson,
    &json::code_not_analysed::CodeNotAnalysed,
    &config::app_json_not_found::AppJsonNotFound,
    &config::pages_empty::PagesEmpty,
    &config::unknown_field::UnknownField,
    &config::invalid_field_type::InvalidFieldType,
    &config::invalid_enum_value::InvalidEnumValue,
    &config::invalid_color::InvalidColor,
    &config::missing_required_field::MissingRequiredField,
    &config::page_json_window_wrapper::PageJsonWindowWrapper,
    &config::tabbar_item_count::TabbarItemCount,
    &config::invalid_tabbar_page::InvalidTabbarPage,
    &config::tabbar_icon_not_found::TabbarIconNotFound,
    &config::invalid_tabbar_icon::InvalidTabbarIcon,
    &config::tabbar_icon_too_large::TabbarIconTooLarge,
    &config::custom_tabbar_missing::CustomTabbarMissing,
    &config::invalid_subpackage::InvalidSubpackage,
    &config::invalid_preload_rule::InvalidPreloadRule,
    &config::invalid_plugin::InvalidPlugin,
    &config::private_infos_conflict::PrivateInfosConflict,
    &config::invalid_background_mode::InvalidBackgroundMode,
    &config::theme_variable::ThemeVariable,
    &config::invalid_theme_value::InvalidThemeValue,
    &config::darkmode_without_theme::DarkmodeWithoutTheme,
    &config::invalid_resolve_alias::InvalidResolveAlias,
    &config::skyline_requirements::SkylineRequirements,
    &config::invalid_extended_lib::InvalidExtendedLib,
    &config::invalid_entrance_declare::InvalidEntranceDeclare,
    &config::deprecated_field::DeprecatedField,
    &config::referenced_file_not_found::ReferencedFileNotFound,
    &config::sitemap_missing::SitemapMissing,
    &config::sitemap_unknown_page::SitemapUnknownPage,
    &project::invalid_appid::InvalidAppid,
    &project::invalid_lib_version::InvalidLibVersion,
    &project::root_escapes_project::RootEscapesProject,
    &project::invalid_pack_options::InvalidPackOptions,
    &project::url_check_disabled::UrlCheckDisabled,
    &project::private_only_setting::PrivateOnlySetting,
    &project::invalid_compile_type::InvalidCompileType,
    &project::invalid_plugin_project::InvalidPluginProject,
    &project::invalid_ext_json::InvalidExtJson,
    &pages::missing_page_file::MissingPageFile,
    &pages::invalid_page_path::InvalidPagePath,
    &pages::page_path_has_extension::PagePathHasExtension,
    &pages::duplicate_page::DuplicatePage,
    &pages::main_page_in_subpackage::MainPageInSubpackage,
    &pages::entry_page_not_declared::EntryPageNotDeclared,
    &components::component_not_found::ComponentNotFound,
    &components::npm_component_not_built::NpmComponentNotBuilt,
    &components::component_outside_root::ComponentOutsideRoot,
    &components::not_a_component::NotAComponent,
    &components::component_missing_js::ComponentMissingJs,
    &components::cross_package_component::CrossPackageComponent,
    &components::plugin_component_undeclared::PluginComponentUndeclared,
    &components::typescript_not_compiled::TypescriptNotCompiled,
    &network::domain_not_whitelisted::DomainNotWhitelisted,
    &network::insecure_url::InsecureUrl,
    &network::local_or_ip_address::LocalOrIpAddress,
    &network::lan_ip_address::LanIpAddress,
    &network::port_not_allowed::PortNotAllowed,
    &network::weixin_api_from_client::WeixinApiFromClient,
    &network::unresolved_url::UnresolvedUrl,
    &network::whitelist_not_configured::WhitelistNotConfigured,
    &network::invalid_whitelist_entry::InvalidWhitelistEntry,
    &network::appsecret_in_code::AppsecretInCode,
    &network::private_info_undeclared::PrivateInfoUndeclared,
    &network::location_permission_missing::LocationPermissionMissing,
    &network::background_location_undeclared::BackgroundLocationUndeclared,
    &network::private_info_unused::PrivateInfoUnused,
    &wxml::wxml_syntax_error::WxmlSyntaxError,
    &wxml::duplicate_attribute::DuplicateAttribute,
    &wxml::wxml_src_not_found::WxmlSrcNotFound,
    &wxml::orphan_elif_else::OrphanElifElse,
    &wxml::for_without_key::ForWithoutKey,
    &wxml::unused_component::UnusedComponent,
    &wxml::template_not_found::TemplateNotFound,
    &wxml::media_src_not_found::MediaSrcNotFound,
    &wxml::undeclared_component::UndeclaredComponent,
    &wxml::event_handler_not_found::EventHandlerNotFound,
    &wxml::wxs_syntax_error::WxsSyntaxError,
    &wxml::wxs_require_not_found::WxsRequireNotFound,
    &package::package_too_large::PackageTooLarge,
    &package::package_near_limit::PackageNearLimit,
    &package::total_too_large::TotalTooLarge,
    &package::file_not_uploaded::FileNotUploaded,
    &package::large_media_file::LargeMediaFile,
    &package::media_total_too_large::MediaTotalTooLarge,
    &package::js_file_too_large::JsFileTooLarge,
    &package::compression_off::CompressionOff,
    &package::lazy_code_loading_off::LazyCodeLoadingOff,
    &package::js_only_used_by_subpackage::JsOnlyUsedBySubpackage,
    &package::unused_code_file::UnusedCodeFile,
    // widget: declaration (MP500–MP519)
    // widget: code (MP520–MP539)
    // widget: test configuration (MP540–MP549)
    // widget: template data (MP550–MP579)
    &widget::data::not_json::WidgetDataNotJson,
    &widget::data::data_file::WidgetDataFile,
    &widget::data::unknown_kind::WidgetDataUnknownKind,
    &widget::data::missing_field::WidgetDataMissingField,
    &widget::data::wrong_type::WidgetDataWrongType,
    &widget::data::invalid_value::WidgetDataInvalidValue,
    &widget::data::item_count::WidgetDataItemCount,
    &widget::data::body_too_large::WidgetDataBodyTooLarge,
    &widget::data::batch_inconsistent::WidgetDataBatchInconsistent,
    &widget::data::page_not_declared::WidgetDataPageNotDeclared,
    &widget::data::duplicate_path::WidgetDataDuplicatePath,
];

/// A rule by code (`MP101`, any case) or name (`pages-empty`).
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().code.eq_ignore_ascii_case(key) || r.meta().name == key)
}
