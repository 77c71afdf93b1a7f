//! The on-the-road price (落地价) of a quote, in integer fen and exact.
//!
//! The total is the sum of separate lines: the vehicle, options, packages, dealer accessories
//! (精品), the purchase tax (车辆购置税), insurance, licence-plate/service fees and the finance
//! service fee, less the discount and the trade-in value.
//!
//! **Purchase tax**: the rate (10%) applies to the taxable price, which excludes VAT: the
//! vehicle's invoice price (vehicle + options + packages − discount, VAT included; accessories,
//! insurance, fees and the trade-in are not on the vehicle invoice) divided by (1 + VAT rate).
//! It is computed in one step, `invoice × rate / (1 + VAT)`, and **rounded once, half up, to
//! the fen** (so no intermediate rounding). A new-energy relief (exemption or halving, capped)
//! is then taken off: `relief = min(tax × relief_rate, cap)`, the relief itself rounded half up.
//! Which rule applies is data: a dealer's dated list of [`TaxRule`]s, the last one in effect
//! on the quote's date wins.

use crate::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The largest amount of any one line: ¥100,000,000.00. Sums of a quote's lines stay far
/// inside `i64`.
pub const MAX_AMOUNT_FEN: i64 = 10_000_000_000;
/// Basis points in one: 10000 = 100%.
pub const BP: i64 = 10_000;

/// The purchase-tax rule from a date (a dealer setting: a list of these).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TaxRule {
    /// The first day the rule applies.
    pub effective_from: NaiveDate,
    /// The purchase-tax rate in basis points (1000 = 10%).
    #[schema(minimum = 0, maximum = 10000)]
    pub rate_bp: i64,
    /// The VAT rate included in the invoice price, in basis points (1300 = 13%).
    #[schema(minimum = 0, maximum = 10000)]
    pub vat_bp: i64,
    /// The powertrains relieved as new-energy vehicles (`bev`, `phev`, `erev`).
    pub nev_powertrains: Vec<String>,
    /// The share of the tax a new-energy vehicle is relieved of, in basis points (10000 =
    /// exempt, 5000 = halved, 0 = none).
    #[schema(minimum = 0, maximum = 10000)]
    pub nev_relief_bp: i64,
    /// The most the relief may be per vehicle, in fen (None: no cap).
    #[schema(minimum = 0, maximum = 10000000000_i64)]
    pub nev_relief_cap_fen: Option<i64>,
}

impl TaxRule {
    /// The rule of the day among `rules`: the one with the latest `effective_from` not after it.
    pub fn in_effect(rules: &[TaxRule], on: NaiveDate) -> Option<&TaxRule> {
        rules
            .iter()
            .filter(|r| r.effective_from <= on)
            .max_by_key(|r| r.effective_from)
    }

    /// China's rules: 10% of the price excluding 13% VAT; new-energy vehicles exempt up to
    /// ¥30,000 of tax in 2024–2025, halved up to ¥15,000 in 2026–2027, taxed in full after.
    pub fn defaults() -> Vec<TaxRule> {
        let nev = || vec!["bev".to_owned(), "phev".to_owned(), "erev".to_owned()];
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        vec![
            TaxRule {
                effective_from: day(2024, 1, 1),
                rate_bp: 1000,
                vat_bp: 1300,
                nev_powertrains: nev(),
                nev_relief_bp: BP,
                nev_relief_cap_fen: Some(3_000_000),
            },
            TaxRule {
                effective_from: day(2026, 1, 1),
                rate_bp: 1000,
                vat_bp: 1300,
                nev_powertrains: nev(),
                nev_relief_bp: 5000,
                nev_relief_cap_fen: Some(1_500_000),
            },
            TaxRule {
                effective_from: day(2028, 1, 1),
                rate_bp: 1000,
                vat_bp: 1300,
                nev_powertrains: nev(),
                nev_relief_bp: 0,
                nev_relief_cap_fen: None,
            },
        ]
    }

