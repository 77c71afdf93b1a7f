//! Reopening a lost lead.

use super::ReopenInput;
use crate::Sales;
use crate::leads::access::lead_for;
use crate::leads::views::{LeadView, lead_views};
use crate::leads::write::{Origin, record_grade, regrade, reschedule};
use crate::opportunities;
use crate::settings::effective;
use forecourt_db::entities::lead;
use forecourt_db::repo::tenant;
use forecourt_domain::ids::LeadId;
use forecourt_domain::permission::Permission;
use forecourt_domain::sales::{Grade, LeadStatus};
use forecourt_domain::username::REMARK_MAX;
use forecourt_domain::username::parse_optional_text;
use forecourt_domain::{FieldError, FieldErrors};
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::{CoreError, CoreResult};
use forecourt_kernel::timeline::{self, TimelineEvent};
use serde_json::json;

impl Sales<'_> {
    /// Reopens a lost lead at a new grade, clearing its lost details and scheduling the next
    /// follow-up. Needs `lead.update` on the lead (out of scope: 404); a stale `version` is 409
    /// `version_conflict`, a lead not lost 409 `invalid_state`, a grade other than H, A, B or C
    /// 422.
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
