//! MP550–MP560: the search Widget's template data (`widget.data` in mpcheck.json, and
//! `mpcheck widget-data`). One module per rule; all of them share one validation
//! (the validation below) and keep their own findings.

macro_rules! data_rule {
    ($module:ident, $ty:ident, $code:literal, $name:literal, $sev:ident, $summary:literal, $zh:literal) => {
        pub mod $module {
            use crate::base::diagnostic::Diagnostic;
            use crate::lint::rule::{Ctx, Rule};

            crate::declare_rule! {
                $ty, code: $code, name: $name, group: Widget, severity: $sev,
                summary: [$summary, $zh],
            }

            impl Rule for $ty {
                fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
                    if ctx.widget_data.globs.is_empty() {
                        return;
                    }
                    // The files are validated once; each rule takes its own findings.
                    let all = ctx
                        .widget_data_findings
                        .get_or_init(|| super::check_project(ctx));
                    out.extend(all.iter().filter(|d| d.rule.code == $code).cloned());
                }
            }
        }
    };
}

data_rule!(
    not_json,
    WidgetDataNotJson,
    "MP550",
    "widget-data-not-json",
    Error,
    "A template data body, or the JSON it holds in a string field, is not JSON",
    "模板数据或其字符串字段中的 JSON 不合法"
);
data_rule!(
    data_file,
    WidgetDataFile,
    "MP551",
    "widget-data-file",
    Error,
    "A template data file cannot be read, or a widget.data glob is outside the project or matches nothing",
    "模板数据文件无法读取，或 widget.data 的路径在项目之外或没有匹配的文件"
);
data_rule!(
    unknown_kind,
    WidgetDataUnknownKind,
    "MP552",
    "widget-data-unknown-kind",
    Warning,
    "The kind of a template data body cannot be told from its fields",
    "无法根据字段判断模板数据的类型"
);
data_rule!(
    missing_field,
    WidgetDataMissingField,
    "MP553",
    "widget-data-missing-field",
    Error,
    "A required field of a template data body is missing",
    "模板数据缺少必填字段"
);
data_rule!(
    wrong_type,
    WidgetDataWrongType,
    "MP554",
    "widget-data-wrong-type",
    Error,
    "A field of a template data body has the wrong JSON type",
    "模板数据字段的类型不对"
);
data_rule!(
    invalid_value,
    WidgetDataInvalidValue,
    "MP555",
    "widget-data-invalid-value",
    Error,
    "A field of a template data body is out of range, not an allowed value, or contradicts the body",
    "模板数据字段的取值超出范围、不在允许的取值中或与数据不符"
);
data_rule!(
    item_count,
    WidgetDataItemCount,
    "MP556",
    "widget-data-item-count",
    Error,
    "A template data list has more (or fewer) entries than the platform takes per request",
    "模板数据列表的条数超出平台每次请求的限制"
);
data_rule!(
    body_too_large,
    WidgetDataBodyTooLarge,
    "MP557",
    "widget-data-body-too-large",
    Error,
    "A setdynamicdata body is over 5 KB",
    "setdynamicdata 数据超过 5 KB"
);
data_rule!(
    batch_inconsistent,
    WidgetDataBatchInconsistent,
    "MP558",
    "widget-data-batch-inconsistent",
    Error,
    "The setdynamicdata bodies of one batch disagree on id, seq or totalcount, or hold over 100,000 records",
    "同一批 setdynamicdata 数据的 id、seq 或 totalcount 不一致，或总数超过 100,000 条"
);
data_rule!(
    page_not_declared,
    WidgetDataPageNotDeclared,
    "MP559",
    "widget-data-page-not-declared",
    Error,
    "An in-app path in template data is not a page the project declares",
    "模板数据中的小程序路径不是项目声明的页面"
);
data_rule!(
    duplicate_path,
    WidgetDataDuplicatePath,
    "MP560",
    "widget-data-duplicate-path",
    Error,
    "Two grids of a 功能直达 (createfuncwidget) body jump to the same page",
    "功能直达的两个宫格跳转到同一页面"
);

// The validation the rules share (also `mpcheck widget-data`).
// Template data of the search Widget (spec §1.8): the bodies a team POSTs to `setdynamicdata`
// (intent data import), the `widget_data` replies to intent pushes, and the bodies of the
// standard templates (购物单: addshoppinglist, deleteshoppinglist, importproduct, importorder
// add-order / update-order; 功能直达: createfuncwidget). Used by `mpcheck widget-data` and, for
// the files `widget.data` in mpcheck.json lists, by the MP550–MP560 rules of `mpcheck check`.
//
// Findings point into the file as written, also inside the JSON held in a string (`query`,
// `data`, `Content`): offsets are mapped back through the string's escapes.

use crate::base::diagnostic::Diagnostic;
use crate::base::i18n::Text;
use crate::base::source::Span;
use crate::lint::rule::RuleMeta;
use crate::syntax::json::{self, Json, JsonKind};
use std::collections::{BTreeMap, HashSet};

