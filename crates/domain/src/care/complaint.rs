//! A complaint's vocabulary: where it came from, what it is about, how serious it is and where
//! it stands in the flow 录入 → 分配 → 处理 → 验证 → 关闭.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $key:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $key,)* }
            }

            pub fn parse(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == key)
            }
        }
    };
}

keyed_enum! {
    /// How the complaint reached the dealer.
    ComplaintSource {
        /// The customer came to the store.
        WalkIn => "walk_in",
        /// A phone call to the store.
        Phone => "phone",
        /// The dealer's website, app or mini-program.
        Online => "online",
        /// Forwarded by the carmaker's hotline (厂家转办); may carry the OEM's deadline.
        OemHotline => "oem_hotline",
        /// Through the consumer association's 12315 line.
        #[serde(rename = "consumer_12315")]
        Consumer12315 => "consumer_12315",
        /// A post on social media.
        SocialMedia => "social_media",
    }
}

keyed_enum! {
    /// What the complaint is about.
    ComplaintCategory {
        /// The car itself (a defect, a fault).
        ProductQuality => "product_quality",
        /// A repair or a service that was not done right.
        RepairQuality => "repair_quality",
        /// The sale: promises, paperwork, delivery.
        SalesProcess => "sales_process",
        /// Prices, charges and invoices.
        PriceBilling => "price_billing",
        /// Parts: availability, waiting for them.
        Parts => "parts",
        /// How staff treated the customer.
        StaffAttitude => "staff_attitude",
        /// Waiting too long.
        WaitingTime => "waiting_time",
        /// Anything else.
        Other => "other",
    }
}

keyed_enum! {
    /// How serious the complaint is; its SLA targets follow from it.
    Severity {
        /// 一般.
        Low => "low",
        /// 较重.
        Medium => "medium",
        /// 严重: a safety matter, the media or a regulator involved.
        High => "high",
    }
}

keyed_enum! {
    /// Where the complaint stands.
    ComplaintStatus {
        /// 录入: recorded, no handler yet.
        Entered => "entered",
        /// 分配: given to a handler who has not yet answered the customer.
        Assigned => "assigned",
        /// 处理: the handler is working on it.
        Handling => "handling",
        /// 验证: handled, waiting for a colleague's call-back to the customer.
        Resolved => "resolved",
        /// 关闭: verified with the customer.
        Closed => "closed",
    }
}

keyed_enum! {
    /// One of a complaint's two SLA clocks.
    SlaClock {
        /// From entry to the handler's first answer to the customer.
        FirstResponse => "first_response",
        /// From entry (or reopening) to the complaint being handled.
        Resolution => "resolution",
    }
}

impl ComplaintStatus {
    /// Whether the complaint still needs work (everything but closed).
    pub fn is_open(self) -> bool {
        self != ComplaintStatus::Closed
    }
}

/// The default targets in working minutes (first response, resolution) per severity.
pub fn default_targets(severity: Severity) -> (i32, i32) {
    match severity {
        Severity::Low => (8 * 60, 40 * 60),
        Severity::Medium => (4 * 60, 16 * 60),
        Severity::High => (60, 8 * 60),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for s in ComplaintSource::ALL {
            assert_eq!(ComplaintSource::parse(s.as_str()), Some(*s));
        }
        for s in ComplaintStatus::ALL {
            assert_eq!(ComplaintStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(Severity::parse("urgent"), None);
        assert!(!ComplaintStatus::Closed.is_open());
    }
}
