//! Logging a follow-up: the channel, what was said, the grade after it and the next step. It
//! closes the pushed follow-up task and schedules the next one by the new grade's cadence.

use super::access::lead_for;
use super::views::{LeadView, lead_views};
use super::write::{Origin, record_grade, regrade, reschedule};
use crate::Sales;
use crate::settings::effective;
use chrono::{DateTime, Utc};
use forecourt_db::entities::{lead, lead_follow_up};
use forecourt_db::repo::tenant;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{FollowUpChannel, Grade, LeadStatus};
use forecourt_domain::username::{NOTE_MAX, REASON_MAX};
use forecourt_domain::username::{parse_name, parse_optional_text};
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::{Actor, ActorKind};
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde::Deserialize;
use serde_json::json;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Clone, Debug, Deserialize, ToSchema)]
pub struct NewFollowUp {
    /// The lead's version last read; a stale one is refused with 409 `version_conflict`.
    pub version: i64,
    /// How the customer was reached: `phone`, `wechat`, `sms`, `visit` or `email`.
    pub channel: FollowUpChannel,
    /// What was said.
    #[schema(schema_with = forecourt_domain::schema::name::<{ forecourt_domain::username::NOTE_MAX }>)]
    pub summary: String,
    /// The grade after the talk: H, A, B or C.
    #[schema(schema_with = forecourt_domain::schema::judged_grade)]
    pub grade: Grade,
    /// What happens next ("invite to the test-drive day on Saturday").
    #[schema(schema_with = forecourt_domain::schema::optional_text::<{ forecourt_domain::username::REASON_MAX }>)]
    pub next_step: Option<String>,
    /// When to call next, if the customer named a time (default: the grade's cadence).
    pub next_follow_up_at: Option<DateTime<Utc>>,
    /// When it happened (default now; not in the future).
    pub occurred_at: Option<DateTime<Utc>>,
}

impl Sales<'_> {
    /// Records a talk with the customer on an open lead: the new grade, the next step and when to
    /// call next (closing the pushed follow-up task). Needs `lead.update` reaching the lead's owner
    /// (else 404); a stale `version` is 409 `version_conflict`, a lead that is not open 409
    /// `invalid_state`.
    pub async fn log_follow_up(
        &self,
        actor: &Actor,
        id: LeadId,
        input: NewFollowUp,
    ) -> CoreResult<LeadView> {
        let tx = self.db().begin().await?;
        let before = lead_for(&*tx, actor, id, Permission::LeadUpdate).await?;
        if before.version != input.version {
            return Err(CoreError::VersionConflict { entity: "lead" });
        }
        if before.status != LeadStatus::Open.as_str() {
            return Err(CoreError::invalid_state(
                "only an open lead is followed up; reopen it first",
            ));
        }
        let now = self.now();
        let mut errors = FieldErrors::new();
        let summary = errors.check(parse_name("summary", &input.summary, NOTE_MAX));
        let next_step = errors
            .check(parse_optional_text(
                "next_step",
                input.next_step.as_deref(),
                REASON_MAX,
            ))
            .flatten();
        if !Grade::JUDGED.contains(&input.grade) {
            errors.push(FieldError::new(
                "grade",
                "invalid_value",
                "must be H, A, B or C (an order or a loss has its own action)",
            ));
        }
        let occurred_at = input.occurred_at.unwrap_or(now);
        if occurred_at > now + chrono::Duration::minutes(5) {
            errors.push(FieldError::new(
                "occurred_at",
                "in_future",
                "must not be in the future",
            ));
        }
        if input.next_follow_up_at.is_some_and(|t| t <= now) {
            errors.push(FieldError::new(
                "next_follow_up_at",
                "in_past",
                "must be in the future",
            ));
        }
        errors.finish()?;
        let settings = effective(&*tx, actor).await?;
        let grade_before = before.grade.clone();
        let mut after: lead::Model = before.clone();
        let change = regrade(actor, &mut after, input.grade, Origin::FollowUp, now);
        after.last_contact_at =
            Some(occurred_at.max(before.last_contact_at.unwrap_or(occurred_at)));
        reschedule(&mut after, &settings, actor, occurred_at);
        if let Some(at) = input.next_follow_up_at {
            after.next_follow_up_at = Some(at);
        }
        let task = after.follow_up_activity_id.take();
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
        let summary = summary.unwrap_or_default();
        let row = lead_follow_up::Model {
            id: Uuid::now_v7(),
            dealer_id: saved.dealer_id,
            lead_id: saved.id,
            customer_id: saved.customer_id,
            user_id: (actor.kind() != ActorKind::System).then(|| actor.user_id().uuid()),
            channel: input.channel.as_str().to_owned(),
            summary: summary.clone(),
            grade_before: grade_before.clone(),
            grade_after: saved.grade.clone(),
            next_step: next_step.clone(),
            next_follow_up_at: saved.next_follow_up_at,
            activity_id: task,
            occurred_at,
            created_at: now,
        };
        let row =
            tenant::insert::<lead_follow_up::Entity, _>(&*tx, actor.scope(), row.dealer_id, row)
                .await?;
        crate::follow_up_tasks::close_task(&*tx, actor, task, &summary, now).await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("lead", "followed_up", Some(saved.id))
                .change("grade", grade_before.clone(), saved.grade.clone())
                .change("channel", serde_json::Value::Null, input.channel.as_str())
                .change(
                    "next_follow_up_at",
                    before.next_follow_up_at.map(|t| t.to_rfc3339()),
                    saved.next_follow_up_at.map(|t| t.to_rfc3339()),
                ),
            now,
        )
        .await?;
        timeline::record(
            &*tx,
            actor,
            vec![
                TimelineEvent::new(
                    saved.customer_id,
                    "lead.followed_up",
                    json!({
                        "channel": row.channel,
                        "summary": row.summary,
                        "grade_before": grade_before,
                        "grade_after": saved.grade,
                        "next_step": next_step,
                    }),
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
