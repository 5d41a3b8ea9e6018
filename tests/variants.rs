//! One-defect variants of a small valid project, one per rule, with every rule enabled: the
//! base must be clean, and each variant must be reported by its rule. A regression in any
//! rule (or a rule that starts firing on valid input) fails here.

mod common;

use common::{check, check_with};
use mpcheck::base::i18n::Lang;
use mpcheck::lint::config::Config;
use mpcheck::lint::rules::release::{Given, ReleaseArgs};
use std::collections::BTreeMap;
use std::path::Path;

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\0";

fn base() -> BTreeMap<String, Vec<u8>> {
    let files: &[(&str, &str)] = &[
        (
            "project.config.json",
            r##"{"appid": "wxf9c4501a76931b33", "compileType": "miniprogram", "libVersion": "3.0.0", "setting": {"urlCheck": true, "minified": true, "minifyWXML": true, "minifyWXSS": true}}"##,
        ),
        (
            "app.json",
            r##"{
  "pages": ["pages/index/index", "pages/cart/cart"],
  "window": {"navigationBarTitleText": "Shop", "navigationBarBackgroundColor": "#ffffff", "navigationBarTextStyle": "black"},
  "tabBar": {"color": "#999999", "selectedColor": "#333333", "list": [
    {"pagePath": "pages/index/index", "text": "Home", "iconPath": "images/home.png", "selectedIconPath": "images/home-on.png"},
    {"pagePath": "pages/cart/cart", "text": "Cart"}]},
  "subPackages": [{"root": "pkgShop", "name": "shop", "pages": ["goods/detail"]}],
  "preloadRule": {"pages/index/index": {"network": "all", "packages": ["shop"]}},
  "usingComponents": {"price": "/components/price/price"},
  "sitemapLocation": "sitemap.json",
  "lazyCodeLoading": "requiredComponents"
}"##,
        ),
        ("app.js", "App({})"),
        (
            "sitemap.json",
            r##"{"rules": [{"action": "allow", "page": "*"}]}"##,
        ),
        ("pages/index/index.js", "Page({})"),
        ("pages/index/index.wxml", "<price value=\"{{1}}\"/><card/>"),
        (
            "pages/index/index.json",
            r##"{"navigationBarTitleText": "Home", "usingComponents": {"card": "../../components/card/card"}}"##,
        ),
        ("pages/cart/cart.js", "Page({})"),
        ("pages/cart/cart.wxml", "<view/>"),
        ("pkgShop/goods/detail.js", "Page({})"),
        ("pkgShop/goods/detail.wxml", "<sku/>"),
        (
            "pkgShop/goods/detail.json",
            r##"{"usingComponents": {"sku": "../components/sku/sku"}}"##,
        ),
        ("components/price/price.js", "Component({})"),
        ("components/price/price.json", r##"{"component": true}"##),
        ("components/price/price.wxml", "<text/>"),
        ("components/card/card.js", "Component({})"),
        (
            "components/card/card.json",
            r##"{"component": true, "usingComponents": {"price": "../price/price"}}"##,
        ),
        ("components/card/card.wxml", "<view><price/></view>"),
        ("pkgShop/components/sku/sku.js", "Component({})"),
        (
            "pkgShop/components/sku/sku.json",
            r##"{"component": true}"##,
        ),
        ("pkgShop/components/sku/sku.wxml", "<view/>"),
    ];
    let mut map: BTreeMap<String, Vec<u8>> = files
        .iter()
        .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
        .collect();
    map.insert("images/home.png".into(), PNG.to_vec());
    map.insert("images/home-on.png".into(), PNG.to_vec());
    map
}

fn write(dir: &Path, files: &BTreeMap<String, Vec<u8>>) {
    for (path, content) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
}

/// Replaces `from` by `to` in `file` (which must contain it).
fn edit(files: &mut BTreeMap<String, Vec<u8>>, file: &str, from: &str, to: &str) {
    let text = String::from_utf8(files[file].clone()).unwrap();
    assert!(text.contains(from), "{file} lacks {from}");
    files.insert(file.into(), text.replacen(from, to, 1).into_bytes());
}

