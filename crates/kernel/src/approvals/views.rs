//! What the API takes and returns for approvals.

use super::access::can_decide;
use super::registry::approval_type;
use crate::auth::Actor;
use crate::error::CoreResult;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{approval_request, user};
use forecourt_db::repo::users;
use forecourt_domain::ids::{ApprovalRequestId, UserId};
use forecourt_domain::work::ApprovalStatus;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewApproval {
    /// `discount`, `refund` or `customer.reassign` (other types are requested by their module).
    pub kind: String,
    /// A short summary of what is asked; at most 200 characters.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::REASON_MAX }>)]
    pub title: String,
    /// What the request is about (`customer` for a reassignment).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::SHORT_NAME_MAX }>)]
    pub ref_type: Option<String>,
    /// The id of the record the request is about (with `ref_type`).
    pub ref_id: Option<Uuid>,
    /// The details (`{"owner_id": ...}` for a reassignment, `{"amount_fen": ...}` for a
    /// discount).
    #[schema(value_type = Option<Object>)]
    pub payload: Option<serde_json::Value>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct Decision {
    /// The request's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// Required when rejecting.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::COMMENT_MAX }>)]
    pub comment: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalBox {
    /// Requests one made.
    Mine,
    /// Pending requests one may decide.
    Waiting,
    /// Everything within one's scope (default).
    All,
}

#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApprovalQuery {
    /// `mine`, `waiting` or `all`.
    #[serde(rename = "box")]
    #[param(inline)]
    pub r#box: Option<ApprovalBox>,
    pub status: Option<ApprovalStatus>,
    pub kind: Option<String>,
    #[param(schema_with = forecourt_domain::schema::page_limit::<{ forecourt_domain::paging::MAX_PAGE_SIZE }>)]
    pub limit: Option<u64>,
    pub cursor: Option<String>,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct PersonRef {
    /// The user's id.
    pub id: UserId,
    /// The user's name as shown in the app.
    pub display_name: String,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ApprovalView {
    /// The request's id (UUIDv7).
    pub id: ApprovalRequestId,
    /// The type: `activity.cancel`, `lead.lost`, `discount`, `refund`, `customer.reassign`.
    pub kind: String,
    /// What is asked, in the reader's language when the system wrote it.
    pub title: String,
    /// The kind of record it is about (e.g. `customer`, `lead`, `activity`), if any.
    pub ref_type: Option<String>,
    /// That record's id.
    pub ref_id: Option<Uuid>,
    /// The details, which depend on `kind`.
    #[schema(value_type = Object)]
    pub payload: serde_json::Value,
    /// `pending`, `approved`, `rejected` or `withdrawn`.
    pub status: ApprovalStatus,
    /// Who asked.
    pub requester: PersonRef,
    /// Who approved or rejected it; `null` while pending.
    pub decided_by: Option<PersonRef>,
    /// When it was decided (UTC, RFC 3339); `null` while pending.
    pub decided_at: Option<DateTime<Utc>>,
    /// The decider's comment (required when rejecting).
    pub comment: Option<String>,
    /// Whether the caller may approve or reject it now.
    pub can_decide: bool,
    /// When it was requested (UTC, RFC 3339).
    pub created_at: DateTime<Utc>,
    /// Its version; send it back with a decision.
    pub version: i64,
}

fn person(users: &HashMap<Uuid, user::Model>, id: Uuid) -> PersonRef {
    PersonRef {
        id: UserId::from_uuid(id),
        display_name: users
            .get(&id)
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
    }
}

pub async fn views<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    rows: Vec<approval_request::Model>,
) -> CoreResult<Vec<ApprovalView>> {
    let mut ids: Vec<Uuid> = rows
        .iter()
        .flat_map(|r| [Some(r.requester_id), r.decided_by])
        .flatten()
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let people: HashMap<Uuid, user::Model> = users::find_many(conn, actor.scope(), &ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let status = ApprovalStatus::parse(&r.status).unwrap_or(ApprovalStatus::Pending);
        let decidable = status == ApprovalStatus::Pending
            && match approval_type(&r.kind) {
                Some(kind) => {
                    actor.can(kind.permission) && can_decide(conn, actor, kind, &r).await?
                }
                None => false,
            };
        out.push(ApprovalView {
            id: ApprovalRequestId::from_uuid(r.id),
            requester: person(&people, r.requester_id),
            decided_by: r.decided_by.map(|d| person(&people, d)),
            kind: r.kind,
            title: crate::texts::stored(r.title_text.as_ref(), &r.title, actor.locale()),
            ref_type: r.ref_type,
            ref_id: r.ref_id,
            payload: r.payload,
            status,
            decided_at: r.decided_at,
            comment: r.comment,
            can_decide: decidable,
            created_at: r.created_at,
            version: r.version,
        });
    }
    Ok(out)
}

pub async fn view<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    row: approval_request::Model,
) -> CoreResult<ApprovalView> {
    Ok(views(conn, actor, vec![row])
        .await?
        .pop()
        .expect("one view per row"))
}
