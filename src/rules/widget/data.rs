//! MP550–MP560: the search Widget's template data (`widget.data` in mpcheck.json, and
//! `mpcheck widget-data`). One module per rule; all of them share one validation
//! ([`crate::widget_data`]) and keep their own findings.

macro_rules! data_rule {
    ($module:ident, $ty:ident, $code:literal, $name:literal, $sev:ident, $summary:literal, $zh:literal) => {
        pub mod $module {
            use crate::diagnostic::Diagnostic;
            use crate::rule::{Ctx, Rule};

            crate::rule_meta!($code, $name, Widget, $sev, $summary, $zh);

            pub struct $ty;

            impl Rule for $ty {
                fn meta(&self) -> &'static crate::rule::RuleMeta {
                    &META
                }

                fn check_project(&self, ctx: &Ctx, out: &mut Vec<Diagnostic>) {
                    if ctx.widget_data.globs.is_empty() {
                        return;
                    }
                    // The files are validated once; each rule takes its own findings.
                    let all = ctx
                        .widget_data_findings
                        .get_or_init(|| crate::widget_data::check_project(ctx));
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