/// Adds `"widgets": <value>` to app.json.
fn widgets(files: &mut BTreeMap<String, Vec<u8>>, value: &str) {
    edit(
        files,
        "app.json",
        "\"lazyCodeLoading\"",
        &format!("\"widgets\": {value},\n  \"lazyCodeLoading\""),
    );
}

/// A `<dir>/widget.js` calling `Widget()`.
fn widget_js(files: &mut BTreeMap<String, Vec<u8>>, dir: &str) {
    files.insert(format!("{dir}/widget.js"), b"Widget({})".to_vec());
}

/// Adds `"condition": <value>` to project.config.json.
fn condition(files: &mut BTreeMap<String, Vec<u8>>, value: &str) {
    edit(
        files,
        "project.config.json",
        "\"compileType\"",
        &format!("\"condition\": {value}, \"compileType\""),
    );
}

type Mutation = fn(&mut BTreeMap<String, Vec<u8>>);

/// Declares a search widget in `widget/` whose widget.js is `js` (widget code rules).
fn add_widget(files: &mut BTreeMap<String, Vec<u8>>, js: &str) {
    edit(
        files,
        "app.json",
        "\"lazyCodeLoading\"",
        "\"widgets\": [{\"type\": \"search\", \"path\": \"widget\"}], \"lazyCodeLoading\"",
    );
    files.insert("widget/widget.js".into(), js.as_bytes().to_vec());
}

