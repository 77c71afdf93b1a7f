//! Repair orders (工单): their states and moves, who pays a line, and the customer's bill.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a repair order is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RepairStatus {
    /// Opened at the counter; lines being added.
    Opened,
    /// Work started (a technician clocked on).
    InProgress,
    /// Work done, being checked (质检).
    QualityCheck,
    /// Passed the check; waiting for the customer.
    Ready,
    /// Handed back and paid (invoiced).
    PickedUp,
    /// Cancelled before any work.
    Cancelled,
}

impl RepairStatus {
    pub const KEYS: &'static [&'static str] = &[
        "opened",
        "in_progress",
        "quality_check",
        "ready",
        "picked_up",
        "cancelled",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RepairStatus::Opened => "opened",
            RepairStatus::InProgress => "in_progress",
            RepairStatus::QualityCheck => "quality_check",
            RepairStatus::Ready => "ready",
            RepairStatus::PickedUp => "picked_up",
            RepairStatus::Cancelled => "cancelled",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [
            RepairStatus::Opened,
            RepairStatus::InProgress,
            RepairStatus::QualityCheck,
            RepairStatus::Ready,
            RepairStatus::PickedUp,
            RepairStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.as_str() == key)
    }

    /// Still in the workshop (lines may change).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            RepairStatus::Opened | RepairStatus::InProgress | RepairStatus::QualityCheck
        )
    }

    /// The moves a person makes (pickup has its own use case): forward one step, back from the
    /// check to the work (it failed), and cancelling an order nobody has worked on.
    pub fn may_move_to(self, to: RepairStatus) -> bool {
        use RepairStatus::*;
        matches!(
            (self, to),
            (Opened, InProgress)
                | (InProgress, QualityCheck)
                | (QualityCheck, InProgress)
                | (QualityCheck, Ready)
                | (Opened, Cancelled)
        )
    }
}

/// Who pays a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    /// The customer (on their bill).
    Customer,
    /// The maker, under warranty: a claim (索赔) to the OEM, never on the customer's bill.
    Warranty,
    /// The insurer (an accident repair).
    Insurance,
    /// The dealer itself (goodwill, used-car preparation).
    Internal,
}

impl Payer {
    pub const KEYS: &'static [&'static str] = &["customer", "warranty", "insurance", "internal"];

    pub fn as_str(self) -> &'static str {
        match self {
            Payer::Customer => "customer",
            Payer::Warranty => "warranty",
            Payer::Insurance => "insurance",
            Payer::Internal => "internal",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [
            Payer::Customer,
            Payer::Warranty,
            Payer::Insurance,
            Payer::Internal,
        ]
        .into_iter()
        .find(|p| p.as_str() == key)
    }
}

/// Standard hours (× 100) at a rate per hour, to the fen, half up.
pub fn labour_amount(hours_centi: i32, rate_fen: i64) -> i64 {
    (i64::from(hours_centi) * rate_fen + 50) / 100
}

/// Totals of a repair order's lines by payer: `(payer, amount)` for every line.
pub fn totals_by_payer(lines: impl IntoIterator<Item = (Payer, i64)>) -> [(Payer, i64); 4] {
    let mut totals = [
        (Payer::Customer, 0),
        (Payer::Warranty, 0),
        (Payer::Insurance, 0),
        (Payer::Internal, 0),
    ];
    for (payer, amount) in lines {
        if let Some(t) = totals.iter_mut().find(|(p, _)| *p == payer) {
            t.1 += amount;
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labour_is_hours_times_rate() {
        assert_eq!(labour_amount(250, 30_000), 75_000);
        assert_eq!(labour_amount(33, 10_001), 3_300);
    }

    #[test]
    fn the_bill_excludes_warranty() {
        let totals = totals_by_payer([
            (Payer::Customer, 100),
            (Payer::Warranty, 900),
            (Payer::Customer, 50),
            (Payer::Internal, 7),
        ]);
        assert_eq!(totals[0], (Payer::Customer, 150));
        assert_eq!(totals[1], (Payer::Warranty, 900));
    }

    #[test]
    fn moves() {
        use RepairStatus::*;
        assert!(Opened.may_move_to(InProgress));
        assert!(QualityCheck.may_move_to(InProgress));
        assert!(!Opened.may_move_to(Ready));
        assert!(!Ready.may_move_to(Cancelled));
        assert!(!InProgress.may_move_to(Cancelled));
        for key in RepairStatus::KEYS {
            assert_eq!(RepairStatus::parse(key).unwrap().as_str(), *key);
        }
    }
}
