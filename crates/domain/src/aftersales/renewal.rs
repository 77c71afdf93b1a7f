//! Insurance renewals (续保): the outcomes and the renewal rate.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a renewal ended (or that it is still open).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalStatus {
    /// Being worked.
    Open,
    /// Renewed through the dealer.
    RenewedHere,
    /// Renewed with another seller (the insurer is kept).
    RenewedElsewhere,
    /// Lost, with a reason.
    Lost,
}

impl RenewalStatus {
    pub const KEYS: &'static [&'static str] =
        &["open", "renewed_here", "renewed_elsewhere", "lost"];

    pub fn as_str(self) -> &'static str {
        match self {
            RenewalStatus::Open => "open",
            RenewalStatus::RenewedHere => "renewed_here",
            RenewalStatus::RenewedElsewhere => "renewed_elsewhere",
            RenewalStatus::Lost => "lost",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [
            RenewalStatus::Open,
            RenewalStatus::RenewedHere,
            RenewalStatus::RenewedElsewhere,
            RenewalStatus::Lost,
        ]
        .into_iter()
        .find(|s| s.as_str() == key)
    }
}

/// The renewal rate in basis points: renewed here ÷ due; none when nothing was due.
pub fn renewal_rate_bp(renewed_here: i64, due: i64) -> Option<i64> {
    (due > 0).then(|| (renewed_here * 10_000 + due / 2) / due)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate() {
        assert_eq!(renewal_rate_bp(2, 3), Some(6_667));
        assert_eq!(renewal_rate_bp(0, 4), Some(0));
        assert_eq!(renewal_rate_bp(0, 0), None);
    }
}