fn variants() -> Vec<(&'static str, Mutation)> {
    vec![
        ("MP001", |f| {
            edit(f, "app.json", "\"sitemap.json\",", "\"sitemap.json\",,")
        }),
        ("MP007", |f| {
            f.remove("app.json");
        }),
        ("MP003", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"debug\": true, \"debug\": false, \"lazyCodeLoading\"",
            )
        }),
        ("MP004", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"// mpcheck-disable-next-line MP301 -- nothing to suppress\nPage({})".to_vec(),
            );
        }),
        ("MP005", |f| {
            f.insert("data/regions.json".into(), b"{\"a\": 1,}".to_vec());
        }),
        ("MP006", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { ) })".to_vec(),
            );
        }),
        ("MP100", |f| {
            edit(
                f,
                "project.config.json",
                "\"compileType\"",
                "\"miniprogramRoot\": \"src/\", \"compileType\"",
            )
        }),
        ("MP101", |f| {
            f.insert("app.json".into(), br##"{"pages": []}"##.to_vec());
        }),
        ("MP102", |f| {
            edit(
                f,
                "app.json",
                "\"usingComponents\"",
                "\"usingComponent\": {}, \"usingComponents\"",
            )
        }),
        ("MP103", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"debug\": \"yes\", \"lazyCodeLoading\"",
            )
        }),
        ("MP104", |f| {
            edit(
                f,
                "app.json",
                "\"navigationBarTextStyle\": \"black\"",
                "\"navigationBarTextStyle\": \"blue\"",
            )
        }),
        ("MP105", |f| edit(f, "app.json", "\"#ffffff\"", "\"white\"")),
        ("MP106", |f| {
            edit(f, "app.json", "\"root\": \"pkgShop\", ", "")
        }),
        ("MP107", |f| {
            edit(
                f,
                "pages/index/index.json",
                "\"navigationBarTitleText\": \"Home\"",
                "\"window\": {\"navigationBarTitleText\": \"Home\"}",
            )
        }),
        ("MP108", |f| {
            edit(
                f,
                "app.json",
                ",\n    {\"pagePath\": \"pages/cart/cart\", \"text\": \"Cart\"}",
                "",
            )
        }),
        ("MP109", |f| {
            edit(
                f,
                "app.json",
                "{\"pagePath\": \"pages/cart/cart\"",
                "{\"pagePath\": \"pkgShop/goods/detail\"",
            )
        }),
        ("MP110", |f| {
            f.remove("images/home-on.png");
        }),
        ("MP111", |f| {
            edit(
                f,
                "app.json",
                "images/home-on.png",
                "https://cdn.example.com/home-on.png",
            )
        }),
        ("MP112", |f| {
            f.insert("images/home.png".into(), vec![0; 50_000]);
        }),
        ("MP113", |f| {
            edit(
                f,
                "app.json",
                "\"tabBar\": {",
                "\"tabBar\": {\"custom\": true, ",
            )
        }),
        ("MP114", |f| {
            edit(
                f,
                "app.json",
                "\"root\": \"pkgShop\"",
                "\"root\": \"pkgShops\"",
            )
        }),
        ("MP115", |f| {
            edit(
                f,
                "app.json",
                "\"packages\": [\"shop\"]",
                "\"packages\": [\"shops\"]",
            )
        }),
        ("MP116", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"plugins\": {\"x\": {\"provider\": \"wx1111111111111111\", \"version\": \"1.0\"}}, \"lazyCodeLoading\"",
            )
        }),
        ("MP117", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"requiredPrivateInfos\": [\"getFuzzyLocation\", \"getLocation\"], \"lazyCodeLoading\"",
            )
        }),
        ("MP118", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"requiredBackgroundModes\": [\"music\"], \"lazyCodeLoading\"",
            )
        }),
        ("MP119", |f| {
            edit(f, "app.json", "\"#ffffff\"", "\"@navBg\"")
        }),
        ("MP120", |f| {
            edit(f, "app.json", "\"#ffffff\"", "\"@navBg\"");
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"themeLocation\": \"theme.json\", \"lazyCodeLoading\"",
            );
            f.insert(
                "theme.json".into(),
                br##"{"light": {"navBg": "white"}, "dark": {"navBg": "#000000"}}"##.to_vec(),
            );
        }),
        ("MP121", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"darkmode\": true, \"lazyCodeLoading\"",
            )
        }),
        ("MP122", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"resolveAlias\": {\"@x\": \"x/*\"}, \"lazyCodeLoading\"",
            )
        }),
        ("MP123", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"renderer\": \"skyline\", \"lazyCodeLoading\"",
            )
        }),
        ("MP124", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"useExtendedLib\": {\"vant\": true}, \"lazyCodeLoading\"",
            )
        }),
        ("MP125", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"entranceDeclare\": {\"locationMessage\": {\"path\": \"pages/map/map\"}}, \"lazyCodeLoading\"",
            )
        }),
        ("MP126", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"navigateToMiniProgramAppIdList\": [], \"lazyCodeLoading\"",
            )
        }),
        ("MP127", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"workers\": \"workers\", \"lazyCodeLoading\"",
            )
        }),
        ("MP128", |f| {
            edit(f, "app.json", "\"sitemapLocation\": \"sitemap.json\",", "");
            f.remove("sitemap.json");
        }),
        ("MP129", |f| {
            f.insert(
                "sitemap.json".into(),
                br##"{"rules": [{"action": "allow", "page": "pages/gone/gone"}]}"##.to_vec(),
            );
        }),
        ("MP130", |f| {
            edit(
                f,
                "project.config.json",
                "wxf9c4501a76931b33",
                "touristappid",
            )
        }),
        ("MP131", |f| {
            edit(f, "project.config.json", "\"3.0.0\"", "\"dev\"")
        }),
        ("MP132", |f| {
            edit(
                f,
                "project.config.json",
                "\"compileType\"",
                "\"cloudfunctionRoot\": \"../functions/\", \"compileType\"",
            )
        }),
        ("MP133", |f| {
            edit(
                f,
                "project.config.json",
                "\"compileType\"",
                "\"packOptions\": {\"ignore\": [{\"type\": \"dir\", \"value\": \"docs\"}]}, \"compileType\"",
            )
        }),
        ("MP134", |f| {
            edit(
                f,
                "project.config.json",
                "\"urlCheck\": true",
                "\"urlCheck\": false",
            )
        }),
        ("MP135", |f| {
            f.insert(
                "project.private.config.json".into(),
                br##"{"setting": {"minified": false}}"##.to_vec(),
            );
        }),
        ("MP136", |f| {
            edit(f, "project.config.json", "\"miniprogram\"", "\"weapp\"")
        }),
        ("MP137", |f| {
            edit(f, "project.config.json", "\"miniprogram\"", "\"plugin\"")
        }),
        ("MP138", |f| {
            f.insert(
                "ext.json".into(),
                br##"{"extEnable": true, "extAppid": ""}"##.to_vec(),
            );
        }),
        ("MP200", |f| {
            f.remove("pages/cart/cart.wxml");
        }),
        ("MP201", |f| {
            edit(
                f,
                "app.json",
                "\"pages/cart/cart\"]",
                "\"/pages/cart/cart\"]",
            )
        }),
        ("MP202", |f| {
            edit(
                f,
                "app.json",
                "\"pages/cart/cart\"]",
                "\"pages/cart/cart.js\"]",
            )
        }),
        ("MP203", |f| {
            edit(
                f,
                "app.json",
                "\"pages/cart/cart\"]",
                "\"pages/cart/cart\", \"pages/cart/cart\"]",
            )
        }),
        ("MP204", |f| {
            edit(
                f,
                "app.json",
                "\"pages/cart/cart\"]",
                "\"pages/cart/cart\", \"pkgShop/goods/detail\"]",
            )
        }),
        ("MP205", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"entryPagePath\": \"pages/home/home\", \"lazyCodeLoading\"",
            )
        }),
        ("MP210", |f| {
            edit(
                f,
                "pages/index/index.json",
                "../../components/card/card",
                "../../components/cards/card",
            )
        }),
        ("MP211", |f| {
            f.insert(
                "package.json".into(),
                br##"{"dependencies": {"@vant/weapp": "1.0.0"}}"##.to_vec(),
            );
            edit(
                f,
                "pages/index/index.json",
                "../../components/card/card",
                "@vant/weapp/card/index",
            );
        }),
        ("MP212", |f| {
            edit(
                f,
                "pages/index/index.json",
                "../../components/card/card",
                "../../../components/card/card",
            )
        }),
        ("MP213", |f| {
            edit(
                f,
                "components/card/card.json",
                "\"component\": true",
                "\"component\": false",
            )
        }),
        ("MP214", |f| {
            f.remove("components/card/card.js");
        }),
        ("MP215", |f| {
            edit(
                f,
                "pages/index/index.json",
                "../../components/card/card",
                "/pkgShop/components/sku/sku",
            )
        }),
        ("MP216", |f| {
            edit(
                f,
                "pages/index/index.json",
                "../../components/card/card",
                "plugin://map/view",
            )
        }),
        ("MP300", |f| {
            f.insert(
                "mpcheck.json".into(),
                br#"{"domains": {"request": ["https://api.shop.com"]}}"#.to_vec(),
            );
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://api.other.com/x' }) } })".to_vec(),
            );
        }),
        ("MP301", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'http://api.shop.com/x' }) } })".to_vec(),
            );
        }),
        ("MP302", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://localhost/x' }) } })".to_vec(),
            );
        }),
        ("MP303", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://10.0.0.8/x' }) } })".to_vec(),
            );
        }),
        ("MP304", |f| {
            f.insert(
                "mpcheck.json".into(),
                br#"{"domains": {"request": ["https://api.shop.com"]}}"#.to_vec(),
            );
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://api.shop.com:8443/x' }) } })"
                    .to_vec(),
            );
        }),
        ("MP305", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://api.weixin.qq.com/sns/x' }) } })"
                    .to_vec(),
            );
        }),
        ("MP307", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.request({ url: 'https://api.shop.com/x' }) } })".to_vec(),
            );
        }),
        ("MP308", |f| {
            f.insert(
                "mpcheck.json".into(),
                br#"{"domains": {"request": ["https://*.shop.com"]}}"#.to_vec(),
            );
        }),
        ("MP600", |f| {
            f.insert(
                "utils/sign.js".into(),
                b"module.exports = `-----BEGIN RSA PRIVATE KEY-----\nMIIBOg\n-----END RSA PRIVATE KEY-----`".to_vec(),
            );
        }),
        ("MP309", |f| {
            f.insert(
                "utils/keys.js".into(),
                b"module.exports = { appSecret: '0123456789abcdef0123456789abcdef' }".to_vec(),
            );
        }),
        ("MP310", |f| {
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.getLocation({}) } })".to_vec(),
            );
        }),
        ("MP311", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"requiredPrivateInfos\": [\"getLocation\"], \"lazyCodeLoading\"",
            );
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.getLocation({}) } })".to_vec(),
            );
        }),
        ("MP312", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"requiredPrivateInfos\": [\"startLocationUpdateBackground\"], \"permission\": {\"scope.userLocation\": {\"desc\": \"d\"}}, \"lazyCodeLoading\"",
            );
            f.insert(
                "pages/cart/cart.js".into(),
                b"Page({ onLoad() { wx.startLocationUpdateBackground({}) } })".to_vec(),
            );
        }),
        ("MP313", |f| {
            edit(
                f,
                "app.json",
                "\"lazyCodeLoading\"",
                "\"requiredPrivateInfos\": [\"chooseAddress\"], \"lazyCodeLoading\"",
            )
        }),
        ("MP320", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<view><text>{{a</view>".to_vec(),
            );
        }),
        ("MP321", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<view class=\"a\" class=\"b\"/>".to_vec(),
            );
        }),
        ("MP322", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<import src=\"/templates/none.wxml\"/><view/>".to_vec(),
            );
        }),
        ("MP323", |f| {
            f.insert("pages/cart/cart.wxml".into(), b"<view wx:else/>".to_vec());
        }),
        ("MP324", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<view wx:for=\"{{list}}\"/>".to_vec(),
            );
        }),
        ("MP325", |f| {
            edit(
                f,
                "pages/index/index.json",
                "\"usingComponents\": {",
                "\"usingComponents\": {\"extra\": \"/components/price/price\", ",
            )
        }),
        ("MP326", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<template is=\"missing\"/>".to_vec(),
            );
        }),
        ("MP327", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<image src=\"/images/none.png\"/>".to_vec(),
            );
        }),
        ("MP328", |f| {
            f.insert("pages/cart/cart.wxml".into(), b"<fancy-card/>".to_vec());
        }),
        ("MP329", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<view bindtap=\"onCheckout\"/>".to_vec(),
            );
        }),
        ("MP330", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<wxs module=\"m\">let a = 1; module.exports = { a: a };</wxs><view>{{m.a}}</view>"
                    .to_vec(),
            );
        }),
        ("MP331", |f| {
            f.insert(
                "pages/cart/cart.wxml".into(),
                b"<wxs module=\"m\">var u = require('./util.wxs'); module.exports = u;</wxs><view/>"
                    .to_vec(),
            );
        }),
        // Filler code must be used, or the packer leaves it out (MP410).
        ("MP400", |f| {
            f.insert("utils/big.js".into(), vec![b'/'; 2 * 1024 * 1024 + 1]);
            f.insert(
                "app.js".into(),
                b"require('./utils/big.js')\nApp({})".to_vec(),
            );
        }),
        ("MP401", |f| {
            f.insert("utils/big.js".into(), vec![b'/'; 1600 * 1024]);
            f.insert(
                "app.js".into(),
                b"require('./utils/big.js')\nApp({})".to_vec(),
            );
        }),
        ("MP402", |f| {
            // 17 subpackages of 1.9 MB each: every package under 2 MB, 31.5 MB in all.
            let extra: String = (0..17)
                .map(|i| format!("{{\"root\": \"pkg{i}\", \"pages\": [\"p\"]}}, "))
                .collect();
            edit(
                f,
                "app.json",
                "\"subPackages\": [",
                &format!("\"subPackages\": [{extra}"),
            );
            for i in 0..17 {
                let mut png = PNG.to_vec();
                png.resize(1900 * 1024, 0);
                f.insert(format!("pkg{i}/data.png"), png);
            }
        }),
        ("MP403", |f| {
            f.insert("fonts/icon.ttf".into(), vec![0; 64]);
        }),
        ("MP404", |f| {
            let mut png = PNG.to_vec();
            png.resize(210 * 1024, 0);
            f.insert("images/poster.png".into(), png);
        }),
        ("MP405", |f| {
            for i in 0..3 {
                let mut png = PNG.to_vec();
                png.resize(80 * 1024, 0);
                f.insert(format!("images/p{i}.png"), png);
            }
        }),
        ("MP406", |f| {
            f.insert("utils/big.js".into(), vec![b'/'; 2_048_001]);
            f.insert(
                "app.js".into(),
                b"require('./utils/big.js')\nApp({})".to_vec(),
            );
        }),
        ("MP407", |f| {
            edit(
                f,
                "project.config.json",
                "\"minifyWXSS\": true",
                "\"minifyWXSS\": false",
            )
        }),
        ("MP408", |f| {
            edit(
                f,
                "app.json",
                ",\n  \"lazyCodeLoading\": \"requiredComponents\"",
                "",
            )
        }),
        ("MP409", |f| {
            f.insert("utils/sku.js".into(), b"module.exports = {}".to_vec());
            f.insert(
                "pkgShop/goods/detail.js".into(),
                b"require('../../utils/sku')\nPage({})".to_vec(),
            );
        }),
        ("MP410", |f| {
            f.insert("utils/legacy.js".into(), b"module.exports = {}".to_vec());
        }),
        ("MP500", |f| widgets(f, "[]")),
        ("MP501", |f| {
            widgets(f, "{\"type\": \"search\", \"path\": \"widget\"}");
            widget_js(f, "widget");
        }),
        ("MP502", |f| {
            widgets(f, "[{\"type\": \"weather\", \"path\": \"widget\"}]");
            widget_js(f, "widget");
        }),
        ("MP503", |f| {
            widgets(f, "[{\"type\": \"search\", \"path\": \"widget\"}]")
        }),
        ("MP504", |f| {
            widgets(f, "[{\"type\": \"search\", \"path\": \"widget\"}]");
            f.insert("widget/index.js".into(), b"Widget({})".to_vec());
        }),
        ("MP505", |f| {
            widgets(f, "[{\"type\": \"search\", \"path\": \"widget\"}]");
            widget_js(f, "widget");
            edit(
                f,
                "project.config.json",
                "\"compileType\": \"miniprogram\"",
                "\"compileType\": \"conversation\"",
            );
        }),
        ("MP506", |f| {
            widgets(f, "[{\"type\": \"search\", \"path\": \"widget/\"}]");
            widget_js(f, "widget");
        }),
        ("MP507", |f| {
            widgets(f, "[{\"type\": \"search\", \"path\": \"widget\"}]");
            widget_js(f, "widget");
            f.insert(
                "widgetLib/format.js".into(),
                b"module.exports = {}".to_vec(),
            );
        }),
        ("MP540", |f| {
            condition(
                f,
                "{\"search\": {\"list\": [{\"id\": \"0\", \"name\": \"weather\"}]}}",
            )
        }),
        ("MP541", |f| {
            condition(
                f,
                "{\"search\": {\"list\": [{\"id\": 0, \"name\": \"weather\", \"query\": 1}]}}",
            )
        }),
        ("MP217", |f| {
            let js = f.remove("components/card/card.js").unwrap();
            f.insert("components/card/card.ts".into(), js);
        }),
        ("MP520", |f| {
            add_widget(f, "module.exports = { onLoad() {} }")
        }),
        ("MP521", |f| {
            add_widget(f, "Widget({ onLoad() { wx.setStorageSync('k', 1) } })")
        }),
        ("MP522", |f| {
            add_widget(f, "Widget({ onLoad() { getApp() } })")
        }),
        ("MP523", |f| {
            add_widget(f, "require('../utils/fmt')\nWidget({})");
            f.insert("utils/fmt.js".into(), b"module.exports = {}".to_vec());
        }),
        ("MP524", |f| add_widget(f, "Widget({ __context__: null })")),
        ("MP525", |f| {
            add_widget(f, "Widget({ onTab() { return true } })")
        }),
        ("MP526", |f| {
            add_widget(f, "Widget({})");
            f.insert("widget/widget.wxml".into(), b"<view/>".to_vec());
        }),
    ]
}

