//! The module specifiers of a JS/TS file and nothing else, for what needs only imports (the
//! upload set of `mpcheck size`): the walk of [`super::extract`] without its facts, so that
//! each file gives the same `requires`, in the same order (the overrides both share through
//! `shared_walk!`, and the loop heads that walk skips).

use super::depth::MAX_VISIT_DEPTH;
use super::facts::{Module, Unanalysed};
use crate::base::source::Span;
use oxc_ast::ast::*;
use oxc_ast_visit::{Visit, walk};
use oxc_span::GetSpan;
use oxc_syntax::operator::UnaryOperator;

/// [`super::extract::parse`] with only `path`, `unanalysed` and `requires` filled in (the
/// same values), for a text that [may import](may_import); any other has no requires and is
/// not parsed (nor reported as unparsable: what reads this reads only the requires).
pub fn parse(path: &str, text: &str) -> Module {
    let mut module = Module {
        path: path.to_string(),
        ..Module::default()
    };
    if !may_import(text) {
        return module;
    }
    super::extract::with_arena(|arena| {
        if let Some(ret) = super::extract::parse_program(arena, path, text, &mut module) {
            let mut walk = Imports {
                requires: Vec::new(),
                depth: 0,
                too_deep: None,
            };
            walk.visit_program(&ret.program);
            module.requires = walk.requires;
            if let Some(at) = walk.too_deep
                && module.unanalysed.is_none()
            {
                module.unanalysed = Some(Unanalysed::TooDeep {
                    span: at,
                    limit: MAX_VISIT_DEPTH,
                });
            }
        }
    });
    module
}

/// Whether `text` holds a word every specifier comes with (`require`, `import`, `from`) or a
/// `\u` escape, which could spell one in an identifier.
pub fn may_import(text: &str) -> bool {
    crate::base::ascii::contains_any(text, &["require", "import", "from", "\\u"])
}

struct Imports {
    requires: Vec<(String, Span)>,
    depth: usize,
    /// Where the walk first stopped at [`MAX_VISIT_DEPTH`].
    too_deep: Option<Span>,
}

impl Imports {
    fn push(&mut self, spec: &StringLiteral) {
        self.requires.push((
            spec.value.as_str().to_string(),
            super::extract::span(spec.span),
        ));
    }
}

impl<'a> Visit<'a> for Imports {
    super::extract::shared_walk!('a);

    fn visit_call_expression(&mut self, it: &CallExpression<'a>) {
        if let Expression::Identifier(id) = &it.callee
            && id.name == "require"
            && let Some(Expression::StringLiteral(spec)) =
                it.arguments.first().and_then(|a| a.as_expression())
        {
            self.push(spec);
        }
        walk::walk_call_expression(self, it);
    }

    fn visit_import_expression(&mut self, it: &ImportExpression<'a>) {
        if let Expression::StringLiteral(spec) = &it.source {
            self.push(spec);
        }
        walk::walk_import_expression(self, it);
    }

    fn visit_import_declaration(&mut self, it: &ImportDeclaration<'a>) {
        self.push(&it.source);
    }

    fn visit_export_from_declaration(&mut self, it: &ExportFromDeclaration<'a>) {
        self.push(&it.source);
    }

    fn visit_export_all_declaration(&mut self, it: &ExportAllDeclaration<'a>) {
        self.push(&it.source);
    }

    // A loop head that is not a declaration (`for (o.k of list)`) is not walked.
    fn visit_for_of_statement(&mut self, it: &ForOfStatement<'a>) {
        if let ForStatementLeft::VariableDeclaration(v) = &it.left {
            self.visit_variable_declaration(v);
        }
        self.visit_expression(&it.right);
        self.visit_statement(&it.body);
    }

    fn visit_for_in_statement(&mut self, it: &ForInStatement<'a>) {
        if let ForStatementLeft::VariableDeclaration(v) = &it.left {
            self.visit_variable_declaration(v);
        }
        self.visit_expression(&it.right);
        self.visit_statement(&it.body);
    }
}

#[cfg(test)]
mod tests {
    /// The same specifiers, in the same order, as the full facts walk finds.
    #[test]
    fn same_requires_as_the_facts_walk() {
        let deep_then_require = format!(
            "var x = {}0{};\nrequire('after-deep');\nvar y = {}require('too-deep'){};",
            "[".repeat(400),
            "]".repeat(400),
            "(".repeat(490),
            ")".repeat(490)
        );
        // Left-deep: the first operand is 5,000 levels down unless the spine is a loop.
        let chain = format!(
            "var u = require('chain') + {};",
            vec!["a"; 5000].join(" + ")
        );
        let member_chain = format!("{}.b; require('after')", vec!["a"; 1200].join("."));
        let sources = [
            "const a = require('./a'); import b from './b'; export * from './c';\nexport { d } from './d'; import('./e').then(() => require('./f'));",
            "for (o[require('left')] of list) {}\nfor (const { k = require('default') } of list) { require('body') }\nfor (x in require('right')) {}",
            "if (typeof require === 'function') { require('guarded') }\ntypeof wx.x; void require('void');",
            "let t: Array<typeof import('./type')> = []; const z = require(`template`); require('a' + 'b');",
            "function f() { return require('in-fn') } class C { m() { return import('./in-method') } }",
            "const { a = require('pattern') } = obj; x.require('not-a-require'); require(dynamic);",
            "this is not javascript require('after-error')",
            &deep_then_require,
            &chain,
            &member_chain,
        ];
        for src in sources {
            assert!(super::may_import(src), "{src:.80}");
            for path in ["a.js", "a.ts"] {
                let full = super::super::extract::parse(path, src);
                let imports = super::parse(path, src);
                assert_eq!(imports.requires, full.requires, "{path}: {src:.80}");
                assert_eq!(imports.unanalysed, full.unanalysed, "{path}: {src:.80}");
            }
        }
    }

    /// A text without `require`, `import`, `from` or `\u` loads nothing: not parsed, no
    /// requires (the facts walk agrees on the requires); an escape that spells `require` is
    /// parsed.
    #[test]
    fn a_text_that_cannot_import_is_not_parsed() {
        for src in [
            "Component({ methods: { onTap() { this.triggerEvent('tap') } } })",
            "this is not javascript (",
            "",
        ] {
            assert!(!super::may_import(src), "{src}");
            let module = super::parse("a.js", src);
            assert!(
                module.requires.is_empty() && module.unanalysed.is_none(),
                "{src}"
            );
            assert!(
                super::super::extract::parse("a.js", src)
                    .requires
                    .is_empty()
            );
        }
        let escaped = "const a = \\u0072equire('./escaped');";
        assert!(super::may_import(escaped));
        let requires = super::parse("a.js", escaped).requires;
        assert_eq!(requires.len(), 1);
        assert_eq!(
            requires,
            super::super::extract::parse("a.js", escaped).requires
        );
    }
}
