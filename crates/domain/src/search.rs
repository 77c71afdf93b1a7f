//! Customer search terms: what the n-gram index holds for a customer, and which lookups a typed
//! query turns into.
//!
//! Names are indexed as character bigrams plus the whole name, so two Chinese characters (张伟)
//! find every name containing them — the case SQLite FTS5's trigram tokenizer answers with
//! nothing, and pg_trgm with a full scan. Phones are indexed whole and by their last four
//! digits, plates whole and without the province character, VINs whole and by their last six.
//! The same terms and plans serve SQLite and PostgreSQL.

use std::collections::BTreeSet;

/// How good a match is; lower ranks are shown first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchRank {
    /// The whole name, phone, plate or VIN.
    Exact = 0,
    /// A recognisable part: last four phone digits, last six of the VIN.
    Suffix = 1,
    /// The query appears inside the name.
    Contains = 2,
}

/// What a match was found by (shown next to the result).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MatchedOn {
    Name,
    Phone,
    Plate,
    Vin,
}

/// One index lookup: customers holding every one of `terms`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    pub terms: Vec<String>,
    pub rank: MatchRank,
    pub matched_on: MatchedOn,
    /// For name probes made of bigrams: the normalised query the name must contain (bigrams
    /// alone could match `张伟` inside `伟张伟`, but could also over-match `ab`+`bc` in `abxbc`).
    pub must_contain: Option<String>,
}

/// Lower-cases, turns full-width characters into half-width, and drops spaces and
/// punctuation: `Zhang Wei` → `zhangwei`, `ＡＢＣ` → `abc`.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn bigrams(normalized: &str) -> Vec<String> {
    let chars: Vec<char> = normalized.chars().collect();
    chars
        .windows(2)
        .map(|w| format!("b:{}{}", w[0], w[1]))
        .collect()
}

/// The index terms of a name (a person's or a company's).
pub fn name_terms(name: &str) -> Vec<String> {
    let n = normalize(name);
    if n.is_empty() {
        return Vec::new();
    }
    let mut terms = bigrams(&n);
    terms.push(whole_name_term(&n));
    terms
}

/// The longest index term: the `search_terms.term` column holds 80 characters.
pub const MAX_TERM_CHARS: usize = 80;

/// The term of a whole (normalised) name, cut to [`MAX_TERM_CHARS`]: names may be longer than
/// the column (a company's), and indexing and searching cut them alike.
fn whole_name_term(name: &str) -> String {
    format!("n:{name}").chars().take(MAX_TERM_CHARS).collect()
}

/// The index terms of a normalised phone number (`13812345678`, `0571-87654321-801`): the
/// whole number, its last four digits and, for a landline, the number without its area code.
pub fn phone_terms(number: &str) -> Vec<String> {
    let parts: Vec<&str> = number.split('-').collect();
    // A landline is `area-subscriber[-extension]`: the extension is not part of the number.
    let landline = parts.len() >= 2 && parts[0].starts_with('0');
    let main: String = if landline {
        parts[..2].concat()
    } else {
        parts.concat()
    };
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if digits.len() < 4 {
        return Vec::new();
    }
    let mut terms = vec![
        format!("p:{digits}"),
        format!("p4:{}", &digits[digits.len() - 4..]),
    ];
    // A landline is often given without its area code.
    if landline && parts[1].len() >= 7 {
        terms.push(format!("p:{}", parts[1]));
    }
    terms
}

/// The index terms of a normalised plate (`浙A12345`).
pub fn plate_terms(plate: &str) -> Vec<String> {
    let n = normalize(plate);
    let mut terms = vec![format!("pl:{n}")];
    let without_province: String = n.chars().skip(1).collect();
    if n.chars().next().is_some_and(|c| !c.is_ascii()) && without_province.len() >= 5 {
        terms.push(format!("pl:{without_province}"));
    }
    terms
}

/// The index terms of a VIN.
pub fn vin_terms(vin: &str) -> Vec<String> {
    let n = normalize(vin);
    if n.len() != 17 {
        return Vec::new();
    }
    vec![format!("v:{n}"), format!("v6:{}", &n[11..])]
}

/// Every term of a customer, without repeats.
pub fn customer_terms<'a>(
    name: &str,
    phones: impl IntoIterator<Item = &'a str>,
    plates: impl IntoIterator<Item = &'a str>,
    vins: impl IntoIterator<Item = &'a str>,
) -> BTreeSet<String> {
    let mut terms: BTreeSet<String> = name_terms(name).into_iter().collect();
    terms.extend(phones.into_iter().flat_map(phone_terms));
    terms.extend(plates.into_iter().flat_map(plate_terms));
    terms.extend(vins.into_iter().flat_map(vin_terms));
    terms
}