/// The most bytes read from one data file or from standard input.
pub const MAX_DATA_BYTES: u64 = 1024 * 1024;
/// setdynamicdata: at most 5 KB per POST.
pub const MAX_IMPORT_BODY: usize = 5 * 1024;
/// Custom-template sample data: at most 100,000 records in all.
pub const MAX_BATCH_RECORDS: u64 = 100_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// setdynamicdata (intent data import)
    Import,
    /// widget_data reply to an intent push
    Reply,
    /// /mall/addshoppinglist
    AddShoppingList,
    /// /mall/deleteshoppinglist
    DeleteShoppingList,
    /// /mall/importproduct
    ImportProduct,
    /// /mall/importorder?action=add-order
    AddOrder,
    /// /mall/importorder?action=update-order
    UpdateOrder,
    /// /widget/funcwidget/createfuncwidget
    FuncWidget,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Import => "setdynamicdata",
            Kind::Reply => "widget_data reply",
            Kind::AddShoppingList => "addshoppinglist",
            Kind::DeleteShoppingList => "deleteshoppinglist",
            Kind::ImportProduct => "importproduct",
            Kind::AddOrder => "importorder add-order",
            Kind::UpdateOrder => "importorder update-order",
            Kind::FuncWidget => "createfuncwidget",
        }
    }

    /// The kind a body's top-level fields suggest.
    pub fn detect(v: &Json) -> Option<Kind> {
        let has = |k| v.get(k).is_some();
        if has("Content") || v.get("MsgType").and_then(Json::as_str) == Some("widget_data") {
            Some(Kind::Reply)
        } else if has("keyword") || has("material") || has("categorylist") {
            Some(Kind::FuncWidget)
        } else if let Some(orders) = v.get("order_list") {
            let orders = orders.as_array().unwrap_or_default();
            let update = !orders.is_empty()
                && orders.iter().any(|o| number(o.get("status")) == Some(12.0))
                || !orders.is_empty() && orders.iter().all(|o| o.get("create_time").is_none());
            Some(if update {
                Kind::UpdateOrder
            } else {
                Kind::AddOrder
            })
        } else if has("product_list") {
            Some(Kind::ImportProduct)
        } else if let Some(list) = v.get("sku_product_list") {
            let items = list.as_array().unwrap_or_default();
            let delete = !items.is_empty()
                && items.iter().all(|i| {
                    i.as_object().is_some_and(|o| {
                        o.iter().all(|m| m.key == "item_code" || m.key == "sku_id")
                    })
                });
            Some(if delete {
                Kind::DeleteShoppingList
            } else {
                Kind::AddShoppingList
            })
        } else if has("data") && (has("query") || has("lifespan") || has("scene")) {
            Some(Kind::Import)
        } else {
            None
        }
    }
}

fn number(v: Option<&Json>) -> Option<f64> {
    match v?.kind {
        JsonKind::Number(n) => Some(n),
        _ => None,
    }
}

/// One data file: its name in findings and its text (BOM removed), or why it has none.
pub struct Input<'a> {
    pub file: String,
    pub text: &'a str,
    /// Bytes as posted (the file's size).
    pub size: usize,
}

/// The declared pages (miniprogram-root-relative, as `pages/index/index`); `None` when the
/// project has no app.json, so no path can be checked.
pub type Pages = Option<HashSet<String>>;

/// Validates every body; the import bodies together form one batch.
pub fn validate(inputs: &[Input], kind: Option<Kind>, pages: &Pages) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut batch = Vec::new();
    for input in inputs {
        let mut c = Checker {
            file: &input.file,
            out: &mut out,
            pages,
            map: None,
            text: input.text.to_string(),
            template: false,
        };
        let value = match json::parse(input.text) {
            Ok(v) => v,
            Err(e) => {
                c.push(
                    &not_json::META,
                    Span::new(e.offset, e.offset + e.len),
                    format!("the body is not JSON: {}", e.message.en()),
                    format!("数据不是合法的 JSON：{}", e.message.zh()),
                );
                continue;
            }
        };
        let Some(kind) = kind.or_else(|| Kind::detect(&value)) else {
            c.push(
                &unknown_kind::META,
                head(value.span),
                "cannot tell which template data this is from its fields".into(),
                "无法根据字段判断数据类型".into(),
            );
            continue;
        };
        if value.as_object().is_none() {
            c.wrong_type(&value, "(body)", "an object");
            continue;
        }
        c.template = !matches!(kind, Kind::Import | Kind::Reply);
        match kind {
            Kind::Import => {
                if input.size > MAX_IMPORT_BODY {
                    c.push(
                        &body_too_large::META,
                        head(value.span),
                        format!(
                            "the body is {} bytes; setdynamicdata takes at most 5 KB ({MAX_IMPORT_BODY} bytes) per POST",
                            input.size
                        ),
                        format!(
                            "数据为 {} 字节；setdynamicdata 每次 POST 不超过 5 KB（{MAX_IMPORT_BODY} 字节）",
                            input.size
                        ),
                    );
                }
                if let Some(part) = c.import(&value) {
                    batch.push(part);
                }
            }
            Kind::Reply => c.reply(&value),
            Kind::AddShoppingList => c.add_shopping_list(&value),
            Kind::DeleteShoppingList => c.delete_shopping_list(&value),
            Kind::ImportProduct => c.import_product(&value),
            Kind::AddOrder => c.orders(&value, false),
            Kind::UpdateOrder => c.orders(&value, true),
            Kind::FuncWidget => c.func_widget(&value),
        }
    }
    check_batch(&batch, &mut out);
    out
}

/// The first byte of a span: an object's `{`, so a finding about a whole body stays one line.
fn head(span: Span) -> Span {
    Span::new(span.start as usize, span.start as usize + 1)
}

/// One import body's `attribute`, with spans in the outer file.
struct BatchPart {
    file: String,
    id: Option<(String, Span)>,
    seq: Option<(u64, Span)>,
    count: Option<u64>,
    totalcount: Option<(u64, Span)>,
}

