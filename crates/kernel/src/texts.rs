//! The words of the texts the system writes (task subjects, approval titles, notifications),
//! in the three languages. A text is stored as a key and parameters
//! ([`forecourt_domain::text::Text`]) and rendered in the reader's language when it is read.
//!
//! Each area keeps its own words next to its code: the kernel's are listed in [`KERNEL`], a
//! module returns its own from [`Module::texts`](crate::module::Module::texts).

use forecourt_domain::locale::Locale;
use forecourt_domain::text::{Templates, Text};
use serde_json::Value;

/// A key and its template in zh-CN, zh-TW and en (the order of [`Locale::ALL`]), with
/// `{{param}}` placeholders.
pub type Words = (&'static str, [&'static str; 3]);

/// The kernel's own words.
static KERNEL: &[&[Words]] = &[crate::notifications::TEXTS, crate::approvals::TEXTS];

/// Every word list: the kernel's and the installed modules'.
fn lists() -> impl Iterator<Item = &'static [Words]> {
    KERNEL
        .iter()
        .copied()
        .chain(crate::module::installed().iter().map(|m| m.texts()))
}

/// The templates of every word list.
#[derive(Clone, Copy, Debug, Default)]
pub struct Catalog;

impl Templates for Catalog {
    fn template(&self, key: &str, locale: Locale) -> Option<&str> {
        lists()
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

/// What is wrong with the installed words: a key defined twice, a language without words, a
/// language with other placeholders. Empty when all is well (a test checks it).
pub fn problems() -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
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
    for (key, words) in lists().flat_map(|l| l.iter()) {
        if !seen.insert(*key) {
            out.push(format!("{key} is defined twice"));
        }
        for (i, w) in words.iter().enumerate() {
            if w.trim().is_empty() {
                out.push(format!("{key} has no words in {:?}", Locale::ALL[i]));
            }
            if names(w) != names(words[0]) {
                out.push(format!("{key}: other placeholders in {:?}", Locale::ALL[i]));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_is_unique_and_has_words_in_every_language() {
        assert_eq!(super::problems(), Vec::<String>::new());
    }
}
