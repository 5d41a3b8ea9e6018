//! What a page or component script defines for its template's event handlers: the keys of the
//! top-level `Page({...})` object, the `methods` of `Component({...})`, and the `behaviors` they
//! mix in; plus the `Behavior({...})` definitions a module provides to others.

use super::facts::{BehaviorRef, Constructor, ConstructorKind, MethodSet, Module};
use crate::base::source::Span;
use oxc_ast::ast::*;
use oxc_span::GetSpan;
use rustc_hash::FxHashMap as HashMap;

/// Fills `module.constructor` and `module.behaviors` from the top level of `program`.
pub fn collect(program: &Program, module: &mut Module) {
    // Top-level `const x = {...}` objects, for `Page(options)`.
    let mut objects: HashMap<&str, &ObjectExpression> = HashMap::default();
    for stmt in &program.body {
        let decl = match stmt {
            Statement::VariableDeclaration(v) => v,
            Statement::ExportDeclaration(e) => match &e.declaration {
                Declaration::VariableDeclaration(v) => v,
                _ => continue,
            },
            _ => continue,
        };
        for d in &decl.declarations {
            if let (BindingPattern::BindingIdentifier(id), Some(init)) = (&d.id, &d.init) {
                if let Expression::ObjectExpression(o) = init.get_inner_expression() {
                    objects.insert(id.name.as_str(), &**o);
                }
                if let Some(set) = behavior_call(init, &objects) {
                    module.behaviors.push((id.name.as_str().to_string(), set));
                }
            }
        }
    }
    let mut constructors: Vec<Constructor> = Vec::new();
    for stmt in &program.body {
        match stmt {
            Statement::ExpressionStatement(s) => {
                let e = s.expression.get_inner_expression();
                if let Some(c) = constructor_call(e, &objects) {
                    constructors.push(c);
                } else if let Expression::AssignmentExpression(a) = e
                    && is_module_exports(&a.left)
                {
                    export_behavior(&a.right, "module.exports", &objects, module);
                }
            }
            Statement::ExportDefaultDeclaration(e) => {
                if let Some(expr) = e.declaration.as_expression() {
                    if let Some(c) = constructor_call(expr.get_inner_expression(), &objects) {
                        constructors.push(c);
                    } else {
                        export_behavior(expr, "default", &objects, module);
                    }
                }
            }
            _ => {}
        }
    }
    // Two registrations in one file: which one wins is not for a linter to guess.
    if constructors.len() == 1 {
        module.constructor = constructors.pop();
    }
}

fn is_module_exports(target: &AssignmentTarget) -> bool {
    let Some(m) = target
        .as_simple_assignment_target()
        .and_then(|t| t.as_member_expression())
    else {
        return false;
    };
    matches!(m.object(), Expression::Identifier(id) if id.name == "module")
        && m.static_property_name() == Some("exports")
}

/// `module.exports = Behavior({...})` or `= b` (a local behavior), under `key`.
fn export_behavior(
    e: &Expression,
    key: &str,
    objects: &HashMap<&str, &ObjectExpression>,
    module: &mut Module,
) {
    if let Some(set) = behavior_call(e, objects) {
        module.behaviors.push((key.to_string(), set));
    } else if let Expression::Identifier(id) = e.get_inner_expression() {
        let set = MethodSet {
            behaviors: vec![BehaviorRef::Local(id.name.as_str().to_string())],
            ..MethodSet::default()
        };
        module.behaviors.push((key.to_string(), set));
    }
}

fn callee_name<'a>(call: &'a CallExpression) -> Option<&'a str> {
    match &call.callee {
        Expression::Identifier(id) => Some(id.name.as_str()),
        _ => None,
    }
}

/// The options object of a call: a literal or a top-level constant holding one.
fn options<'a>(
    call: &'a CallExpression<'a>,
    objects: &HashMap<&str, &'a ObjectExpression<'a>>,
) -> Option<&'a ObjectExpression<'a>> {
    if call.arguments.len() != 1 {
        return None;
    }
    match call.arguments[0].as_expression()?.get_inner_expression() {
        Expression::ObjectExpression(o) => Some(o),
        Expression::Identifier(id) => objects.get(id.name.as_str()).copied(),
        _ => None,
    }
}

fn constructor_call(
    e: &Expression,
    objects: &HashMap<&str, &ObjectExpression>,
) -> Option<Constructor> {
    let Expression::CallExpression(call) = e else {
        return None;
    };
    let kind = match callee_name(call)? {
        "Page" => ConstructorKind::Page,
        "Component" => ConstructorKind::Component,
        _ => return None,
    };
    let span = Span::new(
        call.callee.span().start as usize,
        call.callee.span().end as usize,
    );
    let set = match options(call, objects) {
        Some(o) => method_set(o, kind, objects),
        None => MethodSet {
            open: true,
            ..MethodSet::default()
        },
    };
    Some(Constructor { kind, span, set })
}

fn behavior_call(e: &Expression, objects: &HashMap<&str, &ObjectExpression>) -> Option<MethodSet> {
    let Expression::CallExpression(call) = e.get_inner_expression() else {
        return None;
    };
    if callee_name(call)? != "Behavior" {
        return None;
    }
    Some(match options(call, objects) {
        Some(o) => method_set(o, ConstructorKind::Component, objects),
        None => MethodSet {
            open: true,
            ..MethodSet::default()
        },
    })
}

/// Static keys of an object; `open` when a spread or a computed key hides some.
fn keys(o: &ObjectExpression, set: &mut MethodSet) {
    for p in &o.properties {
        match p {
            ObjectPropertyKind::ObjectProperty(p) => match p.key.static_name() {
                Some(k) => set.methods.push(k.to_string()),
                None => set.open = true,
            },
            ObjectPropertyKind::SpreadProperty(_) => set.open = true,
        }
    }
}

/// Page: every key of the object is on `this`. Component and Behavior: the keys of `methods`.
/// Both: the `behaviors` mixed in.
fn method_set(
    o: &ObjectExpression,
    kind: ConstructorKind,
    objects: &HashMap<&str, &ObjectExpression>,
) -> MethodSet {
    let mut set = MethodSet::default();
    if kind == ConstructorKind::Page {
        keys(o, &mut set);
    } else {
        let mut top = MethodSet::default();
        keys(o, &mut top);
        set.outside_methods = top.methods;
    }
    if kind == ConstructorKind::Component
        && o.properties
            .iter()
            .any(|p| matches!(p, ObjectPropertyKind::SpreadProperty(_)))
    {
        set.open = true;
    }
    for p in &o.properties {
        let ObjectPropertyKind::ObjectProperty(p) = p else {
            continue;
        };
        match p.key.static_name().as_deref() {
            Some("methods") if kind == ConstructorKind::Component => {
                match p.value.get_inner_expression() {
                    Expression::ObjectExpression(m) => keys(m, &mut set),
                    Expression::Identifier(id) => match objects.get(id.name.as_str()) {
                        Some(m) => keys(m, &mut set),
                        None => set.open = true,
                    },
                    _ => set.open = true,
                }
            }
            Some("behaviors") => match p.value.get_inner_expression() {
                Expression::ArrayExpression(a) => {
                    for el in &a.elements {
                        set.behaviors.push(match el {
                            ArrayExpressionElement::StringLiteral(_) => BehaviorRef::BuiltIn,
                            ArrayExpressionElement::Identifier(id) => {
                                BehaviorRef::Local(id.name.as_str().to_string())
                            }
                            _ => BehaviorRef::Unknown,
                        });
                    }
                }
                _ => set.open = true,
            },
            _ => {}
        }
    }
    set
}