fn check_batch(parts: &[BatchPart], out: &mut Vec<Diagnostic>) {
    if parts.is_empty() {
        return;
    }
    let push = |out: &mut Vec<Diagnostic>, file: &str, span: Span, en: String, zh: String| {
        out.push(Diagnostic::new(
            &batch_inconsistent::META,
            file,
            Some(span),
            Text::new(en, zh),
        ));
    };
    // One id: the first body's. A body with another id is reported once, and left out of the
    // batch's seq and totalcount (one cause, one finding).
    let first_id = parts
        .iter()
        .find_map(|p| p.id.as_ref().map(|(id, _)| id.clone()));
    if let Some(first) = &first_id {
        for p in parts {
            if let Some((id, span)) = &p.id
                && id != first
            {
                push(
                    out,
                    &p.file,
                    *span,
                    format!(
                        "attribute.id is {id}, but the batch's first body has {first}: every POST of one import has the same id"
                    ),
                    format!(
                        "attribute.id 为 {id}，与本批第一份数据的 {first} 不同：同一批导入的 id 必须相同"
                    ),
                );
            }
        }
    }
    let parts: Vec<&BatchPart> = parts
        .iter()
        .filter(|p| match (&p.id, &first_id) {
            (Some((id, _)), Some(first)) => id == first,
            _ => true,
        })
        .collect();
    // seq 0..n-1, each once.
    let n = parts.len() as u64;
    let mut seen: BTreeMap<u64, &str> = BTreeMap::new();
    for p in &parts {
        let Some((seq, span)) = p.seq else { continue };
        if seq >= n {
            push(
                out,
                &p.file,
                span,
                format!(
                    "attribute.seq is {seq}, but the batch has {}: seq runs 0 to {}",
                    plural(n, "body", "bodies"),
                    n - 1
                ),
                format!(
                    "attribute.seq 为 {seq}，但本批共 {n} 份数据：seq 应为 0 到 {}",
                    n - 1
                ),
            );
        } else if let Some(other) = seen.insert(seq, &p.file) {
            push(
                out,
                &p.file,
                span,
                format!("attribute.seq {seq} is used twice (also in {other})"),
                format!("attribute.seq {seq} 重复（{other} 中也有）"),
            );
        }
    }
    let total: u64 = parts.iter().filter_map(|p| p.count).sum();
    if parts.iter().all(|p| p.count.is_some()) {
        // One finding for the batch, at the first body whose totalcount is off; the others
        // are related locations (one fix: the same totalcount everywhere).
        let wrong: Vec<(&BatchPart, u64, Span)> = parts
            .iter()
            .filter_map(|p| {
                let (tc, span) = p.totalcount?;
                (tc != total).then_some((*p, tc, span))
            })
            .collect();
        if let Some((p, tc, span)) = wrong.first() {
            let mut d = Diagnostic::new(
                &batch_inconsistent::META,
                &p.file,
                Some(*span),
                Text::new(
                    format!(
                        "attribute.totalcount is {tc}, but the counts of the batch's {} sum to {total}",
                        plural(n, "body", "bodies")
                    ),
                    format!(
                        "attribute.totalcount 为 {tc}，但本批 {n} 份数据的 count 之和为 {total}"
                    ),
                ),
            );
            for (other, tc, span) in &wrong[1..] {
                d = d.related(
                    &other.file,
                    Some(*span),
                    Text::new(
                        format!("totalcount {tc} here too"),
                        format!("此处 totalcount 也为 {tc}"),
                    ),
                );
            }
            out.push(d);
        }
    }
    if total > MAX_BATCH_RECORDS
        && let Some(p) = parts.first()
    {
        let span = p.totalcount.map_or(Span::new(0, 1), |(_, s)| s);
        push(
            out,
            &p.file,
            span,
            format!("the batch holds {total} records; an import takes at most {MAX_BATCH_RECORDS}"),
            format!("本批共 {total} 条数据；一次导入不超过 {MAX_BATCH_RECORDS} 条"),
        );
    }
}

struct Checker<'a> {
    file: &'a str,
    out: &'a mut Vec<Diagnostic>,
    pages: &'a Pages,
    /// Offsets of the current text in the outer file (inside a JSON-in-a-string field), one
    /// per byte plus the end; `None` in the file itself.
    map: Option<Vec<usize>>,
    /// The text the current spans index: the file, or the decoded string being checked.
    text: String,
    /// A standard template's body (购物单, 功能直达), whose docs give error codes.
    template: bool,
}

