//! The languages Forecourt speaks.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use utoipa::ToSchema;

/// A UI and message language. Simplified Chinese is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
pub enum Locale {
    #[default]
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];

    pub fn as_str(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::ALL
            .into_iter()
            .find(|l| l.as_str().eq_ignore_ascii_case(s))
            .ok_or(())
    }
}

impl Locale {
    /// The position of the locale in [`Locale::ALL`] (templates are kept in that order).
    pub fn index(self) -> usize {
        match self {
            Locale::ZhCn => 0,
            Locale::ZhTw => 1,
            Locale::En => 2,
        }
    }

    /// The first language of an HTTP `Accept-Language` header that Forecourt speaks, by the
    /// header's preference (`q`) and then its order: `zh-TW`, `zh-Hant`, `zh-HK` and `zh-MO`
    /// are Traditional Chinese; other `zh` tags Simplified; any `en` tag English.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut best: Option<(f32, usize, Locale)> = None;
        for (position, part) in header.split(',').enumerate() {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let locale = if tag == "zh" || tag.starts_with("zh-") {
                if ["zh-tw", "zh-hant", "zh-hk", "zh-mo"]
                    .iter()
                    .any(|t| tag == *t || tag.starts_with(&format!("{t}-")))
                {
                    Locale::ZhTw
                } else {
                    Locale::ZhCn
                }
            } else if tag == "en" || tag.starts_with("en-") {
                Locale::En
            } else {
                continue;
            };
            if q <= 0.0 {
                continue;
            }
            if best.is_none_or(|(bq, bp, _)| q > bq || (q == bq && position < bp)) {
                best = Some((q, position, locale));
            }
        }
        best.map(|(_, _, locale)| locale)
    }
}

#[cfg(test)]
mod tests {
    use super::Locale;

    #[test]
    fn accept_language_picks_the_preferred_language_we_speak() {
        assert_eq!(Locale::from_accept_language("zh-TW"), Some(Locale::ZhTw));
        assert_eq!(
            Locale::from_accept_language("zh-Hant-HK,zh;q=0.8"),
            Some(Locale::ZhTw)
        );
        assert_eq!(Locale::from_accept_language("zh-CN"), Some(Locale::ZhCn));
        assert_eq!(Locale::from_accept_language("zh"), Some(Locale::ZhCn));
        assert_eq!(
            Locale::from_accept_language("fr-FR, en;q=0.5, zh-CN;q=0.9"),
            Some(Locale::ZhCn)
        );
        assert_eq!(Locale::from_accept_language("en-GB"), Some(Locale::En));
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language("en;q=0, de"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }
}
