//! Output language: `--lang`, else `MPCHECK_LANG`, else `LANG`; English by default.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the environment: `MPCHECK_LANG`, then `LANG`.
    pub fn from_env() -> Lang {
        for var in ["MPCHECK_LANG", "LANG"] {
            if let Some(lang) = std::env::var(var).ok().as_deref().and_then(Lang::parse) {
                return lang;
            }
        }
        Lang::En
    }

    pub fn pick<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}

/// A text in both languages: what a finding says (its message, label, help, related notes),
/// chosen when it is rendered, so one run can be shown in either language. A text that is the
/// same in both (a path, a parser's English-only message) is stored once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Text {
    en: Box<str>,
    /// `None`: the same as `en`.
    zh: Option<Box<str>>,
}

impl Text {
    pub fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        let (en, zh) = (en.into(), zh.into());
        let zh = (zh != en).then(|| zh.into_boxed_str());
        Text {
            en: en.into_boxed_str(),
            zh,
        }
    }

    /// The same text in both languages.
    pub fn same(s: impl Into<String>) -> Text {
        Text {
            en: s.into().into_boxed_str(),
            zh: None,
        }
    }

    pub fn en(&self) -> &str {
        &self.en
    }

    pub fn zh(&self) -> &str {
        self.zh.as_deref().unwrap_or(&self.en)
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => self.en(),
            Lang::Zh => self.zh(),
        }
    }

    /// A text built from this one in each language (`f` gets the language and this text in it).
    pub fn map(&self, f: impl Fn(Lang, &str) -> String) -> Text {
        Text::new(f(Lang::En, self.en()), f(Lang::Zh, self.zh()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::same(s)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::same(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_keeps_both_languages_and_stores_a_shared_one_once() {
        let t = Text::new("unused file", "未使用的文件");
        assert_eq!(
            (t.get(Lang::En), t.get(Lang::Zh)),
            ("unused file", "未使用的文件")
        );
        let same = Text::new("app.json", "app.json");
        assert_eq!(same, Text::same("app.json"));
        assert!(same.zh.is_none());
        assert_eq!(same.zh(), "app.json");
        let joined = t.map(|lang, s| format!("{s}{}", Lang::pick(lang, ": x", "：x")));
        assert_eq!(
            (joined.en(), joined.zh()),
            ("unused file: x", "未使用的文件：x")
        );
    }
}