impl Checker<'_> {
    fn outer(&self, span: Span) -> Span {
        match &self.map {
            None => span,
            Some(m) => {
                let at = |o: u32| m[(o as usize).min(m.len() - 1)];
                let start = at(span.start);
                let end = at(span.end).max(start + 1);
                Span::new(start, end)
            }
        }
    }

    fn push(&mut self, meta: &'static RuleMeta, span: Span, en: String, zh: String) {
        let span = self.outer(span);
        self.out.push(Diagnostic::new(
            meta,
            self.file,
            Some(span),
            Text::new(en, zh),
        ));
    }

    fn missing(&mut self, obj: &Json, path: &str) {
        // 9009098 is the 购物单 / 功能直达 answer; setdynamicdata and replies document none.
        let (en, zh) = if self.template {
            (
                format!("\"{path}\" is missing; it is required (9009098 请求参数错误 otherwise)"),
                format!("缺少必填字段 \"{path}\"（否则返回 9009098 请求参数错误）"),
            )
        } else {
            (
                format!("\"{path}\" is missing; it is required"),
                format!("缺少必填字段 \"{path}\""),
            )
        };
        self.push(&missing_field::META, head(obj.span), en, zh);
    }

    fn wrong_type(&mut self, v: &Json, path: &str, expected: &str) {
        self.push(
            &wrong_type::META,
            v.span,
            format!("\"{path}\" must be {expected}, not {}", v.type_name()),
            format!("\"{path}\" 应为{}，而不是 {}", zh(expected), v.type_name()),
        );
    }

    fn bad_value(&mut self, v: &Json, en: String, zh: String) {
        self.push(&invalid_value::META, v.span, en, zh);
    }

    fn req<'j>(&mut self, obj: &'j Json, key: &str, path: &str) -> Option<&'j Json> {
        let v = obj.get(key);
        if v.is_none() {
            self.missing(obj, path);
        }
        v
    }

    fn string(&mut self, obj: &Json, key: &str, path: &str, required: bool) -> Option<String> {
        let v = if required {
            self.req(obj, key, path)?
        } else {
            obj.get(key)?
        };
        match v.as_str() {
            Some(s) => Some(s.to_string()),
            None => {
                self.wrong_type(v, path, "a string");
                None
            }
        }
    }

    fn object<'j>(
        &mut self,
        obj: &'j Json,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'j Json> {
        let v = if required {
            self.req(obj, key, path)?
        } else {
            obj.get(key)?
        };
        if v.as_object().is_some() {
            Some(v)
        } else {
            self.wrong_type(v, path, "an object");
            None
        }
    }

    fn array<'j>(
        &mut self,
        obj: &'j Json,
        key: &str,
        path: &str,
        required: bool,
    ) -> Option<&'j [Json]> {
        let v = if required {
            self.req(obj, key, path)?
        } else {
            obj.get(key)?
        };
        match v.as_array() {
            Some(a) => Some(a),
            None => {
                self.wrong_type(v, path, "an array");
                None
            }
        }
    }

    fn string_array(&mut self, obj: &Json, key: &str, path: &str, required: bool) {
        let Some(items) = self.array(obj, key, path, required) else {
            return;
        };
        for (i, item) in items.iter().enumerate() {
            if item.as_str().is_none() {
                self.wrong_type(item, &format!("{path}[{i}]"), "a string");
            }
        }
    }

    /// An integer in `min..=max`; `what` names the range in messages.
    #[allow(clippy::too_many_arguments)]
    fn int(
        &mut self,
        obj: &Json,
        key: &str,
        path: &str,
        required: bool,
        min: f64,
        max: f64,
        what: &str,
    ) -> Option<i64> {
        let v = if required {
            self.req(obj, key, path)?
        } else {
            obj.get(key)?
        };
        let JsonKind::Number(n) = v.kind else {
            self.wrong_type(v, path, "a number");
            return None;
        };
        if n.fract() != 0.0 || n < min || n > max {
            self.bad_value(
                v,
                format!("\"{path}\" is {n}; it must be {what}"),
                format!("\"{path}\" 为 {n}，应为{}", zh(what)),
            );
            return None;
        }
        Some(n as i64)
    }

    fn uint32(&mut self, obj: &Json, key: &str, path: &str, required: bool) -> Option<i64> {
        self.int(
            obj,
            key,
            path,
            required,
            0.0,
            u32::MAX as f64,
            "an integer from 0 to 4294967295 (uint32)",
        )
    }

    fn fen(&mut self, obj: &Json, key: &str, path: &str, required: bool) -> Option<i64> {
        self.int(
            obj,
            key,
            path,
            required,
            0.0,
            9.007e15,
            "a whole number of fen (分), 0 or more",
        )
    }

    /// One of `allowed`, each with its meaning for the message.
    fn one_of(
        &mut self,
        obj: &Json,
        key: &str,
        path: &str,
        required: bool,
        allowed: &[(i64, &str)],
    ) -> Option<i64> {
        let v = if required {
            self.req(obj, key, path)?
        } else {
            obj.get(key)?
        };
        let JsonKind::Number(n) = v.kind else {
            self.wrong_type(v, path, "a number");
            return None;
        };
        if let Some((x, _)) = allowed.iter().find(|(x, _)| *x as f64 == n) {
            return Some(*x);
        }
        let list = allowed
            .iter()
            .map(|(x, m)| format!("{x} {m}"))
            .collect::<Vec<_>>()
            .join(", ");
        self.bad_value(
            v,
            format!("\"{path}\" is {n}; it must be one of {list}"),
            format!("\"{path}\" 为 {n}，应为以下之一：{list}"),
        );
        None
    }

    fn scene(&mut self, obj: &Json, path: &str) {
        self.one_of(obj, "scene", path, true, &[(1, "(search data)")]);
    }

    fn too_many(&mut self, v: &Json, path: &str, n: usize, rule: &str, code: &str) {
        self.push(
            &item_count::META,
            v.span,
            format!(
                "\"{path}\" has {}; {rule} ({code})",
                plural(n as u64, "entry", "entries")
            ),
            format!("\"{path}\" 有 {n} 项；{}（{code}）", zh(rule)),
        );
    }

    fn count(&mut self, obj: &Json, key: &str, path: &str, max: usize, code: &str) {
        if let Some(items) = obj.get(key).and_then(Json::as_array)
            && items.len() > max
        {
            let v = obj.get(key).unwrap_or(obj);
            self.too_many(
                v,
                path,
                items.len(),
                &format!("at most {max} per request"),
                code,
            );
        }
    }

    /// An in-app path: must be a declared page.
    fn page(&mut self, obj: &Json, key: &str, path: &str) -> Option<String> {
        let s = self.string(obj, key, path, true)?;
        let Some(pages) = self.pages else {
            return Some(s);
        };
        let page = page_of(&s);
        if !pages.contains(page) {
            let v = obj.get(key).unwrap_or(obj);
            self.push(
                &page_not_declared::META,
                v.span,
                format!("\"{path}\" is \"{s}\", which is not a page of the project (app.json pages and subpackage pages)"),
                format!("\"{path}\" 为 \"{s}\"，不是项目中声明的页面（app.json 的 pages 或分包 pages）"),
            );
        }
        Some(s)
    }

    /// Parses the JSON held in the string `v` and runs `f` on it, with offsets mapped.
    fn nested(&mut self, v: &Json, path: &str, f: impl FnOnce(&mut Self, &Json)) {
        let Some(s) = v.as_str() else {
            self.wrong_type(v, path, "a string holding JSON");
            return;
        };
        let local = unescape_map(&self.text[v.span.range()], s.len());
        // Compose with the current map: offsets in `raw` are offsets in the current text.
        let map: Vec<usize> = local.iter().map(|&o| v.span.start as usize + o).collect();
        let composed = match &self.map {
            None => map,
            Some(m) => map.iter().map(|&o| m[o.min(m.len() - 1)]).collect(),
        };
        let saved = self.map.replace(composed);
        let saved_text = std::mem::replace(&mut self.text, s.to_string());
        match json::parse(s) {
            Ok(inner) => f(self, &inner),
            Err(e) => self.push(
                &not_json::META,
                Span::new(e.offset, e.offset + e.len),
                format!(
                    "\"{path}\" must be a string holding JSON, and it is not: {}",
                    e.message.en()
                ),
                format!(
                    "\"{path}\" 应为 JSON 字符串，但其内容不是合法的 JSON：{}",
                    e.message.zh()
                ),
            ),
        }
        self.map = saved;
        self.text = saved_text;
    }

    fn import(&mut self, body: &Json) -> Option<BatchPart> {
        self.uint32(body, "lifespan", "lifespan", true);
        if let Some(q) = self.req(body, "query", "query") {
            self.nested(q, "query", |c, q| {
                if q.as_object().is_none() {
                    c.wrong_type(q, "query", "an object such as {\"type\":1}");
                } else if let Some(t) = c.req(q, "type", "query.type")
                    && !matches!(t.kind, JsonKind::Number(_))
                {
                    c.wrong_type(t, "query.type", "a number");
                }
            });
        }
        self.scene(body, "scene");
        let mut part = None;
        if let Some(d) = self.req(body, "data", "data") {
            self.nested(d, "data", |c, d| {
                if d.as_object().is_none() {
                    c.wrong_type(d, "data", "an object with items and attribute");
                    return;
                }
                let items = c.array(d, "items", "data.items", true).map(<[Json]>::len);
                let Some(attr) = c.object(d, "attribute", "data.attribute", true) else {
                    return;
                };
                let id = c.req(attr, "id", "data.attribute.id").and_then(|v| match &v.kind {
                    JsonKind::String(s) => Some((s.clone(), c.outer(v.span))),
                    JsonKind::Number(n) => Some((n.to_string(), c.outer(v.span))),
                    _ => {
                        c.wrong_type(v, "data.attribute.id", "a string or number");
                        None
                    }
                });
                let at = |c: &Checker, k: &str| attr.get(k).map(|v| c.outer(v.span));
                let seq = c.uint32(attr, "seq", "data.attribute.seq", true);
                let count = c.uint32(attr, "count", "data.attribute.count", true);
                let total = c.uint32(attr, "totalcount", "data.attribute.totalcount", true);
                if let (Some(n), Some(items)) = (count, items)
                    && n as usize != items
                {
                    let v = attr.get("count").unwrap_or(attr);
                    c.bad_value(
                        v,
                        format!("\"data.attribute.count\" is {n}, but data.items has {}: count is the number of items in this POST", plural(items as u64, "entry", "entries")),
                        format!("\"data.attribute.count\" 为 {n}，但 data.items 有 {items} 项：count 应为本次 POST 的条数"),
                    );
                }
                part = Some(BatchPart {
                    file: c.file.to_string(),
                    id,
                    seq: seq.zip(at(c, "seq")).map(|(s, sp)| (s as u64, sp)),
                    count: items.map(|n| n as u64),
                    totalcount: total.zip(at(c, "totalcount")).map(|(t, sp)| (t as u64, sp)),
                });
            });
        }
        part
    }
}

