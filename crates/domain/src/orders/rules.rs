//! The pure rules of orders and money: contract numbers, the 定金 cap, the receivable, ageing,
//! the delivery gate.

use crate::FieldError;
use crate::money::Fen;
use chrono::NaiveDate;

/// The longest contract-number prefix a dealer may set.
pub const PREFIX_MAX: usize = 8;
/// The default contract-number prefix (合同).
pub const DEFAULT_PREFIX: &str = "HT";
/// Digits of the yearly sequence in a contract number.
pub const SEQUENCE_DIGITS: usize = 6;
/// The 定金 cap: at most this many percent of the contract price (Civil Code art. 586).
pub const EARNEST_CAP_PERCENT: i64 = 20;
/// The longest receipt or invoice number.
pub const DOCUMENT_NO_MAX: usize = 32;
/// The most any single amount may be (¥100,000,000.00).
pub const AMOUNT_MAX: i64 = 10_000_000_000;

/// The contract number: prefix + year + the year's sequence, zero-padded
/// (`HT2026000001`).
pub fn contract_no(prefix: &str, year: i32, sequence: i64) -> String {
    format!("{prefix}{year}{sequence:0width$}", width = SEQUENCE_DIGITS)
}

/// The most a 定金 may be for a contract of `total`: 20%, rounded down to the fen.
pub fn earnest_cap(total: Fen) -> Fen {
    Fen(total.0.max(0) * EARNEST_CAP_PERCENT / 100)
}

/// Checks that the earnest deposits (`already` plus `adding`) stay within the cap; the error
/// names `field` and carries the cap.
pub fn check_earnest(field: &str, total: Fen, already: Fen, adding: Fen) -> Result<(), FieldError> {
    let cap = earnest_cap(total);
    if already.0.saturating_add(adding.0) > cap.0 {
        return Err(FieldError::new(
            field,
            "earnest_over_cap",
            "a 定金 (earnest deposit) may not exceed 20% of the contract price",
        )
        .with_param("max_fen", cap.0)
        .with_param("already_fen", already.0));
    }
    Ok(())
}

/// Checks an amount: positive and at most [`AMOUNT_MAX`].
pub fn check_amount(field: &str, amount: i64) -> Result<Fen, FieldError> {
    if amount <= 0 {
        return Err(FieldError::new(
            field,
            "not_positive",
            "must be more than 0",
        ));
    }
    if amount > AMOUNT_MAX {
        return Err(FieldError::new(field, "too_large", "is more than allowed")
            .with_param("max", AMOUNT_MAX));
    }
    Ok(Fen(amount))
}

/// A receipt or invoice number: 1–32 letters, digits or `-`.
pub fn parse_document_no(field: &str, input: &str) -> Result<String, FieldError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(FieldError::required(field));
    }
    if trimmed.len() > DOCUMENT_NO_MAX
        || !trimmed
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(FieldError::new(
            field,
            "invalid_document_no",
            "must be 1–32 letters, digits or '-'",
        ));
    }
    Ok(trimmed.to_ascii_uppercase())
}

/// What the customer still owes (应收): the contract total less what was received, plus what
/// was refunded (only approved refunds count). Never stored: computed from the rows.
pub fn receivable(total: Fen, received: Fen, refunded: Fen) -> Fen {
    Fen(total.0 - received.0 + refunded.0)
}

/// Whether a car may be handed over with `receivable` still open: only when nothing is owed,
/// or an approved loan not yet paid out (`loan_open`) covers what is.
pub fn money_settled(receivable: Fen, loan_open: Fen) -> bool {
    receivable.0 <= 0 || loan_open.0 >= receivable.0
}

/// The items of a checklist not yet ticked, in the checklist's order.
pub fn open_items<'a>(items: &'a [String], done: &[String]) -> Vec<&'a str> {
    items
        .iter()
        .filter(|i| !done.contains(i))
        .map(String::as_str)
        .collect()
}

/// Outstanding money by days past due (0–30, 31–60, 61–90, more than 90), and what is not
/// due yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ageing {
    pub not_due: Fen,
    pub days_0_30: Fen,
    pub days_31_60: Fen,
    pub days_61_90: Fen,
    pub over_90: Fen,
}

impl Ageing {
    pub fn total(&self) -> Fen {
        Fen(self.not_due.0
            + self.days_0_30.0
            + self.days_31_60.0
            + self.days_61_90.0
            + self.over_90.0)
    }

    fn add(&mut self, days_past_due: i64, amount: Fen) {
        let bucket = match days_past_due {
            d if d < 0 => &mut self.not_due,
            0..=30 => &mut self.days_0_30,
            31..=60 => &mut self.days_31_60,
            61..=90 => &mut self.days_61_90,
            _ => &mut self.over_90,
        };
        bucket.0 += amount.0;
    }
}

