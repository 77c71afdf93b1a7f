//! What a visit does around the lead: a loss waiting for approval is withdrawn, the visit's
//! companions are kept on the customer, and a colleague's consultant is told who received their
//! customer.

use crate::leads::LOST_APPROVAL;
use crate::receptions::VisitCompanion;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::{customer, customer_companion, lead, user};
use forecourt_db::repo::{approvals as approval_repo, batched_insert, customers};
use forecourt_domain::sales::LeadStatus;
use forecourt_domain::text::Text;
use forecourt_kernel::approvals::{self, managers};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::notifications::{Notice, notify};
use serde_json::Map;
use uuid::Uuid;

/// The customer is back: the loss waiting for approval no longer stands. The request is
/// withdrawn (its requester and approvers are told) and the lead is open again.
pub(super) async fn withdraw_loss<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    lead: &mut lead::Model,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    if let Some(request) =
        approval_repo::pending_about(tx, actor.scope(), LOST_APPROVAL.kind, "lead", lead.id).await?
    {
        approvals::withdraw_in(
            tx,
            actor,
            request,
            Text::new("approval.withdrawn.customer_returned"),
            now,
        )
        .await?;
    }
    lead.status = LeadStatus::Open.as_str().to_owned();
    lead.lost_reason_key = None;
    lead.lost_competitor_brand = None;
    lead.lost_competitor_model = None;
    lead.lost_note = None;
    lead.lost_at = None;
    Ok(())
}

/// Adds the companions the customer does not have yet: named ones by name, unnamed ones by
/// relation (a spouse who came without giving a name is still the spouse).
pub(super) async fn keep_companions<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    customer: &customer::Model,
    companions: &[VisitCompanion],
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut known = customers::companions_of(tx, actor.scope(), customer.id).await?;
    let mut rows = Vec::new();
    for c in companions {
        let name = c.name.clone().unwrap_or_default();
        let relation = c.relation.as_str();
        let already = known.iter().any(|k| {
            if name.is_empty() {
                k.relation == relation
            } else {
                k.name == name
            }
        });
        if already {
            continue;
        }
        let row = customer_companion::Model {
            id: Uuid::now_v7(),
            dealer_id: customer.dealer_id,
            customer_id: customer.id,
            relation: relation.to_owned(),
            name,
            phone: None,
            notes: None,
            created_at: now,
        };
        known.push(row.clone());
        rows.push(row);
    }
    batched_insert::<customer_companion::Entity, _>(tx, actor.scope(), rows).await?;
    Ok(())
}

/// Tells a lead's consultant and their manager that someone else received their customer.
pub(super) async fn tell_owner<C: ConnectionTrait>(
    tx: &C,
    actor: &Actor,
    owner: &user::Model,
    customer: &customer::Model,
    lead: &lead::Model,
    visit: &super::ReceptionView,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let mut people = vec![owner.id];
    people.extend(managers(tx, actor, owner).await?);
    people.sort_unstable();
    people.dedup();
    let mut params = Map::new();
    params.insert("customer".into(), customer.name.clone().into());
    params.insert(
        "receiver".into(),
        visit
            .consultant
            .as_ref()
            .map(|c| c.display_name.clone())
            .unwrap_or_default()
            .into(),
    );
    params.insert("owner".into(), owner.display_name.clone().into());
    params.insert(
        "at".into(),
        visit
            .arrived_at
            .with_timezone(&actor.time_zone().tz())
            .format("%Y-%m-%d %H:%M")
            .to_string()
            .into(),
    );
    notify(
        tx,
        actor,
        people
            .into_iter()
            .filter(|p| visit.consultant.as_ref().is_none_or(|c| c.id.uuid() != *p))
            .map(|user_id| Notice {
                user_id,
                kind: "lead.received",
                params: params.clone(),
                link: Some(format!("/leads/{}", lead.id)),
                reference: Some(("lead", lead.id)),
            })
            .collect(),
        now,
    )
    .await
}