impl Checker<'_> {
    fn reply(&mut self, body: &Json) {
        if let Some(t) = body.get("MsgType") {
            match t.as_str() {
                Some("widget_data") => {}
                Some(other) => {
                    let other = other.to_string();
                    self.bad_value(
                        t,
                        format!("\"MsgType\" is \"{other}\"; a reply to an intent push has \"widget_data\""),
                        format!("\"MsgType\" 为 \"{other}\"；意图推送的回复应为 \"widget_data\""),
                    );
                }
                None => self.wrong_type(t, "MsgType", "a string"),
            }
        }
        let Some(content) = self.req(body, "Content", "Content") else {
            return;
        };
        self.nested(content, "Content", |c, content| {
            if content.as_object().is_none() {
                c.wrong_type(
                    content,
                    "Content",
                    "an object with lifespan, query, scene and data",
                );
                return;
            }
            c.uint32(content, "lifespan", "Content.lifespan", true);
            c.string(content, "query", "Content.query", true);
            c.scene(content, "Content.scene");
            let Some(d) = c.req(content, "data", "Content.data") else {
                return;
            };
            c.nested(d, "Content.data", |c, d| {
                if d.as_object().is_none() {
                    c.wrong_type(d, "Content.data", "an object with err_code and err_msg");
                    return;
                }
                c.one_of(
                    d,
                    "err_code",
                    "Content.data.err_code",
                    true,
                    &[
                        (0, "OK"),
                        (-1, "无结果"),
                        (-2, "参数不对"),
                        (-3, "系统错误"),
                    ],
                );
                c.string(d, "err_msg", "Content.data.err_msg", true);
            });
        });
    }

    fn user(&mut self, body: &Json) {
        if let Some(u) = self.string(body, "user_open_id", "user_open_id", true)
            && u.trim().is_empty()
        {
            let v = body.get("user_open_id").unwrap_or(body);
            self.bad_value(
                v,
                "\"user_open_id\" is empty (9009203 非法的user_open_id)".into(),
                "\"user_open_id\" 为空（9009203 非法的user_open_id）".into(),
            );
        }
    }

    /// The product fields shared by addshoppinglist and importproduct.
    fn product(&mut self, p: &Json, path: &str) {
        self.string(p, "item_code", &format!("{path}.item_code"), true);
        self.string(p, "title", &format!("{path}.title"), true);
        self.string(p, "desc", &format!("{path}.desc"), false);
        self.string_array(p, "category_list", &format!("{path}.category_list"), true);
        self.string_array(p, "image_list", &format!("{path}.image_list"), true);
        self.page(p, "src_wxapp_path", &format!("{path}.src_wxapp_path"));
        if let Some(attrs) = self.array(p, "attr_list", &format!("{path}.attr_list"), false) {
            for (i, a) in attrs.iter().enumerate() {
                let ap = format!("{path}.attr_list[{i}]");
                if a.as_object().is_none() {
                    self.wrong_type(a, &ap, "an object");
                    continue;
                }
                self.string(a, "name", &format!("{ap}.name"), true);
                self.string(a, "value", &format!("{ap}.value"), true);
            }
        }
        self.uint32(p, "version", &format!("{path}.version"), false);
    }

    fn sku(&mut self, s: &Json, path: &str) {
        if s.as_object().is_none() {
            self.wrong_type(s, path, "an object");
            return;
        }
        self.string(s, "sku_id", &format!("{path}.sku_id"), true);
        self.fen(s, "price", &format!("{path}.price"), false);
        self.fen(
            s,
            "original_price",
            &format!("{path}.original_price"),
            false,
        );
        self.one_of(
            s,
            "status",
            &format!("{path}.status"),
            true,
            &[(1, "在售"), (2, "停售")],
        );
        self.array(s, "sku_attr_list", &format!("{path}.sku_attr_list"), false);
        self.uint32(s, "version", &format!("{path}.version"), false);
    }

    fn list<'j>(&mut self, body: &'j Json, key: &str, max: usize, code: &str) -> &'j [Json] {
        let items = self.array(body, key, key, true).unwrap_or_default();
        self.count(body, key, key, max, code);
        items
    }

    fn add_shopping_list(&mut self, body: &Json) {
        self.user(body);
        for (i, p) in self
            .list(body, "sku_product_list", 10, "9009202 商品数量超过限制")
            .iter()
            .enumerate()
        {
            let path = format!("sku_product_list[{i}]");
            if p.as_object().is_none() {
                self.wrong_type(p, &path, "an object");
                continue;
            }
            self.product(p, &path);
            if let Some(s) = self.object(p, "sku_info", &format!("{path}.sku_info"), true) {
                self.sku(s, &format!("{path}.sku_info"));
            }
        }
    }

    fn delete_shopping_list(&mut self, body: &Json) {
        self.user(body);
        for (i, p) in self
            .list(body, "sku_product_list", 100, "9009202 商品数量超过限制")
            .iter()
            .enumerate()
        {
            let path = format!("sku_product_list[{i}]");
            if p.as_object().is_none() {
                self.wrong_type(p, &path, "an object");
                continue;
            }
            self.string(p, "item_code", &format!("{path}.item_code"), true);
            self.string(p, "sku_id", &format!("{path}.sku_id"), true);
        }
    }

    fn import_product(&mut self, body: &Json) {
        for (i, p) in self
            .list(body, "product_list", 10, "9009202 商品数量超过限制")
            .iter()
            .enumerate()
        {
            let path = format!("product_list[{i}]");
            if p.as_object().is_none() {
                self.wrong_type(p, &path, "an object");
                continue;
            }
            self.product(p, &path);
            let sp = format!("{path}.sku_list");
            if let Some(skus) = self.array(p, "sku_list", &sp, true) {
                if skus.len() > 16 {
                    let v = p.get("sku_list").unwrap_or(p);
                    self.too_many(
                        v,
                        &sp,
                        skus.len(),
                        "at most 16 SKUs per product",
                        "9009202 商品数量超过限制",
                    );
                }
                for (j, s) in skus.iter().enumerate() {
                    self.sku(s, &format!("{sp}[{j}]"));
                }
            }
        }
    }

    fn orders(&mut self, body: &Json, update: bool) {
        let code = if update {
            "9009300 订单数量超过限制"
        } else {
            "9009400 订单数量超过限制"
        };
        for (i, o) in self.list(body, "order_list", 10, code).iter().enumerate() {
            let path = format!("order_list[{i}]");
            if o.as_object().is_none() {
                self.wrong_type(o, &path, "an object");
                continue;
            }
            self.order(o, &path, update);
        }
    }

    fn order(&mut self, o: &Json, path: &str, update: bool) {
        let p = |k: &str| format!("{path}.{k}");
        let add = !update;
        self.string(o, "order_id", &p("order_id"), true);
        self.uint32(o, "create_time", &p("create_time"), add);
        self.uint32(o, "pay_finish_time", &p("pay_finish_time"), add);
        self.fen(o, "fee", &p("fee"), add);
        self.string(o, "trans_id", &p("trans_id"), false);
        let status = if update {
            self.one_of(
                o,
                "status",
                &p("status"),
                true,
                &[
                    (4, "已发货"),
                    (5, "已退款"),
                    (12, "已取消"),
                    (100, "已完成"),
                ],
            )
        } else {
            self.one_of(
                o,
                "status",
                &p("status"),
                true,
                &[
                    (3, "支付完成"),
                    (4, "已发货"),
                    (5, "已退款"),
                    (100, "已完成"),
                ],
            )
        };
        let shipped = matches!(status, Some(4 | 100));
        let ep = p("ext_info");
        let Some(ext) = self.object(o, "ext_info", &ep, add || shipped) else {
            return;
        };
        let e = |k: &str| format!("{ep}.{k}");
        if let Some(info) = self.object(ext, "product_info", &e("product_info"), add) {
            let lp = e("product_info.item_list");
            for (j, it) in self
                .array(info, "item_list", &lp, true)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                let ip = format!("{lp}[{j}]");
                if it.as_object().is_none() {
                    self.wrong_type(it, &ip, "an object");
                    continue;
                }
                let q = |k: &str| format!("{ip}.{k}");
                self.string(it, "item_code", &q("item_code"), true);
                self.string(it, "sku_id", &q("sku_id"), true);
                self.int(
                    it,
                    "amount",
                    &q("amount"),
                    true,
                    1.0,
                    u32::MAX as f64,
                    "a whole number, 1 or more",
                );
                self.fen(it, "total_fee", &q("total_fee"), true);
                self.string(it, "title", &q("title"), true);
                self.fen(it, "unit_price", &q("unit_price"), true);
                self.fen(it, "original_price", &q("original_price"), true);
                self.string_array(it, "category_list", &q("category_list"), true);
                if let Some(d) = self.object(it, "item_detail_page", &q("item_detail_page"), true) {
                    self.page(d, "path", &q("item_detail_page.path"));
                }
            }
        }
        if let Some(x) = self.object(ext, "express_info", &e("express_info"), add || shipped) {
            self.fen(x, "price", &e("express_info.price"), true);
            self.array(
                x,
                "express_package_info_list",
                &e("express_info.express_package_info_list"),
                false,
            );
        }
        if let Some(b) = self.object(ext, "brand_info", &e("brand_info"), add) {
            self.string(b, "phone", &e("brand_info.phone"), true);
            if let Some(d) = self.object(
                b,
                "contact_detail_page",
                &e("brand_info.contact_detail_page"),
                true,
            ) {
                self.page(d, "path", &e("brand_info.contact_detail_page.path"));
            }
        }
        self.one_of(
            ext,
            "payment_method",
            &e("payment_method"),
            add,
            &[(0, "(unset)"), (1, "WeChat Pay"), (2, "other")],
        );
        self.string(ext, "user_open_id", &e("user_open_id"), add);
        if let Some(d) = self.object(ext, "order_detail_page", &e("order_detail_page"), add) {
            self.page(d, "path", &e("order_detail_page.path"));
        }
        if let Some(inv) = self.object(ext, "invoice_info", &e("invoice_info"), false) {
            self.one_of(
                inv,
                "type",
                &e("invoice_info.type"),
                true,
                &[(0, "单位"), (1, "个人")],
            );
            self.string(inv, "title", &e("invoice_info.title"), true);
        }
    }

    fn func_widget(&mut self, body: &Json) {
        self.string(body, "keyword", "keyword", true);
        if let Some(codes) = self.array(body, "areacode", "areacode", false) {
            for (i, c) in codes.iter().enumerate() {
                if !matches!(c.kind, JsonKind::Number(_)) {
                    self.wrong_type(c, &format!("areacode[{i}]"), "a number");
                }
            }
        }
        self.string(body, "brandname", "brandname", false);
        if let Some(cats) = self.array(body, "categorylist", "categorylist", true) {
            if cats.is_empty() || cats.len() > 3 {
                let v = body.get("categorylist").unwrap_or(body);
                self.too_many(
                    v,
                    "categorylist",
                    cats.len(),
                    "it takes 1 to 3 categories",
                    "9008999 类目个数 <1 或 >3",
                );
            }
            for (i, cat) in cats.iter().enumerate() {
                let cp = format!("categorylist[{i}]");
                if cat.as_object().is_none() {
                    self.wrong_type(cat, &cp, "an object");
                    continue;
                }
                let any = "a whole number";
                self.int(cat, "id1", &format!("{cp}.id1"), true, 0.0, 9.007e15, any);
                self.int(cat, "id2", &format!("{cp}.id2"), true, 0.0, 9.007e15, any);
                self.int(
                    cat,
                    "id3",
                    &format!("{cp}.id3"),
                    false,
                    0.0,
                    9.007e15,
                    "a whole number (0 = none)",
                );
            }
        }
        let Some(m) = self.object(body, "material", "material", true) else {
            return;
        };
        let icons = self.one_of(
            m,
            "iconType",
            "material.iconType",
            false,
            &[(0, "default"), (1, "custom")],
        ) == Some(1);
        let Some(grids) = self.array(m, "items", "material.items", true) else {
            return;
        };
        if grids.len() != 2 && grids.len() != 4 {
            let v = m.get("items").unwrap_or(m);
            self.too_many(
                v,
                "material.items",
                grids.len(),
                "it takes 2 or 4 grids",
                "9008997 素材格式有误",
            );
        }
        let mut seen: Vec<(String, usize)> = Vec::new();
        // One finding per shared page (the first grid that repeats it), not one per grid.
        let mut reported: Vec<String> = Vec::new();
        for (i, g) in grids.iter().enumerate() {
            let gp = format!("material.items[{i}]");
            if g.as_object().is_none() {
                self.wrong_type(g, &gp, "an object");
                continue;
            }
            self.string(g, "icon", &format!("{gp}.icon"), icons);
            self.string(g, "title", &format!("{gp}.title"), true);
            self.string(g, "desc", &format!("{gp}.desc"), true);
            if let Some(url) = self.page(g, "jumpUrl", &format!("{gp}.jumpUrl")) {
                let key = page_of(&url).to_string();
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                    if reported.contains(&key) {
                        continue;
                    }
                    reported.push(key.clone());
                    let first = *first;
                    let v = g.get("jumpUrl").unwrap_or(g);
                    self.push(
                        &duplicate_path::META,
                        v.span,
                        format!("grid {i} jumps to \"{url}\", the page grid {first} jumps to; grids may not share a path (9008994 跳转路径有误)"),
                        format!("第 {i} 个宫格跳转到 \"{url}\"，与第 {first} 个宫格的页面相同；宫格不能共用路径（9008994 跳转路径有误）"),
                    );
                } else {
                    seen.push((key, i));
                }
            }
        }
    }
}

