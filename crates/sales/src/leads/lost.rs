//! Losing a lead (战败): the reason from the dealer's list and the competitor bought, with the
//! manager's approval when the dealer asks for it; and reopening a lost lead.

use super::access::lead_for;
use super::views::{LeadView, lead_views};
use super::write::{Origin, record_grade, regrade, reschedule};
use crate::Sales;
use crate::opportunities;
use crate::settings::effective;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::{Permission, Scope};
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::username::{LONG_NAME_MAX, NAME_MAX, REMARK_MAX};
use forecourt_domain::work::ApprovalStatus;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::approvals::{self, ApprovalInput, ApprovalType, EffectCtx, EffectFuture};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::lookups::{self, LookupList};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;

/// Reasons after which no competitor was bought.
const NO_COMPETITOR: [&str; 3] = ["postponed", "financing_refused", DUPLICATE];

/// The reason of a lead closed because its customer has another being worked.
pub const DUPLICATE: &str = "duplicate";

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct LostInput {
    pub version: i64,
    /// A key of the dealer's `lost_reason` list.
    pub reason: String,
    /// The brand they bought instead (required unless they postponed or the loan was refused).
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::NAME_MAX }>)]
    pub competitor_brand: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::LONG_NAME_MAX }>)]
    pub competitor_model: Option<String>,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct ReopenInput {
    pub version: i64,
    /// H, A, B or C.
    #[schema(schema_with = forecourt_domain::schema::judged_grade)]
    pub grade: Grade,
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REMARK_MAX }>)]
    pub note: Option<String>,
}

/// A consultant's loss waiting for the manager (when the dealer asks for approval). Deciding
/// it — here or on the lead — confirms or refuses the loss in the same transaction.
pub static LOST_APPROVAL: ApprovalType = ApprovalType {
    kind: "lead.lost",
    permission: Permission::LeadAssign,
    generic: false,
    check: None,
    on_approve: Some(approve_loss),
    on_reject: Some(refuse_loss),
};

fn approve_loss(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        if let Some(before) = pending_lead(&ctx).await? {
            confirm_lost(ctx.conn, ctx.decider, &before, ctx.now).await?;
        }
        Ok(())
    })
}

fn refuse_loss(ctx: EffectCtx<'_>) -> EffectFuture<'_> {
    Box::pin(async move {
        if let Some(before) = pending_lead(&ctx).await? {
            refuse_lost(ctx.conn, ctx.decider, &before, ctx.now).await?;
        }
        Ok(())
    })
}

/// The request's lead, while it still waits for the decision.
async fn pending_lead(ctx: &EffectCtx<'_>) -> CoreResult<Option<lead::Model>> {
    let Some(id) = ctx.request.ref_id else {
        return Ok(None);
    };
    Ok(
        tenant::find::<lead::Entity, _>(ctx.conn, ctx.decider.scope(), id)
            .await?
            .filter(|l| l.status == LeadStatus::LostPending.as_str()),
    )
}

/// Whether the actor decides losses themselves (a manager of the whole dealer).
fn decides_losses(actor: &Actor) -> bool {
    actor
        .require(Permission::LeadAssign)
        .is_ok_and(|s| s >= Scope::Dealer)
}

/// Marks a lead lost for good: grade F, no more follow-ups, the opportunity closed.
pub async fn confirm_lost<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &lead::Model,
    now: DateTime<Utc>,
) -> CoreResult<lead::Model> {
    let mut after = before.clone();
    let change = regrade(actor, &mut after, Grade::F, Origin::Lost, now);
    after.status = LeadStatus::Lost.as_str().to_owned();
    after.next_follow_up_at = None;
    after.lost_at = Some(now);
    crate::follow_up_tasks::drop_task(conn, actor, after.follow_up_activity_id.take(), now).await?;
    let saved = tenant::update::<lead::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("lead", e))?;
    record_grade(conn, actor, change).await?;
    opportunities::on_lead_lost(conn, actor, saved.id, now).await?;
    audit::record(
        conn,
        actor,
        AuditEntry::updated(before, &saved).with_action("lead.lost"),
        now,
    )
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(
                saved.customer_id,
                "lead.lost",
                json!({
                    "reason": saved.lost_reason_key,
                    "competitor_brand": saved.lost_competitor_brand,
                    "competitor_model": saved.lost_competitor_model,
                }),
            )
            .about("lead", saved.id),
        ],
        now,
    )
    .await?;
    Ok(saved)
}

