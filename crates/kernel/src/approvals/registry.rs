//! The approval types: who may decide each, and what approving or rejecting does.
//!
//! A type is a static [`ApprovalType`]. Its `on_approve` / `on_reject` effects run in the
//! transaction of the decision, so the decision and its effect commit together. A module adds
//! a type by defining a `static` and returning it from its
//! [`Module::approval_types`](crate::module::Module::approval_types).

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

/// A generic request before it is saved: its reference and payload, to be checked.
#[derive(Clone, Copy)]
pub struct RequestCheck<'a> {
    pub conn: &'a DatabaseTransaction,
    pub actor: &'a Actor,
    pub ref_type: Option<&'a str>,
    pub ref_id: Option<uuid::Uuid>,
    pub payload: &'a serde_json::Value,
}

/// Checks a generic request of a type (a 422 naming the field when it is wrong).
pub type Check = for<'a> fn(RequestCheck<'a>) -> EffectFuture<'a>;

#[derive(Debug)]
pub struct ApprovalType {
    /// `area.action`: `activity.cancel`, `discount`, ...
    pub kind: &'static str,
    /// What a decider must hold (at team scope: for requests of their team's members).
    pub permission: Permission,
    /// Whether anyone may ask for it through the generic API (false: only its module creates
    /// it, e.g. a task's cancellation).
    pub generic: bool,
    /// Checks a generic request's reference and payload before it is saved.
    pub check: Option<Check>,
    pub on_approve: Option<Effect>,
    pub on_reject: Option<Effect>,
}

/// The kernel's own generic types (a discount, a refund); modules bring the rest.
static KERNEL_TYPES: &[&ApprovalType] = &[&super::types::DISCOUNT, &super::types::REFUND];

/// Every approval type: the kernel's and the installed modules'.
pub fn approval_types() -> impl Iterator<Item = &'static ApprovalType> {
    KERNEL_TYPES
        .iter()
        .copied()
        .chain(crate::module::approval_types())
}

pub fn approval_type(kind: &str) -> Option<&'static ApprovalType> {
    approval_types().find(|t| t.kind == kind)
}