/// `1 entry`, `2 entries`.
fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The Chinese of the phrases the messages are built from.
fn zh(en: &str) -> String {
    if let Some(n) = en
        .strip_prefix("at most ")
        .and_then(|r| r.strip_suffix(" per request"))
    {
        return format!("每次请求最多 {n} 项");
    }
    match en {
        "a string" => "字符串",
        "an object" => "对象",
        "an array" => "数组",
        "a number" => "数字",
        "a string or number" => "字符串或数字",
        "a string holding JSON" => "内容为 JSON 的字符串",
        "an object such as {\"type\":1}" => "对象，如 {\"type\":1}",
        "an object with items and attribute" => "含 items 和 attribute 的对象",
        "an object with lifespan, query, scene and data" => {
            "含 lifespan、query、scene 和 data 的对象"
        }
        "an object with err_code and err_msg" => "含 err_code 和 err_msg 的对象",
        "an integer from 0 to 4294967295 (uint32)" => "0 到 4294967295 的整数（uint32）",
        "a whole number of fen (分), 0 or more" => "以分为单位的非负整数",
        "a whole number, 1 or more" => "不小于 1 的整数",
        "a whole number" => "整数",
        "a whole number (0 = none)" => "整数（0 表示无）",
        "at most 16 SKUs per product" => "每个商品最多 16 个 SKU",
        "it takes 1 to 3 categories" => "类目应为 1 到 3 个",
        "it takes 2 or 4 grids" => "宫格应为 2 个或 4 个",
        other => other,
    }
    .to_string()
}

