//! WXS modules (`.wxs` files and inline `<wxs module>` bodies): parsed with oxc, then held to
//! what the official `wcc` compiler accepts. WXS is an ES5 subset, and narrower than ES5:
//! besides ES6 syntax, `wcc` rejects `new`, `this`, regular expression literals, `try`/`throw`,
//! `for…in`, `in`/`instanceof`, labels, hex and exponent numbers, non-ASCII names and some
//! keywords as property names. Each construct below was checked against `wcc` 0.2.3.

use crate::base::source::Span;
use crate::syntax::wxml::SyntaxError;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_parser::Parser;
use oxc_span::{GetSpan, SourceType};
use oxc_syntax::operator::{AssignmentOperator, BinaryOperator, LogicalOperator};
use oxc_syntax::scope::ScopeFlags;
use std::collections::HashSet;

/// One WXS module: a `.wxs` file, or an inline `<wxs>` body (spans are in the WXML file).
#[derive(Debug, Clone, Default)]
pub struct WxsModule {
    /// The first `wxml::MAX_ERRORS` errors, in source order.
    pub errors: Vec<SyntaxError>,
    /// Errors beyond those, counted.
    pub errors_omitted: usize,
    /// Why the module was not (fully) checked: binary content or nesting too deep (MP006).
    pub unanalysed: Option<crate::syntax::js::Unanalysed>,
    /// `require("./x.wxs")` targets as written, and their spans.
    pub requires: Vec<(String, Span)>,
    pub directives: Vec<crate::syntax::suppress::Directive>,
}

/// Words `wcc` does not accept as property names (`o.default`, `{ default: 1 }`).
const RESERVED_PROPERTY_NAMES: &[&str] = &[
    "break", "case", "continue", "default", "delete", "do", "else", "false", "for", "function",
    "if", "null", "require", "return", "switch", "this", "true", "typeof", "var", "void", "while",
];

/// Checks a WXS module whose text starts at byte `offset` of file `path`.
pub fn check(path: &str, text: &str, offset: usize) -> WxsModule {
    use crate::syntax::js::Unanalysed;
    let mut module = WxsModule::default();
    if let Some(Unanalysed::Binary { offset: at }) = Unanalysed::binary(text) {
        module.unanalysed = Some(Unanalysed::Binary {
            offset: at + offset,
        });
        return module;
    }
    // oxc recurses once per level with no limit: deeper code is reported, not parsed.
    if let Err(deep) = crate::syntax::js::depth::check(text, false) {
        let at = deep.offset + offset;
        module.unanalysed = Some(Unanalysed::TooDeep {
            span: Span::new(at, at + 1),
            limit: crate::syntax::js::depth::MAX_NESTING,
        });
        return module;
    }
    crate::syntax::js::extract::with_arena(|arena| {
        let ret = Parser::new(arena, text, SourceType::script()).parse();
        let at = |s: oxc_span::Span| Span::new(s.start as usize + offset, s.end as usize + offset);
        for c in &ret.program.comments {
            let body = c.span.source_text(text);
            if body.contains("mpcheck-disable")
                && let Some(d) = crate::syntax::suppress::parse(path, body, at(c.span))
            {
                module.directives.push(d);
            }
        }
        if let Some(d) = ret.diagnostics.first() {
            let span = d.labels.first().map_or(Span::new(offset, offset), |l| {
                let (start, len) = (l.offset() as usize, l.len() as usize);
                Span::new(start + offset, start + len + offset)
            });
            module.errors.push(SyntaxError {
                span,
                message: d.message.to_string().into(),
            });
            return module;
        }
        let mut v = Checker {
            at: &at,
            module: &mut module,
            strict: HashSet::new(),
            return_starts: HashSet::new(),
            depth: 0,
            too_deep: None,
        };
        v.visit_program(&ret.program);
        if let Some(span) = v.too_deep {
            module.unanalysed = Some(Unanalysed::TooDeep {
                span: at(span),
                limit: crate::syntax::js::depth::MAX_VISIT_DEPTH,
            });
        }
        module.errors.sort_by_key(|e| e.span.start);
        // As in WXML: the first errors, and how many more (wcc stops at the first).
        if module.errors.len() > crate::syntax::wxml::MAX_ERRORS {
            module.errors_omitted = module.errors.len() - crate::syntax::wxml::MAX_ERRORS;
            module.errors.truncate(crate::syntax::wxml::MAX_ERRORS);
        }
        module
    })
}

