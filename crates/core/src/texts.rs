//! The words of the texts the system writes (task subjects, approval titles, notifications),
//! in the three languages. A text is stored as a key and parameters
//! ([`forecourt_domain::text::Text`]) and rendered in the reader's language when it is read.
//!
//! Each area keeps its own words next to its code (`activities::TEXTS`, `sales::TEXTS`, ...)
//! and lists them in [`CATALOG`].

use forecourt_domain::locale::Locale;
use forecourt_domain::text::{Templates, Text};
use serde_json::Value;

/// A key and its template in zh-CN, zh-TW and en (the order of [`Locale::ALL`]), with
/// `{{param}}` placeholders.
pub type Words = (&'static str, [&'static str; 3]);

/// Every area's words.
static CATALOG: &[&[Words]] = &[
    crate::notifications::TEXTS,
    crate::approvals::TEXTS,
    crate::sales::TEXTS,
];

/// The templates of [`CATALOG`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Catalog;

impl Templates for Catalog {
    fn template(&self, key: &str, locale: Locale) -> Option<&str> {
        CATALOG
            .iter()
            .flat_map(|list| list.iter())
            .find(|(k, _)| *k == key)
            .map(|(_, words)| words[locale.index()])
    }
}

/// A text in a language.
pub fn render(text: &Text, locale: Locale) -> String {
    text.render(&Catalog, locale)
}

/// A stored column pair: the text the system wrote (rendered in `locale`), else the words
/// as they were written.
pub fn stored(text: Option<&Value>, written: &str, locale: Locale) -> String {
    match text.and_then(Text::from_value) {
        Some(text) => render(&text, locale),
        None => written.to_owned(),
    }
}

/// Whether a key has words (every key must have all three).
pub fn has(key: &str) -> bool {
    Catalog.template(key, Locale::ZhCn).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_unique_and_has_words_in_every_language() {
        let mut seen = std::collections::HashSet::new();
        for (key, words) in CATALOG.iter().flat_map(|l| l.iter()) {
            assert!(seen.insert(*key), "{key} is defined twice");
            for (i, w) in words.iter().enumerate() {
                assert!(
                    !w.trim().is_empty(),
                    "{key} has no words in {:?}",
                    Locale::ALL[i]
                );
            }
            // The same placeholders in every language.
            let names = |w: &str| {
                let mut v: Vec<String> = w
                    .split("{{")
                    .skip(1)
                    .filter_map(|p| p.split("}}").next())
                    .map(|s| s.trim().to_owned())
                    .collect();
                v.sort();
                v
            };
            assert_eq!(names(words[0]), names(words[1]), "{key}");
            assert_eq!(names(words[0]), names(words[2]), "{key}");
        }
    }
}