/// The page a path names: without a leading `/` and without `?query` or `#fragment`.
pub fn page_of(path: &str) -> &str {
    let p = path.split(['?', '#']).next().unwrap_or("");
    p.strip_prefix('/').unwrap_or(p)
}

/// For a JSON string literal `raw` (with its quotes) whose decoded value is `len` bytes: the
/// offset in `raw` of each decoded byte, plus one for the end. The bytes of a character written
/// as an escape all map to the escape's backslash.
pub fn unescape_map(raw: &str, len: usize) -> Vec<usize> {
    let b = raw.as_bytes();
    let mut map = Vec::with_capacity(len + 1);
    let mut i = 1; // after the opening quote
    let end = b.len().saturating_sub(1);
    while i < end && map.len() < len {
        if b[i] == b'\\' && i + 1 < end {
            let start = i;
            let (bytes, width) = match b[i + 1] {
                b'u' => {
                    let hex = |at: usize| {
                        raw.get(at..at + 4)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                    };
                    let hi = hex(i + 2).unwrap_or(0xFFFD);
                    if (0xD800..0xDC00).contains(&hi)
                        && raw.get(i + 6..i + 8) == Some("\\u")
                        && hex(i + 8).is_some_and(|lo| (0xDC00..0xE000).contains(&lo))
                    {
                        (4, 12)
                    } else {
                        (char::from_u32(hi).map_or(3, char::len_utf8), 6)
                    }
                }
                _ => (1, 2),
            };
            for _ in 0..bytes {
                map.push(start);
            }
            i += width;
        } else {
            map.push(i);
            i += 1;
        }
    }
    map.truncate(len);
    while map.len() < len {
        map.push(end);
    }
    map.push(end.max(1).min(b.len()));
    map
}

