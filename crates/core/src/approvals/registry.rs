//! The approval types: who may decide each, and what approving or rejecting does.
//!
//! A type is a static [`ApprovalType`]. Its `on_approve` / `on_reject` effects run in the
//! transaction of the decision, so the decision and its effect commit together. A module adds
//! a type by defining a `static` and listing it in [`APPROVAL_TYPES`] (one line).

use crate::auth::Actor;
use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use forecourt_db::DatabaseTransaction;
use forecourt_db::entities::approval_request;
use forecourt_domain::permission::Permission;
use std::future::Future;
use std::pin::Pin;

/// What an effect works with: the decision's transaction, the decider, the request.
#[derive(Clone, Copy)]
pub struct EffectCtx<'a> {
    pub conn: &'a DatabaseTransaction,
    pub decider: &'a Actor,
    pub request: &'a approval_request::Model,
    pub now: DateTime<Utc>,
}

pub type EffectFuture<'a> = Pin<Box<dyn Future<Output = CoreResult<()>> + Send + 'a>>;
pub type Effect = for<'a> fn(EffectCtx<'a>) -> EffectFuture<'a>;

#[derive(Debug)]
pub struct ApprovalType {
    /// `area.action`: `activity.cancel`, `discount`, ...
    pub kind: &'static str,
    /// What a decider must hold (at team scope: for requests of their team's members).
    pub permission: Permission,
    /// Whether anyone may ask for it through the generic API (false: only its module creates
    /// it, e.g. a task's cancellation).
    pub generic: bool,
    pub on_approve: Option<Effect>,
    pub on_reject: Option<Effect>,
}

/// Every approval type. Later modules append theirs.
pub static APPROVAL_TYPES: &[&ApprovalType] = &[
    &crate::activities::CANCEL_APPROVAL,
    &super::types::CUSTOMER_REASSIGN,
    &super::types::DISCOUNT,
    &super::types::REFUND,
    &crate::sales::leads::LOST_APPROVAL,
];

pub fn approval_type(kind: &str) -> Option<&'static ApprovalType> {
    APPROVAL_TYPES.iter().copied().find(|t| t.kind == kind)
}
