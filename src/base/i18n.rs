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

    /// The message in this language (both are given, one is kept).
    pub fn text(self, en: String, zh: String) -> String {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }
}
