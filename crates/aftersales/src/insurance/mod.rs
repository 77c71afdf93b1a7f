//! Insurance policies and their renewals (续保): each car's compulsory (交强险) and commercial
//! (商业险) policies; a daily job that opens a renewal for each policy coming up within the
//! dealer's window, gives it to a renewal agent by the assignment rules and pushes them a call
//! task; the agent's calls, insurers' quotes and the result; and the renewal rate.

pub mod access;
pub mod open;
pub mod policies;
pub mod rate;
pub mod read;
pub mod result;
pub mod views;
pub mod work;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The longest insurer name.
pub const INSURER_MAX: usize = 100;
/// The longest policy number.
pub const POLICY_NO_MAX: usize = 64;
/// The longest notes of a call, a quote or a lost renewal.
pub const NOTES_MAX: usize = 500;
/// The highest premium, in fen (¥1,000,000).
pub const PREMIUM_MAX_FEN: i64 = 100_000_000;

/// The kind of a policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKind {
    /// 交强险: the compulsory third-party liability insurance.
    Compulsory,
    /// 商业险: the commercial insurance (damage, third party beyond the compulsory cover …).
    Commercial,
}

impl PolicyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PolicyKind::Compulsory => "compulsory",
            PolicyKind::Commercial => "commercial",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        [PolicyKind::Compulsory, PolicyKind::Commercial]
            .into_iter()
            .find(|k| k.as_str() == key)
    }
}

/// How a renewal call went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// Nobody answered.
    NoAnswer,
    /// The customer asked to be called back (the next call is planned).
    CallBack,
    /// The customer is interested (the next call is planned).
    Interested,
    /// The customer was given a quote.
    Quoted,
    /// The customer does not want to renew here.
    Declined,
}

impl CallOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            CallOutcome::NoAnswer => "no_answer",
            CallOutcome::CallBack => "call_back",
            CallOutcome::Interested => "interested",
            CallOutcome::Quoted => "quoted",
            CallOutcome::Declined => "declined",
        }
    }

    /// Whether the outcome plans a next call (on the day given with it).
    pub fn plans_next_call(self) -> bool {
        matches!(self, CallOutcome::CallBack | CallOutcome::Interested)
    }
}

/// Why a renewal was lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LostReason {
    /// Cheaper elsewhere.
    Price,
    /// Unhappy with the service.
    Service,
    /// The customer moved away.
    Moved,
    /// The customer sold the car.
    SoldCar,
    /// Another reason (say which in the notes).
    Other,
}

impl LostReason {
    pub fn as_str(self) -> &'static str {
        match self {
            LostReason::Price => "price",
            LostReason::Service => "service",
            LostReason::Moved => "moved",
            LostReason::SoldCar => "sold_car",
            LostReason::Other => "other",
        }
    }
}
