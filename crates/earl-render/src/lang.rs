//! The language earl writes in, and how a front end chooses it: a `--lang` flag, the
//! `EARL_LANG`, `LC_ALL` and `LANG` variables, a `?lang=` parameter or an `Accept-Language`
//! header. Pure functions: the caller passes what it read.

use std::fmt;

/// A language earl's catalogs cover. Traditional Chinese requests are answered in Simplified
/// Chinese (no zh-Hant catalog yet), which a reader of either script can read; English is the
/// fallback for every other language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
    ZhHans,
}

/// A language asked for explicitly (`--lang`, `EARL_LANG`, `?lang=`) that earl has no catalog for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLang(pub String);

impl fmt::Display for UnknownLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown language “{}”: earl speaks en, ar and zh (zh-Hans)",
            self.0
        )
    }
}

impl std::error::Error for UnknownLang {}

impl Lang {
    /// Every language with a catalog, English first.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::ZhHans];

    /// Its BCP 47 tag, as `lang=` on the page and in the API.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::ZhHans => "zh-Hans",
        }
    }

    /// The writing direction, as HTML's `dir` attribute spells it.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En | Lang::ZhHans => "ltr",
        }
    }

    /// A BCP 47 tag (`ar-AE`, `zh-Hans-CN`, `zh-TW`) or a POSIX locale (`ar_SA.UTF-8`,
    /// `zh_CN.GB18030@stroke`); `None` for a language without a catalog, `C` and `POSIX`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let tag = tag.split(['.', '@']).next().unwrap_or_default().trim();
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            "zh" | "cmn" => Some(Lang::ZhHans),
            _ => None,
        }
    }

    /// The CLI's choice: `--lang`, else `EARL_LANG` (both explicit, so an unknown language is
    /// an error), else the first of `LC_ALL` and `LANG` that is set (the locale of the
    /// session: a language without a catalog there means English).
    pub fn from_cli(
        flag: Option<&str>,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Lang, UnknownLang> {
        let explicit = flag
            .map(str::to_string)
            .or_else(|| var("EARL_LANG").filter(|v| !v.is_empty()));
        if let Some(asked) = explicit {
            return Lang::parse(&asked).ok_or(UnknownLang(asked));
        }
        let locale = ["LC_ALL", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Ok(locale.and_then(|l| Lang::parse(&l)).unwrap_or_default())
    }

    /// The language an `Accept-Language` header (RFC 9110 §12.5.4) prefers among those with a
    /// catalog: highest weight first, the header's order among equal weights; `q=0` refuses.
    pub fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(u16, Lang)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let lang = Lang::parse(parts.next()?.trim())?;
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map_or(Some(1000), weight)?;
                (weight > 0).then_some((weight, lang))
            })
            .collect();
        ranked.sort_by_key(|(weight, _)| std::cmp::Reverse(*weight));
        ranked.first().map(|(_, lang)| *lang)
    }
}

/// A q-value in thousandths; `None` when it is not one (the item is then ignored).
fn weight(q: &str) -> Option<u16> {
    let q: f64 = q.trim().parse().ok()?;
    (0.0..=1.0)
        .contains(&q)
        .then(|| (q * 1000.0).round() as u16)
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Lang {
    type Err = UnknownLang;
    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        Lang::parse(s).ok_or_else(|| UnknownLang(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn tags_and_locales_parse() {
        assert_eq!(Lang::parse("ar"), Some(Lang::Ar));
        assert_eq!(Lang::parse("ar-AE"), Some(Lang::Ar));
        assert_eq!(Lang::parse("ar_SA.UTF-8"), Some(Lang::Ar));
        assert_eq!(Lang::parse("zh"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("zh-Hans-CN"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("zh_TW.Big5"), Some(Lang::ZhHans));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), None);
        assert_eq!(Lang::parse("POSIX"), None);
        assert_eq!(Lang::parse("fr_FR"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_flag_wins_then_earl_lang_then_the_locale() {
        let all = [
            ("EARL_LANG", "zh"),
            ("LC_ALL", "ar_AE.UTF-8"),
            ("LANG", "en_US"),
        ];
        assert_eq!(Lang::from_cli(Some("ar"), env(&all)), Ok(Lang::Ar));
        assert_eq!(Lang::from_cli(None, env(&all)), Ok(Lang::ZhHans));
        assert_eq!(Lang::from_cli(None, env(&all[1..])), Ok(Lang::Ar));
        assert_eq!(Lang::from_cli(None, env(&all[2..])), Ok(Lang::En));
        assert_eq!(Lang::from_cli(None, env(&[])), Ok(Lang::En));
        // An empty EARL_LANG is unset; a locale without a catalog is English.
        assert_eq!(
            Lang::from_cli(None, env(&[("EARL_LANG", ""), ("LANG", "zh_CN.UTF-8")])),
            Ok(Lang::ZhHans)
        );
        assert_eq!(
            Lang::from_cli(None, env(&[("LC_ALL", "fr_FR.UTF-8")])),
            Ok(Lang::En)
        );
    }

    #[test]
    fn an_explicit_unknown_language_is_an_error() {
        assert_eq!(
            Lang::from_cli(Some("fr"), env(&[])),
            Err(UnknownLang("fr".into()))
        );
        assert_eq!(
            Lang::from_cli(None, env(&[("EARL_LANG", "klingon")])),
            Err(UnknownLang("klingon".into()))
        );
        assert_eq!("xx".parse::<Lang>(), Err(UnknownLang("xx".into())));
    }

    #[test]
    fn accept_language_takes_the_heaviest_known_language() {
        assert_eq!(
            Lang::from_accept_language("ar-AE,ar;q=0.9,en;q=0.8"),
            Some(Lang::Ar)
        );
        assert_eq!(
            Lang::from_accept_language("fr-CH, fr;q=0.9, zh;q=0.5, en;q=0.4"),
            Some(Lang::ZhHans)
        );
        assert_eq!(
            Lang::from_accept_language("en;q=0.2, ar;q=0.7"),
            Some(Lang::Ar)
        );
        // Equal weights keep the header's order.
        assert_eq!(Lang::from_accept_language("zh-CN, ar"), Some(Lang::ZhHans));
        // q=0 refuses a language; a malformed weight drops the item.
        assert_eq!(
            Lang::from_accept_language("ar;q=0, en;q=0.1"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("ar;q=2, zh;q=0.3"),
            Some(Lang::ZhHans)
        );
        assert_eq!(Lang::from_accept_language("*"), None);
        assert_eq!(Lang::from_accept_language(""), None);
        assert_eq!(Lang::from_accept_language("de, fr;q=0.5"), None);
    }
}
