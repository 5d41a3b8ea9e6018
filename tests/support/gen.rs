//! The project's own test-project generators (no Python, no `../shared`):
//!
//! - [`defect_cases`]: 23 tiny projects with one seeded defect each (`c01_…` … `c23_…`) plus
//!   `good/` (no defect), the cases of the shared `tools/make-defect-cases.sh`;
//! - [`project`]: a large, valid, deterministic project (pages, subpackages, components,
//!   images, an ignored `node_modules`, a `domains.json` whitelist, request calls), the shape
//!   of the shared `bench/gen_miniprogram.py`, with the same knobs.
//!
//! Both draw from [`PyRandom`], a port of CPython's `random.Random` (MT19937 and the
//! `choice`/`randrange`/`sample`/`random`/`getrandbits` it is used through), so for a given
//! seed and options the output is the same bytes as the Python originals wrote (CPython 3.11;
//! the exception is `c18_big_image/big.png`, read from /dev/urandom by the shell script and
//! drawn from seed 18 here). Used by `tests/seeded.rs`, `tests/browser.rs` and
//! `examples/gen_project.rs` (for scripts: `cargo run --release --example gen_project`).
#![allow(dead_code)]

use serde_json::{Value, json};
use std::io;
use std::path::Path;

/// CPython's `random.Random` (Mersenne Twister), the parts the generators use.
pub struct PyRandom {
    mt: [u32; 624],
    index: usize,
}

impl PyRandom {
    /// `random.Random(seed)` for an integer seed.
    pub fn new(seed: u64) -> Self {
        let mut key = vec![seed as u32, (seed >> 32) as u32];
        while key.len() > 1 && key[key.len() - 1] == 0 {
            key.pop();
        }
        let mut r = PyRandom {
            mt: [0; 624],
            index: 624,
        };
        r.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..624.max(key.len()) {
            let prev = r.mt[i - 1] ^ (r.mt[i - 1] >> 30);
            r.mt[i] = (r.mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= 624 {
                r.mt[0] = r.mt[623];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..623 {
            let prev = r.mt[i - 1] ^ (r.mt[i - 1] >> 30);
            r.mt[i] = (r.mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= 624 {
                r.mt[0] = r.mt[623];
                i = 1;
            }
        }
        r.mt[0] = 0x8000_0000;
        r
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..624 {
            let prev = self.mt[i - 1] ^ (self.mt[i - 1] >> 30);
            self.mt[i] = 1_812_433_253u32.wrapping_mul(prev).wrapping_add(i as u32);
        }
        self.index = 624;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= 624 {
            for k in 0..624 {
                let y = (self.mt[k] & 0x8000_0000) | (self.mt[(k + 1) % 624] & 0x7fff_ffff);
                let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
                self.mt[k] = self.mt[(k + 397) % 624] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `getrandbits(k)`, k ≤ 96.
    pub fn getrandbits(&mut self, k: u32) -> u128 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.next_u32() >> (32 - k)) as u128;
        }
        let (mut out, mut left, mut shift) = (0u128, k, 0);
        while left > 0 {
            let mut w = self.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            out |= (w as u128) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        out
    }

    /// `_randbelow(n)`: uniform in 0..n, by rejection on `n.bit_length()` bits.
    pub fn randbelow(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.getrandbits(k);
            if r < n {
                return r;
            }
        }
    }

    /// `randrange(start, stop)`.
    pub fn randrange(&mut self, start: u64, stop: u64) -> u64 {
        start + self.randbelow((stop - start) as u128) as u64
    }

    /// `random()`: a float in [0, 1) from 53 bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `choice(seq)`.
    pub fn choice<'a, T>(&mut self, seq: &'a [T]) -> &'a T {
        &seq[self.randbelow(seq.len() as u128) as usize]
    }

    /// `sample(population, k)` for k ≤ 5 (CPython 3.11's algorithm for small k).
    pub fn sample<T: Clone>(&mut self, population: &[T], k: usize) -> Vec<T> {
        let n = population.len();
        assert!(k <= 5 && k <= n, "sample: k={k}, n={n}");
        if n <= 21 {
            let mut pool = population.to_vec();
            (0..k)
                .map(|i| {
                    let j = self.randbelow((n - i) as u128) as usize;
                    let picked = pool[j].clone();
                    pool[j] = pool[n - i - 1].clone();
                    picked
                })
                .collect()
        } else {
            let mut selected = Vec::new();
            (0..k)
                .map(|_| {
                    let mut j = self.randbelow(n as u128) as usize;
                    while selected.contains(&j) {
                        j = self.randbelow(n as u128) as usize;
                    }
                    selected.push(j);
                    population[j].clone()
                })
                .collect()
        }
    }

    /// `bytes(getrandbits(8) for _ in range(n))`.
    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.getrandbits(8) as u8).collect()
    }
}