/// The probes a query runs, best rank first. Empty when the query is too short to mean
/// anything (one character, or fewer than four digits).
pub fn plan(query: &str) -> Vec<Probe> {
    let q = normalize(query);
    let length = q.chars().count();
    let mut probes = Vec::new();
    let probe = |terms: Vec<String>, rank, matched_on| Probe {
        terms,
        rank,
        matched_on,
        must_contain: None,
    };
    if length == 0 {
        return probes;
    }
    let digits_only = q.chars().all(|c| c.is_ascii_digit());
    let ascii_alnum = q.chars().all(|c| c.is_ascii_alphanumeric());
    let upper = q.to_uppercase();

    if digits_only {
        if length >= 7 {
            probes.push(probe(
                vec![format!("p:{q}")],
                MatchRank::Exact,
                MatchedOn::Phone,
            ));
            // A landline typed without its area code's leading zero is still the number.
            if !q.starts_with('0') && !q.starts_with('1') {
                probes.push(probe(
                    vec![format!("p:0{q}")],
                    MatchRank::Exact,
                    MatchedOn::Phone,
                ));
            }
        }
        if length == 4 {
            probes.push(probe(
                vec![format!("p4:{q}")],
                MatchRank::Suffix,
                MatchedOn::Phone,
            ));
        }
        if length == 6 {
            probes.push(probe(
                vec![format!("v6:{}", upper.to_lowercase())],
                MatchRank::Suffix,
                MatchedOn::Vin,
            ));
        }
    }
    if ascii_alnum && length == 17 {
        probes.push(probe(
            vec![format!("v:{q}")],
            MatchRank::Exact,
            MatchedOn::Vin,
        ));
    }
    if ascii_alnum && length == 6 && !digits_only {
        probes.push(probe(
            vec![format!("v6:{q}")],
            MatchRank::Suffix,
            MatchedOn::Vin,
        ));
    }
    // A plate typed without its province: six characters, or seven for new-energy plates.
    if ascii_alnum
        && (length == 6 || length == 7)
        && q.starts_with(|c: char| c.is_ascii_alphabetic())
    {
        probes.push(probe(
            vec![format!("pl:{q}")],
            MatchRank::Exact,
            MatchedOn::Plate,
        ));
    }
    let first = q.chars().next().unwrap_or(' ');
    if crate::plate::PROVINCES.contains(first) && (7..=8).contains(&length) {
        probes.push(probe(
            vec![format!("pl:{q}")],
            MatchRank::Exact,
            MatchedOn::Plate,
        ));
    }
    if !digits_only && length >= 2 {
        probes.push(probe(
            vec![whole_name_term(&q)],
            MatchRank::Exact,
            MatchedOn::Name,
        ));
        probes.push(Probe {
            terms: bigrams(&q)
                .into_iter()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
            rank: MatchRank::Contains,
            matched_on: MatchedOn::Name,
            must_contain: Some(q.clone()),
        });
    }
    probes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_index_bigrams_and_the_whole() {
        assert_eq!(name_terms("张伟"), vec!["b:张伟", "n:张伟"]);
        let long = "张".repeat(100);
        let whole = name_terms(&long).pop().unwrap();
        assert_eq!(whole.chars().count(), MAX_TERM_CHARS);
        assert_eq!(
            plan(&long)[0].terms,
            vec![whole],
            "indexing and searching cut alike"
        );
        assert_eq!(
            name_terms("欧阳娜娜"),
            vec!["b:欧阳", "b:阳娜", "b:娜娜", "n:欧阳娜娜"]
        );
        assert_eq!(name_terms(" Zhang Wei "), name_terms("zhangwei"));
        assert!(name_terms("  ").is_empty());
    }

    #[test]
    fn two_characters_find_names_containing_them() {
        let probes = plan("张伟");
        assert_eq!(probes[0].terms, vec!["n:张伟"]);
        assert_eq!(probes[1].terms, vec!["b:张伟"]);
        assert_eq!(probes[1].must_contain.as_deref(), Some("张伟"));
        assert!(plan("张").is_empty(), "one character is too broad");
    }

    #[test]
    fn phones_plates_and_vins() {
        assert_eq!(
            phone_terms("0571-87654321-801"),
            vec!["p:057187654321", "p4:4321", "p:87654321"]
        );
        assert_eq!(phone_terms("400-820-8820"), vec!["p:4008208820", "p4:8820"]);
        assert_eq!(plan("5678")[0].terms, vec!["p4:5678"]);
        assert_eq!(plan("138 1234 5678")[0].terms, vec!["p:13812345678"]);
        assert_eq!(plate_terms("浙A12345"), vec!["pl:浙a12345", "pl:a12345"]);
        let plate = plan("浙A12345");
        assert!(
            plate
                .iter()
                .any(|p| p.terms == vec!["pl:浙a12345"] && p.matched_on == MatchedOn::Plate)
        );
        assert!(plan("A12345").iter().any(|p| p.terms == vec!["pl:a12345"]));
        assert!(
            plan("AD00233")
                .iter()
                .any(|p| p.terms == vec!["pl:ad00233"]),
            "new-energy plates too"
        );
        assert_eq!(
            vin_terms("LSVAU2180N2183516"),
            vec!["v:lsvau2180n2183516", "v6:183516"]
        );
        assert!(plan("183516").iter().any(|p| p.terms == vec!["v6:183516"]));
        assert_eq!(
            plan("LSVAU2180N2183516")[0].terms,
            vec!["v:lsvau2180n2183516"]
        );
    }

    #[test]
    fn full_width_and_case_fold() {
        assert_eq!(normalize("ＺｈａｎｇＷｅｉ　１３８"), "zhangwei138");
    }
}
