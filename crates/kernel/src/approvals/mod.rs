//! Approvals (工作流): a request → approve / reject (with a comment) → its effect, for every
//! type registered ([`registry::approval_types`]). Approvers are notified when a request is
//! made, the requester when it is decided; every step is audited.
//!
//! A module asks for an approval inside its own transaction with [`create_request`].

mod access;
pub mod registry;
mod texts;
pub mod types;
mod use_cases;
mod views;

pub use texts::TEXTS;

pub use access::{approvers, managers};
pub use registry::{
    ApprovalType, Check, Effect, EffectCtx, EffectFuture, RequestCheck, approval_type,
    approval_types,
};
pub use views::{ApprovalBox, ApprovalQuery, ApprovalView, Decision, NewApproval};

use crate::audit::{self, AuditEntry};
use crate::auth::{Actor, ActorKind};
use crate::error::{CoreError, CoreResult};
use crate::notifications::{Notice, notify};
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::approval_request;
use forecourt_db::repo::tenant;
use forecourt_domain::FieldError;
use forecourt_domain::text::Text;
use forecourt_domain::work::ApprovalStatus;
use serde_json::{Map, Value};
use uuid::Uuid;

/// A request a module makes (its own types too).
#[derive(Clone, Debug)]
pub struct ApprovalInput {
    pub kind: &'static str,
    /// The title in words (a person's, or the system's in the requester's language).
    pub title: String,
    /// A title the system wrote: each reader sees it in their language.
    pub title_text: Option<Text>,
    pub reference: Option<(String, Uuid)>,
    pub payload: Value,
}

/// Creates a pending request in the caller's transaction and notifies its approvers.
pub async fn create_request<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    input: ApprovalInput,
    now: DateTime<Utc>,
) -> CoreResult<approval_request::Model> {
    let kind = approval_type(input.kind).ok_or_else(|| {
        CoreError::invalid(FieldError::new(
            "kind",
            "invalid_value",
            "is not an approval type",
        ))
    })?;
    let model = approval_request::Model {
        id: Uuid::now_v7(),
        dealer_id: actor.dealer_id().uuid(),
        kind: kind.kind.to_owned(),
        ref_type: input.reference.as_ref().map(|(t, _)| t.clone()),
        ref_id: input.reference.as_ref().map(|(_, id)| *id),
        requester_id: actor.user_id().uuid(),
        title: input.title,
        title_text: input.title_text.as_ref().map(Text::to_value),
        payload: input.payload,
        status: ApprovalStatus::Pending.as_str().to_owned(),
        decided_by: None,
        decided_at: None,
        comment: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let saved =
        tenant::insert::<approval_request::Entity, _>(conn, actor.scope(), model.dealer_id, model)
            .await?;
    audit::record(
        conn,
        actor,
        AuditEntry::action("approval", "requested", Some(saved.id))
            .change("kind", Value::Null, saved.kind.clone())
            .change("title", Value::Null, saved.title.clone()),
        now,
    )
    .await?;
    let approvers = approvers(conn, actor, kind.permission, saved.requester_id).await?;
    let mut params = params(&[("requester", actor.name().to_owned())]);
    params.insert("title".into(), title_param(&saved));
    notify(
        conn,
        actor,
        approvers
            .into_iter()
            .map(|u| Notice {
                user_id: u.id,
                kind: "approval.requested",
                params: params.clone(),
                link: Some(format!("/approvals/{}", saved.id)),
                reference: Some(("approval", saved.id)),
            })
            .collect(),
        now,
    )
    .await?;
    Ok(saved)
}

/// Records a decision on a pending request in the caller's transaction and runs its effect:
/// the status, the decider, the effect, the audit row, the requester's notification. The
/// caller has checked who may decide.
pub async fn settle(
    conn: &forecourt_db::DatabaseTransaction,
    actor: &Actor,
    kind: &ApprovalType,
    before: approval_request::Model,
    outcome: ApprovalStatus,
    comment: Option<String>,
    now: DateTime<Utc>,
) -> CoreResult<approval_request::Model> {
    let mut after = before.clone();
    after.status = outcome.as_str().to_owned();
    after.decided_by = (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid());
    after.decided_at = Some(now);
    after.comment = comment.clone();
    let saved = tenant::update::<approval_request::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("approval", e))?;
    let effect = match outcome {
        ApprovalStatus::Approved => kind.on_approve,
        _ => kind.on_reject,
    };
    if let Some(effect) = effect {
        effect(EffectCtx {
            conn,
            decider: actor,
            request: &saved,
            now,
        })
        .await?;
    }
    audit::record(
        conn,
        actor,
        AuditEntry::action("approval", outcome.as_str(), Some(saved.id))
            .change("status", before.status.clone(), saved.status.clone())
            .change("comment", Value::Null, comment.clone()),
        now,
    )
    .await?;
    let notice_kind = if outcome == ApprovalStatus::Approved {
        "approval.approved"
    } else {
        "approval.rejected"
    };
    notify(
        conn,
        actor,
        vec![Notice {
            user_id: saved.requester_id,
            kind: notice_kind,
            params: {
                let mut params = params(&[
                    ("decider", actor.name().to_owned()),
                    ("comment", comment.unwrap_or_default()),
                ]);
                params.insert("title".into(), title_param(&saved));
                params
            },
            link: Some(format!("/approvals/{}", saved.id)),
            reference: Some(("approval", saved.id)),
        }],
        now,
    )
    .await?;
    Ok(saved)
}

/// Withdraws a pending request in the caller's transaction because what it asks about no
/// longer stands (the customer whose loss was asked for came back). No effect runs: the module
/// that withdraws it puts its own record right. The requester and the approvers are told why.
pub async fn withdraw_in<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: approval_request::Model,
    reason: Text,
    now: DateTime<Utc>,
) -> CoreResult<approval_request::Model> {
    let mut after = before.clone();
    after.status = ApprovalStatus::Withdrawn.as_str().to_owned();
    after.decided_at = Some(now);
    let entry = AuditEntry::action("approval", "withdrawn", Some(after.id))
        .change("status", before.status.clone(), after.status.clone())
        .change("reason", Value::Null, reason.key.clone());
    let saved =
        audit::save::<approval_request::Entity, _>(conn, actor, &before, after, entry, now, |e| {
            CoreError::from_db("approval", e)
        })
        .await?;
    let mut people = match approval_type(&saved.kind) {
        Some(kind) => approvers(conn, actor, kind.permission, saved.requester_id)
            .await?
            .into_iter()
            .map(|u| u.id)
            .collect(),
        None => Vec::new(),
    };
    people.push(saved.requester_id);
    people.sort_unstable();
    people.dedup();
    let mut params = Map::new();
    params.insert("title".into(), title_param(&saved));
    params.insert("reason".into(), reason.into_param());
    notify(
        conn,
        actor,
        people
            .into_iter()
            .map(|user_id| Notice {
                user_id,
                kind: "approval.withdrawn",
                params: params.clone(),
                link: Some(format!("/approvals/{}", saved.id)),
                reference: Some(("approval", saved.id)),
            })
            .collect(),
        now,
    )
    .await?;
    Ok(saved)
}

/// A request's title as a notification parameter (worded for each reader when the system
/// wrote it).
pub fn title_param(request: &approval_request::Model) -> Value {
    match request.title_text.as_ref().and_then(Text::from_value) {
        Some(text) => text.into_param(),
        None => Value::String(request.title.clone()),
    }
}

pub fn params(pairs: &[(&str, String)]) -> Map<String, Value> {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::String(v.clone())))
        .collect()
}
