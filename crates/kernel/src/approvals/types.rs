//! The kernel's generic approval types: a discount, a refund (the module that asks reads the
//! decision).

use super::registry::ApprovalType;
use forecourt_domain::permission::Permission;

/// A discount above what the consultant may give: `payload = {"amount_fen": ..., ...}`. The
/// module that asked reads the decision.
pub static DISCOUNT: ApprovalType = ApprovalType {
    kind: "discount",
    permission: Permission::ApprovalDecide,
    generic: true,
    check: None,
    on_approve: None,
    on_reject: None,
};

/// A refund of a payment, decided by finance.
pub static REFUND: ApprovalType = ApprovalType {
    kind: "refund",
    permission: Permission::RefundApprove,
    generic: true,
    check: None,
    on_approve: None,
    on_reject: None,
};
