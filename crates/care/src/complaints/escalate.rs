//! The escalation scan (`care.complaint_escalations`, every five minutes): for each open
//! complaint of each dealer, the steps of its running clocks that are due — the warning to the
//! handler, the breach to whoever assigns complaints (the breach stays on record), the senior
//! step to the general manager (`complaint:configure`). Each step is recorded under a unique
//! key (complaint, clock, step, cycle) in its own transaction before anyone is told, so two
//! nodes, or a run repeated, fire it exactly once.

use super::clocks::{clock, pauses_of};
use super::enter::{add_step, holders, tell};
use crate::Care;
use crate::rules::CareRules;
use chrono::{DateTime, Utc};
use forecourt_db::entities::{complaint, complaint_escalation};
use forecourt_db::repo::care;
use forecourt_domain::care::complaint::SlaClock;
use forecourt_domain::care::escalation::{EscalationStep, steps_due};
use forecourt_domain::permission::Permission;
use forecourt_kernel::audit::{self, AuditEntry};
use forecourt_kernel::auth::Actor;
use forecourt_kernel::error::CoreResult;
use forecourt_kernel::jobs::{JobContext, JobRegistry};
use uuid::Uuid;

/// The escalation scan's job.
pub const ESCALATION_JOB: &str = "care.complaint_escalations";

pub fn register_jobs(registry: &mut JobRegistry) {
    registry.register(ESCALATION_JOB, |ctx: JobContext| async move {
        use crate::CareExt as _;
        ctx.app.care().escalate_complaints().await?;
        Ok(())
    });
}

/// The notice of a step of a clock.
fn notice_kind(clock: SlaClock, step: EscalationStep) -> &'static str {
    match (clock, step) {
        (SlaClock::FirstResponse, EscalationStep::Warning) => "complaint.first_response_warning",
        (SlaClock::FirstResponse, EscalationStep::Breach) => "complaint.first_response_breached",
        (SlaClock::FirstResponse, EscalationStep::Senior) => "complaint.first_response_senior",
        (SlaClock::Resolution, EscalationStep::Warning) => "complaint.resolution_warning",
        (SlaClock::Resolution, EscalationStep::Breach) => "complaint.resolution_breached",
        (SlaClock::Resolution, EscalationStep::Senior) => "complaint.resolution_senior",
    }
}

impl Care<'_> {
    /// Fires the escalation steps now due in every dealer; returns how many were fired.
    pub async fn escalate_complaints(&self) -> CoreResult<usize> {
        let mut fired = 0;
        for dealer in self.all_dealers().await? {
            let actor = self.system_actor(dealer.id).await?;
            fired += self.escalate_dealer(&actor).await?;
        }
        Ok(fired)
    }

    async fn escalate_dealer(&self, actor: &Actor) -> CoreResult<usize> {
        let now = self.now();
        let conn = self.db().conn();
        let scope = actor.scope();
        let open = care::open_complaints(conn, scope).await?;
        if open.is_empty() {
            return Ok(0);
        }
        let rules = CareRules::load(conn, actor, self.today(actor)).await?;
        let ids: Vec<Uuid> = open.iter().map(|c| c.id).collect();
        let pauses = care::pauses_of(conn, scope, &ids).await?;
        let fired_before = care::escalations_of(conn, scope, &ids).await?;
        let mut fired = 0;
        for c in &open {
            let own = pauses_of(&pauses, c.id);
            for which in [SlaClock::FirstResponse, SlaClock::Resolution] {
                let cycle = if which == SlaClock::FirstResponse {
                    0
                } else {
                    c.cycle
                };
                for (step, due) in
                    steps_due(&rules.calendar, &clock(c, which, &own), rules.ladder, now)
                {
                    let known = fired_before.iter().any(|e| {
                        e.complaint_id == c.id
                            && e.clock == which.as_str()
                            && e.step == step.as_str()
                            && e.cycle == cycle
                    });
                    if !known && self.fire(actor, c, which, step, cycle, due, now).await? {
                        fired += 1;
                    }
                }
            }
        }
        Ok(fired)
    }

    /// Records one step and tells its people; false when it was already on record.
    #[allow(clippy::too_many_arguments)]
    async fn fire(
        &self,
        actor: &Actor,
        c: &complaint::Model,
        which: SlaClock,
        step: EscalationStep,
        cycle: i32,
        due: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> CoreResult<bool> {
        let tx = self.db().begin().await?;
        let scope = actor.scope();
        let row = complaint_escalation::Model {
            id: Uuid::now_v7(),
            dealer_id: c.dealer_id,
            complaint_id: c.id,
            clock: which.as_str().to_owned(),
            step: step.as_str().to_owned(),
            cycle,
            due_at: due,
            fired_at: now,
        };
        if !care::insert_escalation_if_new(&*tx, scope, row).await? {
            return Ok(false);
        }
        if step == EscalationStep::Breach {
            care::mark_breached(&*tx, scope, c.id, which == SlaClock::FirstResponse).await?;
        }
        let people = match step {
            EscalationStep::Warning => match c.handler_id {
                Some(h) => vec![h],
                None => holders(&*tx, actor, Permission::ComplaintAssign).await?,
            },
            EscalationStep::Breach => {
                let mut p = holders(&*tx, actor, Permission::ComplaintAssign).await?;
                p.extend(c.handler_id);
                p
            }
            EscalationStep::Senior => holders(&*tx, actor, Permission::ComplaintConfigure).await?,
        };
        tell(&*tx, actor, c, people, notice_kind(which, step), now).await?;
        add_step(
            &*tx,
            actor,
            c,
            "escalated",
            Some(format!("{}:{}", which.as_str(), step.as_str())),
            None,
            now,
        )
        .await?;
        audit::record(
            &*tx,
            actor,
            AuditEntry::action("complaint", "escalated", Some(c.id))
                .change("clock", serde_json::Value::Null, which.as_str())
                .change("step", serde_json::Value::Null, step.as_str())
                .change("cycle", serde_json::Value::Null, cycle),
            now,
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
