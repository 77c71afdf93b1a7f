//! The words orders writes for people, in zh-CN, zh-TW and en (see
//! [`forecourt_kernel::texts`]).

use forecourt_domain::text::Text;
use forecourt_kernel::texts::Words;

/// The title of a refund's approval request.
pub fn refund_title(contract_no: &str, amount: &str) -> Text {
    Text::new("orders.refund_title")
        .with("contract", contract_no)
        .with("amount", amount)
}

pub static TEXTS: &[Words] = &[(
    "orders.refund_title",
    [
        "退款 {{amount}}（合同 {{contract}}）",
        "退款 {{amount}}（合同 {{contract}}）",
        "Refund {{amount}} (contract {{contract}})",
    ],
)];
