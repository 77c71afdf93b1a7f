//! A loss settled: confirmed (grade F, no more follow-ups, the opportunity closed) or refused
//! (the lead is worked again).

use crate::leads::write::{Origin, record_grade, regrade, reschedule};
use crate::opportunities;
use crate::settings::effective;
use chrono::{DateTime, Utc};
use forecourt_db::ConnectionTrait;
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

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
    let entry = AuditEntry::updated(before, &after).with_action("lead.lost_refused");
    let saved = audit::save::<lead::Entity, _>(conn, actor, before, after, entry, now, |e| {
        CoreError::from_db("lead", e)
    })
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