/// A lost request refused: the lead is worked again, its follow-ups resume.
pub async fn refuse_lost<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    before: &lead::Model,
    now: DateTime<Utc>,
) -> CoreResult<lead::Model> {
    let settings = effective(conn, actor).await?;
    let mut after = before.clone();
    after.status = LeadStatus::Open.as_str().to_owned();
    after.lost_reason_key = None;
    after.lost_competitor_brand = None;
    after.lost_competitor_model = None;
    after.lost_note = None;
    after.lost_at = None;
    reschedule(&mut after, &settings, actor, now);
    let saved = tenant::update::<lead::Entity, _>(
        conn,
        actor.scope(),
        before.id,
        after,
        before.version,
        now,
    )
    .await
    .map_err(|e| CoreError::from_db("lead", e))?;
    audit::record(
        conn,
        actor,
        AuditEntry::updated(before, &saved).with_action("lead.lost_refused"),
        now,
    )
    .await?;
    timeline::record(
        conn,
        actor,
        vec![
            TimelineEvent::new(saved.customer_id, "lead.lost_refused", json!({}))
                .about("lead", saved.id),
        ],
        now,
    )
    .await?;
    Ok(saved)
}

/// Before two customers become one: the one merged away may not bring a second worked lead
/// to a survivor that has one. Its leads being worked are closed as duplicates (a loss waiting
/// for approval is withdrawn, their tasks end), with the survivor's lead named in the note.
pub async fn close_duplicates_before_merge<C: ConnectionTrait>(
    conn: &C,
    actor: &Actor,
    survivor: uuid::Uuid,
    merged: uuid::Uuid,
    now: DateTime<Utc>,
) -> CoreResult<()> {
    let Some(kept) = forecourt_db::repo::leads::open_of_customer(conn, actor.scope(), survivor)
        .await?
        .into_iter()
        .next()
    else {
        return Ok(());
    };
    for before in forecourt_db::repo::leads::open_of_customer(conn, actor.scope(), merged).await? {
        if let Some(request) = forecourt_db::repo::approvals::pending_about(
            conn,
            actor.scope(),
            LOST_APPROVAL.kind,
            "lead",
            before.id,
        )
        .await?
        {
            approvals::withdraw_in(
                conn,
                actor,
                request,
                forecourt_domain::text::Text::new("approval.withdrawn.customer_merged"),
                now,
            )
            .await?;
        }
        let mut details = before.clone();
        details.lost_reason_key = Some(DUPLICATE.to_owned());
        details.lost_competitor_brand = None;
        details.lost_competitor_model = None;
        details.lost_note = Some(format!("merged: the customer's lead is {}", kept.id));
        let with_details = tenant::update::<lead::Entity, _>(
            conn,
            actor.scope(),
            before.id,
            details,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("lead", e))?;
        confirm_lost(conn, actor, &with_details, now).await?;
    }
    Ok(())
}

