//! The schema language: types, fields, objects.

/// The accepted type of a JSON value.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    Any,
    Null,
    String,
    Bool,
    Number,
    /// `#rgb`, `#rgba`, `#rrggbb` or `#rrggbbaa`.
    Color,
    Enum(&'static [&'static str]),
    Array(&'static Ty),
    Object(&'static Obj),
    /// An object with free keys, each value of this type.
    Map(&'static Ty),
    /// Any one of these (by JSON type).
    OneOf(&'static [Ty]),
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    /// The value may be a DarkMode `@variable` from theme.json.
    pub themable: bool,
}

#[derive(Debug)]
pub struct Obj {
    pub fields: &'static [Field],
    pub required: &'static [&'static str],
    /// Keys outside `fields` are accepted silently.
    pub open: bool,
}
