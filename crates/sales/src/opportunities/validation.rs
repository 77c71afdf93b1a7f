//! Checks of an opportunity's fields: the competitors and the amount.

use forecourt_domain::money::Fen;
use forecourt_domain::username::NAME_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};

pub(super) fn parse_competitors(errors: &mut FieldErrors, competitors: &[String]) -> Vec<String> {
    if competitors.len() > 10 {
        errors.push(FieldError::new(
            "competitors",
            "too_many",
            "at most 10 competitors",
        ));
    }
    let mut out: Vec<String> = Vec::new();
    for (i, c) in competitors.iter().enumerate() {
        if let Some(c) = errors
            .check(parse_optional_text(
                &format!("competitors.{i}"),
                Some(c),
                NAME_MAX,
            ))
            .flatten()
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

pub(super) fn check_amount(errors: &mut FieldErrors, amount: Option<Fen>) {
    if amount.is_some_and(|a| a.0 < 0) {
        errors.push(FieldError::new(
            "amount_fen",
            "out_of_range",
            "must not be negative",
        ));
    }
}