struct Checker<'f, 'm> {
    at: &'f dyn Fn(oxc_span::Span) -> Span,
    module: &'m mut WxsModule,
    /// Expressions where `wcc` parses strictly (after `=`, an operator, in an `if` test): an
    /// object literal there may not use shorthand properties, and `this` is refused.
    strict: HashSet<(u32, u32)>,
    /// Starts of `return` arguments: `wcc` accepts `new`, `this`, `in` and `instanceof` at the
    /// head of one (`return new Foo()`, `return 1 in o`) and refuses them elsewhere.
    return_starts: HashSet<u32>,
    /// Expressions and statements the walk is inside.
    depth: usize,
    /// Where the walk stopped going deeper.
    too_deep: Option<oxc_span::Span>,
}

impl Checker<'_, '_> {
    fn error(&mut self, span: oxc_span::Span, en: &str, zh: &str) {
        self.module.errors.push(SyntaxError {
            span: (self.at)(span),
            message: crate::base::i18n::Text::new(en, zh),
        });
    }

    fn es6(&mut self, span: oxc_span::Span, what: &str, instead: &str, what_zh: &str) {
        self.error(
            span,
            &format!("{what} is not supported in WXS (ES5 only): {instead}"),
            &format!("WXS 只支持 ES5，不支持{what_zh}：{instead}"),
        );
    }

    /// Marks `e` when it is an object literal in a strict place.
    fn strict(&mut self, e: &Expression) {
        let span = e.get_inner_expression().span();
        self.strict.insert((span.start, span.end));
    }

    fn is_strict(&self, span: oxc_span::Span) -> bool {
        self.strict.contains(&(span.start, span.end))
    }

    fn heads_return(&self, span: oxc_span::Span) -> bool {
        self.return_starts.contains(&span.start)
    }

    /// The first `len` bytes of `span` (a keyword at its start).
    fn head(span: oxc_span::Span, len: u32) -> oxc_span::Span {
        oxc_span::Span::new(span.start, (span.start + len).min(span.end))
    }
}

impl<'a> Visit<'a> for Checker<'_, '_> {
    // Every nesting goes through an expression or a statement: the walk stops at
    // MAX_VISIT_DEPTH and the module is reported as not fully checked.
    fn visit_expression(&mut self, it: &Expression<'a>) {
        if self.depth >= crate::syntax::js::depth::MAX_VISIT_DEPTH {
            let at = it.span().start;
            self.too_deep.get_or_insert(oxc_span::Span::new(at, at + 1));
            return;
        }
        self.depth += 1;
        walk::walk_expression(self, it);
        self.depth -= 1;
    }

    fn visit_statement(&mut self, it: &Statement<'a>) {
        if self.depth >= crate::syntax::js::depth::MAX_VISIT_DEPTH {
            let at = it.span().start;
            self.too_deep.get_or_insert(oxc_span::Span::new(at, at + 1));
            return;
        }
        self.depth += 1;
        walk::walk_statement(self, it);
        self.depth -= 1;
    }

    fn visit_variable_declaration(&mut self, it: &VariableDeclaration<'a>) {
        if it.kind != VariableDeclarationKind::Var {
            let kw = it.kind.as_str();
            self.es6(
                Self::head(it.span, kw.len() as u32),
                &format!("`{kw}`"),
                "use `var`",
                &format!(" `{kw}`"),
            );
        }
        walk::walk_variable_declaration(self, it);
    }

    fn visit_variable_declarator(&mut self, it: &VariableDeclarator<'a>) {
        if let Some(init) = &it.init {
            self.strict(init);
        }
        walk::walk_variable_declarator(self, it);
    }

