//! Bulk actions on selected customers: assign an owner, add a tag. Each customer changed gets
//! its own audit row and timeline entry.

use super::access::{owner_teams, reaches};
use super::create::check_owner;
use super::owners::change_owner;
use crate::Customers;
use forecourt_db::entities::{customer, customer_tag};
use forecourt_db::repo::{batched_insert, customers};
use forecourt_domain::ids::{CustomerId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::SHORT_NAME_MAX;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::{Deserialize, Serialize};
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

pub const MAX_BULK: usize = 1000;

#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum BulkAction {
    /// Give the customers to this user (`null`: to nobody, the pool).
    AssignOwner {
        owner_id: Option<UserId>,
    },
    AddTag {
        tag: String,
    },
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct BulkRequest {
    /// At most 1,000.
    pub ids: Vec<CustomerId>,
    /// What to do to every customer listed.
    pub action: BulkAction,
}

#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct BulkOutcome {
    /// How many customers changed (those already so are left alone).
    pub changed: u64,
}

impl Customers<'_> {
    /// All or nothing: a customer the caller may not change makes the whole request fail.
    pub async fn bulk_customers(
        &self,
        actor: &Actor,
        request: BulkRequest,
    ) -> CoreResult<BulkOutcome> {
        let permission = match request.action {
            BulkAction::AssignOwner { .. } => Permission::CustomerAssign,
            BulkAction::AddTag { .. } => Permission::CustomerUpdate,
        };
        actor.require(permission)?;
        if request.ids.is_empty() || request.ids.len() > MAX_BULK {
            return Err(CoreError::invalid(
                FieldError::new(
                    "ids",
                    "out_of_range",
                    format!("select 1 to {MAX_BULK} customers"),
                )
                .with_param("max", MAX_BULK),
            ));
        }
        let mut ids: Vec<Uuid> = request.ids.iter().map(|id| id.uuid()).collect();
        ids.sort_unstable();
        ids.dedup();
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let found = customers::find_many(&*tx, scope, &ids).await?;
        let owners = owner_teams(&*tx, actor, found.iter().filter_map(|c| c.owner_id)).await?;
        let allowed: Vec<_> = found
            .into_iter()
            .filter(|c| {
                c.status == customers::ACTIVE
                    && reaches(actor, Permission::CustomerRead, c, &owners)
                    && reaches(actor, permission, c, &owners)
            })
            .collect();
        if allowed.len() != ids.len() {
            return Err(CoreError::invalid(
                FieldError::new(
                    "ids",
                    "unknown_customer",
                    "lists customers you cannot change",
                )
                .with_param("count", ids.len() - allowed.len()),
            ));
        }
        let now = self.now();
        let mut events = Vec::new();
        let changed = match &request.action {
            BulkAction::AssignOwner { owner_id } => {
                let mut errors = FieldErrors::new();
                if let Some(owner) = owner_id {
                    check_owner(&*tx, actor, &mut errors, *owner).await?;
                }
                errors.finish()?;
                let moving: Vec<&customer::Model> = allowed.iter().collect();
                let (changed, owner_events) =
                    change_owner(&*tx, actor, &moving, owner_id.map(UserId::uuid), now).await?;
                events.extend(owner_events);
                changed
            }
            BulkAction::AddTag { tag } => {
                let tag = parse_name("action.tag", tag, SHORT_NAME_MAX)?;
                let tagged = customers::customers_with_tag(&*tx, scope, &ids, &tag).await?;
                let adding: Vec<Uuid> = ids
                    .iter()
                    .copied()
                    .filter(|id| !tagged.contains(id))
                    .collect();
                let rows = adding
                    .iter()
                    .map(|id| customer_tag::Model {
                        id: Uuid::now_v7(),
                        dealer_id: scope.dealer_id().uuid(),
                        customer_id: *id,
                        tag: tag.clone(),
                        created_at: now,
                    })
                    .collect();
                batched_insert::<customer_tag::Entity, _>(&*tx, scope, rows).await?;
                for id in &adding {
                    audit::record(
                        &*tx,
                        actor,
                        AuditEntry::action("customer", "tag_added", Some(*id)).change(
                            "tags",
                            serde_json::Value::Null,
                            tag.clone(),
                        ),
                        now,
                    )
                    .await?;
                    events.push(TimelineEvent::new(
                        *id,
                        "customer.updated",
                        json!({"fields": ["tags"]}),
                    ));
                }
                adding.len() as u64
            }
        };
        timeline::record(&*tx, actor, events, now).await?;
        tx.commit().await?;
        Ok(BulkOutcome { changed })
    }
}