/// The project's declared pages (main package and subpackages), miniprogram-root-relative.
pub fn declared_pages(project: &crate::project::Project) -> Pages {
    let app = project.app.as_ref()?;
    Some(app.all_pages().map(|p| p.full.clone()).collect())
}

/// `mpcheck check`: the files `widget.data` names, validated as one batch. Problems with the
/// globs point into mpcheck.json.
pub fn check_project(ctx: &crate::lint::rule::Ctx) -> Vec<Diagnostic> {
    use crate::project::{FileKind, JsonProblem};
    let project = ctx.project;
    let config_file = ctx
        .widget_data
        .config
        .as_ref()
        .and_then(|p| p.canonicalize().ok())
        .and_then(|p| {
            p.strip_prefix(&project.dir)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        })
        .unwrap_or_else(|| crate::lint::rule::CONFIG_FILE.into());
    let mut out = Vec::new();
    let file_problem =
        |out: &mut Vec<Diagnostic>, file: &str, span: Option<Span>, en: String, zh: String| {
            out.push(Diagnostic::new(
                &data_file::META,
                file,
                span,
                Text::new(en, zh),
            ));
        };
    let mut matched: Vec<&crate::project::ProjectFile> = Vec::new();
    for (pattern, span) in &ctx.widget_data.globs {
        let p = pattern.trim();
        let outside = p.starts_with('/')
            || p.starts_with('\\')
            || p.as_bytes().get(1) == Some(&b':')
            || p.split(['/', '\\']).any(|s| s == "..");
        if outside {
            file_problem(
                &mut out,
                &config_file,
                Some(*span),
                format!(
                    "widget.data glob \"{pattern}\" leaves the project folder; data files must be inside it"
                ),
                format!("widget.data 路径 \"{pattern}\" 在项目目录之外；数据文件必须在项目目录内"),
            );
            continue;
        }
        let Ok(set) = crate::base::glob::GlobSet::new([p]) else {
            continue;
        };
        let before = matched.len();
        for f in project
            .files
            .iter()
            .filter(|f| !f.excluded && set.is_match(&f.path))
        {
            if !matched.iter().any(|m| m.path == f.path) {
                matched.push(f);
            }
        }
        if matched.len() == before
            && !project
                .files
                .iter()
                .any(|f| !f.excluded && set.is_match(&f.path))
        {
            file_problem(
                &mut out,
                &config_file,
                Some(*span),
                format!("widget.data glob \"{pattern}\" matches no file of the project"),
                format!("widget.data 路径 \"{pattern}\" 没有匹配到项目中的文件"),
            );
        }
    }
    matched.sort_by(|a, b| a.path.cmp(&b.path));
    let mut inputs = Vec::new();
    for f in matched {
        if f.kind != FileKind::Json {
            file_problem(
                &mut out,
                &f.path,
                None,
                format!(
                    "{} is not a .json file; widget.data lists JSON bodies",
                    f.path
                ),
                format!("{} 不是 .json 文件；widget.data 只列出 JSON 数据", f.path),
            );
            continue;
        }
        let Some(doc) = project.json(&f.path) else {
            continue;
        };
        match &doc.value {
            Ok(_) => inputs.push(Input {
                file: f.path.clone(),
                text: &doc.source.text,
                size: doc.size as usize,
            }),
            // MP001/MP002 report the file already (one cause, one finding).
            Err(JsonProblem::Unreadable(_)) => {}
            Err(JsonProblem::Syntax(e)) => out.push(Diagnostic::new(
                &not_json::META,
                f.path.clone(),
                Some(Span::new(e.offset, e.offset + e.len)),
                Text::new(
                    format!("the body is not JSON: {}", e.message.en()),
                    format!("数据不是合法的 JSON：{}", e.message.zh()),
                ),
            )),
            Err(JsonProblem::Empty) => out.push(Diagnostic::new(
                &not_json::META,
                f.path.clone(),
                None,
                Text::new("the body is empty", "数据为空"),
            )),
            Err(JsonProblem::NotUtf8 { offset }) => out.push(Diagnostic::new(
                &not_json::META,
                f.path.clone(),
                None,
                Text::new(
                    format!("the body is not UTF-8 (at byte {offset})"),
                    format!("数据不是 UTF-8 编码（第 {offset} 字节）"),
                ),
            )),
        }
    }
    out.extend(validate(&inputs, None, &declared_pages(project)));
    out
}