    /// `wcc` accepts `f({ a })`, `[{ a }]` and `return { a }`, but not a shorthand property in
    /// an object that also has `key: value` properties, nor in an object after `=`, `||` or
    /// another operator (`var o = { a }`).
    fn visit_object_expression(&mut self, it: &ObjectExpression<'a>) {
        let plain = |p: &ObjectPropertyKind| matches!(p, ObjectPropertyKind::ObjectProperty(p) if !p.shorthand && !p.method);
        let mixed = it.properties.iter().any(plain);
        if mixed || self.is_strict(it.span) {
            for p in &it.properties {
                if let ObjectPropertyKind::ObjectProperty(p) = p
                    && p.shorthand
                {
                    self.es6(
                        p.span,
                        "a shorthand property",
                        "write `name: name`",
                        "属性简写",
                    );
                }
            }
        }
        walk::walk_object_expression(self, it);
    }

    fn visit_arrow_function_expression(&mut self, it: &ArrowFunctionExpression<'a>) {
        self.es6(
            it.span,
            "an arrow function",
            "use `function (…) { … }`",
            "箭头函数",
        );
        walk::walk_arrow_function_expression(self, it);
    }

    fn visit_function(&mut self, it: &Function<'a>, flags: ScopeFlags) {
        if it.generator {
            self.es6(
                Self::head(it.span, 9),
                "a generator function",
                "use a plain `function`",
                "生成器函数",
            );
        }
        if it.r#async {
            self.es6(
                Self::head(it.span, 5),
                "`async`",
                "use a plain `function`",
                " `async`",
            );
        }
        walk::walk_function(self, it, flags);
    }

    fn visit_template_literal(&mut self, it: &TemplateLiteral<'a>) {
        self.es6(
            it.span,
            "a template literal",
            "concatenate strings with `+`",
            "模板字符串",
        );
        walk::walk_template_literal(self, it);
    }

    fn visit_object_property(&mut self, it: &ObjectProperty<'a>) {
        if it.kind != PropertyKind::Init {
            self.es6(
                it.span,
                "a getter or setter",
                "use a plain property",
                " getter/setter",
            );
        } else if it.method {
            self.es6(
                it.span,
                "a method shorthand",
                "write `name: function (…) { … }`",
                "方法简写",
            );
        } else if it.computed {
            self.es6(
                it.key.span(),
                "a computed property name",
                "assign `o[key] = value` after creating the object",
                "计算属性名",
            );
        } else if let PropertyKey::StaticIdentifier(id) = &it.key
            && RESERVED_PROPERTY_NAMES.contains(&id.name.as_str())
        {
            self.reserved(id.span, &id.name);
        }
        walk::walk_object_property(self, it);
    }

    fn visit_static_member_expression(&mut self, it: &StaticMemberExpression<'a>) {
        if RESERVED_PROPERTY_NAMES.contains(&it.property.name.as_str()) {
            self.reserved(it.property.span, &it.property.name);
        }
        walk::walk_static_member_expression(self, it);
    }

    fn visit_binding_pattern(&mut self, it: &BindingPattern<'a>) {
        if matches!(
            it,
            BindingPattern::ObjectPattern(_) | BindingPattern::ArrayPattern(_)
        ) {
            self.es6(
                it.span(),
                "destructuring",
                "read the fields one by one",
                "解构赋值",
            );
        }
        walk::walk_binding_pattern(self, it);
    }

    fn visit_assignment_target_pattern(&mut self, it: &AssignmentTargetPattern<'a>) {
        self.es6(
            it.span(),
            "destructuring",
            "read the fields one by one",
            "解构赋值",
        );
        walk::walk_assignment_target_pattern(self, it);
    }

    fn visit_spread_element(&mut self, it: &SpreadElement<'a>) {
        self.es6(
            it.span,
            "spread syntax",
            "copy the items with a loop",
            "展开语法",
        );
        walk::walk_spread_element(self, it);
    }

    fn visit_binding_rest_element(&mut self, it: &BindingRestElement<'a>) {
        self.es6(it.span, "a rest parameter", "use `arguments`", "剩余参数");
        walk::walk_binding_rest_element(self, it);
    }

    fn visit_class(&mut self, it: &Class<'a>) {
        self.es6(
            Self::head(it.span, 5),
            "`class`",
            "use functions and objects",
            " `class`",
        );
        walk::walk_class(self, it);
    }

    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        self.es6(
            Self::head(it.span, 3),
            "`for…of`",
            "loop with an index: `for (var i = 0; i < a.length; i++)`",
            " `for…of`",
        );
        walk::walk_for_of_statement(self, it);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        self.error(
            Self::head(it.span, 3),
            "`for…in` is not supported in WXS: loop over an array with an index",
            "WXS 不支持 `for…in`：请用下标遍历数组",
        );
        walk::walk_for_in_statement(self, it);
    }

    fn visit_return_statement(&mut self, it: &ReturnStatement<'a>) {
        if let Some(arg) = &it.argument {
            self.return_starts.insert(arg.span().start);
        }
        walk::walk_return_statement(self, it);
    }

    fn visit_if_statement(&mut self, it: &IfStatement<'a>) {
        self.strict(&it.test);
        walk::walk_if_statement(self, it);
    }

    /// `a + b + c + …` is left-deep: its spine is walked in a loop, so a long chain is not
    /// deep.
    fn visit_binary_expression(&mut self, it: &BinaryExpression<'a>) {
        let mut spine = vec![it];
        while let Expression::BinaryExpression(b) = &spine[spine.len() - 1].left {
            spine.push(b);
        }
        for b in &spine {
            self.binary(b);
        }
        if let Some(innermost) = spine.last() {
            self.visit_expression(&innermost.left);
        }
        for b in spine.iter().rev() {
            self.visit_expression(&b.right);
        }
    }

    fn visit_assignment_expression(&mut self, it: &AssignmentExpression<'a>) {
        self.strict(&it.right);
        let op = it.operator;
        if matches!(
            op,
            AssignmentOperator::Exponential
                | AssignmentOperator::LogicalAnd
                | AssignmentOperator::LogicalOr
                | AssignmentOperator::LogicalNullish
        ) {
            self.es6(
                it.span,
                &format!("`{}`", op.as_str()),
                "write the assignment out",
                &format!(" `{}`", op.as_str()),
            );
        }
        walk::walk_assignment_expression(self, it);
    }

    fn visit_logical_expression(&mut self, it: &LogicalExpression<'a>) {
        self.strict(&it.left);
        self.strict(&it.right);
        if it.operator == LogicalOperator::Coalesce {
            self.es6(
                it.span,
                "`??`",
                "use `a === undefined || a === null ? b : a`",
                " `??`",
            );
        }
        walk::walk_logical_expression(self, it);
    }

    fn visit_chain_expression(&mut self, it: &ChainExpression<'a>) {
        self.es6(
            it.span,
            "optional chaining `?.`",
            "check each level: `a && a.b`",
            "可选链 `?.`",
        );
        walk::walk_chain_expression(self, it);
    }

    fn visit_reg_exp_literal(&mut self, it: &RegExpLiteral<'a>) {
        self.error(
            it.span,
            "regular expression literals are not supported in WXS: use getRegExp(pattern, flags)",
            "WXS 不支持正则表达式字面量：请使用 getRegExp(pattern, flags)",
        );
    }

    fn visit_new_expression(&mut self, it: &NewExpression<'a>) {
        if !self.heads_return(it.span) {
            self.error(
            Self::head(it.span, 3),
            "`new` is not supported in WXS: use getDate(…) or getRegExp(…); arrays and objects are written as literals",
            "WXS 不支持 `new`：请使用 getDate(…) 或 getRegExp(…)，数组和对象请用字面量",
            );
        }
        walk::walk_new_expression(self, it);
    }

    fn visit_this_expression(&mut self, it: &ThisExpression) {
        if self.is_strict(it.span) {
            self.error(
                it.span,
                "`this` is not supported in WXS: pass the value as a parameter",
                "WXS 不支持 `this`：请把值作为参数传入",
            );
        }
    }

    fn visit_await_expression(&mut self, it: &AwaitExpression<'a>) {
        self.es6(
            Self::head(it.span, 5),
            "`await`",
            "WXS runs synchronously",
            " `await`",
        );
        walk::walk_await_expression(self, it);
    }

    fn visit_try_statement(&mut self, it: &TryStatement<'a>) {
        self.error(
            Self::head(it.span, 3),
            "`try`/`catch` is not supported in WXS: check the values before using them",
            "WXS 不支持 `try`/`catch`：请在使用前检查数据",
        );
        walk::walk_try_statement(self, it);
    }

    fn visit_throw_statement(&mut self, it: &ThrowStatement<'a>) {
        self.error(
            Self::head(it.span, 5),
            "`throw` is not supported in WXS: return a value that says what went wrong",
            "WXS 不支持 `throw`：请返回表示错误的值",
        );
        walk::walk_throw_statement(self, it);
    }

    fn visit_labeled_statement(&mut self, it: &LabeledStatement<'a>) {
        self.error(
            it.label.span,
            "labels are not supported in WXS",
            "WXS 不支持语句标签",
        );
        walk::walk_labeled_statement(self, it);
    }

    fn visit_with_statement(&mut self, it: &WithStatement<'a>) {
        self.error(
            Self::head(it.span, 4),
            "`with` is not supported in WXS",
            "WXS 不支持 `with`",
        );
        walk::walk_with_statement(self, it);
    }

    fn visit_numeric_literal(&mut self, it: &NumericLiteral<'a>) {
        let raw = it.raw.map_or("", |r| r.as_str());
        let lower = raw.to_ascii_lowercase();
        let prefixed = ["0x", "0o", "0b"].iter().any(|p| lower.starts_with(p));
        if prefixed || lower.contains('e') || raw.contains('_') || raw.starts_with('.') {
            let value = it.value;
            self.error(
                it.span,
                &format!(
                    "the number {raw} is not accepted by wcc: write it as a plain decimal ({value})"
                ),
                &format!("wcc 不接受数字 {raw}：请写成普通十进制（{value}）"),
            );
        }
    }

    fn visit_big_int_literal(&mut self, it: &BigIntLiteral<'a>) {
        self.es6(it.span, "BigInt", "use a number", " BigInt");
    }

    fn visit_identifier_reference(&mut self, it: &IdentifierReference<'a>) {
        self.ascii_name(it.span, &it.name);
    }

    fn visit_binding_identifier(&mut self, it: &BindingIdentifier<'a>) {
        self.ascii_name(it.span, &it.name);
    }

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::Identifier(id) = &it.callee
            && id.name == "require"
        {
            match it.arguments.first().and_then(|a| a.as_expression()) {
                Some(Expression::StringLiteral(s)) if it.arguments.len() == 1 => {
                    if s.value.ends_with(".wxs") {
                        self.module
                            .requires
                            .push((s.value.to_string(), (self.at)(s.span)));
                    } else {
                        self.error(
                            s.span,
                            &format!("require(\"{}\"): WXS can only require .wxs files", s.value),
                            &format!("require(\"{}\")：WXS 只能 require .wxs 文件", s.value),
                        );
                    }
                }
                _ => self.error(
                    it.span,
                    "require() in WXS takes one string literal naming a .wxs file",
                    "WXS 中 require() 只接受一个指向 .wxs 文件的字符串字面量",
                ),
            }
        }
        walk::walk_call_expression(self, it);
    }
}