    /// Checks a rule's numbers (field names under `field`).
    pub fn check(&self, field: &str) -> Result<(), FieldError> {
        let bp_ok = |v: i64| (0..=BP).contains(&v);
        if !bp_ok(self.rate_bp) {
            return Err(FieldError::new(
                format!("{field}.rate_bp"),
                "out_of_range",
                "must be 0–10000",
            ));
        }
        if !bp_ok(self.vat_bp) {
            return Err(FieldError::new(
                format!("{field}.vat_bp"),
                "out_of_range",
                "must be 0–10000",
            ));
        }
        if !bp_ok(self.nev_relief_bp) {
            return Err(FieldError::new(
                format!("{field}.nev_relief_bp"),
                "out_of_range",
                "must be 0–10000",
            ));
        }
        if self
            .nev_relief_cap_fen
            .is_some_and(|c| !(0..=MAX_AMOUNT_FEN).contains(&c))
        {
            return Err(FieldError::new(
                format!("{field}.nev_relief_cap_fen"),
                "out_of_range",
                "must be 0–10000000000",
            ));
        }
        Ok(())
    }
}

/// `numerator / denominator` rounded half up (both non-negative, denominator positive).
pub fn div_round_half_up(numerator: i128, denominator: i128) -> i128 {
    (numerator * 2 + denominator) / (denominator * 2)
}

/// The purchase tax of an invoice price (VAT included), before and after the new-energy
/// relief: `(gross, relief)`; the tax due is `gross - relief`.
pub fn purchase_tax(invoice_fen: i64, rule: &TaxRule, powertrain: &str) -> (i64, i64) {
    let invoice = i128::from(invoice_fen.max(0));
    let gross = div_round_half_up(
        invoice * i128::from(rule.rate_bp),
        i128::from(BP + rule.vat_bp),
    ) as i64;
    let relieved = rule.nev_powertrains.iter().any(|p| p == powertrain);
    if !relieved || rule.nev_relief_bp == 0 {
        return (gross, 0);
    }
    let relief = div_round_half_up(
        i128::from(gross) * i128::from(rule.nev_relief_bp),
        i128::from(BP),
    ) as i64;
    let relief = match rule.nev_relief_cap_fen {
        Some(cap) => relief.min(cap),
        None => relief,
    };
    (gross, relief.min(gross))
}

/// What a quote's price is made of (every amount ≥ 0, in fen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriceInput {
    pub vehicle_fen: i64,
    pub options_fen: i64,
    pub packages_fen: i64,
    pub accessories_fen: i64,
    pub insurance_fen: i64,
    /// Licence plate and service fees (上牌/服务费).
    pub fees_fen: i64,
    pub finance_fee_fen: i64,
    pub discount_fen: i64,
    pub trade_in_fen: i64,
}

/// The priced quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Priced {
    /// The vehicle invoice price (vehicle + options + packages − discount), VAT included.
    pub invoice_fen: i64,
    /// The purchase tax before any relief.
    pub purchase_tax_gross_fen: i64,
    /// The new-energy relief taken off the tax.
    pub purchase_tax_relief_fen: i64,
    /// The purchase tax due.
    pub purchase_tax_fen: i64,
    /// Every line but the tax, summed (discount and trade-in taken off).
    pub before_tax_fen: i64,
    /// The on-the-road price: everything, the tax included.
    pub total_fen: i64,
}

/// Prices a quote. Every amount must be within 0..=[`MAX_AMOUNT_FEN`]; the discount may not
/// exceed the invoice (vehicle + options + packages).
pub fn price(
    input: &PriceInput,
    rule: Option<&TaxRule>,
    powertrain: &str,
) -> Result<Priced, FieldError> {
    let fields = [
        ("vehicle_price_fen", input.vehicle_fen),
        ("option_ids", input.options_fen),
        ("package_ids", input.packages_fen),
        ("accessory_ids", input.accessories_fen),
        ("insurance_fen", input.insurance_fen),
        ("fees_fen", input.fees_fen),
        ("finance_fee_fen", input.finance_fee_fen),
        ("discount_fen", input.discount_fen),
        ("trade_in_fen", input.trade_in_fen),
    ];
    for (field, value) in fields {
        check_amount(field, value)?;
    }
    let goods = input.vehicle_fen + input.options_fen + input.packages_fen;
    if input.discount_fen > goods {
        return Err(FieldError::new(
            "discount_fen",
            "too_large",
            "is more than the vehicle with its options and packages",
        ));
    }
    let invoice_fen = goods - input.discount_fen;
    let (gross, relief) = match rule {
        Some(rule) => purchase_tax(invoice_fen, rule, powertrain),
        None => (0, 0),
    };
    let before_tax_fen = goods
        + input.accessories_fen
        + input.insurance_fen
        + input.fees_fen
        + input.finance_fee_fen
        - input.discount_fen
        - input.trade_in_fen;
    let purchase_tax_fen = gross - relief;
    Ok(Priced {
        invoice_fen,
        purchase_tax_gross_fen: gross,
        purchase_tax_relief_fen: relief,
        purchase_tax_fen,
        before_tax_fen,
        total_fen: before_tax_fen + purchase_tax_fen,
    })
}

