//! Stock units: the statuses a car on the dealer's books goes through, the transitions between
//! them, the aged-stock thresholds and days in stock.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use utoipa::ToSchema;

/// Where a stock unit is in its life at the dealer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StockStatus {
    /// Ordered from the maker, not yet shipped.
    Ordered,
    /// On its way to the dealer.
    InTransit,
    /// At the dealer, free to sell.
    InStock,
    /// Held for an order.
    Reserved,
    /// Sold (the order is settled), not yet handed over.
    Sold,
    /// Handed over to its buyer: the car is now the customer's vehicle.
    Delivered,
}

impl StockStatus {
    pub const ALL: [StockStatus; 6] = [
        StockStatus::Ordered,
        StockStatus::InTransit,
        StockStatus::InStock,
        StockStatus::Reserved,
        StockStatus::Sold,
        StockStatus::Delivered,
    ];

    /// The keys, in the order of a unit's life (the schema's `enum`).
    pub const KEYS: &'static [&'static str] = &[
        "ordered",
        "in_transit",
        "in_stock",
        "reserved",
        "sold",
        "delivered",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StockStatus::Ordered => "ordered",
            StockStatus::InTransit => "in_transit",
            StockStatus::InStock => "in_stock",
            StockStatus::Reserved => "reserved",
            StockStatus::Sold => "sold",
            StockStatus::Delivered => "delivered",
        }
    }

    /// The statuses a unit may move to from this one. Forward only, one step at a time —
    /// except that an ordered unit may arrive without being recorded in transit, and a
    /// reservation may be cancelled (back in stock).
    pub fn next(self) -> &'static [StockStatus] {
        match self {
            StockStatus::Ordered => &[StockStatus::InTransit, StockStatus::InStock],
            StockStatus::InTransit => &[StockStatus::InStock],
            StockStatus::InStock => &[StockStatus::Reserved],
            StockStatus::Reserved => &[StockStatus::Sold, StockStatus::InStock],
            StockStatus::Sold => &[StockStatus::Delivered],
            StockStatus::Delivered => &[],
        }
    }

    /// Whether a unit may move from this status to `to`.
    pub fn may_become(self, to: StockStatus) -> bool {
        self.next().contains(&to)
    }

    /// Whether a unit may be created in this status (a new unit is ordered, in transit or in
    /// stock; reservations, sales and deliveries happen to units that exist).
    pub fn may_start_in(self) -> bool {
        matches!(
            self,
            StockStatus::Ordered | StockStatus::InTransit | StockStatus::InStock
        )
    }

    /// Whether the unit is at the dealer or on its way (what counts against a model's minimum).
    pub fn counts_as_supply(self) -> bool {
        matches!(self, StockStatus::InStock | StockStatus::InTransit)
    }

    /// Whether the unit is on the dealer's premises (days in stock run, aged alerts apply).
    pub fn on_hand(self) -> bool {
        matches!(self, StockStatus::InStock | StockStatus::Reserved)
    }
}

impl FromStr for StockStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        StockStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or(())
    }
}

impl fmt::Display for StockStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The default ages (days in stock) at which a unit raises an aged-stock alert.
pub const DEFAULT_AGED_DAYS: [i32; 2] = [60, 90];
/// The most thresholds a dealer may set.
pub const MAX_AGED_THRESHOLDS: usize = 5;
/// The largest threshold, in days.
pub const MAX_AGED_DAYS: i32 = 3650;
/// The largest per-model minimum.
pub const MAX_MODEL_MINIMUM: i32 = 999;
/// A location's longest text.
pub const LOCATION_MAX: usize = 100;
/// A colour's longest text.
pub const COLOUR_MAX: usize = 32;

/// Days a unit has been in stock on `today` (the dealer's local day): 0 on the day it
/// arrived, never negative (a future arrival date counts 0).
pub fn days_in_stock(arrived_on: NaiveDate, today: NaiveDate) -> i64 {
    (today - arrived_on).num_days().max(0)
}

/// Checks aged-stock thresholds: 1 to [`MAX_AGED_THRESHOLDS`] distinct values between 1 and
/// [`MAX_AGED_DAYS`]; answered sorted.
pub fn check_aged_days(days: &[i32]) -> Result<Vec<i32>, &'static str> {
    if days.is_empty() || days.len() > MAX_AGED_THRESHOLDS {
        return Err("needs between 1 and 5 thresholds");
    }
    if days.iter().any(|d| !(1..=MAX_AGED_DAYS).contains(d)) {
        return Err("each threshold is between 1 and 3650 days");
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != days.len() {
        return Err("thresholds must differ");
    }
    Ok(sorted)
}

/// Whether a model is low on stock: fewer units in stock or in transit than its minimum.
pub fn is_low_stock(supply: i64, minimum: i32) -> bool {
    minimum > 0 && supply < i64::from(minimum)
}

#[cfg(test)]
mod tests {
    use super::*;
    use StockStatus::*;

    #[test]
    fn only_forward_transitions_and_cancelled_reservations() {
        let legal = [
            (Ordered, InTransit),
            (Ordered, InStock),
            (InTransit, InStock),
            (InStock, Reserved),
            (Reserved, Sold),
            (Reserved, InStock),
            (Sold, Delivered),
        ];
        for from in StockStatus::ALL {
            for to in StockStatus::ALL {
                assert_eq!(
                    from.may_become(to),
                    legal.contains(&(from, to)),
                    "{from} -> {to}"
                );
            }
        }
    }

    #[test]
    fn keys_round_trip_in_life_order() {
        for (status, key) in StockStatus::ALL.iter().zip(StockStatus::KEYS) {
            assert_eq!(status.as_str(), *key);
            assert_eq!(key.parse::<StockStatus>(), Ok(*status));
        }
        assert!("gone".parse::<StockStatus>().is_err());
    }

    #[test]
    fn new_units_start_before_the_sale() {
        assert!(Ordered.may_start_in() && InTransit.may_start_in() && InStock.may_start_in());
        assert!(!Reserved.may_start_in() && !Sold.may_start_in() && !Delivered.may_start_in());
    }

    #[test]
    fn days_in_stock_count_local_days() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(days_in_stock(d("2026-01-01"), d("2026-01-01")), 0);
        assert_eq!(days_in_stock(d("2026-01-01"), d("2026-03-02")), 60);
        assert_eq!(days_in_stock(d("2026-05-01"), d("2026-03-02")), 0);
    }

    #[test]
    fn aged_thresholds_are_checked_and_sorted() {
        assert_eq!(check_aged_days(&[90, 60]), Ok(vec![60, 90]));
        assert!(check_aged_days(&[]).is_err());
        assert!(check_aged_days(&[0]).is_err());
        assert!(check_aged_days(&[60, 60]).is_err());
        assert!(check_aged_days(&[1, 2, 3, 4, 5, 6]).is_err());
    }

    #[test]
    fn low_stock_needs_a_minimum() {
        assert!(is_low_stock(1, 2));
        assert!(!is_low_stock(2, 2));
        assert!(!is_low_stock(0, 0));
    }
}