impl Checker<'_, '_> {
    /// The checks of one binary expression (its operands are walked by the caller).
    fn binary(&mut self, it: &BinaryExpression) {
        self.strict(&it.left);
        self.strict(&it.right);
        let lax = self.heads_return(it.span);
        match it.operator {
            BinaryOperator::Exponential => {
                self.es6(it.span, "`**`", "use `Math.pow(a, b)`", " `**`")
            }
            BinaryOperator::In if !lax => self.error(
                it.span,
                "the `in` operator is not supported in WXS: compare the property with `undefined`",
                "WXS 不支持 `in` 运算符：请判断属性是否为 `undefined`",
            ),
            BinaryOperator::Instanceof if !lax => self.error(
                it.span,
                "`instanceof` is not supported in WXS: use `typeof` or the `constructor` property",
                "WXS 不支持 `instanceof`：请使用 `typeof` 或 `constructor` 属性",
            ),
            _ => {}
        }
    }
}

impl Checker<'_, '_> {
    fn reserved(&mut self, span: oxc_span::Span, name: &str) {
        self.error(
            span,
            &format!(
                "`{name}` cannot be a property name in WXS: use o[\"{name}\"] or another name"
            ),
            &format!("WXS 中 `{name}` 不能作为属性名：请使用 o[\"{name}\"] 或换一个名字"),
        );
    }