/// Writes `path` (creating its folders).
fn write(path: &Path, bytes: impl AsRef<[u8]>) -> io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

/// Python's `json.dumps(v, indent=n)` for ASCII content (keys in insertion order).
fn dumps(v: &Value, indent: usize) -> String {
    use serde::Serialize;
    let pad = " ".repeat(indent);
    let mut out = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut out,
        serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes()),
    );
    v.serialize(&mut ser).expect("JSON serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

// ---------------------------------------------------------------------------------------------
// Seeded defects

/// Every seeded case, in the order the shared script writes them, and `good`.
pub const CASES: &[&str] = &[
    "good",
    "c01_missing_page_js",
    "c02_missing_page_wxml",
    "c03_page_not_exist",
    "c04_dup_page",
    "c05_bad_color",
    "c06_unknown_key",
    "c07_tabbar_one",
    "c08_tabbar_not_page",
    "c09_subpkg_missing",
    "c10_component_missing",
    "c11_page_json_type",
    "c12_json_syntax",
    "c13_sitemap_bad",
    "c14_bad_text_style",
    "c15_no_pages",
    "c16_wxml_syntax",
    "c17_js_syntax",
    "c18_big_image",
    "c19_main_pkg_too_big",
    "c20_page_with_ext",
    "c21_leading_slash",
    "c22_http_in_request",
    "c23_non_utf8",
];

/// The files of `good/`: two pages, each requesting an https URL; `utils/` is an empty folder.
fn good_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "project.config.json".into(),
            b"{ \"appid\": \"wx0000000000000000\", \"compileType\": \"miniprogram\", \"projectname\": \"sample\", \"setting\": {\"urlCheck\": true, \"es6\": true, \"minified\": true}, \"libVersion\": \"3.0.0\" }\n".to_vec(),
        ),
        (
            "app.json".into(),
            b"{\n  \"pages\": [\"pages/index/index\", \"pages/logs/logs\"],\n  \"window\": {\"navigationBarTitleText\": \"Demo\", \"navigationBarBackgroundColor\": \"#ffffff\", \"navigationBarTextStyle\": \"black\"},\n  \"sitemapLocation\": \"sitemap.json\"\n}\n".to_vec(),
        ),
        ("app.js".into(), b"App({})\n".to_vec()),
        ("app.wxss".into(), b"\n".to_vec()),
        (
            "sitemap.json".into(),
            b"{\"rules\":[{\"action\":\"allow\",\"page\":\"*\"}]}\n".to_vec(),
        ),
    ];
    for p in ["index", "logs"] {
        let base = format!("pages/{p}/{p}");
        files.push((
            format!("{base}.js"),
            b"Page({onLoad(){wx.request({url:'https://api.example.com/x'})}})\n".to_vec(),
        ));
        files.push((format!("{base}.wxml"), b"<view>{{msg}}</view>\n".to_vec()));
        files.push((format!("{base}.wxss"), b".a{color:red}\n".to_vec()));
        files.push((format!("{base}.json"), b"{}\n".to_vec()));
    }
    files
}

