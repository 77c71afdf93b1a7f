//! The sales vocabulary of a 4S store: intent grades and their follow-up cadence, lead status,
//! how a buyer means to pay and when, and how leads are shared out.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use utoipa::ToSchema;

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:tt,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $key)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable key stored in the database and used by the API.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }
        }

        impl FromStr for $name {
            type Err = ();
            fn from_str(s: &str) -> Result<Self, ()> {
                match s { $($key => Ok($name::$variant),)* _ => Err(()) }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keyed_enum! {
    /// The 4S convention for how close a buyer is to buying.
    Grade {
        /// New, not graded yet.
        N => "N",
        /// Buys within 7 days.
        H => "H",
        /// Buys within 15 days.
        A => "A",
        /// Buys within 30 days.
        B => "B",
        /// Buys within 3 months.
        C => "C",
        /// Ordered (signed).
        O => "O",
        /// Lost (战败).
        F => "F",
    }
}

impl Grade {
    /// The grades a consultant gives a lead by judgement; O and F follow from an order or a
    /// lost lead, N only from a new one.
    pub const JUDGED: [Grade; 4] = [Grade::H, Grade::A, Grade::B, Grade::C];

    /// How warm the grade is: C 1 … H 4, O 5. N and F have none.
    pub fn warmth(self) -> Option<u8> {
        match self {
            Grade::C => Some(1),
            Grade::B => Some(2),
            Grade::A => Some(3),
            Grade::H => Some(4),
            Grade::O => Some(5),
            Grade::N | Grade::F => None,
        }
    }

    /// Whether moving from `self` to `to` is an upgrade (C → B, A → H, H → O...). Grading a
    /// new lead for the first time is not: managers count progress, not first impressions.
    pub fn is_upgrade_to(self, to: Grade) -> bool {
        matches!((self.warmth(), to.warmth()), (Some(from), Some(to)) if to > from)
    }

    /// The default days between follow-ups at this grade (None: no follow-ups are pushed).
    pub fn default_cadence_days(self) -> Option<i32> {
        match self {
            Grade::N => Some(1),
            Grade::H => Some(2),
            Grade::A => Some(7),
            Grade::B => Some(14),
            Grade::C => Some(30),
            Grade::O | Grade::F => None,
        }
    }
}

keyed_enum! {
    /// Where a lead stands.
    LeadStatus {
        /// Being worked.
        Open => "open",
        /// Marked lost, waiting for the manager's approval.
        LostPending => "lost_pending",
        /// Lost (grade F); can be reopened.
        Lost => "lost",
        /// Ordered (grade O).
        Won => "won",
    }
}

keyed_enum! {
    /// How the buyer means to pay.
    PaymentIntent {
        Cash => "cash",
        Loan => "loan",
        Lease => "lease",
    }
}

keyed_enum! {
    /// When the buyer means to buy, as they say it.
    Timeframe {
        WithinWeek => "within_week",
        WithinTwoWeeks => "within_two_weeks",
        WithinMonth => "within_month",
        WithinThreeMonths => "within_three_months",
        Later => "later",
        Undecided => "undecided",
    }
}

impl Timeframe {
    /// The grade the timeframe suggests (the consultant decides).
    pub fn suggested_grade(self) -> Grade {
        match self {
            Timeframe::WithinWeek => Grade::H,
            Timeframe::WithinTwoWeeks => Grade::A,
            Timeframe::WithinMonth => Grade::B,
            Timeframe::WithinThreeMonths | Timeframe::Later => Grade::C,
            Timeframe::Undecided => Grade::N,
        }
    }
}

keyed_enum! {
    /// How a follow-up reached the customer.
    FollowUpChannel {
        Phone => "phone",
        Wechat => "wechat",
        Sms => "sms",
        Visit => "visit",
        Email => "email",
    }
}

keyed_enum! {
    /// How new leads find an owner.
    AssignmentMode {
        /// A manager or assistant assigns each lead.
        Manual => "manual",
        /// In turn among the consultants of the assignment team.
        RoundRobin => "round_robin",
        /// To the consultant of the team with the fewest open leads.
        Load => "load",
        /// By the series the buyer wants (a rule per series), else round-robin.
        ModelLine => "model_line",
    }
}

keyed_enum! {
    /// Where a stagnant lead goes.
    StagnationAction {
        /// Only flag it.
        Flag => "flag",
        /// To the senior consultant the dealer names.
        Senior => "senior",
        /// To the owner's manager (the team leader, else the sales manager).
        Manager => "manager",
        /// To the marketing pool (no owner; marketing nurtures it).
        MarketingPool => "marketing_pool",
    }
}

keyed_enum! {
    /// What reaching a pipeline stage means for the lead.
    StageKind {
        /// Still being worked.
        Open => "open",
        /// The contract is signed: the lead becomes grade O.
        Order => "order",
        /// The car is delivered: the opportunity is won and closed.
        Won => "won",
    }
}

keyed_enum! {
    /// A test-drive booking's state. Booked and done bookings hold the car.
    BookingStatus {
        Booked => "booked",
        Done => "done",
        Cancelled => "cancelled",
        NoShow => "no_show",
    }
}

impl BookingStatus {
    /// Whether the booking occupies the car for its time slot.
    pub fn holds_car(self) -> bool {
        matches!(self, BookingStatus::Booked | BookingStatus::Done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upgrades_are_warmer_judged_grades() {
        assert!(Grade::C.is_upgrade_to(Grade::B));
        assert!(Grade::A.is_upgrade_to(Grade::H));
        assert!(Grade::H.is_upgrade_to(Grade::O));
        assert!(
            !Grade::N.is_upgrade_to(Grade::H),
            "first grading is not an upgrade"
        );
        assert!(!Grade::H.is_upgrade_to(Grade::A));
        assert!(!Grade::B.is_upgrade_to(Grade::F));
        assert!(!Grade::F.is_upgrade_to(Grade::H));
    }

    #[test]
    fn keys_round_trip() {
        for grade in Grade::ALL {
            assert_eq!(grade.as_str().parse::<Grade>(), Ok(*grade));
            assert_eq!(serde_json::to_value(grade).unwrap(), grade.as_str());
        }
        assert_eq!(
            "marketing_pool".parse(),
            Ok(StagnationAction::MarketingPool)
        );
        assert!("x".parse::<LeadStatus>().is_err());
    }

    #[test]
    fn cadence_defaults_follow_the_4s_convention() {
        assert_eq!(Grade::H.default_cadence_days(), Some(2));
        assert_eq!(Grade::A.default_cadence_days(), Some(7));
        assert_eq!(Grade::B.default_cadence_days(), Some(14));
        assert_eq!(Grade::C.default_cadence_days(), Some(30));
        assert_eq!(Grade::O.default_cadence_days(), None);
        assert_eq!(Timeframe::WithinWeek.suggested_grade(), Grade::H);
    }
}