    fn ascii_name(&mut self, span: oxc_span::Span, name: &str) {
        if !name.is_ascii() {
            self.error(
                span,
                &format!("the name `{name}` is not accepted by wcc: WXS names are ASCII letters, digits, `_` and `$`"),
                &format!("wcc 不接受名字 `{name}`：WXS 的变量名只能包含 ASCII 字母、数字、`_` 和 `$`"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check;

    fn errors(code: &str) -> Vec<String> {
        check("t.wxs", code, 0)
            .errors
            .into_iter()
            .map(|e| e.message.en().to_string())
            .collect()
    }

    /// Each line was run through wcc 0.2.3: these fail there.
    #[test]
    fn what_wcc_rejects_is_reported() {
        for code in [
            "let a = 1;",
            "const a = 1;",
            "var f = (a) => a;",
            "var s = `x`;",
            "var a = 1; var o = {a};",
            "var a = 1; var o = {\n a\n};",
            "var a = 1, o; o = {a};",
            "var a = 1; module.exports = {a};",
            "var a = 1; var o = 1 || {a};",
            "var a = 1, b = 2; var o = f({a, b: 1});",
            "var o = {f: 1, g() { return 1; }};",
            "var o = {['a']: 1};",
            "var [a] = [1];",
            "var a = [].concat([...[1]]);",
            "class A {}",
            "for (var x of [1]) {}",
            "for (var k in {}) {}",
            "var a = 2 ** 3;",
            "var b = {}; var a = b?.c;",
            "var b; var a = b ?? 1;",
            "var r = /a/g;",
            "var d = new Date();",
            "function* g() {}",
            "var a = 0x1F;",
            "var a = 1e3;",
            "var a = 'a' in {};",
            "var a = [] instanceof Array;",
            "function g() { var s = this; }",
            "function g() { var a = 1 + this; }",
            "function g() { if (this) {} }",
            "function f() {} var a = new f();",
            "function f() {} g(new f());",
            "function g() { f(1 in o); }",
            "try { } catch (e) { }",
            "throw 1;",
            "var o = {default: 1};",
            "var o = {}; var a = o.default;",
            "var \u{53d8} = 1;",
            "var a = require('./x');",
            "var p = './x.wxs'; var a = require(p);",
        ] {
            assert!(!errors(code).is_empty(), "{code} should be an error");
        }
    }

    /// Each line was run through wcc 0.2.3: these compile there.
    #[test]
    fn what_wcc_accepts_is_not_reported() {
        for code in [
            "var a = 1;",
            "function f(a) { return arguments.length + a; }",
            "var a = 1.5; var b = 010; a++;",
            "var r = getRegExp('a', 'g'); var d = getDate();",
            "// c\n/* d */ var a = 1",
            "var a = JSON.stringify({}); var m = Math.max(1, 2);",
            "var o = {'a': 1, b: [1,], c: null}; var a = o.class;",
            "var a = [1, 2].map(function (x) { return x; });",
            "switch (1) { case 1: break; default: }",
            "do {} while (0);",
            "var a = typeof b === 'undefined' ? void 0 : 1;",
            "var o = {}; delete o.a;",
            "var m = require('./x.wxs'); module.exports = { m: m };",
            "var a = 'é';",
            "var a = 1, b = 2; f({a}); f(1, {a, b}); var x = [{a}];",
            "function g(a) { return {a}; }",
            "var a = 1; var o = c ? {a} : 1;",
            "function f(a = 1) { return a; }",
            "function g() { f(this); return this.a; }",
            "function g() { var a = this.b; return this ? 1 : 2; }",
            "function g() { return new Foo(); }",
            "function g() { return [] instanceof f; }",
            "function g() { return 1 in o; }",
        ] {
            assert_eq!(errors(code), Vec::<String>::new(), "{code}");
        }
    }

    #[test]
    fn inline_spans_are_offset_and_requires_kept() {
        let m = check("a.wxml", "let a = require('./u.wxs');", 10);
        assert_eq!(m.errors[0].span.start, 10);
        assert_eq!(m.requires, vec![("./u.wxs".to_string(), m.requires[0].1)]);
        assert_eq!(m.requires[0].1.start, 10 + 16);
    }
}