/// `good/app.json` as a JSON value (what the shared script's `edit` loads).
fn good_app() -> Value {
    json!({
        "pages": ["pages/index/index", "pages/logs/logs"],
        "window": {
            "navigationBarTitleText": "Demo",
            "navigationBarBackgroundColor": "#ffffff",
            "navigationBarTextStyle": "black"
        },
        "sitemapLocation": "sitemap.json"
    })
}

/// Writes one seeded case (a name of [`CASES`]) into `out/<case>`, replacing what was there.
pub fn defect_case(out: &Path, case: &str) -> io::Result<()> {
    let dir = out.join(case);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(dir.join("utils"))?;
    let mut files = good_files();
    let mut set = |path: &str, bytes: Vec<u8>| match files.iter_mut().find(|f| f.0 == path) {
        Some(f) => f.1 = bytes,
        None => files.push((path.to_string(), bytes)),
    };
    // `edit`: app.json loaded, changed and written back with json.dump(indent=1).
    let edit = |change: &dyn Fn(&mut Value)| {
        let mut app = good_app();
        change(&mut app);
        dumps(&app, 1).into_bytes()
    };
    let tab = |path: &str, text: &str| json!({"pagePath": path, "text": text});
    let line = |s: &str| format!("{s}\n").into_bytes();
    let mut remove = None;
    match case {
        "good" => {}
        "c01_missing_page_js" => remove = Some("pages/logs/logs.js"),
        "c02_missing_page_wxml" => remove = Some("pages/logs/logs.wxml"),
        "c03_page_not_exist" => set(
            "app.json",
            edit(&|j| push(&mut j["pages"], "pages/missing/missing")),
        ),
        "c04_dup_page" => set(
            "app.json",
            edit(&|j| push(&mut j["pages"], "pages/index/index")),
        ),
        "c05_bad_color" => set(
            "app.json",
            edit(&|j| j["window"]["navigationBarBackgroundColor"] = json!("red")),
        ),
        "c06_unknown_key" => set("app.json", edit(&|j| j["unknownKey"] = json!(1))),
        "c07_tabbar_one" => set(
            "app.json",
            edit(&|j| j["tabBar"] = json!({"list": [tab("pages/index/index", "a")]})),
        ),
        "c08_tabbar_not_page" => set(
            "app.json",
            edit(&|j| {
                j["tabBar"] =
                    json!({"list": [tab("pages/index/index", "a"), tab("pages/nope/nope", "b")]})
            }),
        ),
        "c09_subpkg_missing" => set(
            "app.json",
            edit(&|j| j["subPackages"] = json!([{"root": "sub", "pages": ["a/a"]}])),
        ),
        "c10_component_missing" => set(
            "pages/index/index.json",
            line(r#"{"usingComponents": {"foo": "/components/nope/nope"}}"#),
        ),
        "c11_page_json_type" => set(
            "pages/index/index.json",
            line(r#"{"navigationBarTextStyle": 5}"#),
        ),
        "c12_json_syntax" => set("app.json", line(r#"{"pages": ["pages/index/index",], }"#)),
        "c13_sitemap_bad" => set(
            "sitemap.json",
            line(r#"{"rules":[{"action":"maybe","page":"*"}]}"#),
        ),
        "c14_bad_text_style" => set(
            "app.json",
            edit(&|j| j["window"]["navigationBarTextStyle"] = json!("blue")),
        ),
        "c15_no_pages" => set("app.json", edit(&|j| j["pages"] = json!([]))),
        "c16_wxml_syntax" => set("pages/index/index.wxml", line("<view><text>{{a</view>")),
        "c17_js_syntax" => set("pages/index/index.js", line("Page({ onLoad( { }")),
        // The shell script reads /dev/urandom; here the bytes come from seed 18.
        "c18_big_image" => set("big.png", PyRandom::new(18).bytes(300_000)),
        "c19_main_pkg_too_big" => {
            // Five 600 kB modules of random letters (python: random.seed(i); random.choice),
            // each required by the index page: 3 MB in the main package.
            let letters: Vec<u8> = (b'a'..=b'z').chain(b'A'..=b'Z').collect();
            let mut index = good_files()
                .into_iter()
                .find(|f| f.0 == "pages/index/index.js")
                .map(|f| f.1)
                .unwrap_or_default();
            for i in 1..=5u64 {
                let mut rng = PyRandom::new(i);
                let mut blob = b"module.exports = \"".to_vec();
                blob.extend((0..600_000).map(|_| *rng.choice(&letters)));
                blob.extend_from_slice(b"\";\n");
                set(&format!("utils/blob{i}.js"), blob);
                index.extend(line(&format!("require('../../utils/blob{i}.js')")));
            }
            set("pages/index/index.js", index);
        }
        "c20_page_with_ext" => set(
            "app.json",
            edit(&|j| j["pages"][1] = json!("pages/logs/logs.js")),
        ),
        "c21_leading_slash" => set(
            "app.json",
            edit(&|j| j["pages"][1] = json!("/pages/logs/logs")),
        ),
        "c22_http_in_request" => set(
            "pages/index/index.js",
            line("Page({onLoad(){wx.request({url:'http://insecure.example.com/x'})}})"),
        ),
        "c23_non_utf8" => set(
            "pages/index/index.json",
            b"{\"navigationBarTitleText\": \"\xb0\xa1\"}".to_vec(),
        ),
        other => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("no seeded case {other}"),
            ));
        }
    }
    for (path, bytes) in files {
        if remove != Some(path.as_str()) {
            write(&dir.join(path), bytes)?;
        }
    }
    Ok(())
}

fn push(list: &mut Value, item: &str) {
    list.as_array_mut().expect("a JSON list").push(json!(item));
}

/// Writes every case of [`CASES`] into `out`.
pub fn defect_cases(out: &Path) -> io::Result<()> {
    CASES.iter().try_for_each(|case| defect_case(out, case))
}

// ---------------------------------------------------------------------------------------------
// The large generated project

/// The knobs of the large project (defaults as the shared generator's: about 3,000 files).
#[derive(Clone, Debug)]
pub struct Options {
    /// Pages in all, main package and subpackages.
    pub pages: usize,
    pub subpackages: usize,
    pub components: usize,
    pub images: usize,
    /// Also write a `node_modules` tree (with a broken JSON file) that must be ignored.
    pub npm: bool,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            pages: 400,
            subpackages: 20,
            components: 300,
            images: 200,
            npm: false,
            seed: 1,
        }
    }
}