/// Ages what is owed on a contract. The planned items (`schedule`: due date and amount) are
/// paid in the order they fall due by what was received net of refunds (`paid_net`); what
/// the schedule does not plan falls due on the day the contract was signed. Each unpaid part
/// is bucketed by the days from its due date to `today` (both dealer-local dates).
pub fn ageing(
    total: Fen,
    schedule: &[(NaiveDate, Fen)],
    paid_net: Fen,
    signed_on: NaiveDate,
    today: NaiveDate,
) -> Ageing {
    let mut parts: Vec<(NaiveDate, i64)> = schedule.iter().map(|(d, a)| (*d, a.0.max(0))).collect();
    let planned: i64 = parts.iter().map(|(_, a)| a).sum();
    if total.0 > planned {
        parts.push((signed_on, total.0 - planned));
    }
    parts.sort_by_key(|(d, _)| *d);
    let mut left_to_apply = paid_net.0.max(0);
    let mut owed = (total.0 - paid_net.0).max(0);
    let mut out = Ageing::default();
    for (due, amount) in parts {
        if owed == 0 {
            break;
        }
        let applied = left_to_apply.min(amount);
        left_to_apply -= applied;
        let open = (amount - applied).min(owed);
        if open > 0 {
            out.add((today - due).num_days(), Fen(open));
            owed -= open;
        }
    }
    if owed > 0 {
        out.add((today - signed_on).num_days(), Fen(owed));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn contract_numbers_are_prefix_year_sequence() {
        assert_eq!(contract_no("HT", 2026, 1), "HT2026000001");
        assert_eq!(contract_no("HT", 2026, 120_001), "HT2026120001");
    }

    #[test]
    fn earnest_cap_is_exact_to_the_fen() {
        let total = Fen(15_300_000);
        assert_eq!(earnest_cap(total), Fen(3_060_000));
        assert!(check_earnest("amount_fen", total, Fen(0), Fen(3_060_000)).is_ok());
        let err = check_earnest("amount_fen", total, Fen(0), Fen(3_060_001)).unwrap_err();
        assert_eq!(err.field, "amount_fen");
        assert_eq!(err.code, "earnest_over_cap");
        assert!(check_earnest("amount_fen", total, Fen(3_000_000), Fen(60_001)).is_err());
        // 20% of an amount not divisible by 5 rounds down.
        assert_eq!(earnest_cap(Fen(9)), Fen(1));
    }

    #[test]
    fn receivable_counts_refunds_back() {
        assert_eq!(receivable(Fen(100), Fen(30), Fen(0)), Fen(70));
        assert_eq!(receivable(Fen(100), Fen(100), Fen(10)), Fen(10));
        assert!(money_settled(Fen(0), Fen(0)));
        assert!(money_settled(Fen(50), Fen(50)));
        assert!(!money_settled(Fen(50), Fen(49)));
    }

    #[test]
    fn documents_are_checked() {
        assert_eq!(parse_document_no("x", " ab-12 ").unwrap(), "AB-12");
        assert!(parse_document_no("x", "").is_err());
        assert!(parse_document_no("x", "a b").is_err());
        assert!(parse_document_no("x", &"1".repeat(33)).is_err());
        assert!(check_amount("x", 0).is_err());
        assert!(check_amount("x", AMOUNT_MAX + 1).is_err());
    }

    #[test]
    fn ageing_pays_the_earliest_due_first() {
        let today = day("2026-06-30");
        let schedule = [
            (day("2026-03-01"), Fen(1_000)),
            (day("2026-05-15"), Fen(2_000)),
            (day("2026-07-10"), Fen(3_000)),
        ];
        let a = ageing(Fen(6_000), &schedule, Fen(500), day("2026-03-01"), today);
        assert_eq!(a.over_90, Fen(500));
        assert_eq!(a.days_31_60, Fen(2_000));
        assert_eq!(a.not_due, Fen(3_000));
        assert_eq!(a.total(), Fen(5_500));
        // Unplanned money is due at signing; fully paid owes nothing.
        let b = ageing(Fen(6_000), &[], Fen(1_000), day("2026-06-20"), today);
        assert_eq!(b.days_0_30, Fen(5_000));
        assert_eq!(
            ageing(Fen(6_000), &[], Fen(6_000), today, today),
            Ageing::default()
        );
    }

    #[test]
    fn checklists_list_what_is_open() {
        let items = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(open_items(&items, &["b".to_owned()]), vec!["a"]);
        assert!(open_items(&items, &items).is_empty());
    }
}