impl Sales<'_> {
    /// Marks a lead lost, or asks the manager to (the lead waits as `lost_pending`).
    pub async fn mark_lead_lost(
        &self,
        actor: &Actor,
        id: LeadId,
        input: LostInput,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::Open.as_str() {
            return Err(CoreError::invalid_state(
                "only an open lead can be marked lost",
            ));
        }
        let mut errors = FieldErrors::new();
        let reason = lookups::check_key(
            &*tx,
            actor,
            &mut errors,
            LookupList::LostReason,
            "reason",
            Some(&input.reason),
        )
        .await?;
        if input.reason.trim().is_empty() {
            errors.push(FieldError::required("reason"));
        }
        let brand = errors
            .check(parse_optional_text(
                "competitor_brand",
                input.competitor_brand.as_deref(),
                NAME_MAX,
            ))
            .flatten();
        let model = errors
            .check(parse_optional_text(
                "competitor_model",
                input.competitor_model.as_deref(),
                LONG_NAME_MAX,
            ))
            .flatten();
        let note = errors
            .check(parse_optional_text(
                "note",
                input.note.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        if brand.is_none()
            && reason
                .as_deref()
                .is_some_and(|r| !NO_COMPETITOR.contains(&r))
        {
            errors.push(FieldError::new(
                "competitor_brand",
                "required",
                "name the brand they bought instead",
            ));
        }
        errors.finish()?;
        let now = self.now();
        let settings = effective(&*tx, actor).await?;
        let mut pending = before.clone();
        pending.lost_reason_key = reason;
        pending.lost_competitor_brand = brand;
        pending.lost_competitor_model = model;
        pending.lost_note = note;
        pending.lost_at = Some(now);
        let saved = if settings.lost_needs_approval && !decides_losses(actor) {
            pending.status = LeadStatus::LostPending.as_str().to_owned();
            pending.next_follow_up_at = None;
            let saved = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                pending,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            audit::record(
                &*tx,
                actor,
                AuditEntry::updated(&before, &saved).with_action("lead.lost_requested"),
                now,
            )
            .await?;
            timeline::record(
                &*tx,
                actor,
                vec![TimelineEvent::new(
                    saved.customer_id,
                    "lead.lost_requested",
                    json!({"reason": saved.lost_reason_key, "competitor_brand": saved.lost_competitor_brand}),
                )
                .about("lead", saved.id)],
                now,
            )
            .await?;
            let customer =
                crate::follow_up_tasks::customer_name(&*tx, actor, saved.customer_id).await?;
            approvals::create_request(
                &*tx,
                actor,
                ApprovalInput {
                    kind: LOST_APPROVAL.kind,
                    title: customer,
                    title_text: None,
                    reference: Some(("lead".to_owned(), saved.id)),
                    payload: json!({
                        "reason": saved.lost_reason_key,
                        "competitor_brand": saved.lost_competitor_brand,
                        "competitor_model": saved.lost_competitor_model,
                        "note": saved.lost_note,
                    }),
                },
                now,
            )
            .await?;
            saved
        } else {
            // The lost details first (one update), then the loss itself.
            let with_details = tenant::update::<lead::Entity, _>(
                &*tx,
                actor.scope(),
                before.id,
                pending,
                before.version,
                now,
            )
            .await
            .map_err(|e| CoreError::from_db("lead", e))?;
            confirm_lost(&*tx, actor, &with_details, now).await?
        };
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }

    /// Decides a lost request (the manager).
    pub async fn decide_lead_lost(
        &self,
        actor: &Actor,
        id: LeadId,
        version: i64,
        approve: bool,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if !decides_losses(actor) {
            return Err(CoreError::Forbidden {
                permission: Permission::LeadAssign,
            });
        }
        if before.version != version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::LostPending.as_str() {
            return Err(CoreError::invalid_state(
                "the lead is not waiting for a loss to be approved",
            ));
        }
        let now = self.now();
        // The request in the approvals list is decided with it (its effect does the work).
        let request = forecourt_db::repo::approvals::pending_about(
            &*tx,
            actor.scope(),
            LOST_APPROVAL.kind,
            "lead",
            before.id,
        )
        .await?;
        let saved = match request {
            Some(request) => {
                let outcome = if approve {
                    ApprovalStatus::Approved
                } else {
                    ApprovalStatus::Rejected
                };
                approvals::settle(&tx, actor, &LOST_APPROVAL, request, outcome, None, now).await?;
                tenant::find::<lead::Entity, _>(&*tx, actor.scope(), before.id)
                    .await?
                    .ok_or(CoreError::not_found("lead"))?
            }
            None if approve => confirm_lost(&*tx, actor, &before, now).await?,
            None => refuse_lost(&*tx, actor, &before, now).await?,
        };
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }

    pub async fn reopen_lead(
        &self,
        actor: &Actor,
        id: LeadId,
        input: ReopenInput,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::Lost.as_str() {
            return Err(CoreError::invalid_state("only a lost lead can be reopened"));
        }
        let mut errors = FieldErrors::new();
        if !Grade::JUDGED.contains(&input.grade) {
            errors.push(FieldError::new(
                "grade",
                "invalid_value",
                "must be H, A, B or C",
            ));
        }
        let note = errors
            .check(parse_optional_text(
                "note",
                input.note.as_deref(),
                REMARK_MAX,
            ))
            .flatten();
        errors.finish()?;
        let now = self.now();
        let settings = effective(&*tx, actor).await?;
        let mut after = before.clone();
        let change = regrade(actor, &mut after, input.grade, Origin::Reopened, now);
        after.status = LeadStatus::Open.as_str().to_owned();
        // A fresh start: the stagnation period counts from the reopening.
        after.last_upgrade_at = now;
        after.stagnant_since = None;
        after.lost_reason_key = None;
        after.lost_competitor_brand = None;
        after.lost_competitor_model = None;
        after.lost_note = None;
        after.lost_at = None;
        reschedule(&mut after, &settings, actor, now);
        let saved = tenant::update::<lead::Entity, _>(
            &*tx,
            actor.scope(),
            before.id,
            after,
            before.version,
            now,
        )
        .await
        .map_err(|e| CoreError::from_db("lead", e))?;
        record_grade(&*tx, actor, change).await?;
        opportunities::on_lead_reopened(&*tx, actor, saved.id, now).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::updated(&before, &saved).with_action("lead.reopened"),
            now,
        )
        .await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "lead.reopened",
                    json!({"grade": saved.grade, "note": note}),
                )
                .about("lead", saved.id),
            ],
            now,
        )
        .await?;
        let view = lead_views(&*tx, actor, now, std::slice::from_ref(&saved))
            .await?
            .pop()
            .ok_or(CoreError::not_found("lead"))?;
        tx.commit().await?;
        Ok(view)
    }
}