#[test]
fn base_project_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &base());
    let (_, diagnostics) = check(dir.path(), &Config::default(), Lang::En);
    let found: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d.rule.code, d.file, d.message.en()))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_variant_is_reported_by_its_rule() {
    let mut failures = Vec::new();
    for (code, mutate) in variants() {
        let mut files = base();
        mutate(&mut files);
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &files);
        let (_, diagnostics) = check(dir.path(), &Config::default(), Lang::En);
        if !diagnostics.iter().any(|d| d.rule.code == code) {
            let got: Vec<&str> = diagnostics.iter().map(|d| d.rule.code).collect();
            failures.push(format!("{code}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// `mpcheck release`'s arguments that are all valid for [`base`], with a throwaway test key.
fn release_base() -> ReleaseArgs {
    ReleaseArgs {
        version: "1.4.2".into(),
        desc: Some(("Release 1.4.2".into(), Given::GitHead)),
        appid: Some(("wxf9c4501a76931b33".into(), Given::ProjectConfig)),
        key: Some((
            common::case_file("MP604/pass-pkcs1", "key.pem"),
            Given::Option,
        )),
        robot: "1".into(),
    }
}

type ReleaseMutation = fn(&mut ReleaseArgs);

/// One-defect variants of [`release_base`], one per rule that checks the arguments.
fn release_variants() -> Vec<(&'static str, ReleaseMutation)> {
    vec![
        ("MP601", |a| a.version = "1.4.2-rc1".into()),
        ("MP602", |a| {
            a.desc = Some(("x".repeat(101), Given::Option));
        }),
        ("MP603", |a| {
            a.appid = Some(("touristappid".into(), Given::Option));
        }),
        ("MP604", |a| {
            a.key = Some((
                common::case_file("MP604/fail-ec-pkcs8", "key.pem"),
                Given::Env,
            ));
        }),
        ("MP605", |a| a.robot = "0".into()),
    ]
}

#[test]
fn base_project_is_clean_under_release() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &base());
    let args = release_base();
    let (_, diagnostics) = check_with(dir.path(), &Config::default(), Lang::En, Some(&args));
    let found: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{} {} {}", d.rule.code, d.file, d.message.en()))
        .collect();
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn each_release_variant_is_reported_by_its_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &base());
    let mut failures = Vec::new();
    for (code, mutate) in release_variants() {
        let mut args = release_base();
        mutate(&mut args);
        let (_, diagnostics) = check_with(dir.path(), &Config::default(), Lang::En, Some(&args));
        let got: Vec<&str> = diagnostics.iter().map(|d| d.rule.code).collect();
        if got != [code] {
            failures.push(format!("{code}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn every_rule_has_a_variant_or_a_reason() {
    // MP002 needs symlinks or special files (tests/robustness.rs covers it); MP306 is off by
    // default (its rule fixtures enable it). The template-data rules read the files
    // `widget.data` in mpcheck.json lists, which the default config here has none of
    // (tests/widget_data.rs mutates valid bodies one field at a time).
    let widget_data = mpcheck::lint::rules::RULES
        .iter()
        .map(|r| r.meta().code)
        .filter(|c| ("MP550".."MP580").contains(c));
    // The rules that check `mpcheck release`'s arguments have release variants instead.
    let covered: Vec<&str> = variants()
        .iter()
        .map(|(c, _)| *c)
        .chain(release_variants().iter().map(|(c, _)| *c))
        .chain(["MP002", "MP306"])
        .chain(widget_data)
        .collect();
    for r in mpcheck::lint::rules::RULES {
        assert!(
            covered.contains(&r.meta().code),
            "{} has no one-defect variant",
            r.meta().code
        );
    }
}