/// The hosts requests go to; all are in the generated `domains.json`.
pub const HOSTS: [&str; 5] = [
    "api.example-shop.com",
    "img.example-cdn.com",
    "upload.example-shop.com",
    "ws.example-shop.com",
    "log.example-analytics.com",
];

const WORDS: [&str; 24] = [
    "order", "cart", "user", "item", "list", "detail", "search", "coupon", "address", "pay",
    "refund", "comment", "share", "profile", "setting", "message", "notice", "category", "brand",
    "store", "member", "point", "gift", "live",
];

fn words(rng: &mut PyRandom, n: usize) -> Vec<&'static str> {
    (0..n).map(|_| *rng.choice(&WORDS)).collect()
}

fn page_js(rng: &mut PyRandom, name: &str, n_requests: u64) -> String {
    let mut body: Vec<String> = vec![
        format!("// {name} page logic"),
        "const app = getApp()".into(),
        if rng.random() < 0.5 {
            "const { BASE_URL } = require('../../utils/config.js')".into()
        } else {
            "import { BASE_URL } from '../../utils/config'".into()
        },
    ];
    for s in [
        "",
        "Page({",
        "  data: {",
        "    items: [],",
        "    loading: false,",
        "    page: 1,",
        "  },",
        "  onLoad(options) {",
        "    this.fetchList()",
        "  },",
    ] {
        body.push(s.into());
    }
    for i in 0..n_requests {
        let path = words(rng, 2).join("/");
        let url = match rng.randrange(0, 4) {
            0 => format!("BASE_URL + '/v1/{path}'"),
            1 => format!("`${{BASE_URL}}/v2/{path}?page=${{this.data.page}}`"),
            2 => format!("'https://{}/v1/{path}'", HOSTS[0]),
            _ => format!("app.globalData.apiBase + '/v3/{path}'"),
        };
        let method = *rng.choice(&["GET", "POST"]);
        let id = rng.randrange(0, 10_000);
        let kind = *rng.choice(&WORDS);
        body.extend([
            format!("  fetch{i}() {{"),
            "    this.setData({ loading: true })".into(),
            "    wx.request({".into(),
            format!("      url: {url},"),
            format!("      method: '{method}',"),
            format!("      data: {{ id: {id}, kind: '{kind}' }},"),
            "      success: (res) => {".into(),
            "        this.setData({ items: res.data.items || [], loading: false })".into(),
            "      },".into(),
            "      fail: (err) => console.error('request failed', err),".into(),
            "    })".into(),
            "  },".into(),
        ]);
    }
    if rng.random() < 0.2 {
        body.extend([
            "  upload(filePath) {".into(),
            format!(
                "    wx.uploadFile({{ url: 'https://{}/files', filePath, name: 'file' }})",
                HOSTS[2]
            ),
            "  },".into(),
        ]);
    }
    if rng.random() < 0.1 {
        body.extend([
            "  connect() {".into(),
            format!(
                "    this.socket = wx.connectSocket({{ url: 'wss://{}/live' }})",
                HOSTS[3]
            ),
            "  },".into(),
        ]);
    }
    let title = words(rng, 3).join(" ");
    for s in [
        "  onTap(e) {",
        "    wx.navigateTo({ url: '/pages/index/index?id=' + e.detail.id })",
        "  },",
        "  fetchList() {",
        "    // see https://docs.example.invalid/not-a-request for the list format",
        "    this.fetch0 && this.fetch0()",
        "  },",
        "  onShareAppMessage() {",
    ] {
        body.push(s.into());
    }
    body.push(format!(
        "    return {{ title: '{title}', path: '/pages/index/index' }}"
    ));
    body.extend(["  },".into(), "})".into(), String::new()]);
    body.join("\n")
}