/// An amount of one line: 0..=[`MAX_AMOUNT_FEN`].
pub fn check_amount(field: &str, value: i64) -> Result<i64, FieldError> {
    if !(0..=MAX_AMOUNT_FEN).contains(&value) {
        return Err(FieldError::new(
            field,
            "out_of_range",
            "must be between 0 and 10000000000 fen",
        ));
    }
    Ok(value)
}

/// The dealer's gross margin on the sale: what the dealer is paid for the goods
/// (vehicle + options + packages + accessories − discount) less what they cost it. Insurance,
/// fees and tax pass through; the trade-in is a purchase of its own.
pub fn gross_margin(input: &PriceInput, cost_fen: i64) -> i64 {
    input.vehicle_fen + input.options_fen + input.packages_fen + input.accessories_fen
        - input.discount_fen
        - cost_fen
}

/// A consultant's discount limit: an amount, a share of the vehicle with options and packages
/// (basis points), or both (the smaller wins). None: no limit.
pub fn discount_over_limit(
    discount_fen: i64,
    goods_fen: i64,
    max_fen: Option<i64>,
    max_bp: Option<i64>,
) -> bool {
    let by_share = max_bp
        .map(|bp| div_round_half_up(i128::from(goods_fen) * i128::from(bp), i128::from(BP)) as i64);
    let limit = match (max_fen, by_share) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    limit.is_some_and(|limit| discount_fen > limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(y: i64) -> i64 {
        y * 100
    }

    fn rule_2026() -> TaxRule {
        TaxRule::in_effect(
            &TaxRule::defaults(),
            NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        )
        .unwrap()
        .clone()
    }

    #[test]
    fn the_worked_example_is_exact() {
        // 189,800 + 6,000 + 3,500 + 5,200 + 1,500 − 8,000 − 45,000 = 153,000.00
        let input = PriceInput {
            vehicle_fen: yuan(189_800),
            options_fen: yuan(6_000),
            packages_fen: yuan(3_500),
            accessories_fen: yuan(5_200),
            fees_fen: yuan(1_500),
            discount_fen: yuan(8_000),
            trade_in_fen: yuan(45_000),
            ..PriceInput::default()
        };
        let priced = price(&input, None, "petrol").unwrap();
        assert_eq!(priced.before_tax_fen, yuan(153_000));
        assert_eq!(priced.total_fen, 15_300_000);
        // With the tax: invoice 191,300.00 / 1.13 × 10% = 16,929.203… → 16,929.20
        let priced = price(&input, Some(&rule_2026()), "petrol").unwrap();
        assert_eq!(priced.invoice_fen, yuan(191_300));
        assert_eq!(priced.purchase_tax_fen, 1_692_920);
        assert_eq!(priced.total_fen, 15_300_000 + 1_692_920);
    }

    #[test]
    fn tax_rounds_half_up_once() {
        let rule = rule_2026();
        // 113.00 / 1.13 × 10% = 10.00 exactly.
        assert_eq!(purchase_tax(11_300, &rule, "petrol"), (1_000, 0));
        // 1.13 → 0.1 → 0.10; 0.05 fen rounds up: 565 fen / 1.13 × 10% = 50 fen.
        assert_eq!(purchase_tax(565, &rule, "petrol"), (50, 0));
        // 17 fen → 1.504… → 2 fen; 16 fen → 1.41… → 1 fen.
        assert_eq!(purchase_tax(17, &rule, "petrol").0, 2);
        assert_eq!(purchase_tax(16, &rule, "petrol").0, 1);
    }

    #[test]
    fn new_energy_relief_is_capped_and_dated() {
        let rules = TaxRule::defaults();
        let on = |y| NaiveDate::from_ymd_opt(y, 6, 1).unwrap();
        // ¥226,000 invoice → ¥20,000 tax.
        let invoice = yuan(226_000);
        let r2025 = TaxRule::in_effect(&rules, on(2025)).unwrap();
        assert_eq!(
            purchase_tax(invoice, r2025, "bev"),
            (yuan(20_000), yuan(20_000))
        );
        // 2026: halved → ¥10,000 relief (under the ¥15,000 cap).
        let r2026 = TaxRule::in_effect(&rules, on(2026)).unwrap();
        assert_eq!(
            purchase_tax(invoice, r2026, "phev"),
            (yuan(20_000), yuan(10_000))
        );
        // A dear car: ¥678,000 → ¥60,000 tax; relief capped at ¥15,000.
        assert_eq!(
            purchase_tax(yuan(678_000), r2026, "bev"),
            (yuan(60_000), yuan(15_000))
        );
        // 2025 cap ¥30,000.
        assert_eq!(
            purchase_tax(yuan(678_000), r2025, "bev"),
            (yuan(60_000), yuan(30_000))
        );
        // Petrol never relieved; 2028 nobody is.
        assert_eq!(purchase_tax(invoice, r2026, "petrol").1, 0);
        let r2028 = TaxRule::in_effect(&rules, on(2028)).unwrap();
        assert_eq!(purchase_tax(invoice, r2028, "bev").1, 0);
        assert!(TaxRule::in_effect(&rules, on(2020)).is_none());
    }

    #[test]
    fn amounts_are_bounded_and_discount_not_above_goods() {
        let mut input = PriceInput {
            vehicle_fen: 100,
            discount_fen: 101,
            ..PriceInput::default()
        };
        assert_eq!(price(&input, None, "").unwrap_err().field, "discount_fen");
        input.discount_fen = 0;
        input.insurance_fen = -1;
        assert_eq!(price(&input, None, "").unwrap_err().field, "insurance_fen");
        input.insurance_fen = MAX_AMOUNT_FEN + 1;
        assert!(price(&input, None, "").is_err());
        // The largest amounts everywhere do not overflow.
        let max = PriceInput {
            vehicle_fen: MAX_AMOUNT_FEN,
            options_fen: MAX_AMOUNT_FEN,
            packages_fen: MAX_AMOUNT_FEN,
            accessories_fen: MAX_AMOUNT_FEN,
            insurance_fen: MAX_AMOUNT_FEN,
            fees_fen: MAX_AMOUNT_FEN,
            finance_fee_fen: MAX_AMOUNT_FEN,
            ..PriceInput::default()
        };
        assert!(price(&max, Some(&rule_2026()), "petrol").is_ok());
    }

    #[test]
    fn margin_and_discount_limits() {
        let input = PriceInput {
            vehicle_fen: yuan(100_000),
            accessories_fen: yuan(2_000),
            discount_fen: yuan(5_000),
            ..PriceInput::default()
        };
        assert_eq!(gross_margin(&input, yuan(95_000)), yuan(2_000));
        assert!(discount_over_limit(
            yuan(5_000),
            yuan(100_000),
            Some(yuan(3_000)),
            None
        ));
        assert!(!discount_over_limit(
            yuan(3_000),
            yuan(100_000),
            Some(yuan(3_000)),
            None
        ));
        // 3% of ¥100,000 = ¥3,000; the smaller limit wins.
        assert!(discount_over_limit(
            yuan(3_001),
            yuan(100_000),
            Some(yuan(9_000)),
            Some(300)
        ));
        assert!(!discount_over_limit(yuan(9_000), yuan(100_000), None, None));
    }
}
