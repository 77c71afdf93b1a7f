//! A quote's life (报价单):
//!
//! ```text
//!  draft ──request approval──▶ pending_approval ──approve──▶ approved ──accept──▶ accepted
//!    │  ▲                            │                          │
//!    │  └───── lines changed ◀───────┴──reject──▶ rejected ─────┘ (changed: back to draft)
//!    └──accept (no approval needed)──▶ accepted
//!  any open quote ──another version accepted──▶ superseded
//! ```
//!
//! - A quote whose discount or margin needs approval (`needs_approval`) cannot be accepted
//!   until approved.
//! - Changing any line of an open quote (draft, pending, approved, rejected) puts it back to
//!   `draft`: an approval given is void, a pending request is withdrawn.
//! - `accepted` and `superseded` are final. A quote past its validity date reads as
//!   `expired` and cannot be accepted ([`QuoteStatus::effective`]).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    Draft,
    PendingApproval,
    Approved,
    Rejected,
    Accepted,
    Superseded,
    /// Past its validity date (never stored: read from the date).
    Expired,
}

impl QuoteStatus {
    pub const STORED: [QuoteStatus; 6] = [
        QuoteStatus::Draft,
        QuoteStatus::PendingApproval,
        QuoteStatus::Approved,
        QuoteStatus::Rejected,
        QuoteStatus::Accepted,
        QuoteStatus::Superseded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuoteStatus::Draft => "draft",
            QuoteStatus::PendingApproval => "pending_approval",
            QuoteStatus::Approved => "approved",
            QuoteStatus::Rejected => "rejected",
            QuoteStatus::Accepted => "accepted",
            QuoteStatus::Superseded => "superseded",
            QuoteStatus::Expired => "expired",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::STORED
            .into_iter()
            .chain([QuoteStatus::Expired])
            .find(|s| s.as_str() == text)
    }

    /// Open: still changeable and acceptable (given approval).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            QuoteStatus::Draft
                | QuoteStatus::PendingApproval
                | QuoteStatus::Approved
                | QuoteStatus::Rejected
        )
    }

    /// What the reader sees: an open quote past its validity reads as expired.
    pub fn effective(self, expired: bool) -> Self {
        if expired && self.is_open() {
            QuoteStatus::Expired
        } else {
            self
        }
    }

    /// The status after its lines change; `None`: the quote may not change.
    pub fn after_edit(self) -> Option<Self> {
        self.is_open().then_some(QuoteStatus::Draft)
    }

    /// Whether approval may be asked for now.
    pub fn may_request_approval(self, needs_approval: bool) -> bool {
        needs_approval && matches!(self, QuoteStatus::Draft | QuoteStatus::Rejected)
    }

    /// Whether the quote may be accepted now (`self` is the effective status).
    pub fn may_accept(self, needs_approval: bool) -> Result<(), &'static str> {
        match self {
            QuoteStatus::Approved => Ok(()),
            QuoteStatus::Draft if !needs_approval => Ok(()),
            QuoteStatus::Draft | QuoteStatus::Rejected => {
                Err("the quote needs approval of its discount or margin first")
            }
            QuoteStatus::PendingApproval => Err("the quote is waiting for approval"),
            QuoteStatus::Expired => Err("the quote has expired"),
            QuoteStatus::Accepted => Err("the quote is already accepted"),
            QuoteStatus::Superseded => Err("another version of the quote was accepted"),
        }
    }

    /// The decision's outcome on a pending quote.
    pub fn after_decision(self, approved: bool) -> Option<Self> {
        (self == QuoteStatus::PendingApproval).then_some(if approved {
            QuoteStatus::Approved
        } else {
            QuoteStatus::Rejected
        })
    }
}

#[cfg(test)]
mod tests {
    use super::QuoteStatus::*;
    use super::*;

    #[test]
    fn round_trips() {
        for s in QuoteStatus::STORED.into_iter().chain([Expired]) {
            assert_eq!(QuoteStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(QuoteStatus::parse("presented"), None);
    }

    #[test]
    fn approval_gates_acceptance() {
        assert!(Draft.may_accept(false).is_ok());
        assert!(Draft.may_accept(true).is_err());
        assert!(Draft.may_request_approval(true));
        assert!(!Draft.may_request_approval(false));
        assert!(Rejected.may_request_approval(true));
        assert!(!PendingApproval.may_request_approval(true));
        assert!(PendingApproval.may_accept(true).is_err());
        assert_eq!(PendingApproval.after_decision(true), Some(Approved));
        assert_eq!(PendingApproval.after_decision(false), Some(Rejected));
        assert_eq!(Approved.after_decision(true), None);
        assert!(Approved.may_accept(true).is_ok());
        assert!(Rejected.may_accept(true).is_err());
    }

    #[test]
    fn changes_void_approval_and_final_states_stay() {
        for open in [Draft, PendingApproval, Approved, Rejected] {
            assert_eq!(open.after_edit(), Some(Draft));
        }
        for closed in [Accepted, Superseded, Expired] {
            assert_eq!(closed.after_edit(), None);
            assert!(closed.may_accept(false).is_err());
        }
    }

    #[test]
    fn expiry_reads_over_open_quotes_only() {
        assert_eq!(Approved.effective(true), Expired);
        assert_eq!(Accepted.effective(true), Accepted);
        assert_eq!(Draft.effective(false), Draft);
        assert!(Expired.may_accept(false).is_err());
    }
}
