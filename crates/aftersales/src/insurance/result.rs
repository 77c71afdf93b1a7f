//! Ending a renewal and giving it to another agent: renewed here (the new policy is recorded,
//! sold here, and linked), renewed elsewhere (with the insurer) or lost (with a reason from a
//! fixed list); closing withdraws the agent's open call task. Reassigning (`renewal:assign`)
//! hands the task over too.

use super::access::{check_version, renewal_for, require_open};
use super::open::{end_of_day, push_call_task};
use super::policies::{PolicyFields, check_fields, insert_policy};
use super::views::{RenewalDetail, detail};
use super::{INSURER_MAX, LostReason, POLICY_NO_MAX, PREMIUM_MAX_FEN};
use crate::AfterSales;
use chrono::NaiveDate;
use forecourt_db::entities::{insurance_policy, renewal, user};
use forecourt_db::repo::tenant;
use forecourt_domain::aftersales::renewal::RenewalStatus;
use forecourt_domain::ids::{ActivityId, RenewalId, UserId};
use forecourt_domain::permission::Permission;
use forecourt_domain::username::parse_name;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::auth::grants::role_grants;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

/// The new policy of a car renewed here (its kind is the renewed policy's; its insurer the
/// result's).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewedPolicy {
    /// The policy number, 1–64 characters, unique per insurer in the dealer.
    #[schema(schema_with = forecourt_domain::schema::name::<{ POLICY_NO_MAX }>)]
    pub policy_no: String,
    /// The premium in fen, 0–100,000,000.
    #[schema(schema_with = forecourt_domain::schema::integer::<0, { PREMIUM_MAX_FEN }>)]
    pub premium_fen: i64,
    /// The first day of cover.
    pub starts_on: NaiveDate,
    /// The last day of cover, after `starts_on`.
    pub ends_on: NaiveDate,
}

/// How a renewal ended.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewalResult {
    /// `renewed_here`, `renewed_elsewhere` or `lost` (`open` is refused).
    pub status: RenewalStatus,
    /// The insurer renewed with: required when renewed here or elsewhere; 1–100 characters.
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ INSURER_MAX }>)]
    pub insurer: Option<String>,
    /// Why it was lost (required when `lost`): `price`, `service`, `moved`, `sold_car`,
    /// `other`.
    pub lost_reason: Option<LostReason>,
    /// The new policy (required when `renewed_here`).
    pub new_policy: Option<RenewedPolicy>,
    /// The renewal's version read; a stale one is 409 `version_conflict`.
    pub version: i64,
}

/// Who works the renewal from now on.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewalAssignment {
    /// An active user of the dealer who works renewals (`renewal:work`).
    pub agent_id: UserId,
}

