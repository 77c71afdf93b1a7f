//! Orders and money (订单 / 合同): the vocabulary of a contract — its status, the kinds of
//! deposit (定金 versus 订金), planned payments, payment methods, cancellation reasons — and the
//! pure rules over it: the contract number, the 定金 cap, the receivable (应收), the ageing
//! buckets and the delivery gate ([`rules`]).

pub mod rules;

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
            /// Every key, in order (for schemas and lists).
            pub const KEYS: &'static [&'static str] = &[$($key,)*];

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
    /// Where a contract stands.
    OrderStatus {
        /// Signed; money is being collected, a car may be allocated.
        Open => "open",
        /// The unified motor-vehicle sales invoice is issued (the car is sold).
        Invoiced => "invoiced",
        /// Handed over to the customer (交车).
        Delivered => "delivered",
        /// Cancelled with a reason; the car went back to stock.
        Cancelled => "cancelled",
    }
}

keyed_enum! {
    /// What a planned or received amount is for. The two deposits are different in law:
    /// a **定金** (`earnest`, Civil Code arts. 586–587) binds both sides — the buyer who walks
    /// away forfeits it, the dealer who defaults pays it back double — and may not exceed 20% of
    /// the contract price; a **订金** (`advance`) is only an advance payment, refunded in full
    /// when the deal does not happen.
    PaymentPurpose {
        /// 定金: the binding earnest deposit (at most 20% of the contract).
        Earnest => "earnest",
        /// 订金: a refundable advance payment.
        Advance => "advance",
        /// The balance the customer pays (尾款).
        Balance => "balance",
        /// A car loan paid out by a finance company.
        Loan => "loan",
        /// A subsidy due from the manufacturer.
        OemSubsidy => "oem_subsidy",
        /// A subsidy due from the government (trade-in / new-energy).
        GovernmentSubsidy => "government_subsidy",
    }
}

keyed_enum! {
    /// The two kinds of deposit, kept apart. A **定金** (`earnest`) binds both sides (Civil
    /// Code arts. 586–587): the buyer who walks away forfeits it, the dealer who defaults
    /// pays it back double; it may not exceed 20% of the contract price. A **订金**
    /// (`advance`) is an advance payment only, refunded in full if the sale does not happen.
    DepositKind {
        /// 定金: binding earnest money (at most 20% of the contract).
        Earnest => "earnest",
        /// 订金: a refundable advance payment.
        Advance => "advance",
    }
}

impl DepositKind {
    /// The purpose a deposit of this kind is planned and paid under.
    pub fn purpose(self) -> PaymentPurpose {
        match self {
            DepositKind::Earnest => PaymentPurpose::Earnest,
            DepositKind::Advance => PaymentPurpose::Advance,
        }
    }
}

keyed_enum! {
    /// Who pays a planned amount: the customer, or a third party the dealer collects from.
    PayerKind {
        Customer => "customer",
        FinanceCompany => "finance_company",
        Oem => "oem",
        Government => "government",
    }
}

keyed_enum! {
    /// How money was received.
    PaymentMethod {
        Cash => "cash",
        Card => "card",
        Transfer => "transfer",
        Wechat => "wechat",
        Alipay => "alipay",
        Loan => "loan",
        Subsidy => "subsidy",
    }
}

keyed_enum! {
    /// Where a planned item stands. A loan is `approved` once the finance company approved
    /// it: then it may cover the balance at delivery.
    ScheduleStatus {
        Planned => "planned",
        Approved => "approved",
    }
}

keyed_enum! {
    /// Where a refund request stands: it counts only once approved.
    RefundStatus {
        Pending => "pending",
        Approved => "approved",
        Rejected => "rejected",
    }
}

keyed_enum! {
    /// Why a contract was cancelled.
    CancelReason {
        /// The customer changed their mind.
        CustomerWithdrew => "customer_withdrew",
        /// The loan was refused.
        LoanRefused => "loan_refused",
        /// The car cannot be supplied.
        NoSupply => "no_supply",
        /// The price or terms were wrong.
        PriceDispute => "price_dispute",
        /// Entered by mistake.
        EnteredInError => "entered_in_error",
        Other => "other",
    }
}

impl PaymentPurpose {
    /// The payer a purpose implies by default.
    pub fn default_payer(self) -> PayerKind {
        match self {
            PaymentPurpose::Loan => PayerKind::FinanceCompany,
            PaymentPurpose::OemSubsidy => PayerKind::Oem,
            PaymentPurpose::GovernmentSubsidy => PayerKind::Government,
            _ => PayerKind::Customer,
        }
    }
}