fn page_wxml(rng: &mut PyRandom, comps: &[String]) -> String {
    let mut lines = vec![r#"<view class="container">"#.to_string()];
    for c in comps {
        lines.push(format!(r#"  <{c} item="{{{{item}}}}" bind:tap="onTap" />"#));
    }
    for i in 0..rng.randrange(10, 40) {
        let w = words(rng, 3).join(" ");
        lines.extend([
            format!(r#"  <view class="row row-{i}" wx:for="{{{{items}}}}" wx:key="id">"#),
            format!(r#"    <text class="title">{{{{item.title}}}} {w}</text>"#),
            format!(
                r#"    <image src="https://{}/p/{i}.png" mode="aspectFill" lazy-load />"#,
                HOSTS[1]
            ),
            "  </view>".into(),
        ]);
    }
    lines.push("</view>\n".into());
    lines.join("\n")
}

fn page_wxss(rng: &mut PyRandom) -> String {
    let mut out = Vec::new();
    for i in 0..rng.randrange(10, 40) {
        let pad = rng.randrange(0, 40);
        let color = rng.randrange(0, 1 << 24);
        out.push(format!(
            ".row-{i} {{ padding: {pad}rpx; color: #{color:06x}; }}"
        ));
    }
    out.join("\n") + "\n"
}

/// Writes the large project into `root`. Valid: every declared page has its four files, every
/// used component exists, every request URL is built from hosts listed in `domains.json` (the
/// shape of the platform's modify_domain "get" answer); `domains.json` and `docs/` are in
/// `packOptions.ignore`. With the defaults the main package is under 2 MB; with 2000 pages and
/// 60 subpackages it is over it (MP400).
pub fn project(root: &Path, o: &Options) -> io::Result<()> {
    let mut rng = PyRandom::new(o.seed);
    let rng = &mut rng;
    let comp_names: Vec<String> = (0..o.components)
        .map(|i| format!("comp-{}-{i}", rng.choice(&WORDS)))
        .collect();
    for c in &comp_names {
        let d = root.join("components").join(c);
        write(
            &d.join("index.json"),
            dumps(&json!({"component": true, "usingComponents": {}}), 2),
        )?;
        write(
            &d.join("index.js"),
            "Component({\n  properties: { item: Object },\n  methods: {\n    onTap() { this.triggerEvent('tap', this.data.item) },\n  },\n})\n",
        )?;
        write(
            &d.join("index.wxml"),
            "<view class=\"c\">{{item.title}}</view>\n",
        )?;
        write(&d.join("index.wxss"), ".c { font-size: 28rpx; }\n")?;
    }

    let (pages, subs) = (o.pages as i64, o.subpackages as i64);
    let n_main = if subs > 0 {
        5.max(pages / (subs + 1))
    } else {
        pages
    };
    let main_pages: Vec<String> = (0..n_main)
        .map(|i| format!("pages/{}{i}/index", rng.choice(&WORDS)))
        .collect();
    let rest = pages - n_main;
    // A subpackage needs at least one page.
    let subs = subs.min(rest);
    let mut subpackages: Vec<(String, Vec<String>)> = Vec::new();
    for s in 0..subs.max(0) {
        let n = rest / subs + i64::from(s < rest % subs);
        let list = (0..n)
            .map(|i| format!("pages/{}{i}/index", rng.choice(&WORDS)))
            .collect();
        subpackages.push((format!("pkg{s}"), list));
    }

    let mut emit_page = |prefix: &str, p: &str| -> io::Result<()> {
        let k = (rng.randrange(1, 6) as usize).min(comp_names.len());
        let used = rng.sample(&comp_names, k);
        let base = if prefix.is_empty() {
            root.join(p)
        } else {
            root.join(prefix).join(p)
        };
        let depth = format!("{prefix}/{p}")
            .trim_matches('/')
            .matches('/')
            .count();
        let rel = "../".repeat(depth);
        let mut json = serde_json::Map::new();
        json.insert(
            "navigationBarTitleText".into(),
            json!(words(rng, 2).join(" ")),
        );
        let using: serde_json::Map<String, Value> = used
            .iter()
            .map(|c| (c.clone(), json!(format!("/components/{c}/index"))))
            .collect();
        json.insert("usingComponents".into(), Value::Object(using));
        let file = |ext: &str| {
            let mut f = base.clone().into_os_string();
            f.push(ext);
            std::path::PathBuf::from(f)
        };
        write(&file(".json"), dumps(&Value::Object(json), 2))?;
        let n_requests = rng.randrange(1, 6);
        let js = page_js(rng, p, n_requests).replace("../../utils/", &format!("{rel}utils/"));
        write(&file(".js"), js)?;
        write(&file(".wxml"), page_wxml(rng, &used))?;
        write(&file(".wxss"), page_wxss(rng))
    };
    for p in &main_pages {
        emit_page("", p)?;
    }
    for (sub, list) in &subpackages {
        for p in list {
            emit_page(sub, p)?;
        }
    }

    let tab: Vec<Value> = main_pages
        .iter()
        .take(4)
        .enumerate()
        .map(|(i, p)| {
            json!({
                "pagePath": p,
                "text": p.split('/').nth(1).unwrap_or_default(),
                "iconPath": format!("images/tab{i}.png"),
                "selectedIconPath": format!("images/tab{i}-on.png"),
            })
        })
        .collect();
    let subpackages: Vec<Value> = subpackages
        .iter()
        .enumerate()
        .map(|(s, (sub, list))| json!({"root": sub, "name": format!("p{s}"), "pages": list}))
        .collect();
    let app = json!({
        "pages": main_pages,
        "subpackages": subpackages,
        "window": {"navigationBarBackgroundColor": "#ffffff", "navigationBarTextStyle": "black",
                   "navigationBarTitleText": "Example Shop", "backgroundColor": "#f5f5f5"},
        "tabBar": {"color": "#999999", "selectedColor": "#e4393c", "backgroundColor": "#ffffff",
                   "list": tab},
        "networkTimeout": {"request": 10000, "uploadFile": 20000},
        "permission": {"scope.userLocation": {"desc": "Used to find the nearest store"}},
        "requiredPrivateInfos": ["getLocation"],
        "sitemapLocation": "sitemap.json",
        "lazyCodeLoading": "requiredComponents",
        "style": "v2",
    });
    write(&root.join("app.json"), dumps(&app, 2))?;
    write(
        &root.join("app.js"),
        format!(
            "App({{\n  globalData: {{ apiBase: 'https://{}' }},\n  onLaunch() {{\n    wx.getLocation({{ type: 'gcj02', success: () => {{}} }})\n  }},\n}})\n",
            HOSTS[0]
        ),
    )?;
    write(&root.join("app.wxss"), "page { background: #f5f5f5; }\n")?;
    write(
        &root.join("utils/config.js"),
        format!(
            "const BASE_URL = 'https://{}'\nconst LOG_URL = 'https://{}/collect'\nmodule.exports = {{ BASE_URL, LOG_URL }}\n",
            HOSTS[0], HOSTS[4]
        ),
    )?;
    write(
        &root.join("sitemap.json"),
        dumps(&json!({"rules": [{"action": "allow", "page": "*"}]}), 2),
    )?;
    let appid = rng.randbelow(1 << 64);
    write(
        &root.join("project.config.json"),
        dumps(
            &json!({
                "appid": format!("wx{appid:016x}"), "projectname": "example-shop",
                "compileType": "miniprogram", "libVersion": "3.3.4",
                "setting": {"urlCheck": true, "es6": true, "minified": true, "minifyWXML": true,
                            "minifyWXSS": true},
                "packOptions": {"ignore": [{"type": "folder", "value": "docs"},
                                           {"type": "file", "value": "domains.json"}]}
            }),
            2,
        ),
    )?;
    write(
        &root.join("domains.json"),
        dumps(
            &json!({
                "requestdomain": [format!("https://{}", HOSTS[0]), format!("https://{}", HOSTS[4])],
                "wsrequestdomain": [format!("wss://{}", HOSTS[3])],
                "uploaddomain": [format!("https://{}", HOSTS[2])],
                "downloaddomain": [format!("https://{}", HOSTS[1])]
            }),
            2,
        ),
    )?;
    for i in 0..4 {
        for suffix in ["", "-on"] {
            write(
                &root.join(format!("images/tab{i}{suffix}.png")),
                rng.bytes(2000),
            )?;
        }
    }
    for i in 0..o.images {
        let n = rng.randrange(200, 2200) as usize;
        write(&root.join(format!("images/pic{i}.jpg")), rng.bytes(n))?;
    }
    write(&root.join("docs/README.md"), "Design notes, not packed.\n")?;
    if o.npm {
        for i in 0..o.components {
            let d = root.join(format!("node_modules/lib{i}/dist"));
            let line = format!(
                "module.exports = function f{i}(){{ return 'https://not-used.invalid' }}\n"
            );
            write(&d.join("index.js"), line.repeat(20))?;
            write(&d.join("broken.json"), "{ not json")?;
        }
    }
    Ok(())
}