impl AfterSales<'_> {
    /// Records how a renewal ended and closes it; renewed here records the new policy (sold
    /// here) and links it. Needs `renewal:work` reaching the renewal (another agent's is 404);
    /// a closed renewal is 409 `invalid_state`, a stale `version` 409, missing or bad fields
    /// 422 naming each, a policy number the insurer already has 409.
    pub async fn close_renewal(
        &self,
        actor: &Actor,
        id: RenewalId,
        input: RenewalResult,
    ) -> CoreResult<RenewalDetail> {
        let tx = self.db().begin().await?;
        let before = renewal_for(&*tx, actor, id, Permission::RenewalWork).await?;
        let now = self.now();
        let mut errors = FieldErrors::new();
        let insurer = match input.insurer.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => errors.check(parse_name("insurer", text, INSURER_MAX)),
        };
        let mut new_policy = None;
        match input.status {
            RenewalStatus::Open => errors.push(FieldError::new(
                "status",
                "invalid",
                "a renewal ends renewed here, renewed elsewhere or lost",
            )),
            RenewalStatus::RenewedHere | RenewalStatus::RenewedElsewhere
                if input.insurer.as_deref().is_none_or(|i| i.trim().is_empty()) =>
            {
                errors.push(FieldError::required("insurer"));
            }
            _ => {}
        }
        if input.status == RenewalStatus::Lost && input.lost_reason.is_none() {
            errors.push(FieldError::required("lost_reason"));
        }
        if input.status == RenewalStatus::RenewedHere {
            match &input.new_policy {
                None => errors.push(FieldError::required("new_policy")),
                Some(p) => {
                    let old = tenant::find::<insurance_policy::Entity, _>(
                        &*tx,
                        actor.scope(),
                        before.policy_id,
                    )
                    .await?
                    .ok_or(CoreError::not_found("insurance_policy"))?;
                    let mut model = insurance_policy::Model {
                        id: Uuid::now_v7(),
                        insurer: insurer.clone().unwrap_or_default(),
                        policy_no: String::new(),
                        premium_fen: 0,
                        starts_on: p.starts_on,
                        ends_on: p.ends_on,
                        sold_here: true,
                        customer_id: before.customer_id.or(old.customer_id),
                        created_at: now,
                        updated_at: now,
                        version: 1,
                        ..old
                    };
                    check_fields(
                        &mut errors,
                        "new_policy.",
                        &mut model,
                        PolicyFields {
                            insurer: None,
                            policy_no: Some(&p.policy_no),
                            premium_fen: Some(p.premium_fen),
                            starts_on: Some(p.starts_on),
                            ends_on: Some(p.ends_on),
                        },
                    );
                    new_policy = Some(model);
                }
            }
        }
        require_open(&before)?;
        check_version(&before, input.version)?;
        errors.finish()?;
        let new_policy = match new_policy {
            Some(model) => {
                Some(insert_policy(&*tx, actor, model, "new_policy.policy_no", now).await?)
            }
            None => None,
        };
        if let Some(task) = before.task_id {
            forecourt_work::withdraw_activity_in(&*tx, actor, ActivityId::from_uuid(task), now)
                .await?;
        }
        let mut after = before.clone();
        after.status = input.status.as_str().to_owned();
        after.insurer = match input.status {
            RenewalStatus::Lost => None,
            _ => insurer,
        };
        after.lost_reason = match input.status {
            RenewalStatus::Lost => input.lost_reason.map(|r| r.as_str().to_owned()),
            _ => None,
        };
        after.new_policy_id = new_policy.as_ref().map(|p| p.id);
        after.task_id = None;
        after.closed_at = Some(now);
        let entry = AuditEntry::updated(&before, &after).with_action("renewal.closed");
        let saved =
            audit::save::<renewal::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("renewal", e)
            })
            .await?;
        if let Some(customer) = saved.customer_id {
            timeline::record(
                &*tx,
                actor,
                vec![
                    TimelineEvent::new(
                        customer,
                        "renewal.closed",
                        json!({"status": saved.status, "insurer": saved.insurer, "lost_reason": saved.lost_reason}),
                    )
                    .about("renewal", saved.id),
                ],
                now,
            )
            .await?;
        }
        let view = detail(&*tx, actor, now, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }

    /// Gives an open renewal (and its call task) to another agent. Needs `renewal:assign`;
    /// an agent who is not an active user working renewals is 422 naming `agent_id`; a closed
    /// renewal 409.
    pub async fn assign_renewal(
        &self,
        actor: &Actor,
        id: RenewalId,
        input: RenewalAssignment,
    ) -> CoreResult<RenewalDetail> {
        let tx = self.db().begin().await?;
        let before = renewal_for(&*tx, actor, id, Permission::RenewalAssign).await?;
        let agent = tenant::find::<user::Entity, _>(&*tx, actor.scope(), input.agent_id.uuid())
            .await?
            .filter(|u| u.status == "active");
        let works = match &agent {
            Some(u) => role_grants(&*tx, actor.scope(), &u.role_key)
                .await?
                .is_some_and(|g| g.has(Permission::RenewalWork)),
            None => false,
        };
        require_open(&before)?;
        if !works {
            return Err(CoreError::invalid(FieldError::new(
                "agent_id",
                "unknown_user",
                "is not an active user of this dealer who works renewals",
            )));
        }
        let now = self.now();
        let agent = input.agent_id.uuid();
        if before.agent_id == Some(agent) {
            let view = detail(&*tx, actor, now, &before).await?;
            tx.commit().await?;
            return Ok(view);
        }
        let mut after = before.clone();
        after.agent_id = Some(agent);
        match before.task_id {
            Some(task) => {
                forecourt_work::reassign_activity_in(
                    &*tx,
                    actor,
                    ActivityId::from_uuid(task),
                    input.agent_id,
                    now,
                )
                .await?;
            }
            None => {
                let today = actor.time_zone().local_date(now);
                let task =
                    push_call_task(&*tx, actor, &before, agent, end_of_day(actor, today), now)
                        .await?;
                after.task_id = Some(task);
            }
        }
        let entry = AuditEntry::action("renewal", "assigned", Some(before.id)).change(
            "agent_id",
            before.agent_id.map(|a| a.to_string()),
            agent.to_string(),
        );
        let saved =
            audit::save::<renewal::Entity, _>(&*tx, actor, &before, after, entry, now, |e| {
                CoreError::from_db("renewal", e)
            })
            .await?;
        let view = detail(&*tx, actor, now, &saved).await?;
        tx.commit().await?;
        Ok(view)
    }
}
