//! The words the deal writes for people (approval titles), in zh-CN, zh-TW and en.

use forecourt_domain::text::Text;
use forecourt_kernel::texts::Words;

/// The title of a quote's approval request.
pub fn approval_title(number: &str, customer: &str) -> Text {
    Text::new("deal.quote_approval")
        .with("number", number)
        .with("customer", customer)
}

/// Why a pending approval was withdrawn: the quote changed.
pub fn quote_changed() -> Text {
    Text::new("deal.quote_changed")
}

pub static TEXTS: &[Words] = &[
    (
        "deal.quote_approval",
        [
            "报价单 {{number}} 审批（{{customer}}）",
            "報價單 {{number}} 審批（{{customer}}）",
            "Quote {{number}} approval ({{customer}})",
        ],
    ),
    (
        "deal.quote_changed",
        [
            "报价单已修改，审批作废",
            "報價單已修改，審批作廢",
            "The quote was changed; the approval is void",
        ],
    ),
];
